// Sources: every canonical source with its aliases, parent body, grade and how often it is cited.
import { api } from "../api.js";
import { h, mount } from "../dom.js";
import { number, sourceLink } from "../format.js";
import { start } from "../layout.js";

/** "B usually reliable", or "unrated" when the reliability cannot be judged (never a bare F). */
function gradeCell(source) {
  if (!source.reliability || source.reliability_word === "unrated") return h("span", { class: "muted unrated" }, "unrated");
  return [h("span", { class: "badge grade" }, source.reliability), " ", h("span", { class: "muted" }, source.reliability_word)];
}

start(async () => {
  const sources = await api("/api/sources");
  const types = [...new Set(sources.map((source) => source.type))].sort();
  const search = h("input", { type: "search", placeholder: "NIS, Kremlin, Budanov…", "aria-label": "Filter sources by name or alias" });
  const typeSelect = h("select", { "aria-label": "Source type" }, h("option", { value: "" }, "all types"), types.map((t) => h("option", { value: t }, t)));
  const body = h("tbody", {});
  const count = h("span", { class: "muted" });

  function draw() {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = sources.filter((source) => {
      if (typeSelect.value && source.type !== typeSelect.value) return false;
      const names = [source.id, source.name, ...source.aliases].join(" ").toLowerCase();
      return words.every((word) => names.includes(word));
    });
    count.textContent = `${shown.length} of ${sources.length} source(s)`;
    body.replaceChildren(
      ...shown.map((source) =>
        h(
          "tr",
          {},
          h("td", {}, sourceLink(source.id, source.name), h("div", { class: "muted" }, source.id)),
          h("td", {}, source.type),
          h("td", {}, source.country || ""),
          h("td", {}, source.parent ? sourceLink(source.parent, source.parent) : ""),
          h("td", {}, source.aliases.slice(0, 5).map((alias) => h("span", { class: "chip" }, alias)), source.aliases.length > 5 ? h("span", { class: "muted" }, ` +${source.aliases.length - 5}`) : null),
          h("td", {}, gradeCell(source)),
          h("td", { class: "num" }, source.claims ? h("a", { href: `/claims?source=${encodeURIComponent(source.id)}` }, number(source.claims)) : "0"),
          h("td", { class: "num" }, number(source.documents)),
        ),
      ),
    );
  }
  search.addEventListener("input", draw);
  typeSelect.addEventListener("change", draw);
  mount(
    h("div", { class: "toolbar" }, search, typeSelect, count),
    h(
      "table",
      { "data-testid": "sources-table" },
      h("thead", {}, h("tr", {}, ["Source", "Type", "Country", "Parent", "Aliases", "Grade", "Claims", "Articles"].map((label, i) => h("th", { class: i >= 6 ? "num" : null, scope: "col" }, label)))),
      body,
    ),
  );
  draw();
});
