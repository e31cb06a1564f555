"""Turn spaCy tokens into character Spans: trimmed of edge punctuation, split where tokens skip."""

from collections.abc import Iterable

from spacy.tokens import Token

from claimgraph.records import Span

_EDGE_PUNCT = set(",;:.-–—()[]") | {"“", "”", '"', "‘", "’", "'", "«", "»"}


def is_edge_punct(token: Token) -> bool:
    return (
        token.is_space
        or (token.is_punct and token.text in _EDGE_PUNCT)
        or token.text in _EDGE_PUNCT
    )


def clause_roots(tokens: Iterable[Token]) -> list[Token]:
    """The tokens whose head lies outside them (or that head themselves): a clause's verb."""
    tokens = list(tokens)
    inside = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in inside or t.head.i == t.i]


def token_runs(tokens: Iterable[Token]) -> list[list[Token]]:
    """Group tokens into runs of consecutive indices, in document order."""
    runs: list[list[Token]] = []
    for token in sorted(set(tokens), key=lambda t: t.i):
        if runs and runs[-1][-1].i + 1 == token.i:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


_OPENING = {"“", "«", '"', "‘"}
_BRACKETS = {")": "(", "]": "["}
_CLOSING = {"”", "»", '"', "’"}


def trim(run: list[Token]) -> list[Token]:
    """Drop punctuation and spaces at both ends of a run, but keep a quote mark that is paired
    inside the run (a scare quote that ends the content: warned of a “grave threat”)."""
    start, end = 0, len(run)
    while start < end and is_edge_punct(run[start]):
        if run[start].text in _OPENING and any(t.text in _CLOSING for t in run[start + 1 : end]):
            break
        start += 1
    while end > start and is_edge_punct(run[end - 1]):
        if run[end - 1].text in _CLOSING and any(t.text in _OPENING for t in run[start : end - 1]):
            break
        opener = _BRACKETS.get(run[end - 1].text)
        inside = [t.text for t in run[start : end - 1]]
        if opener is not None and inside.count(opener) > inside.count(run[end - 1].text):
            break  # "the Security Intelligence Service (Supo)": its bracket closes
        end -= 1
    return run[start:end]


def span_of(tokens: list[Token], text: str) -> Span | None:
    """One span from the first to the last token (after trimming), or None if nothing is left."""
    kept = trim(sorted(tokens, key=lambda t: t.i))
    if not kept:
        return None
    return Span.of(text, kept[0].idx, kept[-1].idx + len(kept[-1]))


def spans_of(tokens: Iterable[Token], text: str) -> tuple[Span, ...]:
    """One span per contiguous run of tokens, so a cut-out cue or source leaves a gap."""
    spans = (span_of(run, text) for run in token_runs(tokens))
    return tuple(span for span in spans if span is not None and any(c.isalnum() for c in span.text))


def char_span(start: int, end: int, text: str) -> Span | None:
    span = Span.of(text, start, end)
    return span if span.end > span.start else None
