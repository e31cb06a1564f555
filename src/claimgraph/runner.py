"""Run extraction over many documents: in order, on every core, with failures kept, not fatal.

Workers are forked after the pipeline is loaded, so each process shares the parsed model pages
copy-on-write instead of loading it again; results come back in input order.
"""

import itertools
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.sources_in import InputFailure, expand, jsonl_items
from claimgraph.records import Analysis, Document
from claimgraph.settings import Settings

if TYPE_CHECKING:  # spaCy loads only when a document is analysed (runner.pipeline)
    from claimgraph.nlp.pipeline import Pipeline
    from claimgraph.store import Store

_PIPELINE: "Pipeline | None" = None
_LOADING = threading.Lock()  # a Dask worker may run several threads; load the model once


@dataclass(frozen=True, slots=True)
class Failure:
    """A document or input that could not be analysed, with the reason."""

    name: str
    code: str
    message: str
    document_id: str | None = None


Outcome = Analysis | Failure


def default_workers() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


def pipeline(settings: Settings) -> "Pipeline":
    """The process's one pipeline (model and lexicons loaded once)."""
    from claimgraph.nlp.pipeline import Pipeline

    global _PIPELINE
    with _LOADING:
        if _PIPELINE is None or _PIPELINE.settings != settings:
            _PIPELINE = Pipeline(settings)
        return _PIPELINE


def analyse_stream(
    items: Iterable[Document | InputFailure], settings: Settings, workers: int = 1
) -> Iterator[Outcome]:
    """Analyses (or Failures) in input order; input failures pass straight through."""
    if workers <= 1:
        yield from _serial(items, pipeline(settings))
        return
    pipeline(settings)  # load before forking so workers share it
    context = multiprocessing.get_context("fork")
    in_flight: deque[AsyncResult[Outcome]] = deque()
    with context.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        # Bounded look-ahead: a huge input streams through without being read into memory.
        for item in items:
            in_flight.append(pool.apply_async(_analyse_one, (item,)))
            if len(in_flight) >= workers * 4:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()


def _serial(items: Iterable[Document | InputFailure], pipe: "Pipeline | None") -> Iterator[Outcome]:
    """Outcomes in order, documents analysed in batches; `pipe` may be None for input failures
    only."""
    pending: list[Document] = []

    def flush() -> Iterator[Outcome]:
        if not pending:
            return
        assert pipe is not None, "documents need a pipeline"
        for result in pipe.analyse_many(pending, errors="yield"):
            yield result if isinstance(result, Analysis) else failure_of(*result)
        pending.clear()

    for item in items:
        if isinstance(item, InputFailure):
            yield from flush()
            yield Failure(item.name, item.error.code, item.error.message)
        else:
            pending.append(item)
            if pipe is not None and len(pending) >= pipe.settings.batch_size:
                yield from flush()
    yield from flush()


def _init_worker(settings: Settings) -> None:
    pipeline(settings)


def _analyse_one(item: Document | InputFailure) -> Outcome:
    if isinstance(item, InputFailure):
        return Failure(item.name, item.error.code, item.error.message)
    assert _PIPELINE is not None
    try:
        return _PIPELINE.analyse(item)
    except Exception as error:
        return failure_of(item, error)


def failure_of(document: Document, error: Exception) -> Failure:
    """The Failure record of a document whose analysis raised `error` (CG190 for a bug)."""
    if isinstance(error, ClaimgraphError):
        return Failure(document.url or document.id, error.code, error.message, document.id)
    wrapped = InputError(f"analysis failed: {error.__class__.__name__}: {error}", code="CG190")
    return Failure(document.url or document.id, wrapped.code, wrapped.message, document.id)


# -- the loops the CLI and the API share ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeyedOutcome:
    """The outcome of one JSON Lines input, under the key the input gave it."""

    key: str
    outcome: Outcome


def analyse_jsonl(
    path: Path,
    settings: Settings,
    *,
    published: str | None = None,
    encoding: str | None = None,
    workers: int = 1,
) -> Iterator[KeyedOutcome]:
    """One outcome per line of a JSON Lines file, in order, each with its line's key.

    Raises:
        InputError: an unknown encoding or an unreadable file, before anything is analysed.
    """
    lines = jsonl_items(path, published, encoding)
    first = next(lines, None)  # opens the file now, so a bad path fails before any output
    keys: deque[str] = deque()

    def items() -> Iterator[Document | InputFailure]:
        for keyed in itertools.chain([first] if first is not None else [], lines):
            keys.append(keyed.key)
            yield keyed.item

    # Outcomes come back in input order, one per item, so the keys line up with a queue.
    return (
        KeyedOutcome(keys.popleft(), outcome)
        for outcome in analyse_stream(items(), settings, workers)
    )


@dataclass(frozen=True, slots=True)
class IngestPlan:
    """What an ingest run will analyse, after skipping the documents already stored."""

    todo: list[Document | InputFailure]
    already_stored: int


@dataclass(frozen=True, slots=True)
class IngestReport:
    saved: int
    already_stored: int
    failures: tuple[Failure, ...]
    analysed: int

    @property
    def nothing_done(self) -> bool:
        """No document is in the store from this run's inputs, and some input failed (or there
        was none): the only case a run should exit non-zero, as bad inputs never cost good ones."""
        return self.saved + self.already_stored == 0 and (bool(self.failures) or not self.analysed)


def plan_ingest(
    paths: list[str],
    store: "Store",
    *,
    published: str | None = None,
    encoding: str | None = None,
    fetch: Any = None,
    csv_columns: Any = None,
) -> IngestPlan:
    """Expand the inputs and drop the documents the store already has, so a re-run resumes.

    Args:
        fetch: `ingest.fetch.FetchOptions` for URLs; csv_columns: `ingest.csv_in.CsvColumns`.
    """
    items = list(
        expand(paths, published=published, encoding=encoding, fetch=fetch, csv_columns=csv_columns)
    )
    done = store.stored_ids([item.id for item in items if isinstance(item, Document)])
    todo = [item for item in items if not (isinstance(item, Document) and item.id in done)]
    return IngestPlan(todo, len(done))


def run_ingest(
    plan: IngestPlan,
    store: "Store",
    settings: Settings,
    *,
    engine: str = "local",
    workers: int = 0,
    scheduler: str | None = None,
    advance: Callable[[], Any] | None = None,
) -> IngestReport:
    """Analyse the plan's inputs, store each analysis and record each failure in the store."""
    from claimgraph.engine import outcomes

    saved = 0
    failures: list[Failure] = []
    if not any(isinstance(item, Document) for item in plan.todo):
        # Nothing new to analyse (a re-run): do not load the model or start workers for it.
        stream_of = nullcontext(_serial(plan.todo, None))
    else:
        stream_of = outcomes(
            plan.todo, settings, engine=engine, workers=workers, scheduler=scheduler
        )
    with stream_of as stream:
        for outcome in stream:
            if isinstance(outcome, Failure):
                failures.append(outcome)
                store.record_failure(
                    ClaimgraphError(outcome.message, code=outcome.code),
                    document_id=outcome.document_id,
                    input_name=outcome.name,
                )
            elif store.save(outcome):
                saved += 1
            if advance is not None:
                advance()
            del outcome
    return IngestReport(saved, plan.already_stored, tuple(failures), len(plan.todo))


def ingest_document(
    document: Document, store: "Store", pipe: "Pipeline", lock: Any
) -> tuple[Analysis, bool]:
    """Analyse one document and store it; the API's POST uses this. Returns (analysis, stored).

    `lock` serialises use of the shared pipeline between threads.
    """
    with lock:
        analysis = pipe.analyse(document)
    return analysis, store.save(analysis)
