"""Cache the answers of read endpoints until the store changes.

Reading endpoints (the overview most of all: clusters, contradictions, timeline) recompute
from the database on every request, which under 20 clients took seconds. Their answers change
only when a document is stored or resolve runs, so each is kept with the store's fingerprint
(`store.changes`, one small query) and served again until the fingerprint moves. Only 200 JSON
and CSV answers are kept (exports too). One request computes a missing answer
while the others for the same URL wait for it.
"""

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.concurrency import run_in_threadpool

from claimgraph.store import Store
from claimgraph.store.changes import fingerprint

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ENTRIES = 512  # answers kept (least recently used dropped first)
LARGEST = 4_000_000  # bytes: a bigger answer is served but not kept
CACHED_TYPES = (b"application/json", b"text/csv")
# The fingerprint is read again at most this often: a write by another process shows within it,
# a write through this server at once.
RECHECK_SECONDS = 0.5
NEVER = ("/api/health",)


class ReadCache:
    """ASGI middleware: GET /api/... answers, keyed by path and query, valid for one fingerprint."""

    def __init__(self, app: ASGIApp, store: Store) -> None:
        self.app = app
        self.store = store
        self.entries: OrderedDict[tuple[str, bytes], tuple[tuple, Message, bytes]] = OrderedDict()
        self.computing: dict[tuple[str, bytes], asyncio.Lock] = {}
        self.current: tuple = ()
        self.checked = 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] != "GET" or not path.startswith("/api/") or path in NEVER:
            if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
                self.checked = 0.0  # a write may follow: read the fingerprint again next time
            await self.app(scope, receive, send)
            return
        key = (path, scope.get("query_string", b""))
        current = await self._fingerprint()
        if await self._replay(key, current, send):
            return
        lock = self.computing.setdefault(key, asyncio.Lock())
        async with lock:
            if await self._replay(key, current, send):
                return
            await self._compute(key, current, scope, receive, send)
        self.computing.pop(key, None)

    async def _fingerprint(self) -> tuple:
        now = time.monotonic()
        if now - self.checked > RECHECK_SECONDS:
            self.current = await run_in_threadpool(fingerprint, self.store.engine)
            self.checked = time.monotonic()
        return self.current

    async def _replay(self, key: tuple[str, bytes], current: tuple, send: Send) -> bool:
        found = self.entries.get(key)
        if found is None or found[0] != current:
            return False
        self.entries.move_to_end(key)
        _, start, body = found
        await send(start)
        await send({"type": "http.response.body", "body": body})
        return True

    async def _compute(
        self, key: tuple[str, bytes], current: tuple, scope: Scope, receive: Receive, send: Send
    ) -> None:
        start: Message = {}
        chunks: list[bytes] = []
        keep = True

        async def capture(message: Message) -> None:
            nonlocal keep
            if message["type"] == "http.response.start":
                start.update(message)
                headers = dict(message.get("headers", []))
                kind = headers.get(b"content-type", b"")
                keep = message["status"] == 200 and kind.startswith(CACHED_TYPES)
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                keep = sum(len(c) for c in chunks) <= LARGEST
            await send(message)

        await self.app(scope, receive, capture)
        if keep and start:
            self.entries[key] = (current, start, b"".join(chunks))
            self.entries.move_to_end(key)
            while len(self.entries) > ENTRIES:
                self.entries.popitem(last=False)
