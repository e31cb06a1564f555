"""The extract JSON contract (schema `extract.v2.json`) as pydantic models, for the OpenAPI document.

`claimgraph.export.json.analysis_dict` builds the payload; these models describe it field by field,
and a test checks API answers against the published JSON Schema, so the two cannot drift apart.
"""

from pydantic import BaseModel

from claimgraph.api.models import HedgeOut, PlaceOut, QuantityOut, SpanOut, TimeOut


class DatelineOut(SpanOut):
    place: SpanOut
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    gazetteer_id: str | None


class DocumentOut(BaseModel):
    id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    language: str
    text: str
    dateline: DatelineOut | None


class AttributionOut(SpanOut):
    id: str
    source: SpanOut | None
    cue: SpanOut | None
    content: list[SpanOut]
    content_text: str
    canonical_source: str | None
    source_kind: str | None
    form: str
    certainty: str
    polarity: str  # assert, deny or unconfirmed
    negated: bool
    hedges: list[HedgeOut]
    anonymous: bool
    channel: SpanOut | None
    parent: str | None


class EntityOut(SpanOut):
    label: str
    source: str | None
    wikidata: str | None


class MentionOut(SpanOut):
    kind: str
    role: str | None


class ContractSource(BaseModel):
    id: str
    name: str
    type: str
    country: str | None
    parent: str | None
    wikidata: str | None
    aliases: list[str]
    roles: list[str]
    mentions: list[MentionOut]


class ExtractResult(BaseModel):
    """One analysed document, exactly as `claimgraph extract --format json` prints it."""

    schema_version: str
    document: DocumentOut
    attributions: list[AttributionOut]
    quantities: list[QuantityOut]
    places: list[PlaceOut]
    times: list[TimeOut]
    entities: list[EntityOut]
    sources: list[ContractSource]
