"""Read JSON Lines of documents ({"id", "text", "published"?, ...}) one at a time."""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from claimgraph.errors import InputError


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
) -> Iterator[JsonlRecord | InputError]:
    """Yield a record per line, or an InputError for a bad line, so one bad line loses nothing else.

    Give a binary stream to have each line decoded on its own: then bytes that are not in
    `encoding` fail only their line, instead of ending the whole file.
    """
    for number, raw in enumerate(stream, start=1):
        if isinstance(raw, bytes):
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError:
                yield InputError(
                    f"line {number}: not {encoding} text",
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
            yield InputError(f"line {number}: not JSON ({error.msg})", code="CG110")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            yield InputError(
                f"line {number}: expected an object with a 'text' string", code="CG111"
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
