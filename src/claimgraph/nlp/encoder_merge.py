"""Merge the encoder's attributions into the rules' `Found` records (the encoder mode).

Needs: the parse, the rules' finds, the encoder's attributions in span form and the cue
lexicon.  Returns: `Found` records in cue order.

Where a rule fired on a model cue, the rule's record stays, with the model's content: on
PolNeAR dev the model's content is exact more often than the rules' and the rules' source a
little more often than the model's (learn/models/encoder/MODEL_CARD.md); the model's source is
taken only where the rule has none.  A model cue no rule found becomes a new record only when it is a report by this project's definition: its head is a reporting verb or
noun of the lexicon (not used to label: "called the reports fake") or it is "according to".
PolNeAR also annotates stances and actions ("wants", "called for a meeting"); those are left
out here, while `eval polnear --predictor encoder` scores the model as PolNeAR defines it.
Rule records the model did not find are kept (hearsay adverbs, "Speaker:" lines).
"""

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from claimgraph.nlp.attributions import Found
from claimgraph.nlp.lexicon import Lexicon
from claimgraph.nlp.model import doc_text
from claimgraph.nlp.quotes import find_quotes
from claimgraph.records import Form, Span

Fragments = Sequence[Sequence[int]]


def _tokens(doc: Doc, start: int, end: int) -> SpacySpan | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _span(text: str, tokens: SpacySpan) -> Span:
    return Span.of(text, tokens.start_char, tokens.end_char)


def is_report(cue: SpacySpan, lexicon: Lexicon) -> bool:
    """The project's definition of a report cue, applied to a cue the rules did not find."""
    words = [t.lower_ for t in cue if not t.is_punct]
    if words[:2] == ["according", "to"]:
        return True
    head = cue.root
    entry = (lexicon.nouns if head.pos_ in ("NOUN", "PROPN") else lexicon.verbs).get(head.lemma_)
    if entry is None or entry.content == "label":
        return False
    # A particle or preposition inside the cue changes the verb: "called for", "came out".
    return not any(t.dep_ in ("prt", "prep") for t in cue if t is not head)


def with_encoder(
    doc: Doc, found: list[Found], predicted: Sequence[Mapping[str, Fragments]], lexicon: Lexicon
) -> list[Found]:
    text = doc_text(doc)
    quotes = find_quotes(text)
    merged = list(found)
    for attribution in predicted:
        if not attribution.get("cue") or not attribution.get("content"):
            continue
        cue_tokens = _tokens(doc, *attribution["cue"][0])
        contents = [t for s, e in attribution["content"] if (t := _tokens(doc, s, e)) is not None]
        if cue_tokens is None or not contents:
            continue
        source_tokens = (
            _tokens(doc, *attribution["source"][0]) if attribution.get("source") else None
        )
        cue = _span(text, cue_tokens)
        source = _span(text, source_tokens) if source_tokens is not None else None
        content = tuple(_span(text, c) for c in contents)
        rule = next((f for f in merged if f.cue.overlaps(cue)), None)
        if rule is not None:
            if rule.source is None and source_tokens is not None:
                rule.source, rule.source_head = source, source_tokens.root
            # the model's content is exact more often than the rules', unless it runs into the
            # rule's source
            if rule.source is None or not any(c.overlaps(rule.source) for c in content):
                rule.content = content
            continue
        if not is_report(cue_tokens, lexicon):
            continue
        inside = all(
            any(q.inner_start <= c.start and c.end <= q.inner_end for q in quotes) for c in content
        )
        merged.append(
            Found(
                cue_token=cue_tokens.root,
                cue=cue,
                content=content,
                form=Form.DIRECT if inside else Form.INDIRECT,
                cue_entry=None,
                source_head=source_tokens.root if source_tokens is not None else None,
                source=source,
            )
        )
    merged.sort(key=lambda f: f.cue.start)
    return merged
