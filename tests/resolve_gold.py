"""Gold for the resolve quality benchmark, read from `tests/data/gold/<corpus>.json`.

The gold files are written by hand from the texts (format in `tests/data/gold/README.md`); the
scoring lives in `bench/resolve_quality.py`, loaded here so that tests and the bench share it.
`NK_GROUPS` and `SAHEL_GROUPS` keep the older shape: cluster -> [(file, words of the content)].
"""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def bench_module(name: str) -> ModuleType:
    """A script of bench/ as a module (registered, so the scripts can import each other)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


quality = bench_module("resolve_quality")


def groups(corpus: str, folder: str | None = None) -> dict[str, list[tuple[str, str]]]:
    """Gold clusters of a corpus as (file, words) lists, optionally only one folder's files."""
    gold = quality.load_gold(corpus)
    files = set(quality.corpus_files(gold)) if folder is None else None
    if folder is not None:
        files = {path.name for path in (ROOT / folder).glob("*.txt")}
    found: dict[str, list[tuple[str, str]]] = {}
    for member in gold.members:
        if member.file in files:
            found.setdefault(member.cluster, []).append((member.file, member.words))
    return found


NK_GROUPS = groups("demo", "examples/nk-troops")
SAHEL_GROUPS = groups("sahel")
