"""The demo corpus (examples/nk-troops) in a real SQLite file, built once per test session.

API tests and browser tests share it: `demo_database(pipeline, folder)` analyses the corpus with
the session's pipeline the first time and returns the same path afterwards. Tests that write (POST
/api/documents) use `copy_of_demo` so the shared file never changes under another test.
"""

import shutil
from pathlib import Path

from claimgraph.ingest.sources_in import InputFailure, expand
from claimgraph.records import Document
from claimgraph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "nk-troops"
_BUILT: dict[str, Path] = {}


def demo_database(pipeline, folder: Path) -> Path:
    """Path of a SQLite file holding the analysed demo corpus (resolved too, when resolve exists)."""
    if "demo" in _BUILT:
        return _BUILT["demo"]
    path = folder / "demo.db"
    documents = [item for item in expand([str(CORPUS)]) if not isinstance(item, InputFailure)]
    assert documents
    assert all(isinstance(d, Document) for d in documents)
    with open_store(str(path)) as store:
        for analysis in pipeline.analyse_many(documents):
            store.save(analysis)
        _resolve(store)
    _BUILT["demo"] = path
    return path


def copy_of_demo(pipeline, folder: Path, target: Path) -> Path:
    shutil.copyfile(demo_database(pipeline, folder), target)
    return target


def _resolve(store) -> None:
    try:
        from claimgraph.resolve import resolve
    except ImportError:
        return
    resolve(store)
