// The side panel of the article view: everything about one claim, and where else it appears.
import { api } from "./api.js";
import { h } from "./dom.js";
import { certainty, day, quantity, sourceLink } from "./format.js";
import { credibility, disputeLines, polarity } from "./disputes.js";

function row(label, ...value) {
  return [h("dt", {}, label), h("dd", {}, ...value)];
}

function list(items, render) {
  if (!items.length) return h("span", { class: "muted" }, "none");
  return h("ul", {}, items.map((item) => h("li", {}, render(item))));
}

/** Chain of a report back to its origin: outlet → relay → original source. */
export function chain(steps) {
  return h(
    "ol",
    { class: "chain" },
    steps.map((step) => h("li", { title: step.via }, step.source_id ? sourceLink(step.source_id, step.name) : step.name, h("span", { class: "muted" }, ` (${step.via})`))),
  );
}

function otherReports(detail, documentId) {
  if (!detail) return h("p", { class: "muted" }, "Save the article to compare it with the corpus.");
  if (detail.resolution !== "available") {
    return h("p", { class: "muted" }, "Matching across documents is not available yet (resolve stage not installed).");
  }
  const cluster = detail.cluster;
  if (!cluster) return h("p", { class: "muted" }, "No cluster: this claim has not been resolved against other reports.");
  const others = cluster.members.filter((member) => member.document_id !== documentId);
  return h(
    "div",
    { "data-testid": "other-reports" },
    h(
      "p",
      {},
      h("a", { href: `/clusters/${encodeURIComponent(cluster.id)}` }, `${cluster.reports} report(s)`),
      ` · independent support ${cluster.support} · credibility `,
      credibility(cluster.credibility, cluster.credibility_word),
    ),
    others.length
      ? h(
          "ul",
          {},
          others.map((member) =>
            h(
              "li",
              {},
              h("a", { href: `/documents/${encodeURIComponent(member.document_id)}#${encodeURIComponent(member.attribution_id)}` }, member.outlet || member.document_id),
              member.published ? ` · ${day(member.published)}` : "",
              member.syndicated_copy_of ? h("span", { class: "chip" }, "syndicated copy") : null,
              h("div", { class: "muted" }, member.content_text),
              member.chain && member.chain.length ? chain(member.chain) : null,
            ),
          ),
        )
      : h("p", { class: "muted" }, cluster.members.length > 1 ? "Its other reports are in this article; no other document carries it." : "No other document carries this claim."),
  );
}

/** Where a stored claim stands across documents (cluster, polarity, disputes); null if unknown. */
async function claimStanding(id) {
  try {
    const found = await api(`/api/disputes?claims=${encodeURIComponent(id)}`);
    return found.length ? found[0] : null;
  } catch (error) {
    if (error.code === "CG011") return null;
    throw error;
  }
}

/**
 * The panel for claim `id` of `analysis` (the extract contract). With `stored`, the claim's
 * cluster is fetched from the API to list the other documents that carry it.
 */
export async function claimPanel(analysis, id, { stored = false } = {}) {
  const attribution = analysis.attributions.find((a) => a.id === id);
  const source = analysis.sources.find((candidate) => candidate.id === attribution.canonical_source);
  const inside = (records) => records.filter((record) => record.attribution === id);
  let detail = null;
  let standing = null;
  if (stored) [detail, standing] = await Promise.all([api(`/api/claims/${encodeURIComponent(id)}`), claimStanding(id)]);
  // The extract contract carries the polarity; a store read before it did gets it from resolve.
  const stance = attribution.polarity || (standing ? standing.polarity : null);
  return h(
    "div",
    { class: "card", "data-testid": "claim-panel", "data-claim": id },
    h("h2", {}, "Claim ", certainty(attribution.certainty, []), " ", polarity(stance)),
    h("p", {}, "“", attribution.content_text, "”"),
    standing ? disputeLines(standing.disputes, { limit: 4 }) : null,
    h(
      "dl",
      {},
      row("Source", attribution.canonical_source ? sourceLink(attribution.canonical_source, source ? source.name : attribution.canonical_source) : "(none)",
        attribution.source ? h("div", { class: "muted" }, `as “${attribution.source.text}”`, attribution.source_kind ? ` · ${attribution.source_kind}` : "") : null),
      row("Anonymous", attribution.anonymous ? h("span", { class: "badge anon" }, "anonymous") : "no"),
      attribution.channel ? row("Through", attribution.channel.text) : null,
      row("Cue", attribution.cue ? `“${attribution.cue.text}”` : "(none)", h("span", { class: "muted" }, ` · ${attribution.form.replace("_", " ")}`)),
      row("Certainty", certainty(attribution.certainty, []), " ", polarity(stance), attribution.negated ? h("span", { class: "muted" }, " · negated content") : null),
      row("Hedges", list(attribution.hedges, (hedge) => [h("span", { class: "hedges" }, hedge.text), ` → ${hedge.strength}`])),
      row("Numbers", list(inside(analysis.quantities), (q) => [`“${q.text}” = ${quantity(q)}`, q.kind !== "count" ? h("span", { class: "muted" }, ` (${q.kind})`) : null])),
      row("Places", list(inside(analysis.places), (p) => [h("a", { href: `/claims?place=${encodeURIComponent(p.name)}` }, p.name), p.country ? ` (${p.country})` : "", h("span", { class: "muted" }, ` · ${p.kind}`)])),
      row("Dates", list(inside(analysis.times), (t) => [`“${t.text}” = ${t.value}`, h("span", { class: "muted" }, ` · ${t.relation}`)])),
    ),
    h("h3", {}, "Other reports of this claim"),
    otherReports(detail, analysis.document.id),
    attribution.canonical_source
      ? h("p", {}, h("a", { href: `/claims?source=${encodeURIComponent(attribution.canonical_source)}` }, "All claims by this source →"))
      : null,
  );
}
