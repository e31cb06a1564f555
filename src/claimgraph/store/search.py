"""Full-text search over attribution content and source text: FTS5, tsvector, or LIKE as a fallback.

All three modes take the query as plain words and require every word (like `plainto_tsquery`), so
a user never has to learn a query syntax and a stray quote cannot break the SQL.
"""

import re
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

FTS5 = "fts5"  # SQLite with FTS5: a plain FTS table that the writer keeps in sync
TSVECTOR = "tsvector"  # PostgreSQL: a GIN expression index, no extra column to keep in sync
LIKE = "like"  # SQLite built without FTS5: slow, no stemming, but the same answers for plain words

_WORD = re.compile(r"\w+")

# The index expression and the query expression must be written the same way, or the planner
# will not use the index; 'english'::regconfig is spelt out for the same reason.
_PG_DOCUMENT = (
    "coalesce(attributions.content_text, '') || ' ' || coalesce(attributions.source_text, '')"
)
_PG_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_attributions_search ON attributions USING gin "
    "(to_tsvector('english'::regconfig, coalesce(content_text, '') || ' ' || coalesce(source_text, '')))"
)
_FTS5_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS attributions_fts USING fts5("
    "attribution_id UNINDEXED, content_text, source_text, tokenize = 'porter unicode61')"
)

fts_table = sa.table(
    "attributions_fts",
    sa.column("attribution_id", sa.String),
    sa.column("content_text", sa.Text),
    sa.column("source_text", sa.Text),
)


def create(conn: Connection, *, fts5: bool = True) -> str:
    """Create the search index this database can have and return its mode."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text(_PG_INDEX))
        return TSVECTOR
    has_fts5 = conn.execute(sa.text("SELECT sqlite_compileoption_used('ENABLE_FTS5')")).scalar()
    if fts5 and has_fts5:
        conn.execute(sa.text(_FTS5_TABLE))
        return FTS5
    return LIKE


def index(conn: Connection, mode: str, rows: Iterable[dict[str, object]]) -> None:
    """Add attribution rows to the FTS5 table; the other modes index by themselves."""
    if mode != FTS5:
        return
    entries = [
        {
            "attribution_id": row["id"],
            "content_text": row["content_text"],
            "source_text": row["source_text"] or "",
        }
        for row in rows
    ]
    if entries:
        conn.execute(fts_table.insert(), entries)


def words(query: str) -> list[str]:
    return _WORD.findall(query)


def matches(
    mode: str, query: str, attributions: sa.Table
) -> sa.ColumnElement[bool] | sa.TextClause:
    """A WHERE clause that keeps attributions whose content or source text has every word."""
    terms = words(query)
    if not terms:
        return sa.false()
    if mode == TSVECTOR:
        return sa.text(
            f"to_tsvector('english'::regconfig, {_PG_DOCUMENT}) "
            "@@ plainto_tsquery('english'::regconfig, :search_query)"
        ).bindparams(search_query=" ".join(terms))
    if mode == FTS5:
        # Each word quoted, so FTS5 operators (AND, NEAR, *, ^) in the input stay plain words.
        fts_query = " ".join(f'"{term}"' for term in terms)
        hits = sa.select(fts_table.c.attribution_id).where(
            sa.text("attributions_fts MATCH :fts_query").bindparams(fts_query=fts_query)
        )
        return attributions.c.id.in_(hits)
    return sa.and_(
        *(
            sa.or_(
                attributions.c.content_text.ilike(f"%{term}%"),
                attributions.c.source_text.ilike(f"%{term}%"),
            )
            for term in terms
        )
    )
