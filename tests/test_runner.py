"""analyse_stream: results in input order, the same with one worker or several, failures in place."""

import pytest

from claimgraph.errors import InputError
from claimgraph.ingest.sources_in import InputFailure
from claimgraph.ingest.text import document_from_text
from claimgraph.records import Analysis
from claimgraph.runner import Failure, _serial, analyse_jsonl, analyse_stream
from claimgraph.settings import Settings

TEXTS = [
    "South Korea's spy agency said 1,500 troops had arrived in Vladivostok.",
    "The troops could be deployed to Ukraine soon, officials believe.",
    "According to the Pentagon, about 3,000 soldiers moved to Kursk on Monday.",
    "Zelensky said Russia fired 40 missiles at Kyiv.",
    "Reuters reported that the port of Odesa was hit.",
    "NATO confirmed that North Korean units were in Kursk.",
    "The Kremlin called the report a fake.",
    "Analysts estimated that up to 12,000 troops may eventually be sent.",
    "Seoul's defence ministry said the first wave left in early October.",
    "An official, speaking anonymously, said 200 shells were delivered.",
]


@pytest.fixture(scope="module")
def documents():
    return [document_from_text(text, published="2024-10-19") for text in TEXTS]


@pytest.fixture(scope="module")
def serial(pipeline, documents):
    return list(analyse_stream(documents, pipeline.settings, workers=1))


@pytest.mark.parametrize("workers", [1, 2])
def test_runner_outcomes_in_input_order(pipeline, documents, workers):
    outcomes = list(analyse_stream(iter(documents), pipeline.settings, workers=workers))
    assert [o.document.id for o in outcomes] == [d.id for d in documents]


@pytest.mark.parametrize("workers", [2, 3])
def test_runner_workers_give_identical_analyses(pipeline, documents, serial, workers):
    parallel = list(analyse_stream(iter(documents), pipeline.settings, workers=workers))
    assert parallel == serial
    assert all(isinstance(o, Analysis) for o in parallel)


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("position", [0, 4, 9])
def test_runner_input_failure_passes_through_in_position(pipeline, documents, workers, position):
    failure = InputFailure("bad.txt", InputError("'bad.txt' is empty", code="CG101"))
    items = [*documents[:position], failure, *documents[position:]]
    outcomes = list(analyse_stream(items, pipeline.settings, workers=workers))
    assert len(outcomes) == len(items)
    assert outcomes[position] == Failure("bad.txt", "CG101", "'bad.txt' is empty")
    rest = outcomes[:position] + outcomes[position + 1 :]
    assert [o.document.id for o in rest] == [d.id for d in documents]


@pytest.mark.parametrize("workers", [1, 2])
def test_runner_empty_input_gives_nothing(pipeline, workers):
    assert list(analyse_stream([], pipeline.settings, workers=workers)) == []


@pytest.mark.parametrize("batch_size", [1, 3])
def test_runner_batch_size_does_not_change_results(
    pipeline, documents, serial, monkeypatch, batch_size
):
    # The serial path batches through nlp.pipe; the batch size must not change any analysis.
    monkeypatch.setattr(pipeline, "settings", Settings(batch_size=batch_size))
    assert list(_serial(documents, pipeline)) == serial


@pytest.mark.parametrize("workers", [1, 2])
def test_runner_jsonl_outcomes_carry_their_lines_keys(pipeline, tmp_path, workers):
    import json

    lines = [
        json.dumps({"id": "a", "text": TEXTS[0]}),
        "{not json",
        json.dumps({"text": TEXTS[1]}),
        json.dumps({"id": "blank", "text": " "}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines), "utf-8")
    results = list(analyse_jsonl(path, pipeline.settings, workers=workers))
    assert [r.key for r in results] == ["a", "line 2", "line 3", "blank"]
    assert [r.outcome.code for r in results if isinstance(r.outcome, Failure)] == [
        "CG110",
        "CG101",
    ]


@pytest.mark.parametrize("encoding", ["no-such-codec"])
def test_runner_jsonl_refuses_a_bad_file_before_any_output(pipeline, tmp_path, encoding):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "x"}', "utf-8")
    with pytest.raises(InputError) as bad_codec:
        analyse_jsonl(path, pipeline.settings, encoding=encoding)
    with pytest.raises(InputError) as missing:
        analyse_jsonl(tmp_path / "missing.jsonl", pipeline.settings)
    assert (bad_codec.value.code, missing.value.code) == ("CG103", "CG107")
