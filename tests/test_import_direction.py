"""The data moves one way (ingest -> nlp -> store -> resolve -> edges): no module imports a later stage.

Imports are read with `ast`, so lazy imports inside functions count too; imports under
`if TYPE_CHECKING:` do not (they never run). An allowed back-arrow must be listed in ALLOWED with
the reason it is there.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "claimgraph"

# Each top-level module or package, by its place in the pipeline; a module may import its own
# rank or a lower one. Ranks 0-6 are stages and helpers; 7 runs the stages; 8 are the edges.
RANK = {
    "errors": 0,
    "error_codes": 0,
    "records": 0,
    "settings": 0,
    "schema": 0,  # JSON schema files only
    "ingest": 1,  # files, folders, JSON Lines, PolNeAR -> Documents
    "learn": 2,  # the trained attribution tagger: a resource the nlp stage may load
    "nlp": 3,
    "store": 4,
    "resolve": 5,
    "evaluate": 6,
    "export": 6,
    "runner": 7,
    "engine": 7,
    "commands": 8,
    "api": 8,
    "web": 8,
    "cli": 9,  # loads commands/, so commands must not import it back
    "__init__": 9,  # the public API (extract, open_store) reaches into the stages
}

# (importing module, imported module): why this back-arrow is allowed.
ALLOWED: dict[tuple[str, str], str] = {
    ("claimgraph.web.pages", "claimgraph"): "the page footer shows claimgraph.__version__",
    ("claimgraph.api.routes.corpus", "claimgraph"): "/api/health reports claimgraph.__version__",
    ("claimgraph.api.app", "claimgraph"): "the OpenAPI document carries claimgraph.__version__",
}


def _area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _runtime_imports(tree: ast.AST) -> list[tuple[str, int]]:
    """Every claimgraph import that can run, with its line; TYPE_CHECKING blocks skipped."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "claimgraph" or node.module.startswith("claimgraph."):
                found.append((node.module, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("claimgraph"):
                    found.append((alias.name, node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def back_arrows() -> list[str]:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = _module_name(path)
        for imported, line in _runtime_imports(ast.parse(path.read_text("utf-8"))):
            if (importer, imported) in ALLOWED:
                continue
            mine, theirs = _area(importer), _area(imported)
            if mine == theirs:
                continue
            if RANK[theirs] > RANK[mine]:
                wrong.append(f"{importer} (line {line}) imports later {imported}")
    return wrong


def test_import_direction_every_area_has_a_rank():
    areas = {p.stem for p in PACKAGE.glob("*.py")} | {
        p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"
    }
    assert areas - set(RANK) == set(), "give a new top-level module its rank in RANK"


def test_import_direction_no_stage_imports_a_later_one():
    assert back_arrows() == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("from claimgraph.resolve import resolve", ["claimgraph.resolve"]),
        ("def f():\n    import claimgraph.store.reader", ["claimgraph.store.reader"]),
        ("from claimgraph import errors", ["claimgraph"]),
        ("from . import sibling\nimport json", []),
    ],
)
def test_import_direction_check_sees_top_level_and_lazy_imports(code, expected):
    assert [name for name, _ in _runtime_imports(ast.parse(code))] == expected


def test_import_direction_check_skips_type_checking_blocks():
    code = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from claimgraph.store import Store\n"
    assert _runtime_imports(ast.parse(code)) == []
