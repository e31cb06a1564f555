"""Reading article files and bytes: bad input is refused with a clear, coded error."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from claimgraph.errors import InputError
from claimgraph.ingest.text import (
    LIMIT_VARIABLE,
    MAX_BYTES,
    decode,
    document_from_text,
    document_id,
    parse_published,
    read_document,
)

ARTICLE = "The defence ministry said 40 tanks had crossed the border on Monday."


@pytest.mark.parametrize(
    ("raw", "code", "words"),
    [
        (b"", "CG101", "empty"),
        (b"  \n\t \r\n ", "CG101", "empty"),
        (b"PK\x03\x04\x00\x00binary\x00data", "CG102", "binary"),
        ("caf\u00e9 officials said so".encode("latin-1"), "CG103", "not UTF-8"),
        (b"x" * (MAX_BYTES + 1), "CG104", "limit"),
    ],
    ids=["empty", "whitespace", "nul-bytes", "latin-1", "huge"],
)
def test_ingest_text_decode_refuses_bad_bytes(raw, code, words):
    with pytest.raises(InputError) as caught:
        decode(raw, "article.txt")
    assert (caught.value.code, words in caught.value.message) == (code, True)
    assert "article.txt" in caught.value.message


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_ingest_text_decode_with_encoding(encoding):
    raw = "Caf\u00e9 owners said the port reopened.".encode(encoding)
    assert decode(raw, "a.txt", encoding) == "Caf\u00e9 owners said the port reopened."


@pytest.mark.parametrize("encoding", [None, "utf-8-sig"])
def test_ingest_text_decode_drops_utf8_bom(encoding):
    assert decode(b"\xef\xbb\xbfHello", "a.txt", encoding) == "Hello"


@pytest.mark.parametrize("encoding", ["no-such-codec"])
def test_ingest_text_decode_unknown_encoding_is_input_error(encoding):
    with pytest.raises(InputError) as caught:
        decode(b"Hello", "a.txt", encoding)
    assert caught.value.code == "CG103"


@pytest.mark.parametrize("hint_word", ["--encoding"])
def test_ingest_text_non_utf8_hints_at_encoding(hint_word):
    with pytest.raises(InputError) as caught:
        decode("\u00e9t\u00e9".encode("latin-1"), "a.txt")
    assert hint_word in (caught.value.hint or "")


@pytest.mark.parametrize(
    ("name", "code"),
    [("missing.txt", "CG107"), ("folder", "CG107")],
)
def test_ingest_text_read_document_unreadable_path(tmp_path, name, code):
    (tmp_path / "folder").mkdir()
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / name)
    assert caught.value.code == code
    assert name in caught.value.message


def test_ingest_text_read_document_refuses_huge_file(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * ((MAX_BYTES + 1) // 5 + 1))
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.code == "CG104"
    assert f"{MAX_BYTES:,}" in caught.value.message


def test_ingest_text_size_cap_is_configurable_and_named_in_the_error(tmp_path, monkeypatch):
    monkeypatch.setenv(LIMIT_VARIABLE, "2000")
    (tmp_path / "small.txt").write_bytes(b"word " * 300)
    (tmp_path / "over.txt").write_bytes(b"word " * 401)
    assert read_document(tmp_path / "small.txt").text.startswith("word word")
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / "over.txt")
    assert caught.value.code == "CG104"
    assert "2,000-byte limit" in caught.value.message
    assert LIMIT_VARIABLE in (caught.value.hint or "")
    with pytest.raises(InputError) as caught:
        document_from_text("word " * 500)
    assert caught.value.code == "CG104"


@pytest.mark.parametrize("value", ["lots", "-5", "0", "9" * 40])
def test_ingest_text_bad_size_cap_is_a_clear_error(monkeypatch, value):
    monkeypatch.setenv(LIMIT_VARIABLE, value)
    with pytest.raises(InputError) as caught:
        document_from_text(ARTICLE)
    assert caught.value.code == "CG170"
    assert LIMIT_VARIABLE in caught.value.message


@pytest.mark.parametrize("published", ["2024-10-19", "2024-10-19T09:30:00+09:00"])
def test_ingest_text_read_document_sidecar_metadata(tmp_path, published):
    (tmp_path / "story.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "story.json").write_text(
        f'{{"url": "https://example.org/a", "outlet": "Wire", "title": "Tanks", "published": "{published}"}}',
        "utf-8",
    )
    document = read_document(tmp_path / "story.txt")
    assert (document.url, document.outlet, document.title) == (
        "https://example.org/a",
        "Wire",
        "Tanks",
    )
    assert document.published == parse_published(published)


@pytest.mark.parametrize("sidecar", ["{not json", "\xff\xfe"])
def test_ingest_text_read_document_bad_sidecar(tmp_path, sidecar):
    (tmp_path / "story.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "story.json").write_bytes(sidecar.encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / "story.txt")
    assert caught.value.code == "CG106"


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        (
            "  Officials\u00a0said  so.\r\n\r\n\r\n\r\nThen left. ",
            "Officials said so.\n\nThen left.",
        ),
        ("Zero\u200bwidth\x07 said.", "Zerowidth said."),
    ],
)
def test_ingest_text_document_text_is_normalised(text, normalised):
    assert document_from_text(text).text == normalised


@pytest.mark.parametrize(
    "text", ["", "   ", "\n\n\t", "\u200b\ufeff", "<html><body><script>x()</script></body></html>"]
)
def test_ingest_text_empty_text_is_refused(text):
    with pytest.raises(InputError) as caught:
        document_from_text(text)
    assert caught.value.code == "CG101"


@pytest.mark.parametrize("url", [None, "https://example.org/a"])
def test_ingest_text_document_id_is_stable_content_hash(url):
    first = document_from_text(ARTICLE + "  ", url=url)
    second = document_from_text("  " + ARTICLE, url=url)
    assert first.id == second.id == document_id(ARTICLE, url)
    assert first.id != document_id(ARTICLE, "https://example.org/other")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-19", datetime(2024, 10, 19, tzinfo=UTC)),
        ("2024-10-19T09:30:00Z", datetime(2024, 10, 19, 9, 30, tzinfo=UTC)),
        (
            "2024-10-19T09:30:00+09:00",
            datetime(2024, 10, 19, 9, 30, tzinfo=timezone(timedelta(hours=9))),
        ),
        (None, None),
        ("", None),
    ],
)
def test_ingest_text_parse_published(value, expected):
    parsed = parse_published(value)
    assert parsed == expected
    assert parsed is None or parsed.tzinfo is not None


@pytest.mark.parametrize("value", ["last Friday", "19/10/2024", "2024-13-45"])
def test_ingest_text_parse_published_refuses_non_iso(value):
    with pytest.raises(InputError) as caught:
        parse_published(value)
    assert caught.value.code == "CG105"
    assert "ISO" in (caught.value.hint or "")


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_ingest_text_html_file_is_always_reduced_to_text(tmp_path, suffix):
    # One tag is too little to sniff, but the suffix says it is HTML.
    path = tmp_path / f"page{suffix}"
    path.write_text("<p>Officials said the bridge was hit.</p><script>track()</script>", "utf-8")
    assert read_document(path).text == "Officials said the bridge was hit."


def test_ingest_text_longer_than_one_parse_is_accepted_under_the_cap():
    # The parser sees such a text in sections (nlp/sections.py), so only the size cap refuses.
    text = document_from_text("a " * 1_000_001).text
    assert len(text) == 2_000_001
