// Map: every geocoded place on an offline world map (world-atlas borders, d3-geo projection),
// circles sized by mentions; each links to the claims that mention the place.
import { api, query } from "../api.js";
import { h, mount, s } from "../dom.js";
import { number } from "../format.js";
import { start } from "../layout.js";
import { feature, geoGraticule10, geoNaturalEarth1, geoPath } from "../../vendor/geo.js";

const WIDTH = 960;
const HEIGHT = 520;

function merge(places) {
  // One circle per point: a place named as a country and as a demonym is one place on the map.
  const byKey = new Map();
  for (const place of places) {
    if (place.lat === null || place.lon === null) continue;
    const key = `${place.name}|${place.lat}|${place.lon}`;
    const known = byKey.get(key);
    if (known) {
      known.mentions += place.mentions;
      known.claims += place.claims;
      known.documents = Math.max(known.documents, place.documents);
    } else byKey.set(key, { ...place });
  }
  return [...byKey.values()].sort((a, b) => b.mentions - a.mentions);
}

start(async () => {
  const [places, topology] = await Promise.all([
    api("/api/places"),
    fetch("/static/vendor/countries-110m.json").then((response) => response.json()),
  ]);
  const points = merge(places);
  const countries = feature(topology, topology.objects.countries);
  const projection = geoNaturalEarth1();
  const fitTo = (mode) => {
    if (mode === "places" && points.length > 1) {
      // Fit the points themselves (not a lon/lat box, whose corners a curved projection bends).
      const cloud = { type: "MultiPoint", coordinates: points.map((p) => [p.lon, p.lat]) };
      projection.fitExtent([[45, 35], [WIDTH - 90, HEIGHT - 35]], cloud);
    } else projection.fitExtent([[10, 10], [WIDTH - 10, HEIGHT - 10]], { type: "Sphere" });
  };
  const path = geoPath(projection);
  const max = Math.max(1, ...points.map((p) => p.mentions));
  const radius = (mentions) => 3 + 17 * Math.sqrt(mentions / max);
  const svg = s("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "Map of places mentioned in claims", "data-testid": "map" });

  function draw(mode) {
    fitTo(mode);
    const layers = [
      s("path", { class: "graticule", d: path(geoGraticule10()) }),
      s("g", {}, countries.features.map((country) => s("path", { class: "country", d: path(country) }, s("title", {}, country.properties.name)))),
    ];
    const marks = s("g", {});
    const labels = s("g", {});
    const placed = [];
    for (const place of points) {
      const [x, y] = projection([place.lon, place.lat]);
      if (x < 0 || x > WIDTH || y < 0 || y > HEIGHT) continue;
      const r = radius(place.mentions);
      marks.append(
        s(
          "a",
          { href: `/claims${query({ place: place.name })}`, "aria-label": `${place.name}: ${place.mentions} mention(s), ${place.claims} claim(s)` },
          s("circle", { class: "place", cx: x, cy: y, r, "data-place": place.name }, s("title", {}, `${place.name}${place.country ? ` (${place.country})` : ""}: ${place.mentions} mention(s) in ${place.documents} article(s), ${place.claims} claim(s)`)),
        ),
      );
      // Label the bigger places, largest first, skipping a label that would overlap one placed.
      const box = { x0: x + r + 3, x1: x + r + 3 + 6.6 * place.name.length, y0: y - 8, y1: y + 6 };
      const clear = placed.every((b) => box.x1 < b.x0 || box.x0 > b.x1 || box.y1 < b.y0 || box.y0 > b.y1);
      if (clear && (place.mentions >= max / 8 || points.length <= 12)) {
        placed.push(box);
        labels.append(s("text", { class: "place-label", x: box.x0, y: y + 4 }, place.name));
      }
    }
    svg.replaceChildren(...layers, marks, labels);
  }

  const modeSelect = h("select", { "aria-label": "Map extent" }, h("option", { value: "places" }, "Zoom to the places"), h("option", { value: "world" }, "Whole world"));
  modeSelect.addEventListener("change", () => draw(modeSelect.value));
  draw("places");
  const unplaced = places.filter((p) => p.lat === null || p.lon === null);
  mount(
    h("div", { class: "toolbar" }, h("span", { class: "muted" }, `${points.length} place(s) on the map; circle area = mentions. Click a place for its claims.`), h("span", { class: "spacer" }), modeSelect),
    h("div", { class: "map-wrap" }, svg),
    h("h2", {}, "Places"),
    h(
      "table",
      { "data-testid": "places-table" },
      h("thead", {}, h("tr", {}, h("th", {}, "Place"), h("th", {}, "Country"), h("th", {}, "Kind"), h("th", { class: "num" }, "Mentions"), h("th", { class: "num" }, "Articles"), h("th", { class: "num" }, "Claims"))),
      h(
        "tbody",
        {},
        [...points, ...unplaced].map((p) =>
          h(
            "tr",
            {},
            h("td", {}, p.claims ? h("a", { href: `/claims${query({ place: p.name })}` }, p.name) : p.name),
            h("td", {}, p.country || ""),
            h("td", {}, p.kind),
            h("td", { class: "num" }, number(p.mentions)),
            h("td", { class: "num" }, number(p.documents)),
            h("td", { class: "num" }, number(p.claims)),
          ),
        ),
      ),
    ),
  );
});
