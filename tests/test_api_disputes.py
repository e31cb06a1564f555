"""Disputes as an analyst reads them: both sides of every contradiction named, clusters filtered by
polarity and sorted, a claim's standing (cluster, polarity, who disputes it), grades in words."""

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from api_fixtures import demo_database
from claimgraph.api import create_app
from claimgraph.resolve import admiralty


@pytest.fixture(scope="module")
def client(pipeline, tmp_path_factory):
    path = demo_database(pipeline, tmp_path_factory.getbasetemp())
    with TestClient(create_app(str(path))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def contradictions(client):
    found = client.get("/api/contradictions").json()
    if not found:
        pytest.skip("resolve found no contradiction in the demo corpus")
    return found


def test_api_contradiction_sides_are_named_and_open_their_clusters(client, contradictions):
    for row in contradictions[:10]:
        for key, cluster_id in (("claim_side", row["claim"]), ("by_side", row["by"])):
            side = row[key]
            assert side["cluster"] == cluster_id
            assert side["source_name"], side
            assert side["source_name"] != side["source_id"] or side["source_id"] is None
            assert side["label"]
            opened = client.get(f"/api/clusters/{side['cluster']}")
            assert opened.status_code == 200
            assert opened.json()["label"] == side["label"]


def test_api_contradictions_latest_first(contradictions):
    dates = [
        datetime.fromisoformat(c["first_reported"]) for c in contradictions if c["first_reported"]
    ]
    stamps = [(d if d.tzinfo else d.replace(tzinfo=UTC)).timestamp() for d in dates]
    assert stamps == sorted(stamps, reverse=True)


@pytest.mark.parametrize("kind", ["denial", "figures"])
def test_api_contradictions_filter_by_kind(client, contradictions, kind):
    found = client.get("/api/contradictions", params={"kind": kind}).json()
    assert {c["kind"] for c in found} <= {kind}
    assert len(found) == sum(c["kind"] == kind for c in contradictions)
    if kind == "figures":
        assert all(c["claim_side"]["figures"] and c["by_side"]["figures"] for c in found)
    else:
        assert all(c["by_side"]["polarity"] != "assert" for c in found)


def test_api_disputed_figures_gather_the_figure_pairs_by_topic(client, contradictions):
    pairs = [c for c in contradictions if c["kind"] == "figures"]
    disputes = client.get("/api/disputed-figures").json()
    assert {d["topic"] for d in disputes} == {c["topic"] for c in pairs}
    assert sorted(i for d in disputes for i in d["contradictions"]) == sorted(
        c["id"] for c in pairs
    )
    counts = [d["sources"] for d in disputes]
    assert counts == sorted(counts, reverse=True)
    for dispute in disputes:
        named = {(p["source_id"], tuple(p["figures"])) for p in dispute["positions"]}
        assert len(named) == len(dispute["positions"]) >= 2
    assert len(client.get("/api/disputed-figures", params={"limit": 1}).json()) == min(
        1, len(disputes)
    )


def test_api_contradictions_reject_unknown_kind(client):
    response = client.get("/api/contradictions", params={"kind": "rumour"})
    assert response.status_code == 400
    assert response.json()["ok"] is False


def test_api_clusters_filter_by_polarity(client):
    everything = client.get("/api/clusters", params={"limit": 1000}).json()
    polarities = {c["polarity"] for c in everything["items"]}
    for polarity in polarities:
        page = client.get("/api/clusters", params={"polarity": polarity, "limit": 1000}).json()
        assert page["total"] == sum(c["polarity"] == polarity for c in everything["items"])
        assert {c["polarity"] for c in page["items"]} == {polarity}


def test_api_clusters_sorted_by_reports_and_recency(client):
    by_reports = client.get("/api/clusters", params={"sort": "reports", "limit": 200}).json()
    reports = [c["reports"] for c in by_reports["items"]]
    assert reports == sorted(reports, reverse=True)
    by_members = client.get("/api/clusters", params={"sort": "members", "limit": 200}).json()
    sizes = [len(c["members"]) for c in by_members["items"]]
    assert sizes == sorted(sizes, reverse=True)
    recent = client.get("/api/clusters", params={"sort": "recent", "limit": 200}).json()
    dates = [c["first_reported"] for c in recent["items"] if c["first_reported"]]
    assert dates == sorted(dates, reverse=True)


def test_api_clusters_say_credibility_in_words(client):
    page = client.get("/api/clusters", params={"limit": 100}).json()
    for cluster in page["items"]:
        assert cluster["credibility_word"] == admiralty.credibility_word(cluster["credibility"])


def test_api_cluster_names_who_disputes_it(client, contradictions):
    row = contradictions[0]
    cluster = client.get(f"/api/clusters/{row['claim']}").json()
    disputes = {d["contradiction"]: d for d in cluster["disputes"]}
    mine = disputes[row["id"]]
    assert mine["role"] == "disputed_by"
    assert mine["other"]["cluster"] == row["by"]
    assert mine["other"]["source_name"] == row["by_side"]["source_name"]
    assert all(m["polarity"] in ("assert", "deny", "unconfirmed") for m in cluster["members"])


def test_api_disputes_of_claims(client, contradictions):
    row = contradictions[0]
    cluster = client.get(f"/api/clusters/{row['claim']}").json()
    ids = [m["attribution_id"] for m in cluster["members"]]
    standing = client.get("/api/disputes", params={"claims": ",".join([*ids, "no-such-claim"])})
    assert standing.status_code == 200
    found = {s["attribution_id"]: s for s in standing.json()}
    assert set(found) == set(ids)
    for claim in found.values():
        assert claim["cluster"] == row["claim"]
        assert row["id"] in {d["contradiction"] for d in claim["disputes"]}


def test_api_grades_in_words_and_unrated_when_unjudged(client):
    grades = client.get("/api/grades").json()
    assert grades
    for grade in grades:
        assert grade["reliability_word"] == admiralty.reliability_word(grade["reliability"])
        assert grade["rated"] == (grade["reliability"] != "F")
        if grade["reliability"] == "F":
            assert grade["reliability_word"] == "unrated"
    sources = client.get("/api/sources").json()
    assert all(s["reliability_word"] for s in sources)
    assert "F" not in {s["reliability_word"] for s in sources}


def test_api_overview_keeps_the_library_ranking(client):
    from claimgraph.resolve import read

    store = client.app.state.store
    wanted = [c.id for c in read.clusters(store)[:10]]
    overview = client.get("/api/overview").json()
    assert [c["id"] for c in overview["top_clusters"]] == wanted
    assert all("disputes" in c for c in overview["top_clusters"])
