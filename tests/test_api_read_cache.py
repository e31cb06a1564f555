"""Read answers are cached until the store changes, whoever changed it."""

from fastapi.testclient import TestClient

from api_fixtures import copy_of_demo, demo_database
from claimgraph.api import create_app
from claimgraph.ingest.text import document_from_text
from claimgraph.resolve import resolve
from claimgraph.store import open_store
from claimgraph.store.changes import fingerprint

ARTICLE = (
    "Ukraine's military intelligence said on Monday that 11,000 North Korean troops had arrived."
)


def test_api_read_cache_follows_writes_by_another_process(pipeline, tmp_path):
    demo_database(pipeline, tmp_path)
    path = copy_of_demo(pipeline, tmp_path, tmp_path / "cached.db")
    with TestClient(create_app(str(path))) as client:
        first = client.get("/api/overview").json()
        assert client.get("/api/overview").json() == first
        # Another writer (here: another connection, as a CLI ingest would be) adds a document.
        with open_store(str(path)) as other:
            before = fingerprint(other.engine)
            other.save(pipeline.analyse(document_from_text(ARTICLE, published="2024-11-04")))
            stored = fingerprint(other.engine)
            resolve(other)
            resolved = fingerprint(other.engine)
            resolve(other, full=True)
            again = fingerprint(other.engine)
        assert len({before, stored, resolved, again}) == 4
        after = client.get("/api/overview").json()
        assert after["counts"]["documents"] == first["counts"]["documents"] + 1
        assert after["counts"]["claims"] > first["counts"]["claims"]
