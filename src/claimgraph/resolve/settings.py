"""Settings of a resolve run, and the report it returns."""

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ResolveSettings:
    threshold: float = 0.36  # claim-to-cluster score needed to merge (see clusters.compare)
    text_weight: float = 0.7  # embedding vs TF-IDF share of the text similarity
    # A member corroborates (counts as support) only when it says nearly what the founding
    # claim says: its score must reach this, above the merge threshold (fitted precision-first
    # on the labelled pairs: bench/fit_merge.py, fit P 0.93).
    corroboration: float = 0.46
    denial_threshold: float = 0.55  # founder cosine of a denial and the claims it contradicts
    negation_threshold: float = 0.45  # the same for a negation with the claim's own main verb
    copy_similarity: float = 0.45  # estimated shingle Jaccard of a near-copy (syndication)
    figure_window_days: float = 5.0  # figures this close in time are "at the same time"
    approx_tolerance: float = 0.1  # "about 8,000" covers 7,200-8,800
    grades: Path | None = None  # user's reliability grades (TSV or YAML)
    # Documents older than ones already resolved redo a store of at most this many resolved
    # documents from the start, so clusters do not depend on arrival order.
    rewind_limit: int = 200


@dataclass(frozen=True, slots=True)
class ResolveReport:
    """What one `resolve` run did."""

    documents: int = 0  # documents resolved in this run
    claims: int = 0  # attributions clustered
    new_clusters: int = 0
    touched_clusters: int = 0
    near_copies: int = 0
    contradictions: int = 0
    seconds: float = 0.0
    full: bool = False
    threshold: float = 0.0
    document_ids: tuple[str, ...] = field(default=())
    late: int = 0  # documents placed after newer ones (a larger store is not redone)

    @property
    def order_note(self) -> str | None:
        """What a user should know when late documents were placed in arrival order."""
        if not self.late:
            return None
        return (
            f"{self.late} document(s) are older than documents already resolved and were placed "
            "after them; `claimgraph resolve --full` places everything in publication order."
        )
