"""One rule for a document's publication date, whichever way the document came in."""

import json

import pytest

from claimgraph.ingest.published import choose_published
from claimgraph.ingest.sources_in import expand
from claimgraph.ingest.text import document_from_text, parse_published, read_document

TEXT = "Officials said 40 tanks moved on Friday."
FLAG, RECORD, LISTED, SIDECAR = "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04"


def day(document) -> str | None:
    return document.published.date().isoformat() if document.published else None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"flag": FLAG, "record": RECORD, "listed": LISTED, "sidecar": SIDECAR}, FLAG),
        ({"record": RECORD, "listed": LISTED, "sidecar": SIDECAR}, RECORD),
        ({"listed": LISTED, "sidecar": SIDECAR}, LISTED),
        ({"sidecar": SIDECAR}, SIDECAR),
        ({"flag": "  ", "sidecar": SIDECAR}, SIDECAR),  # a blank value names no date
        ({}, None),
    ],
)
def test_ingest_published_first_present_wins(given, expected):
    assert choose_published(**given) == expected


def write_article(folder, name="story", sidecar=None):
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(TEXT, "utf-8")
    if sidecar:
        (folder / f"{name}.json").write_text(json.dumps({"published": sidecar}), "utf-8")
    return folder / f"{name}.txt"


@pytest.mark.parametrize(("flag", "expected"), [(None, SIDECAR), (FLAG, FLAG)])
def test_ingest_published_file_with_sidecar(tmp_path, flag, expected):
    path = write_article(tmp_path / "in", sidecar=SIDECAR)
    assert day(read_document(path, published=flag)) == expected
    [document] = list(expand([str(path)], published=flag))
    assert day(document) == expected


@pytest.mark.parametrize(
    ("flag", "listed", "sidecar", "expected"),
    [
        (None, None, None, None),
        (None, None, SIDECAR, SIDECAR),
        (None, LISTED, SIDECAR, LISTED),
        (FLAG, LISTED, SIDECAR, FLAG),
    ],
)
def test_ingest_published_folder_with_metadata(tmp_path, flag, listed, sidecar, expected):
    folder = tmp_path / "in"
    write_article(folder, sidecar=sidecar)
    if listed:
        row = {"file": "story.txt", "published": listed}
        (folder / "metadata.jsonl").write_text(json.dumps(row) + "\n", "utf-8")
    [document] = list(expand([str(folder)], published=flag))
    assert day(document) == expected


@pytest.mark.parametrize(
    ("flag", "record", "expected"),
    [(None, None, None), (None, RECORD, RECORD), (FLAG, RECORD, FLAG), (FLAG, None, FLAG)],
)
def test_ingest_published_jsonl_record(tmp_path, flag, record, expected):
    path = tmp_path / "in.jsonl"
    row = {"id": "a", "text": TEXT, **({"published": record} if record else {})}
    path.write_text(json.dumps(row) + "\n", "utf-8")
    [document] = list(expand([str(path)], published=flag))
    assert day(document) == expected


@pytest.mark.parametrize("published", [None, RECORD])
def test_ingest_published_text_and_api_body(published):
    # stdin and the API's body carry one date at most: it is used as given.
    document = document_from_text(TEXT, published=published)
    assert document.published == parse_published(published)
