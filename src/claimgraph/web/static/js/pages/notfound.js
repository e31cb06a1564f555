import { h, mount } from "../dom.js";
import { start } from "../layout.js";

start(async (path) => {
  mount(h("p", {}, "There is no page at ", h("code", {}, path), ". ", h("a", { href: "/" }, "Go to the overview"), "."));
});
