"""Documents: listing, one document as the extract contract, POST /api/extract and /api/documents."""

import json
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from api_fixtures import CORPUS, copy_of_demo, demo_database
from claimgraph.api import create_app
from claimgraph.store import open_store

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "src/claimgraph/schema/extract.v1.json").read_text(
        "utf-8"
    )
)
ARTICLE = (
    "Seoul's spy agency said on Friday that about 1,500 North Korean troops had arrived in "
    "Vladivostok, and officials believe the number could reach 12,000."
)


@pytest.fixture(scope="module")
def client(pipeline, tmp_path_factory):
    path = demo_database(pipeline, tmp_path_factory.getbasetemp())
    with TestClient(create_app(str(path))) as test_client:
        yield test_client


@pytest.fixture
def writable(pipeline, tmp_path_factory, tmp_path):
    """A client over a copy of the demo database, for tests that store documents."""
    path = copy_of_demo(pipeline, tmp_path_factory.getbasetemp(), tmp_path / "copy.db")
    with open_store(str(path)) as store, TestClient(create_app(store)) as test_client:
        yield test_client, store


def test_api_documents_list_newest_first(client):
    page = client.get("/api/documents").json()
    assert page["total"] == len(page["items"]) == len(list(CORPUS.glob("*.txt")))
    published = [item["published"] for item in page["items"]]
    assert published == sorted(published, reverse=True)


def test_api_documents_one_is_the_extract_contract(client):
    [first] = client.get("/api/documents", params={"limit": 1}).json()["items"]
    body = client.get(f"/api/documents/{first['id']}").json()
    jsonschema.validate(body, SCHEMA)
    assert body["document"]["id"] == first["id"]
    assert len(body["attributions"]) == first["claims"]


def test_api_documents_extract_returns_the_contract(client):
    response = client.post("/api/extract", json={"text": ARTICLE, "published": "2024-10-19"})
    assert response.status_code == 200
    body = response.json()
    jsonschema.validate(body, SCHEMA)
    [claim] = [a for a in body["attributions"] if a["canonical_source"] == "kr-nis"]
    assert claim["cue"]["text"] == "said"
    assert any(q["value"] == 1500 for q in body["quantities"])


def test_api_documents_extract_stores_nothing(client):
    before = client.get("/api/documents").json()["total"]
    client.post("/api/extract", json={"text": ARTICLE + " Extra sentence."})
    assert client.get("/api/documents").json()["total"] == before


def test_api_documents_ingest_stores_once(writable):
    client, store = writable
    article = {"text": ARTICLE, "published": "2024-10-19", "outlet": "Test Wire", "title": "T"}
    first = client.post("/api/documents", json=article)
    again = client.post("/api/documents", json=article)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["stored"] is True
    assert again.json()["stored"] is False
    document_id = first.json()["document_id"]
    assert first.json()["page"] == f"/documents/{document_id}"
    assert store.document(document_id).outlet == "Test Wire"
    claims = client.get("/api/claims", params={"document": document_id}).json()
    assert claims["total"] == first.json()["claims"] > 0


@pytest.mark.parametrize("markup", ["<script>window.__pwned = 1</script>"])
def test_api_documents_text_keeps_markup_as_text(client, markup):
    text = f"Officials said {markup} the troops had arrived."
    body = client.post("/api/extract", json={"text": text, "html": False}).json()
    assert markup in body["document"]["text"]


@pytest.mark.parametrize("threshold", [0.6])
def test_api_documents_ingest_keeps_the_users_resolve_threshold(writable, threshold):
    # `claimgraph resolve --threshold 0.6` is the user's choice: an API ingest must keep it.
    from typer.testing import CliRunner

    from claimgraph.cli import app
    from claimgraph.store import resolved as db

    client, store = writable
    result = CliRunner().invoke(app, ["resolve", "--db", store.url, "--threshold", str(threshold)])
    assert result.exit_code == 0, result.output
    assert f"threshold {threshold:g}" in result.output
    article = {"text": ARTICLE, "published": "2024-10-19", "title": "Threshold"}
    response = client.post("/api/documents", json=article)
    assert response.status_code == 201
    assert response.json()["resolved"] is True
    with db.reading(store.engine) as conn:
        assert float(db.get_meta(conn, "resolve_threshold")) == threshold
