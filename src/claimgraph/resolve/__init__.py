"""Across documents: claim clusters, provenance, estimate series, contradictions and grades.

with open_store("claimgraph.db") as store:
    report = resolve(store)  # only documents not yet resolved
    for cluster in read.clusters(store, limit=10):
        ...
"""

from pathlib import Path

from claimgraph.resolve.settings import ResolveReport, ResolveSettings
from claimgraph.store import Store

__all__ = ["ResolveReport", "ResolveSettings", "resolve"]


def resolve(
    store: Store,
    *,
    full: bool = False,
    settings: ResolveSettings | None = None,
    threshold: float | None = None,
    grades: Path | None = None,
) -> ResolveReport:
    """Resolve the stored documents that have not been resolved yet (all of them with `full`).

    Args:
        full: forget every resolve result first (users' source merges and splits are kept), e.g.
            after changing the source identity.
        settings: thresholds; defaults otherwise, with the stored clustering threshold.
        threshold: a new clustering threshold; it is stored and kept for later runs, and a
            value other than the stored one recomputes everything.
        grades: a users' grades file (TSV or YAML) to store before resolving.

    Raises:
        InputError: an unreadable grades file.
        StoreError: the database cannot be read or written.
    """
    from claimgraph.resolve.choices import settings_for_run, store_grades
    from claimgraph.resolve.engine import run
    from claimgraph.store import resolved as db

    with db.writing(store.engine) as conn:
        chosen, changed = settings_for_run(conn, settings, threshold)
        grades = grades or chosen.grades
        if grades is not None:
            store_grades(conn, grades)
    return run(store, full=full or changed, settings=chosen)
