"""Cross-document endpoints: clusters, estimate series, contradictions, grades."""

import pytest
from fastapi.testclient import TestClient

from api_fixtures import demo_database
from claimgraph.api import create_app


@pytest.fixture(scope="module")
def client(pipeline, tmp_path_factory):
    path = demo_database(pipeline, tmp_path_factory.getbasetemp())
    with TestClient(create_app(str(path))) as test_client:
        yield test_client


def test_api_clusters_most_supported_first(client):
    page = client.get("/api/clusters", params={"limit": 20}).json()
    supports = [cluster["support"] for cluster in page["items"]]
    assert page["total"] >= len(page["items"]) > 0
    assert supports == sorted(supports, reverse=True)
    # Support counts the origins that state the claim unhedged: never more than the origins.
    assert all(0 <= item["support"] <= len(item["original_sources"]) for item in page["items"])
    assert supports[0] >= 1


def test_api_cluster_members_point_at_stored_claims(client):
    [top] = client.get("/api/clusters", params={"limit": 1}).json()["items"]
    cluster = client.get(f"/api/clusters/{top['id']}").json()
    for member in cluster["members"][:5]:
        claim = client.get(f"/api/claims/{member['attribution_id']}").json()
        assert claim["claim"]["document_id"] == member["document_id"]
        assert claim["cluster"]["id"] == top["id"]


def test_api_estimates_series_have_dated_points(client):
    series = client.get("/api/estimates").json()
    assert series
    troops = max(series, key=lambda s: len(s["points"]))
    assert all(p["first_reported"] for p in troops["points"])
    assert {p["modality"] for p in troops["points"]} - {"unknown"}


def test_api_contradictions_name_both_sides(client):
    found = client.get("/api/contradictions").json()
    assert found
    assert all(c["claim_label"] and c["by_label"] for c in found)


def test_api_grades_have_reasons(client):
    grades = client.get("/api/grades").json()
    assert grades
    assert all(g["reliability"] in "ABCDEF" and g["reasons"] for g in grades)


def test_api_explain_two_claims(client):
    [top] = client.get("/api/clusters", params={"limit": 1}).json()["items"]
    a, b = (m["attribution_id"] for m in top["members"][:2])
    body = client.get("/api/explain", params={"a": a, "b": b}).json()
    assert 0 <= body["similarity"] <= 1.0001


@pytest.mark.parametrize("kind", ["denial", "figures"])
def test_api_contradictions_kind_and_limit_are_applied(client, kind):
    everything = client.get("/api/contradictions").json()
    assert everything
    only = client.get("/api/contradictions", params={"kind": kind}).json()
    assert only == [item for item in everything if item["kind"] == kind]
    assert client.get("/api/contradictions", params={"limit": 1}).json() == everything[:1]


@pytest.mark.parametrize("params", [{"kind": "rumour"}, {"limit": 0}])
def test_api_contradictions_bad_parameters_are_refused(client, params):
    response = client.get("/api/contradictions", params=params)
    assert (response.status_code, response.json()["code"]) == (400, "CG130")


def test_api_cluster_reports_count_documents_not_quotes(client):
    page = client.get("/api/clusters", params={"limit": 200}).json()
    for item in page["items"]:
        assert item["reports"] == len({m["document_id"] for m in item["members"]})
    # the demo has a report that carries one claim twice ("X said ... Y believed ...")
    assert any(item["reports"] < len(item["members"]) for item in page["items"])
