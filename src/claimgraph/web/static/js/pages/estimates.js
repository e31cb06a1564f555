// Estimates: one chart per topic (value over time; ranges as error bars, bounds as arrows; colour =
// source, shape = modality), and the table of figures behind it, each linked to its evidence.
import { api } from "../api.js";
import { estimateChart, modalityLegend, sourceColours } from "../charts.js";
import { h, mount } from "../dom.js";
import { day, number } from "../format.js";
import { errorBox, start } from "../layout.js";

function figure(p) {
  if (p.low !== null && p.high !== null && p.low !== p.high) return `${number(p.low)}–${number(p.high)}`;
  return number(p.value ?? p.high ?? p.low);
}

// Chart styles that live in app.css, repeated inside a downloaded SVG so it stands alone.
const SVG_STYLE = "text{font:11px system-ui,sans-serif;fill:#4b5563}.gridline{stroke:#eef1f5}";

function downloadLink(series) {
  const link = h("a", { href: "#", class: "button secondary", download: `${series.topic.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.svg` }, "Download chart (SVG)");
  link.addEventListener("click", () => {
    const chart = link.closest("section").querySelector("[data-testid=estimate-chart]").cloneNode(true);
    chart.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
    style.textContent = SVG_STYLE;
    chart.prepend(style);
    const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = `${series.topic}: estimates by source over time (claimgraph)`;
    chart.prepend(title);
    const blob = new Blob([new XMLSerializer().serializeToString(chart)], { type: "image/svg+xml" });
    link.href = URL.createObjectURL(blob);
  });
  return link;
}

function seriesSection(series, colours) {
  const sources = [...new Set(series.points.map((p) => p.source || p.source_name || "unknown"))];
  const modalities = [...new Set(series.points.map((p) => p.modality))];
  const names = new Map(series.points.map((p) => [p.source || p.source_name || "unknown", p.source_name || p.source || "unknown"]));
  return h(
    "section",
    { class: "card", "data-testid": "estimate-series" },
    h("h2", {}, series.topic, series.unit ? h("span", { class: "muted" }, ` (${series.unit})`) : null),
    estimateChart(series, colours),
    h(
      "div",
      { class: "chart-legend", "aria-label": "Sources" },
      sources.map((key) => h("span", {}, h("span", { class: "swatch", style: null, dataset: { colour: colours.get(key) } }), names.get(key))),
    ),
    modalityLegend(modalities),
    h("p", {}, downloadLink(series)),
    h(
      "details",
      {},
      h("summary", {}, `The ${series.points.length} figure(s)`),
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, ["First reported", "Source", "Figure", "Qualifier", "Modality", "Evidence"].map((label) => h("th", {}, label)))),
        h(
          "tbody",
          {},
          series.points.map((p) =>
            h(
              "tr",
              {},
              h("td", { class: "date" }, day(p.first_reported)),
              h("td", {}, p.source ? h("a", { href: `/sources/${encodeURIComponent(p.source)}` }, p.source_name || p.source) : p.source_name || "unknown"),
              h("td", { class: "num" }, figure(p)),
              h("td", {}, p.qualifier.replace("_", " ")),
              h("td", {}, p.modality),
              h("td", {}, p.documents.map((doc, i) => h("a", { href: `/documents/${encodeURIComponent(doc)}${p.attributions[i] ? `#${encodeURIComponent(p.attributions[i])}` : ""}`, class: "chip" }, `article ${i + 1}`))),
            ),
          ),
        ),
      ),
    ),
  );
}

start(async () => {
  let seriesList;
  try {
    seriesList = await api("/api/estimates");
  } catch (error) {
    mount(errorBox(error));
    return;
  }
  if (!seriesList.length) {
    mount(h("p", { class: "muted" }, "No estimate series yet: run the cross-document stage after ingesting."));
    return;
  }
  const colours = sourceColours(seriesList);
  mount(seriesList.map((series) => seriesSection(series, colours)));
  // Swatch colours are set through the CSSOM (the page's CSP forbids inline style attributes).
  for (const swatch of document.querySelectorAll(".swatch[data-colour]")) swatch.style.background = swatch.dataset.colour;
});
