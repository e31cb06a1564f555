"""Flatten stored rows and analyses into table rows for the terminal, CSV and JSON listings."""

import json
from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from claimgraph.export.csv_text import csv_text
from claimgraph.export.json_values import json_ready
from claimgraph.records import Analysis


def to_json_list(rows: Sequence[Any]) -> str:
    return json.dumps(json_ready(list(rows)), ensure_ascii=False, indent=2)


def to_csv(rows: Sequence[Any], columns: Sequence[str] | None = None) -> str:
    """CSV with a header of the rows' fields (or `columns`)."""
    if columns is None:
        columns = [f.name for f in fields(rows[0])] if rows else []
    return csv_text([json_ready(row) for row in rows], columns)


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
