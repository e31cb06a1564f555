"""Counts of none ("nobody was injured") as figures another body's count disputes."""

import pytest

from claimgraph.records import Span
from claimgraph.resolve import read
from claimgraph.resolve.contradictions import figure_conflicts
from claimgraph.resolve.lexicons import load_resolve_lexicon
from claimgraph.resolve.zero_counts import zero_counts
from resolve_fixtures import figure_row, reports_store


def _zeros(text):
    return [
        (q.span.text, q.unit)
        for q in zero_counts(text, [Span(0, len(text), text)], load_resolve_lexicon())
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nobody was injured in the incident", [("Nobody", "people")]),
        ("no soldier was captured at the post", [("no soldier", "soldier")]),
        ("not a single soldier was hurt", [("not a single soldier", "soldier")]),
        ("no crew members were detained", [("no crew members", "crew members")]),
        ("No abduction has been recorded in the town", [("No abduction", "abduction")]),
        ("no Malian soldiers were killed", [("no Malian soldiers", "Malian soldiers")]),
    ],
)
def test_a_content_that_says_none_counts_zero(text, expected):
    assert _zeros(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "no more than 20 soldiers were killed",  # a bound, not none
        "there was no evidence that data was accessed",
        "the army received no specific warning",
        "no longer holds the town",
    ],
)
def test_bounds_and_uncounted_nouns_are_no_zero(text):
    assert _zeros(text) == []


def _row(cluster, value, modality, body, text, day):
    return figure_row(cluster, value, modality, body, text, day, topic="people|abducted||BF")


def test_none_disputes_a_count_days_apart_whatever_its_modality():
    rows = [
        _row("c1", 0.0, "unknown", "army", "No abduction", "2026-12-01"),
        _row("c2", 18.0, "cumulative", "prefect", "18", "2026-12-04"),
        _row("c3", 27.0, "projected", "league", "27", "2026-12-02"),
    ]
    found = figure_conflicts(rows, 5.0, 0.1, "people abducted")
    assert {(c.claim, c.by) for c in found} == {("c1", "c2")}
    assert "No abduction from army" in found[0].explanation


def test_two_counts_of_none_agree():
    rows = [
        _row("c1", 0.0, "cumulative", "army", "nobody", "2026-12-01"),
        _row("c2", 0.0, "cumulative", "governor", "no one", "2026-12-01"),
    ]
    assert figure_conflicts(rows, 5.0, 0.1, "people abducted") == []


def test_a_denial_that_nobody_was_taken_disputes_a_count_of_the_taken(tmp_path, pipeline):
    reports = [
        (
            "Sahel Wire",
            "2026-12-01",
            "Gunmen attacked the town of Pama in eastern Burkina Faso on Tuesday. The prefect of "
            "Pama, Issa Thiombiano, said the attackers had abducted 18 people from the market.",
        ),
        (
            "Volta Post",
            "2026-12-03",
            "Burkina Faso's army said on Thursday that nobody had been abducted in Pama, and that "
            "no civilian was killed in its air strikes near the town.",
        ),
    ]
    with reports_store(tmp_path, pipeline, reports) as store:
        disputes = [c for c in read.contradictions(store) if c.kind == "figures"]
        series = read.estimate_series(store)
    assert [c.explanation.split(":")[0] for c in disputes] == [
        "people abducted in Burkina Faso (cumulative)"
    ]
    assert "nobody" in disputes[0].explanation
    # a count of none disputes a series; it is no point of one
    assert all(p.value for s in series for p in s.points)
