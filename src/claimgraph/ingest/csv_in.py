"""CSV batches of articles: one article a row, columns named by the user, encoding detected.

Exports from media monitoring tools and spreadsheets come as CSV in whatever encoding the tool
used; the file is read in the encoding charset-normalizer detects (unless one is given), so a
Latin-1 or Windows-1252 file is read, not refused. Rows stream: a large file never sits in memory.

Needs: a CSV file and `CsvColumns`.  Returns: Documents, or an `InputFailure` per bad row.
"""

import codecs
import csv
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.decoding import detect_encoding
from claimgraph.ingest.sources_in import InputFailure
from claimgraph.ingest.text import document_from_text
from claimgraph.records import Document

_SAMPLE = 1_000_000  # bytes read to detect the encoding


@dataclass(frozen=True, slots=True)
class CsvColumns:
    """Which column holds what; the optional ones are used only when the file has them."""

    text: str = "text"
    url: str | None = None
    date: str | None = None
    outlet: str | None = None
    title: str | None = None

    def optional(self) -> dict[str, tuple[str, ...]]:
        """For each field, the column named by the user, or the usual names to look for."""
        return {
            "url": (self.url,) if self.url else ("url", "link"),
            "published": (self.date,) if self.date else ("published", "date"),
            "outlet": (self.outlet,) if self.outlet else ("outlet", "source", "site"),
            "title": (self.title,) if self.title else ("title", "headline"),
        }


def read_csv(
    path: str | Path,
    columns: CsvColumns | None = None,
    *,
    encoding: str | None = None,
    published: str | None = None,
) -> Iterator[Document | InputFailure]:
    """Documents from a CSV file with a header row.

    Raises:
        InputError: CG107 unreadable file, CG155 a named column is missing, CG156 no header.
    """
    path = Path(path)
    columns = columns or CsvColumns()
    codec = _codec(path, encoding)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # one cell may hold a long article
    with path.open("r", encoding=codec, errors="replace", newline="") as stream:
        reader = csv.DictReader(stream)
        header = reader.fieldnames
        if not header:
            raise InputError(f"{str(path)!r} has no header row", code="CG156")
        chosen = _columns(path, header, columns)
        for number, row in enumerate(reader, start=2):
            name = f"{path}:{number}"
            text = (row.get(columns.text) or "").strip()
            if not text:
                yield InputFailure(
                    name, InputError(f"{name}: the {columns.text!r} cell is empty", code="CG157")
                )
                continue
            values = {field: (row.get(col) or "").strip() or None for field, col in chosen.items()}
            try:
                yield document_from_text(
                    text,
                    published=published or values.get("published"),
                    url=values.get("url"),
                    outlet=values.get("outlet"),
                    title=values.get("title"),
                )
            except ClaimgraphError as error:
                yield InputFailure(name, error)


def _columns(path: Path, header: list[str], columns: CsvColumns) -> dict[str, str]:
    named = [columns.text, columns.url, columns.date, columns.outlet, columns.title]
    missing = [c for c in named if c and c not in header]
    if missing:
        raise InputError(
            f"{str(path)!r} has no column {', '.join(map(repr, missing))}",
            hint=f"its columns are {', '.join(header)}; choose with --text-column etc.",
            code="CG155",
        )
    chosen = {}
    for field, candidates in columns.optional().items():
        found = next((c for c in candidates if c in header), None)
        if found is not None:
            chosen[field] = found
    return chosen


def _codec(path: Path, encoding: str | None) -> str:
    if encoding:
        try:
            return codecs.lookup(encoding).name
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", code="CG103") from None
    try:
        with path.open("rb") as stream:
            sample = stream.read(_SAMPLE)
    except OSError as error:
        raise InputError(f"cannot read {str(path)!r}: {error.strerror}", code="CG107") from None
    try:
        # A sample may end inside a multi-byte character: decode it as a stream would.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return detect_encoding(sample)
