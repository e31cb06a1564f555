"""Typed response bodies of the API (pydantic), as published in the OpenAPI document at /docs."""

from datetime import date, datetime

from pydantic import BaseModel, Field, model_validator


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class HedgeOut(SpanOut):
    strength: str
    lemma: str


class QuantityOut(SpanOut):
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    kind: str
    attribution: str | None = None


class PlaceOut(SpanOut):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    gazetteer_id: str | None
    attribution: str | None = None


class TimeOut(SpanOut):
    value: str
    date_from: date | None
    date_to: date | None
    granularity: str
    relation: str
    attribution: str | None = None


class Claim(BaseModel):
    """One stored attribution, flat, with its document and the numbers and places inside it."""

    id: str
    document_id: str
    source_text: str | None
    canonical_source: str | None
    source_name: str | None
    source_kind: str | None
    cue_text: str | None
    content_text: str
    content_start: int | None
    content_end: int | None
    form: str
    certainty: str
    polarity: str = Field(description="assert, deny or unconfirmed: what the source does with it")
    negated: bool = Field(description="the content itself says something did not happen")
    hedges: list[str]
    anonymous: bool
    channel_text: str | None
    parent: str | None
    document_title: str | None
    document_url: str | None
    outlet: str | None
    published: datetime | None
    numbers: list[str] = Field(description="the quantities inside the content, as written")
    places: list[str] = Field(description="gazetteer names of the places inside the content")
    evidence: str = Field(description="the web page that shows this claim highlighted")


class ClaimPage(BaseModel):
    items: list[Claim]
    total: int = Field(description="claims matching the filter, over all pages")
    next_cursor: str | None = Field(
        description="pass as `cursor` for the next page; null at the end"
    )
    sort: str
    order: str


class DocumentSummary(BaseModel):
    id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: datetime | None
    language: str
    ingested_at: datetime | None
    claims: int


class DocumentPage(BaseModel):
    items: list[DocumentSummary]
    total: int


class MemberOut(BaseModel):
    """Another report of the same claim (a member of its cluster)."""

    attribution_id: str
    document_id: str
    outlet: str | None
    published: datetime | None
    source_id: str | None
    original_source: str | None
    chain: list[dict[str, str]]
    content_text: str
    certainty: str
    syndicated_copy_of: str | None
    polarity: str | None = Field(
        default=None, description="assert, deny or unconfirmed: how this report states it"
    )


class SideOut(BaseModel):
    """One side of a dispute: a cluster as its original source first said it."""

    cluster: str
    label: str = Field(description="the proposition, as first reported")
    polarity: str = Field(description="assert, deny or unconfirmed")
    source_id: str | None
    source_name: str | None
    cue: str | None = Field(description="the reporting verb or phrase: denied, said, according to")
    figures: list[str] = Field(description="the counted figures, as printed")
    published: datetime | None
    outlet: str | None
    document_id: str | None
    attribution_id: str | None = Field(description="the report this side is read from")


class DisputeOut(BaseModel):
    """A contradiction seen from one cluster."""

    contradiction: str
    kind: str = Field(description="denial or figures")
    role: str = Field(
        description="disputed_by: the other side denies or contradicts this claim; "
        "disputes: this claim denies the other"
    )
    other: SideOut
    explanation: str


class ClusterOut(BaseModel):
    id: str
    label: str
    support: int = Field(description="independent original sources, not outlets repeating them")
    reports: int = Field(default=0, description="documents that carry the claim")
    original_sources: list[str]
    outlets: list[str]
    first_reported: datetime | None
    polarity: str
    credibility: int
    credibility_word: str = Field(
        default="cannot be judged", description="Admiralty word: 1 confirmed .. 6 cannot be judged"
    )
    credibility_reasons: list[str]
    contradicted_by: list[str]
    disputes: list[DisputeOut] | None = Field(
        default=None,
        description="contradictions this claim is part of, the other side named; null where "
        "not looked up (a claim's cluster: see /api/disputes?claims=ID)",
    )
    members: list[MemberOut]


class ClusterPage(BaseModel):
    items: list[ClusterOut]
    total: int


class ClaimDetail(BaseModel):
    """A claim with all its spans and what it holds, and the other reports of the same claim."""

    claim: Claim
    source: SpanOut | None
    cue: SpanOut | None
    content: list[SpanOut]
    channel: SpanOut | None
    hedges: list[HedgeOut]
    quantities: list[QuantityOut]
    places: list[PlaceOut]
    times: list[TimeOut]
    cluster: ClusterOut | None
    resolution: str = Field(description="available, or unavailable when resolve is not installed")


class SourceOut(BaseModel):
    id: str
    name: str
    type: str
    country: str | None
    parent: str | None
    wikidata: str | None
    aliases: list[str]
    roles: list[str]
    claims: int
    documents: int
    reliability: str | None = Field(description="Admiralty grade A-F, when graded")
    reliability_word: str = Field(
        default="unrated", description="the grade's word; unrated when it cannot be judged"
    )


class GradeOut(BaseModel):
    source_id: str
    reliability: str = Field(
        description="Admiralty A (completely reliable) .. F (cannot be judged)"
    )
    reliability_word: str = Field(
        default="unrated", description="the grade's word; unrated when it cannot be judged"
    )
    rated: bool = Field(default=False, description="false when reliability cannot be judged (F)")
    reasons: list[str]
    overridden: bool = Field(description="set by a user, not computed")
    parent: str | None
    children: list[str]
    name: str | None = None
    claims: int = Field(default=0, description="claims in which it is an original source")
    confirmed: int = Field(default=0, description="of those, confirmed by an independent source")
    contradicted: int = Field(default=0, description="of those, contradicted by other figures")


class DayCount(BaseModel):
    date: date
    count: int


class SourceDetail(BaseModel):
    source: SourceOut
    parent: SourceOut | None
    children: list[SourceOut]
    grade: GradeOut | None
    claims_by_day: list[DayCount]
    outlets: list[str]
    resolution: str


class PlaceSummary(BaseModel):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    gazetteer_id: str | None
    mentions: int
    documents: int
    claims: int


class TimeSummary(BaseModel):
    value: str
    date_from: date | None
    date_to: date | None
    granularity: str
    mentions: int
    documents: int
    claims: int
    examples: list[str]


class TimelineDay(BaseModel):
    date: date
    documents: int
    claims: int


class ContradictionOut(BaseModel):
    id: str
    kind: str
    claim: str
    by: str
    explanation: str
    claim_label: str | None
    by_label: str | None
    first_reported: datetime | None
    claim_side: SideOut | None = Field(default=None, description="the claim that is disputed")
    by_side: SideOut | None = Field(default=None, description="the claim that disputes it")
    topic: str | None = Field(
        default=None, description="what a figure dispute counts; null for a denial"
    )


class FigureDisputeOut(BaseModel):
    """Every source's figure for one disputed topic, once each: the pairs gathered."""

    topic: str = Field(description="what is counted: people killed in Sudan (cumulative)")
    sources: int = Field(description="how many sources give a figure in the dispute")
    latest: datetime | None = Field(description="the latest first report among the figures")
    positions: list[SideOut] = Field(
        description="each source's figure as first given, earliest first"
    )
    contradictions: list[str] = Field(description="the ids of the pairs behind it")


class MergeIn(BaseModel):
    """Two claims an analyst says are one: cluster or attribution ids."""

    a: str = Field(min_length=1, description="a cluster id (c_…) or a claim (attribution) id")
    b: str = Field(min_length=1, description="the cluster or claim it states the same as")


class SplitIn(BaseModel):
    """Which report to take out of a cluster; none: every report becomes a claim of its own."""

    attribution: str | None = Field(default=None, description="one member's attribution id")


class CorrectionOut(BaseModel):
    """The clusters after a user's correction (stored, and replayed on every resolve)."""

    clusters: list[str] = Field(description="the merged cluster, or the clusters split out")
    page: str = Field(description="the web page of the first of them")


class ClaimStandingOut(BaseModel):
    """Where one stored claim stands across documents: its cluster and the disputes it meets."""

    attribution_id: str
    cluster: str
    polarity: str
    disputes: list[DisputeOut]


class Overview(BaseModel):
    counts: dict[str, int]
    certainty: dict[str, int]
    first_published: datetime | None
    last_published: datetime | None
    timeline: list[TimelineDay]
    top_clusters: list[ClusterOut]
    contradictions: list[ContradictionOut]
    resolution: str
    resolution_message: str | None


class EstimatePointOut(BaseModel):
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    modality: str
    source: str | None
    source_name: str | None
    first_reported: datetime | None
    documents: list[str]
    attributions: list[str]
    cluster: str | None
    outlets: list[str] = Field(default=[], description="outlets that printed it, first first")
    text: str | None = Field(default=None, description="the figure as first printed")


class EstimateSeriesOut(BaseModel):
    topic: str
    unit: str | None
    key: str | None = None
    points: list[EstimatePointOut]


class MatchOut(BaseModel):
    similarity: float
    threshold: float
    agreeing: list[str]
    conflicting: list[str]
    score: float = 0.0
    vetoed: bool = False
    merged: bool = False


class ArticleIn(BaseModel):
    """An article to analyse: its text (plain or HTML) and what is known about it."""

    text: str | None = Field(
        default=None, min_length=1, description="the article, plain text or HTML (or give url)"
    )
    published: str | None = Field(
        default=None, description="ISO date or date-time; anchors 'on Friday'"
    )
    url: str | None = Field(
        default=None, description="the article's URL; without text, the page is fetched"
    )
    outlet: str | None = None
    title: str | None = None
    html: bool | None = Field(
        default=None, description="true: the text is HTML; false: keep it as text; null: sniff"
    )

    @model_validator(mode="after")
    def _text_or_url(self) -> "ArticleIn":
        if self.text is None and not self.url:
            raise ValueError("give the article's text, or its url to fetch it")
        return self


class Ingested(BaseModel):
    stored: bool = Field(description="false if the same document was already stored")
    document_id: str
    claims: int
    page: str = Field(description="the article view of the stored document")
    resolved: bool = Field(description="whether cross-document resolution was re-run")


class Health(BaseModel):
    ok: bool
    version: str
    store: str
    search: str
    resolution: str
