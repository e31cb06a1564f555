// The REST API reference, drawn from /openapi.json: every endpoint with its parameters, body and
// response fields, and a form to try the GET endpoints here. Offline (Swagger UI needs a CDN).
import { api } from "../api.js";
import { h, mount } from "../dom.js";
import { start } from "../layout.js";

function refName(schema) {
  return schema && schema.$ref ? schema.$ref.split("/").pop() : null;
}

function typeOf(schema, spec) {
  if (!schema) return "";
  if (schema.$ref) return refName(schema);
  if (schema.anyOf) return schema.anyOf.map((part) => typeOf(part, spec)).join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items, spec)}[]`;
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  return schema.format ? `${schema.type} (${schema.format})` : schema.type || "any";
}

function fields(name, spec, seen = new Set()) {
  const schema = spec.components.schemas[name];
  if (!schema || !schema.properties || seen.has(name)) return null;
  seen.add(name);
  const required = new Set(schema.required || []);
  return h(
    "table",
    { class: "fields" },
    h("thead", {}, h("tr", {}, h("th", {}, "field"), h("th", {}, "type"), h("th", {}, "about"))),
    h(
      "tbody",
      {},
      Object.entries(schema.properties).map(([field, property]) =>
        h("tr", {}, h("td", {}, h("code", {}, field), required.has(field) ? "" : h("span", { class: "muted" }, " optional")), h("td", {}, h("code", {}, typeOf(property, spec))), h("td", {}, property.description || "")),
      ),
    ),
  );
}

function responseSchema(operation) {
  const ok = operation.responses["200"] || operation.responses["201"];
  const content = ok && ok.content && ok.content["application/json"];
  return content ? content.schema : null;
}

function tryForm(path, operation) {
  const inputs = (operation.parameters || []).map((parameter) => {
    const input = h("input", { name: parameter.name, placeholder: parameter.schema && parameter.schema.default !== undefined ? String(parameter.schema.default) : "", "aria-label": parameter.name });
    return { parameter, input };
  });
  const output = h("pre", { class: "card", hidden: true });
  const form = h(
    "form",
    { class: "filters" },
    inputs.map(({ parameter, input }) => h("label", {}, `${parameter.name}${parameter.in === "path" ? " (path)" : ""}`, input)),
    h("div", { class: "toolbar" }, h("button", { type: "submit" }, `GET ${path}`)),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let url = path;
    const search = new URLSearchParams();
    for (const { parameter, input } of inputs) {
      if (!input.value) continue;
      if (parameter.in === "path") url = url.replace(`{${parameter.name}}`, encodeURIComponent(input.value));
      else search.set(parameter.name, input.value);
    }
    const full = search.toString() ? `${url}?${search}` : url;
    output.hidden = false;
    try {
      output.textContent = `GET ${full}\n\n${JSON.stringify(await api(full), null, 2).slice(0, 20000)}`;
    } catch (error) {
      output.textContent = `GET ${full}\n\n${JSON.stringify({ ok: false, code: error.code, error: error.message, hint: error.hint, status: error.status }, null, 2)}`;
    }
  });
  return h("details", {}, h("summary", {}, "Try it"), form, output);
}

function endpoint(path, method, operation, spec) {
  const parameters = operation.parameters || [];
  const body = operation.requestBody && operation.requestBody.content["application/json"];
  const response = responseSchema(operation);
  const responseName = response ? refName(response) || refName(response.items) : null;
  const codes = Object.keys(operation.responses).join(", ");
  return h(
    "section",
    { class: "card endpoint", id: `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-") },
    h("h3", {}, h("code", {}, `${method.toUpperCase()} ${path}`), " ", operation.summary || ""),
    parameters.length
      ? h(
          "table",
          { class: "fields" },
          h("thead", {}, h("tr", {}, h("th", {}, "parameter"), h("th", {}, "in"), h("th", {}, "type"), h("th", {}, "about"))),
          h("tbody", {}, parameters.map((p) => h("tr", {}, h("td", {}, h("code", {}, p.name)), h("td", {}, p.in), h("td", {}, h("code", {}, typeOf(p.schema, spec))), h("td", {}, p.description || (p.schema && p.schema.description) || "")))),
        )
      : null,
    body ? [h("p", {}, "Body: ", h("code", {}, typeOf(body.schema, spec))), fields(refName(body.schema), spec)] : null,
    h("p", { class: "muted" }, `Answers: ${codes}`, response ? [" · 200: ", h("code", {}, typeOf(response, spec))] : ""),
    responseName ? h("details", {}, h("summary", {}, `Fields of ${responseName}`), fields(responseName, spec)) : null,
    method === "get" ? tryForm(path, operation) : null,
  );
}

start(async () => {
  const spec = await api("/openapi.json");
  const byTag = new Map();
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const tag = (operation.tags || ["other"])[0];
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push(endpoint(path, method, operation, spec));
    }
  }
  mount(
    h("p", {}, `${spec.info.title} ${spec.info.version}. `, spec.info.description || "", " The machine-readable document is ", h("a", { href: "/openapi.json" }, "/openapi.json"), "."),
    h("div", { class: "card" }, h("h2", {}, "Errors"), h("p", {}, "Every error has one shape; the code is stable and searchable:"), h("pre", {}, '{"ok": false, "code": "CG301", "error": "no claim with id \'a_…\'", "hint": "list claims at /api/claims", "status": 404}')),
    [...byTag.entries()].map(([tag, sections]) => [h("h2", {}, tag), h("div", { class: "grid" }, sections)]),
  );
});
