"""Refuse request bodies over a size limit before they are read into memory.

A declared Content-Length over the limit is answered at once; a chunked body is counted as it
arrives and refused as soon as it passes the limit (413, CG182), before any route sees it.
"""

import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from claimgraph.api.errors import envelope
from claimgraph.errors import ClaimgraphError, InputError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY = 2_000_000  # bytes: a long article in JSON is a few hundred KB
VARIABLE = "CLAIMGRAPH_MAX_BODY_BYTES"


class BodyTooLarge(ClaimgraphError):
    code = "CG182"
    status = 413


def max_body() -> int:
    raw = os.environ.get(VARIABLE, "").strip()
    if not raw:
        return MAX_BODY
    if not raw.isdigit() or len(raw) > 15 or int(raw) < 1:
        raise InputError(f"{VARIABLE}={raw[:40]!r} is not a positive number of bytes", code="CG183")
    return int(raw)


def _too_large(limit: int) -> BodyTooLarge:
    return BodyTooLarge(
        f"the request body is over the server's {limit:,}-byte limit",
        hint=f"send a shorter text, store long ones with `claimgraph ingest`, or set {VARIABLE}",
    )


class BodyLimit:
    """ASGI middleware: at most `limit` bytes of body per request."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        if scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        # Read the (chunked) body here, counting, then hand it on in one piece.
        chunks, seen = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            seen += len(chunks[-1])
            if seen > self.limit:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body"):
                break
        pending = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def replay() -> Message:
            return pending.pop() if pending else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        error = _too_large(self.limit)
        response = envelope(error.code, error.message, error.status, error.hint)
        await response(scope, receive, send)
