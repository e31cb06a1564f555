"""Cluster quality against the gold groups written from each corpus README: pairwise precision
and recall over the gold attributions, with floors just under the measured figures."""

import itertools

import pytest

from claimgraph.resolve import read, resolve
from resolve_fixtures import analyses, corpus_store, file_of
from resolve_gold import NK_GROUPS, SAHEL_GROUPS

# corpus, gold groups, precision floor, recall floor (measured: 0.85/0.67 and 1.00/0.87)
FLOORS = [("nk", NK_GROUPS, 0.8, 0.6), ("sahel", SAHEL_GROUPS, 0.9, 0.8)]


@pytest.mark.parametrize(("corpus", "groups", "precision", "recall"), FLOORS)
def test_resolve_cluster_quality_above_floor(tmp_path, pipeline, corpus, groups, precision, recall):
    files = {a.document.id: file_of(corpus, a) for a in analyses(pipeline, corpus)}
    with corpus_store("sqlite", tmp_path, pipeline, corpus) as store:
        resolve(store)
        members = {m.attribution_id: (m, c.id) for c in read.clusters(store) for m in c.members}
    gold = {}
    for name, items in groups.items():
        for prefix, words in items:
            hits = [
                a
                for a, (m, _) in members.items()
                if words in m.content_text and files[m.document_id].startswith(prefix)
            ]
            assert hits, (name, prefix, words)
            gold.update(dict.fromkeys(hits, name))
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same_gold, same_cluster = gold[a] == gold[b], members[a][1] == members[b][1]
        tp += same_gold and same_cluster
        fp += same_cluster and not same_gold
        fn += same_gold and not same_cluster
    assert tp / (tp + fp) >= precision
    assert tp / (tp + fn) >= recall
