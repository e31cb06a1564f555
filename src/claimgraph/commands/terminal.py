"""What the commands print for a person: tables, a progress bar, failure summaries.

rich is imported inside the functions, so `claimgraph --help` does not pay for it.
"""

import os
import re
import sys
from functools import cache
from typing import Any

WORD_CAP = 24  # a column is at least as wide as its longest word, up to this many characters
_WORD = re.compile(r"\S+")


@cache
def stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def table_width() -> int:
    """The terminal's width; when piped, $COLUMNS or 160."""
    if sys.stdout.isatty():
        return os.get_terminal_size().columns
    return int(os.environ.get("COLUMNS") or 160)


def print_table(
    rows: list[dict[str, str]], title: str | None = None, *, whole: tuple[str, ...] = ("id",)
) -> None:
    """Rows as a table whose columns are as wide as their content needs.

    Columns in `whole` (ids) are never wrapped; other columns are at least as wide as their
    longest word, so no word is broken. Empty columns are left out, and when the rest cannot fit
    the width, the last columns are left out too, with a note saying which.
    """
    from rich.console import Console
    from rich.table import Table

    width = table_width()
    console = Console(width=width)
    if not rows:
        console.print("(nothing found)")
        return
    columns = [c for c in rows[0] if any(str(r[c]) for r in rows) or c in whole]
    needs = {c: _min_width(c, rows, whole) for c in columns}
    left_out: list[str] = []
    while len(columns) > 1 and sum(needs[c] + 3 for c in columns) + 1 > width:
        left_out.insert(0, columns.pop())
    table = Table(title=title, show_lines=True)
    for column in columns:
        table.add_column(column, min_width=needs[column], no_wrap=column in whole, overflow="fold")
    for row in rows:
        table.add_row(*(str(row[c]) for c in columns))
    console.print(table)
    if left_out:
        console.print(f"(left out at {width} columns: {', '.join(left_out)}; see --format json)")


def _min_width(column: str, rows: list[dict[str, str]], whole: tuple[str, ...]) -> int:
    cells = [str(row[column]) for row in rows]
    if column in whole:
        return max(len(column), *(len(cell) for cell in cells))
    longest = max((len(w) for cell in cells for w in _WORD.findall(cell)), default=0)
    return max(min(len(column), WORD_CAP), min(longest, WORD_CAP))


class Progress:
    """A progress bar on stderr: count, rate and time left; silent for one input or none."""

    def __init__(self, total: int | None) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self.bar = Bar(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=stderr(),
            transient=False,
            disable=total is not None and total <= 1,
        )
        self.total = total
        self.task: Any = None

    def __enter__(self) -> "Progress":
        self.bar.start()
        self.task = self.bar.add_task("analysing", total=self.total, rate="")
        return self

    def advance(self) -> None:
        self.bar.advance(self.task)
        speed = self.bar.tasks[0].speed
        self.bar.update(self.task, rate=f"{speed:.1f} docs/s" if speed else "")

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()


def summarise_failures(failures: list[tuple[str, Any]], total: int) -> None:
    if not failures:
        return
    console = stderr()
    console.print(f"[bold red]{len(failures)} of {total} input(s) failed:[/]", soft_wrap=True)
    for name, failure in failures[:20]:
        console.print(f"  {name}: [{failure.code}] {failure.message}", markup=False, soft_wrap=True)
    if len(failures) > 20:
        console.print(f"  ... and {len(failures) - 20} more")
