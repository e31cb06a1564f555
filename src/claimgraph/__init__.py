"""claimgraph: who claims what, in news coverage of security stories.

The public API: `extract()` analyses one article; `open_store()` opens a database of analyses.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.records import Analysis
from claimgraph.settings import Settings

if TYPE_CHECKING:
    from claimgraph.store import Store, open_store

__version__ = "0.1.0"
__all__ = ["Analysis", "Settings", "Store", "__version__", "extract", "open_store"]


def __getattr__(name: str) -> Any:
    """`Store` and `open_store` load SQLAlchemy on first use, so `import claimgraph` stays quick
    for the command line's --help."""
    if name in ("Store", "open_store"):
        import claimgraph.store

        return getattr(claimgraph.store, name)
    raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")


def extract(
    text: str | None = None,
    *,
    path: str | Path | None = None,
    published: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Attributed claims, numbers, places, dates and sources of one article.

    Give the article as `text`, or as a file `path` (HTML is reduced to text; a sidecar
    `article.json` supplies metadata). `published` (ISO date) anchors relative dates.
    """
    from claimgraph.ingest.text import document_from_text, read_document
    from claimgraph.runner import pipeline

    if (text is None) == (path is None):
        raise TypeError("give exactly one of text= or path=")
    if path is not None:
        document = read_document(path, published=published, url=url)
    else:
        document = document_from_text(text or "", published=published, url=url)
    return pipeline(settings or Settings()).analyse(document)
