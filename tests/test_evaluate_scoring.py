"""The attribution scorer on tiny hand-made documents whose scores are worked out by hand."""

import pytest

from claimgraph.errors import InputError
from claimgraph.evaluate.scoring import (
    Report,
    Tally,
    TokenIndex,
    best_assignment,
    format_report,
    score_document,
)

TEXT = "Officials said the troops had arrived. Police added: “Nobody was hurt at all.”"


def at(phrase: str, text: str = TEXT, nth: int = 0) -> list[int]:
    """[start, end] of the nth occurrence of phrase in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return [start, start + len(phrase)]


def attribution(source: str | None, cue: str, *content: str, text: str = TEXT) -> dict:
    return {
        "source": [at(source, text)] if source else [],
        "cue": [at(cue, text)],
        "content": [at(part, text) for part in content],
    }


GOLD = [
    attribution("Officials", "said", "the troops had arrived"),
    attribution("Police", "added", "Nobody was hurt at all"),
]


def figures(report: Report, name: str) -> tuple[float, float, float]:
    out = report.figures()
    return (out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"])


@pytest.mark.parametrize(
    ("span_a", "span_b"),
    [
        ("said", "said the"[:5]),  # trailing space
        ("“Nobody was hurt at all.”", "Nobody was hurt at all"),  # quotes and full stop
        ("added:", "added"),
    ],
)
def test_evaluate_tokens_ignore_punctuation_and_space(span_a, span_b):
    index = TokenIndex(TEXT)
    assert index.tokens([at(span_a)]) == index.tokens([at(span_b)])


def test_evaluate_tokens_cover_a_word_cut_in_half():
    index = TokenIndex(TEXT)
    start, _ = at("Officials")
    assert index.tokens([[start, start + 3]]) == index.tokens([at("Officials")])


@pytest.mark.parametrize("predicted", [GOLD, list(reversed(GOLD))])
def test_evaluate_perfect_prediction_scores_one_everywhere(predicted):
    out = score_document(TEXT, GOLD, predicted).figures()
    scores = [value for key, value in out.items() if key.endswith(("_p", "_r", "_f1"))]
    assert scores
    assert all(value == 1.0 for value in scores)


@pytest.mark.parametrize("name", ["detection", "grouped_content_soft", "independent_cue_exact"])
def test_evaluate_empty_predictions_score_zero(name):
    report = score_document(TEXT, GOLD, [])
    assert figures(report, name) == (0.0, 0.0, 0.0)
    assert report.detection.gold == 2


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        ([], (1.0, 1.0, 1.0)),  # nothing to find, nothing found
        ([GOLD[0]], (0.0, 0.0, 0.0)),  # everything found is wrong
    ],
)
def test_evaluate_empty_gold(predicted, expected):
    assert figures(score_document(TEXT, [], predicted), "detection") == expected


@pytest.mark.parametrize(
    "predicted",
    [
        # Same spans, with extra punctuation and white space at the edges.
        [
            {
                "source": [at("Officials ")],
                "cue": [at(" said ")],
                "content": [at("the troops had arrived.")],
            },
            {
                "source": [at("Police")],
                "cue": [at("added:")],
                "content": [at("“Nobody was hurt at all.”")],
            },
        ],
    ],
)
def test_evaluate_punctuation_differences_still_exact(predicted):
    report = score_document(TEXT, GOLD, predicted)
    assert figures(report, "grouped_content_exact") == (1.0, 1.0, 1.0)
    assert figures(report, "independent_cue_exact") == (1.0, 1.0, 1.0)


@pytest.mark.parametrize(
    ("predicted_content", "exact", "soft"),
    [
        # 3 of the 4 content tokens ("the troops had"): precision 3/3, recall 3/4.
        ("the troops had", 0.0, (1.0, 0.75)),
        # 4 gold tokens plus "Officials" is outside the content but inside the text.
        ("Officials said the troops had arrived", 0.0, (4 / 6, 1.0)),
    ],
)
def test_evaluate_grouped_soft_is_overlap_proportional(predicted_content, exact, soft):
    predicted = [attribution("Officials", "said", predicted_content)]
    report = score_document(TEXT, GOLD[:1], predicted)
    content = report.grouped["content"]
    assert content.exact.hit_p == exact
    assert (content.soft.precision, content.soft.recall) == pytest.approx(soft)


DISCONTINUOUS = "“We will win,” he said, “and soon.”"
GOLD_SPLIT = [attribution("he", "said", "We will win", "and soon", text=DISCONTINUOUS)]


@pytest.mark.parametrize(
    ("content", "exact_f1", "soft_pr"),
    [
        # Both fragments, in the other order and with their quote marks: still exact.
        (["“and soon.”", "“We will win,”"], 1.0, (1.0, 1.0)),
        # One fragment only: all 3 tokens are right, 3 of 5 found.
        (["We will win"], 0.0, (1.0, 0.6)),
        # One fragment over everything: 5 of 7 tokens right ("he said" are not content).
        (["We will win,” he said, “and soon"], 0.0, (5 / 7, 1.0)),
    ],
)
def test_evaluate_discontinuous_content(content, exact_f1, soft_pr):
    predicted = [
        {
            "source": [at("he", DISCONTINUOUS)],
            "cue": [at("said", DISCONTINUOUS)],
            "content": [at(part, DISCONTINUOUS) for part in content],
        }
    ]
    report = score_document(DISCONTINUOUS, GOLD_SPLIT, predicted)
    for view in (report.grouped, report.independent):
        assert view["content"].exact.f1 == exact_f1
        assert (view["content"].soft.precision, view["content"].soft.recall) == pytest.approx(
            soft_pr
        )


NO_SOURCE = "The troops had arrived, it was reported."
GOLD_NO_SOURCE = [attribution(None, "reported", "The troops had arrived", text=NO_SOURCE)]


def test_evaluate_missing_source_on_both_sides_goes_to_no_source_tally():
    report = score_document(NO_SOURCE, GOLD_NO_SOURCE, GOLD_NO_SOURCE)
    source = report.grouped["source"].exact
    assert (source.predicted, source.gold) == (0, 0)
    assert (report.no_source.hit_p, report.no_source.predicted, report.no_source.gold) == (1, 1, 1)
    assert report.overall_soft.f1 == 1.0


def test_evaluate_invented_source_counts_against_precision():
    predicted = [attribution("it", "reported", "The troops had arrived", text=NO_SOURCE)]
    report = score_document(NO_SOURCE, GOLD_NO_SOURCE, predicted)
    assert report.grouped["source"].exact == Tally(0, 0, 1, 0)
    assert report.grouped["source"].soft.precision == 0.0
    assert report.no_source.predicted == 0
    assert report.no_source.recall == 0.0
    # overall soft: source 0/1, cue 1/1, content 1/1 on precision; recall 2/2.
    assert (report.overall_soft.precision, report.overall_soft.recall) == (2 / 3, 1.0)


def test_evaluate_missed_source_counts_against_recall():
    predicted = [attribution(None, "said", "the troops had arrived")]
    source = score_document(TEXT, GOLD[:1], predicted).grouped["source"].exact
    assert (source.hit_r, source.predicted, source.gold) == (0, 0, 1)
    assert source.recall == 0.0


def test_evaluate_unpaired_prediction_counts_against_precision():
    stray = {"source": [], "cue": [at("arrived")], "content": [at("Officials")]}
    predicted = [GOLD[0], stray]
    report = score_document(TEXT, GOLD, predicted)
    assert figures(report, "detection") == (0.5, 0.5, 0.5)
    assert report.grouped["cue"].exact.precision == 0.5


SHARED_CUE = "Officials said the troops had arrived and the roads were closed."
GOLD_SHARED = [
    attribution("Officials", "said", "the troops had arrived", text=SHARED_CUE),
    attribution("Officials", "said", "the roads were closed", text=SHARED_CUE),
]


def test_evaluate_pairing_breaks_cue_ties_by_content():
    # Predictions in the opposite order: the cue ties, so content decides the pairs.
    predicted = list(reversed(GOLD_SHARED))
    report = score_document(SHARED_CUE, GOLD_SHARED, predicted)
    assert report.grouped["content"].exact.f1 == 1.0
    # Two gold cues share one span; both predictions are needed to find both.
    assert report.independent["cue"].exact == Tally(2, 2, 2, 2)


def test_evaluate_pairing_needs_cue_or_content_overlap():
    predicted = [{"source": [at("Officials")], "cue": [], "content": []}]
    report = score_document(TEXT, GOLD[:1], predicted)
    assert report.detection.hit_p == 0
    # The independent view scores the source on its own, so it is found there.
    assert report.independent["source"].exact.f1 == 1.0


@pytest.mark.parametrize(
    ("weights", "pairs"),
    [
        ([[2.0, 1.9], [1.9, 0.0]], [(0, 1), (1, 0)]),  # greedy would take (0, 0) and stop
        ([[1.0], [3.0]], [(1, 0)]),  # more rows than columns
        ([[0.0, 0.0]], []),  # zero weight is no pair
        ([], []),
    ],
)
def test_evaluate_best_assignment(weights, pairs):
    assert best_assignment(weights) == pairs


def test_evaluate_independent_soft_uses_best_one_to_one_matching():
    text = "a b c d e"
    gold = [{"cue": [at("a b", text)]}, {"cue": [at("c", text)]}]
    # "a b c" overlaps both gold cues; the best matching gives it "a b" and leaves "c" to "c".
    predicted = [{"cue": [at("a b c", text)]}, {"cue": [at("c", text)]}]
    cue = score_document(text, gold, predicted).independent["cue"]
    assert cue.exact.hit_p == 1
    assert (cue.soft.hit_p, cue.soft.hit_r) == pytest.approx((2 / 3 + 1, 2))


def test_evaluate_documents_micro_average():
    first = score_document(TEXT, GOLD, GOLD)  # 2 of 2
    second = score_document(TEXT, GOLD, [])  # 0 of 2
    total = sum([first, second], Report())
    assert total.documents == 2
    # Micro: 2 found / 2 predicted, 2 found / 4 gold -- not the mean of per-document F1s.
    assert (total.detection.precision, total.detection.recall) == (1.0, 0.5)
    assert total.detection.f1 == pytest.approx(2 / 3)


def test_evaluate_ignored_regions_drop_predictions():
    text = "Officials said it rained. Follow us, he said."
    gold = [attribution("Officials", "said", "it rained", text=text)]
    stray = attribution("he", "said", "Follow us", text=text)
    stray["cue"] = [at("said", text, nth=1)]
    report = score_document(text, gold, [gold[0], stray], ignore=[(26, len(text))])
    assert figures(report, "detection") == (1.0, 1.0, 1.0)


@pytest.mark.parametrize("fragment", [[5, 999], [-1, 3], [4, 2], ["a", "b"], [1]])
def test_evaluate_malformed_prediction_raises(fragment):
    with pytest.raises(InputError):
        score_document(TEXT, GOLD, [{"cue": [fragment]}])


def test_evaluate_format_report_has_every_row():
    table = format_report(score_document(TEXT, GOLD, GOLD[:1]))
    for row in ("attribution detection", "grouped content", "independent source", "overall"):
        assert row in table
    assert "0.500" in table


@pytest.mark.parametrize(
    ("text", "cue", "other"),
    [
        ("Trump: “We will win.”", ":", "Trump"),  # a colon cue has no word token
        ("He said — “no.”", "—", "said"),
    ],
)
def test_evaluate_punctuation_only_span_keeps_its_punctuation(text, cue, other):
    index = TokenIndex(text)
    tokens = index.tokens([at(cue, text)])
    assert len(tokens) == 1
    assert tokens.isdisjoint(index.tokens([at(other, text)]))
