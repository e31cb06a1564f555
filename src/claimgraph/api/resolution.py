"""Cross-document results (`claimgraph.resolve.read`) in the API's JSON shapes."""

from dataclasses import asdict
from typing import Any

from claimgraph.resolve import admiralty, sides
from claimgraph.resolve.records import ClaimCluster, ClaimMember, SourceGrade

AVAILABLE = "available"  # the `resolution` field of API answers: the resolve stage is built in


def resolve_after_ingest(store: Any) -> bool:
    """Re-run the cross-document stage after a new document (with the stored threshold)."""
    from claimgraph.resolve import resolve

    resolve(store)
    return True


def member_dict(member: ClaimMember, polarity: str | None = None) -> dict[str, Any]:
    return {
        **asdict(member),
        "chain": [asdict(step) for step in member.chain],
        "polarity": getattr(member, "polarity", None) or polarity,
    }


def cluster_dict(
    cluster: ClaimCluster,
    disputes: list[sides.Dispute] | None = None,
    polarities: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A cluster for the API; `disputes` and member `polarities` come from `resolve.sides`."""
    polarities = polarities or {}
    return {
        "id": cluster.id,
        "label": cluster.label,
        "support": cluster.support,
        "reports": cluster.reports,
        "original_sources": list(cluster.original_sources),
        "outlets": list(cluster.outlets),
        "first_reported": cluster.first_reported,
        "polarity": cluster.polarity,
        "credibility": cluster.credibility,
        "credibility_word": admiralty.credibility_word(cluster.credibility),
        "credibility_reasons": list(cluster.credibility_reasons),
        "contradicted_by": list(cluster.contradicted_by),
        "disputes": None if disputes is None else [asdict(d) for d in disputes],
        "members": [
            member_dict(member, polarities.get(member.attribution_id)) for member in cluster.members
        ],
    }


def cluster_dicts(store: Any, read: Any, clusters: list[ClaimCluster]) -> list[dict[str, Any]]:
    """Clusters with their disputes named (one read of the contradictions for all of them)."""
    found = sides.disputes(store, read.contradictions(store), [c.id for c in clusters])
    return [cluster_dict(c, found.get(c.id, [])) for c in clusters]


def full_cluster_dict(store: Any, read: Any, cluster: ClaimCluster) -> dict[str, Any]:
    """One cluster with its disputes and the polarity of each member report."""
    records = read.contradictions(store)
    found = sides.disputes(store, records, [cluster.id])
    standing = sides.standing(store, records, [m.attribution_id for m in cluster.members])
    polarities = {key: value.polarity for key, value in standing.items()}
    return cluster_dict(cluster, found.get(cluster.id, []), polarities)


def grade_dict(grade: SourceGrade) -> dict[str, Any]:
    return {
        **asdict(grade),
        "reliability_word": admiralty.reliability_word(grade.reliability),
        "rated": admiralty.rated(grade.reliability),
    }


def contradictions(
    store: Any, read: Any, clusters: list[Any] | None = None, kind: str | None = None
) -> list[dict[str, Any]]:
    """Contradictions with both sides named (source, cue, figures, date, outlet), latest first.

    `clusters` is accepted for callers that already hold them; the sides are read from the store.
    """
    named = sides.named_contradictions(store, read.contradictions(store), kind)
    return [
        {
            "id": c.id,
            "kind": c.kind,
            "claim": c.claim.cluster,
            "by": c.by.cluster,
            "explanation": c.explanation,
            "claim_label": c.claim.label,
            "by_label": c.by.label,
            "first_reported": c.latest,
            "claim_side": asdict(c.claim),
            "by_side": asdict(c.by),
            "topic": c.topic,
        }
        for c in named
    ]


def figure_disputes(store: Any, read: Any) -> list[dict[str, Any]]:
    """The figure contradictions gathered by topic (`resolve.sides.figure_disputes`)."""
    named = sides.named_contradictions(store, read.contradictions(store), "figures")
    return [dispute.as_dict() for dispute in sides.figure_disputes(named)]
