"""The database tables (SQLAlchemy Core), shared by SQLite and PostgreSQL, and how to create them.

Spans are stored as three columns, `start`, `end`, `text` (with a prefix where a table holds several:
`source_start`, `cue_text`, ...), so filters and joins can use them. Every record table keeps `seq`,
the record's position in its `Analysis` tuple, so a stored analysis reads back in the same order.
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Connection, Engine

from claimgraph.errors import StoreError
from claimgraph.records import Span
from claimgraph.store import search
from claimgraph.store.connect import TOO_NEW, database_errors
from claimgraph.store.locks import SCHEMA_KEY, begin_write

# 2: attributions.polarity and .negated, documents.dateline; 3: attributions.predicate;
# 4: resolve_clusters.reports
SCHEMA_VERSION = 4


class IsoDateTime(sa.TypeDecorator[datetime]):
    """A datetime kept as ISO 8601 text, so its timezone (or its lack of one) reads back unchanged.

    SQLite has no timestamp type and PostgreSQL's timestamptz forgets the original offset.
    """

    impl = sa.String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect: sa.Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


JSONValue = sa.JSON().with_variant(JSONB(), "postgresql")

metadata = sa.MetaData()


def span_columns(prefix: str = "", *, nullable: bool = False) -> list[sa.Column[Any]]:
    """The start/end/text columns of one span."""
    key = f"{prefix}_" if prefix else ""
    return [
        sa.Column(f"{key}start", sa.Integer, nullable=nullable),
        sa.Column(f"{key}end", sa.Integer, nullable=nullable),
        sa.Column(f"{key}text", sa.Text, nullable=nullable),
    ]


def span_values(span: Span | None, prefix: str = "") -> dict[str, Any]:
    key = f"{prefix}_" if prefix else ""
    if span is None:
        return {f"{key}start": None, f"{key}end": None, f"{key}text": None}
    return {f"{key}start": span.start, f"{key}end": span.end, f"{key}text": span.text}


def span_of(row: Mapping[str, Any], prefix: str = "") -> Span | None:
    key = f"{prefix}_" if prefix else ""
    if row[f"{key}start"] is None:
        return None
    return Span(row[f"{key}start"], row[f"{key}end"], row[f"{key}text"])


def alias_key(name: str) -> str:
    """The form aliases are stored and looked up in: case-folded, single spaces."""
    return " ".join(name.casefold().split())


def _document_id() -> sa.Column[str]:
    return sa.Column(
        "document_id",
        sa.String(128),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    )


meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text, index=True),
    sa.Column("title", sa.Text),
    sa.Column("published", IsoDateTime, index=True),
    sa.Column("language", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", IsoDateTime),
    # {"start", "end", "text", "place": {...span}, "name", "country", "lat", "lon", "gazetteer_id"}
    sa.Column("dateline", JSONValue, nullable=True),
)

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False, index=True),
    sa.Column("country", sa.String(8), index=True),
    # No foreign key: a parent (kr-government) is often named before it is ever stored.
    sa.Column("parent", sa.String(200), index=True),
    sa.Column("wikidata", sa.String(32)),
    sa.Column("aliases", JSONValue, nullable=False),
    sa.Column("roles", JSONValue, nullable=False),
)

# Folded (casefold, single spaces) name, id and aliases of each source: the source filter's lookup.
aliases = sa.Table(
    "aliases",
    metadata,
    sa.Column("alias", sa.Text, primary_key=True),
    sa.Column(
        "source_id",
        sa.String(200),
        sa.ForeignKey("sources.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)

# Which sources a document's analysis lists, in order.
document_sources = sa.Table(
    "document_sources",
    metadata,
    _document_id(),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("source_id", sa.String(200), sa.ForeignKey("sources.id"), nullable=False, index=True),
)

mentions = sa.Table(
    "mentions",
    metadata,
    _document_id(),
    sa.Column("seq", sa.Integer, primary_key=True),
    *span_columns(),
    sa.Column("source_id", sa.String(200), nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    *span_columns("resolved_from", nullable=True),
    sa.Column("role", sa.Text),
)

attributions = sa.Table(
    "attributions",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column(
        "document_id",
        sa.String(128),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("seq", sa.Integer, nullable=False),
    *span_columns("source", nullable=True),
    *span_columns("cue", nullable=True),
    sa.Column("content", JSONValue, nullable=False),  # [{"start", "end", "text"}, ...]
    sa.Column("content_text", sa.Text, nullable=False),
    sa.Column("content_start", sa.Integer),
    sa.Column("content_end", sa.Integer),
    sa.Column("form", sa.String(32), nullable=False, index=True),
    # No foreign key: the nlp stage may name a source id it did not describe.
    sa.Column("canonical_source", sa.String(200), index=True),
    sa.Column("source_kind", sa.String(32)),
    sa.Column("certainty", sa.String(16), nullable=False, index=True),
    sa.Column(
        "hedges", JSONValue, nullable=False
    ),  # [{"start", "end", "text", "strength", "lemma"}]
    sa.Column("anonymous", sa.Boolean, nullable=False, index=True),
    *span_columns("channel", nullable=True),
    sa.Column("parent", sa.String(200), index=True),
    sa.Column("polarity", sa.String(16), nullable=False, server_default="assert", index=True),
    sa.Column("negated", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("predicate", sa.String(64)),  # lemma of the content's main verb, from the parse
    sa.UniqueConstraint("document_id", "seq"),
)

quantities = sa.Table(
    "quantities",
    metadata,
    _document_id(),
    sa.Column("seq", sa.Integer, primary_key=True),
    *span_columns(),
    sa.Column("value", sa.Double),
    sa.Column("low", sa.Double),
    sa.Column("high", sa.Double),
    sa.Column("qualifier", sa.String(16), nullable=False),
    sa.Column("unit", sa.Text, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("attribution", sa.String(200), index=True),
)

places = sa.Table(
    "places",
    metadata,
    _document_id(),
    sa.Column("seq", sa.Integer, primary_key=True),
    *span_columns(),
    sa.Column("name", sa.Text, nullable=False, index=True),
    sa.Column("country", sa.String(8), index=True),
    sa.Column("lat", sa.Double),
    sa.Column("lon", sa.Double),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("gazetteer_id", sa.String(64)),
    sa.Column("attribution", sa.String(200), index=True),
)

times = sa.Table(
    "times",
    metadata,
    _document_id(),
    sa.Column("seq", sa.Integer, primary_key=True),
    *span_columns(),
    sa.Column("value", sa.String(64), nullable=False),
    sa.Column("value_start", sa.Date, index=True),  # Time.start: the resolved date, not the span
    sa.Column("value_end", sa.Date),
    sa.Column("granularity", sa.String(16), nullable=False),
    sa.Column("relation", sa.String(16), nullable=False),
    sa.Column("attribution", sa.String(200), index=True),
)

entities = sa.Table(
    "entities",
    metadata,
    _document_id(),
    sa.Column("seq", sa.Integer, primary_key=True),
    *span_columns(),
    sa.Column("label", sa.String(32), nullable=False, index=True),
    sa.Column("source_id", sa.String(200), index=True),
    sa.Column("wikidata", sa.String(32)),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document_id", sa.String(128), index=True),
    sa.Column("input_name", sa.Text),
    sa.Column("code", sa.String(16), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("at", IsoDateTime, nullable=False),
)

RECORD_TABLES = (documents, sources, aliases, document_sources, mentions, attributions)
RECORD_TABLES += (quantities, places, times, entities, failures)


def create(engine: Engine, *, fts5: bool = True) -> str:
    """Create missing tables and indexes and return the full-text search mode in use.

    Args:
        fts5: use SQLite's FTS5 when the SQLite build has it; False forces the LIKE fallback.
            The mode is fixed when the database is created and kept in `meta`.

    Raises:
        StoreError: the database was written by a newer claimgraph, or cannot be reached.
    """
    # Under a lock: two first runs on a new database would otherwise both try to create the tables.
    with (
        database_errors(engine, "cannot create the tables"),
        begin_write(engine, SCHEMA_KEY) as conn,
    ):
        metadata.create_all(conn)
        stored = dict(conn.execute(sa.select(meta.c.key, meta.c.value)).all())
        version = int(stored.get("schema_version", SCHEMA_VERSION))
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the database has schema version {version}, newer than this claimgraph's {SCHEMA_VERSION}",
                hint="upgrade claimgraph: pip install -U claimgraph",
                code=TOO_NEW,
            )
        if version < SCHEMA_VERSION:
            _add_missing_columns(conn)
            conn.execute(
                meta.update()
                .where(meta.c.key == "schema_version")
                .values(value=str(SCHEMA_VERSION))
            )
            version = SCHEMA_VERSION
        mode = stored.get("search") or search.create(conn, fts5=fts5)
        _write_meta(conn, stored, {"schema_version": str(version), "search": mode})
    return mode


def _add_missing_columns(conn: Connection) -> None:
    """Bring a database written by an older claimgraph up to date: `create_all` makes missing
    tables but never alters one, so each new column is added here, with its server default (old
    rows read as "assert", not negated, no dateline) and its index."""
    inspector = sa.inspect(conn)
    existing_tables = set(inspector.get_table_names())
    preparer = conn.dialect.identifier_preparer
    for table in metadata.sorted_tables:
        if table.name not in existing_tables:
            continue
        present = {column["name"] for column in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in present:
                continue
            kind = column.type.compile(dialect=conn.dialect)
            default = ""
            if column.server_default is not None:
                value = column.server_default.arg  # type: ignore[attr-defined]
                if isinstance(value, str):
                    default = f" DEFAULT '{value}'"
                else:
                    default = f" DEFAULT {value.compile(dialect=conn.dialect)}"
            null = "" if column.nullable else " NOT NULL"
            conn.execute(
                sa.text(
                    f"ALTER TABLE {preparer.format_table(table)} ADD COLUMN "
                    f"{preparer.format_column(column)} {kind}{default}{null}"
                )
            )
        for index in table.indexes:
            if any(column.name not in present for column in index.columns):
                index.create(conn, checkfirst=True)
        if table is attributions and "polarity" not in present:
            _backfill_polarity(conn)


def _backfill_polarity(conn: Connection) -> None:
    """Claims stored before polarity was kept get it from their stored cue and content words
    (the nlp rule without the parse), so "denied ..." does not read as an assertion."""
    from claimgraph.nlp.polarity import polarity_of

    a = attributions
    rows = conn.execute(sa.select(a.c.id, a.c.cue_text, a.c.content_text)).all()
    for row in rows:
        polarity, negated = polarity_of(row.cue_text or "", row.content_text)
        if polarity != "assert" or negated:
            conn.execute(
                a.update().where(a.c.id == row.id).values(polarity=polarity.value, negated=negated)
            )


def _write_meta(conn: Connection, stored: dict[str, str], wanted: dict[str, str]) -> None:
    missing = [{"key": key, "value": value} for key, value in wanted.items() if key not in stored]
    if missing:
        conn.execute(meta.insert(), missing)
