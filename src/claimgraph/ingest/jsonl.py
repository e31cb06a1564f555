"""Read JSON Lines of documents ({"id", "text", "published"?, ...}) one at a time."""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

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


def read_jsonl(
    stream: Iterable[str] | Iterable[bytes], encoding: str = "utf-8"
) -> Iterator[JsonlRecord | JsonlLineError]:
    """Yield a record per line, or an InputError for a bad line, so one bad line loses nothing else.

    Give a binary stream to have each line decoded on its own: then bytes that are not in
    `encoding` fail only their line, instead of ending the whole file.
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
            row = json.loads(line)
        except ValueError as error:
            yield JsonlLineError(
                f"line {number}: not JSON ({error.msg})", line=number, code="CG110"
            )
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            yield JsonlLineError(
                f"line {number}: expected an object with a 'text' string", line=number, code="CG111"
            )
            continue
        yield JsonlRecord(
            line=number,
            key=str(row.get("id", f"line {number}")),
            text=row["text"],
            published=_optional(row, "published"),
            url=_optional(row, "url"),
            outlet=_optional(row, "outlet"),
            title=_optional(row, "title"),
        )


def _optional(row: dict[str, object], name: str) -> str | None:
    value = row.get(name)
    return None if value is None else str(value)
