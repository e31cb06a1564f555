"""A cheap fingerprint of what readers see, so answers can be cached until the store changes.

It changes when a document or failure is stored, when a resolve run starts or resolves a
document, and when users edit sources or grades, whichever process did it: the cache of a
server over a store that a CLI ingest is writing never serves a stale page.
"""

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimgraph.store import schema
from claimgraph.store.connect import database_errors
from claimgraph.store.resolve_tables import resolve_documents, source_edits, source_grades

RUN_KEY = "resolve_run"  # meta: set when a resolve run starts, so a full run counts as a change


def fingerprint(engine: Engine) -> tuple[object, ...]:
    """One query: row counts of the tables readers depend on, plus the resolve markers."""

    def count(table: sa.Table) -> sa.ScalarSelect:
        return sa.select(sa.func.count()).select_from(table).scalar_subquery()

    def meta(key: str) -> sa.ScalarSelect:
        return sa.select(schema.meta.c.value).where(schema.meta.c.key == key).scalar_subquery()

    query = sa.select(
        count(schema.documents),
        count(schema.failures),
        count(resolve_documents),
        count(source_edits),
        count(source_grades),
        sa.select(sa.func.max(source_grades.c.at)).scalar_subquery(),
        meta(RUN_KEY),
        meta("resolve_threshold"),
    )
    with database_errors(engine, "cannot read the store"), engine.connect() as conn:
        return tuple(conn.execute(query).one())
