"""Users' corrections of claim identity stick: merged clusters stay one through full resolves
and later documents, a split attribution stays a claim of its own."""

import pytest

from claimgraph.errors import InputError, NotFound
from claimgraph.resolve import read, resolve
from claimgraph.resolve.corrections import load, merge_clusters, split_claim
from resolve_fixtures import corpus_store


def test_resolve_edits_replay_in_order():
    edits = load(
        [
            {"kind": "merge", "attribution_id": "a1", "into": "b1"},
            {"kind": "merge", "attribution_id": "a2", "into": "b1"},
            {"kind": "merge", "attribution_id": "c1", "into": "d1"},
            {"kind": "split", "attribution_id": "a2", "into": None},
        ]
    )
    assert edits.partners("a1") == ["b1"]
    assert edits.partners("a2") == []
    assert "a2" in edits.split
    assert edits.partners("c1") == ["d1"]
    assert edits.partners("zz") == []


@pytest.mark.slow
def test_resolve_claim_merge_and_split_stick(tmp_path, pipeline):
    with corpus_store("sqlite", tmp_path, pipeline, "nk") as store:
        resolve(store)
        clusters = read.clusters(store)
        # Two clusters that the resolver keeps apart, each with its own members.
        first, second = clusters[0], clusters[1]
        merged_id = merge_clusters(store, first.id, second.id)
        merged = read.cluster(store, merged_id)
        members = {m.attribution_id for m in merged.members}
        assert {m.attribution_id for m in first.members} <= members
        assert {m.attribution_id for m in second.members} <= members
        resolve(store, full=True)  # replayed, not undone
        again = read.cluster_of(store, first.members[0].attribution_id)
        assert again is not None
        assert {m.attribution_id for m in again.members} == members

        moved = first.members[0].attribution_id
        [own] = split_claim(store, moved)
        alone = read.cluster(store, own)
        assert [m.attribution_id for m in alone.members] == [moved]
        resolve(store, full=True)
        assert [m.attribution_id for m in read.cluster_of(store, moved).members] == [moved]

        with pytest.raises(NotFound):
            merge_clusters(store, "c_nothing", second.id)
        current = read.cluster_of(store, second.members[0].attribution_id)
        assert current is not None
        with pytest.raises(InputError):
            merge_clusters(store, current.id, current.id)
