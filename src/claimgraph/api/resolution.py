"""Cross-document results (`claimgraph.resolve.read`) in the API's JSON shapes."""

from dataclasses import asdict
from typing import Any

from claimgraph.resolve.records import ClaimCluster, ClaimMember, SourceGrade

AVAILABLE = "available"  # the `resolution` field of API answers: the resolve stage is built in


def resolve_after_ingest(store: Any) -> bool:
    """Re-run the cross-document stage after a new document (with the stored threshold)."""
    from claimgraph.resolve import resolve

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
