"""Expand what a user names on the command line (files, folders, JSON Lines) into Documents.

A bad input becomes an `InputFailure` in the stream instead of an exception, so one unreadable file
never stops a batch and is reported at the end.
"""

import codecs
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.jsonl import JsonlLineError, JsonlRecord, integer_or_digits, read_jsonl
from claimgraph.ingest.published import choose_published
from claimgraph.ingest.text import (
    bom_encoding,
    decode,
    document_from_text,
    read_bytes,
    read_document,
)
from claimgraph.records import Document

if TYPE_CHECKING:
    from claimgraph.ingest.csv_in import CsvColumns
    from claimgraph.ingest.fetch import FetchOptions

TEXT_SUFFIXES = {".txt", ".html", ".htm", ".text"}  # a folder's README.md is not an article


@dataclass(frozen=True, slots=True)
class InputFailure:
    name: str
    error: ClaimgraphError


@dataclass(frozen=True, slots=True)
class KeyedItem:
    """One JSON Lines input with the key its result is reported under (its "id", or "line N")."""

    key: str
    item: Document | InputFailure


def folder_metadata(folder: Path) -> tuple[dict[str, dict[str, str]], list[InputFailure]]:
    """`metadata.jsonl` in a folder: one {"file", "outlet", "url", "title", "published"} a line.

    A bad line is a failure of its own: the folder's articles are still read (the one it
    described without its metadata).
    """
    path = folder / "metadata.jsonl"
    if not path.is_file():
        return {}, []
    table: dict[str, dict[str, str]] = {}
    failures: list[InputFailure] = []
    try:
        raw = path.read_bytes()
    except OSError as error:
        failed = InputError(f"cannot read {str(path)!r}: {error.strerror}", code="CG107")
        return {}, [InputFailure(str(path), failed)]
    for record in read_jsonl(raw.splitlines(), "utf-8", require_text=False):
        if isinstance(record, JsonlLineError):
            failures.append(InputFailure(f"{path}:{record.key}", record))
        elif record.fields.get("file") is not None:
            table[str(record.fields["file"])] = record.fields
    return table, failures


def expand(
    paths: list[str],
    *,
    published: str | None = None,
    encoding: str | None = None,
    fetch: "FetchOptions | None" = None,
    csv_columns: "CsvColumns | None" = None,
) -> Iterator[Document | InputFailure]:
    """Documents from files, folders (their text files, with metadata.jsonl), .jsonl and .csv
    files, page URLs and feed URLs (`fetch` says how far fetching may go)."""
    for name in paths:
        path = Path(name)
        try:
            if name.lower().startswith(("http://", "https://")):
                from claimgraph.ingest.web import read_url

                yield from (outcome for _, outcome in read_url(name, fetch, published=published))
            elif path.suffix.lower() == ".csv" and path.is_file():
                from claimgraph.ingest.csv_in import read_csv

                yield from read_csv(path, csv_columns, encoding=encoding, published=published)
            elif path.is_dir():
                yield from _folder(path, published, encoding)
            elif path.suffix == ".jsonl":
                yield from _jsonl(path, published, encoding)
            elif path.suffix == ".json":
                yield from _json_array(path, published, encoding)
            else:
                yield read_document(path, published=published, encoding=encoding)
        except ClaimgraphError as error:
            yield InputFailure(name, error)


def _folder(
    folder: Path, published: str | None, encoding: str | None
) -> Iterator[Document | InputFailure]:
    metadata, bad_lines = folder_metadata(folder)
    yield from bad_lines
    articles = sorted(p for p in folder.iterdir() if p.suffix in TEXT_SUFFIXES and p.is_file())
    if not articles:
        yield InputFailure(
            str(folder),
            InputError(
                f"{str(folder)!r} has no articles",
                hint=f"a folder's articles are files ending {', '.join(sorted(TEXT_SUFFIXES))}",
                code="CG173",
            ),
        )
    for path in articles:
        meta = metadata.get(path.name, {})
        try:
            yield read_document(
                path,
                published=published,
                listed_published=meta.get("published"),
                encoding=encoding,
                url=meta.get("url"),
                outlet=meta.get("outlet"),
                title=meta.get("title"),
            )
        except ClaimgraphError as error:
            yield InputFailure(str(path), error)


def _json_array(
    path: Path, published: str | None, encoding: str | None
) -> Iterator[Document | InputFailure]:
    """A .json file: an array of {"text", ...} objects, read like JSON Lines records."""
    raw = decode(read_bytes(path), str(path), encoding)
    try:
        rows = json.loads(raw, parse_int=integer_or_digits)
    except (ValueError, RecursionError) as error:
        raise InputError(f"{str(path)!r} is not JSON ({str(error)[:120]})", code="CG110") from None
    if not isinstance(rows, list):
        raise InputError(
            f"{str(path)!r} is a JSON object, not an array of articles",
            hint='give [{"text": ...}, ...], a .jsonl file, or the article\'s .txt (whose '
            ".json beside it is read as its metadata)",
            code="CG111",
        )
    lines = (json.dumps(row) for row in rows)
    for record in read_jsonl(lines, "utf-8"):
        name = f"{path}:{record.key.replace('line', 'item')}"
        if isinstance(record, JsonlLineError):
            yield InputFailure(name, record)
        else:
            yield document_of(record, published, name=name)


def _jsonl(
    path: Path, published: str | None, encoding: str | None
) -> Iterator[Document | InputFailure]:
    for keyed in jsonl_items(path, published, encoding):
        yield keyed.item


def jsonl_items(
    path: Path, published: str | None, encoding: str | None = None
) -> Iterator[KeyedItem]:
    """Each line of a JSON Lines file as a Document or an InputFailure, with its key.

    Raises:
        InputError: an unknown encoding (CG103) or a file that cannot be opened (CG107); both
            are found before the first line is read.
    """
    codec = text_codec(encoding)
    try:
        stream = path.open("rb")  # read_jsonl decodes line by line: bad bytes fail one line
        head = stream.read(4)
        stream.seek(0)
    except OSError as error:
        raise InputError(f"cannot read {str(path)!r}: {error.strerror}", code="CG107") from None
    if encoding is None and (announced := bom_encoding(head)):
        codec = text_codec(announced)
    lines: Iterable[bytes] | Iterable[str] = stream
    if codec.startswith(("utf-16", "utf-32")):
        # A line break is more than one byte here: decode the stream, then split it.
        lines = io.TextIOWrapper(stream, encoding=codec, errors="replace", newline=None)
    with stream:
        for record in read_jsonl(lines, codec):
            if isinstance(record, JsonlLineError):
                yield KeyedItem(record.key, InputFailure(f"{path}:{record.key}", record))
                continue
            name = f"{path}:{record.key}"
            yield KeyedItem(record.key, document_of(record, published, name=name))


def text_codec(encoding: str | None) -> str:
    """The codec's name; an unknown one is refused before any line is read."""
    try:
        return codecs.lookup(encoding or "utf-8").name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", code="CG103") from None


def document_of(
    record: JsonlRecord, published: str | None, *, name: str
) -> Document | InputFailure:
    """One JSON Lines record as a Document, or the reason it cannot be one."""
    try:
        return document_from_text(
            record.text,
            published=choose_published(flag=published, record=record.published),
            url=record.url,
            outlet=record.outlet,
            title=record.title,
        )
    except ClaimgraphError as error:
        return InputFailure(name, error)
