"""Turn table rows back into records: the reader's half of the record <-> row mapping.

`flatten.py` is the other half; a round-trip test keeps the two in step.
"""

from collections.abc import Mapping
from typing import Any

from claimgraph.records import (
    Attribution,
    Certainty,
    Dateline,
    Document,
    Entity,
    Form,
    Hedge,
    Place,
    Polarity,
    Qualifier,
    Quantity,
    QuantityKind,
    Source,
    SourceMention,
    Span,
    Time,
)
from claimgraph.store.schema import span_of

Row = Mapping[str, Any]


_DOCUMENT_FIELDS = ("id", "text", "url", "outlet", "title", "published", "language", "ingested_at")


def document(row: Row) -> Document:
    return Document(**{key: row[key] for key in _DOCUMENT_FIELDS})


def dateline(value: Mapping[str, Any] | None) -> Dateline | None:
    if not value:
        return None
    return Dateline(
        span=_span(value),
        place=_span(value["place"]),
        name=value.get("name"),
        country=value.get("country"),
        lat=value.get("lat"),
        lon=value.get("lon"),
        gazetteer_id=value.get("gazetteer_id"),
    )


def _certainty(label: str) -> Certainty:
    return Certainty[label.upper()]


def attribution(row: Row) -> Attribution:
    return Attribution(
        id=row["id"],
        source=span_of(row, "source"),
        cue=span_of(row, "cue"),
        content=tuple(Span(s["start"], s["end"], s["text"]) for s in row["content"]),
        form=Form(row["form"]),
        canonical_source=row["canonical_source"],
        source_kind=row["source_kind"],
        certainty=_certainty(row["certainty"]),
        hedges=tuple(
            Hedge(Span(h["start"], h["end"], h["text"]), _certainty(h["strength"]), h["lemma"])
            for h in row["hedges"]
        ),
        anonymous=row["anonymous"],
        channel=span_of(row, "channel"),
        parent=row["parent"],
        polarity=Polarity(row["polarity"]),
        negated=bool(row["negated"]),
        predicate=row.get("predicate"),
    )


def _span(row: Row) -> Span:
    return Span(row["start"], row["end"], row["text"])


def quantity(row: Row) -> Quantity:
    return Quantity(
        span=_span(row),
        value=row["value"],
        low=row["low"],
        high=row["high"],
        qualifier=Qualifier(row["qualifier"]),
        unit=row["unit"],
        kind=QuantityKind(row["kind"]),
        attribution=row["attribution"],
    )


def place(row: Row) -> Place:
    columns = ("name", "country", "lat", "lon", "kind", "gazetteer_id", "attribution")
    return Place(span=_span(row), **{key: row[key] for key in columns})


def time(row: Row) -> Time:
    return Time(
        span=_span(row),
        value=row["value"],
        start=row["value_start"],
        end=row["value_end"],
        granularity=row["granularity"],
        relation=row["relation"],
        attribution=row["attribution"],
    )


def entity(row: Row) -> Entity:
    return Entity(_span(row), row["label"], row["source_id"], row["wikidata"])


def mention(row: Row) -> SourceMention:
    return SourceMention(
        span=_span(row),
        source_id=row["source_id"],
        kind=row["kind"],
        resolved_from=span_of(row, "resolved_from"),
        role=row["role"],
    )


def source(row: Row) -> Source:
    columns = ("id", "name", "type", "country", "parent", "wikidata")
    return Source(
        **{key: row[key] for key in columns},
        aliases=tuple(row["aliases"]),
        roles=tuple(row["roles"]),
    )
