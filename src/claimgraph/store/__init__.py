"""Store analyses in SQLite or PostgreSQL and query them: `open_store(url_or_path)`.

with open_store("claimgraph.db") as store:
    store.save(analysis)
    for claim in store.claims(source="NIS", certainty="possible"):
        ...
"""

from collections.abc import Iterable
from types import TracebackType

from sqlalchemy.engine import Engine

from claimgraph.errors import InputError
from claimgraph.records import Analysis, Document
from claimgraph.store import reader, resolve_tables, schema, writer
from claimgraph.store.connect import (
    check_connection,
    database_url,
    make_engine,
    sqlite_file_exists,
)
from claimgraph.store.rows import BatchReport, ClaimRow, DocumentRow, FailureRow, SourceRow

# Imported for its side effect: the resolve tables join `schema.metadata` before `create`.
_ = resolve_tables

__all__ = [
    "BatchReport",
    "ClaimRow",
    "DocumentRow",
    "FailureRow",
    "SourceRow",
    "Store",
    "open_store",
]


def open_store(
    url_or_path: str = "claimgraph.db", *, fts5: bool = True, create: bool = True
) -> "Store":
    """Open (and create if needed) a store.

    Args:
        url_or_path: `sqlite:///claimgraph.db`, `postgresql+psycopg://user@host/db`
            (`postgresql://` works too), or a plain file path for SQLite.
        fts5: use SQLite's FTS5 for search when available; False forces the LIKE fallback.
        create: False refuses a SQLite file that does not exist yet instead of creating an
            empty one, so reading from a mistyped path fails clearly.

    Raises:
        InputError: `create=False` and there is no SQLite file at that path (CG109).
        MissingExtra: a PostgreSQL URL, but psycopg is not installed.
        StoreError: the database cannot be reached, or was written by a newer claimgraph.
    """
    url = database_url(url_or_path)
    if not create and not sqlite_file_exists(url):
        raise InputError(
            f"no database at {url_or_path!r}",
            hint="ingest documents into it first (`claimgraph ingest FILES --db PATH`)",
            code="CG109",
        )
    engine = make_engine(url)
    try:
        check_connection(engine)
        return Store(engine, fts5=fts5)
    except BaseException:
        engine.dispose()
        raise


class Store:
    """A database of analyses. Thin: every method is a function of `writer` or `reader`."""

    def __init__(self, engine: Engine, *, fts5: bool = True) -> None:
        self.engine = engine
        self.search_mode = schema.create(engine, fts5=fts5)

    @property
    def url(self) -> str:
        """The database URL, with any password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    def save(self, analysis: Analysis) -> bool:
        """Store one analysis in one transaction; False if the document was already stored."""
        return writer.save(self.engine, analysis, self.search_mode)

    def save_many(self, analyses: Iterable[Analysis]) -> BatchReport:
        """Store each analysis; rejected ones are recorded in `failures()` and the run goes on."""
        return writer.save_many(self.engine, analyses, self.search_mode)

    def record_failure(
        self,
        error: BaseException,
        *,
        document_id: str | None = None,
        input_name: str | None = None,
    ) -> None:
        """Keep a failed input's error code and message in the `failures` table."""
        writer.record_failure(self.engine, error, document_id=document_id, input_name=input_name)

    def claims(
        self,
        source: str | None = None,
        certainty: str | None = None,
        search: str | None = None,
        anonymous: bool | None = None,
        document_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ClaimRow]:
        """Stored claims filtered by source (id, name or alias), certainty, words, anonymity."""
        return reader.claims(
            self.engine,
            self.search_mode,
            source=source,
            certainty=certainty,
            search_text=search,
            anonymous=anonymous,
            document_id=document_id,
            limit=limit,
            offset=offset,
        )

    def sources(self) -> list[SourceRow]:
        """Every stored source with its claim and document counts, most cited first."""
        return reader.sources(self.engine)

    def document(self, document_id: str) -> Document:
        """The stored document; raises NotFound for an unknown id."""
        return reader.document(self.engine, document_id)

    def documents(self, limit: int | None = None, offset: int = 0) -> list[DocumentRow]:
        """Stored documents without their text, newest first."""
        return reader.documents(self.engine, limit=limit, offset=offset)

    def analysis(self, document_id: str) -> Analysis:
        """The document's records rebuilt from the store; raises NotFound for an unknown id."""
        return reader.analysis(self.engine, document_id)

    def stored_ids(self, document_ids: list[str]) -> set[str]:
        """Which of these document ids are already stored."""
        return reader.stored_ids(self.engine, document_ids)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return reader.counts(self.engine)

    def failures(self) -> list[FailureRow]:
        """Recorded failures, oldest first."""
        return reader.failures(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
