"""Keep a built lookup table on disk, so a short command does not rebuild it every time.

The places index is packaged compressed (10 MB) and reading the 25 MB inflated copy back
costs a fraction of inflating it on every start. A file is
named by a hash of everything it was built from (the code that builds it, the data files, the
library versions), so any change to those builds a new one; nothing is ever stale.

Where: $CLAIMGRAPH_CACHE, else $XDG_CACHE_HOME/claimgraph, else ~/.cache/claimgraph.
CLAIMGRAPH_CACHE=off turns it off. A file that cannot be read or written is ignored: the table
is then built as it would be without a cache.
"""

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
ENV_VAR = "CLAIMGRAPH_CACHE"


def cache_dir() -> Path | None:
    chosen = os.environ.get(ENV_VAR)
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimgraph"


def cached(name: str, inputs: list[bytes], build: Callable[[], T]) -> T:
    """`build()`, or what an earlier `build()` from the same inputs stored on disk."""
    folder = cache_dir()
    if folder is None:
        return build()
    digest = hashlib.sha256(b"\0".join(inputs)).hexdigest()[:16]
    path = folder / f"{name}-{digest}.pickle"
    try:
        with path.open("rb") as stream:
            was_enabled = gc.isenabled()
            gc.disable()  # many small objects, no cycles: the collector only slows the load
            try:
                return pickle.load(stream)  # our own file, in the user's cache
            finally:
                if was_enabled:
                    gc.enable()
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError):
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        Path(stream.name).replace(path)  # atomic: a parallel reader sees all or nothing
    except OSError:
        pass
    return value
