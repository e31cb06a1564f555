"""Flatten stored rows and analyses into table rows for the terminal, CSV and JSON listings."""

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, fields, is_dataclass
from datetime import datetime
from typing import Any

from claimgraph.records import Analysis


def plain(value: Any) -> Any:
    """JSON-ready value: datetimes as ISO strings, tuples as lists."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    return value


def row_dicts(rows: Sequence[Any]) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in asdict(row).items()} for row in rows if is_dataclass(row)]


def to_json_list(rows: Sequence[Any]) -> str:
    return json.dumps(row_dicts(rows), ensure_ascii=False, indent=2)


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): such a
# text cell is written with a leading apostrophe, which spreadsheets show as plain text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet will run: text starting = + - @ gets a leading '."""
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(rows: Sequence[Any], columns: Sequence[str] | None = None) -> str:
    """CSV with a header; list values joined with "; " so each cell stays one string."""
    dicts = row_dicts(rows)
    if columns is None:
        columns = [f.name for f in fields(rows[0])] if rows else []
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for row in dicts:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
    return buffer.getvalue()


def claim_rows_of(analysis: Analysis) -> list[dict[str, Any]]:
    """One flat row per attribution of a fresh analysis (what `extract --format table` shows)."""
    sources = {s.id: s for s in analysis.sources}
    numbers: dict[str, list[str]] = {}
    for quantity in analysis.quantities:
        if quantity.attribution:
            numbers.setdefault(quantity.attribution, []).append(_number(quantity))
    rows = []
    for attribution in analysis.attributions:
        source = sources.get(attribution.canonical_source or "")
        who = (
            source.name
            if source
            else (attribution.source.text if attribution.source else "(unnamed)")
        )
        if attribution.anonymous:
            who += " (anonymous)"
        if attribution.channel:
            who += f" via {attribution.channel.text}"
        hedges = ", ".join(h.span.text for h in attribution.hedges)
        rows.append(
            {
                "source": who,
                "cue": attribution.cue.text if attribution.cue else "",
                "content": attribution.content_text,
                "certainty": attribution.certainty.label + (f" ({hedges})" if hedges else ""),
                "numbers": "; ".join(numbers.get(attribution.id, [])),
            }
        )
    return rows


def _number(quantity: Any) -> str:
    if (
        quantity.qualifier.value == "range"
        and quantity.low is not None
        and quantity.high is not None
    ):
        unit = f" {quantity.unit}" if quantity.unit else ""
        return f"{quantity.low:,.0f}–{quantity.high:,.0f}{unit}"
    value = quantity.value if quantity.value is not None else quantity.low
    shown = f"{value:,.0f}" if value is not None and float(value).is_integer() else str(value)
    qualifier = "" if quantity.qualifier.value == "exact" else f" ({quantity.qualifier.value})"
    unit = f" {quantity.unit}" if quantity.unit else ""
    return f"{shown}{unit}{qualifier}"


def to_csv_dicts(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()
