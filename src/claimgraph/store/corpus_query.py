"""Corpus-wide aggregates for the API's overview pages: places and times with counts, the
timeline, and a source's claims per day. SQLAlchemy Core over the store's tables; SQLite and
PostgreSQL."""

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from claimgraph.store import schema

a, d = schema.attributions, schema.documents
_DAY = sa.func.substr(d.c.published, 1, 10)


def places(conn: Connection) -> list[dict[str, Any]]:
    """Distinct gazetteer places, most mentioned first, with how many documents and claims."""
    p = schema.places
    key = (p.c.name, p.c.country, p.c.lat, p.c.lon, p.c.kind, p.c.gazetteer_id)
    stmt = (
        sa.select(
            *key,
            sa.func.count().label("mentions"),
            sa.func.count(sa.distinct(p.c.document_id)).label("documents"),
            sa.func.count(sa.distinct(p.c.attribution)).label("claims"),
        )
        .group_by(*key)
        .order_by(sa.desc("mentions"), p.c.name)
    )
    return [dict(row) for row in conn.execute(stmt).mappings()]


def times(conn: Connection, limit: int = 500) -> list[dict[str, Any]]:
    """Distinct resolved dates and intervals, in date order, with a few phrasings of each."""
    t = schema.times
    key = (t.c.value, t.c.value_start, t.c.value_end, t.c.granularity)
    stmt = (
        sa.select(
            *key,
            sa.func.count().label("mentions"),
            sa.func.count(sa.distinct(t.c.document_id)).label("documents"),
            sa.func.count(sa.distinct(t.c.attribution)).label("claims"),
        )
        .group_by(*key)
        .order_by(t.c.value_start.asc().nulls_last(), t.c.value)
        .limit(limit)
    )
    found = [dict(row) for row in conn.execute(stmt).mappings()]
    phrasing = sa.select(t.c.value, t.c.text).distinct().order_by(t.c.value, t.c.text)
    examples: dict[str, list[str]] = {}
    for value, text in conn.execute(phrasing):
        if len(examples.setdefault(value, [])) < 4:
            examples[value].append(text)
    for row in found:
        row["date_from"] = row.pop("value_start")
        row["date_to"] = row.pop("value_end")
        row["examples"] = examples.get(row["value"], [])
    return found


def timeline(conn: Connection) -> list[dict[str, Any]]:
    """Documents and claims per publication day (the document's own calendar day)."""
    claims_per_document = (
        sa.select(a.c.document_id, sa.func.count().label("n")).group_by(a.c.document_id).subquery()
    )
    stmt = (
        sa.select(
            _DAY.label("date"),
            sa.func.count().label("documents"),
            sa.func.coalesce(sa.func.sum(claims_per_document.c.n), 0).label("claims"),
        )
        .select_from(d.outerjoin(claims_per_document, claims_per_document.c.document_id == d.c.id))
        .where(d.c.published.is_not(None))
        .group_by(_DAY)
        .order_by(_DAY)
    )
    return [dict(row) for row in conn.execute(stmt).mappings()]


def certainty_counts(conn: Connection) -> dict[str, int]:
    stmt = sa.select(a.c.certainty, sa.func.count()).group_by(a.c.certainty)
    return {label: int(n) for label, n in conn.execute(stmt)}


def published_range(conn: Connection) -> tuple[Any, Any]:
    row = conn.execute(sa.select(sa.func.min(d.c.published), sa.func.max(d.c.published))).one()
    return row[0], row[1]


def distinct_count(conn: Connection, column: sa.ColumnElement[Any]) -> int:
    return int(conn.execute(sa.select(sa.func.count(sa.distinct(column)))).scalar_one())


def distinct_outlets(conn: Connection) -> int:
    return distinct_count(conn, d.c.outlet)


def distinct_places(conn: Connection) -> int:
    return distinct_count(conn, schema.places.c.name)


def anonymous_claims(conn: Connection) -> int:
    stmt = sa.select(sa.func.count()).select_from(a).where(a.c.anonymous)
    return int(conn.execute(stmt).scalar_one())


def source_days(conn: Connection, source_id: str) -> list[dict[str, Any]]:
    """How many claims a source made per publication day."""
    stmt = (
        sa.select(_DAY.label("date"), sa.func.count().label("count"))
        .select_from(a.join(d, a.c.document_id == d.c.id))
        .where(a.c.canonical_source == source_id, d.c.published.is_not(None))
        .group_by(_DAY)
        .order_by(_DAY)
    )
    return [dict(row) for row in conn.execute(stmt).mappings()]


def source_outlets(conn: Connection, source_id: str) -> list[str]:
    stmt = (
        sa.select(d.c.outlet)
        .select_from(a.join(d, a.c.document_id == d.c.id))
        .where(a.c.canonical_source == source_id, d.c.outlet.is_not(None))
        .group_by(d.c.outlet)
        .order_by(sa.func.count().desc(), d.c.outlet)
    )
    return [outlet for (outlet,) in conn.execute(stmt)]


def source_id_for(conn: Connection, name: str) -> str | None:
    """The canonical id of a source given by id, name or alias."""
    s, al = schema.sources, schema.aliases
    if conn.execute(sa.select(s.c.id).where(s.c.id == name)).first():
        return name
    row = conn.execute(
        sa.select(al.c.source_id).where(al.c.alias == schema.alias_key(name)).limit(1)
    ).first()
    return row[0] if row else None


def outlets(conn: Connection) -> list[dict[str, Any]]:
    stmt = (
        sa.select(d.c.outlet.label("name"), sa.func.count().label("documents"))
        .where(d.c.outlet.is_not(None))
        .group_by(d.c.outlet)
        .order_by(sa.desc("documents"), d.c.outlet)
    )
    return [dict(row) for row in conn.execute(stmt).mappings()]


def topics(conn: Connection, limit: int = 50) -> list[dict[str, Any]]:
    """Counted things inside claims ("troops", "shells"), the claims filter's `topic` values."""
    q = schema.quantities
    stmt = (
        sa.select(
            sa.func.lower(q.c.unit).label("name"),
            sa.func.count(sa.distinct(q.c.attribution)).label("claims"),
        )
        .where(q.c.unit.is_not(None), q.c.attribution.is_not(None), q.c.kind == "count")
        .group_by(sa.func.lower(q.c.unit))
        .order_by(sa.desc("claims"), sa.func.lower(q.c.unit))
        .limit(limit)
    )
    return [dict(row) for row in conn.execute(stmt).mappings()]
