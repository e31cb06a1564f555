// Article view: the stored text with its claims highlighted; #<claim id> selects one.
import { api } from "../api.js";
import { h, isWebUrl, mount, setTitle } from "../dom.js";
import { day } from "../format.js";
import { start } from "../layout.js";
import { workspace } from "../workspace.js";

start(async (documentId) => {
  const analysis = await api(`/api/documents/${encodeURIComponent(documentId)}`);
  const doc = analysis.document;
  setTitle(doc.title || "Untitled article");
  const view = workspace(analysis, { stored: true });
  mount(
    h(
      "p",
      { class: "article-meta" },
      doc.outlet || "Unknown outlet",
      doc.published ? ` · ${day(doc.published)}` : "",
      doc.url ? [" · ", isWebUrl(doc.url) ? h("a", { href: doc.url, rel: "noopener noreferrer" }, "original") : h("span", { class: "muted" }, doc.url)] : "",
      " · ",
      h("a", { href: `/claims?document=${encodeURIComponent(doc.id)}` }, "claims as a table"),
      " · ",
      h("a", { href: `/api/documents/${encodeURIComponent(doc.id)}` }, "JSON"),
    ),
    view.element,
  );
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted) view.select(wanted);
});
