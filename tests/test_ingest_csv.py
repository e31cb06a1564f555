"""CSV batches: column options, encodings detected, bad rows reported without stopping the file."""

import csv
import io

import pytest

from claimgraph.errors import InputError
from claimgraph.ingest.csv_in import CsvColumns, read_csv
from claimgraph.ingest.sources_in import InputFailure, expand

ARTICLES = [
    {
        "headline": "Garrison reinforced",
        "body": "Army spokesman Souleymane Dembélé said “about 600 soldiers” had arrived in Timbuktu.",
        "link": "https://courrier.example/a",
        "day": "2024-08-03",
        "paper": "Le Courrier",
    },
    {
        "headline": "Talks stall",
        "body": "Two diplomats said the lists differed by more than 400 names.",
        "link": "https://meridian.example/b",
        "day": "2024-10-18",
        "paper": "Meridian Daily",
    },
]


def _write(path, rows, encoding="utf-8", fields=("headline", "body", "link", "day", "paper")):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


COLUMNS = CsvColumns(text="body", url="link", date="day", outlet="paper", title="headline")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
def test_ingest_csv_encodings_detected(tmp_path, encoding):
    rows = [dict(ARTICLES[0], body=ARTICLES[0]["body"].replace("“", '"').replace("”", '"'))]
    if encoding == "cp1252":
        rows = ARTICLES[:1]  # curly quotes exist in Windows-1252, not in Latin-1
    path = _write(tmp_path / "batch.csv", rows * 40, encoding)
    documents = list(read_csv(path, COLUMNS))
    assert len(documents) == 40
    assert "Dembélé" in documents[0].text
    assert "\ufffd" not in documents[0].text


def test_ingest_csv_columns_give_metadata(tmp_path):
    path = _write(tmp_path / "batch.csv", ARTICLES)
    first, second = read_csv(path, COLUMNS)
    assert (first.title, first.url, first.outlet) == (
        "Garrison reinforced",
        "https://courrier.example/a",
        "Le Courrier",
    )
    assert second.published.date().isoformat() == "2024-10-18"


def test_ingest_csv_usual_column_names_found(tmp_path):
    rows = [{"text": a["body"], "url": a["link"], "published": a["day"]} for a in ARTICLES]
    path = _write(tmp_path / "plain.csv", rows, fields=("text", "url", "published"))
    first, _ = read_csv(path)
    assert first.url == "https://courrier.example/a"
    assert first.published.date().isoformat() == "2024-08-03"


def test_ingest_csv_missing_column_refused(tmp_path):
    path = _write(tmp_path / "batch.csv", ARTICLES)
    with pytest.raises(InputError) as caught:
        list(read_csv(path, CsvColumns(text="article")))
    assert caught.value.code == "CG155"
    assert "headline" in (caught.value.hint or "")


def test_ingest_csv_bad_rows_are_failures(tmp_path):
    rows = [ARTICLES[0], dict(ARTICLES[1], body=""), dict(ARTICLES[1], day="last Tuesday")]
    path = _write(tmp_path / "batch.csv", rows)
    good, empty, undated = read_csv(path, COLUMNS)
    assert "Timbuktu" in good.text
    assert isinstance(empty, InputFailure)
    assert (empty.error.code, empty.name) == ("CG157", f"{path}:3")
    assert isinstance(undated, InputFailure)
    assert undated.error.code == "CG105"


def test_ingest_csv_long_cells(tmp_path):
    body = "Officials said the convoy had been attacked. " * 5_000  # ~225,000 characters
    path = _write(tmp_path / "long.csv", [dict(ARTICLES[0], body=body)])
    [document] = read_csv(path, COLUMNS)
    assert len(document.text) > 200_000


def test_ingest_csv_through_expand(tmp_path):
    path = _write(tmp_path / "batch.csv", ARTICLES)
    documents = list(expand([str(path)], csv_columns=COLUMNS))
    assert [d.outlet for d in documents] == ["Le Courrier", "Meridian Daily"]
