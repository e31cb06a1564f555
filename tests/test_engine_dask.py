"""The Dask engine stores exactly what the single-process engine stores, resumes and skips alike."""

import dataclasses
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.engine import outcomes
from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.sources_in import InputFailure
from claimgraph.ingest.text import document_from_text
from claimgraph.records import Analysis
from claimgraph.runner import Failure
from claimgraph.settings import Settings
from claimgraph.store import open_store
from store_fixtures import postgres_schema, postgres_unreachable

pytest.importorskip("distributed", reason="the dask extra is not installed")

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "nk-troops"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client():
    """A 2-worker LocalCluster (one thread each), started once for this module."""
    from claimgraph.engine.dask import dask_client

    with dask_client(None, 2) as client:
        yield client


@contextmanager
def two_databases(backend: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two empty databases on the backend: one for each engine."""
    if backend == "sqlite":
        yield str(tmp_path / "local.db"), str(tmp_path / "dask.db")
        return
    reason = postgres_unreachable()
    if reason:
        pytest.skip(reason)
    with postgres_schema() as first, postgres_schema() as second:
        yield first, second


def ingest(*args: str) -> str:
    result = CliRunner().invoke(app, ["ingest", *args])
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def stored(db: str) -> tuple[dict[str, int], dict[str, Analysis]]:
    """Row counts, and every document's analysis rebuilt from the store (ingest time left out)."""
    with open_store(db) as store:
        ids = [row.id for row in store.documents()]
        analyses = {}
        for document_id in ids:
            analysis = store.analysis(document_id)
            document = dataclasses.replace(analysis.document, ingested_at=None)
            analyses[document_id] = dataclasses.replace(analysis, document=document)
        return store.counts(), analyses


def assert_same_store(expected_db: str, actual_db: str) -> None:
    expected_counts, expected = stored(expected_db)
    actual_counts, actual = stored(actual_db)
    assert actual_counts == expected_counts
    assert actual.keys() == expected.keys()
    for document_id, analysis in expected.items():
        assert actual[document_id] == analysis, document_id


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_engine_dask_stores_what_one_process_stores(client, backend, tmp_path):
    with two_databases(backend, tmp_path) as (local_db, dask_db):
        ingest(str(CORPUS), "--db", local_db, "--workers", "1")
        address = client.scheduler.address
        output = ingest(str(CORPUS), "--db", dask_db, "--engine", "dask", "--scheduler", address)
        assert "Stored 13 new document(s)" in output
        assert_same_store(local_db, dask_db)


def test_engine_dask_starts_a_local_cluster_without_a_scheduler(tmp_path):
    local_db, dask_db = str(tmp_path / "local.db"), str(tmp_path / "dask.db")
    files = [str(path) for path in sorted(CORPUS.glob("*.txt"))[:4]]
    ingest(*files, "--db", local_db, "--workers", "1")
    ingest(*files, "--db", dask_db, "--engine", "dask", "--workers", "2")
    assert_same_store(local_db, dask_db)


def test_engine_dask_resumes_and_changes_nothing_on_a_rerun(client, tmp_path):
    whole, resumed = str(tmp_path / "whole.db"), str(tmp_path / "resumed.db")
    address = client.scheduler.address
    ingest(str(CORPUS), "--db", whole, "--workers", "1")
    # The first five articles, with the folder's metadata (a document's id depends on its URL).
    first_five = tmp_path / "first-five"
    first_five.mkdir()
    for path in [*sorted(CORPUS.glob("*.txt"))[:5], CORPUS / "metadata.jsonl"]:
        shutil.copy(path, first_five)
    ingest(str(first_five), "--db", resumed, "--engine", "dask", "--scheduler", address)

    output = ingest(str(CORPUS), "--db", resumed, "--engine", "dask", "--scheduler", address)
    assert "Stored 8 new document(s)" in output
    assert "5 already there" in output
    assert_same_store(whole, resumed)

    output = ingest(str(CORPUS), "--db", resumed, "--engine", "dask", "--scheduler", address)
    assert "Stored 0 new document(s)" in output
    assert "13 already there" in output
    assert_same_store(whole, resumed)


def test_engine_dask_keeps_input_order_and_input_failures(client):
    from claimgraph.engine.dask import analyse_on_cluster

    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))[:5]]
    documents = [document_from_text(text) for text in texts]
    bad = InputFailure("broken.txt", InputError("not UTF-8", code="CG102"))
    items = [documents[0], bad, *documents[1:]]

    results = list(analyse_on_cluster(items, Settings(), client, batch_size=2, in_flight=1))

    assert isinstance(results[1], Failure)
    assert (results[1].name, results[1].code) == ("broken.txt", "CG102")
    analyses = [r for r in results if isinstance(r, Analysis)]
    assert [a.document.id for a in analyses] == [d.id for d in documents]


def test_engine_scheduler_needs_the_dask_engine():
    with (
        pytest.raises(InputError, match="--scheduler needs --engine dask"),
        outcomes([], Settings(), engine="local", scheduler="tcp://127.0.0.1:8786"),
    ):
        pass


def test_engine_dask_reports_an_unreachable_scheduler():
    from claimgraph.engine.dask import dask_client

    with (
        pytest.raises(ClaimgraphError, match="cannot reach the Dask scheduler") as caught,
        dask_client("tcp://127.0.0.1:9", 1, timeout="1s"),
    ):
        pass
    assert caught.value.code == "CG113"
