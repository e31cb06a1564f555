// Small SVG charts drawn by hand: bars per day, and estimate series with ranges and modalities.
import { app, h, s } from "./dom.js";
import { day, number } from "./format.js";

const DAY_MS = 86_400_000;
export const PALETTE = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#92400e", "#475569"];

function linear(domain, range) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function ticks(max, count = 4) {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

/** Whole-number ticks for counts: 0, 1, 2 … rather than 1.25, 2.5. */
function countTicks(maxValue) {
  const max = Math.max(1, maxValue);
  const step = max <= 5 ? 1 : max <= 10 ? 2 : niceMax(max) / 4;
  const top = Math.ceil(max / step) * step;
  const values = [];
  for (let v = 0; v <= top + 1e-9; v += step) values.push(v);
  return { top, values };
}

/** The drawing width: the page's content width, so text keeps its size on any screen. */
function pageWidth(fallback) {
  const el = app();
  const width = el ? el.clientWidth - 24 : 0;
  return width > 300 ? Math.round(width) : fallback;
}

function compact(value) {
  if (Math.abs(value) >= 1e6) return `${number(value / 1e6)}M`;
  if (Math.abs(value) >= 1e3) return `${number(value / 1e3)}k`;
  return number(value);
}

const dateValue = (iso) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** Bars per calendar day: [{date, <key>}], with gaps for days without any. */
export function dayBars(days, { key = "count", label = "claims", width = pageWidth(760), height = 190 } = {}) {
  const margin = { top: 12, right: 16, bottom: 30, left: 40 };
  if (!days.length) return h("p", { class: "muted" }, "No dated reports.");
  const first = dateValue(days[0].date);
  const last = dateValue(days[days.length - 1].date);
  const spanDays = Math.round((last - first) / DAY_MS) + 1;
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const barW = Math.max(4, Math.min(28, innerW / spanDays - 2));
  const x = linear([first, last + DAY_MS], [margin.left, margin.left + innerW - barW]);
  const { top: max, values: yTicks } = countTicks(Math.max(...days.map((d) => d[key])));
  const y = linear([0, max], [margin.top + innerH, margin.top]);
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": `${label} per day`, "data-testid": "day-chart" });
  for (const t of yTicks) {
    svg.append(s("line", { class: "gridline", x1: margin.left, x2: width - margin.right, y1: y(t), y2: y(t) }));
    svg.append(s("text", { x: margin.left - 6, y: y(t) + 4, "text-anchor": "end" }, compact(t)));
  }
  for (const d of days) {
    const x0 = x(dateValue(d.date));
    svg.append(
      s("rect", { class: "bar", x: x0, y: y(d[key]), width: barW, height: Math.max(0, y(0) - y(d[key])) },
        s("title", {}, `${day(d.date)}: ${number(d[key])} ${label}`)),
    );
  }
  // Label the days that have bars, skipping any that would overlap the previous label.
  let lastLabel = -Infinity;
  const years = new Set(days.map((d) => d.date.slice(0, 4)));
  for (const d of days) {
    const at = x(dateValue(d.date)) + barW / 2;
    if (at - lastLabel < 80) continue;
    lastLabel = at;
    const text = years.size > 1 ? day(d.date) : day(d.date).replace(/ \d{4}$/, "");
    svg.append(s("text", { x: at, y: height - 10, "text-anchor": "middle" }, text));
  }
  svg.append(s("line", { x1: margin.left, x2: width - margin.right, y1: y(0), y2: y(0), stroke: "#9ca3af" }));
  return h("div", { class: "chart" }, svg);
}

const MODALITY_SHAPES = {
  arrived: "circle",
  current: "square",
  projected: "triangle",
  final: "diamond",
  cumulative: "star",
  unknown: "cross",
};

function marker(shape, cx, cy, size, attrs) {
  const r = size;
  if (shape === "square") return s("rect", { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, ...attrs });
  if (shape === "triangle") return s("path", { d: `M${cx},${cy - r * 1.2}L${cx + r * 1.1},${cy + r * 0.9}L${cx - r * 1.1},${cy + r * 0.9}Z`, ...attrs });
  if (shape === "diamond") return s("path", { d: `M${cx},${cy - r * 1.3}L${cx + r * 1.3},${cy}L${cx},${cy + r * 1.3}L${cx - r * 1.3},${cy}Z`, ...attrs });
  // Line-only shapes take the fill colour as their stroke, so the source colour still shows.
  if (shape === "star") return s("path", { d: `M${cx - r},${cy}L${cx + r},${cy}M${cx},${cy - r}L${cx},${cy + r}M${cx - r * 0.8},${cy - r * 0.8}L${cx + r * 0.8},${cy + r * 0.8}M${cx - r * 0.8},${cy + r * 0.8}L${cx + r * 0.8},${cy - r * 0.8}`, ...attrs, stroke: attrs.fill, fill: "none", "stroke-width": 2.5 });
  if (shape === "cross") return s("path", { d: `M${cx - r},${cy - r}L${cx + r},${cy + r}M${cx - r},${cy + r}L${cx + r},${cy - r}`, ...attrs, stroke: attrs.fill, fill: "none", "stroke-width": 2.5 });
  return s("circle", { cx, cy, r, ...attrs });
}

export function modalityLegend(modalities) {
  return h(
    "div",
    { class: "chart-legend", "aria-label": "Modality" },
    modalities.map((m) => {
      const icon = s("svg", { width: 14, height: 14, viewBox: "0 0 14 14", "aria-hidden": "true" }, marker(MODALITY_SHAPES[m] || "cross", 7, 7, 4.5, { fill: "#6b7280", stroke: "#374151" }));
      return h("span", {}, icon, " ", m);
    }),
  );
}

/**
 * One estimate series: value over time; a range as an error bar (low-high), an upper bound as a bar
 * down from the value with a cap, a lower bound as an arrow up; colour = source, shape = modality.
 */
export function estimateChart(series, colours, { width = pageWidth(820) - 40, height = 340 } = {}) {
  const points = series.points.filter((p) => p.first_reported && (p.value ?? p.high ?? p.low) !== null);
  if (!points.length) return h("p", { class: "muted" }, "No dated figures in this series.");
  const margin = { top: 16, right: 24, bottom: 40, left: 64 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const times = points.map((p) => Date.parse(p.first_reported));
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  const pad = Math.max(DAY_MS, (t1 - t0) * 0.05);
  t0 -= pad;
  t1 += pad;
  const top = niceMax(Math.max(...points.map((p) => Math.max(p.high ?? 0, p.value ?? 0, p.low ?? 0))) * 1.08);
  const x = linear([t0, t1], [margin.left, margin.left + innerW]);
  const y = linear([0, top], [margin.top + innerH, margin.top]);
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": `Estimates of ${series.topic} over time`, "data-testid": "estimate-chart" });
  for (const t of ticks(top, 5)) {
    svg.append(s("line", { class: "gridline", x1: margin.left, x2: width - margin.right, y1: y(t), y2: y(t) }));
    svg.append(s("text", { x: margin.left - 8, y: y(t) + 4, "text-anchor": "end" }, compact(t)));
  }
  const tickCount = Math.max(1, Math.min(6, Math.round((t1 - t0) / DAY_MS)));
  let lastTick = "";
  for (let i = 0; i <= tickCount; i += 1) {
    const t = t0 + ((t1 - t0) * i) / tickCount;
    const label = day(new Date(t).toISOString());
    if (label === lastTick) continue; // a short series: one label per day, not six of the same
    lastTick = label;
    const anchor = i === 0 ? "start" : i === tickCount ? "end" : "middle";
    svg.append(s("text", { x: x(t), y: height - 16, "text-anchor": anchor }, label));
  }
  svg.append(s("line", { x1: margin.left, x2: width - margin.right, y1: y(0), y2: y(0), stroke: "#9ca3af" }));
  svg.append(s("text", { x: 14, y: margin.top + innerH / 2, transform: `rotate(-90 14 ${margin.top + innerH / 2})`, "text-anchor": "middle" }, series.unit || "value"));
  // Bands first, points on top.
  for (const p of points) {
    const cx = x(Date.parse(p.first_reported));
    const colour = colours.get(p.source || p.source_name || "unknown") || "#6b7280";
    const low = p.qualifier === "upper_bound" ? null : p.low;
    const high = p.qualifier === "lower_bound" ? null : p.high;
    if (low !== null && high !== null && high > low) {
      svg.append(s("line", { x1: cx, x2: cx, y1: y(low), y2: y(high), stroke: colour, "stroke-width": 2, "data-band": "range" }));
      svg.append(s("line", { x1: cx - 5, x2: cx + 5, y1: y(low), y2: y(low), stroke: colour, "stroke-width": 2 }));
      svg.append(s("line", { x1: cx - 5, x2: cx + 5, y1: y(high), y2: y(high), stroke: colour, "stroke-width": 2 }));
    }
    const v = p.value ?? p.high ?? p.low;
    if (p.qualifier === "upper_bound") {
      svg.append(s("line", { x1: cx, x2: cx, y1: y(v), y2: y(v) + 22, stroke: colour, "stroke-width": 2, "stroke-dasharray": "3 2", "data-band": "upper" }));
      svg.append(s("line", { x1: cx - 6, x2: cx + 6, y1: y(v), y2: y(v), stroke: colour, "stroke-width": 2 }));
    } else if (p.qualifier === "lower_bound") {
      svg.append(s("path", { d: `M${cx},${y(v)}L${cx},${y(v) - 22}M${cx - 4},${y(v) - 16}L${cx},${y(v) - 22}L${cx + 4},${y(v) - 16}`, stroke: colour, "stroke-width": 2, fill: "none", "data-band": "lower" }));
    }
  }
  // One line per source, through its figures in time order: how that source's count moved. A
  // projection is another quantity than a count of troops already there, so a source's
  // projections get a dashed line of their own rather than a jump in its count line.
  const lines = new Map();
  for (const p of points) {
    const key = p.source || p.source_name || "unknown";
    const projected = p.modality === "projected";
    const lineKey = `${key}\u0000${projected}`;
    if (!lines.has(lineKey)) lines.set(lineKey, { key, projected, points: [] });
    lines.get(lineKey).points.push(p);
  }
  for (const line of lines.values()) {
    if (line.points.length < 2) continue;
    const ordered = [...line.points].sort((a, b) => Date.parse(a.first_reported) - Date.parse(b.first_reported));
    const d = ordered.map((p, i) => `${i ? "L" : "M"}${x(Date.parse(p.first_reported))},${y(p.value ?? p.high ?? p.low)}`).join("");
    svg.append(s("path", { d, class: "source-line", stroke: colours.get(line.key) || "#6b7280", fill: "none", "stroke-width": 1.5, "stroke-dasharray": line.projected ? "5 4" : null, "data-source": line.key, "data-projected": String(line.projected) }));
  }
  for (const p of points) {
    const cx = x(Date.parse(p.first_reported));
    const v = p.value ?? p.high ?? p.low;
    const colour = colours.get(p.source || p.source_name || "unknown") || "#6b7280";
    const shape = MODALITY_SHAPES[p.modality] || "cross";
    const title = `${p.source_name || p.source || "unknown source"} · ${day(p.first_reported)} · ${number(v)}${p.low !== null && p.high !== null && p.low !== p.high ? ` (${number(p.low)}–${number(p.high)})` : ""} · ${p.qualifier.replace("_", " ")} · ${p.modality}${p.cluster ? " · click to open the claim" : ""}`;
    const mark = marker(shape, cx, y(v), 5.5, { fill: colour, stroke: "#111827", "stroke-width": 1, class: "estimate-point", "data-modality": p.modality });
    mark.append(s("title", {}, title));
    // A point opens its claim across reports: who said it, where, and who disputes it.
    svg.append(p.cluster ? s("a", { href: `/clusters/${encodeURIComponent(p.cluster)}`, class: "point-link", "aria-label": title }, mark) : mark);
  }
  return h("div", { class: "chart" }, svg);
}

/** Colours by source id, in order of first appearance, stable across charts of one page. */
export function sourceColours(seriesList) {
  const colours = new Map();
  for (const series of seriesList) {
    for (const p of series.points) {
      const key = p.source || p.source_name || "unknown";
      if (!colours.has(key)) colours.set(key, PALETTE[colours.size % PALETTE.length]);
    }
  }
  return colours;
}
