"""One table of error codes: every code raised in src/ is in it exactly once, with a hint."""

import re
from pathlib import Path

import pytest

from claimgraph import errors
from claimgraph.error_codes import TABLE, error_codes

SRC = Path(__file__).resolve().parents[1] / "src" / "claimgraph"
CODE = re.compile(r"[\"'](CG\d{3})[\"']")


def codes_in_source() -> dict[str, set[str]]:
    """Code -> the modules whose Python source names it."""
    found: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        module = ".".join(path.relative_to(SRC).with_suffix("").parts)
        for code in CODE.findall(path.read_text("utf-8")):
            found.setdefault(code, set()).add(module)
    return found


def table_codes() -> list[str]:
    lines = TABLE.read_text("utf-8").splitlines()
    return [line.split("\t")[0] for line in lines if line[:2] == "CG"]


def test_error_codes_every_raised_code_is_in_the_table():
    missing = sorted(set(codes_in_source()) - set(error_codes()))
    assert missing == [], f"add a line to {TABLE.name} for each of these"


def test_error_codes_each_code_once_and_sorted():
    codes = table_codes()
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes)


def test_error_codes_every_row_is_complete():
    for row in error_codes().values():
        assert re.fullmatch(r"CG\d{3}", row.code)
        assert row.meaning, row.code
        assert row.hint, row.code
        first = row.module.split(".")[0]
        assert (SRC / f"{first}.py").exists() or (SRC / first).is_dir(), row.code


def test_error_codes_every_row_is_used():
    # A code nobody raises any more is a stale row: remove it with the code.
    unused = sorted(set(error_codes()) - set(codes_in_source()))
    assert unused == []


@pytest.mark.parametrize(
    "family",
    [
        errors.ClaimgraphError,
        errors.InputError,
        errors.OffsetError,
        errors.FetchError,
        errors.NotFound,
        errors.ModelError,
        errors.StoreError,
        errors.MissingExtra,
    ],
)
def test_error_codes_every_family_default_is_in_the_table(family):
    assert family.code in error_codes()


def test_error_codes_cg130_means_one_thing():
    assert codes_in_source()["CG130"] == {"api.errors"}
