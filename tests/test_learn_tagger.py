"""The packaged attribution tagger loads offline and predicts well-formed spans."""

import pytest

from claimgraph.errors import ModelError
from claimgraph.learn.tagger import AttributionTagger, TaggedAttribution, _near_main, _runs


@pytest.fixture(scope="module")
def tagger():
    return AttributionTagger.load()


def test_learn_tagger_loads_once(tagger):
    assert AttributionTagger.load() is tagger


def test_learn_tagger_missing_weights_raise_model_error(tmp_path):
    with pytest.raises(ModelError, match="missing"):
        AttributionTagger.load(tmp_path)


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The senator said on Tuesday that the bill would pass easily.",
            "said",
            "The senator",
            "the bill would pass easily",
        ),
        (
            "“We will not back down,” the mayor told reporters.",
            "told",
            "the mayor",
            "We will not back down",
        ),
    ],
)
def test_learn_tagger_finds_cue_source_and_content(nlp, tagger, text, cue, source, content):
    doc = nlp(text)
    found = tagger.predict(doc)
    spans = [a.char_spans(doc) for a in found]
    by_cue = {" ".join(text[s:e] for s, e in a["cue"]): a for a in spans}
    match = next(a for c, a in by_cue.items() if cue in c)
    assert source in " ".join(text[s:e] for s, e in match["source"])
    assert content in " ".join(text[s:e] for s, e in match["content"])


@pytest.mark.parametrize(
    "text",
    [
        "Officials want to expand the program, and critics appear to agree. Nobody spoke.",
        "According to the report, turnout rose. “It is a good day,” she said. “Really.”",
        "",
        "No attribution here at all.",
    ],
)
def test_learn_tagger_spans_are_valid_token_ranges(nlp, tagger, text):
    doc = nlp(text)
    for attribution in tagger.predict(doc):
        assert isinstance(attribution, TaggedAttribution)
        assert attribution.cue
        assert 0.0 <= attribution.confidence <= 1.0
        for ranges in (attribution.cue, attribution.source, attribution.content):
            for start, end in ranges:
                assert 0 <= start < end <= len(doc)
        for role, fragments in attribution.char_spans(doc).items():
            for start, end in fragments:
                assert text[start:end].strip(), role


@pytest.mark.parametrize(
    ("labels", "begin", "inside", "runs"),
    [
        (["O", "B", "I", "O", "B", "B", "I"], "B", "I", [(1, 3), (4, 5), (5, 7)]),
        (["I", "O"], "B", "I", [(0, 1)]),
        (["C", "C", "V", "C", "O", "C"], "C", "C", [(0, 2), (3, 4), (5, 6)]),
    ],
)
def test_learn_tagger_runs_decode_labels(labels, begin, inside, runs):
    assert _runs(labels, begin, inside) == runs


@pytest.mark.parametrize(
    ("content", "gap", "kept"),
    [
        (((0, 5), (8, 12)), 0, ((0, 5), (8, 12))),  # split only by the cue and source
        (((0, 5), (30, 32)), 3, ((0, 5),)),  # a stray far-away piece is dropped
    ],
)
def test_learn_tagger_content_keeps_pieces_near_the_main_one(content, gap, kept):
    assert _near_main(content, ((6, 8),), (5, 6), gap) == kept
