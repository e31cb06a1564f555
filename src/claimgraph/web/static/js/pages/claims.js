// Claims table: filter, search, sort, page; every row links to its evidence in the article;
// the current filter exports as CSV or JSON. The filter lives in the URL, so a view can be shared.
import { api, query } from "../api.js";
import { h, mount } from "../dom.js";
import { certainty, day, number, sourceLink } from "../format.js";
import { errorBox, start } from "../layout.js";
import { disputeLines, polarity } from "../disputes.js";

const FILTERS = ["search", "source", "certainty", "anonymous", "date_from", "date_to", "place", "topic", "outlet", "form", "document"];
const COLUMNS = [
  { key: "published", label: "Published", sort: "published" },
  { key: "outlet", label: "Outlet", sort: "outlet" },
  { key: "source", label: "Source", sort: "source" },
  { key: "cue", label: "Cue" },
  { key: "content", label: "Claim (links to the evidence)" },
  { key: "certainty", label: "Certainty", sort: "certainty" },
  { key: "numbers", label: "Numbers, places" },
];
const PAGE = 50;

function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  const state = { sort: params.get("sort") || "published", order: params.get("order") || "desc" };
  for (const key of FILTERS) state[key] = params.get(key) || "";
  return state;
}

function field(label, input, wide = false) {
  return h("label", { class: wide ? "wide" : null }, label, input);
}

function select(name, value, options) {
  return h("select", { name }, options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)));
}

/** Polarity (when the claim row lacks it) and "Disputed by: …" under each claim of the page. */
async function markStanding(body, claims) {
  if (!claims.length) return;
  let standing;
  try {
    standing = await api(`/api/disputes${query({ claims: claims.map((claim) => claim.id).join(",") })}`);
  } catch (error) {
    if (error.code === "CG011") return;
    throw error;
  }
  const byClaim = new Map(standing.map((s) => [s.attribution_id, s]));
  for (const claim of claims) {
    const found = byClaim.get(claim.id);
    const row = [...body.children].find((tr) => tr.dataset.claim === claim.id);
    if (!found || !row) continue;
    if (!claim.polarity) row.querySelector(".certainty-cell").append(" ", polarity(found.polarity));
    const lines = disputeLines(found.disputes, { limit: 3 });
    if (lines) row.querySelector(".claim-cell").append(lines);
  }
}

start(async () => {
  const state = stateFromUrl();
  const [sources, outlets, topics] = await Promise.all([api("/api/sources"), api("/api/outlets"), api("/api/topics")]);
  const sourceList = h("datalist", { id: "source-options" }, sources.map((src) => h("option", { value: src.id }, `${src.name} (${src.claims})`)));
  const topicList = h("datalist", { id: "topic-options" }, topics.map((t) => h("option", { value: t.name })));
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filter claims" },
    field("Search words", h("input", { type: "search", name: "search", value: state.search, placeholder: "e.g. troops Kursk" }), true),
    field("Source (id, name or alias)", h("input", { name: "source", value: state.source, list: "source-options", placeholder: "e.g. NIS" })),
    field("Certainty", select("certainty", state.certainty, [["", "any"], ["certain", "certain"], ["probable", "probable"], ["possible", "possible"], ["probable,possible", "hedged (probable or possible)"]])),
    field("Sources", select("anonymous", state.anonymous, [["", "all"], ["true", "anonymous only"], ["false", "named only"]])),
    field("Published from", h("input", { type: "date", name: "date_from", value: state.date_from })),
    field("Published to", h("input", { type: "date", name: "date_to", value: state.date_to })),
    field("Place", h("input", { name: "place", value: state.place, placeholder: "e.g. Kursk" })),
    field("Topic (counted thing)", h("input", { name: "topic", value: state.topic, list: "topic-options", placeholder: "e.g. troops" })),
    field("Outlet", select("outlet", state.outlet, [["", "any"], ...outlets.map((o) => [o.name, `${o.name} (${o.documents})`])])),
    field("Form", select("form", state.form, [["", "any"], ["direct", "direct quote"], ["indirect", "indirect"], ["mixed", "mixed"], ["according_to", "according to"], ["noun", "reporting noun"], ["participial", "participle"]])),
    h("input", { type: "hidden", name: "document", value: state.document }),
    h("div", { class: "toolbar" }, h("button", { type: "submit" }, "Apply"), h("button", { type: "button", class: "secondary", id: "clear" }, "Clear")),
    sourceList,
    topicList,
  );
  const summary = h("p", { class: "muted", "aria-live": "polite", "data-testid": "claims-summary" });
  const exportLinks = h("span", { class: "toolbar" });
  const table = h("table", { "data-testid": "claims-table" });
  const pager = h("div", { class: "pager" });
  const results = h("div", {});
  mount(form, h("div", { class: "toolbar" }, summary, h("span", { class: "spacer" }), exportLinks), results, pager);

  let cursors = [null];

  function filterParams() {
    const params = {};
    for (const key of FILTERS) params[key] = state[key];
    return params;
  }

  function pushUrl() {
    history.replaceState(null, "", `/claims${query({ ...filterParams(), sort: state.sort === "published" ? "" : state.sort, order: state.order === "desc" ? "" : state.order })}`);
  }

  function header() {
    return h(
      "thead",
      {},
      h(
        "tr",
        {},
        COLUMNS.map((column) => {
          if (!column.sort) return h("th", { scope: "col" }, column.label);
          const active = state.sort === column.sort;
          const button = h("button", { type: "button", class: "sort", "aria-label": `Sort by ${column.label}` }, column.label);
          button.addEventListener("click", () => {
            state.order = active && state.order === "desc" ? "asc" : active ? "desc" : column.sort === "published" ? "desc" : "asc";
            state.sort = column.sort;
            cursors = [null];
            load(0);
          });
          return h("th", { scope: "col", "aria-sort": active ? (state.order === "asc" ? "ascending" : "descending") : "none" }, button);
        }),
      ),
    );
  }

  function rowOf(claim) {
    return h(
      "tr",
      { dataset: { claim: claim.id } },
      h("td", { class: "date" }, day(claim.published)),
      h("td", {}, claim.outlet || ""),
      h("td", {}, sourceLink(claim.canonical_source, claim.source_name || claim.source_text), claim.anonymous ? [" ", h("span", { class: "badge anon" }, "anon")] : null, claim.channel_text ? h("div", { class: "muted" }, `via ${claim.channel_text}`) : null),
      h("td", {}, claim.cue_text || ""),
      h("td", { class: "claim-cell" }, h("a", { href: claim.evidence, class: "evidence" }, claim.content_text)),
      h("td", { class: "certainty-cell" }, certainty(claim.certainty, claim.hedges), claim.polarity ? [" ", polarity(claim.polarity)] : null),
      h("td", {}, claim.numbers.map((n) => h("span", { class: "chip number" }, n)), claim.places.map((p) => h("span", { class: "chip place", title: "place" }, p))),
    );
  }

  async function load(pageIndex) {
    pushUrl();
    summary.textContent = "Loading…"; // a stale count never stands beside a new filter
    const params = { ...filterParams(), sort: state.sort, order: state.order, limit: PAGE, cursor: cursors[pageIndex] };
    try {
      const page = await api(`/api/claims${query(params)}`);
      if (page.next_cursor) cursors[pageIndex + 1] = page.next_cursor;
      const first = pageIndex * PAGE + 1;
      summary.textContent = page.total ? `${number(page.total)} claim(s); showing ${number(first)}–${number(first + page.items.length - 1)}` : "No claims match this filter.";
      const body = h("tbody", {}, page.items.map(rowOf));
      table.replaceChildren(header(), body);
      results.replaceChildren(h("div", { class: "table-wrap" }, table));
      await markStanding(body, page.items);
      const exportQuery = query({ ...filterParams(), sort: state.sort, order: state.order });
      const sep = exportQuery ? "&" : "?";
      exportLinks.replaceChildren(
        "Export this filter: ",
        h("a", { class: "button secondary", href: `/api/claims/export${exportQuery}${sep}format=csv`, download: "claims.csv" }, "CSV"),
        h("a", { class: "button secondary", href: `/api/claims/export${exportQuery}${sep}format=json`, download: "claims.json" }, "JSON"),
      );
      const previous = h("button", { type: "button", class: "secondary", disabled: pageIndex === 0 }, "← Previous");
      const next = h("button", { type: "button", class: "secondary", disabled: !page.next_cursor }, "Next →");
      previous.addEventListener("click", () => load(pageIndex - 1));
      next.addEventListener("click", () => load(pageIndex + 1));
      pager.replaceChildren(previous, h("span", { class: "muted" }, `page ${pageIndex + 1} of ${Math.max(1, Math.ceil(page.total / PAGE))}`), next);
    } catch (error) {
      results.replaceChildren(errorBox(error));
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = new FormData(form);
    for (const key of FILTERS) state[key] = (values.get(key) || "").toString().trim();
    cursors = [null];
    load(0);
  });
  form.querySelector("#clear").addEventListener("click", () => {
    for (const key of FILTERS) state[key] = "";
    for (const input of form.querySelectorAll("input:not([type=hidden]), select")) input.value = "";
    form.querySelector("input[name=document]").value = "";
    cursors = [null];
    load(0);
  });
  await load(0);
});
