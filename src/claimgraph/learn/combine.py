"""Combine the tagger's attributions with the rules', role by role.

Needs: both sets in span form (`{"source": [[s, e]], "cue": [[s, e]], "content": [[s, e], ...]}`,
character offsets into the same text).  Returns: one list in span form, in cue order.

The rule, measured on PolNeAR dev (learn/models/MODEL_CARD.md): the model decides *whether*
there is an attribution (its cues are both more precise and more complete than the rules'), but
where a rule fired on the same cue, the rule's content wins, and its source too unless the model
found a different one: the rules cut a clause or a quotation at exactly the right token more
often than the CRF does. A rule attribution whose
cue no model cue touches is dropped unless `keep_rule_only` is set (it costs precision on
PolNeAR, but keeps forms PolNeAR does not annotate, such as hearsay adverbs).
"""

from collections.abc import Mapping, Sequence

Fragments = Sequence[Sequence[int]]
SpanForm = Mapping[str, Fragments]


def _overlaps(a: Fragments, b: Fragments) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def rule_match(cue: Fragments, rules: Sequence[SpanForm]) -> int | None:
    """Index of the first rule attribution whose cue overlaps `cue`, else None."""
    for k, rule in enumerate(rules):
        if rule.get("cue") and _overlaps(cue, rule["cue"]):
            return k
    return None


def combine(
    model: Sequence[SpanForm],
    rules: Sequence[SpanForm],
    *,
    keep_rule_only: bool = False,
    rule_content: bool = True,
) -> list[dict[str, list[list[int]]]]:
    """Model cues; per cue the rule's source and content where a rule fired, else the model's.

    `rule_content=False` keeps the model's content: the fine-tuned encoder's content is exact
    more often than the rules' (PolNeAR dev 0.598 vs 0.578), the CRF tagger's less often."""
    combined = []
    matched: set[int] = set()
    for attribution in model:
        merged = {role: [list(f) for f in attribution.get(role) or ()] for role in ROLES}
        k = rule_match(merged["cue"], rules)
        if k is not None:
            matched.add(k)
            rule = rules[k]
            if rule_content and rule.get("content"):
                merged["content"] = [list(f) for f in rule["content"]]
            # A source the rule found elsewhere than the model is more often the rule's mistake.
            if rule.get("source") and (
                not merged["source"] or _overlaps(merged["source"], rule["source"])
            ):
                merged["source"] = [list(f) for f in rule["source"]]
        combined.append(merged)
    if keep_rule_only:
        for k, rule in enumerate(rules):
            if k in matched or any(_overlaps(rule.get("cue") or (), m["cue"]) for m in combined):
                continue
            combined.append({role: [list(f) for f in rule.get(role) or ()] for role in ROLES})
    return sorted(combined, key=lambda a: min((f[0] for f in a["cue"] or a["content"]), default=0))


ROLES = ("source", "cue", "content")
