"""Host header checked against the bound names, a token for writes off loopback, read-only."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimgraph.api import create_app
from claimgraph.api.access import (
    TOKEN_VARIABLE,
    Access,
    AccessError,
    access_for_serving,
    bound_names,
    host_of,
)

TOKEN = "s3cret-token-for-tests-only"


@pytest.fixture(autouse=True)
def _no_token_in_environment(monkeypatch):
    monkeypatch.delenv(TOKEN_VARIABLE, raising=False)
    monkeypatch.delenv("CLAIMGRAPH_TOKEN_FILE", raising=False)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10", "example.org"])
def test_api_access_network_host_without_token_refuses(host):
    with pytest.raises(AccessError) as caught:
        access_for_serving(host)
    assert caught.value.code == "CG600"
    assert TOKEN_VARIABLE in (caught.value.hint or "")


def test_api_access_loopback_needs_no_token_and_token_comes_from_env_or_file(tmp_path, monkeypatch):
    assert access_for_serving("127.0.0.1").token is None
    assert access_for_serving("0.0.0.0", read_only=True).read_only
    monkeypatch.setenv(TOKEN_VARIABLE, TOKEN)
    assert access_for_serving("0.0.0.0").token == TOKEN
    monkeypatch.delenv(TOKEN_VARIABLE)
    (tmp_path / "token").write_text(TOKEN + "\n", "utf-8")
    assert access_for_serving("0.0.0.0", token_file=tmp_path / "token").token == TOKEN


@pytest.mark.parametrize("token", ["short", "x" * 15])
def test_api_access_weak_or_unreadable_token_refuses(tmp_path, monkeypatch, token):
    monkeypatch.setenv(TOKEN_VARIABLE, token)
    with pytest.raises(AccessError) as caught:
        access_for_serving("0.0.0.0")
    assert caught.value.code == "CG601"
    with pytest.raises(AccessError) as caught:
        access_for_serving("0.0.0.0", token_file=tmp_path / "missing")
    assert caught.value.code == "CG601"


def test_api_access_serve_on_all_interfaces_without_token_does_not_start(tmp_path):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_TOKEN")}
    command = [str(Path(sys.executable).with_name("claimgraph")), "serve", "--host", "0.0.0.0"]
    done = subprocess.run(
        [*command, "--port", "0", "--db", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert done.returncode == 1
    assert "CG600" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("header", "name"),
    [("127.0.0.1:8000", "127.0.0.1"), ("[::1]:8000", "::1"), ("Example.org", "example.org")],
)
def test_api_access_host_of(header, name):
    assert host_of(header) == name


def test_api_access_host_header_must_be_a_bound_name(tmp_path):
    access = Access(hosts=bound_names("127.0.0.1"))
    with TestClient(create_app(str(tmp_path / "h.db"), access=access)) as client:
        for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000"):
            assert client.get("/api/health", headers={"host": host}).status_code == 200
        for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", ""):
            response = client.get("/api/overview", headers={"host": host})
            assert response.status_code == 400
            assert response.json()["code"] == "CG602"
        page = client.get("/", headers={"host": "rebound.example"})
        assert page.status_code == 400


def test_api_access_writes_need_the_token(tmp_path):
    access = Access(hosts=None, token=TOKEN)
    with TestClient(create_app(str(tmp_path / "t.db"), access=access)) as client:
        # An empty body is invalid: 400 shows the request got past the guard, 401 that it did not.
        missing = client.post("/api/documents", json={})
        assert missing.status_code == 401
        assert missing.json()["code"] == "CG603"
        assert missing.headers["www-authenticate"] == "Bearer"
        wrong = client.post("/api/documents", json={}, headers={"authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = client.post("/api/documents", json={}, headers={"authorization": f"Bearer {TOKEN}"})
        assert right.status_code == 400
        assert client.get("/api/documents").status_code == 200


def test_api_access_read_only_refuses_writes(tmp_path):
    access = Access(hosts=None, read_only=True)
    with TestClient(create_app(str(tmp_path / "r.db"), access=access)) as client:
        refused = client.post("/api/documents", json={"text": "Officials said so."})
        assert refused.status_code == 403
        assert refused.json()["code"] == "CG604"
        assert client.get("/api/documents").status_code == 200
