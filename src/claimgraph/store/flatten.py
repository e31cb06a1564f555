"""Turn an Analysis into table rows (plain dicts): the writer's half of the record <-> row mapping.

`rebuild.py` is the other half; a round-trip test keeps the two in step.
"""

from typing import Any

import sqlalchemy as sa

from claimgraph.records import (
    Analysis,
    Attribution,
    Dateline,
    Document,
    Entity,
    Place,
    Quantity,
    Source,
    SourceMention,
    Time,
)
from claimgraph.store import schema
from claimgraph.store.schema import span_values

Row = dict[str, Any]


def document_row(document: Document) -> Row:
    return {
        "id": document.id,
        "url": document.url,
        "outlet": document.outlet,
        "title": document.title,
        "published": document.published,
        "language": document.language,
        "text": document.text,
        "ingested_at": document.ingested_at,
    }


def dateline_value(dateline: Dateline | None) -> dict[str, Any] | None:
    """The document's dateline as one JSON value (the `documents.dateline` column)."""
    if dateline is None:
        return None
    return {
        **span_values(dateline.span),
        "place": span_values(dateline.place),
        "name": dateline.name,
        "country": dateline.country,
        "lat": dateline.lat,
        "lon": dateline.lon,
        "gazetteer_id": dateline.gazetteer_id,
    }


def source_row(source: Source) -> Row:
    return {
        "id": source.id,
        "name": source.name,
        "type": source.type,
        "country": source.country,
        "parent": source.parent,
        "wikidata": source.wikidata,
        "aliases": list(source.aliases),
        "roles": list(source.roles),
    }


def record_rows(analysis: Analysis) -> list[tuple[sa.Table, list[Row]]]:
    """Rows for every per-document table, in an order that satisfies the foreign keys."""
    key = analysis.document.id

    def rows(records: tuple[Any, ...], flatten: Any) -> list[Row]:
        return [
            {"document_id": key, "seq": seq, **flatten(record)}
            for seq, record in enumerate(records)
        ]

    return [
        (schema.document_sources, rows(analysis.sources, lambda source: {"source_id": source.id})),
        (schema.mentions, rows(analysis.mentions, _mention)),
        (schema.attributions, rows(analysis.attributions, attribution_row)),
        (schema.quantities, rows(analysis.quantities, _quantity)),
        (schema.places, rows(analysis.places, _place)),
        (schema.times, rows(analysis.times, _time)),
        (schema.entities, rows(analysis.entities, _entity)),
    ]


def attribution_row(attribution: Attribution) -> Row:
    content = attribution.content
    return {
        "id": attribution.id,
        **span_values(attribution.source, "source"),
        **span_values(attribution.cue, "cue"),
        "content": [{"start": s.start, "end": s.end, "text": s.text} for s in content],
        "content_text": attribution.content_text,
        "content_start": attribution.content_start if content else None,
        "content_end": attribution.content_end if content else None,
        "form": attribution.form.value,
        "canonical_source": attribution.canonical_source,
        "source_kind": attribution.source_kind,
        "certainty": attribution.certainty.label,
        "hedges": [
            {
                "start": hedge.span.start,
                "end": hedge.span.end,
                "text": hedge.span.text,
                "strength": hedge.strength.label,
                "lemma": hedge.lemma,
            }
            for hedge in attribution.hedges
        ],
        "anonymous": attribution.anonymous,
        **span_values(attribution.channel, "channel"),
        "parent": attribution.parent,
        "polarity": attribution.polarity.value,
        "negated": attribution.negated,
        "predicate": attribution.predicate,
    }


def _mention(mention: SourceMention) -> Row:
    return {
        **span_values(mention.span),
        "source_id": mention.source_id,
        "kind": mention.kind,
        **span_values(mention.resolved_from, "resolved_from"),
        "role": mention.role,
    }


def _quantity(quantity: Quantity) -> Row:
    return {
        **span_values(quantity.span),
        "value": quantity.value,
        "low": quantity.low,
        "high": quantity.high,
        "qualifier": quantity.qualifier.value,
        "unit": quantity.unit,
        "kind": quantity.kind.value,
        "attribution": quantity.attribution,
    }


def _place(place: Place) -> Row:
    return {
        **span_values(place.span),
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "kind": place.kind,
        "gazetteer_id": place.gazetteer_id,
        "attribution": place.attribution,
    }


def _time(time: Time) -> Row:
    return {
        **span_values(time.span),
        "value": time.value,
        "value_start": time.start,
        "value_end": time.end,
        "granularity": time.granularity,
        "relation": time.relation,
        "attribution": time.attribution,
    }


def _entity(entity: Entity) -> Row:
    return {
        **span_values(entity.span),
        "label": entity.label,
        "source_id": entity.source_id,
        "wikidata": entity.wikidata,
    }
