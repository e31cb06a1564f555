"""JSON, JSON Lines and CSV exports of a store, written as the rows stream in.

- jsonl: one claim a line (the `ExportClaim` fields).
- json: one object `{"format", "version", "filters", "claims": [...], "documents": [...],
  "sources": [...], "clusters": [...], "contradictions": [...]}`, written piece by piece.
- csv: the flat claims table. A cell that starts with = + - @ (or a tab or carriage return) gets a
  leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula.

Needs: a Store, ExportFilters and a text stream.  Returns: the number of claims written.
"""

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields
from datetime import datetime
from typing import Any, TextIO

from claimgraph.export import tables
from claimgraph.export.tables import ExportClaim, ExportFilters
from claimgraph.store import Store

EXPORT_VERSION = 1
CLAIM_COLUMNS = tuple(f.name for f in fields(ExportClaim))
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def claim_dict(claim: ExportClaim) -> dict[str, Any]:
    return {key: _plain(value) for key, value in asdict(claim).items()}


def write_jsonl(store: Store, out: TextIO, filters: ExportFilters | None = None) -> int:
    count = 0
    for claim in tables.claims(store, filters):
        out.write(json.dumps(claim_dict(claim), ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def write_json(store: Store, out: TextIO, filters: ExportFilters | None = None) -> int:
    filters = filters or ExportFilters()
    header = {
        "format": "claimgraph-export",
        "version": EXPORT_VERSION,
        "filters": filters.described(),
    }
    out.write(json.dumps(header, ensure_ascii=False)[:-1])
    counted = [0]

    def claim_rows() -> Iterator[dict[str, Any]]:
        for claim in tables.claims(store, filters):
            counted[0] += 1
            yield claim_dict(claim)

    sections = (
        ("claims", claim_rows()),
        ("documents", tables.documents(store, filters)),
        ("sources", tables.sources(store, filters)),
        ("clusters", tables.clusters(store, filters)),
        ("contradictions", tables.contradictions(store, filters)),
    )
    for name, rows in sections:
        out.write(f', "{name}": [')
        _write_array(out, rows)
        out.write("]")
    out.write("}\n")
    return counted[0]


def write_csv(store: Store, out: TextIO, filters: ExportFilters | None = None) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CLAIM_COLUMNS)
    count = 0
    for claim in tables.claims(store, filters):
        writer.writerow([safe_cell(v) for v in claim_dict(claim).values()])
        count += 1
    return count


def safe_cell(value: Any) -> str:
    """A CSV cell that no spreadsheet will evaluate; lists are joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        value = "; ".join(map(str, value))
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write_array(out: TextIO, rows: Iterable[dict[str, Any]]) -> None:
    first = True
    for row in rows:
        if not first:
            out.write(", ")
        out.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False))
        first = False


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value
