"""Training runs end to end on a small synthetic corpus written here (no PolNeAR text)."""

import json

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.learn.tagger import AttributionTagger
from claimgraph.learn.train import Example, TrainSettings, role_examples, tokens_of, train_models

SOURCES = ["The minister", "A spokeswoman", "The mayor", "Local police", "The governor"]
CUES = ["said", "told reporters", "announced", "warned"]
CLAIMS = ["the bridge will reopen", "taxes would rise", "the storm had passed", "schools stay shut"]


def synthetic_record(n: int) -> dict:
    """One made-up article: three attributed sentences and one plain one, with gold spans."""
    text, attributions = "", []
    for k in range(3):
        source, cue, claim = (
            SOURCES[(n + k) % len(SOURCES)],
            CUES[(n + 2 * k) % len(CUES)],
            CLAIMS[(n + k) % len(CLAIMS)],
        )
        start = len(text)
        sentence = f"{source} {cue} that {claim}. "
        cue_at = start + len(source) + 1
        content_at = cue_at + len(cue) + len(" that ")
        attributions.append(
            {
                "source": [[start, start + len(source)]],
                "cue": [[cue_at, cue_at + len(cue)]],
                "content": [[content_at, content_at + len(claim)]],
            }
        )
        text += sentence
    text += "The weather was mild."
    return {"id": f"doc{n}", "split": "train", "text": text, "attributions": attributions}


@pytest.fixture(scope="module")
def examples(nlp):
    records = [synthetic_record(n) for n in range(12)]
    docs = list(nlp.pipe(r["text"] for r in records))
    return [Example(doc, r["attributions"]) for doc, r in zip(docs, records, strict=True)]


FAST = TrainSettings(cue_iterations=30, role_iterations=30, clusters=False)


def test_learn_train_gold_tokens_cover_the_spans(examples):
    example = examples[0]
    [first, *_] = example.attributions
    tokens = tokens_of(example.doc, first["cue"])
    assert [example.doc[i].text for i in sorted(tokens)] == CUES[0].split()


def test_learn_train_role_labels_mark_source_cue_and_content(examples):
    _, labels = next(role_examples(examples[0]))
    assert {"S", "V", "C", "O"} <= set(labels)


def test_learn_train_end_to_end_learns_the_synthetic_pattern(tmp_path, nlp, examples):
    meta = train_models(examples, tmp_path, FAST)
    assert meta["role_sequences"] == 36
    tagger = AttributionTagger.load(tmp_path)
    text = "The mayor said that the bridge will reopen."
    doc = nlp(text)
    [found] = tagger.predict(doc)
    spans = found.char_spans(doc)
    assert [text[s:e] for s, e in spans["cue"]] == ["said"]
    assert [text[s:e] for s, e in spans["source"]] == ["The mayor"]
    [content] = [text[s:e] for s, e in spans["content"]]
    assert content.removeprefix("that ").rstrip(".") == "the bridge will reopen"


@pytest.mark.slow
def test_learn_train_command_writes_weights(tmp_path):
    data = tmp_path / "polnear"
    data.mkdir()
    lines = [json.dumps(synthetic_record(n)) for n in range(6)]
    (data / "train.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "weights"
    result = CliRunner().invoke(app, ["train", "polnear", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert {"cues.crfsuite", "roles.crfsuite", "meta.json"} <= {p.name for p in out.iterdir()}
    assert json.loads((out / "meta.json").read_text())["documents"] == 6
