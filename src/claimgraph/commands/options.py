"""Options every command shares, defined once so that every command reads them alike.

Nothing heavy is imported here: `claimgraph --help` loads this module.
"""

import enum
import sys
from collections.abc import Collection
from pathlib import Path
from typing import Annotated

import typer

from claimgraph.errors import InputError

FORMAT_NOT_AVAILABLE = "CG134"
OPTIONS_CLASH = "CG135"


class Format(enum.StrEnum):
    auto = "auto"
    table = "table"
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


DbOption = Annotated[
    str, typer.Option("--db", envvar="CLAIMGRAPH_DB", help="SQLite file or database URL.")
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="table in a terminal, json when piped (auto).")
]
SourceOption = Annotated[str | None, typer.Option(help="Source id, name or alias (e.g. NIS).")]
SearchOption = Annotated[
    str | None, typer.Option("--search", "-s", help="Words in the claim or its source.")
]
LimitOption = Annotated[int | None, typer.Option(min=1, help="At most this many rows.")]
CertaintyOption = Annotated[
    str | None, typer.Option(help="certain, probable, possible or unknown (comma-separated).")
]
AnonymousOption = Annotated[
    bool | None, typer.Option("--anonymous/--named", help="Only anonymous (or named) sources.")
]
AliasesOption = Annotated[
    Path | None,
    typer.Option("--aliases", help="Extra known sources (sources.v1.tsv columns).", exists=True),
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (ISO) that anchors 'on Friday'."),
]
WorkersOption = Annotated[
    int, typer.Option("--workers", "-w", min=0, help="Processes; 0 = one per core.")
]


def output_format(
    fmt: Format, allowed: Collection[Format] = tuple(Format), *, what: str = "this command"
) -> Format:
    """The format to write: `auto` is a table in a terminal and JSON when piped.

    Raises:
        InputError: a format `what` cannot be written in (CG134), so it is never ignored.
    """
    chosen = fmt
    if fmt is Format.auto:
        chosen = Format.table if sys.stdout.isatty() else Format.json
    if chosen not in allowed:
        names = ", ".join(f.value for f in allowed if f is not Format.auto)
        raise InputError(
            f"{what} cannot be written as {chosen.value}",
            hint=f"use --format {names}",
            code=FORMAT_NOT_AVAILABLE,
        )
    return chosen


def refuse_with(option: str, others: dict[str, object]) -> None:
    """Fail clearly when options that `option` cannot honour were given (CG135)."""
    given = [name for name, value in others.items() if value is not None]
    if given:
        raise InputError(
            f"{' and '.join(given)} cannot be used with {option}",
            hint=f"leave out {' and '.join(given)}, or leave out {option}",
            code=OPTIONS_CLASH,
        )
