// Draw an article's text with its claims marked: sources, cues and contents in distinct colours,
// hedges underlined, numbers, places and dates tinted. The text is cut at every span boundary into
// segments, and each segment is a text node inside a <span>, so nothing in the article is parsed
// as HTML. Clicking (or Enter on) a claim selects it; the page decides what to show for it.
import { h } from "./dom.js";

const ROLE_ORDER = ["content", "channel", "cue", "source", "hedge", "number", "place", "time"];

function claimLabel(attribution, index, sourcesById) {
  const source = sourcesById.get(attribution.canonical_source);
  const who = source ? source.name : attribution.source ? attribution.source.text : "unnamed source";
  const cue = attribution.cue ? ` ${attribution.cue.text}` : "";
  return `Claim ${index + 1}: ${who}${cue}: ${attribution.content_text}`;
}

/**
 * Render `analysis` (the extract JSON contract) into a new element.
 * Returns {element, select(id), order}: select() marks a claim and scrolls to it.
 */
export function renderArticle(analysis, { onSelect } = {}) {
  const text = analysis.document.text;
  const sourcesById = new Map(analysis.sources.map((source) => [source.id, source]));
  const spans = [];
  const add = (span, role, claim) => {
    if (span && span.end > span.start) spans.push({ start: span.start, end: span.end, role, claim });
  };
  analysis.attributions.forEach((attribution) => {
    const id = attribution.id;
    add(attribution.source, "source", id);
    add(attribution.cue, "cue", id);
    add(attribution.channel, "channel", id);
    attribution.content.forEach((span) => add(span, "content", id));
    attribution.hedges.forEach((span) => add(span, "hedge", id));
  });
  analysis.quantities.forEach((q) => add(q, "number", null));
  analysis.places.forEach((p) => add(p, "place", null));
  analysis.times.forEach((t) => add(t, "time", null));

  // A claim's extent: for a segment covered by several claims, the narrowest one is "its" claim.
  const byId = new Map(analysis.attributions.map((a) => [a.id, a]));
  const extent = new Map(analysis.attributions.map((a) => [a.id, a.end - a.start]));
  const cuts = new Set([0, text.length]);
  spans.forEach((span) => {
    cuts.add(span.start);
    cuts.add(span.end);
  });
  const points = [...cuts].sort((x, y) => x - y);
  const segmentsByClaim = new Map();
  const anchorByClaim = new Map();
  const container = h("div", { class: "article-text", "data-testid": "article-text" });
  const order = analysis.attributions.map((a) => a.id).sort((x, y) => byId.get(x).start - byId.get(y).start);
  const firstSegmentDone = new Set();

  for (let i = 0; i < points.length - 1; i += 1) {
    const from = points[i];
    const to = points[i + 1];
    const covering = spans.filter((span) => span.start <= from && span.end >= to);
    const piece = text.slice(from, to);
    if (!covering.length) {
      container.append(document.createTextNode(piece));
      continue;
    }
    const roles = new Set(covering.map((span) => span.role));
    const claims = [...new Set(covering.filter((span) => span.claim).map((span) => span.claim))];
    claims.sort((x, y) => extent.get(x) - extent.get(y));
    const classes = ["seg", ...ROLE_ORDER.filter((role) => roles.has(role))];
    if (claims.length) classes.push("claim");
    const segment = h("span", { class: classes.join(" "), dataset: claims.length ? { claim: claims[0] } : {} }, piece);
    for (const claim of claims) {
      if (!segmentsByClaim.has(claim)) segmentsByClaim.set(claim, []);
      // A segment lights up for a claim only where that claim's own spans are.
      if (covering.some((span) => span.claim === claim)) segmentsByClaim.get(claim).push(segment);
    }
    // The first segment of each claim gets a numbered anchor: the keyboard's stop for the claim.
    for (const claim of claims) {
      const claimStart = byId.get(claim).start;
      if (!firstSegmentDone.has(claim) && from >= claimStart) {
        firstSegmentDone.add(claim);
        const index = order.indexOf(claim);
        const attribution = byId.get(claim);
        const anchor = h(
          "span",
          {
            class: "claim-anchor",
            role: "button",
            tabindex: "0",
            id: `anchor-${claim}`,
            "aria-label": claimLabel(attribution, index, sourcesById),
            dataset: { claim },
          },
          String(index + 1),
        );
        anchorByClaim.set(claim, anchor);
        container.append(anchor);
      }
    }
    container.append(segment);
  }

  let selected = null;
  function select(id, { scroll = true, notify = true } = {}) {
    if (!segmentsByClaim.has(id) && !anchorByClaim.has(id)) return false;
    for (const el of container.querySelectorAll(".selected")) el.classList.remove("selected");
    for (const el of segmentsByClaim.get(id) || []) el.classList.add("selected");
    const anchor = anchorByClaim.get(id);
    if (anchor) anchor.classList.add("selected");
    selected = id;
    if (scroll) (anchor || segmentsByClaim.get(id)[0]).scrollIntoView({ block: "center", behavior: "instant" });
    if (notify && onSelect) onSelect(id);
    return true;
  }

  container.addEventListener("click", (event) => {
    const target = event.target.closest("[data-claim]");
    if (target) select(target.dataset.claim, { scroll: false });
  });
  container.addEventListener("keydown", (event) => {
    const target = event.target.closest(".claim-anchor");
    if (target && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      select(target.dataset.claim, { scroll: false });
    }
  });

  return {
    element: container,
    select,
    order,
    get selected() {
      return selected;
    },
    focus(id) {
      const anchor = anchorByClaim.get(id);
      if (anchor) anchor.focus();
    },
  };
}

export function legend({ onToggle } = {}) {
  const toggle = h("input", { type: "checkbox", id: "show-records", checked: true });
  toggle.addEventListener("change", () => onToggle && onToggle(toggle.checked));
  return h(
    "div",
    { class: "legend", "aria-label": "Colour key" },
    h("span", { class: "key seg source" }, "source"),
    h("span", { class: "key seg cue" }, "cue"),
    h("span", { class: "key seg content" }, "content"),
    h("span", { class: "key seg hedge" }, "hedge"),
    h("span", { class: "key seg channel" }, "channel"),
    h("label", {}, toggle, " numbers, places, dates"),
    h("span", { class: "muted" }, "Keys: ", h("kbd", {}, "j"), " / ", h("kbd", {}, "k"), " next / previous claim"),
  );
}
