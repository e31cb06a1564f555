"""Choose where extraction runs: worker processes on this machine, or a Dask cluster.

Every engine turns a stream of Documents (and input failures) into Analyses and Failures in input
order, so `ingest` writes the same rows whichever one ran.
"""

import enum
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from claimgraph.errors import InputError

if TYPE_CHECKING:  # the CLI imports EngineName at start-up: keep spaCy out of that import
    from claimgraph.ingest.sources_in import InputFailure
    from claimgraph.records import Document
    from claimgraph.runner import Outcome
    from claimgraph.settings import Settings


class EngineName(enum.StrEnum):
    local = "local"  # forked worker processes on this machine (runner.py)
    dask = "dask"  # a Dask distributed cluster (engine/dask.py)


@contextmanager
def outcomes(
    items: "Iterable[Document | InputFailure]",
    settings: "Settings",
    *,
    engine: EngineName | str = EngineName.local,
    workers: int = 0,
    scheduler: str | None = None,
) -> "Iterator[Iterator[Outcome]]":
    """The outcomes of analysing `items` on the chosen engine, in input order.

    Args:
        engine: "local" or "dask".
        workers: processes (local) or LocalCluster workers (dask without a scheduler);
            0 means one per core.
        scheduler: address of a running Dask scheduler (tcp://HOST:PORT); None starts a
            LocalCluster for the run.

    Raises:
        InputError: a scheduler address without the dask engine, or an unreachable scheduler.
        MissingExtra: the dask engine without `claimgraph[dask]` installed.
    """
    from claimgraph.runner import analyse_stream, default_workers

    workers = workers or default_workers()
    if EngineName(engine) is EngineName.local:
        if scheduler:
            raise InputError(
                "--scheduler needs --engine dask",
                hint="add --engine dask, or leave out --scheduler to run here",
                code="CG112",
            )
        yield analyse_stream(items, settings, workers)
        return
    from claimgraph.records import Document
    from claimgraph.runner import Failure

    if isinstance(items, Sequence) and not any(isinstance(i, Document) for i in items):
        # A resumed run with nothing left to analyse needs no cluster.
        yield (Failure(i.name, i.error.code, i.error.message) for i in items)  # type: ignore[union-attr]
        return
    from claimgraph.engine.dask import analyse_on_cluster, dask_client

    with dask_client(scheduler, workers) as client:
        yield analyse_on_cluster(items, settings, client)
