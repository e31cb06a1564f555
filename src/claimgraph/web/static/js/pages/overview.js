// Overview: corpus counts, a timeline of reports, top claims by independent support (denials and
// unconfirmed claims marked, disputes named), recent contradictions, and the latest articles.
import { api } from "../api.js";
import { dayBars } from "../charts.js";
import { h, mount } from "../dom.js";
import { day, number } from "../format.js";
import { notice, start } from "../layout.js";
import { credibility, disputeLines, polarity, sideSource, truncate } from "../disputes.js";

function stat(n, label, href) {
  const body = [h("span", { class: "n" }, number(n)), h("span", { class: "l" }, label)];
  return href ? h("a", { class: "stat", href, style: null }, ...body) : h("div", { class: "stat" }, ...body);
}

function topClaims(overview) {
  if (overview.resolution !== "available") return notice(overview.resolution_message, ". Claims are listed per article until then: ", h("a", { href: "/claims" }, "all claims"), ".");
  if (!overview.top_clusters.length) return h("p", { class: "muted" }, "No claim clusters yet.");
  return [
    h(
      "ol",
      { "data-testid": "top-claims", class: "top-claims" },
      overview.top_clusters.map((cluster) =>
        h(
          "li",
          { dataset: { polarity: cluster.polarity }, class: cluster.polarity !== "assert" ? `not-asserted ${cluster.polarity}` : null },
          cluster.polarity !== "assert" ? [polarity(cluster.polarity), " "] : null,
          h("a", { href: `/clusters/${encodeURIComponent(cluster.id)}` }, truncate(cluster.label, 180)),
          h(
            "div",
            { class: "muted" },
            `${cluster.support} independent source(s) · ${cluster.reports} report(s) in ${cluster.outlets.length} outlet(s)`,
            cluster.first_reported ? ` · first ${day(cluster.first_reported)}` : "",
            " · credibility ",
            credibility(cluster.credibility, cluster.credibility_word),
          ),
          disputeLines(cluster.disputes, { limit: 2 }),
        ),
      ),
    ),
    h("p", {}, h("a", { href: "/clusters" }, "All claims across reports →")),
  ];
}

/** In a figure dispute, the figures each side gives: "8,000" against "11,000". */
function figures(contradiction, side) {
  if (contradiction.kind !== "figures" || !side || !side.figures.length) return null;
  return [" ", h("strong", { class: "figure" }, side.figures.join(", "))];
}

function contradictions(overview) {
  if (overview.resolution !== "available") return notice(overview.resolution_message, ".");
  if (!overview.contradictions.length) return h("p", { class: "muted" }, "No contradictions found.");
  const name = (side, fallback) => (side ? sideSource(side) : fallback);
  return [
    h(
      "ul",
      { "data-testid": "contradictions" },
      overview.contradictions.map((c) =>
        h(
          "li",
          {},
          h("span", { class: `chip kind ${c.kind}` }, c.kind),
          " ",
          name(c.by_side, c.by),
          c.by_side && c.by_side.cue ? h("span", { class: "muted" }, ` (${c.by_side.cue})`) : null,
          figures(c, c.by_side),
          " ",
          h("a", { href: `/clusters/${encodeURIComponent(c.by)}` }, `“${truncate(c.by_label || c.by, 110)}”`),
          h("span", { class: "muted" }, c.kind === "denial" ? " denies " : " contradicts "),
          name(c.claim_side, c.claim),
          figures(c, c.claim_side),
          " ",
          h("a", { href: `/clusters/${encodeURIComponent(c.claim)}` }, `“${truncate(c.claim_label || c.claim, 110)}”`),
          h("div", { class: "muted" }, c.first_reported ? day(c.first_reported) : ""),
        ),
      ),
    ),
    h("p", {}, h("a", { href: "/contradictions" }, "All contradictions →")),
  ];
}

start(async () => {
  const [overview, documents] = await Promise.all([api("/api/overview"), api("/api/documents?limit=8")]);
  const c = overview.counts;
  const certaintyTotal = Object.values(overview.certainty).reduce((a, b) => a + b, 0) || 1;
  mount(
    c.documents === 0 ? notice("The corpus is empty. ", h("a", { href: "/paste" }, "Paste an article"), " or run ", h("code", {}, "claimgraph ingest FOLDER"), ".") : null,
    h(
      "div",
      { class: "stats", "data-testid": "counts" },
      stat(c.documents, "articles", "/documents"),
      stat(c.claims, "claims", "/claims"),
      stat(c.sources, "sources", "/sources"),
      stat(c.outlets, "outlets"),
      stat(c.places, "places", "/map"),
      stat(c.anonymous_claims, "anonymous claims", "/claims?anonymous=true"),
      c.clusters !== undefined ? stat(c.clusters, "claims across reports", "/clusters") : null,
    ),
    h(
      "p",
      { class: "muted" },
      overview.first_published ? `Reports from ${day(overview.first_published)} to ${day(overview.last_published)}. ` : "",
      "Certainty: ",
      ["certain", "probable", "possible", "unknown"]
        .filter((label) => overview.certainty[label])
        .map((label) => [h("a", { href: `/claims?certainty=${label}`, class: `badge ${label}` }, `${label} ${Math.round((100 * overview.certainty[label]) / certaintyTotal)}%`), " "]),
    ),
    h("h2", {}, "Reports over time"),
    dayBars(overview.timeline, { key: "documents", label: "articles" }),
    h(
      "div",
      { class: "grid two" },
      h("section", { class: "card" }, h("h2", {}, "Top claims by independent support"), h("p", { class: "muted small" }, "Most independent original sources first (outlets repeating a source do not count). Denials and unconfirmed claims are marked."), topClaims(overview)),
      h("section", { class: "card" }, h("h2", {}, "Recent contradictions"), contradictions(overview)),
    ),
    h("h2", {}, "Latest articles"),
    h(
      "table",
      {},
      h("thead", {}, h("tr", {}, h("th", {}, "Published"), h("th", {}, "Outlet"), h("th", {}, "Title"), h("th", { class: "num" }, "Claims"))),
      h(
        "tbody",
        {},
        documents.items.map((d) =>
          h("tr", {}, h("td", { class: "date" }, day(d.published)), h("td", {}, d.outlet || ""), h("td", {}, h("a", { href: `/documents/${encodeURIComponent(d.id)}` }, d.title || d.id)), h("td", { class: "num" }, number(d.claims))),
        ),
      ),
    ),
  );
});
