"""The words of the Admiralty scale, so the CLI, the API and the web UI say the same thing.

A bare "3" or "F" tells a reader nothing; "3 possibly true" and "unrated" do. A source whose
reliability cannot be judged (F) is shown as unrated, never as a failing grade.
"""

from claimgraph.resolve.grading import CREDIBILITY, DESCRIPTIONS

CREDIBILITY_WORDS = CREDIBILITY
# The reasons say "reliability cannot be judged"; beside a grade letter the word alone reads better.
RELIABILITY_WORDS = {**DESCRIPTIONS, "F": "cannot be judged"}

UNRATED = "unrated"


def credibility_word(grade: int | None) -> str:
    """The word of an information credibility 1-6 ("possibly true"); unknown grades cannot be judged."""
    return CREDIBILITY_WORDS.get(grade or 6, CREDIBILITY_WORDS[6])


def credibility_label(grade: int | None) -> str:
    """The number with its word: "3 possibly true"."""
    number = grade if grade in CREDIBILITY_WORDS else 6
    return f"{number} {CREDIBILITY_WORDS[number]}"


def rated(reliability: str | None) -> bool:
    """Whether a reliability grade says something: F (cannot be judged) and none do not."""
    return reliability is not None and reliability.upper() in "ABCDE" and len(reliability) == 1


def reliability_word(reliability: str | None) -> str:
    """The word of a source reliability A-F ("usually reliable"); F and none are "unrated"."""
    if not rated(reliability):
        return UNRATED
    return RELIABILITY_WORDS[str(reliability).upper()]


def reliability_label(reliability: str | None) -> str:
    """The grade with its word ("B usually reliable"), or "unrated" when it cannot be judged."""
    if not rated(reliability):
        return UNRATED
    grade = str(reliability).upper()
    return f"{grade} {RELIABILITY_WORDS[grade]}"
