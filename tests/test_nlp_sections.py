"""Very long texts are analysed in sections: offsets point into the whole text, ids and links stay
consistent, and the result is what analysing each section alone gives."""

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.ingest.text import document_from_text
from claimgraph.nlp.pipeline import attribution_id
from claimgraph.nlp.sections import MAX_SENTENCE_TOKENS, SECTION_CHARS, sections

ARTICLE = (Path(__file__).resolve().parent.parent / "examples" / "article.txt").read_text("utf-8")


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab .\n\u00e9"), max_size=400),
    size=st.integers(min_value=4, max_value=60),
)
def test_nlp_sections_join_back_and_stay_under_the_size(text, size):
    pieces = sections(text, size)
    assert "".join(pieces) == text
    assert all(len(piece) <= size for piece in pieces)
    assert all(pieces[:-1])  # no empty section in the middle


def test_nlp_sections_end_at_a_line_break_when_there_is_one():
    text = ("word " * 9 + "\n") * 10
    pieces = sections(text, 120)
    assert all(piece.endswith("\n") for piece in pieces)


def test_nlp_sections_long_document_is_the_sections_analysed_alone(pipeline):
    copies = 2 * SECTION_CHARS // len(ARTICLE) + 3  # at least three sections
    single = pipeline.analyse(document_from_text(ARTICLE, published="2024-10-19"))
    long = document_from_text("\n".join([ARTICLE.strip()] * copies), published="2024-10-19")
    assert len(sections(long.text)) >= 3
    analysis = pipeline.analyse(long)
    text = long.text

    # Every span points at its text in the whole document.
    spans = [s for a in analysis.attributions for s in (a.source, a.cue, *a.content) if s]
    spans += [h.span for a in analysis.attributions for h in a.hedges]
    for group in (analysis.quantities, analysis.places, analysis.times, analysis.entities):
        spans += [record.span for record in group]
    spans += [m.span for m in analysis.mentions]
    assert spans
    for span in spans:
        assert text[span.start : span.end] == span.text

    # Ids are those of the whole text, and every link points at a claim of this analysis.
    ids = {a.id for a in analysis.attributions}
    assert len(ids) == len(analysis.attributions)
    for attribution in analysis.attributions:
        assert attribution.id == attribution_id(long.id, attribution.cue, attribution.content)
        assert attribution.parent is None or attribution.parent in ids
    for group in (analysis.quantities, analysis.places, analysis.times):
        assert all(record.attribution is None or record.attribution in ids for record in group)

    # Each copy of the article gives the claims of the article alone.
    def claims(result):
        return Counter((a.cue.text if a.cue else None, a.content_text) for a in result.attributions)

    assert claims(analysis) == Counter({k: v * copies for k, v in claims(single).items()})
    assert len(analysis.quantities) == copies * len(single.quantities)
    assert {s.id for s in analysis.sources} == {s.id for s in single.sources}
    assert list(pipeline.analyse_many([long])) == [analysis]


def test_nlp_sections_short_document_is_analysed_whole(pipeline):
    document = document_from_text(ARTICLE, published="2024-10-19")
    assert pipeline.analyse(document) == pipeline.analyse_parsed(
        document, pipeline.nlp(document.text)
    )


def test_nlp_sections_no_sentence_is_longer_than_the_cap(nlp):
    doc = nlp("troops moved and " * 1_000)
    assert max(len(sentence) for sentence in doc.sents) <= MAX_SENTENCE_TOKENS
