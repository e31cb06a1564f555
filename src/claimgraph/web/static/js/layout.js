// What every page does: mark its nav link, run its module, and show failures as readable boxes.
import { h, mount } from "./dom.js";

export function errorBox(error) {
  return h(
    "div",
    { class: "error-box", role: "alert" },
    h("strong", {}, "Could not load: "),
    error.message || String(error),
    error.code ? [" ", h("code", {}, `[${error.code}]`)] : null,
    error.hint ? h("div", { class: "muted" }, error.hint) : null,
  );
}

export function notice(...children) {
  return h("div", { class: "notice", role: "status" }, ...children);
}

export async function start(render) {
  const page = document.body.dataset.page;
  for (const link of document.querySelectorAll("header.top nav a[data-nav]")) {
    const current = link.dataset.nav === page || (page === "article" && link.dataset.nav === "documents") || (page === "source" && link.dataset.nav === "sources") || (page === "cluster" && link.dataset.nav === "clusters");
    if (current) link.setAttribute("aria-current", "page");
  }
  try {
    await render(document.body.dataset.id || "");
  } catch (error) {
    mount(errorBox(error));
  }
  document.body.dataset.ready = "true";
}
