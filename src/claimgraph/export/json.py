"""The JSON contract of `claimgraph extract`: one object per document, versioned.

Every item that comes from the text carries `start`, `end` (character offsets into
`document.text`) and `text`. The JSON Schema is `claimgraph/schema/extract.v2.json`
(version 2 adds each attribution's `polarity` and `negated` and the document's `dateline`;
`extract.v1.json` stays for reading older output).
"""

import json
from dataclasses import asdict
from typing import Any

from claimgraph.records import Analysis, Attribution, Dateline, Hedge, Source, Span

SCHEMA_VERSION = "2.0"


def span_dict(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def _hedge(hedge: Hedge) -> dict[str, Any]:
    return {**span_dict(hedge.span), "strength": hedge.strength.label, "lemma": hedge.lemma}  # type: ignore[dict-item]


def attribution_dict(attribution: Attribution, text: str) -> dict[str, Any]:
    parts = [
        s for s in (attribution.source, attribution.cue, *attribution.content) if s is not None
    ]
    start, end = min(s.start for s in parts), max(s.end for s in parts)
    return {
        "id": attribution.id,
        "start": start,
        "end": end,
        "text": text[start:end],
        "source": span_dict(attribution.source),
        "cue": span_dict(attribution.cue),
        "content": [span_dict(s) for s in attribution.content],
        "content_text": attribution.content_text,
        "canonical_source": attribution.canonical_source,
        "source_kind": attribution.source_kind,
        "form": attribution.form.value,
        "certainty": attribution.certainty.label,
        "polarity": attribution.polarity.value,
        "negated": attribution.negated,
        "hedges": [_hedge(h) for h in attribution.hedges],
        "anonymous": attribution.anonymous,
        "channel": span_dict(attribution.channel),
        "parent": attribution.parent,
    }


def dateline_dict(dateline: Dateline | None) -> dict[str, Any] | None:
    if dateline is None:
        return None
    return {
        **span_dict(dateline.span),  # type: ignore[dict-item]
        "place": span_dict(dateline.place),
        "name": dateline.name,
        "country": dateline.country,
        "lat": dateline.lat,
        "lon": dateline.lon,
        "gazetteer_id": dateline.gazetteer_id,
    }


def _source(source: Source, analysis: Analysis) -> dict[str, Any]:
    mentions = [
        {**span_dict(m.span), "kind": m.kind, "role": m.role}  # type: ignore[dict-item]
        for m in analysis.mentions
        if m.source_id == source.id
    ]
    return {
        **asdict(source),
        "aliases": list(source.aliases),
        "roles": list(source.roles),
        "mentions": mentions,
    }


def analysis_dict(analysis: Analysis) -> dict[str, Any]:
    """The whole contract as plain JSON-ready values."""
    document = analysis.document
    text = document.text
    return {
        "schema_version": SCHEMA_VERSION,
        "document": {
            "id": document.id,
            "url": document.url,
            "outlet": document.outlet,
            "title": document.title,
            "published": document.published.isoformat() if document.published else None,
            "language": document.language,
            "text": text,
            "dateline": dateline_dict(analysis.dateline),
        },
        "attributions": [attribution_dict(a, text) for a in analysis.attributions],
        "quantities": [
            {
                **span_dict(q.span),  # type: ignore[dict-item]
                "value": q.value,
                "low": q.low,
                "high": q.high,
                "qualifier": q.qualifier.value,
                "unit": q.unit,
                "kind": q.kind.value,
                "attribution": q.attribution,
            }
            for q in analysis.quantities
        ],
        "places": [
            {
                **span_dict(p.span),  # type: ignore[dict-item]
                "name": p.name,
                "country": p.country,
                "lat": p.lat,
                "lon": p.lon,
                "kind": p.kind,
                "gazetteer_id": p.gazetteer_id,
                "attribution": p.attribution,
            }
            for p in analysis.places
        ],
        "times": [
            {
                **span_dict(t.span),  # type: ignore[dict-item]
                "value": t.value,
                "date_from": t.start.isoformat() if t.start else None,
                "date_to": t.end.isoformat() if t.end else None,
                "granularity": t.granularity,
                "relation": t.relation,
                "attribution": t.attribution,
            }
            for t in analysis.times
        ],
        "entities": [
            {**span_dict(e.span), "label": e.label, "source": e.source_id, "wikidata": e.wikidata}  # type: ignore[dict-item]
            for e in analysis.entities
        ],
        "sources": [_source(s, analysis) for s in analysis.sources],
    }


def to_json(analysis: Analysis, *, indent: int | None = 2) -> str:
    return json.dumps(analysis_dict(analysis), ensure_ascii=False, indent=indent)
