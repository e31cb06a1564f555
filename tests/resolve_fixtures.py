"""Analysed corpora (the demo corpus, the test-only Sahel and border corpora) in real stores."""

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from claimgraph.ingest.sources_in import expand
from claimgraph.records import Analysis, Document
from claimgraph.store import Store
from store_fixtures import backend_store

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "nk": ROOT / "examples" / "nk-troops",
    "sahel": ROOT / "tests" / "data" / "corpus_sahel",
    # Held out: measure resolve on them (bench/resolve_quality.py), never tune on them.
    "batken": ROOT / "tests" / "data" / "corpus_batken",
    "shoal": ROOT / "tests" / "data" / "corpus_shoal",
    "quarry": ROOT / "tests" / "data" / "corpus_quarry",
    "relay": ROOT / "tests" / "data" / "corpus_relay",
    "vale": ROOT / "tests" / "data" / "corpus_vale",
    "ember": ROOT / "tests" / "data" / "corpus_ember",
    "flint": ROOT / "tests" / "data" / "corpus_flint",
    "tide": ROOT / "tests" / "data" / "corpus_tide",
}


@functools.cache
def analyses(pipeline, corpus: str) -> tuple[Analysis, ...]:
    """Every document of the corpus, analysed once per test session, oldest first."""
    documents = [d for d in expand([str(CORPORA[corpus])]) if isinstance(d, Document)]
    found = [pipeline.analyse(document) for document in documents]
    return tuple(sorted(found, key=lambda a: a.document.published))


def file_of(corpus: str, analysis: Analysis) -> str:
    """The corpus file name of an analysed document (by its url in metadata.jsonl)."""
    import json

    for line in (CORPORA[corpus] / "metadata.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["url"] == analysis.document.url:
            return str(row["file"])
    raise KeyError(analysis.document.url)


@contextmanager
def corpus_store(backend: str, tmp_path: Path, pipeline, corpus: str) -> Iterator[Store]:
    with backend_store(backend, tmp_path) as store:
        for analysis in analyses(pipeline, corpus):
            store.save(analysis)
        yield store


@contextmanager
def reports_store(tmp_path: Path, pipeline, reports) -> Iterator[Store]:
    """A SQLite store holding reports written for a test, (outlet, published, text) each,
    resolved."""
    from claimgraph.ingest.text import document_from_text
    from claimgraph.resolve import resolve

    with backend_store("sqlite", tmp_path) as store:
        for number, (outlet, published, text) in enumerate(reports, 1):
            document = document_from_text(
                text,
                published=published,
                outlet=outlet,
                url=f"https://{outlet.lower().replace(' ', '-')}.test/{number}",
            )
            store.save(pipeline.analyse(document))
        resolve(store)
        yield store


def figure_row(cluster, value, modality, body, text, day="2026-02-04", topic=None):
    """A `resolve_figures` row as `figure_conflicts` reads it, one body's figure on one day."""
    from datetime import datetime

    row = {
        "cluster_id": cluster,
        "attribution_id": f"a-{cluster}",
        "value": value,
        "low": None,
        "high": None,
        "qualifier": "exact",
        "modality": modality,
        "text": text,
        "independence": body,
        "original_source": body,
        "published": datetime.fromisoformat(f"{day}T10:00:00+00:00"),
    }
    return row if topic is None else {**row, "topic": topic}
