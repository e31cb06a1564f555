"""Counts of none ("nobody was injured") as figures another body's count disputes."""

import pytest

from claimgraph.records import Span
from claimgraph.resolve import read
from claimgraph.resolve.contradictions import figure_conflicts
from claimgraph.resolve.lexicons import load_resolve_lexicon
from claimgraph.resolve.zero_counts import zero_counts
from resolve_fixtures import figure_row, reports_store


def _zeros(text, denied=False):
    return [
        (q.span.text, q.unit)
        for q in zero_counts(
            text, [Span(0, len(text), text)], load_resolve_lexicon(), denied=denied
        )
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
        ("no protester was shot", [("no protester", "protester")]),
        # a singular counts as its plural does
        ("no civilian was kidnapped in the town", [("no civilian", "civilian")]),
        ("not a single prisoner escaped", [("not a single prisoner", "prisoner")]),
        # a body that looked and found none of the thing
        ("it found no evidence that any data had been taken", [("data", "data")]),
        (
            "nothing to indicate that customer data was accessed",
            [("customer data", "customer data")],
        ),
    ],
)
def test_a_content_that_says_none_counts_zero(text, expected):
    assert _zeros(text) == expected


def test_a_denial_counts_none_of_what_its_content_says_happened():
    assert _zeros("that passenger data had been accessed", denied=True) == [
        ("passenger data", "passenger data")
    ]
    assert _zeros("that any soldiers were captured", denied=True) == [("soldiers", "soldiers")]
    # the same words asserted are no count of none; a denial's "no ..." is counted once
    assert _zeros("that passenger data had been accessed") == []
    assert _zeros("no soldier was captured", denied=True) == [("no soldier", "soldier")]
    # a denial of a deed names no counted thing happening to anyone
    assert _zeros("that its forces had killed civilians", denied=True) == []


@pytest.mark.parametrize(
    "text",
    [
        "no more than 20 soldiers were killed",  # a bound, not none
        "there was no evidence of a breach",
        "no evidence that the aircraft had entered its airspace",
        "the army received no specific warning",
        "no longer holds the town",
    ],
)
def test_bounds_and_uncounted_nouns_are_no_zero(text):
    assert _zeros(text) == []


def _figure_disputes(tmp_path, pipeline, reports):
    """The figure contradictions resolve finds among reports written for a test."""
    with reports_store(tmp_path, pipeline, reports) as store:
        return [c for c in read.contradictions(store) if c.kind == "figures"]


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


def test_none_from_one_body_of_a_state_disputes_anothers_count_days_later():
    """The prefect's 18 taken and, two days later, the army's "no abduction has been recorded":
    two bodies of one state, but none is no revision of a count."""
    rows = [
        {**_row("c1", 18.0, "cumulative", "state@BF", "18", "2026-12-01"), "body": "prefect"},
        {**_row("c2", 0.0, "cumulative", "state@BF", "No abduction", "2026-12-03"), "body": "army"},
    ]
    assert len(figure_conflicts(rows, 5.0, 0.1, "people abducted")) == 1
    # the same body of the state giving a lower count later revises its own
    revised = [
        rows[0],
        {**_row("c2", 12.0, "cumulative", "state@BF", "12", "2026-12-03"), "body": "prefect"},
    ]
    assert figure_conflicts(revised, 5.0, 0.1, "people abducted") == []


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
            "Pama, Issa Thiombiano, said the attackers had abducted 18 people from the market and "
            "that nine people had been killed.",
        ),
        (
            "Volta Post",
            "2026-12-03",
            "Burkina Faso's army said on Thursday that nobody had been abducted in Pama, that "
            "no civilian was killed in its air strikes near the town and that no resident was "
            "killed by soldiers.",
        ),
    ]
    with reports_store(tmp_path, pipeline, reports) as store:
        disputes = [c for c in read.contradictions(store) if c.kind == "figures"]
        series = read.estimate_series(store)
    assert [c.explanation.split(":")[0] for c in disputes] == [
        "people abducted in Burkina Faso (cumulative)"
    ]
    assert "nobody" in disputes[0].explanation
    # none killed in its own strikes or by soldiers: no count of the nine killed
    # a count of none disputes a series; it is no point of one
    assert all(p.value for s in series for p in s.points)


def test_none_found_by_the_speakers_own_units_is_a_count_of_none(tmp_path, pipeline):
    """ "No abduction has been recorded in Pama by our units": the units looked and found none,
    unlike "no civilian was killed in its air strikes", which says nothing of the toll."""
    reports = [
        (
            "Sahel Wire",
            "2026-12-01",
            "Gunmen attacked the town of Pama in eastern Burkina Faso on Tuesday. The prefect of "
            "Pama, Issa Thiombiano, said the attackers had abducted 18 people from the market.",
        ),
        (
            "Volta Post",
            "2026-12-02",
            "A spokesman for Burkina Faso's army, Captain Boukary Sawadogo, said on Wednesday "
            "that no abduction had been recorded in Pama by its units.",
        ),
    ]
    disputes = _figure_disputes(tmp_path, pipeline, reports)
    assert [c.explanation.split(":")[0] for c in disputes] == [
        "people abducted in Burkina Faso (cumulative)"
    ]


def test_none_found_reads_as_none_where_it_is_shown(tmp_path, pipeline):
    """ "no evidence that any data was taken" counts "data": the dispute shows "no data", not
    "data" as if it were a figure."""
    reports = [
        (
            "Port Wire",
            "2026-11-23",
            "The hacker group said it had stolen 1.4 million records from the port operator in "
            "Koper, Slovenia.",
        ),
        (
            "Adriatic Daily",
            "2026-11-24",
            "The port operator in Koper, Slovenia, said it had found no evidence that any data "
            "had been taken.",
        ),
    ]
    disputes = _figure_disputes(tmp_path, pipeline, reports)
    assert disputes
    assert all(" no data from " in c.explanation for c in disputes)
