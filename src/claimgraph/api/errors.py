"""Every API error leaves as one JSON shape: `{"ok": false, "code", "error", "hint", "status"}`.

Routes just raise `ClaimgraphError`; one handler per error family turns it into the envelope
(datasette's canonical error body). Request validation and unknown paths get the same shape, so a
client never has to parse two kinds of error.
"""

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph.errors import ClaimgraphError, NotFound

INVALID_REQUEST = "CG130"  # a query parameter or body field has the wrong type or value
NO_SUCH_PATH = "CG310"  # no endpoint or page at this path
METHOD_NOT_ALLOWED = "CG311"
MAX_OFFSET = 1_000_000_000  # paging further than this is a mistake (and beyond 64-bit in SQL)
OUT_OF_RANGE = "CG172"  # a value passed validation but is out of any range the store can hold

logger = logging.getLogger("claimgraph.api")


class ErrorBody(BaseModel):
    """The one error shape of the API."""

    ok: bool = False
    code: str
    error: str
    hint: str | None = None
    status: int


@contextmanager
def api_hint(hint: str) -> Iterator[None]:
    """Give a NotFound from the library a hint that names what to do in the API."""
    try:
        yield
    except NotFound as error:
        error.hint = hint
        raise


def envelope(
    code: str,
    message: str,
    status: int,
    hint: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = ErrorBody(code=code, error=message, hint=hint, status=status)
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


# OpenAPI: the error responses every route may give, documented once.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Bad input (CG1xx)"},
    404: {"model": ErrorBody, "description": "Unknown id (CG3xx)"},
    500: {"model": ErrorBody, "description": "Store or model failure (CG4xx, CG5xx)"},
}


async def _claimgraph_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ClaimgraphError)
    return envelope(error.code, error.message, error.status, error.hint)


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem.get("loc", ()) if part != "body")
        problems.append(f"{where}: {problem.get('msg', 'invalid')}")
    return envelope(
        INVALID_REQUEST,
        "invalid request: " + "; ".join(problems),
        400,
        hint="see the parameters of this endpoint at /docs",
    )


async def _http_error(request: Request, error: Exception) -> JSONResponse | HTMLResponse:
    assert isinstance(error, StarletteHTTPException)
    if error.status_code == 404:
        if not request.url.path.startswith("/api/"):
            from claimgraph.web.pages import not_found_page

            return not_found_page(request.url.path)
        return envelope(
            NO_SUCH_PATH,
            f"no endpoint at {request.url.path}",
            404,
            hint="the endpoints are listed at /docs",
        )
    if error.status_code == 405:
        return envelope(
            METHOD_NOT_ALLOWED,
            f"{request.method} is not allowed on {request.url.path}",
            405,
            hint="the endpoints and their methods are listed at /docs",
            headers=error.headers,  # Allow: the methods this path has
        )
    code = INVALID_REQUEST if error.status_code < 500 else "CG000"
    return envelope(code, str(error.detail), error.status_code, headers=error.headers)


async def _unreadable_value(request: Request, error: Exception) -> JSONResponse:
    """Values that pass validation but no database or codec can hold: a number beyond 64 bits,
    a date that leaves the calendar when moved to UTC, a lone surrogate, absurd nesting."""
    if isinstance(error, OverflowError):
        message = "a number or date in the request is out of range"
    elif isinstance(error, UnicodeError):
        message = "the request has text that is not valid Unicode (a lone surrogate)"
    else:
        message = "the request is nested too deeply"
    return envelope(OUT_OF_RANGE, message, 400, hint="see the parameters of this endpoint at /docs")


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    """A bug: still the envelope (never a bare text page), and nothing of the internals."""
    logger.error("unexpected error on %s %s", request.method, request.url.path, exc_info=error)
    return envelope(
        "CG000",
        f"internal error ({error.__class__.__name__}) on {request.url.path}",
        500,
        hint="the server log has the details; please report it",
    )


def install(app: FastAPI) -> None:
    """Register the handlers: ClaimgraphError, request validation, and Starlette's HTTP errors."""
    app.add_exception_handler(ClaimgraphError, _claimgraph_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    for kind in (OverflowError, UnicodeError, RecursionError):
        app.add_exception_handler(kind, _unreadable_value)
    app.add_exception_handler(Exception, _unexpected)
