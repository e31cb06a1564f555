"""Find the numbers in a document: counts of things, measures, money, percentages and years.

Needs: a parsed Doc (token.tag_, pos_, dep_, head and ent_type_ from the tagger, parser and NER).
Returns: Quantity records in text order, with `attribution` left None for the pipeline to fill.

Choices, so that every record means the same thing:
- `value` is always a number the text states. EXACT: value = low = high. APPROX: value only, no
  bounds (an approximation states none). UPPER: value = high. LOWER: value = low. RANGE: low and
  high, value None (a midpoint would be a figure nobody gave). Vague magnitudes ("hundreds of",
  "tens of thousands of", "several thousand") are LOWER with the magnitude as the bound.
- `span` covers the qualifier, the currency sign, the number and a unit of measure ("As many as
  eight million", "more than $2bn", "40 km", "3 per cent"), but not the counted thing.
- `unit` of a COUNT is the counted noun with its compound modifiers, the head in the plural
  ("troops", "shipping containers", "soldiers" for "one soldier"); adjectives, nationalities and
  places are left out ("10,000 North Korean soldiers" -> "soldiers"). None when the noun is not
  next to the number ("the final figure could be nearer to 12,000"): we do not guess across a
  clause. "a 3,000-strong force" keeps "force" as written, since it is the group, not the thing
  counted.
- MEASURE units are canonical: "mm", "km", "t", ISO 4217 codes for money ("$2bn" -> "USD").
  PERCENT uses "%" (shares such as "two-thirds" become 66.67 %), percentage points "pp".
- A length of time in minutes, hours, days or weeks is a MEASURE ("without power for 19
  hours" -> 19 "h"): how long an outage lasted is a figure reports dispute.
- Years are YEAR, never counts. Dates, times, points in time ("three days ago", "a
  25-year-old"), months and years of time, ordinals ("third", "155th") and identifiers
  ("Article 5", "F-16") are skipped.
"""

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.nlp.model import doc_text
from claimgraph.nlp.numbers import (
    NumberLexicon,
    NumberRun,
    Unit,
    dimension_follows,
    glued,
    load_number_lexicon,
)
from claimgraph.nlp.numbers import plural as pluralise
from claimgraph.nlp.numbers import read_number as read_number_at
from claimgraph.records import Qualifier, Quantity, QuantityKind, Span

_DATE_ENTS = frozenset({"DATE", "TIME"})
_PLACE_ENTS = frozenset({"NORP", "GPE", "LOC"})
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_HYPHENS = frozenset({"-", "–", "—"})
_SCAN_LIMIT = 10  # tokens between a number and the noun it counts: "eight million 122-mm and ..."
_METRE = Unit("m", "measure", 1)


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a number means once its neighbours are read."""

    start: int  # first token, qualifier and currency sign included
    end: int  # one past the number, its trailing qualifier and its unit of measure
    low: float
    high: float | None
    qualifier: Qualifier
    unit: Unit | None
    adjectival: bool  # "122-mm": glued to its unit, a modifier of the noun after it


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity in the document, in one left-to-right pass over the tokens.

    Args:
        doc: parsed by the pinned model (tagger, parser, NER).

    Returns:
        One Quantity per number expression; a range ("between 10,000 and 12,000") is one record.
    """
    lexicon = load_number_lexicon()
    quantities: list[Quantity] = []
    i = 0
    while i < len(doc):
        run = read_number_at(doc, i, lexicon)
        if run is None:
            i += 1
            continue
        quantity, end = _quantity(doc, run, lexicon)
        if quantity is not None:
            quantities.append(quantity)
        i = max(end, run.end, i + 1)
    return quantities


def _quantity(doc: Doc, run: NumberRun, lexicon: NumberLexicon) -> tuple[Quantity | None, int]:
    reading = _read(doc, run, lexicon)
    if reading.unit is not None and reading.unit.kind == "duration":
        if not _length_of_time(doc, reading):
            return None, reading.end
        kind, unit = QuantityKind.MEASURE, reading.unit.unit
    elif reading.unit is not None and reading.unit.kind == "skip":
        return None, reading.end
    else:
        kind, unit = _kind_and_unit(doc, run, reading, lexicon)
    if kind is None:
        return None, reading.end
    number, high, qualifier = reading.low, reading.high, reading.qualifier
    if run.fraction:
        number *= 100.0  # a share is reported as a percentage
    span = Span.of(doc_text(doc), doc[reading.start].idx, _end_char(doc, reading.end))
    quantity = Quantity(
        span=span,
        value=None if qualifier is Qualifier.RANGE else number,
        low=None if qualifier in (Qualifier.APPROX, Qualifier.UPPER) else number,
        high=high if qualifier is Qualifier.RANGE else _high(number, qualifier),
        qualifier=qualifier,
        unit=unit,
        kind=kind,
    )
    return quantity, reading.end


# lengths of time a report gives as a figure ("without power for more than 19 hours",
# "restored within nine hours"); months and years are dates, ages and history more often
LENGTH_UNITS = frozenset({"min", "h", "d", "wk"})


def _length_of_time(doc: Doc, reading: _Reading) -> bool:
    """A length of time, not a point in it: "three days ago" and "a 25-year-old" are not."""
    assert reading.unit is not None
    after = doc[reading.end].lower_ if reading.end < len(doc) else ""
    return reading.unit.unit in LENGTH_UNITS and after not in ("ago", "earlier", "later", "old")


def _high(number: float, qualifier: Qualifier) -> float | None:
    return number if qualifier in (Qualifier.EXACT, Qualifier.UPPER) else None


def _end_char(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last)


def _read(doc: Doc, run: NumberRun, lexicon: NumberLexicon) -> _Reading:
    """Gather the range partner, currency sign, qualifiers and unit around one number."""
    low, high, end = run.value, run.high, run.end
    partner = None if run.high or run.vague or run.fraction else _range_partner(doc, run, lexicon)
    if partner is not None:
        high, end = partner.value, partner.end
        if run.scale == 1.0 and partner.scale > 1.0 and low * partner.scale <= high:
            low *= partner.scale  # "between 10 and 12 million"
    if high is not None and high <= low:
        high, end = None, run.end  # "3-1" is a score, not a range
    currency_start, currency = _unit_before(doc, run.start, lexicon)
    if run.vague:
        return _Reading(run.start, end, low, None, Qualifier.LOWER, None, False)
    unit_end, unit, adjectival = _unit_after(doc, end, lexicon)
    unit = unit or currency or (_METRE if run.metres else None)
    leading_start, leading = _qualifier_before(doc, currency_start, lexicon)
    if high is not None:
        start = leading_start if leading is Qualifier.RANGE else currency_start
        return _Reading(start, unit_end, low, high, Qualifier.RANGE, unit, adjectival)
    after_end, after = _qualifier_after(doc, unit_end, lexicon)
    if leading is Qualifier.RANGE or adjectival:
        leading = None  # "between" without a second number; "some 122-mm shells" qualifies shells
    start = leading_start if leading is not None else currency_start
    qualifier = leading or after or (Qualifier.APPROX if run.approx else Qualifier.EXACT)
    return _Reading(start, after_end, low, None, qualifier, unit, adjectival)


def _range_partner(doc: Doc, run: NumberRun, lexicon: NumberLexicon) -> NumberRun | None:
    """The second number of "10,000-12,000", "10,000 to 12,000", "between X and Y", "two or three"."""
    j = run.end
    if j + 1 >= len(doc):
        return None
    link = doc[j].lower_
    before = doc[run.start - 1] if run.start > 0 else None
    if before is not None and before.lower_ in lexicon.units_before_first:
        before = doc[run.start - 2] if run.start > 1 else None
    if link == "and":
        if before is None or before.lower_ != "between":
            return None
    elif link == "to":
        if before is not None and before.lower_ in ("from", "by") and _is_change(before, lexicon):
            return None  # "rose from 1,500 to 12,000" is a change: two numbers
    elif link not in _HYPHENS and link != "or":
        return None
    k = j + 1
    if doc[k].lower_ in lexicon.units_before_first:
        k += 1  # "$2bn-$3bn"
    if k >= len(doc):
        return None
    partner = read_number_at(doc, k, lexicon)
    if partner is None or partner.vague or partner.fraction or partner.high is not None:
        return None
    return partner


def _is_change(preposition: Token, lexicon: NumberLexicon) -> bool:
    """ "rose from 1,500 to 12,000"; "raised its toll of soldiers killed from four to six",
    where the parse hangs "from" on the participle: the verb of the clause it modifies."""
    head = preposition.head
    for _ in range(6):
        if lexicon.has("change", head.lemma_.lower()) or lexicon.has("change", head.lower_):
            return True
        if head.pos_ in ("VERB", "AUX") and head.dep_ not in ("acl", "relcl", "amod"):
            return False  # the clause's own verb is no change: "fled from X to Y" is a range
        if head.head is head:
            return False
        head = head.head
    return False


def _unit_before(doc: Doc, start: int, lexicon: NumberLexicon) -> tuple[int, Unit | None]:
    """A currency sign (or "Mach") right before the number: "$2bn", "US$ 3m", "£3m"."""
    for length in (2, 1):
        k = start - length
        if k >= 0:
            unit = lexicon.units_before.get(tuple(t.lower_ for t in doc[k:start]))
            if unit is not None:
                return k, unit
    return start, None


def _unit_after(doc: Doc, j: int, lexicon: NumberLexicon) -> tuple[int, Unit | None, bool]:
    """A unit of measure after the number, maybe glued by a hyphen ("122-mm"). Returns its end."""
    adjectival = (
        j + 1 < len(doc) and doc[j].text in _HYPHENS and glued(doc, j - 1) and glued(doc, j)
    )
    k = j + 1 if adjectival else j
    for length in (3, 2, 1):
        if k + length <= len(doc):
            unit = lexicon.units_after.get(tuple(t.lower_ for t in doc[k : k + length]))
            if unit is not None:
                return k + length, unit, adjectival
    if k < len(doc) and doc[k].lower_ == "m" and dimension_follows(doc, k + 1, lexicon):
        return k + 1, _METRE, adjectival  # "a 3m-high wall"; a lone "m" is read as million
    return j, None, False


def _qualifier_before(doc: Doc, start: int, lexicon: NumberLexicon) -> tuple[int, Qualifier | None]:
    """The longest qualifier phrase that ends right before the number (or its currency sign)."""
    for length in range(lexicon.longest_qualifier, 0, -1):
        k = start - length
        if k >= 0:
            qualifier = lexicon.qualifiers_before.get(tuple(t.lower_ for t in doc[k:start]))
            if qualifier is not None:
                return k, qualifier
    return start, None


def _qualifier_after(doc: Doc, end: int, lexicon: NumberLexicon) -> tuple[int, Qualifier | None]:
    """ "12,000 or so", "1,000 or more", "1,000+", "1,000-plus"."""
    for length in (2, 1):
        if end + length <= len(doc):
            qualifier = lexicon.qualifiers_after.get(
                tuple(t.lower_ for t in doc[end : end + length])
            )
            if qualifier is not None:
                return end + length, qualifier
    return end, None


# words before "under 15" or "over 60" that make it an age: "girls were under 15", "several
# under 15"; "aged 12" is one whatever comes before
_AGE_HOLDERS = frozenset(
    "was were is are be being been several some many most all both them those children girls "
    "boys women men".split()
)


def _an_age(doc: Doc, run: NumberRun, reading: _Reading, counted: str | None) -> bool:
    """How old, not how many: "aged 12", "several of the abducted girls were under 15"."""
    before = doc[reading.start - 1].lower_ if reading.start > 0 else ""
    if before in ("aged", "ages"):
        return True
    if counted is not None or run.value > 120:
        return False
    return doc[reading.start].lower_ in ("under", "over") and before in _AGE_HOLDERS


def _kind_and_unit(
    doc: Doc, run: NumberRun, reading: _Reading, lexicon: NumberLexicon
) -> tuple[QuantityKind | None, str | None]:
    """Decide what the number is, or (None, None) to drop it (dates, identifiers, stray "one")."""
    tokens = doc[run.start : run.end]
    year_like = run.plain and len(tokens) == 1 and len(tokens[0]) == 4 and 1000 <= run.value <= 2100
    if any(t.ent_type_ in _DATE_ENTS for t in tokens) and _in_real_date(doc, run, lexicon):
        return (QuantityKind.YEAR, None) if year_like else (None, None)
    if reading.unit is None and _time_of_day(doc, reading.end):
        return None, None
    if reading.unit is not None:
        kind = QuantityKind.PERCENT if reading.unit.kind == "percent" else QuantityKind.MEASURE
        return kind, reading.unit.unit
    if run.percent or run.fraction:
        return QuantityKind.PERCENT, "%"
    before = doc[reading.start - 1] if reading.start > 0 else None
    bare = reading.start == run.start and reading.qualifier is Qualifier.EXACT
    if bare and before is not None and _names_an_identifier(doc, run, before, lexicon):
        return None, None
    year_ok = year_like and reading.qualifier in (Qualifier.EXACT, Qualifier.RANGE)
    if year_ok and before is not None and lexicon.has("year_cue", before.lower_):
        return QuantityKind.YEAR, None  # "since 2014 Ukrainian forces ...": not 2014 forces
    stray_one = run.words and run.value == 1 and len(tokens) == 1
    if stray_one and reading.end < len(doc) and doc[reading.end].lower_ == "of":
        return None, None  # "one of the ships": a selection, not a count
    counted = _counted(doc, reading.end, run, lexicon)
    if _an_age(doc, run, reading, counted):
        return None, None
    if counted is None and (year_ok or stray_one):
        return (QuantityKind.YEAR, None) if year_ok else (None, None)
    return QuantityKind.COUNT, counted


TIMES_OF_DAY = (
    ("o'clock",),
    ("o’clock",),
    ("in", "the", "morning"),
    ("in", "the", "afternoon"),
    ("in", "the", "evening"),
    ("at", "night"),
)


def _time_of_day(doc: Doc, end: int) -> bool:
    """ "at about seven in the morning", "nine o'clock": an hour, not a count (the small
    model leaves many of them untagged)."""
    words = tuple(t.lower_ for t in doc[end : end + 3])
    return any(words[: len(time)] == time for time in TIMES_OF_DAY)


def _in_real_date(doc: Doc, run: NumberRun, lexicon: NumberLexicon) -> bool:
    """Trust a DATE/TIME entity only if it holds a date word, a time unit or a year: the small
    model also tags "between 10 and 12 million" and "from 40 to 52" as DATE.
    """
    start, end = run.start, run.end
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    for token in doc[start:end]:
        lower = token.lower_
        unit = lexicon.units_after.get((lower,))
        if lexicon.has("date_word", lower) or (unit is not None and unit.kind == "duration"):
            return True
        if len(lower) == 4 and lower.isdigit() and 1000 <= int(lower) <= 2100:
            return True
    return False


def _names_an_identifier(doc: Doc, run: NumberRun, before: Token, lexicon: NumberLexicon) -> bool:
    """ "Article 5", "Resolution 2231", "F-16" split by the tokenizer, "3-1": the number is a label."""
    if (
        before.text in _HYPHENS
        and run.start >= 2
        and glued(doc, run.start - 2)
        and glued(doc, run.start - 1)
    ):
        return doc[run.start - 2].text[-1:].isalnum()
    if not run.plain:
        return False
    if lexicon.has("identifier", before.lower_):
        return True
    return (
        before.pos_ == "PROPN"
        and before.text[:1].isupper()
        and _counted(doc, run.end, run, lexicon) is None
    )


def _counted(doc: Doc, j: int, run: NumberRun, lexicon: NumberLexicon) -> str | None:
    """The thing a number counts: the noun run right after it, past adjectives, nationalities and
    calibres ("eight million 122-mm and 152-mm shells" -> "shells"), or after "of" ("hundreds of
    troops"). Falls back on the parse (the number's nummod head) when the scan finds no noun.
    """
    n = len(doc)
    strong = j + 1 < n and doc[j].text in _HYPHENS and doc[j + 1].lower_ == "strong"
    if strong:
        j += 2
    elif j + 1 < n and doc[j].lower_ == "of":
        j += 1
        while j < n and lexicon.has("determiner", doc[j].lower_):
            j += 1
    limit = min(n, j + _SCAN_LIMIT)
    nouns: list[Token] = []
    kept = -1  # start of the hyphenated modifiers right before the noun ("anti-tank"), if any
    while j < limit:
        token = doc[j]
        if token.tag_ == "POS":
            nouns.clear()  # "one of Putin's allies": the possessor is not the counted thing
            j += 1
            continue
        measure_end = 0 if nouns else _measure_modifier_end(doc, j, lexicon)
        if measure_end:
            j = measure_end
            continue
        word_end = _word_end(doc, j)
        last = doc[word_end - 1]
        if _is_noun(last):
            nouns.append(last)
            j = word_end
            continue
        if nouns:
            break
        if _is_modifier(last, doc):
            if last.ent_type_ == "NORP" and last.tag_ in ("NNPS", "NNS"):
                nouns.append(last)  # "12 Russians": the nationality is the counted thing
                break
            compound = word_end - j > 1 and _is_compound_modifier(doc[j:word_end])
            kept = (j if kept < 0 else kept) if compound else -1
            j = word_end
        elif (
            token.lower_ in ("and", "or", ",") and j + 1 < limit and _modifies(doc, j + 1, lexicon)
        ):
            kept = -1
            j += 1
        else:
            break
    if not nouns:
        return _counted_by_parse(doc, run)
    first = _word_start(doc, nouns[0].i)
    if 0 <= kept < first:
        first = kept
    head = nouns[-1]
    text = doc_text(doc)[doc[first].idx : head.idx]
    if strong or head.tag_ in ("NNS", "NNPS"):
        return text + head.text
    if run.value != 1 and lexicon.plurals.get(head.lower_) != head.lower_:
        return None  # "25.6 million face hunger", "250 taken hostage": a verb tagged as a noun
    return text + pluralise(head.text, lexicon)


def _is_compound_modifier(word: SpacySpan) -> bool:
    """ "anti-tank", "long-range", "surface-to-air" name a kind of thing and stay in the unit;
    "Russian-made", "Iran-backed" and "pro-Russian" say who, and "heavily-armed" how: they go.
    """
    return word[-1].tag_ not in ("VBN", "VBG") and not any(t.ent_type_ in _PLACE_ENTS for t in word)


def _word_end(doc: Doc, j: int) -> int:
    """One past a hyphen-glued word ("anti-tank", "long-range", "Russian-made")."""
    while j + 2 < len(doc) and doc[j + 1].text in _HYPHENS and glued(doc, j) and glued(doc, j + 1):
        j += 2
    return j + 1


def _word_start(doc: Doc, j: int) -> int:
    while j >= 2 and doc[j - 1].text in _HYPHENS and glued(doc, j - 2) and glued(doc, j - 1):
        j -= 2
    return j


def _is_noun(token: Token) -> bool:
    return (
        token.pos_ in _NOUN_POS
        and token.ent_type_ not in _PLACE_ENTS
        and token.ent_type_ not in _DATE_ENTS
        and not token.like_num
    )


def _is_modifier(token: Token, doc: Doc) -> bool:
    """Words that may sit between a number and its noun: "more", "North Korean", "heavily armed"."""
    if token.tag_ in _MODIFIER_TAGS or token.ent_type_ in _PLACE_ENTS:
        return token.ent_type_ not in _DATE_ENTS
    if token.tag_ in ("VBN", "VBG") and token.dep_ in ("amod", "compound"):
        return True
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return token.pos_ == "ADV" and following is not None and following.tag_ in ("JJ", "VBN")


def _modifies(doc: Doc, j: int, lexicon: NumberLexicon) -> bool:
    """After "and"/",": does another modifier or calibre follow ("122-mm and 152-mm shells")?"""
    return bool(_measure_modifier_end(doc, j, lexicon)) or _is_modifier(
        doc[_word_end(doc, j) - 1], doc
    )


def _measure_modifier_end(doc: Doc, j: int, lexicon: NumberLexicon) -> int:
    """One past a calibre-like modifier ("122-mm", "152mm", "40-km"), or 0 if none starts at j."""
    run = read_number_at(doc, j, lexicon)
    if run is None:
        return 0
    end, unit, _ = _unit_after(doc, run.end, lexicon)
    return end if unit is not None and unit.kind == "measure" else 0


def _counted_by_parse(doc: Doc, run: NumberRun) -> str | None:
    """The noun the parser hangs the number on, when it is close and to the right."""
    head = doc[run.end - 1].head
    if (
        doc[run.end - 1].dep_ != "nummod"
        or not run.end <= head.i < run.end + 4
        or not _is_noun(head)
    ):
        return None
    return head.text if head.tag_ == "NNS" else None
