"""The watch loop's polls: new items once, then what they changed (claims, contradictions, figures)."""

import pytest

from claimgraph.commands.resolve import run_resolve
from claimgraph.errors import InputError
from claimgraph.ingest.fetch import FetchOptions
from claimgraph.resolve import read
from claimgraph.watch import parse_every, poll, watch

pytest_plugins = ["tests.web_server"]

LOCAL = FetchOptions(allow_private=True, backoff=0.01)


@pytest.fixture
def store(tmp_path):
    from claimgraph.store import open_store

    with open_store(str(tmp_path / "watch.db")) as opened:
        yield opened


def test_watch_reports_revised_figure_and_denial(site, store, pipeline):
    feed = site.url("/feeds/live.xml")
    site.live_items = [("first", "figures-1.html")]
    first = poll(store, [feed], pipeline.analyse, run_resolve, LOCAL)
    assert len(first.stored) == 1
    assert any("1,500" in claim.content_text for claim in first.claims)
    assert (first.contradictions, first.revisions) == ((), ())
    site.live_items.append(("second", "figures-2.html"))
    second = poll(store, [feed], pipeline.analyse, run_resolve, LOCAL, number=2)
    assert len(second.stored) == 1
    assert all(claim.document_id == second.stored[0] for claim in second.claims)
    [revision] = second.revisions
    assert (revision.before_value, revision.after_value) == (1500, 3000)
    assert "troops" in revision.topic
    assert "|" not in revision.topic
    # The foreign ministry's denial hits both arrival figures, and nothing else is reported.
    assert {c["kind"] for c in second.contradictions} == {"denial"}
    denied = " | ".join(
        member.content_text
        for c in second.contradictions
        for member in read.cluster(store, c["claim"]).members
    )
    assert "1,500" in denied
    assert "3,000" in denied


def test_watch_loop_polls_and_sleeps(site, store, pipeline):
    site.live_items = [("first", "figures-1.html")]
    naps: list[float] = []
    reports = list(
        watch(
            store,
            [site.url("/feeds/live.xml")],
            pipeline.analyse,
            run_resolve,
            LOCAL,
            every=600,
            max_polls=3,
            sleep=naps.append,
        )
    )
    assert [len(r.stored) for r in reports] == [1, 0, 0]
    assert len(naps) == 2
    assert all(0 < nap <= 600 for nap in naps)


def test_watch_unreadable_feed_is_retried_next_poll(site, store, pipeline):
    feed = site.url("/missing")
    for number in (1, 2):
        report = poll(store, [feed], pipeline.analyse, run_resolve, LOCAL, number=number)
        [failure] = report.failures
        assert failure.error.code == "CG144"
    assert [path for path, _ in site.requests] == ["/missing", "/missing"]
    assert [f.code for f in store.failures()] == ["CG144"]  # recorded once


def test_watch_dead_item_is_not_retried(site, store, pipeline):
    site.live_items = [("gone", "no-such-page.html")]
    feed = site.url("/feeds/live.xml")
    first = poll(store, [feed], pipeline.analyse, run_resolve, LOCAL)
    second = poll(store, [feed], pipeline.analyse, run_resolve, LOCAL)
    assert [f.error.code for f in first.failures] == ["CG144"]
    assert second.failures == ()


@pytest.mark.parametrize(
    ("text", "seconds"), [("10m", 600), ("30s", 30), ("1h", 3600), ("90", 90), ("1.5m", 90)]
)
def test_watch_parse_every(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["soon", "0s", "-5m", "10 minutes", ""])
def test_watch_parse_every_refuses(text):
    with pytest.raises(InputError) as caught:
        parse_every(text)
    assert caught.value.code == "CG160"
