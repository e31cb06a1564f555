"""Write rows as CSV: one writer for the CLI's listings and the API's downloads.

A list in a cell is joined with "; " so every cell stays one string a spreadsheet can read, and
a text cell that a spreadsheet would run as a formula is escaped.
"""

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

CHUNK = 64_000  # characters per streamed piece of a download


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): such a
# text cell is written with a leading apostrophe, which spreadsheets show as plain text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet will run: text starting = + - @ gets a leading '."""
    if isinstance(value, list | tuple):
        value = "; ".join(map(str, value))
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_chunks(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    """The CSV text (header first) in pieces, so a large download streams."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
        if buffer.tell() > CHUNK:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_text(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None) -> str:
    """The whole CSV as one string; columns default to the first row's keys."""
    if columns is None:
        columns = list(rows[0]) if rows else []
    if not columns:
        return ""
    return "".join(csv_chunks(rows, columns))
