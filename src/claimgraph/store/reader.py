"""Read the store: filtered claims, sources with their counts, documents, and whole analyses."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from claimgraph.errors import NotFound
from claimgraph.records import Analysis, Document
from claimgraph.store import rebuild, schema
from claimgraph.store.claim_query import ClaimFilter, certainty_labels, claim_row, select_claims
from claimgraph.store.connect import database_errors
from claimgraph.store.rows import ClaimRow, DocumentRow, FailureRow, SourceRow


def claims(
    engine: Engine,
    search_mode: str,
    *,
    source: str | None = None,
    certainty: str | None = None,
    search_text: str | None = None,
    anonymous: bool | None = None,
    document_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[ClaimRow]:
    """Stored claims, in document then text order, filtered by whichever arguments are given.

    The same query as the API's (store/claim_query.py), so both answer alike.

    Args:
        source: a canonical source id, its name or one of its aliases, in any case.
        certainty: certain, probable, possible or unknown (or several, comma-separated).
        search_text: words that must all appear in the content or the source text.

    Raises:
        InputError: unknown certainty label.
    """
    claim_filter = ClaimFilter(
        source=source,
        certainty=certainty_labels(certainty),
        anonymous=anonymous,
        search=search_text,
        document=document_id,
    )
    with _reading(engine) as conn:
        rows, _ = select_claims(
            conn,
            claim_filter,
            search_mode,
            sort="document",
            descending=False,
            limit=limit,
            offset=offset,
        )
        return [claim_row(row) for row in rows]


def sources(engine: Engine) -> list[SourceRow]:
    """Every stored source, most cited first, with its claim and document counts."""
    a, s, ds = schema.attributions, schema.sources, schema.document_sources
    claim_counts = (
        sa.select(a.c.canonical_source.label("source_id"), sa.func.count().label("n"))
        .group_by(a.c.canonical_source)
        .subquery()
    )
    document_counts = (
        sa.select(ds.c.source_id, sa.func.count(sa.distinct(ds.c.document_id)).label("n"))
        .group_by(ds.c.source_id)
        .subquery()
    )
    claims_n = sa.func.coalesce(claim_counts.c.n, 0).label("claims")
    stmt = (
        sa.select(s, claims_n, sa.func.coalesce(document_counts.c.n, 0).label("documents"))
        .outerjoin(claim_counts, claim_counts.c.source_id == s.c.id)
        .outerjoin(document_counts, document_counts.c.source_id == s.c.id)
        .order_by(claims_n.desc(), s.c.id)
    )
    with _reading(engine) as conn:
        return [
            SourceRow(
                id=row["id"],
                name=row["name"],
                type=row["type"],
                country=row["country"],
                parent=row["parent"],
                wikidata=row["wikidata"],
                aliases=tuple(row["aliases"]),
                roles=tuple(row["roles"]),
                claims=row["claims"],
                documents=row["documents"],
            )
            for row in conn.execute(stmt).mappings()
        ]


def document(engine: Engine, document_id: str) -> Document:
    """The stored document with this id.

    Raises:
        NotFound: no document has this id.
    """
    with _reading(engine) as conn:
        return _document(conn, document_id)


def documents(engine: Engine, *, limit: int | None = None, offset: int = 0) -> list[DocumentRow]:
    """Stored documents without their text, newest first, with their claim counts."""
    a, d = schema.attributions, schema.documents
    claim_counts = (
        sa.select(a.c.document_id, sa.func.count().label("n")).group_by(a.c.document_id).subquery()
    )
    columns = [c for c in d.c if c.name != "text"]
    stmt = (
        sa.select(*columns, sa.func.coalesce(claim_counts.c.n, 0).label("claims"))
        .outerjoin(claim_counts, claim_counts.c.document_id == d.c.id)
        .order_by(d.c.published.desc().nulls_last(), d.c.id)
        .offset(offset)
        .limit(limit)
    )
    with _reading(engine) as conn:
        return [DocumentRow(**row) for row in conn.execute(stmt).mappings()]


def stored_ids(engine: Engine, document_ids: list[str]) -> set[str]:
    """Which of these document ids are already stored: lets a re-run skip finished work."""
    d = schema.documents
    found: set[str] = set()
    with _reading(engine) as conn:
        for start in range(0, len(document_ids), 500):
            chunk = document_ids[start : start + 500]
            found.update(conn.execute(sa.select(d.c.id).where(d.c.id.in_(chunk))).scalars())
    return found


def counts(engine: Engine) -> dict[str, int]:
    """The number of rows in each table, by table name."""
    with _reading(engine) as conn:
        return {
            table.name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for table in schema.RECORD_TABLES
        }


def failures(engine: Engine) -> list[FailureRow]:
    """Recorded failures, oldest first."""
    with _reading(engine) as conn:
        rows = conn.execute(sa.select(schema.failures).order_by(schema.failures.c.id)).mappings()
        return [FailureRow(**row) for row in rows]


def analysis(engine: Engine, document_id: str) -> Analysis:
    """Rebuild the document's Analysis from the store.

    Sources are the canonical, merged ones: if a later document added aliases to a source, they
    show here too. Otherwise the result equals the Analysis that was saved.

    Raises:
        NotFound: no document has this id.
    """
    with _reading(engine) as conn:
        document = _document(conn, document_id)

        def rows(table: sa.Table) -> list[Mapping[str, Any]]:
            stmt = sa.select(table).where(table.c.document_id == document_id).order_by(table.c.seq)
            return list(conn.execute(stmt).mappings())

        ds, s = schema.document_sources, schema.sources
        source_rows = conn.execute(
            sa.select(s)
            .join(ds, ds.c.source_id == s.c.id)
            .where(ds.c.document_id == document_id)
            .order_by(ds.c.seq)
        ).mappings()
        return Analysis(
            document=document,
            attributions=tuple(rebuild.attribution(row) for row in rows(schema.attributions)),
            quantities=tuple(rebuild.quantity(row) for row in rows(schema.quantities)),
            places=tuple(rebuild.place(row) for row in rows(schema.places)),
            times=tuple(rebuild.time(row) for row in rows(schema.times)),
            entities=tuple(rebuild.entity(row) for row in rows(schema.entities)),
            sources=tuple(rebuild.source(row) for row in source_rows),
            mentions=tuple(rebuild.mention(row) for row in rows(schema.mentions)),
        )


@contextmanager
def _reading(engine: Engine) -> Iterator[Connection]:
    with database_errors(engine, "cannot read the database"), engine.connect() as conn:
        yield conn


def _document(conn: Connection, document_id: str) -> Document:
    row = (
        conn.execute(sa.select(schema.documents).where(schema.documents.c.id == document_id))
        .mappings()
        .one_or_none()
    )
    if row is None:
        raise NotFound(
            f"no document with id {document_id!r}", hint="list the stored documents for their ids"
        )
    return rebuild.document(row)
