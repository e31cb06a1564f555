// One claim across reports: its members with their provenance chains, support and credibility.
import { api } from "../api.js";
import { chain } from "../claim-panel.js";
import { h, mount, setTitle } from "../dom.js";
import { certainty, day, sourceLink } from "../format.js";
import { errorBox, start } from "../layout.js";

start(async (clusterId) => {
  let cluster;
  try {
    cluster = await api(`/api/clusters/${encodeURIComponent(clusterId)}`);
  } catch (error) {
    mount(errorBox(error));
    return;
  }
  setTitle(cluster.label.length > 90 ? `${cluster.label.slice(0, 90)}…` : cluster.label);
  mount(
    h(
      "div",
      { class: "stats" },
      h("div", { class: "stat" }, h("span", { class: "n" }, String(cluster.support)), h("span", { class: "l" }, "independent source(s)")),
      h("div", { class: "stat" }, h("span", { class: "n" }, String(cluster.members.length)), h("span", { class: "l" }, "report(s)")),
      h("div", { class: "stat" }, h("span", { class: "n" }, String(cluster.outlets.length)), h("span", { class: "l" }, "outlet(s)")),
      h("div", { class: "stat" }, h("span", { class: "n" }, String(cluster.credibility)), h("span", { class: "l" }, "credibility (1 best, 6 unknown)")),
    ),
    h("p", {}, cluster.polarity === "deny" ? h("span", { class: "chip" }, "denial") : null, "Original sources: ", cluster.original_sources.map((id) => [sourceLink(id, id), " "])),
    cluster.credibility_reasons.length ? h("ul", {}, cluster.credibility_reasons.map((reason) => h("li", {}, reason))) : null,
    cluster.contradicted_by.length ? h("p", {}, "Contradicted by: ", cluster.contradicted_by.map((id) => [h("a", { href: `/clusters/${encodeURIComponent(id)}` }, id), " "])) : null,
    h("h2", {}, "Reports"),
    h(
      "table",
      { "data-testid": "cluster-members" },
      h("thead", {}, h("tr", {}, ["Published", "Outlet", "Chain to the origin", "Claim", "Certainty"].map((label) => h("th", {}, label)))),
      h(
        "tbody",
        {},
        cluster.members.map((m) =>
          h(
            "tr",
            {},
            h("td", { class: "date" }, day(m.published)),
            h("td", {}, m.outlet || "", m.syndicated_copy_of ? h("div", { class: "chip" }, "syndicated copy") : null),
            h("td", {}, chain(m.chain)),
            h("td", {}, h("a", { href: `/documents/${encodeURIComponent(m.document_id)}#${encodeURIComponent(m.attribution_id)}` }, m.content_text)),
            h("td", {}, certainty(m.certainty, [])),
          ),
        ),
      ),
    ),
  );
});
