"""Read JSON Lines of documents ({"id", "text", "published"?, ...}) one at a time."""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from claimgraph.errors import InputError


class JsonlLineError(InputError):
    """A line that is not a document; `key` ("line N") names it in per-line output.

    The arguments are positional with defaults so that the error pickles (worker processes).
    """

    def __init__(
        self, message: str, line: int = 0, code: str | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message, hint=hint, code=code)
        self.line = line
        self.key = f"line {line}"


@dataclass(frozen=True, slots=True)
class JsonlRecord:
    line: int
    key: str  # the record's own "id", or "line N"
    text: str
    published: str | None
    url: str | None
    outlet: str | None
    title: str | None
    fields: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def read_jsonl(
    stream: Iterable[str] | Iterable[bytes], encoding: str = "utf-8", *, require_text: bool = True
) -> Iterator[JsonlRecord | JsonlLineError]:
    """Yield a record per line, or an InputError for a bad line, so one bad line loses nothing else.

    Give a binary stream to have each line decoded on its own: then bytes that are not in
    `encoding` fail only their line, instead of ending the whole file. Without `require_text`
    any object is a record (its fields in `fields`), e.g. a folder's metadata line.
    """
    for number, raw in enumerate(stream, start=1):
        if isinstance(raw, bytes):
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError:
                yield JsonlLineError(
                    f"line {number}: not {encoding} text",
                    line=number,
                    hint="convert the file to UTF-8, or pass --encoding",
                    code="CG103",
                )
                continue
        else:
            line = raw
        if number == 1:
            line = line.removeprefix("\ufeff")  # a byte order mark is not part of the JSON
        if not line.strip():
            continue
        try:
            row = json.loads(line, parse_int=integer_or_digits)
        except RecursionError:
            yield JsonlLineError(
                f"line {number}: not JSON (nested too deeply)", line=number, code="CG110"
            )
            continue
        except ValueError as error:
            reason = getattr(error, "msg", None) or str(error)[:200]
            yield JsonlLineError(f"line {number}: not JSON ({reason})", line=number, code="CG110")
            continue
        text = row.get("text") if isinstance(row, dict) else None
        if not isinstance(row, dict) or (
            require_text and (not isinstance(text, str) or isinstance(text, Digits))
        ):
            yield JsonlLineError(
                f"line {number}: expected an object with a 'text' string", line=number, code="CG111"
            )
            continue
        yield JsonlRecord(
            line=number,
            key=_key(row.get("id"), number),
            text=row.get("text", ""),
            published=_optional(row, "published"),
            url=_optional(row, "url"),
            outlet=_optional(row, "outlet"),
            title=_optional(row, "title"),
            fields=row,
        )


class Digits(str):
    """An integer too long for Python to convert (over 4,300 digits), kept as its digits."""


def integer_or_digits(digits: str) -> int | str:
    """An id of thousands of digits is still an id: keep it as text instead of failing the line."""
    return int(digits) if len(digits) <= 4_000 else Digits(digits)


def _key(value: object, number: int) -> str:
    """The record's id as text (shortened when absurdly long: it names the line in messages)."""
    if value is None or isinstance(value, dict | list):
        return f"line {number}"
    key = str(value)
    return key if len(key) <= 200 else f"{key[:40]}...({len(key)} characters, line {number})"


def _optional(row: dict[str, object], name: str) -> str | None:
    value = row.get(name)
    return None if value is None else str(value)
