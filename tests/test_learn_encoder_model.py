"""The shipped encoder model: what it finds on sentences written here, and the encoder mode of
the pipeline (rules + encoder), which keeps this project's definition of a claim."""

import pytest

from claimgraph.ingest.text import document_from_text
from claimgraph.learn.encoder.infer import ENCODE_FILE, MODEL_DIR
from claimgraph.nlp.pipeline import Pipeline
from claimgraph.settings import Settings

pytestmark = pytest.mark.skipif(
    not (MODEL_DIR / ENCODE_FILE).is_file(), reason="the encoder model is not in this checkout"
)


@pytest.fixture(scope="module")
def tagger():
    from claimgraph.learn.encoder.infer import EncoderTagger

    return EncoderTagger()


@pytest.fixture(scope="module")
def encoder(nlp):
    return Pipeline(Settings(tagger="encoder"), nlp=nlp)


def _text(text: str, fragments: list[list[int]]) -> str:
    return " ".join(text[s:e] for s, e in fragments)


@pytest.mark.parametrize(
    ("text", "cue", "source", "content_word"),
    [
        (
            "The defence minister said on Monday that the bridge had been closed.",
            "said",
            "The defence minister",
            "bridge",
        ),
        (
            "“Nobody is leaving the city tonight,” the mayor told reporters.",
            "told",
            "the mayor",
            "leaving",
        ),
        (
            "Two officials, who spoke on condition of anonymity, said the convoy turned back.",
            "said",
            "Two officials, who spoke on condition of anonymity",
            "convoy",
        ),
    ],
)
def test_learn_encoder_model_finds_the_roles(tagger, text, cue, source, content_word):
    found = tagger.predict(text)
    (hit,) = [a for a in found if _text(text, a["cue"]) == cue]
    assert _text(text, hit["source"]) == source
    assert content_word in _text(text, hit["content"])


@pytest.mark.parametrize(
    "text",
    [
        "The president called for an emergency meeting of the security council.",
        "The army shelled the town on Monday.",
        "The troops added two more checkpoints on the road.",
    ],
)
def test_learn_encoder_mode_actions_are_not_claims(encoder, text):
    assert encoder.analyse(document_from_text(text)).attributions == ()


@pytest.mark.parametrize(
    "text",
    [
        "“We will hold the bridge,” the brigade commander said. Officials believe the tunnels may stretch further.",
        "The governor said: “Every shelter in the city is full.” Reportedly, the convoy turned back.",
    ],
)
def test_learn_encoder_mode_keeps_the_rules_cues_and_valid_offsets(encoder, pipeline, text):
    document = document_from_text(text)
    rules = {a.cue.text for a in pipeline.analyse(document).attributions}
    analysis = encoder.analyse(document)
    assert rules <= {a.cue.text for a in analysis.attributions}
    for attribution in analysis.attributions:
        for span in (attribution.source, attribution.cue, *attribution.content):
            if span is not None:
                span.check(analysis.document.text)
