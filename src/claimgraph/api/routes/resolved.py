"""What the cross-document stage computes: claim clusters, estimate series, contradictions, grades."""

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query

from claimgraph.api import resolution
from claimgraph.api.deps import LockDep, StoreDep
from claimgraph.api.errors import ERROR_RESPONSES, MAX_OFFSET, api_hint
from claimgraph.api.models import (
    ClaimStandingOut,
    ClusterOut,
    ClusterPage,
    ContradictionOut,
    CorrectionOut,
    EstimateSeriesOut,
    FigureDisputeOut,
    GradeOut,
    MatchOut,
    MergeIn,
    SplitIn,
)
from claimgraph.errors import NotFound
from claimgraph.resolve import read, sides

router = APIRouter(prefix="/api", tags=["cross-document"], responses=ERROR_RESPONSES)


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
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    clusters = read.clusters(store, source=source, search=search)
    if polarity is not None:
        clusters = [c for c in clusters if c.polarity == polarity]
    if sort == "support":
        # The library's ranking, kept within equal support; re-sorting on the records' own
        # support keeps the page ordered if the stored ranking column and the record disagree.
        clusters.sort(key=lambda c: -c.support)
    elif sort == "reports":
        clusters.sort(key=lambda c: -c.reports)
    elif sort == "members":
        clusters.sort(key=lambda c: -len(c.members))
    elif sort == "recent":
        clusters.sort(key=lambda c: _stamp(c.first_reported), reverse=True)
    elif sort == "reported":
        clusters.sort(key=lambda c: _stamp(c.first_reported))
    page = clusters[offset : offset + limit]
    return {"items": resolution.cluster_dicts(store, read, page), "total": len(clusters)}


@router.post(
    "/clusters/merge",
    response_model=CorrectionOut,
    summary="Say two clusters state one claim (kept, and replayed on every resolve)",
)
def merge_clusters(body: MergeIn, store: StoreDep, lock: LockDep) -> dict[str, Any]:
    from claimgraph.resolve.corrections import merge_clusters as merge

    with lock:  # a full resolve: never beside an ingest's
        merged = merge(store, body.a.strip(), body.b.strip())
    return {"clusters": [merged], "page": f"/clusters/{merged}"}


@router.post(
    "/clusters/{cluster_id}/split",
    response_model=CorrectionOut,
    summary="Take one report (or every report) out of a cluster (kept, replayed on every resolve)",
)
def split_cluster(
    cluster_id: str, store: StoreDep, lock: LockDep, body: SplitIn | None = None
) -> dict[str, Any]:
    from claimgraph.resolve.corrections import split_claim

    target = cluster_id
    if body is not None and body.attribution:
        members = {m.attribution_id for m in read.cluster(store, cluster_id).members}
        if body.attribution not in members:
            raise NotFound(
                f"claim {body.attribution!r} is not in cluster {cluster_id!r}",
                hint="pick a member of the cluster: GET /api/clusters/{id}",
                code="CG090",
            )
        target = body.attribution
    with lock:
        clusters = split_claim(store, target)
    return {"clusters": clusters, "page": f"/clusters/{clusters[0]}" if clusters else "/clusters"}


@router.get("/clusters/{cluster_id}", response_model=ClusterOut, summary="One claim cluster")
def get_cluster(cluster_id: str, store: StoreDep) -> dict[str, Any]:
    with api_hint("list clusters at /api/clusters"):
        cluster = read.cluster(store, cluster_id)
    return resolution.full_cluster_dict(store, read, cluster)


@router.get(
    "/disputes",
    response_model=list[ClaimStandingOut],
    summary="For stored claims: their cluster, polarity and the claims that dispute them",
)
def list_disputes(
    store: StoreDep,
    claims: Annotated[str, Query(description="claim (attribution) ids, comma-separated")],
) -> list[dict[str, Any]]:
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
        str | None, Query(pattern="^(denial|figures)$", description="denial or figures")
    ] = None,
    limit: Annotated[int | None, Query(ge=1, le=1000, description="at most this many")] = None,
) -> list[dict[str, Any]]:
    return resolution.contradictions(store, read, kind=kind)[:limit]


@router.get(
    "/disputed-figures",
    response_model=list[FigureDisputeOut],
    summary="Figure disputes gathered by topic, each source's figure once, most sources first",
)
def list_figure_disputes(
    store: StoreDep,
    limit: Annotated[int | None, Query(ge=1, le=1000, description="at most this many")] = None,
) -> list[dict[str, Any]]:
    return resolution.figure_disputes(store, read)[:limit]


@router.get("/grades", response_model=list[GradeOut], summary="Source reliability grades (A-F)")
def list_grades(store: StoreDep) -> list[dict[str, Any]]:
    return [resolution.grade_dict(grade) for grade in read.grades(store)]


def _stamp(moment: datetime | None) -> float:
    if moment is None:
        return float("-inf")
    return moment.timestamp() if moment.tzinfo else moment.replace(tzinfo=UTC).timestamp()
