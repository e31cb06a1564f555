"""What merges claims and what keeps them apart, with the reasons shown to users."""

import pytest

from claimgraph.resolve.clusters import Features, compare


def features(figures=(), polarity="assert", countries=("RU",), entities=(), source=None):
    return Features(polarity, tuple(figures), tuple(countries), tuple(entities), source)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (features([(1500.0, "arrived")]), features([(12000.0, "projected")]), "numbers"),
        (features(polarity="deny"), features(), "polarity"),
        (features([(10000.0, "arrived")]), features([(10000.0, "projected")]), "modality"),
    ],
)
def test_resolve_conflicts_veto_a_merge(a, b, conflict):
    match = compare(a, b, similarity=0.99, threshold=0.45)
    assert match.vetoed
    assert not match.merged
    assert any(reason.startswith(conflict) for reason in match.conflicting)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            features([(1500.0, "arrived")], source="kr-nis"),
            features([(1500.0, "unknown")], source="kr-nis"),
        )
    ],
)
def test_resolve_agreement_raises_the_score(a, b):
    match = compare(a, b, similarity=0.4, threshold=0.45)
    assert match.merged
    assert match.score > match.similarity
    assert {"numbers 1,500", "places RU", "source kr-nis"} <= set(match.agreeing)


@pytest.mark.parametrize("threshold", [0.3, 0.9])
def test_resolve_threshold_is_applied(threshold):
    match = compare(features(), features(), similarity=0.5, threshold=threshold)
    assert match.merged == (match.score >= threshold)
