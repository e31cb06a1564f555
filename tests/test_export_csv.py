"""CSV exports never hand a spreadsheet a formula: cells starting = + - @ are escaped."""

import csv
import io
from dataclasses import dataclass

import pytest

from claimgraph.api.routes.claims import EXPORT_COLUMNS, _csv
from claimgraph.export.rows import safe_cell, to_csv, to_csv_dicts

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
        to_csv_dicts([{"source": v, "content": v} for v in HOSTILE]),
        "".join(_csv([dict.fromkeys(EXPORT_COLUMNS, v) for v in HOSTILE])),
    ):
        cells = _cells(written)
        assert cells
        assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t"))]
        assert '\'=HYPERLINK("http://evil.example")' in cells
