"""`GET /api/export?format=...`: the whole store, or a filter of it, streamed in any export format."""

import queue
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, StreamingResponse
from starlette.background import BackgroundTask

from claimgraph.api.deps import StoreDep
from claimgraph.api.errors import ERROR_RESPONSES
from claimgraph.api.routes.claims import FilterDep
from claimgraph.export.formats import MEDIA_TYPES, SUFFIXES, ExportFormat, export_format
from claimgraph.export.tables import ExportFilters
from claimgraph.store import Store, schema
from claimgraph.store.claim_query import conditions

router = APIRouter(prefix="/api", tags=["export"], responses=ERROR_RESPONSES)

_CHUNK = 64 * 1024


@router.get(
    "/export",
    summary="Claims (with sources, documents, clusters) as json, jsonl, csv, parquet, stix or graphml",
    response_class=StreamingResponse,
)
def export(
    store: StoreDep,
    claim_filter: FilterDep,
    fmt: Annotated[
        str, Query(alias="format", description="json, jsonl, csv, parquet, stix or graphml")
    ] = "json",
    table: Annotated[
        str, Query(description="parquet only: claims, documents, sources, clusters, contradictions")
    ] = "claims",
) -> Any:
    chosen = export_format(fmt)
    filters = _filters(store, claim_filter)
    name = f"claimgraph-export{SUFFIXES.get(chosen, '')}"
    if chosen is ExportFormat.parquet:
        return _parquet(store, table, filters)
    return StreamingResponse(
        _chunks(store, chosen, filters),
        media_type=MEDIA_TYPES[chosen],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _filters(store: Store, claim_filter: Any) -> ExportFilters:
    """The API's claim filter as a selection of attribution ids (checked now, before streaming)."""
    a, d = schema.attributions, schema.documents
    where = conditions(claim_filter, store.search_mode)
    if not where:
        return ExportFilters()
    selection = sa.select(a.c.id).select_from(a.join(d, a.c.document_id == d.c.id)).where(*where)
    return ExportFilters(selection=selection)


def _chunks(store: Store, fmt: ExportFormat, filters: ExportFilters) -> Iterator[bytes]:
    """Run the writer in a thread and hand its output over in chunks, with back-pressure; a
    client that goes away stops the writer (and frees its database connection)."""
    from claimgraph.export.formats import write_stream

    pipe: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=16)
    stopped = threading.Event()
    out = _QueueText(pipe, stopped)

    def produce() -> None:
        try:
            write_stream(store, fmt, out, filters)
            out.flush()
            out.put(None)
        except _Cancelled:
            return
        except BaseException as error:  # handed to the response, which ends the stream
            pipe.put(error)

    threading.Thread(target=produce, daemon=True).start()
    try:
        while True:
            item = pipe.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stopped.set()


class _Cancelled(Exception):
    """The response was closed before the export ended."""


class _QueueText:
    """A text stream whose writes go, UTF-8 encoded and in chunks, into a queue."""

    def __init__(self, pipe: "queue.Queue[bytes | BaseException | None]", stopped: Any) -> None:
        self.pipe = pipe
        self.stopped = stopped
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= _CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.parts:
            self.put("".join(self.parts).encode("utf-8"))
            self.parts, self.size = [], 0

    def put(self, item: bytes | None) -> None:
        while True:
            if self.stopped.is_set():
                raise _Cancelled
            try:
                self.pipe.put(item, timeout=0.5)
                return
            except queue.Full:
                continue


def _parquet(store: Store, table: str, filters: ExportFilters) -> FileResponse:
    from claimgraph.export.parquet import write_table

    folder = Path(tempfile.mkdtemp(prefix="claimgraph-export-"))
    path = folder / f"{table}.parquet"
    write_table(store, table, path, filters)

    def clean() -> None:
        path.unlink(missing_ok=True)
        folder.rmdir()

    return FileResponse(
        path,
        media_type="application/vnd.apache.parquet",
        filename=f"claimgraph-{table}.parquet",
        background=BackgroundTask(clean),
    )
