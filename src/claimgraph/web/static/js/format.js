// How values read on screen: dates, numbers, certainty, sources.
import { h } from "./dom.js";

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** "18 Oct 2024" for the calendar day the document itself gives (its own time zone). */
export function day(iso) {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return DATE.format(new Date(Date.UTC(y, m - 1, d)));
}

export function number(value) {
  return value === null || value === undefined ? "" : NUMBER.format(value);
}

export function certainty(label, hedges = []) {
  const words = hedges.map((hedge) => (typeof hedge === "string" ? hedge : hedge.text));
  return h(
    "span",
    { class: "certainty" },
    h("span", { class: `badge ${label}`, title: `certainty: ${label}` }, label),
    words.length ? h("span", { class: "hedges" }, " ", words.join(", ")) : null,
  );
}

export function sourceLink(id, name) {
  if (!id) return h("span", { class: "muted" }, name || "(unnamed)");
  return h("a", { href: `/sources/${encodeURIComponent(id)}` }, name || id);
}

export function quantity(q) {
  const unit = q.unit ? ` ${q.unit}` : "";
  if (q.qualifier === "range" && q.low !== null && q.high !== null) return `${number(q.low)}–${number(q.high)}${unit}`;
  const value = q.value ?? q.high ?? q.low;
  const qualifier = q.qualifier === "exact" ? "" : ` (${q.qualifier.replace("_", " ")})`;
  return `${number(value)}${unit}${qualifier}`;
}

export function plural(n, word, many = `${word}s`) {
  return `${number(n)} ${n === 1 ? word : many}`;
}
