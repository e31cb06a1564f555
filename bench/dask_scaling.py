"""Print documents/s of `ingest --engine dask` on a LocalCluster of 1 and 2 workers, and what limits it.

For each cluster size: the time to start the cluster and load the pipeline on every worker, then
(several runs, median and spread) extraction alone (analyses come back to the client and are
dropped) and extraction plus writing (the client saves each analysis in its own transaction, as
`ingest` does), beside the local engine (forked processes) with as many workers. Then the parts
of the client's work that do not grow with the cluster: how fast one process can write analyses
to the store, and the bytes and time to move one analysis back from a worker.

Uses the same corpus as bench/throughput.py (PolNeAR dev from ../shared, else generated texts).

    .venv/bin/python bench/dask_scaling.py --runs 3 [--postgres postgresql://postgres@127.0.0.1/test]
"""

import argparse
import json
import os
import pickle
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from claimgraph.records import Analysis, Document
from claimgraph.settings import Settings
from throughput import free_cores, load_corpus, load_note, words


def median_spread(values: list[float]) -> tuple[float, float]:
    median = statistics.median(values)
    return median, (max(values) - min(values)) / median if median else 0.0


def ingest_into(db: str, outcomes: Callable[[], object]) -> int:
    """Save every analysis as `ingest` does; returns how many were stored."""
    from claimgraph.store import open_store

    saved = 0
    with open_store(db) as store:
        for outcome in outcomes():  # type: ignore[attr-defined]
            if isinstance(outcome, Analysis) and store.save(outcome):
                saved += 1
    return saved


def write_rate(analyses: list[Analysis], db: str) -> float:
    """Documents/s one process writes (one transaction each) into an empty store."""
    from claimgraph.store import open_store

    with open_store(db) as store:
        start = time.perf_counter()
        for analysis in analyses:
            store.save(analysis)
        return len(analyses) / (time.perf_counter() - start)


def postgres_write_rate(analyses: list[Analysis], url: str) -> float:
    """As write_rate, into a fresh schema of the PostgreSQL server at `url`, dropped afterwards."""
    import psycopg

    admin = url.replace("postgresql+psycopg://", "postgresql://", 1)
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        driver = admin.replace("postgresql://", "postgresql+psycopg://", 1)
        return write_rate(analyses, f"{driver}?options=-csearch_path%3D{schema}")
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def measure_cluster(
    workers: int, documents: list[Document], runs: int, folder: Path
) -> dict[str, object]:
    from claimgraph.engine.dask import analyse_on_cluster, dask_client

    settings = Settings()
    start = time.perf_counter()
    with dask_client(None, workers) as client:
        list(analyse_on_cluster(documents[:2], settings, client))  # pipeline loaded, warm
        startup = time.perf_counter() - start
        extract, end_to_end, client_cpu = [], [], []
        for run in range(runs):
            begin = time.perf_counter()
            for _ in analyse_on_cluster(documents, settings, client):
                pass
            extract.append(len(documents) / (time.perf_counter() - begin))

            db = str(folder / f"dask-{workers}-{run}.db")
            begin, cpu = time.perf_counter(), time.process_time()
            saved = ingest_into(db, lambda: analyse_on_cluster(documents, settings, client))
            end_to_end.append(saved / (time.perf_counter() - begin))
            client_cpu.append((time.process_time() - cpu) / (time.perf_counter() - begin))
            print(
                f"  dask, {workers} worker(s), run {run + 1}: extraction {extract[-1]:.2f} docs/s,"
                f" with writing {end_to_end[-1]:.2f} docs/s; client+scheduler CPU"
                f" {client_cpu[-1]:.0%} of one core; load {os.getloadavg()[0]:.2f}",
                flush=True,
            )
    return {
        "startup_s": startup,
        "extract": median_spread(extract),
        "end_to_end": median_spread(end_to_end),
        "client_cpu": statistics.median(client_cpu),
    }


def measure_local(workers: int, documents: list[Document], runs: int, folder: Path) -> tuple:
    from claimgraph.runner import analyse_stream

    rates = []
    for run in range(runs):
        db = str(folder / f"local-{workers}-{run}.db")
        begin = time.perf_counter()
        saved = ingest_into(db, lambda: analyse_stream(documents, Settings(), workers))
        rates.append(saved / (time.perf_counter() - begin))
    return median_spread(rates)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--data", default=None, help="PolNeAR directory (or $CLAIMGRAPH_POLNEAR)")
    parser.add_argument("--postgres", default=None, help="also time writes to this server")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)

    from claimgraph.runner import analyse_stream

    corpus, documents = load_corpus(args.limit, args.data)
    print(f"corpus: {corpus}: {len(documents)} documents, {words(documents):,} words")
    print(f"machine: {load_note()} before the run")
    figures: dict[str, object] = {"corpus": corpus, "documents": len(documents)}
    with tempfile.TemporaryDirectory(prefix="claimgraph-dask-bench-") as tmp:
        folder = Path(tmp)
        for workers in (1, 2):
            cluster = measure_cluster(workers, documents, args.runs, folder)
            local = measure_local(workers, documents, args.runs, folder)
            figures[f"dask_{workers}"] = cluster
            figures[f"local_{workers}"] = local

        analyses = [a for a in analyse_stream(documents, Settings(), 1) if isinstance(a, Analysis)]
        sqlite_rate = write_rate(analyses, str(folder / "writes.db"))
        pg_rate = postgres_write_rate(analyses, args.postgres) if args.postgres else None
    sizes = [len(pickle.dumps(a)) for a in analyses]
    begin = time.perf_counter()
    for analysis in analyses:
        pickle.loads(pickle.dumps(analysis))
    pickling_ms = (time.perf_counter() - begin) / len(analyses) * 1000
    cores = free_cores(2)

    print()
    print(f"{'':<34}{'1 worker':>22}{'2 workers':>22}")
    for label, key in (
        ("cluster start + pipeline load (s)", "startup_s"),
        ("dask: extraction (docs/s)", "extract"),
        ("dask: extraction + write (docs/s)", "end_to_end"),
        ("client+scheduler CPU (of a core)", "client_cpu"),
    ):
        cells = []
        for workers in (1, 2):
            value = figures[f"dask_{workers}"][key]  # type: ignore[index]
            if isinstance(value, tuple):
                cells.append(f"{value[0]:.2f} ±{value[1] / 2:.0%}")
            elif key == "client_cpu":
                cells.append(f"{value:.0%}")
            else:
                cells.append(f"{value:.1f}")
        print(f"{label:<34}{cells[0]:>22}{cells[1]:>22}")
    local_cells = [
        f"{figures[f'local_{w}'][0]:.2f} ±{figures[f'local_{w}'][1] / 2:.0%}"  # type: ignore[index]
        for w in (1, 2)
    ]
    print(f"{'local engine: extraction + write':<34}{local_cells[0]:>22}{local_cells[1]:>22}")
    one = figures["dask_1"]["end_to_end"][0]  # type: ignore[index]
    two = figures["dask_2"]["end_to_end"][0]  # type: ignore[index]
    print(f"dask speed-up, 2 workers over 1: {two / one:.2f}")
    print(
        f"client side: one process writes {sqlite_rate:.0f} docs/s to SQLite"
        + (f", {pg_rate:.0f} docs/s to PostgreSQL" if pg_rate else "")
        + f"; an analysis is {statistics.median(sizes) / 1024:.0f} KiB pickled"
        f" ({pickling_ms:.1f} ms to pickle and unpickle)"
    )
    per_worker = figures["dask_1"]["extract"][0]  # type: ignore[index]
    print(
        f"one worker extracts {per_worker:.2f} docs/s, so the client's writes would saturate at"
        f" about {sqlite_rate / per_worker:.0f} workers (SQLite)"
        + (f", {pg_rate / per_worker:.0f} (PostgreSQL)" if pg_rate else "")
        + f". On this machine a parallel loop got {cores:.2f} of 2 cores just now; "
        f"{load_note()}."
    )
    figures.update(
        sqlite_write_docs_per_s=sqlite_rate,
        postgres_write_docs_per_s=pg_rate,
        analysis_kib=statistics.median(sizes) / 1024,
        free_cores=cores,
    )
    if args.json:
        print(json.dumps(figures, indent=2, default=str))
    return 0


if __name__ == "__main__":  # LocalCluster starts its workers with "spawn": keep this guard
    sys.exit(main())
