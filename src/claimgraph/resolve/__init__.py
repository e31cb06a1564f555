"""Across documents: claim clusters, provenance, estimate series, contradictions and grades.

with open_store("claimgraph.db") as store:
    report = resolve(store)  # only documents not yet resolved
    for cluster in read.clusters(store, limit=10):
        ...
"""

from claimgraph.resolve.settings import ResolveReport, ResolveSettings
from claimgraph.store import Store

__all__ = ["ResolveReport", "ResolveSettings", "resolve"]


def resolve(
    store: Store, *, full: bool = False, settings: ResolveSettings | None = None
) -> ResolveReport:
    """Resolve the stored documents that have not been resolved yet (all of them with `full`).

    Args:
        full: forget every resolve result first (users' source merges and splits are kept), e.g.
            after changing the threshold or the source identity.
        settings: thresholds and the users' grades file; defaults otherwise.

    Raises:
        StoreError: the database cannot be read or written.
    """
    from claimgraph.resolve.engine import run

    return run(store, full=full, settings=settings or ResolveSettings())
