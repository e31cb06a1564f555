// Paste box: paste an article (and its date), see its claims at once, optionally save it.
import { api } from "../api.js";
import { h, mount } from "../dom.js";
import { errorBox, notice, start } from "../layout.js";
import { workspace } from "../workspace.js";

start(async () => {
  const text = h("textarea", { class: "article-input", name: "text", required: true, "aria-label": "Article text", placeholder: "Paste the article text (or its HTML) here…" });
  const published = h("input", { type: "date", name: "published", "aria-label": "Publication date" });
  const title = h("input", { name: "title", placeholder: "Title (optional)" });
  const outlet = h("input", { name: "outlet", placeholder: "Outlet (optional)" });
  const url = h("input", { name: "url", type: "url", placeholder: "https://… (optional)" });
  const extractButton = h("button", { type: "submit" }, "Show claims");
  const saveButton = h("button", { type: "button", class: "secondary", disabled: true }, "Save to the corpus");
  const status = h("div", { "aria-live": "polite" });
  const result = h("div", { "data-testid": "paste-result" });
  let view = null;

  const article = () => ({
    text: text.value,
    published: published.value || null,
    title: title.value || null,
    outlet: outlet.value || null,
    url: url.value || null,
  });

  const form = h(
    "form",
    { class: "card", "aria-label": "Article to analyse" },
    h(
      "div",
      { class: "paste-form" },
      h("label", { class: "field full" }, "Article", text),
      h("label", { class: "field" }, "Published (anchors “on Friday”)", published),
      h("label", { class: "field" }, "Title", title),
      h("label", { class: "field" }, "Outlet", outlet),
      h("label", { class: "field" }, "URL", url),
    ),
    h("div", { class: "toolbar" }, extractButton, saveButton, h("span", { class: "muted" }, "Ctrl+Enter shows the claims. Nothing is stored until you save.")),
  );

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    extractButton.disabled = true;
    status.replaceChildren(h("p", { class: "loading" }, "Reading the article… (the first run loads the language model)"));
    try {
      const analysis = await api("/api/extract", { method: "POST", body: article() });
      if (view) view.dispose();
      view = workspace(analysis, { stored: false });
      status.replaceChildren(h("p", { class: "muted" }, `${analysis.attributions.length} claim(s), ${analysis.quantities.length} number(s), ${analysis.places.length} place(s), ${analysis.times.length} date(s).`));
      result.replaceChildren(view.element);
      saveButton.disabled = false;
    } catch (error) {
      status.replaceChildren(errorBox(error));
    } finally {
      extractButton.disabled = false;
    }
  });
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  text.addEventListener("input", () => {
    saveButton.disabled = true;
  });
  saveButton.addEventListener("click", async () => {
    saveButton.disabled = true;
    try {
      const saved = await api("/api/documents", { method: "POST", body: article() });
      status.replaceChildren(
        notice(saved.stored ? "Saved. " : "This article was already in the corpus. ", h("a", { href: saved.page, "data-testid": "saved-link" }, "Open it in the article view →")),
      );
    } catch (error) {
      status.replaceChildren(errorBox(error));
      saveButton.disabled = false;
    }
  });
  mount(form, status, result);
});
