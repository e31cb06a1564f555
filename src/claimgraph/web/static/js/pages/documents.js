// Articles: every stored document, newest first.
import { api } from "../api.js";
import { h, mount } from "../dom.js";
import { day, number } from "../format.js";
import { start } from "../layout.js";

start(async () => {
  const page = await api("/api/documents?limit=1000");
  mount(
    h("p", { class: "muted" }, `${number(page.total)} article(s). `, h("a", { href: "/paste" }, "Add one")),
    h(
      "table",
      { "data-testid": "documents" },
      h("thead", {}, h("tr", {}, h("th", {}, "Published"), h("th", {}, "Outlet"), h("th", {}, "Title"), h("th", { class: "num" }, "Claims"))),
      h(
        "tbody",
        {},
        page.items.map((d) =>
          h("tr", {}, h("td", { class: "date" }, day(d.published)), h("td", {}, d.outlet || ""), h("td", {}, h("a", { href: `/documents/${encodeURIComponent(d.id)}` }, d.title || d.id)), h("td", { class: "num" }, number(d.claims))),
        ),
      ),
    ),
  );
});
