"""Every command has help that ends with a runnable example, and a line in the README."""

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"


def commands() -> list[tuple[str, object]]:
    """(full command name, callback) for every command, sub-typers included."""
    found = [(c.name or c.callback.__name__, c.callback) for c in app.registered_commands]
    for group in app.registered_groups:
        found += [
            (f"{group.name} {c.name or c.callback.__name__}", c.callback)
            for c in group.typer_instance.registered_commands
        ]
    return found


COMMANDS = commands()
NAMES = [name for name, _ in COMMANDS]


def test_cli_docs_commands_found():
    assert {"extract", "ingest", "claims", "sources", "eval polnear"} <= set(NAMES)


@pytest.mark.parametrize(("name", "callback"), COMMANDS, ids=NAMES)
def test_cli_docs_docstring_has_example(name, callback):
    doc = callback.__doc__ or ""
    summary = doc.strip().splitlines()[0] if doc.strip() else ""
    assert summary, f"{name} has no help text"
    [example] = re.findall(r"^\s*Example: (.+)$", doc, re.MULTILINE)
    assert example.startswith(f"claimgraph {name}"), example


@pytest.mark.parametrize("name", NAMES)
def test_cli_docs_help_shows_example(name):
    result = CliRunner().invoke(app, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.stdout


@pytest.mark.parametrize("name", NAMES)
def test_cli_docs_readme_lists_command(name):
    if not README.is_file():
        pytest.skip("no README.md")
    assert f"claimgraph {name}" in README.read_text("utf-8")
