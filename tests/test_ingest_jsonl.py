"""JSON Lines input: one record per line, and a bad line is an error for that line only."""

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.errors import InputError
from claimgraph.ingest.jsonl import JsonlLineError, JsonlRecord, read_jsonl
from claimgraph.ingest.sources_in import InputFailure, expand
from claimgraph.records import Document

GOOD = {"id": "a1", "text": "Officials said 40 tanks moved.", "published": "2024-10-19"}


def lines(*rows: object) -> io.StringIO:
    return io.StringIO(
        "\n".join(row if isinstance(row, str) else json.dumps(row) for row in rows) + "\n"
    )


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ("{not json", "CG110"),
        ('{"id": "x"}', "CG111"),
        ('{"id": "x", "text": 42}', "CG111"),
        ('["a", "list"]', "CG111"),
        ('"just a string"', "CG111"),
    ],
    ids=["not-json", "no-text", "text-not-string", "array", "string"],
)
def test_ingest_jsonl_bad_line_is_an_error_in_place(bad, code):
    records = list(read_jsonl(lines(GOOD, bad, {**GOOD, "id": "a3"})))
    assert [type(r) for r in records] == [JsonlRecord, JsonlLineError, JsonlRecord]
    assert records[1].code == code
    assert records[1].message.startswith("line 2:")
    assert records[1].key == "line 2"  # the key its per-line output is reported under
    assert [records[0].key, records[2].key] == ["a1", "a3"]


@pytest.mark.parametrize("blank", ["", "   ", "\t"])
def test_ingest_jsonl_blank_lines_are_skipped_but_counted(blank):
    [record] = list(read_jsonl(io.StringIO(f"{blank}\n{json.dumps(GOOD)}\n")))
    assert record.line == 2


@pytest.mark.parametrize(
    ("row", "key", "published", "url"),
    [
        (GOOD, "a1", "2024-10-19", None),
        ({"text": "x said y."}, "line 1", None, None),
        ({"id": 7, "text": "x said y.", "url": "https://e.org/7", "published": None}, "7", None, "https://e.org/7"),
    ],
)  # fmt: skip
def test_ingest_jsonl_record_fields(row, key, published, url):
    [record] = list(read_jsonl(lines(row)))
    assert (record.key, record.published, record.url) == (key, published, url)


@pytest.mark.parametrize("text", ["", "   "])
def test_ingest_jsonl_empty_text_fails_only_that_line(tmp_path, text):
    path = tmp_path / "in.jsonl"
    path.write_text(
        "\n".join(json.dumps(r) for r in [GOOD, {"id": "e", "text": text}, {**GOOD, "id": "z", "text": "Kyiv said 3 drones fell."}]),
        "utf-8",
    )  # fmt: skip
    items = list(expand([str(path)]))
    assert [type(i) for i in items] == [Document, InputFailure, Document]
    assert items[1].error.code == "CG101"
    assert items[1].name.endswith(":e")


@pytest.mark.parametrize("raw", [b'{"text": "caf\xe9 said so."}\n'])
def test_ingest_jsonl_non_utf8_file_is_an_input_failure(tmp_path, raw):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(raw)
    [item] = list(expand([str(path)]))
    assert isinstance(item, InputFailure)
    assert item.error.code == "CG103"


@given(st.text())
def test_ingest_jsonl_reader_never_crashes(text):
    for record in read_jsonl(io.StringIO(text)):
        assert isinstance(record, JsonlRecord | InputError)


@pytest.mark.parametrize("encoding", ["utf-8"])
def test_ingest_jsonl_binary_stream_fails_only_the_undecodable_line(encoding):
    stream = io.BytesIO(
        json.dumps(GOOD).encode() + b"\n" + b'{"text": "caf\xe9"}\n' + json.dumps(GOOD).encode()
    )
    records = list(read_jsonl(stream, encoding))
    assert [type(r) for r in records] == [JsonlRecord, JsonlLineError, JsonlRecord]
    assert (records[1].code, records[1].message) == ("CG103", "line 2: not utf-8 text")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_ingest_jsonl_binary_stream_with_encoding(encoding):
    line = json.dumps({"id": "c", "text": "Caf\u00e9 said 3."}, ensure_ascii=False)
    [record] = list(read_jsonl(io.BytesIO(line.encode(encoding)), encoding))
    assert record.text == "Caf\u00e9 said 3."


@pytest.mark.parametrize(
    "stream",
    [
        io.StringIO("\ufeff" + json.dumps(GOOD)),
        io.BytesIO(b"\xef\xbb\xbf" + json.dumps(GOOD).encode()),
    ],
)
def test_ingest_jsonl_byte_order_mark_is_ignored(stream):
    [record] = list(read_jsonl(stream))
    assert record.key == "a1"
