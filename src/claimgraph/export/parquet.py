"""Parquet export: one file per table in a folder, with fixed schemas, written in batches.

Files: claims.parquet, documents.parquet, sources.parquet, clusters.parquet,
contradictions.parquet (schemas below and in docs/exports.md). Rows are gathered into batches of
`BATCH_ROWS` and written as row groups, so memory holds one batch whatever the store's size.

Needs: a Store, ExportFilters and a folder.  Returns: rows written per file.
"""

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError, MissingExtra
from claimgraph.export import tables
from claimgraph.export.flat import claim_dict
from claimgraph.export.tables import ExportFilters
from claimgraph.store import Store

BATCH_ROWS = 10_000
TABLES = ("claims", "documents", "sources", "clusters", "contradictions")


def schemas() -> dict[str, Any]:
    """The Arrow schema of each file (timestamps in UTC, JSON-shaped values as JSON text)."""
    pa = _pyarrow()
    ts = pa.timestamp("us", tz="UTC")
    text, integer, flag, number = pa.string(), pa.int64(), pa.bool_(), pa.float64()
    return {
        "claims": pa.schema(
            [
                ("id", text),
                ("document_id", text),
                ("seq", integer),
                ("source_text", text),
                ("canonical_source", text),
                ("source_name", text),
                ("source_wikidata", text),
                ("cue_text", text),
                ("content_text", text),
                ("form", text),
                ("certainty", text),
                ("hedges", pa.list_(text)),
                ("anonymous", flag),
                ("channel_text", text),
                ("parent", text),
                ("polarity", text),
                ("cluster_id", text),
                ("cluster_founder", text),
                ("original_source", text),
                ("chain", pa.list_(text)),
                ("support", integer),
                ("credibility", integer),
                ("reliability", text),
                ("outlet", text),
                ("url", text),
                ("title", text),
                ("published", ts),
            ]
        ),
        "documents": pa.schema(
            [
                ("id", text),
                ("url", text),
                ("outlet", text),
                ("title", text),
                ("published", ts),
                ("language", text),
                ("ingested_at", ts),
                ("copy_of", text),
                ("copy_similarity", number),
            ]
        ),
        "sources": pa.schema(
            [
                ("id", text),
                ("name", text),
                ("type", text),
                ("country", text),
                ("parent", text),
                ("wikidata", text),
                ("aliases", pa.list_(text)),
                ("roles", pa.list_(text)),
                ("reliability", text),
                ("reliability_reason", text),
            ]
        ),
        "clusters": pa.schema(
            [
                ("id", text),
                ("label", text),
                ("founder", text),
                ("polarity", text),
                ("size", integer),
                ("support", integer),
                ("original_sources", text),
                ("outlets", pa.list_(text)),
                ("first_reported", ts),
                ("credibility", integer),
                ("credibility_reasons", pa.list_(text)),
            ]
        ),
        "contradictions": pa.schema(
            [
                ("id", text),
                ("kind", text),
                ("claim", text),
                ("by", text),
                ("explanation", text),
                ("topic", text),
                ("claim_founder", text),
                ("by_founder", text),
            ]
        ),
    }


def write_parquet(
    store: Store, folder: str | Path, filters: ExportFilters | None = None
) -> dict[str, int]:
    """Write the five tables into `folder` (created if needed); returns rows per table.

    Raises:
        InputError: CG332 when the folder cannot be created or is a file.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(
            f"cannot write Parquet files into {str(folder)!r}: {error.strerror or error}",
            hint="Parquet export writes one file per table: give --out a folder",
            code="CG332",
        ) from None
    return {name: write_table(store, name, folder / f"{name}.parquet", filters) for name in TABLES}


def write_table(
    store: Store, name: str, path: str | Path, filters: ExportFilters | None = None
) -> int:
    """Write one table (claims, documents, sources, clusters, contradictions) to one file.

    Raises:
        InputError: CG333 for an unknown table name.
    """
    if name not in TABLES:
        raise InputError(
            f"no table {name!r} to export",
            hint="one of: " + ", ".join(TABLES),
            code="CG333",
        )
    readers: dict[str, Callable[[], Iterable[dict[str, Any]]]] = {
        "claims": lambda: (claim_dict(c) for c in tables.claims(store, filters)),
        "documents": lambda: tables.documents(store, filters),
        "sources": lambda: tables.sources(store, filters),
        "clusters": lambda: tables.clusters(store, filters),
        "contradictions": lambda: tables.contradictions(store, filters),
    }
    return _write_table(Path(path), schemas()[name], readers[name]())


def _write_table(path: Path, schema: Any, rows: Iterable[dict[str, Any]]) -> int:
    pa = _pyarrow()
    import pyarrow.parquet as pq

    names = schema.names
    convert = {name: _converter(schema.field(name).type) for name in names}
    count = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for batch in _batches(rows):
            columns = {n: [convert[n](row.get(n)) for row in batch] for n in names}
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))
            count += len(batch)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH_ROWS:
            yield batch
            batch = []
    if batch:
        yield batch


def _converter(kind: Any) -> Callable[[Any], Any]:
    """How a column's values become what Arrow wants (decided once per column, not per cell):
    ISO text back to datetimes, JSON-shaped values to text or lists of text."""
    pa = _pyarrow()
    if pa.types.is_timestamp(kind):
        return lambda v: datetime.fromisoformat(v) if isinstance(v, str) else v
    if pa.types.is_string(kind):
        return lambda v: v if v is None or isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    if pa.types.is_list(kind):
        return lambda v: (
            None if v is None else [x if isinstance(x, str) else json.dumps(x) for x in v]
        )
    return lambda v: v


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise MissingExtra(
            "Parquet export needs pyarrow", hint="pip install 'claimgraph[export]'"
        ) from None
    return pyarrow
