"""Analysis in worker processes: a short request is not stuck behind a long one, a request past
its time budget gets a coded error and the server goes on, and oversized bodies are refused."""

import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimgraph.api import create_app

ARTICLE = (Path(__file__).resolve().parent.parent / "examples" / "article.txt").read_text("utf-8")
SHORT = {"text": "The defence ministry said 40 tanks had crossed the border on Monday."}


@pytest.mark.slow
def test_api_workers_short_request_passes_a_long_one_that_runs_out_of_time(tmp_path):
    app = create_app(str(tmp_path / "w.db"), workers=2, analysis_seconds=20)
    long_text = "\n".join([ARTICLE.strip()] * (1_000_000 // len(ARTICLE)))
    finished: dict[str, float] = {}
    answers: dict[str, object] = {}
    with TestClient(app) as client:

        def post_long() -> None:
            answers["long"] = client.post("/api/extract", json={"text": long_text})
            finished["long"] = time.monotonic()

        thread = threading.Thread(target=post_long)
        thread.start()
        time.sleep(0.5)  # the long request is in flight (or at least queued first)
        short = client.post("/api/extract", json=SHORT)
        finished["short"] = time.monotonic()
        thread.join(timeout=300)
        assert short.status_code == 200
        assert short.json()["attributions"]
        assert finished["short"] < finished["long"]
        long = answers["long"]
        assert long.status_code == 503
        assert long.json()["code"] == "CG180"
        # The worker that ran out of time was replaced: the server still analyses.
        again = client.post("/api/extract", json=SHORT)
        assert again.status_code == 200


def test_api_workers_body_over_the_limit_is_refused(tmp_path):
    with TestClient(create_app(str(tmp_path / "b.db"), max_body=1_000)) as client:
        declared = client.post("/api/extract", json={"text": "x " * 1_000})
        assert declared.status_code == 413
        assert declared.json()["code"] == "CG182"
        assert "1,000-byte" in declared.json()["error"]

        def chunks():
            yield b'{"text": "'
            for _ in range(50):
                yield b"word " * 20
            yield b'"}'

        streamed = client.post(
            "/api/extract", content=chunks(), headers={"content-type": "application/json"}
        )
        assert streamed.status_code == 413
        assert streamed.json()["code"] == "CG182"
        assert client.get("/api/health").status_code == 200
