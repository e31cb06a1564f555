"""Read and write what `resolve` computes (the tables in `resolve_tables`).

Functions take an open Connection, so the resolve engine can keep one document's changes in one
transaction: a crash loses at most the document in flight, and a re-run resumes.
"""

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, RowMapping

from claimgraph.store import schema
from claimgraph.store.connect import database_errors
from claimgraph.store.locks import begin_write
from claimgraph.store.resolve_tables import (
    RESOLVE_TABLES,
    claim_edits,
    resolve_bands,
    resolve_clusters,
    resolve_contradictions,
    resolve_documents,
    resolve_figures,
    resolve_members,
    resolve_terms,
    source_edits,
    source_grades,
)

Row = dict[str, Any]


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    with database_errors(engine, "cannot write resolve results"), begin_write(engine) as conn:
        yield conn


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    with database_errors(engine, "cannot read resolve results"), engine.connect() as conn:
        yield conn


def clear(conn: Connection) -> None:
    """Forget every resolve result (not the users' source edits), for a full run."""
    for table in RESOLVE_TABLES:
        conn.execute(table.delete())
    conn.execute(
        schema.meta.delete().where(schema.meta.c.key.in_(["resolve_story_mean", LAST_RESOLVED]))
    )


def unresolved_documents(conn: Connection) -> list[str]:
    """Ids of stored documents that resolve has not seen, oldest publication first (in UTC:
    the stored text keeps each outlet's offset, so it does not sort by time), undated last."""
    d, r = schema.documents, resolve_documents
    stmt = sa.select(d.c.id, d.c.published).where(~sa.exists().where(r.c.document_id == d.c.id))
    rows = conn.execute(stmt).all()
    return [row.id for row in sorted(rows, key=_resolve_order)]


LAST_RESOLVED = "resolve_last_document"  # meta: resolve's order key of the last one resolved


def _resolve_order(row: Any) -> tuple[bool, float, str]:
    published = row.published
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=UTC)  # a date without an offset is read as UTC
    return (published is None, published.timestamp() if published else 0.0, row.id)


def late_documents(conn: Connection) -> int:
    """Unresolved documents that come before the last resolved one in resolve's order: resolved
    now, they would land after documents that came later in the story."""
    stored = get_meta(conn, LAST_RESOLVED)
    if not stored:
        return 0
    undated, stamp, document_id = json.loads(stored)
    last = (bool(undated), float(stamp), str(document_id))
    d, r = schema.documents, resolve_documents
    waiting = conn.execute(
        sa.select(d.c.id, d.c.published).where(~sa.exists().where(r.c.document_id == d.c.id))
    ).all()
    return sum(_resolve_order(row) < last for row in waiting)


def note_resolved(conn: Connection, document_id: str) -> None:
    """Remember the latest document in resolve's order that has been resolved (one row read,
    so checking for late documents never scans the resolved ones)."""
    d = schema.documents
    row = conn.execute(sa.select(d.c.id, d.c.published).where(d.c.id == document_id)).one()
    key = _resolve_order(row)
    stored = get_meta(conn, LAST_RESOLVED)
    if stored:
        undated, stamp, other = json.loads(stored)
        key = max(key, (bool(undated), float(stamp), str(other)))
    set_meta(conn, LAST_RESOLVED, json.dumps(list(key)))


def outlets(conn: Connection) -> list[str]:
    d = schema.documents
    return [o for o in conn.execute(sa.select(d.c.outlet).distinct()).scalars() if o]


def stored_sources(conn: Connection) -> list[RowMapping]:
    s = schema.sources
    stmt = sa.select(s.c.id, s.c.name, s.c.type, s.c.country, s.c.parent, s.c.roles, s.c.aliases)
    return list(conn.execute(stmt).mappings())


def source_documents(conn: Connection) -> dict[str, set[str]]:
    """For each stored source id, the documents that name it."""
    ds = schema.document_sources
    found: dict[str, set[str]] = {}
    for source_id, document_id in conn.execute(sa.select(ds.c.source_id, ds.c.document_id)):
        found.setdefault(source_id, set()).add(document_id)
    return found


def edits(conn: Connection) -> list[RowMapping]:
    return list(conn.execute(sa.select(source_edits).order_by(source_edits.c.id)).mappings())


def claim_edit_rows(conn: Connection) -> list[RowMapping]:
    return list(conn.execute(sa.select(claim_edits).order_by(claim_edits.c.id)).mappings())


def add_claim_edit(conn: Connection, kind: str, attribution_id: str, into: str | None) -> None:
    conn.execute(
        claim_edits.insert(),
        {"kind": kind, "attribution_id": attribution_id, "into": into, "at": datetime.now(UTC)},
    )


def cluster_of_attribution(conn: Connection, attribution_id: str) -> str | None:
    m = resolve_members
    stmt = sa.select(m.c.cluster_id).where(m.c.attribution_id == attribution_id)
    return conn.execute(stmt).scalar_one_or_none()


def member_ids(conn: Connection, cluster_id: str) -> list[str]:
    m = resolve_members
    stmt = sa.select(m.c.attribution_id).where(m.c.cluster_id == cluster_id)
    return sorted(conn.execute(stmt).scalars())


def add_edit(conn: Connection, kind: str, source_id: str, into: str | None = None) -> None:
    conn.execute(
        source_edits.insert(),
        {"kind": kind, "source_id": source_id, "into": into, "at": datetime.now(UTC)},
    )


def get_meta(conn: Connection, key: str) -> str | None:
    m = schema.meta
    return conn.execute(sa.select(m.c.value).where(m.c.key == key)).scalar_one_or_none()


def set_meta(conn: Connection, key: str, value: str) -> None:
    m = schema.meta
    conn.execute(m.delete().where(m.c.key == key))
    conn.execute(m.insert(), {"key": key, "value": value})


# -- documents and near-copies ---------------------------------------------------------------


def copy_candidates(conn: Connection, band_keys: Sequence[str]) -> list[RowMapping]:
    """Resolved documents that share an LSH band with a new one."""
    r, b = resolve_documents, resolve_bands
    ids = sa.select(b.c.document_id).where(b.c.band.in_(list(band_keys))).distinct()
    stmt = sa.select(r).where(r.c.document_id.in_(ids))
    return list(conn.execute(stmt).mappings())


def save_document(conn: Connection, row: Row, band_keys: Iterable[str]) -> None:
    conn.execute(resolve_documents.insert(), row)
    keys = sorted(set(band_keys))
    if keys:
        conn.execute(
            resolve_bands.insert(),
            [{"band": key, "document_id": row["document_id"]} for key in keys],
        )


def mark_copy(conn: Connection, document_id: str, copy_of: str, similarity: float) -> None:
    r = resolve_documents
    conn.execute(
        r.update()
        .where(r.c.document_id == document_id)
        .values(copy_of=copy_of, copy_similarity=similarity)
    )


def documents_info(conn: Connection, document_ids: Iterable[str]) -> dict[str, RowMapping]:
    """Resolve state of these documents (outlet id, published, copy_of), by id."""
    ids = sorted(set(document_ids))
    r = resolve_documents
    found: dict[str, RowMapping] = {}
    for start in range(0, len(ids), 500):
        stmt = sa.select(
            r.c.document_id, r.c.outlet_id, r.c.published, r.c.copy_of, r.c.copy_similarity
        ).where(r.c.document_id.in_(ids[start : start + 500]))
        found.update({row["document_id"]: row for row in conn.execute(stmt).mappings()})
    return found


# -- clusters and members ----------------------------------------------------------------------


def representatives(conn: Connection) -> list[RowMapping]:
    c, m = resolve_clusters, resolve_members
    stmt = sa.select(
        c.c.id,
        c.c.polarity,
        c.c.vector_sum,
        c.c.terms_sum,
        c.c.size,
        c.c.features,
        c.c.founder,
        m.c.vector.label("founder_vector"),
        m.c.terms.label("founder_terms"),
    ).outerjoin(m, m.c.attribution_id == c.c.founder)
    return list(conn.execute(stmt.order_by(c.c.id)).mappings())


def save_members(conn: Connection, rows: list[Row]) -> None:
    if rows:
        conn.execute(resolve_members.insert(), rows)


def save_figures(conn: Connection, rows: list[Row]) -> None:
    if rows:
        conn.execute(resolve_figures.insert(), rows)


def upsert_cluster(conn: Connection, row: Row) -> None:
    c = resolve_clusters
    conn.execute(c.delete().where(c.c.id == row["id"]))
    conn.execute(c.insert(), row)


def members(conn: Connection, cluster_ids: Iterable[str]) -> list[RowMapping]:
    """Members of these clusters, without their vectors and lexical profiles (not needed here)."""
    ids = sorted(set(cluster_ids))
    m = resolve_members
    columns = [c for c in m.c if c.name not in ("vector", "terms")]
    rows: list[RowMapping] = []
    for start in range(0, len(ids), 500):
        stmt = sa.select(*columns).where(m.c.cluster_id.in_(ids[start : start + 500]))
        rows.extend(conn.execute(stmt).mappings())
    return rows


def cluster_rows(conn: Connection, cluster_ids: Iterable[str]) -> dict[str, RowMapping]:
    """Stored summaries of these clusters (without their vectors), by id."""
    c = resolve_clusters
    ids = sorted(set(cluster_ids))
    columns = [col for col in c.c if col.name not in ("vector_sum", "terms_sum")]
    found: dict[str, RowMapping] = {}
    for start in range(0, len(ids), 500):
        stmt = sa.select(*columns).where(c.c.id.in_(ids[start : start + 500]))
        found.update({row["id"]: row for row in conn.execute(stmt).mappings()})
    return found


def members_ending_at(conn: Connection, cluster_id: str, source_id: str) -> list[RowMapping]:
    """Members of a cluster whose chain ends at this source (an outlet they only cite)."""
    m = resolve_members
    stmt = sa.select(
        m.c.attribution_id,
        m.c.chain,
        m.c.original_source,
        m.c.independence,
        m.c.facts,
        m.c.similarity,
    ).where(m.c.cluster_id == cluster_id, m.c.original_source == source_id)
    return list(conn.execute(stmt).mappings())


def members_by_outlets(
    conn: Connection, cluster_id: str, outlet_ids: Iterable[str]
) -> list[RowMapping]:
    """Members of a cluster printed by these outlets (their own reports of the claim)."""
    m, r = resolve_members, resolve_documents
    stmt = (
        sa.select(m.c.attribution_id, m.c.chain, r.c.outlet_id)
        .join(r, r.c.document_id == m.c.document_id)
        .where(m.c.cluster_id == cluster_id, r.c.outlet_id.in_(sorted(set(outlet_ids))))
    )
    return list(conn.execute(stmt).mappings())


def members_of_document(conn: Connection, document_id: str) -> list[RowMapping]:
    m = resolve_members
    return list(conn.execute(sa.select(m).where(m.c.document_id == document_id)).mappings())


def update_member(conn: Connection, attribution_id: str, values: Row) -> None:
    m = resolve_members
    conn.execute(m.update().where(m.c.attribution_id == attribution_id).values(**values))


def update_figures_source(
    conn: Connection, attribution_id: str, original_source: str | None, independence: str | None
) -> None:
    f = resolve_figures
    conn.execute(
        f.update()
        .where(f.c.attribution_id == attribution_id)
        .values(original_source=original_source, independence=independence)
    )


def figures_of_topics(conn: Connection, topics: Iterable[str]) -> list[RowMapping]:
    """The figures of these topics, each with its claim's place in its report (`position`), so
    that of two sayers of one figure in one report the one the report names first leads."""
    f, a = resolve_figures, schema.attributions
    keys = sorted(set(topics))
    rows: list[RowMapping] = []
    for start in range(0, len(keys), 200):
        stmt = (
            sa.select(f, a.c.seq.label("position"))
            .join(a, a.c.id == f.c.attribution_id, isouter=True)
            .where(f.c.topic.in_(keys[start : start + 200]))
        )
        rows.extend(conn.execute(stmt).mappings())
    return rows


def topics_of_count(conn: Connection, unplaced: str) -> set[str]:
    """The stored topics that count what `unplaced` ("people|abducted||") counts: itself, and
    the same count in a place ("people|abducted||NG")."""
    f = resolve_figures
    escaped = unplaced.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    stmt = sa.select(f.c.topic).where(f.c.topic.like(escaped + "%", escape="\\")).distinct()
    return set(conn.execute(stmt).scalars())


def retopic_figures(conn: Connection, old: str, new: str) -> None:
    f = resolve_figures
    conn.execute(f.update().where(f.c.topic == old).values(topic=new))


def save_contradictions(conn: Connection, rows: list[Row]) -> None:
    t = resolve_contradictions
    for row in rows:
        conn.execute(t.delete().where(t.c.id == row["id"]))
    if rows:
        conn.execute(t.insert(), rows)


def contradiction_ids(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Which of these contradiction ids are stored already."""
    t = resolve_contradictions
    keys = sorted(set(ids))
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        stmt = sa.select(t.c.id).where(t.c.id.in_(keys[start : start + 500]))
        found.update(conn.execute(stmt).scalars())
    return found


def contradictions_of(conn: Connection, cluster_ids: Iterable[str]) -> list[RowMapping]:
    t = resolve_contradictions
    ids = sorted(set(cluster_ids))
    rows: list[RowMapping] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        stmt = sa.select(t).where(sa.or_(t.c.claim.in_(chunk), t.c.by.in_(chunk)))
        rows.extend(conn.execute(stmt).mappings())
    return rows


def replace_grades(conn: Connection, rows: list[Row]) -> None:
    """Keep exactly these user grades."""
    conn.execute(source_grades.delete())
    if rows:
        now = datetime.now(UTC)
        conn.execute(source_grades.insert(), [{**row, "at": now} for row in rows])


def user_grades(conn: Connection) -> list[RowMapping]:
    return list(conn.execute(sa.select(source_grades)).mappings())


def term_frequencies(conn: Connection, terms: Iterable[str]) -> dict[str, int]:
    t = resolve_terms
    keys = sorted(set(terms))
    found: dict[str, int] = {}
    for start in range(0, len(keys), 500):
        stmt = sa.select(t.c.term, t.c.df).where(t.c.term.in_(keys[start : start + 500]))
        found.update({row.term: row.df for row in conn.execute(stmt)})
    return found


def count_terms(conn: Connection, terms: Iterable[str]) -> None:
    """Add one document to the frequency of each of its (distinct) terms."""
    keys = sorted({term[:200] for term in terms})
    if not keys:
        return
    t = resolve_terms
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    insert = dialect.insert(t).values([{"term": key, "df": 1} for key in keys])
    conn.execute(insert.on_conflict_do_update(index_elements=[t.c.term], set_={"df": t.c.df + 1}))


def resolved_count(conn: Connection) -> int:
    r = resolve_documents
    return int(conn.execute(sa.select(sa.func.count()).select_from(r)).scalar_one())


# bump when a resolve table, or the topics its figures are keyed by, change: the derived rows
# are then rebuilt
RESOLVE_SCHEMA = "14"


def ensure_current(conn: Connection) -> bool:
    """Rebuild the derived resolve tables when they were made by another layout; True if so.

    Resolve results are derived data: dropping them loses nothing a full run cannot recompute.
    Users' source edits and grades are kept.
    """
    if get_meta(conn, "resolve_schema") == RESOLVE_SCHEMA:
        return False
    for table in RESOLVE_TABLES:
        table.drop(conn, checkfirst=True)
    for table in reversed(RESOLVE_TABLES):
        table.create(conn, checkfirst=True)
    set_meta(conn, "resolve_schema", RESOLVE_SCHEMA)
    return True
