"""Resolve is incremental: a new document is resolved alone, cluster ids never change, and
adding the newest document gives the same clusters as resolving everything again."""

import pytest

from claimgraph.resolve import read, resolve
from resolve_fixtures import analyses, corpus_store
from store_fixtures import BACKENDS, backend_store


def _partition(store) -> set[frozenset[str]]:
    return {frozenset(m.attribution_id for m in c.members) for c in read.clusters(store)}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("corpus", ["nk", "sahel"])
def test_resolve_adds_one_document_without_recomputing(backend, tmp_path, pipeline, corpus):
    *earlier, newest = analyses(pipeline, corpus)
    with backend_store(backend, tmp_path) as store:
        for analysis in earlier:
            store.save(analysis)
        first = resolve(store)
        before = {c.id for c in read.clusters(store)}
        store.save(newest)
        second = resolve(store)
        after = {c.id for c in read.clusters(store)}
        incremental = _partition(store)
        again = resolve(store)
        full = resolve(store, full=True)
        assert _partition(store) == incremental
    assert first.documents == len(earlier)
    assert second.documents == 1
    assert second.document_ids == (newest.document.id,)
    assert before <= after
    assert again.documents == 0
    assert full.documents == len(earlier) + 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_resolve_cluster_of_and_explain(backend, tmp_path, pipeline):
    with corpus_store(backend, tmp_path, pipeline, "nk") as store:
        resolve(store)
        cluster = max(read.clusters(store), key=lambda c: len(c.members))
        a, b = cluster.members[0].attribution_id, cluster.members[1].attribution_id
        assert read.cluster_of(store, a).id == cluster.id
        match = read.explain(store, a, b)
        assert match.agreeing
        assert read.cluster_of(store, "no-such-attribution") is None


@pytest.mark.parametrize("backend", BACKENDS)
def test_resolve_late_document_gives_the_clusters_of_publication_order(backend, tmp_path, pipeline):
    """A document older than ones already resolved (a slow feed, a second writer) is placed in
    publication order: a small store is redone from the start; above the limit it is reported."""
    from claimgraph.resolve.settings import ResolveSettings

    oldest, *newer = analyses(pipeline, "sahel")
    with backend_store(backend, tmp_path) as store:
        for analysis in newer:
            store.save(analysis)
        resolve(store)
        store.save(oldest)
        report = resolve(store)
        arrived = _partition(store)
        resolve(store, full=True)
        in_order = _partition(store)
    assert report.full
    assert report.late == 0
    assert report.order_note is None
    assert arrived == in_order
    (tmp_path / "big").mkdir()
    with backend_store(backend, tmp_path / "big") as store:
        for analysis in newer:
            store.save(analysis)
        resolve(store)
        store.save(oldest)
        report = resolve(store, settings=ResolveSettings(rewind_limit=0))
    assert not report.full
    assert report.late == 1
    assert report.document_ids == (oldest.document.id,)
    assert "resolve --full" in report.order_note


def test_resolve_order_is_by_time_not_by_the_stored_text(tmp_path):
    """'2024-10-19T01:00+10:00' is 15:00 UTC on the 18th, before '2024-10-18T20:15+03:00'
    (17:15 UTC), though its text sorts after it."""
    import dataclasses
    from datetime import datetime

    from claimgraph.store import resolved as db
    from store_fixtures import seoul_analysis

    stamps = {
        "d_0000000000000001": "2024-10-18T20:15:00+03:00",
        "d_0000000000000002": "2024-10-19T01:00:00+10:00",
        "d_0000000000000003": None,
    }
    with backend_store("sqlite", tmp_path) as store:
        for document_id, stamp in stamps.items():
            analysis = seoul_analysis()
            document = dataclasses.replace(
                analysis.document,
                id=document_id,
                url=f"https://example.test/{document_id}",
                published=datetime.fromisoformat(stamp) if stamp else None,
            )
            store.save(dataclasses.replace(analysis, document=document, attributions=()))
        with db.reading(store.engine) as conn:
            order = db.unresolved_documents(conn)
    assert order == ["d_0000000000000002", "d_0000000000000001", "d_0000000000000003"]
