"""Stream the store's tables for export, row by row, with the claims filters applied in SQL.

Every reader here runs one query and yields rows as the database cursor hands them over
(`yield_per`; a server-side cursor on PostgreSQL), so an export of 100,000 claims holds one batch
at a time. Filters (source, certainty, words, anonymity) select the claims; documents, sources and
clusters are those the selected claims belong to, chosen by subqueries, not by ids kept in memory.

Needs: a Store and `ExportFilters`.  Returns: `ExportClaim` and plain dict rows.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from claimgraph.records import Certainty
from claimgraph.store import Store, schema
from claimgraph.store import search as store_search
from claimgraph.store.claim_query import names_source
from claimgraph.store.resolve_tables import (
    resolve_clusters,
    resolve_contradictions,
    resolve_documents,
    resolve_members,
    source_grades,
)

BATCH = 2_000  # rows per fetch from the cursor


@dataclass(frozen=True, slots=True)
class ExportFilters:
    """The claims filters of `claimgraph claims` and `GET /api/claims`."""

    source: str | None = None
    certainty: str | None = None
    search: str | None = None
    anonymous: bool | None = None
    # A SELECT of attribution ids chosen elsewhere (the API's richer claim filter: dates, places,
    # topics, outlets), combined with the fields above.
    selection: Any = None

    @property
    def active(self) -> bool:
        given = (self.source, self.certainty, self.search, self.anonymous, self.selection)
        return any(v is not None for v in given)

    def described(self) -> dict[str, Any]:
        """The filters as plain values (for an export's header)."""
        return {
            "source": self.source,
            "certainty": self.certainty,
            "search": self.search,
            "anonymous": self.anonymous,
            "more": self.selection is not None,
        }


@dataclass(frozen=True, slots=True)
class ExportClaim:
    """One claim as every export sees it: the attribution, its document, and what resolve found."""

    id: str
    document_id: str
    seq: int
    source_text: str | None
    canonical_source: str | None
    source_name: str | None
    source_wikidata: str | None
    cue_text: str | None
    content_text: str
    form: str
    certainty: str
    hedges: tuple[str, ...]
    anonymous: bool
    channel_text: str | None
    parent: str | None
    polarity: str | None  # assert | deny | unconfirmed; None before resolve
    cluster_id: str | None
    cluster_founder: str | None  # the claim that opened the cluster (first report)
    original_source: str | None
    chain: tuple[str, ...]  # source ids from the teller back to the origin
    support: int | None  # independent original sources of the cluster
    credibility: int | None  # Admiralty 1-6 of the cluster
    reliability: str | None  # Admiralty A-F of the source, when a user graded it
    outlet: str | None
    url: str | None
    title: str | None
    published: datetime | None


def filtered_attributions(store: Store, filters: ExportFilters) -> sa.Select[Any]:
    """The ids of the attributions the filters select (a subquery for the other tables)."""
    a = schema.attributions
    stmt = sa.select(a.c.id)
    if filters.source is not None:
        stmt = stmt.where(names_source(a.c.canonical_source, filters.source))
    if filters.certainty is not None:
        stmt = stmt.where(a.c.certainty == _certainty(filters.certainty))
    if filters.search is not None:
        stmt = stmt.where(store_search.matches(store.search_mode, filters.search, a))
    if filters.anonymous is not None:
        stmt = stmt.where(a.c.anonymous == filters.anonymous)
    if filters.selection is not None:
        stmt = stmt.where(a.c.id.in_(filters.selection))
    return stmt


def claims(store: Store, filters: ExportFilters | None = None) -> Iterator[ExportClaim]:
    """Selected claims in document then text order, joined with resolve's results."""
    filters = filters or ExportFilters()
    a, d, s = schema.attributions, schema.documents, schema.sources
    m, c, g = resolve_members, resolve_clusters, source_grades
    stmt = (
        sa.select(
            a.c.id,
            a.c.document_id,
            a.c.seq,
            a.c.source_text,
            a.c.canonical_source,
            s.c.name.label("source_name"),
            s.c.wikidata.label("source_wikidata"),
            a.c.cue_text,
            a.c.content_text,
            a.c.form,
            a.c.certainty,
            a.c.hedges,
            a.c.anonymous,
            a.c.channel_text,
            a.c.parent,
            m.c.facts,
            m.c.cluster_id,
            c.c.founder.label("cluster_founder"),
            m.c.original_source,
            m.c.chain,
            c.c.support,
            c.c.credibility,
            g.c.reliability,
            d.c.outlet,
            d.c.url,
            d.c.title,
            d.c.published,
        )
        .select_from(
            a.join(d, a.c.document_id == d.c.id)
            .outerjoin(s, a.c.canonical_source == s.c.id)
            .outerjoin(m, m.c.attribution_id == a.c.id)
            .outerjoin(c, c.c.id == m.c.cluster_id)
            .outerjoin(g, g.c.source_id == a.c.canonical_source)
        )
        .order_by(a.c.document_id, a.c.seq)
    )
    if filters.active:
        stmt = stmt.where(a.c.id.in_(filtered_attributions(store, filters)))
    for row in _stream(store, stmt):
        facts = row["facts"] or {}
        yield ExportClaim(
            id=row["id"],
            document_id=row["document_id"],
            seq=row["seq"],
            source_text=row["source_text"],
            canonical_source=row["canonical_source"],
            source_name=row["source_name"],
            source_wikidata=row["source_wikidata"],
            cue_text=row["cue_text"],
            content_text=row["content_text"],
            form=row["form"],
            certainty=row["certainty"],
            hedges=tuple(h["text"] for h in row["hedges"] or ()),
            anonymous=bool(row["anonymous"]),
            channel_text=row["channel_text"],
            parent=row["parent"],
            polarity=facts.get("polarity"),
            cluster_id=row["cluster_id"],
            cluster_founder=row["cluster_founder"],
            original_source=row["original_source"],
            chain=tuple(step["source_id"] for step in row["chain"] or ()),
            support=row["support"],
            credibility=row["credibility"],
            reliability=row["reliability"],
            outlet=row["outlet"],
            url=row["url"],
            title=row["title"],
            published=row["published"],
        )


def documents(store: Store, filters: ExportFilters | None = None) -> Iterator[dict[str, Any]]:
    """Documents (without their text) that hold a selected claim, or all of them unfiltered."""
    d, r = schema.documents, resolve_documents
    stmt = (
        sa.select(
            d.c.id,
            d.c.url,
            d.c.outlet,
            d.c.title,
            d.c.published,
            d.c.language,
            d.c.ingested_at,
            r.c.copy_of,
            r.c.copy_similarity,
        )
        .outerjoin(r, r.c.document_id == d.c.id)
        .order_by(d.c.id)
    )
    if filters is not None and filters.active:
        a = schema.attributions
        chosen = sa.select(a.c.document_id).where(a.c.id.in_(filtered_attributions(store, filters)))
        stmt = stmt.where(d.c.id.in_(chosen))
    yield from _stream(store, stmt)


def sources(store: Store, filters: ExportFilters | None = None) -> Iterator[dict[str, Any]]:
    """Sources that said a selected claim (all sources unfiltered), with users' grades."""
    s, g = schema.sources, source_grades
    stmt = (
        sa.select(s, g.c.reliability, g.c.reason.label("reliability_reason"))
        .outerjoin(g, g.c.source_id == s.c.id)
        .order_by(s.c.id)
    )
    if filters is not None and filters.active:
        a = schema.attributions
        chosen = sa.select(a.c.canonical_source).where(
            a.c.id.in_(filtered_attributions(store, filters))
        )
        stmt = stmt.where(s.c.id.in_(chosen))
    yield from _stream(store, stmt)


def clusters(store: Store, filters: ExportFilters | None = None) -> Iterator[dict[str, Any]]:
    """Claim clusters with a selected member (all unfiltered)."""
    c, m = resolve_clusters, resolve_members
    stmt = sa.select(
        c.c.id,
        c.c.label,
        c.c.founder,
        c.c.polarity,
        c.c.size,
        c.c.support,
        c.c.original_sources,
        c.c.outlets,
        c.c.first_reported,
        c.c.credibility,
        c.c.credibility_reasons,
    ).order_by(c.c.id)
    if filters is not None and filters.active:
        chosen = sa.select(m.c.cluster_id).where(
            m.c.attribution_id.in_(filtered_attributions(store, filters))
        )
        stmt = stmt.where(c.c.id.in_(chosen))
    yield from _stream(store, stmt)


def contradictions(store: Store, filters: ExportFilters | None = None) -> Iterator[dict[str, Any]]:
    """Contradictions between clusters, each side named by its founding claim too."""
    t, c1, c2 = resolve_contradictions, resolve_clusters.alias("a"), resolve_clusters.alias("b")
    stmt = (
        sa.select(
            t,
            c1.c.founder.label("claim_founder"),
            c2.c.founder.label("by_founder"),
        )
        .join(c1, c1.c.id == t.c.claim)
        .join(c2, c2.c.id == t.c.by)
        .order_by(t.c.id)
    )
    if filters is not None and filters.active:
        m = resolve_members
        chosen = sa.select(m.c.cluster_id).where(
            m.c.attribution_id.in_(filtered_attributions(store, filters))
        )
        stmt = stmt.where(sa.or_(t.c.claim.in_(chosen), t.c.by.in_(chosen)))
    yield from _stream(store, stmt)


def places(store: Store, filters: ExportFilters | None = None) -> Iterator[dict[str, Any]]:
    """Places with coordinates inside selected claims (or anywhere, unfiltered)."""
    p = schema.places
    stmt = (
        sa.select(p)
        .where(p.c.lat.is_not(None), p.c.lon.is_not(None))
        .order_by(p.c.document_id, p.c.seq)
    )
    if filters is not None and filters.active:
        stmt = stmt.where(p.c.attribution.in_(filtered_attributions(store, filters)))
    yield from _stream(store, stmt)


def _stream(store: Store, stmt: sa.Select[Any]) -> Iterator[dict[str, Any]]:
    with store.engine.connect() as conn:
        result = conn.execution_options(yield_per=BATCH).execute(stmt)
        for row in result.mappings():
            yield dict(row)


def _certainty(label: str) -> str:
    from claimgraph.errors import InputError

    labels = [c.label for c in Certainty]
    if label.lower() not in labels:
        raise InputError(f"unknown certainty {label!r}", hint=f"use one of: {', '.join(labels)}")
    return label.lower()
