// How a claim's standing reads: its polarity, its credibility in words, and who disputes it,
// always by name ("Disputed by: Kremlin (denial, 24 Oct)"), never by a bare cluster id.
import { h } from "./dom.js";
import { day, sourceLink } from "./format.js";

const POLARITY_WORDS = { assert: "asserted", deny: "denied", unconfirmed: "unconfirmed" };

/** A badge beside certainty: asserted / denied / unconfirmed. Nothing when it is not known. */
export function polarity(label) {
  if (!label) return null;
  const word = POLARITY_WORDS[label] || label;
  return h("span", { class: `badge polarity ${label}`, title: `polarity: ${word}`, "data-polarity": label }, word);
}

/** "3 possibly true": the Admiralty credibility with the word the API gives. */
export function credibility(number, word) {
  return h("span", { class: `credibility c${number}`, title: "Admiralty credibility: 1 confirmed … 6 cannot be judged" }, `${number} ${word || ""}`.trim());
}

/** Who said it, by name, linked to the source page. */
export function sideSource(side) {
  return sourceLink(side.source_id, side.source_name || side.source_id || "unknown source");
}

function shortDay(iso) {
  return iso ? day(iso).replace(/ \d{4}$/, "") : "";
}

/** "Kremlin (denial, 24 Oct)" with links to the source and to the other claim. */
export function disputeItem(dispute) {
  const other = dispute.other;
  const when = shortDay(other.published);
  return h(
    "li",
    { "data-kind": dispute.kind, "data-role": dispute.role },
    sideSource(other),
    // "Disputed by: Kremlin (denial, 24 Oct)"; under "Denies:" the kind goes without saying.
    dispute.role === "disputed_by" ? ` (${dispute.kind}${when ? `, ${when}` : ""}) ` : when ? ` (${when}) ` : " ",
    h("a", { href: `/clusters/${encodeURIComponent(other.cluster)}`, class: "dispute-claim", title: other.label }, `“${truncate(other.label, 110)}”`),
  );
}

/** Up to `limit` items, the rest folded behind "N more". */
function folded(items, limit) {
  const shown = items.slice(0, limit).map(disputeItem);
  if (items.length <= limit) return h("ul", { class: "inline" }, shown);
  return [
    h("ul", { class: "inline" }, shown),
    h("details", { class: "more-disputes" }, h("summary", {}, `${items.length - limit} more`), h("ul", {}, items.slice(limit).map(disputeItem))),
  ];
}

/** "Disputed by: …" and "Denies: …" lines for one claim; null when nothing disputes it. */
export function disputeLines(disputes, { limit = Infinity } = {}) {
  if (!disputes || !disputes.length) return null;
  const by = disputes.filter((d) => d.role === "disputed_by");
  const denies = disputes.filter((d) => d.role === "disputes");
  return h(
    "div",
    { class: "disputes", "data-testid": "disputes" },
    by.length ? h("div", { class: "disputed-by" }, h("strong", {}, "Disputed by: "), folded(by, limit)) : null,
    denies.length ? h("div", { class: "denies" }, h("strong", {}, "Denies: "), folded(denies, limit)) : null,
  );
}

export function truncate(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
