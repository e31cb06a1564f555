"""Counts of none: "nobody was injured", "no soldier was captured", "no abduction has been recorded".

Needs: a claim's content spans and the document text; the resolve lexicon's counted things.
Returns: `Quantity` records of value 0, read as figures like any other count.

A body that says nothing of a kind happened gives a count of zero, and another body's count of
the same thing and event disputes it ("nobody was injured" against "one fisherman had a gunshot
wound"). Such a denial seldom reads like the claim it answers, so it is compared by what it
counts, not by meaning. Only a zero that names an event (injured, captured, abducted, freed) is
kept as a figure by the caller: "no soldiers in the town" counts nothing. A body that found
"no evidence that any data had been taken" counts none of the data taken, and a denial "that
passenger data had been accessed" none of the data accessed.
"""

import re
from collections.abc import Iterable

from claimgraph.records import Qualifier, Quantity, QuantityKind, Span
from claimgraph.resolve.lexicons import ResolveLexicon

# "nobody", "no one": people, whatever happened to them
NOBODY = re.compile(r"\b(?:nobody|no one|no-one)\b", re.IGNORECASE)
# "no soldier", "not a single civilian", "no crew members"; not the bounds "no more than 20",
# "no fewer than", nor "no longer", "no other"
NO_NOUN = re.compile(
    r"\b(?:no|not a single|not one)\s+"
    r"(?!(?:more|fewer|less|longer|later|sooner|other|one|such|further|sign|evidence)\b)"
    r"(?P<first>[A-Za-z][A-Za-z-]*)(?:\s+(?P<second>[A-Za-z][A-Za-z-]*))?",
    re.IGNORECASE,
)


# "no evidence that any data had been taken", "nothing to indicate that customer data was
# accessed": a body that looked and found none of the thing counts none of it
NONE_FOUND = re.compile(
    r"\b(?:no|nothing to|not any)\s+(?:evidence|sign|signs|indication|indications|indicate|"
    r"suggest|show)\s+(?:so far\s+|yet\s+)?that\s+(?:any\s+)?"
    r"(?P<first>[A-Za-z][A-Za-z-]*)(?:\s+(?P<second>[A-Za-z][A-Za-z-]*))?",
    re.IGNORECASE,
)
# a denial's content that restates what did not happen: "denied that passenger data had been
# accessed", "denied that any soldiers were captured"
DENIED_HAPPENING = re.compile(
    r"^\W*(?:that\s+)?(?:any\s+)?(?!(?:no|not|nobody|none|neither)\b)"
    r"(?P<first>[A-Za-z][A-Za-z-]*)(?:\s+(?P<second>[A-Za-z][A-Za-z-]*))?"
    # passive: what happened to the thing ("had been accessed"), not what it did ("had killed")
    r"(?=\s+(?:(?:had|has|have)\s+(?:ever\s+)?been|was|were|is|are)\s+(?:ever\s+)?[a-z]+ed\b)",
    re.IGNORECASE,
)


NEGATIVE_WORD = re.compile(r"(?i)\b(?:no|not|none|nobody|nothing|no-one)\b")


def read_as_none(text: str) -> str:
    """How a count of none is shown: "no evidence that any data was taken" counts "data", which
    reads "no data"; "nobody" and "no soldier" already say it."""
    return text if NEGATIVE_WORD.search(text) else f"no {text}"


def counts_none(value: float | None) -> bool:
    """A figure that says nothing of its kind happened: it disputes counts, and is no point of
    an estimate series."""
    return value == 0


def zero_counts(
    text: str,
    spans: Iterable[Span],
    lexicon: ResolveLexicon,
    attribution: str | None = None,
    denied: bool = False,
) -> list[Quantity]:
    """The counts of none a claim's content states, one per phrase, in text order; `denied`: the
    claim is a denial, so what its content says happened is counted as none."""
    found: list[Quantity] = []
    for index, span in enumerate(spans):
        part = text[span.start : span.end]
        phrases = [(m.start(), m.end(), "people") for m in NOBODY.finditer(part)]
        # a zero starts at "no" ("no soldier"), or at the thing found none of or denied ("data"
        # in "no evidence that any data ...")
        said_none = [(m, m.start()) for m in NO_NOUN.finditer(part)]
        said_none += [(m, m.start("first")) for m in NONE_FOUND.finditer(part)]
        if denied and index == 0 and (opening := DENIED_HAPPENING.match(part)):
            said_none.append((opening, opening.start("first")))
        for match, start in said_none:
            if (counted := _counted(match, lexicon)) is not None:
                phrases.append((start, *counted))
        found += [
            _zero(text, span.start + start, span.start + end, unit, attribution)
            for start, end, unit in phrases
        ]
    return sorted(found, key=lambda q: q.span.start)


def _counted(match: re.Match[str], lexicon: ResolveLexicon) -> tuple[int, str] | None:
    """Where the counted noun after "no" ends, and its words: two words of which the lexicon
    knows both or the last ("crew members", "Malian soldiers"), else the first ("soldier")."""
    first, second = match.group("first"), match.group("second")

    def counted(words: str) -> bool:
        return lexicon.things.get(words.lower(), ("-",))[0] != "-"

    if second and (counted(f"{first} {second}") or counted(second)):
        return match.end("second"), f"{first} {second}"
    if counted(first):
        return match.end("first"), first
    return None


def _zero(text: str, start: int, end: int, unit: str, attribution: str | None) -> Quantity:
    return Quantity(
        span=Span(start, end, text[start:end]),
        value=0.0,
        low=None,
        high=None,
        qualifier=Qualifier.EXACT,
        unit=unit,
        kind=QuantityKind.COUNT,
        attribution=attribution,
    )
