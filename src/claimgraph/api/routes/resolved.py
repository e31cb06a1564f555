"""What the cross-document stage computes: claim clusters, estimate series, contradictions, grades."""

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from claimgraph.api import resolution
from claimgraph.api.deps import StoreDep
from claimgraph.api.errors import ERROR_RESPONSES, MAX_OFFSET, api_hint
from claimgraph.api.models import (
    ClusterOut,
    ClusterPage,
    ContradictionOut,
    EstimateSeriesOut,
    GradeOut,
    MatchOut,
)
from claimgraph.resolve import read

router = APIRouter(prefix="/api", tags=["cross-document"], responses=ERROR_RESPONSES)


@router.get("/clusters", response_model=ClusterPage, summary="Claims stated in many documents")
def list_clusters(
    store: StoreDep,
    source: Annotated[str | None, Query(description="an original source's id")] = None,
    search: Annotated[str | None, Query(description="words in the claim")] = None,
    sort: Annotated[str, Query(pattern="^(support|reported|members)$")] = "support",
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    clusters = read.clusters(store, source=source, search=search)
    if sort == "support":
        clusters.sort(key=lambda c: (-c.support, -len(c.members), c.id))
    elif sort == "members":
        clusters.sort(key=lambda c: (-len(c.members), -c.support, c.id))
    else:
        clusters.sort(key=lambda c: c.first_reported.timestamp() if c.first_reported else 0.0)
    page = clusters[offset : offset + limit]
    return {"items": [resolution.cluster_dict(c) for c in page], "total": len(clusters)}


@router.get("/clusters/{cluster_id}", response_model=ClusterOut, summary="One claim cluster")
def get_cluster(cluster_id: str, store: StoreDep) -> dict[str, Any]:
    with api_hint("list clusters at /api/clusters"):
        return resolution.cluster_dict(read.cluster(store, cluster_id))


@router.get(
    "/explain",
    response_model=MatchOut,
    summary="Why two attributions are (or are not) the same claim",
)
def explain(
    store: StoreDep,
    a: Annotated[str, Query(description="an attribution id")],
    b: Annotated[str, Query(description="another attribution id")],
) -> dict[str, Any]:
    with api_hint("give two attribution ids from the members of /api/clusters"):
        match = read.explain(store, a, b)
    return {
        **asdict(match),
        "agreeing": list(match.agreeing),
        "conflicting": list(match.conflicting),
    }


@router.get(
    "/estimates", response_model=list[EstimateSeriesOut], summary="Estimate series per topic"
)
def list_estimates(
    store: StoreDep, topic: Annotated[str | None, Query(description="one topic only")] = None
) -> list[dict[str, Any]]:
    series = read.estimate_series(store, topic)
    return [
        {
            **asdict(s),
            "points": [
                {
                    **asdict(p),
                    "documents": list(p.documents),
                    "attributions": list(p.attributions),
                    "outlets": list(getattr(p, "outlets", ())),
                }
                for p in s.points
            ],
        }
        for s in series
    ]


@router.get(
    "/contradictions",
    response_model=list[ContradictionOut],
    summary="Claims that deny or contradict others, most recent first",
)
def list_contradictions(
    store: StoreDep,
    kind: Annotated[
        Literal["denial", "figures"] | None,
        Query(description="denial: a claim denied; figures: incompatible numbers"),
    ] = None,
    limit: Annotated[int | None, Query(ge=1, le=1000, description="at most this many")] = None,
) -> list[dict[str, Any]]:
    found = resolution.contradictions(store, read, read.clusters(store))
    if kind is not None:
        found = [item for item in found if item["kind"] == kind]
    return found[:limit]


@router.get("/grades", response_model=list[GradeOut], summary="Source reliability grades (A-F)")
def list_grades(store: StoreDep) -> list[dict[str, Any]]:
    return [resolution.grade_dict(grade) for grade in read.grades(store)]
