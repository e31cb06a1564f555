"""The corpus as a whole: overview, sources, places, times, outlets, topics, health."""

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query

import claimgraph
from claimgraph.api import resolution
from claimgraph.api.deps import StoreDep
from claimgraph.api.errors import ERROR_RESPONSES
from claimgraph.api.models import (
    Health,
    Overview,
    PlaceSummary,
    SourceDetail,
    SourceOut,
    TimeSummary,
)
from claimgraph.errors import NotFound
from claimgraph.resolve import admiralty, read
from claimgraph.resolve.records import SourceGrade
from claimgraph.store import corpus_query
from claimgraph.store.connect import check_connection
from claimgraph.store.rows import SourceRow

router = APIRouter(prefix="/api", tags=["corpus"], responses=ERROR_RESPONSES)


@router.get("/health", response_model=Health, summary="Is the store reachable; what is available")
def health(store: StoreDep) -> dict[str, Any]:
    check_connection(store.engine)  # one SELECT 1, not a count of every table: it is polled
    return {
        "ok": True,
        "version": claimgraph.__version__,
        "store": store.url,
        "search": store.search_mode,
        "resolution": resolution.AVAILABLE,
    }


@router.get(
    "/overview", response_model=Overview, summary="Counts, timeline, top claims, contradictions"
)
def overview(store: StoreDep, top: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    counts = store.counts()
    with store.engine.connect() as conn:
        first, last = corpus_query.published_range(conn)
        summary = {
            "documents": counts["documents"],
            "claims": counts["attributions"],
            "sources": counts["sources"],
            "outlets": corpus_query.distinct_outlets(conn),
            "places": corpus_query.distinct_places(conn),
            "anonymous_claims": corpus_query.anonymous_claims(conn),
            "failures": counts["failures"],
        }
        timeline = corpus_query.timeline(conn)
        certainty = corpus_query.certainty_counts(conn)
    clusters = read.clusters(store)
    summary["clusters"] = len(clusters)
    # The library's order: independent support, then reports, then recency.
    top_clusters = resolution.cluster_dicts(store, read, clusters[:top])
    contradictions = resolution.contradictions(store, read, clusters)[:top]
    return {
        "counts": summary,
        "certainty": certainty,
        "first_published": first,
        "last_published": last,
        "timeline": timeline,
        "top_clusters": top_clusters,
        "contradictions": contradictions,
        "resolution": resolution.AVAILABLE,
        "resolution_message": None,
    }


@router.get(
    "/sources", response_model=list[SourceOut], summary="Canonical sources, most cited first"
)
def list_sources(
    store: StoreDep,
    search: Annotated[str | None, Query(description="words in the name or an alias")] = None,
    type: Annotated[str | None, Query(description="person, organisation, government ...")] = None,
) -> list[dict[str, Any]]:
    grades = read.grades_by_source(store)
    rows = store.sources()
    if type:
        rows = [row for row in rows if row.type == type]
    if search:
        words = search.casefold().split()
        rows = [row for row in rows if all(w in _names(row) for w in words)]
    return [source_dict(row, grades.get(row.id)) for row in rows]


@router.get(
    "/sources/{source_id}",
    response_model=SourceDetail,
    summary="One source: aliases, parent, children, grade with reasons, claims per day",
)
def get_source(source_id: str, store: StoreDep) -> dict[str, Any]:
    with store.engine.connect() as conn:
        canonical = corpus_query.source_id_for(conn, source_id)
        rows = {row.id: row for row in store.sources()}
        if canonical is None or canonical not in rows:
            raise NotFound(
                f"no source with id, name or alias {source_id!r}",
                hint="list sources at /api/sources",
                code="CG302",
            )
        days = corpus_query.source_days(conn, canonical)
        outlets = corpus_query.source_outlets(conn, canonical)
    grades = read.grades_by_source(store)
    row = rows[canonical]
    parent = rows.get(row.parent) if row.parent else None
    children = [child for child in rows.values() if child.parent == canonical]
    grade = grades.get(canonical)
    return {
        "source": source_dict(row, grade),
        "parent": source_dict(parent, grades.get(parent.id)) if parent else None,
        "children": [source_dict(child, grades.get(child.id)) for child in children],
        "grade": resolution.grade_dict(grade) if grade else None,
        "claims_by_day": days,
        "outlets": outlets,
        "resolution": resolution.AVAILABLE,
    }


@router.get("/places", response_model=list[PlaceSummary], summary="Places in claims and articles")
def list_places(store: StoreDep) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return corpus_query.places(conn)


@router.get("/times", response_model=list[TimeSummary], summary="Resolved dates and intervals")
def list_times(store: StoreDep) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return corpus_query.times(conn)


@router.get("/outlets", summary="Publishing outlets with their document counts")
def list_outlets(store: StoreDep) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return corpus_query.outlets(conn)


@router.get("/topics", summary="Counted things inside claims: values of the claims `topic` filter")
def list_topics(store: StoreDep) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return corpus_query.topics(conn)


def source_dict(row: SourceRow, grade: SourceGrade | None) -> dict[str, Any]:
    reliability = grade.reliability if grade else None
    return {
        **asdict(row),
        "reliability": reliability,
        "reliability_word": admiralty.reliability_word(reliability),
    }


def _names(row: SourceRow) -> str:
    return " ".join((row.id, row.name, *row.aliases)).casefold()
