"""Turn a database URL or a file path into a SQLAlchemy engine for SQLite or PostgreSQL."""

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.pool import StaticPool

from claimgraph.errors import MissingExtra, StoreError

POSTGRES_HINT = "pip install 'claimgraph[postgres]'"
UNAVAILABLE = "CG501"  # cannot connect, or the connection broke
TOO_NEW = "CG502"  # the database was written by a newer claimgraph
REJECTED = "CG510"  # a document's records broke a constraint; nothing of it was written
BAD_URL = "CG520"
DAMAGED = "CG175"  # a SQLite file with corrupted pages (the file given is bad input)


def database_url(url_or_path: str) -> URL:
    """Parse a SQLAlchemy URL, or turn a plain file path into a SQLite URL.

    `postgresql://` and `postgres://` get the psycopg (3) driver, the one `claimgraph[postgres]`
    installs.

    Raises:
        StoreError: the URL cannot be parsed or names a database other than SQLite or PostgreSQL.
    """
    if "://" not in url_or_path:
        if url_or_path in ("", ":memory:"):
            return URL.create("sqlite")
        return URL.create("sqlite", database=str(Path(url_or_path).expanduser()))
    try:
        url = make_url(url_or_path)
    except sa.exc.ArgumentError as error:
        raise StoreError(
            "cannot parse the database URL",
            hint="use sqlite:///claimgraph.db or postgresql+psycopg://user@host/db",
            code=BAD_URL,
        ) from error
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"unsupported database {url.get_backend_name()!r}: claimgraph stores to SQLite or PostgreSQL",
            hint="use sqlite:///claimgraph.db or postgresql+psycopg://user@host/db",
            code=BAD_URL,
        )
    return url


def sqlite_file_exists(url: URL) -> bool:
    """False only for a SQLite file that is not there; any other database counts as present."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return True
    return Path(url.database).exists()


def make_engine(url: URL) -> Engine:
    """Create (but do not yet connect) an engine with claimgraph's connection settings.

    Raises:
        MissingExtra: the PostgreSQL driver is not installed.
    """
    kwargs: dict[str, Any] = {}
    if url.get_backend_name() == "postgresql":
        # Fail fast on a dead host instead of hanging for the OS's TCP timeout.
        if "connect_timeout" not in url.query:
            kwargs["connect_args"] = {"connect_timeout": 10}
        kwargs["pool_pre_ping"] = True
    elif url.database in (None, "", ":memory:"):
        # One shared connection, or every checkout would see a new, empty in-memory database.
        kwargs["poolclass"] = StaticPool
        kwargs["connect_args"] = {"check_same_thread": False}
    try:
        engine = sa.create_engine(url, **kwargs)
    except ImportError as error:
        raise MissingExtra(
            f"the {url.get_driver_name()} driver for PostgreSQL is not installed",
            hint=POSTGRES_HINT,
        ) from error
    if url.get_backend_name() == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def check_connection(engine: Engine) -> None:
    """Connect once, so a wrong host or path fails at open time with a clear message."""
    with database_errors(engine, "cannot open the database"), engine.connect() as conn:
        conn.execute(sa.select(1))


@contextmanager
def database_errors(engine: Engine, doing: str) -> Iterator[None]:
    """Turn driver errors about the connection into a StoreError that names the (password-free) URL."""
    try:
        yield
    except sa.exc.OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        safe_url = engine.url.render_as_string(hide_password=True)
        raise StoreError(
            f"{doing} at {safe_url}: {reason}",
            hint="check that the server is running, or that the file's folder exists and is writable",
            code=UNAVAILABLE,
        ) from error
    except sa.exc.DatabaseError as error:
        reason = str(error.orig or error)
        safe_url = engine.url.render_as_string(hide_password=True)
        if "not a database" in reason:
            raise StoreError(
                f"{doing} at {safe_url}: the file is not a SQLite database",
                hint="give --db a new file name or an existing claimgraph database",
                code=UNAVAILABLE,
            ) from error
        if "malformed" in reason or "corrupt" in reason:
            raise StoreError(
                f"{doing} at {safe_url}: the database file is damaged ({reason})",
                hint="restore it from a backup, or try: sqlite3 FILE '.recover' | sqlite3 NEW.db",
                code=DAMAGED,
            ) from error
        raise


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers work while a batch writes; foreign keys are off in SQLite unless asked."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 30000")
    _wal(cursor)
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _wal(cursor: Any, attempts: int = 100) -> None:
    """Switch to WAL once. The switch needs the file to itself and SQLite does not wait for it
    as it waits for other locks, so a writer opening the file while another one commits retries
    instead of failing with "database is locked"; a file already in WAL mode needs nothing."""
    if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    for attempt in range(attempts):
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == attempts - 1:
                raise
            time.sleep(0.05)
