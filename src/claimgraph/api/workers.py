"""The server's analysis workers: a few processes, each with the model, and a time budget.

Why: one pipeline under one lock made a 3-word request wait behind a 100,000-character one. Here
each request takes an idle worker process (started on first use, the model loaded once in it);
a request that runs past its budget gets a clear error and its worker is killed and replaced,
so a pathological text costs one worker for `seconds`, never the server.
"""

import multiprocessing
import os
import queue
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.records import Analysis, Document
from claimgraph.settings import Settings

WORKERS = 2
SECONDS = 60.0


class AnalysisBusy(ClaimgraphError):
    """The analysis did not finish within the server's time budget, or no worker was free."""

    code = "CG180"
    status = 503


def configured(name: str, default: float) -> float:
    """A positive number from the environment (CLAIMGRAPH_API_WORKERS, ...), else the default."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not 0 < value < 1e9:
        raise InputError(f"{name}={raw[:40]!r} is not a positive number", code="CG183")
    return value


class _Worker:
    def __init__(self, context: multiprocessing.context.SpawnContext, settings: Settings) -> None:
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_serve, args=(child, settings), daemon=True, name="claimgraph-analysis"
        )
        self.process.start()
        child.close()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class AnalysisPool:
    """Analyse documents in worker processes, at most `workers` at once, each within `seconds`."""

    def __init__(
        self, settings: Settings, workers: int = WORKERS, seconds: float = SECONDS
    ) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self.seconds = seconds
        self._context = multiprocessing.get_context("spawn")  # the server has threads: no fork
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._started = 0
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()

    def analyse(self, document: Document) -> Analysis:
        """The document's analysis; raises its InputError, or AnalysisBusy past the budget."""
        worker = self._take()
        healthy = False
        try:
            worker.conn.send(document)
            if not worker.conn.poll(self.seconds):
                raise AnalysisBusy(
                    f"the analysis took longer than the server's {self.seconds:g} s budget",
                    hint="send a shorter text, or store long ones with `claimgraph ingest`",
                )
            kind, *payload = worker.conn.recv()
            healthy = True
        except (EOFError, OSError):
            raise AnalysisBusy(
                "the analysis worker stopped (out of memory?)",
                hint="send a shorter text, or store long ones with `claimgraph ingest`",
            ) from None
        finally:
            self._give_back(worker, healthy)
        if kind == "ok":
            result: Analysis = payload[0]
            return result
        code, message, hint, status = payload
        error = ClaimgraphError(message, hint=hint, code=code)
        error.status = status
        raise error

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), set()
            self._started = 0
        for worker in workers:
            worker.stop()

    def _take(self) -> _Worker:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            start = self._started < self.workers
            if start:
                self._started += 1
        if start:
            worker = _Worker(self._context, self.settings)
            with self._lock:
                self._all.add(worker)
            if worker.conn.poll(max(self.seconds, 120.0)) and worker.conn.recv() == ("ready",):
                return worker
            self._give_back(worker, healthy=False)
            raise AnalysisBusy("an analysis worker could not load the model")
        try:
            return self._idle.get(timeout=self.seconds)
        except queue.Empty:
            raise AnalysisBusy(
                f"every analysis worker stayed busy for {self.seconds:g} s",
                hint="try again in a moment",
            ) from None

    def _give_back(self, worker: _Worker, healthy: bool) -> None:
        if healthy:
            self._idle.put(worker)
            return
        worker.stop()  # killed mid-analysis: a new worker starts on the next request
        with self._lock:
            self._all.discard(worker)
            self._started -= 1


def _serve(conn: Connection, settings: Settings) -> None:
    """A worker: load the pipeline once, then answer one document at a time until closed."""
    from claimgraph.runner import pipeline

    pipe = pipeline(settings)
    conn.send(("ready",))
    while True:
        try:
            document = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", pipe.analyse(document)))
        except ClaimgraphError as error:
            conn.send(("error", error.code, error.message, error.hint, error.status))
        except Exception as error:  # a bug: still an answer, and the worker lives on
            message = f"analysis failed: {error.__class__.__name__}: {error}"
            conn.send(("error", "CG190", message, None, 500))
