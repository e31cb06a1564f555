"""Opening stores: URLs and paths, missing drivers, dead servers, newer schemas, SQLite settings."""

import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimgraph.errors import MissingExtra, StoreError
from claimgraph.store import open_store, schema
from claimgraph.store.connect import database_url
from store_fixtures import BACKENDS, backend_store, seoul_analysis


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("claimgraph.db", "sqlite:///claimgraph.db"),
        ("data/claims.db", "sqlite:///data/claims.db"),
        ("/var/lib/claimgraph.db", "sqlite:////var/lib/claimgraph.db"),
        ("sqlite:///claimgraph.db", "sqlite:///claimgraph.db"),
        (":memory:", "sqlite://"),
        ("postgresql://u@db:5432/claims", "postgresql+psycopg://u@db:5432/claims"),
        ("postgres://u@db/claims", "postgresql+psycopg://u@db/claims"),
        ("postgresql+psycopg://u@db/claims", "postgresql+psycopg://u@db/claims"),
    ],
)
def test_store_url_from_path_or_url(given, expected):
    assert database_url(given).render_as_string() == expected


@pytest.mark.parametrize("url", ["mysql://u@db/claims", "not a url://"])
def test_store_rejects_other_databases(url):
    with pytest.raises(StoreError, match="database"):
        database_url(url)


@pytest.mark.parametrize("name", ["claims.db"])
def test_store_opens_plain_path(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    with open_store(name) as store:
        assert store.save(seoul_analysis())
    assert (tmp_path / name).exists()


@pytest.mark.parametrize("url", ["postgresql://postgres@127.0.0.1:5432/test"])
def test_store_missing_psycopg_raises_missing_extra(monkeypatch, url):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # what `import psycopg` sees when absent
    with pytest.raises(MissingExtra) as caught:
        open_store(url)
    assert caught.value.hint == "pip install 'claimgraph[postgres]'"


@pytest.mark.parametrize("url", ["postgresql://postgres:secret@127.0.0.1:1/test"])
def test_store_unreachable_server_raises_store_error(url):
    with pytest.raises(StoreError, match="cannot open the database") as caught:
        open_store(url)
    assert "secret" not in str(caught.value)
    assert caught.value.code == "CG501"


@pytest.mark.parametrize("folder", ["no/such/folder"])
def test_store_unwritable_sqlite_path_raises_store_error(tmp_path, folder):
    with pytest.raises(StoreError, match="cannot open the database"):
        open_store(str(tmp_path / folder / "claims.db"))


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_refuses_newer_schema(tmp_path, backend):
    with backend_store(backend, tmp_path) as store:
        with store.engine.begin() as conn:
            conn.execute(
                schema.meta.update().where(schema.meta.c.key == "schema_version"), {"value": "99"}
            )
        with pytest.raises(StoreError, match="newer") as caught:
            type(store)(store.engine)
        assert caught.value.code == "CG502"


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_reopen_keeps_data(tmp_path, backend):
    with backend_store(backend, tmp_path) as store:
        store.save(seoul_analysis())
        reopened = type(store)(store.engine)
        assert reopened.counts() == store.counts()
        assert reopened.search_mode == store.search_mode


@pytest.mark.parametrize(
    ("pragma", "expected"), [("journal_mode", "wal"), ("foreign_keys", 1), ("busy_timeout", 30000)]
)
def test_store_sqlite_settings(tmp_path, pragma, expected):
    with open_store(str(Path(tmp_path) / "claims.db")) as store, store.engine.connect() as conn:
        assert conn.execute(sa.text(f"PRAGMA {pragma}")).scalar() == expected


@pytest.mark.parametrize("url", [":memory:"])
def test_store_in_memory_sqlite_keeps_data_between_calls(url):
    with open_store(url) as store:
        store.save(seoul_analysis())
        assert store.counts()["documents"] == 1


@pytest.mark.parametrize("content", [b"this is a text file, not a database\n" * 100])
def test_store_refuses_a_file_that_is_not_a_database(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        open_store(str(path))
    assert "not a SQLite database" in caught.value.message
