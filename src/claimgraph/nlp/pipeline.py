"""The one function to read to understand extraction: parse once, then run every rule stage.

Needs: a Document and the loaded resources.  Returns: an Analysis with attributions (sources made
canonical, hedges graded, nesting linked) and the quantities, places, times and entities, each
tagged with the claim whose content holds it.
"""

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Literal, overload

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.nlp import model, sections
from claimgraph.nlp.attributions import Found, find_attributions
from claimgraph.nlp.datelines import (
    document_dateline,
    find_datelines,
    strip_datelines,
    time_stamps,
)
from claimgraph.nlp.gazetteer import load_gazetteer
from claimgraph.nlp.hedges import find_hedges, grade, main_clause_hedges
from claimgraph.nlp.issued import with_issued
from claimgraph.nlp.lexicon import load_lexicon
from claimgraph.nlp.places import find_places
from claimgraph.nlp.polarity import polarity_of
from claimgraph.nlp.predicates import main_verb
from claimgraph.nlp.propositions import one_per_proposition
from claimgraph.nlp.quantities import find_quantities
from claimgraph.nlp.source_table import load_country_names, load_source_table
from claimgraph.nlp.sources import ResolvedSource, resolve_sources
from claimgraph.nlp.spans import span_of
from claimgraph.nlp.times import find_times
from claimgraph.records import Analysis, Attribution, Document, Entity, Span
from claimgraph.settings import Settings

_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}


class Pipeline:
    """Loads the model and lexicons once; analyses one document or a stream of them."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp = nlp if nlp is not None else model.load(self.settings.model)
        self.lexicon = load_lexicon(self.settings.cues)
        self.sources = load_source_table(self.settings.aliases)
        self.countries = load_country_names()
        self.gazetteer = load_gazetteer()
        self.tagger = None
        if self.settings.tagger == "hybrid":
            from claimgraph.learn.tagger import AttributionTagger

            self.tagger = AttributionTagger.load()
        self.encoder = None
        if self.settings.tagger == "encoder":
            from claimgraph.learn.encoder.infer import EncoderTagger

            self.encoder = EncoderTagger()
        elif self.settings.tagger not in ("rules", "hybrid"):
            raise InputError(
                f"unknown tagger {self.settings.tagger!r}",
                hint="rules, hybrid or encoder",
                code="CG115",
            )

    def analyse(self, document: Document) -> Analysis:
        pieces = sections.sections(document.text)
        if len(pieces) == 1:
            return self.analyse_parsed(document, self.nlp(document.text))
        parts = []
        for offset, piece in _offsets(pieces):  # one parse in memory at a time
            parts.append((offset, self.analyse_parsed(_section(document, piece), self.nlp(piece))))
        return sections.merged(document, parts, _id_maker(document))

    @overload
    def analyse_many(
        self, documents: Iterable[Document], *, errors: Literal["raise"] = "raise"
    ) -> Iterator[Analysis]: ...
    @overload
    def analyse_many(
        self, documents: Iterable[Document], *, errors: Literal["yield"]
    ) -> Iterator[Analysis | tuple[Document, ClaimgraphError | Exception]]: ...

    def analyse_many(
        self, documents: Iterable[Document], *, errors: str = "raise"
    ) -> Iterator[Analysis | tuple[Document, ClaimgraphError | Exception]]:
        """Analyse in input order through `nlp.pipe`; with errors="yield" a failure is yielded
        as (document, error) instead of ending the stream."""
        # A long document goes through as consecutive sections, merged after the last one.
        pairs = (
            (piece, (document, offset, last, piece))
            for document in documents
            for (offset, piece), last in _with_last(_offsets(sections.sections(document.text)))
        )
        parts: list[tuple[int, Analysis]] = []
        failed: Document | None = None
        for parsed, (document, offset, last, piece) in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=self.settings.batch_size
        ):
            if offset == 0:
                parts, failed = [], None
            try:
                if failed is not document:
                    whole = offset == 0 and last
                    section = document if whole else _section(document, piece)
                    parts.append((offset, self.analyse_parsed(section, parsed)))
                    if last:
                        yield (
                            parts[0][1]
                            if whole
                            else sections.merged(document, parts, _id_maker(document))
                        )
            except Exception as error:
                failed = document
                if errors == "raise":
                    raise
                yield document, error

    def analyse_parsed(self, document: Document, parsed: Doc) -> Analysis:
        found = find_attributions(parsed, self.lexicon)
        if self.tagger is not None:
            from claimgraph.nlp.hybrid import with_model

            found = with_model(parsed, found, self.tagger.predict(parsed))
        if self.encoder is not None:
            from claimgraph.nlp.encoder_merge import with_encoder

            predicted = self.encoder.predict(model.doc_text(parsed))
            found = with_encoder(parsed, found, predicted, self.lexicon)
        found = _without_datelines(with_issued(parsed, found, self.lexicon), document.text)
        found = one_per_proposition(parsed, found)
        places = find_places(parsed, self.gazetteer)
        resolved, sources = resolve_sources(
            parsed, found, self.sources, self.countries, self.lexicon, places
        )
        attributions = _link_nesting(
            [
                _attribution(document, parsed, f, r, self)
                for f, r in zip(found, resolved, strict=True)
            ]
        )
        published = document.published.date() if document.published else None
        mentions = tuple(r.mention for r in resolved if r is not None)
        return Analysis(
            document=document,
            attributions=tuple(attributions),
            quantities=tuple(_tag(q, attributions) for q in find_quantities(parsed)),
            places=tuple(_tag(p, attributions) for p in places),
            times=tuple(_tag(t, attributions) for t in find_times(parsed, published)),
            entities=_entities(parsed, mentions, {s.id: s.wikidata for s in sources}),
            sources=tuple(sources),
            mentions=mentions,
            dateline=document_dateline(document.text, self.gazetteer),
        )


def _offsets(pieces: list[str]) -> list[tuple[int, str]]:
    """Each section with the offset of its first character in the whole text."""
    starts, at = [], 0
    for piece in pieces:
        starts.append((at, piece))
        at += len(piece)
    return starts


def _with_last(items: list[tuple[int, str]]) -> Iterator[tuple[tuple[int, str], bool]]:
    return ((item, i == len(items) - 1) for i, item in enumerate(items))


def _section(document: Document, piece: str) -> Document:
    """A section analysed as if it were the document (same id and publication date)."""
    return replace(document, text=piece)


def _id_maker(document: Document) -> Callable[[Span | None, tuple[Span, ...]], str]:
    return lambda cue, content: attribution_id(document.id, cue, content)


def _attribution(
    document: Document,
    parsed: Doc,
    found: Found,
    resolved: ResolvedSource | None,
    pipeline: Pipeline,
) -> Attribution:
    hedges = find_hedges(parsed, found, pipeline.lexicon)
    mention = resolved.mention if resolved is not None else None
    content_tokens = [
        token
        for span in found.content
        for token in (parsed.char_span(span.start, span.end, alignment_mode="expand") or ())
    ]
    polarity, negated = polarity_of(
        found.cue.text,
        " … ".join(span.text for span in found.content),
        cue_head=found.cue_token if found.cue_entry is not None else None,
        content=content_tokens,
        lexicon=pipeline.lexicon,
    )
    return Attribution(
        id=attribution_id(
            document.id,
            found.cue,
            found.content,
            conjunct=found.conjunct or None,
        ),
        source=found.source,
        cue=found.cue,
        content=found.content,
        form=found.form,
        canonical_source=mention.source_id if mention else None,
        source_kind=mention.kind if mention else None,
        certainty=grade(main_clause_hedges(content_tokens, hedges)),
        hedges=hedges,
        anonymous=resolved.anonymous if resolved is not None else False,
        channel=found.channel,
        polarity=polarity,
        negated=negated,
        predicate=main_verb(content_tokens),
    )


def _without_datelines(found: list[Found], text: str) -> list[Found]:
    """ "SEOUL — North Korea has moved ...": the dateline is where the report was filed, never
    part of the claim or its source; a claim left with no content is dropped."""
    datelines = [dateline for dateline, _ in find_datelines(text)] + time_stamps(text)
    if not datelines:
        return found
    kept = []
    for f in found:
        f.content = strip_datelines(f.content, datelines, text)
        if f.source is not None:
            source = strip_datelines((f.source,), datelines, text)
            if not source and f.cue.text == ":":
                continue  # "DUBAI: Satellite images show ...": a dateline, not a speaker's label
            if not source:
                # "DUBAI, Nov 27 (Wire) — Iran rejected ...": the parser may take the dateline
                # for a second subject; the speaker is the subject after it, or the words it
                # hung on the dateline as an apposition
                end = max(
                    (d.end for d in datelines if d.start <= f.source.start < d.end),
                    default=f.source.end,
                )
                f.source_head = _subject_after(f, f.source.end) or _apposed_after(
                    f.source_head, end
                )
                f.source = (
                    span_of([t for t in f.source_head.subtree if t.dep_ != "relcl"], text)
                    if f.source_head
                    else None
                )
                f.speaker = None
            elif source[0] != f.source:
                f.source = source[0]
        if f.content:
            kept.append(f)
    return _distinct(kept)


def _distinct(found: list[Found]) -> list[Found]:
    """One claim per source, cue and content: a dateline the parser took for two speakers
    ("EL TARRA, Colombia") leaves the one speaker after it twice, or once with no source."""

    def said(f: Found) -> tuple:
        return f.cue.start, tuple((c.start, c.end) for c in f.content)

    with_source = {said(f) for f in found if f.source is not None}
    seen: set[tuple] = set()
    kept = []
    for f in found:
        if f.source is None and said(f) in with_source:
            continue
        key = ((f.source.start, f.source.end) if f.source is not None else None, *said(f))
        if key not in seen:
            seen.add(key)
            kept.append(f)
    return kept


def _apposed_after(head: Token | None, position: int) -> Token | None:
    """ "EL TARRA, Colombia, Nov 24 (Wire) — The Frente Comunero del Catatumbo denied ...": the
    speaker the parser hung on the dateline's place as an apposition or a conjunct, after the
    dateline."""
    if head is None:
        return None
    return next(
        (
            t
            for t in head.subtree
            if t.dep_ in ("appos", "conj")
            and t.idx >= position
            and t.pos_ in ("PROPN", "NOUN", "PRON")
        ),
        None,
    )


def _subject_after(found: Found, position: int) -> Token | None:
    """The subject after the dateline: the cue's own, or the one it shares as a second verb
    ("ISWAP claimed the attack and said its fighters ...")."""
    verb: Token | None = found.cue_token
    while verb is not None:
        subject = next(
            (
                child
                for child in verb.children
                if child.dep_ in ("nsubj", "nsubjpass") and child.idx >= position
            ),
            None,
        )
        if subject is not None:
            return subject
        verb = verb.head if verb.dep_ == "conj" and verb.head is not verb else None
    return None


def attribution_id(
    document_id: str, cue: Span | None, content: tuple[Span, ...], *, conjunct: int | None = None
) -> str:
    """Stable: the same claim in the same document always gets the same id. The second and later
    speakers of "X and Y said" share the cue and content, so their source offset tells them apart."""
    key = f"{document_id}:{cue.start if cue else -1}:{content[0].start}:{content[-1].end}"
    if conjunct is not None:
        key += f":{conjunct}"
    return "a_" + hashlib.sha256(key.encode()).hexdigest()[:16]


def _link_nesting(attributions: list[Attribution]) -> list[Attribution]:
    """A claim whose cue lies inside another claim's content is nested in the smallest such claim."""
    linked = []
    for inner in attributions:
        if inner.cue is None:
            linked.append(inner)
            continue
        hosts = [
            outer
            for outer in attributions
            if outer is not inner and any(span.contains(inner.cue) for span in outer.content)
        ]
        if hosts:
            host = min(hosts, key=lambda a: a.content_end - a.content_start)
            inner = replace(inner, parent=host.id)
            if _first_person(inner) and host.canonical_source:
                # "KARRAS: ... I can tell you that ...": the speaker of the words around it
                inner = replace(
                    inner,
                    canonical_source=host.canonical_source,
                    source_kind=host.source_kind,
                    anonymous=host.anonymous,
                )
        linked.append(inner)
    return linked


def _first_person(attribution: Attribution) -> bool:
    source = attribution.source
    return source is not None and source.text.lower() in ("i", "we")


def _tag(record, attributions: list[Attribution]):  # type: ignore[no-untyped-def]
    """Link a quantity, place or time to the innermost claim whose content holds it."""
    holders = [a for a in attributions if any(span.contains(record.span) for span in a.content)]
    if not holders:
        return record
    return replace(
        record, attribution=min(holders, key=lambda a: a.content_end - a.content_start).id
    )


def _entities(parsed: Doc, mentions: tuple, wikidata: dict[str, str | None]) -> tuple[Entity, ...]:
    entities = []
    for ent in parsed.ents:
        if ent.label_ not in _ENTITY_LABELS:
            continue
        span = Span(ent.start_char, ent.end_char, ent.text)
        source_id = next((m.source_id for m in mentions if m.span.overlaps(span)), None)
        entities.append(
            Entity(span, ent.label_, source_id, wikidata.get(source_id) if source_id else None)
        )
    return tuple(entities)
