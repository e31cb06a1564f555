"""Cross-document records: what `resolve` computes from many stored analyses.

These are the boundary types between resolve/ and its readers (CLI, API, web, export). Ids are
stable: a cluster id derives from its earliest attribution, so adding documents never renames it.
"""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ProvenanceStep:
    """One hop of a report's chain, outlet first: Reuters -> Yonhap -> NIS."""

    source_id: str
    name: str
    kind: str  # outlet, media, person, organisation, government, anonymous ...
    via: str  # how this step hands the claim on: "published", "citing", "according to", "told"


@dataclass(frozen=True, slots=True)
class ClaimMember:
    """An attribution inside a cluster, with where it appeared and the chain back to its origin."""

    attribution_id: str
    document_id: str
    outlet: str | None
    published: datetime | None
    source_id: str | None  # canonical source of the attribution
    original_source: str | None  # the end of the chain: who first said it
    chain: tuple[ProvenanceStep, ...]
    content_text: str
    certainty: str
    syndicated_copy_of: str | None = None  # document id this document nearly copies


@dataclass(frozen=True, slots=True)
class ClaimCluster:
    """Attributions in many documents that state the same proposition."""

    id: str  # "c_" + hash of the earliest member's attribution id
    label: str  # the earliest member's content
    members: tuple[ClaimMember, ...]
    original_sources: tuple[str, ...]  # independent original sources (ids), the corroboration
    outlets: tuple[str, ...]
    first_reported: datetime | None
    polarity: str = "assert"  # assert | deny | unconfirmed
    credibility: int = 6  # Admiralty 1 (confirmed) .. 6 (cannot be judged)
    credibility_reasons: tuple[str, ...] = ()
    contradicted_by: tuple[str, ...] = ()  # ids of clusters that contradict this one
    supported_by: tuple[str, ...] | None = None  # originals that corroborate it (None: all)

    @property
    def reports(self) -> int:
        """Documents that carry the claim: one report quoting a speaker twice ("X said ...
        believed ...") is one report."""
        return len({member.document_id for member in self.members})

    @property
    def support(self) -> int:
        """Independent corroboration of an assertion: original sources that state it without
        "could" or "may" and nearly as the founding claim does, not outlets repeating them, nor
        a body that also denies it. A denial or a non-confirmation corroborates nothing (its
        sources are still in `original_sources`)."""
        if self.polarity != "assert":
            return 0
        return len(self.original_sources if self.supported_by is None else self.supported_by)


@dataclass(frozen=True, slots=True)
class ClusterMatch:
    """Why two attributions were put together (or kept apart): shown to users."""

    similarity: float
    threshold: float
    agreeing: tuple[str, ...]  # "numbers 1,500", "place Russia", "source kr-nis"
    conflicting: tuple[str, ...]  # "numbers 1,500 vs 12,000", "polarity"
    score: float = 0.0  # similarity plus the bonuses and penalties of what agrees and conflicts
    vetoed: bool = False  # a conflict that forbids merging (polarity, figures, modality)
    merged: bool = False  # score >= threshold and not vetoed


@dataclass(frozen=True, slots=True)
class EstimatePoint:
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    modality: str  # arrived | current | projected | final | cumulative | unknown
    source: str | None  # original source id
    source_name: str | None
    first_reported: datetime | None
    documents: tuple[str, ...]
    attributions: tuple[str, ...] = ()
    cluster: str | None = None
    outlets: tuple[str, ...] = ()  # outlets that printed the figure, first report first
    text: str | None = None  # the figure as first printed: "about 1,500"


@dataclass(frozen=True, slots=True)
class EstimateSeries:
    topic: str  # "North Korean troops in Russia"
    unit: str | None
    points: tuple[EstimatePoint, ...] = ()
    key: str | None = None  # "troops||KP|RU": thing | event | actor | place


@dataclass(frozen=True, slots=True)
class Contradiction:
    id: str
    kind: str  # denial | figures
    claim: str  # cluster id that is contradicted
    by: str  # cluster id that contradicts it
    explanation: str
    interested: bool = False  # a denial by a party to what it denies (sides.py names both sides)
    topic: str | None = None  # of a figure dispute: "people killed in Sudan (cumulative)"


@dataclass(frozen=True, slots=True)
class SourceGrade:
    """Admiralty reliability of a source (A-F), with the reasons and whether a user set it."""

    source_id: str
    reliability: str  # A .. F; F = cannot be judged (the default)
    reasons: tuple[str, ...] = ()
    overridden: bool = False
    parent: str | None = None
    children: tuple[str, ...] = field(default=())
    name: str | None = None
    claims: int = 0  # clusters in which it is an original source
    confirmed: int = 0  # of those, confirmed by another independent source
    contradicted: int = 0  # of those, contradicted by incompatible figures
