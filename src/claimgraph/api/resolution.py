"""The seam to the cross-document stage (`claimgraph.resolve.read`): clusters, estimates, grades.

The API works without it (documents, claims, sources, places); the endpoints that need it answer
501 with code CG011 until it is installed. Only a missing `resolve.read` module counts as "not
available": any other import error is a bug and keeps its traceback.
"""

from dataclasses import asdict
from types import ModuleType
from typing import Any

from claimgraph.api.errors import ResolveUnavailable
from claimgraph.resolve.records import ClaimCluster, ClaimMember, SourceGrade

AVAILABLE = "available"
UNAVAILABLE = "unavailable"
MESSAGE = "cross-document resolution is not available yet"
_MODULE = "claimgraph.resolve.read"


def read_module() -> ModuleType | None:
    try:
        import claimgraph.resolve.read as read
    except ModuleNotFoundError as error:
        if error.name in (_MODULE, "claimgraph.resolve"):
            return None
        raise
    return read


def status() -> str:
    return AVAILABLE if read_module() is not None else UNAVAILABLE


def require() -> ModuleType:
    """The read module; raises ResolveUnavailable (501, CG011) when it is not installed."""
    read = read_module()
    if read is None:
        raise ResolveUnavailable(
            MESSAGE,
            hint="claim clusters, estimate series, contradictions and grades come with the resolve stage",
        )
    return read


def resolve_after_ingest(store: Any) -> bool:
    """Re-run the cross-document stage after a new document, when it exists."""
    try:
        from claimgraph.resolve import resolve
    except ImportError:
        return False
    resolve(store)
    return True


def member_dict(member: ClaimMember) -> dict[str, Any]:
    return {
        **asdict(member),
        "chain": [asdict(step) for step in member.chain],
    }


def cluster_dict(cluster: ClaimCluster) -> dict[str, Any]:
    return {
        "id": cluster.id,
        "label": cluster.label,
        "support": cluster.support,
        "original_sources": list(cluster.original_sources),
        "outlets": list(cluster.outlets),
        "first_reported": cluster.first_reported,
        "polarity": cluster.polarity,
        "credibility": cluster.credibility,
        "credibility_reasons": list(cluster.credibility_reasons),
        "contradicted_by": list(cluster.contradicted_by),
        "members": [member_dict(member) for member in cluster.members],
    }


def grade_dict(grade: SourceGrade) -> dict[str, Any]:
    return asdict(grade)


def grades_by_source(store: Any) -> dict[str, SourceGrade]:
    read = read_module()
    if read is None:
        return {}
    return {grade.source_id: grade for grade in read.grades(store)}


def contradictions(store: Any, read: Any, clusters: list[Any]) -> list[dict[str, Any]]:
    """Contradictions with the labels of both sides, most recent first."""
    by_id = {cluster.id: cluster for cluster in clusters}
    found = []
    for contradiction in read.contradictions(store):
        claim, by = by_id.get(contradiction.claim), by_id.get(contradiction.by)
        dates = [c.first_reported for c in (claim, by) if c is not None and c.first_reported]
        found.append(
            {
                **asdict(contradiction),
                "claim_label": claim.label if claim else None,
                "by_label": by.label if by else None,
                "first_reported": max(dates) if dates else None,
            }
        )
    found.sort(key=_recency, reverse=True)
    return found


def _recency(contradiction: dict[str, Any]) -> float:
    when = contradiction["first_reported"]
    return when.timestamp() if when is not None else float("-inf")
