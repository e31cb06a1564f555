"""The web application: `create_app(store_or_url)` serves the REST API under /api and the UI.

    app = create_app("claimgraph.db")            # or create_app(open_store(...))
    uvicorn.run(app, host="127.0.0.1", port=8000)

The OpenAPI document is /openapi.json, read as a page at /docs; every error is the JSON envelope of
`claimgraph.api.errors`.
"""

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import claimgraph
from claimgraph.api import errors
from claimgraph.api.access import Access, AccessGuard
from claimgraph.api.body_limit import BodyLimit
from claimgraph.api.body_limit import max_body as max_body_bytes
from claimgraph.api.read_cache import ReadCache
from claimgraph.api.routes import claims, corpus, documents, exports, resolved
from claimgraph.api.workers import SECONDS, WORKERS, AnalysisPool, configured
from claimgraph.settings import Settings
from claimgraph.store import Store, open_store
from claimgraph.web import pages

STATIC = Path(pages.__file__).resolve().parent / "static"

DESCRIPTION = """
Who claims what, in news coverage of a security story: stored documents, attributed claims
(filter, sort, page with a cursor, export), sources with aliases and grades, places, dates,
and what resolution across documents computes (claim clusters, estimate series,
contradictions). Errors are always `{"ok": false, "code", "error", "hint", "status"}`.
"""


def create_app(
    store: Store | str,
    *,
    settings: Settings | None = None,
    workers: int | None = None,
    analysis_seconds: float | None = None,
    max_body: int | None = None,
    access: Access | None = None,
) -> FastAPI:
    """The API and UI over one store.

    Args:
        store: an open Store (the caller closes it) or a SQLite path / database URL (the app
            opens it and closes it at shutdown).
        settings: pipeline settings for `POST /api/extract` and `/api/documents`.
        workers: analysis processes (CLAIMGRAPH_API_WORKERS, default 2).
        analysis_seconds: time budget of one analysis (CLAIMGRAPH_ANALYSIS_SECONDS, default 60).
        max_body: largest request body in bytes (CLAIMGRAPH_MAX_BODY_BYTES, default 2,000,000).
        access: Host names, write token, read-only (`access_for_serving`); None checks nothing,
            for in-process use.
    """
    owned = isinstance(store, str)
    opened = open_store(store) if isinstance(store, str) else store
    pool = AnalysisPool(
        settings or Settings(),
        workers=workers or int(configured("CLAIMGRAPH_API_WORKERS", WORKERS)),
        seconds=analysis_seconds or configured("CLAIMGRAPH_ANALYSIS_SECONDS", SECONDS),
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()
        if owned:
            opened.close()

    app = FastAPI(
        lifespan=lifespan,
        title="claimgraph",
        version=claimgraph.__version__,
        description=DESCRIPTION,
        # /docs is the UI's own offline reference page over /openapi.json (web/pages.py):
        # FastAPI's Swagger page loads its scripts from a CDN.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = opened
    app.state.settings = settings or Settings()
    app.state.analysis = pool
    app.state.resolve_lock = threading.Lock()
    errors.install(app)
    _declare_errors_once(app)
    for module in (documents, claims, corpus, resolved, exports):
        app.include_router(module.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(ReadCache, store=opened)
    app.add_middleware(BodyLimit, limit=max_body or max_body_bytes())
    if access is not None:
        app.add_middleware(AccessGuard, access=access)  # outermost: checked before anything
    return app


def _declare_errors_once(app: FastAPI) -> None:
    """OpenAPI without FastAPI's default 422: invalid requests answer 400 with the envelope."""
    default = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = default()
            for methods in schema.get("paths", {}).values():
                for operation in methods.values():
                    operation.get("responses", {}).pop("422", None)
            schemas = schema.get("components", {}).get("schemas", {})
            for name in ("HTTPValidationError", "ValidationError"):
                schemas.pop(name, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
