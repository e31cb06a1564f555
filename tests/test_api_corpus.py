"""Corpus-wide endpoints (overview, sources, places, times, health), OpenAPI and the page shells."""

import pytest
from fastapi.testclient import TestClient

from api_fixtures import CORPUS, demo_database
from claimgraph.api import create_app

PAGES = [
    "/",
    "/claims",
    "/documents",
    "/sources",
    "/sources/kr-nis",
    "/estimates",
    "/map",
    "/paste",
]


@pytest.fixture(scope="module")
def client(pipeline, tmp_path_factory):
    path = demo_database(pipeline, tmp_path_factory.getbasetemp())
    with TestClient(create_app(str(path))) as test_client:
        yield test_client


def test_api_overview_counts_and_timeline(client):
    body = client.get("/api/overview").json()
    assert body["counts"]["documents"] == len(list(CORPUS.glob("*.txt")))
    assert body["counts"]["claims"] == sum(day["claims"] for day in body["timeline"])
    assert sum(day["documents"] for day in body["timeline"]) == len(list(CORPUS.glob("*.txt")))
    assert sum(body["certainty"].values()) == body["counts"]["claims"]


def test_api_sources_most_cited_first_with_aliases(client):
    sources = client.get("/api/sources").json()
    assert sources[0]["claims"] >= sources[-1]["claims"]
    nis = next(source for source in sources if source["id"] == "kr-nis")
    assert "NIS" in nis["aliases"]


@pytest.mark.parametrize("name", ["kr-nis", "NIS", "south korea's spy agency"])
def test_api_source_detail_by_id_or_alias(client, name):
    body = client.get(f"/api/sources/{name}").json()
    assert body["source"]["id"] == "kr-nis"
    assert body["parent"]["id"] == "kr-government"
    assert sum(day["count"] for day in body["claims_by_day"]) == body["source"]["claims"]


@pytest.mark.parametrize("search", ["spy agency"])
def test_api_sources_search_names_and_aliases(client, search):
    found = client.get("/api/sources", params={"search": search}).json()
    assert "kr-nis" in {source["id"] for source in found}


def test_api_places_with_coordinates_and_counts(client):
    places = client.get("/api/places").json()
    kursk = [place for place in places if place["name"] == "Kursk"]
    assert kursk
    assert kursk[0]["lat"] == pytest.approx(51.7, abs=0.5)
    assert all(place["mentions"] >= place["claims"] for place in places)


def test_api_times_resolved_dates(client):
    times = client.get("/api/times").json()
    assert times
    assert all(t["mentions"] >= 1 and t["examples"] for t in times)


def test_api_health_reports_store_and_search(client):
    body = client.get("/api/health").json()
    assert body["ok"] is True
    assert body["search"] == "fts5"


def test_api_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in [
        "/api/claims",
        "/api/claims/export",
        "/api/documents",
        "/api/extract",
        "/api/estimates",
        "/api/clusters",
        "/api/places",
        "/api/times",
        "/api/sources/{source_id}",
    ]:
        assert path in paths
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize("path", PAGES)
def test_api_pages_served_with_strict_csp(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert '<script type="module"' in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/static/js/pages/claims.js",
        "/static/vendor/geo.js",
        "/static/vendor/countries-110m.json",
        "/static/css/app.css",
    ],
)
def test_api_static_files_ship_in_the_package(client, path):
    assert client.get(path).status_code == 200
