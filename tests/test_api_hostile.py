"""Hostile requests: each answer is the documented JSON envelope with a 4xx status, never a bare
500 page; a 405 names the allowed methods."""

import base64
import json

import pytest
from fastapi.testclient import TestClient

from api_fixtures import copy_of_demo, demo_database
from claimgraph.api import create_app

ENVELOPE = {"ok", "code", "error", "hint", "status"}


def _cursor(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


@pytest.fixture(scope="module")
def client(pipeline, tmp_path_factory):
    folder = tmp_path_factory.getbasetemp()
    demo_database(pipeline, folder)
    path = copy_of_demo(pipeline, folder, tmp_path_factory.mktemp("hostile") / "demo.db")
    with TestClient(create_app(str(path)), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("path", "params", "code"),
    [
        ("/api/documents", {"offset": str(10**30)}, "CG130"),
        ("/api/claims", {"cursor": _cursor(True)}, "CG131"),
        ("/api/claims", {"cursor": _cursor([10**30, "d_0", 1])}, "CG172"),
        ("/api/claims", {"cursor": _cursor(["x", "d_0", 10**30])}, "CG172"),
        ("/api/claims", {"cursor": _cursor([[[[[1]]]], "d_0", 1])}, "CG131"),
        ("/api/claims", {"cursor": _cursor({"a": [1, 2]})}, "CG131"),
    ],
)
def test_api_hostile_queries_get_the_envelope(client, path, params, code):
    response = client.get(path, params=params)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == ENVELOPE
    assert body["code"] == code


@pytest.mark.parametrize(
    ("article", "code"),
    [
        ({"published": "0001-01-01T00:00:00+14:00"}, "CG105"),
        ({"published": "9999-12-31T23:59:59-14:00"}, "CG105"),
        ({"title": "Troops\ud800"}, "CG171"),
        ({"outlet": "\udc00Wire"}, "CG171"),
    ],
)
def test_api_hostile_article_fields_get_the_envelope(client, article, code):
    body = {"text": "Officials said 40 tanks crossed the border.", **article}
    raw = json.dumps(body).encode()  # json.dumps writes a lone surrogate as \\udXXX
    response = client.post(
        "/api/documents", content=raw, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["code"] == code


@pytest.mark.parametrize("path", ["/api/claims", "/api/overview", "/"])
def test_api_hostile_trace_is_405_with_allow(client, path):
    response = client.request("TRACE", path)
    assert response.status_code == 405
    assert "GET" in response.headers["allow"]
    assert response.json()["code"] == "CG311"
