"""Every API error is one JSON envelope with the right status: {"ok", "code", "error", "hint", "status"}."""

import pytest
from fastapi.testclient import TestClient

from api_fixtures import demo_database
from claimgraph.api import create_app

ENVELOPE = {"ok", "code", "error", "hint", "status"}


@pytest.fixture(scope="module")
def client(pipeline, tmp_path_factory):
    path = demo_database(pipeline, tmp_path_factory.getbasetemp())
    with TestClient(create_app(str(path))) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("method", "path", "params", "status", "code"),
    [
        ("GET", "/api/claims/a_0000000000000000", None, 404, "CG301"),
        ("GET", "/api/documents/d_0000000000000000", None, 404, "CG300"),
        ("GET", "/api/sources/no-such-source", None, 404, "CG302"),
        ("GET", "/api/claims", {"certainty": "sure"}, 400, "CG132"),
        ("GET", "/api/claims", {"cursor": "not-a-cursor"}, 400, "CG131"),
        ("GET", "/api/claims", {"limit": "0"}, 400, "CG130"),
        ("GET", "/api/claims", {"date_from": "last week"}, 400, "CG130"),
        ("GET", "/api/claims", {"sort": "colour"}, 400, "CG130"),
        ("GET", "/api/no-such-endpoint", None, 404, "CG310"),
        ("DELETE", "/api/claims", None, 405, "CG311"),
    ],
)
def test_api_errors_envelope(client, method, path, params, status, code):
    response = client.request(method, path, params=params)
    body = response.json()
    assert response.status_code == status
    assert set(body) == ENVELOPE
    assert body["ok"] is False
    assert (body["code"], body["status"]) == (code, status)
    assert body["error"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"text": ""}, "CG130"),
        ({"text": "   \n "}, "CG101"),
        ({}, "CG130"),
        ({"text": "x", "published": "soon"}, "CG105"),
    ],
)
def test_api_errors_bad_article(client, body, code):
    response = client.post("/api/extract", json=body)
    assert response.status_code == 400
    assert response.json()["code"] == code


def test_api_errors_unknown_page_is_html(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/documents/d_0000000000000000", None),
        ("/api/claims/a_0000000000000000", None),
        ("/api/sources/no-such-source", None),
        ("/api/clusters/c_0000000000000000", None),
        ("/api/explain", {"a": "a_0000000000000000", "b": "a_0000000000000001"}),
    ],
)
def test_api_not_found_hints_name_what_to_do_in_the_api(client, path, params):
    # An API user cannot call a Python function or run a command: the hint names an endpoint.
    body = client.get(path, params=params).json()
    assert body["status"] == 404
    assert "/api/" in body["hint"]
    assert "()" not in body["hint"]
    assert "claimgraph " not in body["hint"]
