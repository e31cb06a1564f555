"""Both sides of a dispute, on a resolved corpus in SQLite and PostgreSQL: each side is its
cluster's origin speaking first, named; each contradiction is seen from both clusters; a claim's
standing follows its cluster."""

import pytest

from claimgraph.resolve import read, resolve, sides
from resolve_fixtures import corpus_store
from store_fixtures import BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


def _stamp(moment):
    return moment.timestamp() if moment is not None else float("-inf")


def test_sides_name_the_origin_and_see_each_dispute_from_both_ends(backend, tmp_path, pipeline):
    with corpus_store(backend, tmp_path, pipeline, "nk") as store:
        resolve(store)
        clusters = {c.id: c for c in read.clusters(store)}
        records = read.contradictions(store)
        named = sides.named_contradictions(store, records)
        seen = sides.disputes(store, records, clusters)
        disputed = next(c for c in records if clusters.get(c.claim))
        members = [m.attribution_id for m in clusters[disputed.claim].members]
        standing = sides.standing(store, records, [*members, "no-such-claim"])
    assert records, "the demo corpus has denials and figure disputes"
    assert len(named) == len(records)
    latest = [_stamp(c.latest) for c in named]
    assert latest == sorted(latest, reverse=True)
    for contradiction in named:
        for side in (contradiction.claim, contradiction.by):
            cluster = clusters[side.cluster]
            assert side.label == cluster.label
            assert side.polarity == cluster.polarity
            origin_reports = [m for m in cluster.members if m.original_source == side.source_id]
            if cluster.original_sources and origin_reports:
                assert side.source_id in cluster.original_sources
                earliest = min(
                    origin_reports, key=lambda m: (_stamp(m.published), m.attribution_id)
                )
                assert side.attribution_id == earliest.attribution_id
            assert side.source_name
            if contradiction.kind == "figures" and set(side.figures) <= set(side.cluster_figures):
                assert side.figures
    names = {s.source_id: s.source_name for c in named for s in (c.claim, c.by)}
    assert names.get("kr-nis", "National Intelligence Service") != "kr-nis"
    for record in records:
        assert (record.id, sides.DISPUTED_BY, record.by) in {
            (d.contradiction, d.role, d.other.cluster) for d in seen[record.claim]
        }
        role = sides.DISPUTES if record.kind == "denial" else sides.DISPUTED_BY
        assert (record.id, role, record.claim) in {
            (d.contradiction, d.role, d.other.cluster) for d in seen[record.by]
        }
    assert set(standing) == set(members)
    for claim in standing.values():
        assert claim.cluster == disputed.claim
        assert claim.polarity in ("assert", "deny", "unconfirmed")
        assert disputed.id in {d.contradiction for d in claim.disputes}
