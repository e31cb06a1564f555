"""Which export formats exist, and writing one to a file, a folder or a stream.

This is where the CLI (`claimgraph export`) and the API (`GET /api/export`) meet the writers: both
name a format and filters, and get the same bytes.
"""

import enum
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from claimgraph.errors import InputError
from claimgraph.export.tables import ExportFilters
from claimgraph.store import Store


class ExportFormat(enum.StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    stix = "stix"
    graphml = "graphml"


MEDIA_TYPES = {
    ExportFormat.json: "application/json",
    ExportFormat.jsonl: "application/x-ndjson",
    ExportFormat.csv: "text/csv; charset=utf-8",
    ExportFormat.stix: "application/stix+json;version=2.1",
    ExportFormat.graphml: "application/graphml+xml",
}
SUFFIXES = {
    ExportFormat.json: ".json",
    ExportFormat.jsonl: ".jsonl",
    ExportFormat.csv: ".csv",
    ExportFormat.stix: ".stix.json",
    ExportFormat.graphml: ".graphml",
}


def export_format(name: str) -> ExportFormat:
    """The format called `name`.

    Raises:
        InputError: CG330 for an unknown format.
    """
    try:
        return ExportFormat(name.lower())
    except ValueError:
        raise InputError(
            f"unknown export format {name!r}",
            hint="use one of: " + ", ".join(f.value for f in ExportFormat),
            code="CG330",
        ) from None


def text_writer(fmt: ExportFormat) -> Callable[[Store, TextIO, ExportFilters | None], int]:
    """The streaming writer of a text format (every format but Parquet)."""
    if fmt is ExportFormat.parquet:
        raise InputError(
            "Parquet is written as one file per table, not as a stream",
            hint="give --out FOLDER",
            code="CG331",
        )
    from claimgraph.export import flat, graphml, stix

    writers: dict[ExportFormat, Callable[[Store, TextIO, ExportFilters | None], int]] = {
        ExportFormat.json: flat.write_json,
        ExportFormat.jsonl: flat.write_jsonl,
        ExportFormat.csv: flat.write_csv,
        ExportFormat.stix: stix.write_stix,
        ExportFormat.graphml: graphml.write_graphml,
    }
    return writers[fmt]


def write_stream(
    store: Store, fmt: ExportFormat, out: TextIO, filters: ExportFilters | None = None
) -> int:
    """Write a text format to an open stream; returns the number of claims written."""
    return text_writer(fmt)(store, out, filters)


def write_path(
    store: Store, fmt: ExportFormat, path: str | Path, filters: ExportFilters | None = None
) -> dict[str, Any]:
    """Write to a file (a folder for Parquet); the file appears whole or not at all.

    Raises:
        InputError: CG332 when the path cannot be written.
    """
    path = Path(path)
    if fmt is ExportFormat.parquet:
        from claimgraph.export.parquet import write_parquet

        return {"path": str(path), "rows": write_parquet(store, path, filters)}
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        out = temporary.open("w", encoding="utf-8", newline="")
    except OSError as error:
        raise InputError(
            f"cannot write {str(path)!r}: {error.strerror or error}",
            hint="check that the folder exists and is writable",
            code="CG332",
        ) from None
    try:
        with out:
            claims = write_stream(store, fmt, out, filters)
        # Atomic replace, so an interrupted export never leaves half a file under the name.
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return {"path": str(path), "claims": claims}
