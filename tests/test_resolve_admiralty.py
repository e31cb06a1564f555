"""The Admiralty words: every grade has one, and a reliability that cannot be judged is unrated."""

import pytest

from claimgraph.resolve import admiralty


@pytest.mark.parametrize(
    ("grade", "label"),
    [(1, "1 confirmed"), (3, "3 possibly true"), (5, "5 improbable"), (6, "6 cannot be judged")],
)
def test_credibility_label_joins_number_and_word(grade, label):
    assert admiralty.credibility_label(grade) == label


def test_unknown_credibility_cannot_be_judged():
    assert admiralty.credibility_word(None) == "cannot be judged"
    assert admiralty.credibility_word(9) == "cannot be judged"
    assert admiralty.credibility_label(0) == "6 cannot be judged"


@pytest.mark.parametrize(
    ("grade", "word"),
    [("A", "completely reliable"), ("b", "usually reliable"), ("E", "unreliable")],
)
def test_reliability_words(grade, word):
    assert admiralty.rated(grade)
    assert admiralty.reliability_word(grade) == word
    assert admiralty.reliability_label(grade) == f"{grade.upper()} {word}"


@pytest.mark.parametrize("grade", ["F", "f", None, "", "AB", "Z"])
def test_unjudged_reliability_is_unrated_not_failing(grade):
    assert not admiralty.rated(grade)
    assert admiralty.reliability_word(grade) == "unrated"
    assert admiralty.reliability_label(grade) == "unrated"
