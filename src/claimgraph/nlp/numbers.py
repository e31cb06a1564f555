"""Read one number expression at a token: digits, words or both ("1,500", "eight million", "1.5bn").

Needs: token.text and token.whitespace_ only (no parse), so it is cheap to call at every token.
Returns: a NumberRun (token range, value, how it was written) or None; `load_number_lexicon()`
gives the word lists (`quantities_words.v1.tsv`, `units_measures.v1.tsv`, `qualifiers.v1.tsv`,
`units_plurals.v1.tsv`) that this module and `quantities.py` share.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from claimgraph.nlp.lexicon import data_rows, lexicon_text
from claimgraph.records import Qualifier

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QUALIFIERS = {
    "upper": Qualifier.UPPER,
    "lower": Qualifier.LOWER,
    "approx": Qualifier.APPROX,
    "range": Qualifier.RANGE,
}
_WORD_ROLES = ("unit", "teen", "ten", "hundred", "scale", "dozen")


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of measure, percent sign or currency, as the lexicon names it."""

    unit: str  # canonical: "mm", "km", "%", "USD"
    kind: str  # measure | percent | currency | duration | skip
    length: int  # how many tokens the surface form takes


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    words: dict[str, tuple[str, float]]  # number word -> (role, value)
    roles: dict[str, frozenset[str]]  # other roles (identifier, change, year_cue ...) -> words
    suffixes: dict[str, float]  # "bn" -> 1e9
    units_after: dict[tuple[str, ...], Unit]
    units_before: dict[tuple[str, ...], Unit]
    units_before_first: frozenset[str]  # first tokens of currency signs, to look past them
    qualifiers_before: dict[tuple[str, ...], Qualifier]
    qualifiers_after: dict[tuple[str, ...], Qualifier]
    plurals: dict[str, str]
    token_pattern: re.Pattern[str]
    longest_qualifier: int

    def has(self, role: str, word: str) -> bool:
        return word in self.roles.get(role, frozenset())


@dataclass(frozen=True, slots=True)
class NumberRun:
    """One number as written: tokens [start, end), its value, and the flags the stage needs."""

    start: int
    end: int
    value: float
    high: float | None = None  # a range inside one token: "10–12"
    scale: float = 1.0  # the last multiplier applied ("million", "bn"), to scale "10 to 12 million"
    vague: bool = False  # "hundreds", "tens of thousands": a lower bound
    fraction: bool = False  # "two-thirds": a share, not a count
    plain: bool = False  # bare digits without separators, decimals or multipliers ("2024", "5")
    approx: bool = False  # a "~" glued to the digits
    percent: bool = False  # a "pc"/"%" glued to the digits
    metres: bool = False  # an "m" glued to the digits that means metres: "a 3m-high wall"
    words: bool = False  # written with number words ("eight million")


@cache
def load_number_lexicon() -> NumberLexicon:
    """The packaged word lists, read once per process."""
    words: dict[str, tuple[str, float]] = {}
    roles: dict[str, set[str]] = defaultdict(set)
    suffixes: dict[str, float] = {}
    for word, role, value, *_ in (
        [*row, "", ""] for row in data_rows(lexicon_text("quantities_words.v1.tsv"))
    ):
        if role == "suffix":
            suffixes[word] = float(value)
        elif value:
            words[word] = (role, float(value))
        else:
            roles[role].add(word)
    units_after: dict[tuple[str, ...], Unit] = {}
    units_before: dict[tuple[str, ...], Unit] = {}
    for surface, unit, kind, position, *_ in data_rows(lexicon_text("units_measures.v1.tsv")):
        key = tuple(surface.split())
        table = units_before if position == "before" else units_after
        table[key] = Unit(unit, kind, len(key))
    qualifiers_before: dict[tuple[str, ...], Qualifier] = {}
    qualifiers_after: dict[tuple[str, ...], Qualifier] = {}
    for phrase, qualifier, position, *_ in data_rows(lexicon_text("qualifiers.v1.tsv")):
        table = qualifiers_after if position == "after" else qualifiers_before
        table[tuple(phrase.split())] = _QUALIFIERS[qualifier]
    plurals = dict(row[:2] for row in data_rows(lexicon_text("units_plurals.v1.tsv")))
    # Digits with an optional "~", a glued multiplier ("2.5bn"), an in-token range ("10–12") and a
    # glued percent ("3pc"). Compiled once here, never per token.
    suffix = "|".join(sorted(map(re.escape, suffixes), key=len, reverse=True))
    token_pattern = re.compile(
        rf"(?P<approx>~)?(?P<low>{_NUMBER})(?P<low_suffix>{suffix})?"
        rf"(?:[-–—](?P<high>{_NUMBER})(?P<high_suffix>{suffix})?)?(?P<percent>pc|%)?",
        re.IGNORECASE,
    )
    return NumberLexicon(
        words=words,
        roles={role: frozenset(members) for role, members in roles.items()},
        suffixes=suffixes,
        units_after=units_after,
        units_before=units_before,
        units_before_first=frozenset(key[0] for key in units_before),
        qualifiers_before=qualifiers_before,
        qualifiers_after=qualifiers_after,
        plurals=plurals,
        token_pattern=token_pattern,
        longest_qualifier=max(map(len, qualifiers_before)),
    )


def glued(doc: Doc, i: int) -> bool:
    """True when token i touches token i + 1 (no space): "122-mm", "twenty-five"."""
    return i + 1 < len(doc) and not doc[i].whitespace_


def read_number(doc: Doc, i: int, lexicon: NumberLexicon) -> NumberRun | None:
    """The longest number expression starting at token i, or None if none starts there."""
    token = doc[i]
    lower = token.lower_
    if token.text[0].isdigit() or (lower[0] == "~" and len(lower) > 1):
        return _read_digits(doc, i, lexicon)
    role = lexicon.words.get(lower, ("", 0.0))[0]
    if role == "vague":
        return _read_vague(doc, i, lexicon)
    if lower in ("a", "an", "half"):
        return _read_article(doc, i, lexicon)
    if role in _WORD_ROLES:
        return _read_words(doc, i, i, 0.0, lexicon)
    return None


def _read_digits(doc: Doc, i: int, lexicon: NumberLexicon) -> NumberRun | None:
    match = lexicon.token_pattern.fullmatch(doc[i].text)
    if match is None:
        return None
    low = _digits_value(match["low"], match["low_suffix"], doc, i, lexicon)
    high = match["high"] and _digits_value(match["high"], match["high_suffix"], doc, i, lexicon)
    scale = lexicon.suffixes.get((match["high_suffix"] or match["low_suffix"] or "").lower(), 1.0)
    if high and not match["low_suffix"] and low * scale <= high:
        low *= scale  # "2-3bn": the multiplier belongs to both ends
    plain = (
        not (match["low_suffix"] or match["high"] or match["percent"]) and match["low"].isdigit()
    )
    suffix = (match["high_suffix"] or match["low_suffix"] or "").lower()
    metres = suffix == "m" and dimension_follows(doc, i + 1, lexicon)
    run = NumberRun(
        i,
        i + 1,
        low,
        high=high or None,
        scale=scale,
        plain=plain,
        approx=bool(match["approx"]),
        percent=bool(match["percent"]),
        metres=metres,
    )
    if match["low_suffix"] or match["high"] or match["percent"]:
        return run
    # Digits followed by a spelled multiplier: "1.5 million", "12 thousand", "3 m" (glued or not).
    return _read_words(doc, i + 1, i, low, lexicon, digits=run)


def _digits_value(
    digits: str, suffix: str | None, doc: Doc, i: int, lexicon: NumberLexicon
) -> float:
    value = float(digits.replace(",", ""))
    if suffix is None:
        return value
    if suffix.lower() == "m" and dimension_follows(doc, i + 1, lexicon):
        return value  # "3m-high": metres, read by the unit step
    return value * lexicon.suffixes[suffix.lower()]


def dimension_follows(doc: Doc, j: int, lexicon: NumberLexicon) -> bool:
    """True when "high", "long", "away" ... follows (maybe after a hyphen): "3m" is then metres."""
    if j < len(doc) and doc[j].text in "-–":
        j += 1
    return j < len(doc) and lexicon.has("dimension", doc[j].lower_)


def _read_vague(doc: Doc, i: int, lexicon: NumberLexicon) -> NumberRun:
    """ "hundreds", "tens of thousands", "hundreds of millions": a magnitude, read as a lower bound."""
    value = lexicon.words[doc[i].lower_][1]
    end = i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        role, bigger = lexicon.words.get(doc[end + 1].lower_, ("", 0.0))
        if role == "vague" and bigger > value:
            value, end = value * bigger, end + 2
    return NumberRun(i, end, value, scale=value, vague=True, words=True)


def _read_article(doc: Doc, i: int, lexicon: NumberLexicon) -> NumberRun | None:
    """ "a dozen", "a million", "half a million", and "a third of" (a share)."""
    j = i + 1
    half = doc[i].lower_ == "half"
    if half:
        if j >= len(doc) or doc[j].lower_ not in ("a", "an"):
            return _read_fraction(doc, i, 1.0, lexicon)  # "half of the troops"
        j += 1
    if j >= len(doc):
        return None
    role = lexicon.words.get(doc[j].lower_, ("", 0.0))[0]
    if role in ("hundred", "scale", "dozen"):
        run = _read_words(doc, j, i, 0.0, lexicon)
        if run is not None and half:
            return NumberRun(i, run.end, run.value / 2, scale=run.scale, words=True)
        return run
    if role == "fraction" and not half:
        return _read_fraction(doc, j, 1.0, lexicon, start=i)
    return None


def _read_fraction(
    doc: Doc, j: int, numerator: float, lexicon: NumberLexicon, start: int | None = None
) -> NumberRun | None:
    """A share: "two-thirds", "a quarter of". A singular one needs "of", else "a third" is an ordinal."""
    word = doc[j].lower_
    role, denominator = lexicon.words.get(word, ("", 0.0))
    if role != "fraction":
        return None
    plural = word.endswith("s") and numerator > 1
    if not plural and not (j + 1 < len(doc) and doc[j + 1].lower_ == "of"):
        return None
    return NumberRun(
        j if start is None else start, j + 1, numerator / denominator, fraction=True, words=True
    )


def _read_words(
    doc: Doc,
    j: int,
    start: int,
    current: float,
    lexicon: NumberLexicon,
    digits: NumberRun | None = None,
) -> NumberRun | None:
    """Spelled-out numbers, summed the usual way: "one hundred and fifty thousand" = 150,000.

    Stops where English would start a new number ("five five", "twenty thirty"), so lists and
    scores are not merged into one value.
    """
    total, end, scale, last = 0.0, j, 1.0, "digits" if digits else ""
    while j < len(doc):
        word = doc[j].lower_
        role, value = lexicon.words.get(word, ("", 0.0))
        if (
            digits is not None
            and j == end
            and not doc[j - 1].whitespace_
            and word in lexicon.suffixes
        ):
            if word == "m" and dimension_follows(doc, j + 1, lexicon):
                break
            role, value = "scale", lexicon.suffixes[word]  # "£3m", "€40m": split by the tokenizer
        if role in ("unit", "teen", "ten"):
            if last in ("unit", "teen", "digits", "decimal") or (last == "ten" and role != "unit"):
                break
            current += value
        elif (
            word == "point"
            and last in ("unit", "teen", "ten")
            and (places := _decimal_places(doc, j + 1, lexicon))
        ):
            # "one point six miles", "two point five million": a transcript's decimals
            fraction = sum(digit / 10**k for k, digit in enumerate(places, start=1))
            current = round(current + fraction, len(places))
            role, j = "decimal", j + len(places)
        elif role == "hundred":
            if last in ("hundred", "digits", "decimal") and not current:
                break
            current = (current or 1.0) * value
        elif role == "scale":
            if last == "scale" and not current:
                break
            total, current, scale = total + (current or 1.0) * value, 0.0, value
        elif role == "dozen":
            current = (current or 1.0) * value
        elif role == "fraction" and last in ("unit", "teen") and not total:
            return _read_fraction(doc, j, current, lexicon, start=start)
        elif word in ("-", "and") and last and j + 1 < len(doc) and _joins(doc, j, last, lexicon):
            j += 1
            continue
        else:
            break
        last, j, end = role, j + 1, j + 1
    value = total + current
    if digits is not None:
        if end == digits.end:
            return digits
        return NumberRun(start, end, value, scale=scale, approx=digits.approx)
    if end == start:
        return None
    return NumberRun(start, end, value, scale=scale, words=True)


def _decimal_places(doc: Doc, j: int, lexicon: NumberLexicon) -> list[int]:
    """The digits spelt out after "point" ("six" in "one point six"; "zero" and "oh" too)."""
    places = []
    while j < len(doc):
        word = doc[j].lower_
        role, value = lexicon.words.get(word, ("", 0.0))
        if word in ("zero", "oh"):
            places.append(0)
        elif role == "unit":
            places.append(int(value))
        else:
            break
        j += 1
    return places


def _joins(doc: Doc, j: int, last: str, lexicon: NumberLexicon) -> bool:
    """A hyphen in "twenty-five"/"two-thirds", or the "and" in "one hundred and fifty"."""
    following = lexicon.words.get(doc[j + 1].lower_, ("", 0.0))[0]
    if doc[j].text == "-":
        return (
            last in ("ten", "unit", "teen")
            and glued(doc, j - 1)
            and glued(doc, j)
            and following in ("unit", "fraction")
        )
    return last in ("hundred", "scale") and following in ("unit", "teen", "ten")


def plural(word: str, lexicon: NumberLexicon) -> str:
    """The plural of a singular count noun, so "one soldier" and "1,500 soldiers" share a unit."""
    lower = word.lower()
    if lower in lexicon.plurals:
        irregular = lexicon.plurals[lower]
        return word[0] + irregular[1:] if word[:1].isupper() else irregular
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return word[:-1] + "ies"
    return word + "s"
