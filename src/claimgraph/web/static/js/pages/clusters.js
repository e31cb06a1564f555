// Clusters: every claim stated across reports, sortable (support, reports, recency), filtered by
// polarity and words; denials and non-confirmations stand out. The filter lives in the URL.
import { api, query } from "../api.js";
import { h, mount } from "../dom.js";
import { day, number } from "../format.js";
import { errorBox, notice, start } from "../layout.js";
import { credibility, disputeLines, polarity, truncate } from "../disputes.js";

const SORTS = [["support", "independent support"], ["reports", "most reports"], ["recent", "latest first report"], ["reported", "earliest first report"]];
const POLARITIES = [["", "any polarity"], ["assert", "asserted"], ["deny", "denied"], ["unconfirmed", "unconfirmed"]];

function select(name, value, options, label) {
  return h("label", {}, label, h("select", { name }, options.map(([v, text]) => h("option", { value: v, selected: v === value }, text))));
}

function originNames(cluster) {
  const names = new Map();
  for (const member of cluster.members) {
    const origin = member.chain.length ? member.chain[member.chain.length - 1] : null;
    if (origin && origin.source_id && !names.has(origin.source_id)) names.set(origin.source_id, origin.name);
  }
  return cluster.original_sources.map((id) => names.get(id) || id);
}

function clusterRow(cluster) {
  return h(
    "tr",
    { dataset: { cluster: cluster.id, polarity: cluster.polarity }, class: cluster.polarity !== "assert" ? `not-asserted ${cluster.polarity}` : null },
    h(
      "td",
      {},
      h("a", { href: `/clusters/${encodeURIComponent(cluster.id)}`, class: "cluster-link" }, truncate(cluster.label, 200)),
      h("div", { class: "muted" }, originNames(cluster).join(", ") || "no original source known"),
      disputeLines(cluster.disputes, { limit: 3 }),
    ),
    h("td", {}, polarity(cluster.polarity)),
    h("td", { class: "num" }, number(cluster.support)),
    h("td", { class: "num" }, number(cluster.reports)),
    h("td", { class: "num" }, number(cluster.outlets.length)),
    h("td", { class: "date" }, day(cluster.first_reported)),
    h("td", {}, credibility(cluster.credibility, cluster.credibility_word)),
  );
}

start(async () => {
  const params = new URLSearchParams(location.search);
  const state = { sort: params.get("sort") || "support", polarity: params.get("polarity") || "", search: params.get("search") || "" };
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filter clusters" },
    h("label", { class: "wide" }, "Search words", h("input", { type: "search", name: "search", value: state.search, placeholder: "e.g. troops Kursk" })),
    select("polarity", state.polarity, POLARITIES, "Polarity"),
    select("sort", state.sort, SORTS, "Sort by"),
    h("div", { class: "toolbar" }, h("button", { type: "submit" }, "Apply")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = new FormData(form);
    location.search = query({ search: (values.get("search") || "").toString().trim(), polarity: values.get("polarity"), sort: values.get("sort") === "support" ? "" : values.get("sort") });
  });
  let page;
  try {
    page = await api(`/api/clusters${query({ ...state, limit: 1000 })}`);
  } catch (error) {
    mount(form, error.code === "CG011" ? notice("Claims across reports come from the cross-document stage, which is not available yet.") : errorBox(error));
    return;
  }
  mount(
    form,
    h("p", { class: "muted", "data-testid": "clusters-summary" }, page.total ? `${number(page.total)} claim(s) across reports${page.total > page.items.length ? `; the first ${number(page.items.length)} shown` : ""}` : "No claims match this filter."),
    h(
      "table",
      { "data-testid": "clusters-table" },
      h("thead", {}, h("tr", {}, ["Claim (original sources)", "Polarity", "Independent sources", "Reports", "Outlets", "First reported", "Credibility"].map((label, i) => h("th", { scope: "col", class: i >= 2 && i <= 4 ? "num" : null }, label)))),
      h("tbody", {}, page.items.map(clusterRow)),
    ),
  );
});
