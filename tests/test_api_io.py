"""GET /api/export (streamed, filtered, every format) and POST /api/documents with a url."""

import io
import json

import pytest
from fastapi.testclient import TestClient

from api_fixtures import copy_of_demo, demo_database
from claimgraph.api import create_app
from claimgraph.settings import Settings
from claimgraph.store import open_store

pytest_plugins = ["tests.web_server"]


@pytest.fixture(scope="module")
def client(pipeline, tmp_path_factory):
    path = demo_database(pipeline, tmp_path_factory.getbasetemp())
    with TestClient(create_app(str(path))) as test_client:
        yield test_client


def test_api_export_jsonl_honours_filters(client):
    response = client.get("/api/export", params={"format": "jsonl", "certainty": "possible"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    claims = [json.loads(line) for line in response.text.splitlines()]
    assert claims
    assert {c["certainty"] for c in claims} == {"possible"}


def test_api_export_api_only_filters(client):
    """Filters the CLI does not have (outlet, dates) select the same claims as /api/claims."""
    everything = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    outlet = json.loads(everything[0])["outlet"]
    exported = client.get("/api/export", params={"format": "jsonl", "outlet": outlet})
    ids = [json.loads(line)["id"] for line in exported.text.splitlines()]
    listed = client.get("/api/claims", params={"outlet": outlet, "limit": 500}).json()["items"]
    assert 0 < len(ids) < len(everything)
    assert sorted(ids) == sorted(item["id"] for item in listed)


def test_api_export_stix_bundle(client):
    response = client.get("/api/export", params={"format": "stix", "source": "NIS"})
    assert response.status_code == 200
    bundle = response.json()
    assert bundle["type"] == "bundle"
    notes = [o for o in bundle["objects"] if o["type"] == "note"]
    assert notes
    assert "attachment" in response.headers["content-disposition"]


def test_api_export_graphml(client):
    import networkx as nx

    response = client.get("/api/export", params={"format": "graphml"})
    graph = nx.read_graphml(io.BytesIO(response.content))
    assert any(kind == "claim" for _, kind in graph.nodes(data="kind"))


def test_api_export_parquet_table(client):
    import pyarrow.parquet as pq

    response = client.get("/api/export", params={"format": "parquet", "table": "sources"})
    assert response.status_code == 200
    table = pq.read_table(io.BytesIO(response.content))
    assert "wikidata" in table.column_names
    assert table.num_rows > 0


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"format": "xlsx"}, "CG330"),
        ({"format": "parquet", "table": "secrets"}, "CG333"),
        ({"format": "json", "certainty": "sure"}, "CG132"),
    ],
)
def test_api_export_refusals(client, params, code):
    response = client.get("/api/export", params=params)
    assert response.status_code == 400
    assert response.json()["code"] == code


@pytest.fixture
def writable(pipeline, tmp_path_factory, tmp_path):
    path = copy_of_demo(pipeline, tmp_path_factory.getbasetemp(), tmp_path / "copy.db")
    return path


def test_api_documents_url_refused_without_allow_private(site, writable):
    with open_store(str(writable)) as store, TestClient(create_app(store)) as client:
        response = client.post("/api/documents", json={"url": site.url("/pages/news.html")})
    assert response.status_code == 400
    assert response.json()["code"] == "CG141"
    assert site.requests == []


def test_api_documents_url_fetched(site, writable):
    settings = Settings(allow_private=True)
    with (
        open_store(str(writable)) as store,
        TestClient(create_app(store, settings=settings)) as client,
    ):
        before = store.counts()["documents"]
        response = client.post("/api/documents", json={"url": site.url("/pages/amp.html")})
        assert response.status_code == 201, response.text
        document = client.get(f"/api/documents/{response.json()['document_id']}").json()
        assert store.counts()["documents"] == before + 1
    assert (
        document["document"]["url"] == "https://coastline-wire.example/news/navy-patrol-boat-seized"
    )
    assert "crew of nine" in document["document"]["text"]


def test_api_documents_needs_text_or_url(writable):
    with open_store(str(writable)) as store, TestClient(create_app(store)) as client:
        response = client.post("/api/documents", json={"title": "nothing else"})
    assert response.status_code == 400
    assert response.json()["code"] == "CG130"  # a request that does not fit the schema


def test_api_documents_url_that_fails_is_502(site, writable):
    settings = Settings(allow_private=True)
    with (
        open_store(str(writable)) as store,
        TestClient(create_app(store, settings=settings)) as client,
    ):
        response = client.post("/api/documents", json={"url": site.url("/gone.html")})
    assert response.status_code == 502
    assert response.json()["code"] == "CG144"
