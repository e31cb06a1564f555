// Build DOM nodes from plain values. Every string becomes a text node, never HTML: an article
// that contains "<script>" shows the tag as text.

const SVG_NS = "http://www.w3.org/2000/svg";

function setAttributes(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.setAttribute("class", value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "href") el.setAttribute("href", safeUrl(value));
    else el.setAttribute(key, value === true ? "" : String(value));
  }
}

function appendAll(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: h("a", {href: "/claims"}, "Claims"). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  appendAll(el, children);
  return el;
}

/** An SVG element, same call shape as h(). */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttributes(el, attrs);
  appendAll(el, children);
  return el;
}

/** Links only to this site or to http(s): a stored url of "javascript:..." becomes inert, and
 * "//host" or "/\\host" (another site, for a browser) is not a path of this one. */
export function safeUrl(value) {
  const url = String(value);
  if (/^\/(?![\/\\])/.test(url) || url.startsWith("#") || url.startsWith("?")) return url;
  return isWebUrl(url) ? url : "#";
}

/** An absolute http(s) URL: the only kind of stored url that becomes a link. */
export function isWebUrl(value) {
  return /^https?:\/\/[^\/\\]/i.test(String(value));
}

export function app() {
  return document.getElementById("app");
}

export function mount(...nodes) {
  const children = nodes.flat(Infinity).filter((node) => node !== null && node !== undefined && node !== false);
  app().replaceChildren(...children.map((node) => (node instanceof Node ? node : document.createTextNode(String(node)))));
}

export function setTitle(text) {
  document.getElementById("page-title").textContent = text;
  document.title = `${text} · claimgraph`;
}
