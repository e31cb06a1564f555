"""Locks that let several processes write one store at once and end as if they had run in turn.

Two kinds:
- a write transaction that takes the database's write lock when it opens (`begin_write`): on
  SQLite a transaction that reads and then writes would otherwise fail at once with "database is
  locked" when another process committed in between, instead of waiting its turn;
- the resolve lock (`resolve_lock`), held for a whole resolve run: resolution keeps the cluster
  representatives in memory, so two runs side by side would each miss the other's new clusters
  and both try to resolve the same documents.

PostgreSQL takes transaction-level advisory locks (released when the transaction or the
connection ends, so a killed process never leaves one behind). SQLite takes BEGIN IMMEDIATE
for a transaction and an OS file lock beside the database for a run (also released by the OS
when the process dies).
"""

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import Connection, Engine

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: runs are serialised within one process only
    fcntl = None  # type: ignore[assignment]

# Advisory lock keys ("cgsc" and "cgre"), paired with the schema's name: stores in different
# schemas of one database do not wait for each other.
SCHEMA_KEY = 0x6367_7363
RESOLVE_KEY = 0x6367_7265

_IN_PROCESS: dict[str, threading.Lock] = {}
_IN_PROCESS_GUARD = threading.Lock()


@contextmanager
def begin_write(engine: Engine, key: int | None = None) -> Iterator[Connection]:
    """A transaction that holds the write lock from its first statement (and `key` on PostgreSQL)."""
    with engine.begin() as conn:
        take_write_lock(conn, key)
        yield conn


def take_write_lock(conn: Connection, key: int | None = None) -> None:
    """Call first in a transaction: waits (SQLite: up to busy_timeout) for other writers."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif key is not None:
        conn.exec_driver_sql(
            "SELECT pg_advisory_xact_lock(%s, hashtext(coalesce(current_schema(), '')))", (key,)
        )


@contextmanager
def resolve_lock(engine: Engine) -> Iterator[None]:
    """Hold the store's resolve lock: a second run waits here until the first has finished."""
    with _in_process(engine):
        if engine.dialect.name == "postgresql":
            with engine.connect() as conn, conn.begin():
                take_write_lock(conn, RESOLVE_KEY)
                yield
            return
        database = engine.url.database
        if fcntl is None or database in (None, "", ":memory:"):
            yield
            return
        with _file_lock(Path(f"{database}.resolve-lock")):
            yield


@contextmanager
def _in_process(engine: Engine) -> Iterator[None]:
    """Threads of one process (the API's workers) queue here: OS file locks do not see them."""
    key = engine.url.render_as_string(hide_password=True)
    with _IN_PROCESS_GUARD:
        lock = _IN_PROCESS.setdefault(key, threading.Lock())
    with lock:
        yield


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock
