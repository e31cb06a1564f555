"""Claim identity corrections through the API: merge two clusters, split a report out; both are
stored and a full resolve follows, so these tests write to their own copy of the demo store."""

import pytest
from fastapi.testclient import TestClient

from api_fixtures import copy_of_demo
from claimgraph.api import create_app


@pytest.fixture(scope="module")
def client(pipeline, tmp_path_factory):
    pytest.importorskip("claimgraph.resolve.corrections")
    folder = tmp_path_factory.getbasetemp()
    path = copy_of_demo(pipeline, folder, tmp_path_factory.mktemp("corrections") / "fix.db")
    with TestClient(create_app(str(path))) as test_client:
        yield test_client


def _clusters(client):
    return client.get("/api/clusters", params={"limit": 1000}).json()["items"]


def test_api_merge_same_cluster_is_refused(client):
    [top] = client.get("/api/clusters", params={"limit": 1}).json()["items"]
    response = client.post("/api/clusters/merge", json={"a": top["id"], "b": top["id"]})
    assert response.status_code == 400
    assert response.json()["code"] == "CG136"


def test_api_split_a_report_that_is_not_a_member(client):
    big = [c for c in _clusters(client) if len(c["members"]) >= 2]
    other = next(c for c in _clusters(client) if c["id"] != big[0]["id"])
    stranger = other["members"][0]["attribution_id"]
    response = client.post(f"/api/clusters/{big[0]['id']}/split", json={"attribution": stranger})
    assert response.status_code == 404
    assert response.json()["code"] == "CG090"


def test_api_unknown_cluster_cannot_be_merged(client):
    response = client.post("/api/clusters/merge", json={"a": "c_0000000000000000", "b": "x"})
    assert response.status_code == 404
    assert response.json()["ok"] is False


@pytest.mark.slow
def test_api_split_then_merge_back(client):
    big = next(c for c in _clusters(client) if len(c["members"]) >= 2)
    report = big["members"][-1]["attribution_id"]
    split = client.post(f"/api/clusters/{big['id']}/split", json={"attribution": report})
    assert split.status_code == 200, split.json()
    [alone] = split.json()["clusters"]
    assert split.json()["page"] == f"/clusters/{alone}"
    own = client.get(f"/api/clusters/{alone}").json()
    assert [m["attribution_id"] for m in own["members"]] == [report]
    rest = client.get(f"/api/claims/{big['members'][0]['attribution_id']}").json()["cluster"]
    assert report not in {m["attribution_id"] for m in rest["members"]}

    merged = client.post("/api/clusters/merge", json={"a": alone, "b": rest["id"]})
    assert merged.status_code == 200, merged.json()
    [together] = merged.json()["clusters"]
    members = {
        m["attribution_id"] for m in client.get(f"/api/clusters/{together}").json()["members"]
    }
    assert report in members
    assert {m["attribution_id"] for m in rest["members"]} <= members
