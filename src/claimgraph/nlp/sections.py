"""Analyse a very long text in sections and merge the results, with offsets into the whole text.

Why: the parser's memory and several rule stages (which look back over the whole document for
an antecedent or a named body) grow faster than the text, so a book-length input took minutes
and gigabytes. In sections of at most SECTION_CHARS every cost is bounded per section, so the
whole stays linear. Sections end at a line break where there is one (else at a sentence end or
a space); a source named in one section is not an antecedent in the next. Texts up to one
section (every news article) are analysed as they always were.
"""

from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass, replace
from typing import TypeVar

from spacy.tokens import Doc

from claimgraph.records import Analysis, Document, Source, Span

T = TypeVar("T")

SECTION_CHARS = 20_000
# The parser's longest sentence: a run without line breaks is cut (at a full stop when there is
# one in the last part of the run) so that no stage walks an unbounded sentence.
MAX_SENTENCE_TOKENS = 400


def sections(text: str, size: int = SECTION_CHARS) -> list[str]:
    """The text in consecutive pieces of at most `size` characters that join back into it."""
    pieces = []
    start = 0
    while len(text) - start > size:
        end = start + size
        floor = start + size // 2
        cut = text.rfind("\n", floor, end)
        if cut == -1:
            cut = text.rfind(". ", floor, end - 1)
            cut = cut + 1 if cut != -1 else text.rfind(" ", floor, end)
        cut = cut + 1 if cut != -1 else end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def merged(
    document: Document,
    parts: Iterable[tuple[int, Analysis]],
    id_of: Callable[[Span | None, tuple[Span, ...]], str],
) -> Analysis:
    """One Analysis of the document from its sections' analyses (each with its start offset).

    Spans move to offsets in the whole text; attribution ids are computed again from them (and
    the links of nested claims, quantities, places and times follow); a source named in several
    sections is one Source with every alias and role found.
    """
    found: dict[str, list] = {name: [] for name in _RECORDS}
    sources: dict[str, Source] = {}
    for offset, part in parts:
        moved = [_shift(a, offset) for a in part.attributions]
        ids = {a.id: id_of(m.cue, m.content) for a, m in zip(part.attributions, moved, strict=True)}
        found["attributions"] += [
            replace(m, id=ids[m.id], parent=ids.get(m.parent) if m.parent else None) for m in moved
        ]
        for name in ("quantities", "places", "times"):
            found[name] += [
                replace(r, attribution=ids.get(r.attribution) if r.attribution else None)
                for r in (_shift(r, offset) for r in getattr(part, name))
            ]
        found["entities"] += [_shift(e, offset) for e in part.entities]
        found["mentions"] += [_shift(m, offset) for m in part.mentions]
        for source in part.sources:
            known = sources.get(source.id)
            sources[source.id] = source if known is None else _joined(known, source)
    return Analysis(
        document=document,
        **{name: tuple(records) for name, records in found.items()},
        sources=tuple(sources.values()),
    )


_RECORDS = ("attributions", "quantities", "places", "times", "entities", "mentions")


def _shift(record: T, offset: int) -> T:
    """The record with every Span in it (also in hedges and tuples) moved by `offset`."""
    if isinstance(record, Span):
        return Span(record.start + offset, record.end + offset, record.text)  # type: ignore[return-value]
    if isinstance(record, tuple):
        return tuple(_shift(item, offset) for item in record)  # type: ignore[return-value]
    if is_dataclass(record) and not isinstance(record, type):
        changes = {}
        for spec in fields(record):
            value = getattr(record, spec.name)
            if isinstance(value, Span | tuple) or is_dataclass(value):
                changes[spec.name] = _shift(value, offset)
        return replace(record, **changes) if changes else record  # type: ignore[type-var]
    return record


def _joined(known: Source, other: Source) -> Source:
    aliases = known.aliases + tuple(a for a in other.aliases if a not in known.aliases)
    roles = known.roles + tuple(r for r in other.roles if r not in known.roles)
    return replace(known, aliases=aliases, roles=roles)


def cap_sentences(doc: Doc, limit: int = MAX_SENTENCE_TOKENS) -> None:
    """Start a sentence wherever `limit` tokens have gone by without one being set."""
    last_start = 0
    last_stop: int | None = None
    for token in doc:
        if token.i > 0 and token.is_sent_start:
            last_start, last_stop = token.i, None
            continue
        if token.text in (".", "?", "!") and token.i + 1 < len(doc):
            last_stop = token.i + 1
        if token.i - last_start >= limit:
            cut = (
                last_stop
                if last_stop is not None and last_stop > last_start + limit // 2
                else token.i
            )
            doc[cut].is_sent_start = True
            last_start, last_stop = cut, None
