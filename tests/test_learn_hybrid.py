"""The accurate mode: rules plus the trained tagger inside the pipeline (Settings.tagger="hybrid")."""

import pytest

from claimgraph.errors import InputError
from claimgraph.ingest.text import document_from_text
from claimgraph.nlp.pipeline import Pipeline
from claimgraph.settings import Settings


@pytest.fixture(scope="module")
def hybrid(nlp):
    return Pipeline(Settings(tagger="hybrid"), nlp=nlp)


@pytest.mark.parametrize(
    "text",
    [
        "“We will hold the bridge,” the brigade commander said. Officials believe the tunnels may stretch further.",
        "The governor said: “Every shelter in the city is full.” Reportedly, the convoy turned back.",
    ],
)
def test_learn_hybrid_keeps_what_the_rules_find(hybrid, pipeline, text):
    document = document_from_text(text)
    rules = {(a.cue.text, a.content_text) for a in pipeline.analyse(document).attributions}
    both = {(a.cue.text, a.content_text) for a in hybrid.analyse(document).attributions}
    assert rules <= both


def test_learn_hybrid_offsets_point_into_the_text(hybrid):
    analysis = hybrid.analyse(
        document_from_text(
            "The senator wants a full inquiry into the strike, his aides said on Monday."
        )
    )
    assert analysis.attributions
    for attribution in analysis.attributions:
        for span in (attribution.source, attribution.cue, *attribution.content):
            if span is not None:
                span.check(analysis.document.text)


def test_learn_hybrid_unknown_tagger_is_a_clear_error(nlp):
    with pytest.raises(InputError) as caught:
        Pipeline(Settings(tagger="transformer"), nlp=nlp)
    assert caught.value.code == "CG115"
