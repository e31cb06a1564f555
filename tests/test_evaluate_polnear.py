"""The PolNeAR loader and runner: on a tiny made-up data set, and on the real dev split."""

import json
import os
import sys
from pathlib import Path

import pytest

from claimgraph.errors import ClaimgraphError, InputError, MissingExtra
from claimgraph.evaluate.polnear import claimgraph_predictor, evaluate_polnear
from claimgraph.ingest.polnear import DEFAULT_DIR, ENV_VAR, ROLES, load_split

POLNEAR = Path(os.environ.get(ENV_VAR) or DEFAULT_DIR)
needs_polnear = pytest.mark.skipif(
    not POLNEAR.is_dir(),
    reason=f"PolNeAR is not at {POLNEAR} (set ${ENV_VAR}; it is not redistributable, so not in the repo)",
)

# Made up for these tests; PolNeAR text never goes into the repository.
MADE_UP = [
    {
        "id": "a",
        "split": "dev",
        "text": "Officials said the troops had arrived. Follow us.",
        "attributions": [{"source": [[0, 9]], "cue": [[10, 14]], "content": [[15, 37]]}],
        "discard": [[39, 49]],
    },
    {
        "id": "b",
        "split": "dev",
        "text": "The roads were closed, it was reported.",
        "attributions": [{"source": [], "cue": [[30, 38]], "content": [[0, 21]]}],
        "discard": [],
    },
]


@pytest.fixture
def made_up_dir(tmp_path):
    lines = [json.dumps(record) for record in MADE_UP]
    (tmp_path / "dev.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def gold_as_prediction(texts):
    by_text = {record["text"]: record["attributions"] for record in MADE_UP}
    return [by_text[text] for text in texts]


@pytest.mark.parametrize("limit", [None, 1])
def test_evaluate_load_split_reads_documents(made_up_dir, limit):
    documents = load_split("dev", made_up_dir, limit)
    assert [d.id for d in documents] == ["a", "b"][:limit]
    assert documents[0].discard == ((39, 49),)


def test_evaluate_data_dir_from_environment(made_up_dir, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(made_up_dir))
    assert len(load_split("dev")) == 2


@pytest.mark.parametrize(("split", "subdir"), [("dev", "missing"), ("test", "")])
def test_evaluate_load_split_rejects_bad_input(made_up_dir, split, subdir):
    with pytest.raises(InputError):
        load_split(split, made_up_dir / subdir)


def test_evaluate_load_split_rejects_span_outside_text(tmp_path):
    record = {**MADE_UP[0], "attributions": [{"source": [], "cue": [[10, 99]], "content": []}]}
    (tmp_path / "dev.jsonl").write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(InputError, match="outside the text"):
        load_split("dev", tmp_path)


@pytest.mark.parametrize("workers", [1, 2])
def test_evaluate_runner_scores_gold_as_perfect(made_up_dir, workers):
    report = evaluate_polnear("dev", made_up_dir, gold_as_prediction, workers=workers)
    assert report.documents == 2
    assert report.detection.f1 == 1.0
    assert report.overall_soft.f1 == 1.0
    assert report.no_source.f1 == 1.0


def test_evaluate_runner_drops_predictions_in_discarded_text(made_up_dir):
    def predict(texts):
        stray = {"source": [], "cue": [[39, 45]], "content": [[46, 48]]}  # "Follow us"
        return [
            [*gold, stray] if "Follow" in text else gold
            for text, gold in zip(texts, gold_as_prediction(texts), strict=True)
        ]

    assert evaluate_polnear("dev", made_up_dir, predict).detection.precision == 1.0


def test_evaluate_runner_rejects_wrong_number_of_results(made_up_dir):
    with pytest.raises(ClaimgraphError, match="2 texts"):
        evaluate_polnear("dev", made_up_dir, lambda texts: [[]])


def test_evaluate_claimgraph_predictor_explains_missing_pipeline(monkeypatch):
    monkeypatch.setitem(sys.modules, "claimgraph.nlp.pipeline", None)  # import now fails
    with pytest.raises(MissingExtra, match="pipeline"):
        claimgraph_predictor()


@pytest.mark.shared
@needs_polnear
def test_evaluate_dev_split_has_84_documents_with_spans_in_text():
    documents = load_split("dev")
    assert len(documents) == 84
    assert sum(len(d.attributions) for d in documents) > 2000
    for document in documents:
        for attribution in document.attributions:
            assert attribution["content"]
            for role in ROLES:
                for start, end in attribution[role]:
                    assert 0 <= start < end <= len(document.text)
                    assert document.text[start:end].strip()


@pytest.mark.shared
@needs_polnear
def test_evaluate_baseline_runs_end_to_end_on_three_dev_documents():
    from claimgraph.evaluate.baseline import BaselinePredictor

    report = evaluate_polnear("dev", None, BaselinePredictor(), limit=3)
    assert report.documents == 3
    assert report.detection.predicted > 0
    for name, value in report.figures().items():
        if name.endswith(("_p", "_r", "_f1")):
            assert 0.0 <= value <= 1.0, name
    assert 0.0 < report.detection.f1 <= 1.0


@pytest.mark.shared
@needs_polnear
def test_evaluate_dev_gold_against_itself_is_perfect():
    by_text = {d.text: [dict(a) for a in d.attributions] for d in load_split("dev")}
    report = evaluate_polnear("dev", None, lambda texts: [by_text[t] for t in texts])
    scores = {k: v for k, v in report.figures().items() if k.endswith(("_p", "_r", "_f1"))}
    assert set(scores.values()) == {1.0}
