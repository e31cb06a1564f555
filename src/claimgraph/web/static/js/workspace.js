// The article workspace, shared by the article view and the paste box: highlighted text, the list
// of claims, and the panel of the selected claim. Keys j / k move between claims.
import { claimPanel } from "./claim-panel.js";
import { polarity } from "./disputes.js";
import { h } from "./dom.js";
import { legend, renderArticle } from "./highlight.js";
import { errorBox } from "./layout.js";

export function workspace(analysis, { stored = false } = {}) {
  const panel = h("aside", { class: "panel", "aria-label": "Selected claim" }, h("div", { class: "card muted" }, "Select a claim (click it, or press its number and Enter) to see its certainty, hedges, source, numbers, places, dates and other reports."));
  const sourcesById = new Map(analysis.sources.map((source) => [source.id, source]));
  const buttons = new Map();
  let request = 0;

  async function show(id) {
    for (const [claim, button] of buttons) button.setAttribute("aria-pressed", String(claim === id));
    if (stored && location.hash !== `#${id}`) history.replaceState(null, "", `#${id}`);
    const mine = ++request;
    try {
      const card = await claimPanel(analysis, id, { stored });
      if (mine === request) panel.replaceChildren(card);
    } catch (error) {
      if (mine === request) panel.replaceChildren(errorBox(error));
    }
  }

  const article = renderArticle(analysis, { onSelect: show });
  const claimItems = article.order.map((id, index) => {
    const attribution = analysis.attributions.find((a) => a.id === id);
    const source = sourcesById.get(attribution.canonical_source);
    const who = source ? source.name : attribution.source ? attribution.source.text : "(unnamed)";
    const button = h(
      "button",
      { type: "button", "aria-pressed": "false", dataset: { claim: id } },
      h("span", { class: "who" }, `${index + 1}. ${who}`),
      attribution.cue ? ` ${attribution.cue.text}` : "",
      h("span", { class: `badge ${attribution.certainty}`, style: null }, attribution.certainty),
      attribution.polarity && attribution.polarity !== "assert" ? polarity(attribution.polarity) : null,
      h("div", { class: "muted" }, attribution.content_text.length > 140 ? `${attribution.content_text.slice(0, 140)}…` : attribution.content_text),
    );
    button.addEventListener("click", () => article.select(id));
    buttons.set(id, button);
    return h("li", {}, button);
  });

  const textColumn = h(
    "section",
    { class: "show-records", "aria-label": "Article text" },
    legend({ onToggle: (on) => textColumn.classList.toggle("show-records", on) }),
    article.element,
    h("h2", {}, `Claims in this article (${analysis.attributions.length})`),
    analysis.attributions.length ? h("ol", { class: "claim-list", "aria-label": "Claims" }, claimItems) : h("p", { class: "muted" }, "No attributed claims found."),
  );

  function step(delta) {
    const ids = article.order;
    if (!ids.length) return;
    const at = ids.indexOf(article.selected);
    const next = ids[(at + delta + ids.length) % ids.length] ?? ids[0];
    article.select(next);
    article.focus(next);
  }
  const onKey = (event) => {
    if (event.target.closest("input, textarea, select")) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "j") step(1);
    else if (event.key === "k") step(-1);
  };
  document.addEventListener("keydown", onKey);

  return {
    element: h("div", { class: "grid side" }, textColumn, panel),
    select: (id, options) => article.select(id, options),
    dispose: () => document.removeEventListener("keydown", onKey),
  };
}
