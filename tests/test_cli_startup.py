"""The command line starts at once: importing it, or asking for --help, loads no heavy library."""

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "sqlalchemy", "numpy", "fastapi", "thinc", "pycrfsuite", "distributed")

PROBE = """
import json, sys
from claimgraph.cli import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(name for name in {heavy} if name in sys.modules)))
"""


def loaded_after(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=list(HEAVY)), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_cli_startup_import_loads_nothing_heavy():
    code = f"import sys, claimgraph.cli; print([m for m in {list(HEAVY)} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "args", [["--help"], ["claims", "--help"], ["ingest", "--help"], ["resolve", "--help"]]
)
def test_cli_startup_help_loads_nothing_heavy(args):
    assert loaded_after(*args) == []


def test_cli_startup_probe_sees_a_heavy_import():
    # The probe must be able to fail: a command that opens a store does load SQLAlchemy.
    assert "sqlalchemy" in loaded_after("claims", "--db", ":memory:", "--format", "json")
