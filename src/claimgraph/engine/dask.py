"""Extract on a Dask distributed cluster: documents go out in batches, analyses come back in order.

Each worker process loads the pipeline once: `PipelinePlugin` loads it when the worker starts (or
joins later), through the same per-process cache the local engine uses (`runner.pipeline`). A task
analyses one batch of documents with `nlp.pipe`, as the single-process engine does.

Analyses come back to the client, which writes them with `Store.save` (one transaction per
document), exactly as the local engine does. That keeps resume and idempotence (a stored document
is skipped, a re-run changes nothing) and the stored rows identical whichever engine ran, for
SQLite and PostgreSQL alike. The cost is that every analysis crosses the network once and one
process writes; docs/scaling.md has the measured write rate and when that becomes the limit.

The client keeps a bounded number of batches in flight, so a huge input streams through without
being read into memory or flooding the scheduler.
"""

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from claimgraph.errors import ClaimgraphError, InputError, MissingExtra
from claimgraph.ingest.sources_in import InputFailure
from claimgraph.records import Analysis, Document
from claimgraph.runner import Failure, Outcome, failure_of, pipeline
from claimgraph.settings import Settings

try:
    from distributed import Client, LocalCluster, WorkerPlugin
except ImportError as error:  # pragma: no cover - the dask extra is installed in development
    raise MissingExtra(
        "'--engine dask' needs extra packages: pip install 'claimgraph[dask]'",
        hint="or run with --engine local",
    ) from error

BATCH_SIZE = 8  # documents per task: enough to amortise a task's overhead (~1 ms), small enough
# that two workers get work from a short input and a lost worker costs little to redo
CONNECT_TIMEOUT = "10s"


class PipelinePlugin(WorkerPlugin):
    """Loads the claimgraph pipeline (model, lexicons, gazetteer) once in each worker process."""

    idempotent = True  # a worker that already has it (same settings) keeps it

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        pipeline(self.settings)


def plugin_name(settings: Settings) -> str:
    """One plugin per distinct settings, so a long-lived cluster loads each configuration once."""
    return "claimgraph-pipeline-" + hashlib.sha256(repr(settings).encode()).hexdigest()[:12]


@contextmanager
def dask_client(
    scheduler: str | None, workers: int, *, timeout: str = CONNECT_TIMEOUT
) -> Iterator[Client]:
    """A client of the scheduler at `scheduler`, or of a LocalCluster started for the run.

    The LocalCluster runs `workers` single-threaded worker processes (threads would share one
    interpreter lock, and the parse is CPU-bound). Its workers are started with multiprocessing
    "spawn", so a script that calls this needs an `if __name__ == "__main__":` guard.

    Raises:
        InputError: the scheduler did not answer within `timeout`.
    """
    if scheduler:
        try:
            client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError) as error:
            raise InputError(
                f"cannot reach the Dask scheduler at {scheduler!r}: {error}",
                hint="check the address (tcp://HOST:8786) and that `dask scheduler` runs there, "
                "or leave out --scheduler to start a local cluster",
                code="CG113",
            ) from None
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # Even without a dashboard the scheduler serves /health and /metrics, on 8787 by
            # default; a random port lets two runs (or a notebook's cluster) share the machine.
            scheduler_kwargs={"dashboard_address": ":0"},
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def analyse_on_cluster(
    items: Iterable[Document | InputFailure],
    settings: Settings,
    client: Client,
    *,
    batch_size: int = BATCH_SIZE,
    in_flight: int | None = None,
) -> Iterator[Outcome]:
    """Analyses (or Failures) in input order, computed on the cluster behind `client`.

    Args:
        items: documents, and input failures that pass straight through.
        batch_size: documents per task.
        in_flight: batches submitted ahead of the one being read; default twice the cluster's
            threads, so no worker waits while the client writes.

    Raises:
        ClaimgraphError: a worker could not load the pipeline (for example the model is not
            installed there); nothing has been analysed yet.
    """
    _load_on_workers(client, settings)
    limit = in_flight or max(2, 2 * sum(client.nthreads().values()))
    queue: deque[Failure | tuple[Any, list[Document]]] = deque()
    batch: list[Document] = []

    def submit() -> None:
        if batch:
            future = client.submit(analyse_batch, list(batch), settings, pure=False)
            queue.append((future, list(batch)))
            batch.clear()

    def ready() -> Iterator[Outcome]:
        """Everything at the head of the queue, once the window is full."""
        while sum(1 for entry in queue if not isinstance(entry, Failure)) >= limit:
            yield from _pop(queue)

    for item in items:
        if isinstance(item, InputFailure):
            submit()
            queue.append(Failure(item.name, item.error.code, item.error.message))
        else:
            batch.append(item)
            if len(batch) >= batch_size:
                submit()
        yield from ready()
    submit()
    while queue:
        yield from _pop(queue)


def analyse_batch(documents: list[Document], settings: Settings) -> list[Outcome]:
    """Runs on a worker: one batch through the worker's pipeline, failures kept per document."""
    results = pipeline(settings).analyse_many(documents, errors="yield")
    return [r if isinstance(r, Analysis) else failure_of(*r) for r in results]


def _pop(queue: deque[Failure | tuple[Any, list[Document]]]) -> Iterator[Outcome]:
    entry = queue.popleft()
    if isinstance(entry, Failure):
        yield entry
        return
    future, documents = entry
    try:
        yield from future.result()
    except Exception as error:  # a worker died on this batch (KilledWorker) or the task broke
        lost = InputError(
            f"the cluster lost this batch: {type(error).__name__}: {error}", code="CG191"
        )
        for document in documents:
            yield failure_of(document, lost)
    finally:
        future.release()


def _load_on_workers(client: Client, settings: Settings) -> None:
    try:
        client.register_plugin(PipelinePlugin(settings), name=plugin_name(settings))
    except ClaimgraphError:
        raise
    except Exception as error:
        raise ClaimgraphError(
            f"a Dask worker could not load the claimgraph pipeline: {error}",
            hint="every worker needs claimgraph and its model installed: "
            "pip install 'claimgraph[dask]' and the model pin (docs/scaling.md)",
        ) from error
