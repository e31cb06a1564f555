// Source page: aliases, parent and child bodies, the reliability grade with its reasons, and all
// the source's claims over time.
import { api, query } from "../api.js";
import { dayBars } from "../charts.js";
import { h, mount, setTitle } from "../dom.js";
import { certainty, day, number, sourceLink } from "../format.js";
import { notice, start } from "../layout.js";
import { polarity } from "../disputes.js";

function grade(detail) {
  if (detail.resolution !== "available") return notice("Grading needs the cross-document stage, which is not available yet.");
  if (!detail.grade) return h("p", { class: "muted" }, "Not graded.");
  const g = detail.grade;
  return h(
    "div",
    { "data-testid": "grade" },
    h(
      "p",
      {},
      g.rated ? [h("span", { class: "badge grade" }, g.reliability), ` ${g.reliability_word}`] : h("span", { class: "badge grade unrated", title: "reliability cannot be judged yet" }, g.reliability_word),
      g.overridden ? [" ", h("span", { class: "chip" }, "set by a user")] : null,
    ),
    h("p", { class: "muted" }, `${g.claims} original claim(s), ${g.confirmed} confirmed by an independent source, ${g.contradicted} contradicted.`),
    g.reasons.length ? h("div", {}, h("strong", {}, "Why:"), h("ul", { "data-testid": "grade-reasons" }, g.reasons.map((reason) => h("li", {}, reason)))) : h("p", { class: "muted" }, "No reasons recorded."),
  );
}

start(async (sourceId) => {
  const detail = await api(`/api/sources/${encodeURIComponent(sourceId)}`);
  const src = detail.source;
  setTitle(src.name);
  const claims = await api(`/api/claims${query({ source: src.id, sort: "published", order: "asc", limit: 500 })}`);
  mount(
    h("p", { class: "article-meta" }, `${src.type}`, src.country ? ` · ${src.country}` : "", src.wikidata ? [" · ", h("a", { href: `https://www.wikidata.org/wiki/${src.wikidata}`, rel: "noopener noreferrer" }, src.wikidata)] : "", ` · id ${src.id}`),
    h(
      "div",
      { class: "grid two" },
      h(
        "section",
        { class: "card" },
        h("h2", {}, "Identity"),
        h(
          "dl",
          {},
          h("dt", {}, "Aliases"),
          h("dd", { "data-testid": "aliases" }, src.aliases.length ? src.aliases.map((alias) => h("span", { class: "chip" }, alias)) : h("span", { class: "muted" }, "none")),
          h("dt", {}, "Parent"),
          h("dd", {}, detail.parent ? sourceLink(detail.parent.id, detail.parent.name) : src.parent ? `${src.parent} (not cited itself)` : h("span", { class: "muted" }, "none")),
          detail.children.length ? [h("dt", {}, "Part of it"), h("dd", {}, detail.children.map((child) => [sourceLink(child.id, child.name), " "]))] : null,
          src.roles.length ? [h("dt", {}, "Roles"), h("dd", {}, src.roles.join(", "))] : null,
          h("dt", {}, "Cited by"),
          h("dd", {}, detail.outlets.length ? detail.outlets.join(", ") : h("span", { class: "muted" }, "no outlet")),
        ),
      ),
      h("section", { class: "card" }, h("h2", {}, "Reliability grade"), grade(detail)),
    ),
    h("h2", {}, `Claims over time (${number(claims.total)})`),
    dayBars(detail.claims_by_day, { key: "count", label: "claims" }),
    h(
      "p",
      {},
      h("a", { href: `/claims${query({ source: src.id })}` }, "Filter, sort and export these claims in the table →"),
    ),
    h(
      "table",
      { "data-testid": "source-claims" },
      h("thead", {}, h("tr", {}, h("th", {}, "Published"), h("th", {}, "Outlet"), h("th", {}, "As"), h("th", {}, "Claim"), h("th", {}, "Certainty"))),
      h(
        "tbody",
        {},
        claims.items.map((claim) =>
          h(
            "tr",
            {},
            h("td", { class: "date" }, day(claim.published)),
            h("td", {}, claim.outlet || ""),
            h("td", {}, claim.source_text || "", claim.cue_text ? h("span", { class: "muted" }, ` ${claim.cue_text}`) : ""),
            h("td", {}, h("a", { href: claim.evidence }, claim.content_text)),
            h("td", {}, certainty(claim.certainty, claim.hedges), claim.polarity ? [" ", polarity(claim.polarity)] : null),
          ),
        ),
      ),
    ),
  );
});
