// Contradictions: every denial and every pair of incompatible figures, both sides named (who, how,
// what, when, where) and linked to their claims; filter by kind. The filter lives in the URL.
import { api, query } from "../api.js";
import { h, mount } from "../dom.js";
import { day } from "../format.js";
import { errorBox, notice, start } from "../layout.js";
import { polarity, sideSource, truncate } from "../disputes.js";

const KINDS = [["", "all kinds"], ["denial", "denials"], ["figures", "incompatible figures"]];

function side(s, kind) {
  const what = kind === "figures" && s.figures.length ? s.figures.join(", ") : null;
  return h(
    "td",
    { class: "side", "data-testid": "side" },
    h("div", { class: "who" }, sideSource(s), " ", polarity(s.polarity)),
    s.cue ? h("div", { class: "cue-text" }, h("span", { class: "muted" }, "said as "), `“${s.cue}”`) : null,
    what ? h("div", { class: "figure" }, what) : null,
    h("div", { class: "proposition" }, h("a", { href: `/clusters/${encodeURIComponent(s.cluster)}`, class: "open-claim", title: "open this claim across reports" }, `“${truncate(s.label, 220)}”`)),
    h(
      "div",
      { class: "muted" },
      s.published ? day(s.published) : "undated",
      s.outlet ? ` · ${s.outlet}` : "",
      s.document_id ? [" · ", h("a", { href: `/documents/${encodeURIComponent(s.document_id)}${s.attribution_id ? `#${encodeURIComponent(s.attribution_id)}` : ""}` }, "evidence")] : null,
    ),
  );
}

// One card per disputed topic: each source's figure once, earliest first, the pairs behind it
// below in the table. An analyst briefs "the toll: police 11 then 19, the church 42", not the
// dozen pairs those figures make.
function figureDispute(dispute) {
  return h(
    "li",
    { class: "figure-dispute", "data-testid": "figure-dispute" },
    h("div", { class: "topic" }, h("strong", {}, dispute.topic), h("span", { class: "muted" }, ` · ${dispute.sources} sources disagree`)),
    h(
      "ul",
      { class: "positions" },
      dispute.positions.map((s) =>
        h(
          "li",
          { "data-testid": "position" },
          h("span", { class: "figure" }, s.figures.length ? s.figures.join(", ") : "?"),
          " ",
          sideSource(s),
          h("span", { class: "muted" }, ` · ${s.published ? day(s.published) : "undated"}${s.outlet ? ` · ${s.outlet}` : ""} · `),
          h("a", { href: `/clusters/${encodeURIComponent(s.cluster)}`, class: "open-claim", title: s.label }, "claim"),
        ),
      ),
    ),
  );
}

start(async () => {
  const params = new URLSearchParams(location.search);
  const kind = params.get("kind") || "";
  const picker = h("select", { name: "kind", "aria-label": "Kind of contradiction" }, KINDS.map(([value, label]) => h("option", { value, selected: value === kind }, label)));
  picker.addEventListener("change", () => {
    location.search = query({ kind: picker.value });
  });
  let rows;
  let disputes = [];
  try {
    rows = await api(`/api/contradictions${query({ kind })}`);
    if (kind !== "denial") disputes = await api("/api/disputed-figures");
  } catch (error) {
    mount(error.code === "CG011" ? notice("Contradictions come from the cross-document stage, which is not available yet.") : errorBox(error));
    return;
  }
  const counts = { denial: rows.filter((r) => r.kind === "denial").length, figures: rows.filter((r) => r.kind === "figures").length };
  mount(
    h(
      "div",
      { class: "toolbar" },
      h("label", {}, "Show ", picker),
      h("span", { class: "muted", "data-testid": "contradictions-summary" }, `${rows.length} contradiction(s)`, kind ? "" : ` · ${counts.denial} denial(s), ${counts.figures} pair(s) of figures`, " · most recent first"),
    ),
    disputes.length
      ? h(
          "section",
          { "data-testid": "figure-disputes" },
          h("h2", {}, `Disputed figures (${disputes.length} topic${disputes.length === 1 ? "" : "s"})`),
          h("ul", { class: "figure-disputes" }, disputes.map(figureDispute)),
        )
      : null,
    rows.length && disputes.length ? h("h2", {}, kind ? "Each pair" : "Each denial and pair of figures") : null,
    rows.length
      ? h(
          "table",
          { "data-testid": "contradictions-table", class: "contradictions" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Kind, latest report"), h("th", { scope: "col" }, "Disputed claim"), h("th", { scope: "col" }, "Disputed by"), h("th", { scope: "col" }, "Why"))),
          h(
            "tbody",
            {},
            rows.map((row) =>
              h(
                "tr",
                { dataset: { kind: row.kind, contradiction: row.id } },
                h("td", {}, h("span", { class: `chip kind ${row.kind}` }, row.kind === "figures" ? "figures" : "denial"), row.first_reported ? h("div", { class: "date" }, day(row.first_reported)) : null),
                side(row.claim_side, row.kind),
                side(row.by_side, row.kind),
                h("td", { class: "muted why" }, row.explanation),
              ),
            ),
          ),
        )
      : h("p", { class: "muted" }, "No contradictions of this kind."),
  );
});
