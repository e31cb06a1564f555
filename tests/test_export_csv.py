"""CSV exports never hand a spreadsheet a formula: cells starting = + - @ are escaped."""

import csv
import io
from dataclasses import dataclass

import pytest

from claimgraph.api.routes.claims import EXPORT_COLUMNS
from claimgraph.export.csv_text import csv_chunks, csv_text, safe_cell
from claimgraph.export.rows import to_csv

HOSTILE = ['=HYPERLINK("http://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"]


@pytest.mark.parametrize("value", HOSTILE)
def test_export_csv_formula_cells_are_escaped(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["NIS said", "", 12, -3.5, None, "a=b"])
def test_export_csv_other_cells_are_unchanged(value):
    assert safe_cell(value) == value


@dataclass(frozen=True)
class Row:
    source: str
    content: str


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_export_csv_every_writer_escapes():
    for written in (
        to_csv([Row(source=v, content=v) for v in HOSTILE]),
        csv_text([{"source": v, "content": v} for v in HOSTILE]),
        "".join(csv_chunks([dict.fromkeys(EXPORT_COLUMNS, v) for v in HOSTILE], EXPORT_COLUMNS)),
    ):
        cells = _cells(written)
        assert cells
        assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t"))]
        assert '\'=HYPERLINK("http://evil.example")' in cells
