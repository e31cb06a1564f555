"""Several processes writing one store at once end with what a run in turn gives: every document
stored and resolved, no crash in anyone's resolve step, the same claim clusters.

Real processes on a real SQLite file and a real PostgreSQL schema; the first writers race on a new,
empty database, so creating the tables is under test too.
"""

import multiprocessing
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimgraph.resolve import resolve
from claimgraph.store import open_store
from claimgraph.store.resolve_tables import resolve_clusters, resolve_documents
from claimgraph.store.schema import documents
from resolve_fixtures import analyses
from store_fixtures import BACKENDS, postgres_schema, postgres_unreachable

WRITERS = 4


def _writer(url: str, batch: list, start, saved=None) -> None:
    """What `claimgraph ingest` does with a batch: open (creating if new), save each, resolve.

    With `saved`, every writer waits for the others to finish saving, so that all the resolve
    steps run at the same moment.
    """
    start.wait(timeout=60)
    with open_store(url) as store:
        for analysis in batch:
            store.save(analysis)
        if saved is not None:
            saved.wait(timeout=300)
        resolve(store)


def _run_together(url: str, batches: list[list], *, resolve_together: bool) -> list[int | None]:
    context = multiprocessing.get_context("fork")
    start = context.Barrier(len(batches))
    saved = context.Barrier(len(batches)) if resolve_together else None
    processes = [
        context.Process(target=_writer, args=(url, batch, start, saved)) for batch in batches
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=300)
    return [process.exitcode for process in processes]


def _batches(pipeline) -> list[list]:
    """Round-robin over both corpora; each writer also saves one document of its neighbour's."""
    corpus = list(analyses(pipeline, "nk")) + list(analyses(pipeline, "sahel"))
    batches = [corpus[i::WRITERS] for i in range(WRITERS)]
    return [[*batch, batches[(i + 1) % WRITERS][0]] for i, batch in enumerate(batches)]


def _totals(url: str) -> dict[str, int]:
    with open_store(url) as store, store.engine.connect() as conn:

        def count(table: sa.Table) -> int:
            return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())

        return {
            "documents": count(documents),
            "resolved": count(resolve_documents),
            "clusters": count(resolve_clusters),
            "failures": len(store.failures()),
        }


@contextmanager
def _two_stores(backend: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two new, empty databases (nothing created in them yet)."""
    if backend == "sqlite":
        yield str(tmp_path / "concurrent.db"), str(tmp_path / "sequential.db")
        return
    if reason := postgres_unreachable():
        pytest.skip(reason)
    with postgres_schema() as one, postgres_schema() as other:
        yield one, other


@pytest.mark.slow
@pytest.mark.parametrize("new", [True, False], ids=["new-database", "existing-database"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_concurrent_resolves_end_like_one_sequential_run(backend, new, tmp_path, pipeline):
    """Writers save side by side (racing to create the tables when the database is new), then
    all resolve at once: the result is what one writer storing everything would get."""
    batches = _batches(pipeline)
    with _two_stores(backend, tmp_path) as (concurrent, sequential):
        if not new:
            open_store(concurrent).close()
        assert _run_together(concurrent, batches, resolve_together=True) == [0] * WRITERS
        with open_store(sequential) as store:
            for batch in batches:
                for analysis in batch:
                    store.save(analysis)
            resolve(store)
        together, in_turn = _totals(concurrent), _totals(sequential)
    assert together["failures"] == 0
    assert together["documents"] == in_turn["documents"] == together["resolved"]
    assert together["clusters"] == in_turn["clusters"] > 0


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_interleaved_writers_resolve_everything_without_a_crash(backend, tmp_path, pipeline):
    """Each writer resolves as soon as its own batch is saved, beside the others' saves and
    resolves: nobody crashes, every document is resolved once, and the clusters are those of a
    sequential run (a late document redoes a small store in publication order), as a full run
    over what they stored confirms."""
    batches = _batches(pipeline)
    with _two_stores(backend, tmp_path) as (concurrent, sequential):
        assert _run_together(concurrent, batches, resolve_together=False) == [0] * WRITERS
        together = _totals(concurrent)
        with open_store(sequential) as store:
            for batch in batches:
                for analysis in batch:
                    store.save(analysis)
            resolve(store)
        with open_store(concurrent) as store:
            resolve(store, full=True)
        recomputed, in_turn = _totals(concurrent), _totals(sequential)
    assert together["failures"] == 0
    assert together["documents"] == in_turn["documents"] == together["resolved"]
    assert together["clusters"] == recomputed["clusters"] == in_turn["clusters"] > 0
