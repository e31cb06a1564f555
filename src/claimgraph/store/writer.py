"""Write analyses to the store: one transaction per document, and a re-ingest changes nothing.

The only module that writes: nlp stages return records, `flatten` turns them into rows, this stores them.
"""

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from claimgraph.errors import ClaimgraphError, InputError, StoreError
from claimgraph.records import Analysis, Source, Span
from claimgraph.store import flatten, schema, search
from claimgraph.store.connect import REJECTED, database_errors
from claimgraph.store.locks import begin_write
from claimgraph.store.rows import BatchReport
from claimgraph.store.schema import alias_key


def save(engine: Engine, analysis: Analysis, search_mode: str) -> bool:
    """Store one document and all its records in one transaction.

    Returns:
        True if the document was stored, False if its id was already there (nothing changes).

    Raises:
        OffsetError: a span does not point at its text in the document; nothing is written.
        StoreError: the database rejected a record (nothing of the document is written) or
            could not be reached.
    """
    _check_spans(analysis)
    document_id = analysis.document.id
    try:
        with (
            database_errors(engine, f"cannot store document {document_id!r}"),
            begin_write(engine) as conn,
        ):
            # Insert the document first: a concurrent save of the same id waits here, then skips.
            # RETURNING, because psycopg reports no rowcount for ON CONFLICT DO NOTHING.
            insert = _insert_or_skip(conn, schema.documents).returning(schema.documents.c.id)
            row = {
                **flatten.document_row(analysis.document),
                "dateline": flatten.dateline_value(analysis.dateline),
            }
            if conn.execute(insert, row).first() is None:
                return False
            _write_records(conn, analysis, search_mode)
    except (sa.exc.IntegrityError, sa.exc.DataError) as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise StoreError(
            f"document {document_id!r} was not stored: {reason}",
            hint="nothing of this document was written; fix the records and save it again",
            code=REJECTED,
        ) from error
    return True


def save_many(engine: Engine, analyses: Iterable[Analysis], search_mode: str) -> BatchReport:
    """Save each analysis in its own transaction; a rejected one goes to `failures`, the rest go on.

    Raises:
        StoreError: the database could not be reached (the run stops: every save would fail).
    """
    saved, skipped, failed = [], [], []
    for analysis in analyses:
        document_id = analysis.document.id
        try:
            stored = save(engine, analysis, search_mode)
        except (InputError, StoreError) as error:
            if isinstance(error, StoreError) and error.code != REJECTED:
                raise
            record_failure(engine, error, document_id=document_id)
            failed.append(document_id)
            continue
        (saved if stored else skipped).append(document_id)
    return BatchReport(saved=tuple(saved), skipped=tuple(skipped), failed=tuple(failed))


def record_failure(
    engine: Engine,
    error: BaseException,
    *,
    document_id: str | None = None,
    input_name: str | None = None,
) -> None:
    """Keep a failed document or input (its error code and message) in the `failures` table.

    Args:
        error: a ClaimgraphError keeps its code; any other exception is stored as CG000 with its
            class name, so the failure is still found later.
        document_id: the document's id, when it got that far.
        input_name: the file, URL or line the input came from.
    """
    if isinstance(error, ClaimgraphError):
        code, message = error.code, error.message
    else:
        code, message = ClaimgraphError.code, f"{type(error).__name__}: {error}"
    row = {
        "document_id": document_id,
        "input_name": input_name,
        "code": code,
        "message": message,
        "at": datetime.now(UTC),
    }
    f = schema.failures
    same = sa.select(f.c.id).where(
        f.c.code == code,
        f.c.message == message,
        f.c.input_name.is_(None) if input_name is None else f.c.input_name == input_name,
        f.c.document_id.is_(None) if document_id is None else f.c.document_id == document_id,
    )
    with database_errors(engine, "cannot record a failure"), begin_write(engine) as conn:
        # A re-run meets the same bad input again: keep each failure once, so counts stay put.
        if conn.execute(same.limit(1)).first() is None:
            conn.execute(f.insert(), row)


def _check_spans(analysis: Analysis) -> None:
    text = analysis.document.text
    spans: list[Span | None] = []
    for attribution in analysis.attributions:
        spans += [attribution.source, attribution.cue, attribution.channel, *attribution.content]
        spans += [hedge.span for hedge in attribution.hedges]
    for mention in analysis.mentions:
        spans += [mention.span, mention.resolved_from]
    for record in (*analysis.quantities, *analysis.places, *analysis.times, *analysis.entities):
        spans.append(record.span)
    for span in spans:
        if span is not None:
            span.check(text)


def _insert_or_skip(conn: Connection, table: sa.Table) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING, which SQLite and PostgreSQL spell the same way."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()


def _write_records(conn: Connection, analysis: Analysis, search_mode: str) -> None:
    # Lock sources in id order, so two documents that share sources cannot deadlock.
    for source in sorted(analysis.sources, key=lambda source: source.id):
        _upsert_source(conn, source)
    for table, rows in flatten.record_rows(analysis):
        if rows:
            conn.execute(table.insert(), rows)
        if table is schema.attributions:
            search.index(conn, search_mode, rows)


def _upsert_source(conn: Connection, source: Source) -> None:
    """Insert a new source, or merge into the stored one: stored values win, gaps are filled,
    aliases and roles are united (a differing name becomes an alias)."""
    sources = schema.sources
    conn.execute(_insert_or_skip(conn, sources), flatten.source_row(source))
    stored = (
        conn.execute(sa.select(sources).where(sources.c.id == source.id).with_for_update())
        .mappings()
        .one()
    )
    extra_names = [source.name] if source.name != stored["name"] else []
    merged = {
        "country": stored["country"] or source.country,
        "parent": stored["parent"] or source.parent,
        "wikidata": stored["wikidata"] or source.wikidata,
        "aliases": _union(stored["aliases"], [*extra_names, *source.aliases]),
        "roles": _union(stored["roles"], source.roles),
    }
    if any(merged[key] != stored[key] for key in merged):
        conn.execute(sources.update().where(sources.c.id == source.id), merged)
    names = {alias_key(name) for name in (source.id, stored["name"], *merged["aliases"])}
    conn.execute(
        _insert_or_skip(conn, schema.aliases),
        [{"alias": name, "source_id": source.id} for name in sorted(names) if name],
    )


def _union(stored: list[str], new: Iterable[str]) -> list[str]:
    return [*stored, *(name for name in dict.fromkeys(new) if name not in stored)]
