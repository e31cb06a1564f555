"""What the cross-document stage computes: claim clusters, estimate series, contradictions, grades.

Every route here answers 501 (CG011) while `claimgraph.resolve.read` is not installed.
"""

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query

from claimgraph.api import resolution
from claimgraph.api.deps import StoreDep
from claimgraph.api.errors import ERROR_RESPONSES, ErrorBody
from claimgraph.api.models import (
    ClaimStandingOut,
    ClusterOut,
    ClusterPage,
    ContradictionOut,
    EstimateSeriesOut,
    GradeOut,
    MatchOut,
)
from claimgraph.resolve import sides

RESPONSES = {**ERROR_RESPONSES, 501: {"model": ErrorBody, "description": "resolve not available"}}
router = APIRouter(prefix="/api", tags=["cross-document"], responses=RESPONSES)


POLARITIES = "^(assert|deny|unconfirmed)$"
SORTS = "^(support|reports|members|recent|reported)$"


@router.get("/clusters", response_model=ClusterPage, summary="Claims stated in many documents")
def list_clusters(
    store: StoreDep,
    source: Annotated[str | None, Query(description="an original source's id")] = None,
    search: Annotated[str | None, Query(description="words in the claim")] = None,
    polarity: Annotated[
        str | None, Query(pattern=POLARITIES, description="assert, deny or unconfirmed")
    ] = None,
    sort: Annotated[
        str,
        Query(
            pattern=SORTS,
            description="support: the library's ranking; reports: most reports first; "
            "recent: latest first report first; reported: earliest first",
        ),
    ] = "support",
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    read = resolution.require()
    clusters = read.clusters(store, source=source, search=search)
    if polarity is not None:
        clusters = [c for c in clusters if c.polarity == polarity]
    if sort == "support":
        # The library's ranking, kept within equal support; re-sorting on the records' own
        # support keeps the page ordered if the stored ranking column and the record disagree.
        clusters.sort(key=lambda c: -c.support)
    elif sort in ("reports", "members"):
        clusters.sort(key=lambda c: -len(c.members))
    elif sort == "recent":
        clusters.sort(key=lambda c: _stamp(c.first_reported), reverse=True)
    elif sort == "reported":
        clusters.sort(key=lambda c: _stamp(c.first_reported))
    page = clusters[offset : offset + limit]
    return {"items": resolution.cluster_dicts(store, read, page), "total": len(clusters)}


@router.get("/clusters/{cluster_id}", response_model=ClusterOut, summary="One claim cluster")
def get_cluster(cluster_id: str, store: StoreDep) -> dict[str, Any]:
    read = resolution.require()
    return resolution.full_cluster_dict(store, read, read.cluster(store, cluster_id))


@router.get(
    "/disputes",
    response_model=list[ClaimStandingOut],
    summary="For stored claims: their cluster, polarity and the claims that dispute them",
)
def list_disputes(
    store: StoreDep,
    claims: Annotated[str, Query(description="claim (attribution) ids, comma-separated")],
) -> list[dict[str, Any]]:
    read = resolution.require()
    ids = [claim.strip() for claim in claims.split(",") if claim.strip()][:500]
    standing = sides.standing(store, read.contradictions(store), ids)
    return [asdict(standing[claim]) for claim in ids if claim in standing]


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
    match = resolution.require().explain(store, a, b)
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
    series = resolution.require().estimate_series(store, topic)
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
        str | None, Query(pattern="^(denial|figures)$", description="denial or figures")
    ] = None,
) -> list[dict[str, Any]]:
    return resolution.contradictions(store, resolution.require(), kind=kind)


@router.get("/grades", response_model=list[GradeOut], summary="Source reliability grades (A-F)")
def list_grades(store: StoreDep) -> list[dict[str, Any]]:
    return [resolution.grade_dict(grade) for grade in resolution.require().grades(store)]


def _stamp(moment: datetime | None) -> float:
    if moment is None:
        return float("-inf")
    return moment.timestamp() if moment.tzinfo else moment.replace(tzinfo=UTC).timestamp()
