// One claim across reports: polarity, support and credibility in words, who disputes it (by name),
// and its members with their provenance chains.
import { api, query } from "../api.js";
import { chain } from "../claim-panel.js";
import { h, mount, setTitle } from "../dom.js";
import { certainty, day, sourceLink } from "../format.js";
import { errorBox, notice, start } from "../layout.js";
import { credibility, disputeLines, polarity } from "../disputes.js";

function stat(n, label) {
  return h("div", { class: "stat" }, h("span", { class: "n" }, n), h("span", { class: "l" }, label));
}

/** Names of the original sources, read from the ends of the members' chains. */
function originNames(cluster) {
  const names = new Map();
  for (const member of cluster.members) {
    const origin = member.chain.length ? member.chain[member.chain.length - 1] : null;
    if (origin && origin.source_id && !names.has(origin.source_id)) names.set(origin.source_id, origin.name);
  }
  return names;
}

/** Run a correction (a full resolve follows, so it takes a while), then open where it leads. */
async function correct(status, buttons, path, body) {
  for (const button of buttons) button.disabled = true;
  status.replaceChildren("Re-resolving the corpus with this correction; this can take a minute…");
  try {
    const done = await api(path, { method: "POST", body });
    location.assign(done.page);
  } catch (error) {
    status.replaceChildren(errorBox(error));
    for (const button of buttons) button.disabled = false;
  }
}

/** "Merge with…" and "Split" (user corrections of claim identity, kept and replayed). */
function corrections(cluster, others) {
  const status = h("div", { class: "muted", role: "status", "data-testid": "correction-status" });
  const target = h("input", { name: "merge-with", list: "merge-options", placeholder: "another claim: type words, pick from the list", "aria-label": "Cluster to merge with" });
  const options = h("datalist", { id: "merge-options" }, others.filter((o) => o.id !== cluster.id).map((o) => h("option", { value: o.id }, o.label.slice(0, 120))));
  const merge = h("button", { type: "button", class: "secondary", "data-testid": "merge" }, "Merge with…");
  const split = h("button", { type: "button", class: "secondary", "data-testid": "split", disabled: cluster.members.length < 2 }, "Split into its reports");
  const buttons = [merge, split];
  merge.addEventListener("click", () => {
    const other = target.value.trim();
    if (!other) {
      status.replaceChildren("Pick the claim to merge with first.");
      return;
    }
    if (window.confirm("Treat these two clusters as one claim from now on?")) correct(status, buttons, "/api/clusters/merge", { a: cluster.id, b: other });
  });
  split.addEventListener("click", () => {
    if (window.confirm(`Make each of the ${cluster.members.length} reports a claim of its own from now on?`)) correct(status, buttons, `/api/clusters/${encodeURIComponent(cluster.id)}/split`, {});
  });
  const splitOne = (member) => {
    const button = h("button", { type: "button", class: "secondary small", title: "this report states another claim: take it out of the cluster" }, "Split out");
    buttons.push(button);
    button.addEventListener("click", () => {
      if (window.confirm("Take this report out of the cluster from now on?")) correct(status, buttons, `/api/clusters/${encodeURIComponent(cluster.id)}/split`, { attribution: member.attribution_id });
    });
    return button;
  };
  const card = h(
    "details",
    { class: "card corrections", "data-testid": "corrections" },
    h("summary", {}, h("strong", {}, "Wrong grouping? Correct it")),
    h("p", { class: "muted small" }, "Corrections are stored and replayed every time the corpus is resolved."),
    h("div", { class: "toolbar" }, target, options, merge, split),
    status,
  );
  return { card, splitOne };
}

start(async (clusterId) => {
  let cluster;
  try {
    cluster = await api(`/api/clusters/${encodeURIComponent(clusterId)}`);
  } catch (error) {
    mount(errorBox(error));
    return;
  }
  setTitle(cluster.label.length > 90 ? `${cluster.label.slice(0, 90)}…` : cluster.label);
  const names = originNames(cluster);
  const others = await api(`/api/clusters${query({ limit: 1000 })}`);
  const fix = corrections(cluster, others.items);
  mount(
    h("p", { class: "cluster-head", "data-testid": "cluster-polarity" }, polarity(cluster.polarity), cluster.polarity === "deny" ? " A denial: its source says the claims listed under “Denies” are false." : cluster.polarity === "unconfirmed" ? " Not confirmed: its source would not confirm or comment." : null),
    h(
      "div",
      { class: "stats" },
      stat(String(cluster.support), cluster.polarity === "assert" ? "independent source(s)" : "independent support (a denial or refusal confirms nothing)"),
      stat(String(cluster.reports), "report(s)"),
      stat(String(cluster.outlets.length), "outlet(s)"),
      h("div", { class: "stat", "data-testid": "credibility" }, h("span", { class: "n" }, String(cluster.credibility)), h("span", { class: "l" }, `credibility: ${cluster.credibility_word}`)),
    ),
    h("p", {}, "Original sources: ", cluster.original_sources.length ? cluster.original_sources.map((id, i) => [i ? ", " : "", sourceLink(id, names.get(id) || id)]) : h("span", { class: "muted" }, "none known")),
    cluster.credibility_reasons.length ? h("div", {}, h("strong", {}, "Why this credibility:"), h("ul", { "data-testid": "credibility-reasons" }, cluster.credibility_reasons.map((reason) => h("li", {}, reason)))) : null,
    disputeLines(cluster.disputes, { limit: 6 }),
    fix.card,
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
            h("td", {}, certainty(m.certainty, []), " ", polarity(m.polarity), cluster.members.length > 1 ? h("div", {}, fix.splitOne(m)) : null),
          ),
        ),
      ),
    ),
  );
});
