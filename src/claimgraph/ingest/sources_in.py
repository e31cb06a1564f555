"""Expand what a user names on the command line (files, folders, JSON Lines) into Documents.

A bad input becomes an `InputFailure` in the stream instead of an exception, so one unreadable file
never stops a batch and is reported at the end.
"""

import codecs
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.jsonl import JsonlLineError, JsonlRecord, read_jsonl
from claimgraph.ingest.text import document_from_text, read_document
from claimgraph.records import Document

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


def folder_metadata(folder: Path) -> dict[str, dict[str, str]]:
    """`metadata.jsonl` in a folder: one {"file", "outlet", "url", "title", "published"} a line."""
    path = folder / "metadata.jsonl"
    if not path.is_file():
        return {}
    table: dict[str, dict[str, str]] = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            raise InputError(f"{path}: line {number} is not JSON", code="CG110") from None
        if isinstance(row, dict) and "file" in row:
            table[str(row["file"])] = row
    return table


def expand(
    paths: list[str], *, published: str | None = None, encoding: str | None = None
) -> Iterator[Document | InputFailure]:
    """Documents from files, folders (their text files, with metadata.jsonl) and .jsonl files."""
    for name in paths:
        path = Path(name)
        try:
            if path.is_dir():
                yield from _folder(path, published, encoding)
            elif path.suffix == ".jsonl":
                yield from _jsonl(path, published, encoding)
            else:
                yield read_document(path, published=published, encoding=encoding)
        except ClaimgraphError as error:
            yield InputFailure(name, error)


def _folder(
    folder: Path, published: str | None, encoding: str | None
) -> Iterator[Document | InputFailure]:
    metadata = folder_metadata(folder)
    for path in sorted(p for p in folder.iterdir() if p.suffix in TEXT_SUFFIXES and p.is_file()):
        meta = metadata.get(path.name, {})
        try:
            yield read_document(
                path,
                published=published or meta.get("published"),
                encoding=encoding,
                url=meta.get("url"),
                outlet=meta.get("outlet"),
                title=meta.get("title"),
            )
        except ClaimgraphError as error:
            yield InputFailure(str(path), error)


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
    except OSError as error:
        raise InputError(f"cannot read {str(path)!r}: {error.strerror}", code="CG107") from None
    with stream:
        for record in read_jsonl(stream, codec):
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
            published=record.published or published,
            url=record.url,
            outlet=record.outlet,
            title=record.title,
        )
    except ClaimgraphError as error:
        return InputFailure(name, error)
