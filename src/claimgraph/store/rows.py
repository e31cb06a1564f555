"""Flat, frozen rows that the reader returns: what a table, an API or an export needs, no more."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One stored attribution joined with its document and its canonical source."""

    id: str
    document_id: str
    source_text: str | None
    canonical_source: str | None
    source_name: str | None  # the canonical source's name, when the source is stored
    source_kind: str | None
    cue_text: str | None
    content_text: str
    content_start: int | None
    content_end: int | None
    form: str
    certainty: str
    polarity: str  # assert, deny or unconfirmed
    negated: bool  # the content's own clause is negative
    hedges: tuple[str, ...]  # the hedge words as they appear in the text
    anonymous: bool
    channel_text: str | None
    parent: str | None
    document_title: str | None
    document_url: str | None
    outlet: str | None
    published: datetime | None


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A canonical source with how often it is cited."""

    id: str
    name: str
    type: str
    country: str | None
    parent: str | None
    wikidata: str | None
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    claims: int  # attributions whose canonical source is this one
    documents: int  # documents that list this source


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """A stored document without its text, for listings."""

    id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: datetime | None
    language: str
    ingested_at: datetime | None
    claims: int


@dataclass(frozen=True, slots=True)
class FailureRow:
    """A document or input that could not be stored, kept so a batch run loses nothing silently."""

    id: int
    document_id: str | None
    input_name: str | None
    code: str
    message: str
    at: datetime


@dataclass(frozen=True, slots=True)
class BatchReport:
    """What `save_many` did with each document id."""

    saved: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()  # already stored
    failed: tuple[str, ...] = ()  # recorded in the failures table
