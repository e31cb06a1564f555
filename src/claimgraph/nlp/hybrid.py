"""Merge the trained tagger's attributions into the rules' `Found` records (the accurate mode).

Needs: the parse, the rules' finds and the tagger's predictions.  Returns: `Found` records.
The same rule as `learn/combine.py` (measured on PolNeAR dev): where a rule fired on a model cue, the
rule's record stays (its content, form, channel and hedge cue), with the model's source only when
the two sources do not overlap; a model cue no rule found becomes a new record; rule records the
model did not find are kept, so forms PolNeAR does not annotate (hearsay adverbs, "Speaker:")
survive.
"""

from spacy.tokens import Doc

from claimgraph.learn.tagger import TaggedAttribution
from claimgraph.nlp.attributions import Found
from claimgraph.nlp.model import doc_text
from claimgraph.nlp.quotes import find_quotes
from claimgraph.records import Form, Span


def with_model(doc: Doc, found: list[Found], tagged: list[TaggedAttribution]) -> list[Found]:
    text = doc_text(doc)
    quotes = find_quotes(text)
    merged = list(found)
    for attribution in tagged:
        if not attribution.content or not attribution.cue:
            continue  # an attribution without content has no id and says nothing
        (cue_start, cue_end), *_ = attribution.cue
        cue = _span(doc, text, cue_start, cue_end)
        source = _span(doc, text, *attribution.source[0]) if attribution.source else None
        rule = next((f for f in merged if f.cue.overlaps(cue)), None)
        if rule is not None:
            if source is not None and (rule.source is None or not rule.source.overlaps(source)):
                rule.source = source
                rule.source_head = doc[attribution.source[0][0] : attribution.source[0][1]].root
            continue
        content = tuple(_span(doc, text, s, e) for s, e in attribution.content)
        inside = all(
            any(q.inner_start <= c.start and c.end <= q.inner_end for q in quotes) for c in content
        )
        merged.append(
            Found(
                cue_token=doc[cue_start:cue_end].root,
                cue=cue,
                content=content,
                form=Form.DIRECT if inside else Form.INDIRECT,
                cue_entry=None,
                source_head=doc[attribution.source[0][0] : attribution.source[0][1]].root
                if attribution.source
                else None,
                source=source,
            )
        )
    merged.sort(key=lambda f: f.cue.start)
    return merged


def _span(doc: Doc, text: str, start: int, end: int) -> Span:
    return Span.of(text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
