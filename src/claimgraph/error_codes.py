"""The table of error codes (error_codes.tsv): what each code means and what a user can do.

The table is data, one line per code, so adding a code is one line and a merge of two branches
that add codes in their own ranges is two lines that do not touch.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("error_codes.tsv")


@dataclass(frozen=True, slots=True)
class ErrorCode:
    code: str
    module: str  # where it is raised, relative to claimgraph
    meaning: str
    hint: str


@cache
def error_codes() -> dict[str, ErrorCode]:
    """Every code by its name, in table order."""
    table: dict[str, ErrorCode] = {}
    for line in TABLE.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "code\t")):
            continue
        code, module, meaning, hint = line.split("\t")
        table[code] = ErrorCode(code, module, meaning, hint)
    return table
