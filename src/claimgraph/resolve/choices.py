"""The user's choices that outlive one resolve run: the clustering threshold and their grades.

A threshold set once (`resolve --threshold 0.6`) is stored and stays in force for every later run,
whoever starts it (CLI, API, a script), until the user sets another one. Deciding that here, and
not in each caller, is what keeps an API ingest from quietly resolving at the default again.
"""

from dataclasses import replace
from pathlib import Path

from sqlalchemy.engine import Connection

from claimgraph.resolve.grading import read_grades
from claimgraph.resolve.settings import ResolveSettings
from claimgraph.store import resolved as db

THRESHOLD_KEY = "resolve_threshold"


def settings_for_run(
    conn: Connection, settings: ResolveSettings | None, threshold: float | None
) -> tuple[ResolveSettings, bool]:
    """The settings a run uses, and whether they change the stored threshold (a full re-run).

    An explicit `threshold` (or explicit `settings`) wins; otherwise the stored threshold, if
    any, is kept; otherwise the default.
    """
    stored_text = db.get_meta(conn, THRESHOLD_KEY)
    stored = None if stored_text is None else float(stored_text)
    chosen = settings or ResolveSettings()
    if threshold is not None:
        chosen = replace(chosen, threshold=threshold)
    elif settings is None and stored is not None:
        chosen = replace(chosen, threshold=stored)
    return chosen, stored is not None and stored != chosen.threshold


def store_grades(conn: Connection, grades: Path) -> None:
    """Replace the users' reliability grades with the ones in this file (TSV or YAML)."""
    rows = [
        {"source_id": g.source_id, "reliability": g.reliability, "reason": g.reason}
        for g in read_grades(grades).values()
    ]
    db.replace_grades(conn, rows)
