"""Plain, frozen records that every stage passes on: the boundary types of the pipeline.

Every record that comes from the text carries a `Span` whose offsets point into `Document.text`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from claimgraph.errors import OffsetError


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document text, as character offsets [start, end)."""

    start: int
    end: int
    text: str

    def check(self, document_text: str) -> None:
        """Raise OffsetError unless this span really points at its text."""
        if document_text[self.start : self.end] != self.text:
            raise OffsetError(
                f"span {self.start}:{self.end} {self.text!r} does not match the document text"
            )

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of text[start:end], trimmed of surrounding white space."""
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return cls(start, end, text[start:end])


class Certainty(enum.IntEnum):
    """How sure the source sounds. Ordered so that the weakest hedge is the `min`."""

    UNKNOWN = 0
    POSSIBLE = 1
    PROBABLE = 2
    CERTAIN = 3

    @property
    def label(self) -> str:
        return self.name.lower()


class Form(enum.StrEnum):
    """How a claim is reported."""

    DIRECT = "direct"  # a full quotation: “...,” he said
    MIXED = "mixed"  # indirect speech with a quoted fragment
    INDIRECT = "indirect"  # reported speech: he said that ...
    ACCORDING_TO = "according_to"  # according to X, ...
    NOUN = "noun"  # a reporting noun: the allegation that ..., warning of ...
    PARTICIPIAL = "participial"  # ..., saying ...


class Polarity(enum.StrEnum):
    """What the source does with the claim: states it, rejects it, or withholds confirmation."""

    ASSERT = "assert"  # said, confirmed, revealed
    DENY = "deny"  # denied, rejected, dismissed as fake, "there are no ..."
    UNCONFIRMED = "unconfirmed"  # could not confirm, has not acknowledged, declined to comment on


class QuantityKind(enum.StrEnum):
    COUNT = "count"  # 1,500 troops
    MEASURE = "measure"  # 122-mm (a calibre), 40 km, $2bn
    PERCENT = "percent"
    ORDINAL = "ordinal"
    YEAR = "year"


class Qualifier(enum.StrEnum):
    EXACT = "exact"
    APPROX = "approx"  # about, around, nearer to, some
    UPPER = "upper_bound"  # as many as, up to
    LOWER = "lower_bound"  # at least, more than, hundreds of
    RANGE = "range"  # between X and Y, X-Y


@dataclass(frozen=True, slots=True)
class Document:
    """One article. `id` is a hash of its normalised text (plus url), so re-ingesting is a no-op."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: datetime | None = None
    language: str = "en"
    ingested_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Hedge:
    """A word that weakens a claim ("could", "reportedly") and the certainty it leaves."""

    span: Span
    strength: Certainty
    lemma: str


@dataclass(frozen=True, slots=True)
class SourceMention:
    """A place where an actor is named or referred to, linked to its canonical source."""

    span: Span
    source_id: str
    kind: str  # person, organisation, government, media, anonymous, group, pronoun
    resolved_from: Span | None = None  # for pronouns: the earlier mention they point back to
    role: str | None = None  # a title kept apart from the name: "Ukrainian President"


@dataclass(frozen=True, slots=True)
class Source:
    """A canonical actor within (and later across) documents."""

    id: str  # stable slug: "kr-nis", "volodymyr-zelensky"
    name: str
    type: str  # person, organisation, government, media, anonymous, group, country
    country: str | None = None  # ISO 3166-1 alpha-2
    parent: str | None = None  # id of a parent body: kr-nis -> kr-government
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution:
    """One reported claim: who (source) said (cue) what (content), how sure, through whom."""

    id: str
    source: Span | None
    cue: Span | None
    content: tuple[Span, ...]
    form: Form
    canonical_source: str | None = None
    source_kind: str | None = None
    certainty: Certainty = Certainty.CERTAIN
    hedges: tuple[Hedge, ...] = ()
    anonymous: bool = False
    channel: Span | None = None
    parent: str | None = (
        None  # the attribution this one is nested in ("he claimed he believed ...")
    )
    polarity: Polarity = Polarity.ASSERT
    negated: bool = False  # the content's own clause is negative: "had not sent", "there are no"
    predicate: str | None = None  # lemma of the content's main verb ("cross", "pull back")

    @property
    def content_text(self) -> str:
        return " … ".join(span.text for span in self.content)

    @property
    def content_start(self) -> int:
        return min(span.start for span in self.content)

    @property
    def content_end(self) -> int:
        return max(span.end for span in self.content)


@dataclass(frozen=True, slots=True)
class Quantity:
    span: Span
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str | None  # the counted thing ("troops") or the unit of measure ("mm")
    kind: QuantityKind
    attribution: str | None = None  # id of the claim whose content holds it


@dataclass(frozen=True, slots=True)
class Place:
    span: Span
    name: str  # the gazetteer's name
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    kind: str  # country, region (also a sea), city, port, site (camp, base), demonym, continent
    gazetteer_id: str | None = None  # "geonames:2013279"
    attribution: str | None = None


@dataclass(frozen=True, slots=True)
class Time:
    span: Span
    value: str  # ISO date, or an interval "start/end"
    start: date | None
    end: date | None
    granularity: str  # day, week, month, year, interval
    relation: str  # before, after, same, unknown (relative to publication)
    attribution: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    span: Span
    label: str  # spaCy's NER label
    source_id: str | None = None  # canonical source, when the entity is an actor
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place line that opens a wire report ("SEOUL —", "KYIV, June 7 (Wire) —"): where the
    report was filed, which is not part of anything a source said."""

    span: Span  # the whole dateline, up to and including its dash
    place: Span  # the place as written: "SEOUL", "ADEN, Yemen"
    name: str | None = None  # the gazetteer's name, when it knows the place
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything extracted from one document."""

    document: Document
    attributions: tuple[Attribution, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[Time, ...] = ()
    entities: tuple[Entity, ...] = ()
    sources: tuple[Source, ...] = ()
    mentions: tuple[SourceMention, ...] = field(default=())
    dateline: Dateline | None = None
