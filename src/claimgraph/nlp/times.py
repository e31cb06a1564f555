"""Find time expressions and resolve them against the publication date.

Needs: token.pos, token.tag, token.dep and DATE entities from the parse.  Returns: Time records.

Rules over the text, not dateparser: dateparser misses "earlier this month" and "in late
September", and these rules are faster. Each pattern below knows one form; the earlier pattern
wins where two overlap. The span starts at the preposition when there is one ("since August",
"on Friday"), because "since" changes the meaning.

Values: a day is "2024-10-18"; anything longer is "start/end" ("2024-08-01/2024-10-19").
Granularity is the unit the text speaks in: day, week, month, year, or interval for vague
spans ("in recent months"). Relation compares the period with the publication date: before,
after, same (publication falls inside it) or unknown.

Resolution:
- A weekday or a month without a year is read in the tense of its verb: past tense (and no
  tense) takes the latest one on or before publication ("on Friday" in a story published on
  Saturday 2024-10-19 is 2024-10-18), "will" takes the next one on or after it.
- "since August" runs from 1 August to publication, at month granularity.
- "in recent months" is the 90 days before publication (`times_vague.v1.tsv`).
- "a day after", "two weeks later", "the next day" count from an event the sentence names, not
  from publication: they are kept with value "", no dates and relation unknown.
- Without a publication date only expressions with a year resolve; the rest keep value "",
  no dates and relation unknown.
"""

import bisect
import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Token

from claimgraph.nlp.lexicon import data_rows, lexicon_text
from claimgraph.nlp.model import doc_text
from claimgraph.records import Span, Time

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3,
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "hour": 1 / 24}

_PREP = r"(?:(?i:on|in|since|from|until|till|by|before|after|during|through|as\s+of)\s+)?"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b(?:(?<![a-z]{4})\.(?=\s*\d))?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>(?:19|20)\d\d)\b"
_PART = (
    r"(?:(?P<part>(?i:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of|"
    r"(?:end|beginning|start|middle)\s+of))[\s-]+)?"
)
_COUNT = r"(?P<n>\d+|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
_SINCE_WORDS = frozenset({"since", "from"})


@dataclass(frozen=True, slots=True)
class _Period:
    """What an expression means once anchored: first and last day, and its unit."""

    start: date | None
    end: date | None
    granularity: str


@dataclass(frozen=True, slots=True)
class _Context:
    doc: Doc
    published: date | None
    token_starts: list[int]

    def token_at(self, char: int) -> Token:
        return self.doc[max(0, bisect.bisect_right(self.token_starts, char) - 1)]

    def direction(self, char: int) -> str:
        """past, future or none: the tense of the verb that governs the expression."""
        node = self.token_at(char)
        for _ in range(8):
            if node.pos_ in ("VERB", "AUX") or node.head is node:
                break
            node = node.head
        auxiliaries = [child for child in node.children if child.dep_ in ("aux", "auxpass")]
        if any(aux.lower_ in ("will", "shall", "'ll", "’ll") for aux in auxiliaries):
            return "future"
        if node.tag_ in ("VBD", "VBN") or any(aux.tag_ == "VBD" for aux in auxiliaries):
            return "past"
        return "none"


@cache
def _vague_periods() -> dict[str, tuple[int, int]]:
    return {
        phrase: (int(back), int(forward))
        for phrase, back, forward in data_rows(lexicon_text("times_vague.v1.tsv"))
    }


def find_times(doc: Doc, published: date | None) -> list[Time]:
    """Every time expression in the document, in text order, resolved against `published`."""
    context = _Context(doc, published, [token.idx for token in doc])
    taken: list[tuple[int, int]] = []
    times = []
    text = doc_text(doc)
    for pattern, resolve in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            period = resolve(match, context)
            if period is None:
                continue
            taken.append((start, end))
            times.append(_record(Span(start, end, match.group()), period, published))
    return sorted(times, key=lambda time: time.span.start)


def _record(span: Span, period: _Period, published: date | None) -> Time:
    if period.start is None or period.end is None:
        return Time(span, "", None, None, period.granularity, "unknown")
    if period.start == period.end and period.granularity == "day":
        value = period.start.isoformat()
    else:
        value = f"{period.start.isoformat()}/{period.end.isoformat()}"
    relation = _relation(period.start, period.end, published)
    return Time(span, value, period.start, period.end, period.granularity, relation)


def _relation(start: date, end: date, published: date | None) -> str:
    """before, after or same; a period that runs up to publication ("since August") is before."""
    if published is None:
        return "unknown"
    if end < published or (start < published and end == published):
        return "before"
    if start > published:
        return "after"
    return "same"


# -- calendar arithmetic -------------------------------------------------------------------------


def _month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _part(start: date, end: date, part: str | None) -> tuple[date, date]:
    """The early, mid or late third of a month (1-10, 11-20, 21-end) or of a year (Jan-Apr,
    May-Aug, Sep-Dec); "the end of" is late, "the beginning of" early."""
    if not part:
        return start, end
    part = part.lower()
    third = 0 if ("early" in part or "beginning" in part or "start" in part) else 1
    third = third if "mid" not in part and "middle" not in part else 1
    third = 2 if ("late" in part or "end" in part) else third
    if start.month == end.month and start.year == end.year:
        first = (date(start.year, start.month, 1), start.replace(day=10))
        middle = (start.replace(day=11), start.replace(day=20))
        return (first, middle, (start.replace(day=21), end))[third]
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        first_month = 1 + 4 * third
        return date(start.year, first_month, 1), _month(start.year, first_month + 3)[1]
    length = (end - start).days // 3
    return start + timedelta(days=length * third), (
        end if third == 2 else start + timedelta(days=length * (third + 1) - 1)
    )


def _choose(options: list[tuple[date, date]], published: date, direction: str) -> tuple[date, date]:
    """The occurrence the tense points to: latest begun by publication, next one, or nearest."""
    if direction == "future":
        return min((o for o in options if o[1] >= published), key=lambda o: o[0])
    if direction == "past":
        return max((o for o in options if o[0] <= published), key=lambda o: o[0])
    return min(options, key=lambda o: abs((o[0] + (o[1] - o[0]) / 2) - published))


def _month_number(match: re.Match) -> int:
    return _MONTHS[match["mon"].lower()]


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[" ".join(word.lower().split())]


def _since(match: re.Match, start: date, end: date, context: _Context) -> tuple[date, date]:
    """ "since August": from the start of the period to publication."""
    first = match.group().split(maxsplit=1)[0].lower()
    if first in _SINCE_WORDS and context.published is not None and start <= context.published:
        return start, context.published
    return start, end


def _leading_word(match: re.Match) -> str:
    return match.group().split(maxsplit=1)[0].lower()


# -- resolvers, one per pattern ------------------------------------------------------------------


def _iso(match: re.Match, context: _Context) -> _Period | None:
    try:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    return _Period(day, day, "day")


def _full_date(match: re.Match, context: _Context) -> _Period | None:
    try:
        day = date(int(match["year"]), _month_number(match), int(match["day"]))
    except ValueError:
        return None
    return _Period(day, day, "day")


def _day_month(match: re.Match, context: _Context) -> _Period | None:
    month, day_number = _month_number(match), int(match["day"])
    if not 1 <= day_number <= 31:
        return None
    if context.published is None:
        return _Period(None, None, "day")
    years = range(context.published.year - 1, context.published.year + 2)
    options = []
    for year in years:
        try:
            options.append((date(year, month, day_number),) * 2)
        except ValueError:
            continue
    if not options:
        return None
    start, end = _choose(options, context.published, context.direction(match.start("mon")))
    return _Period(start, end, "day")


def _month_year(match: re.Match, context: _Context) -> _Period | None:
    start, end = _part(*_month(int(match["year"]), _month_number(match)), match["part"])
    start, end = _since(match, start, end, context)
    return _Period(start, end, "month")


def _bare_month(match: re.Match, context: _Context) -> _Period | None:
    token = context.token_at(match.start("mon"))
    if token.pos_ != "PROPN" and token.ent_type_ != "DATE":
        return None  # "may" the verb, "march" the noun
    if context.published is None:
        return _Period(None, None, "month")
    month, published = _month_number(match), context.published
    options = [_month(year, month) for year in range(published.year - 1, published.year + 2)]
    which = (match["which"] or "").lower()
    if which == "last":
        options = [o for o in options if o[1] < published] or options
        direction = "past"
    elif which == "next":
        options = [o for o in options if o[0] > published] or options
        direction = "future"
    elif which == "this":
        options = [o for o in options if o[0].year == published.year]
        direction = "none"
    elif _leading_word(match) in _SINCE_WORDS:
        direction = "past"
    else:
        direction = context.direction(match.start("mon"))
    start, end = _part(*_choose(options, published, direction), match["part"])
    start, end = _since(match, start, end, context)
    return _Period(start, end, "month")


def _year(match: re.Match, context: _Context) -> _Period | None:
    token = context.token_at(match.start("year"))
    has_cue = match.group() != match["year"]
    if token.ent_type_ != "DATE" and not (has_cue and token.ent_type_ in ("", "DATE")):
        return None  # a number, not a year
    if token.dep_ == "nummod" and token.head.tag_ == "NNS":
        return None  # "2000 troops", even when the model calls it a DATE
    year = int(match["year"])
    start, end = _part(date(year, 1, 1), date(year, 12, 31), match["part"])
    start, end = _since(match, start, end, context)
    return _Period(start, end, "year")


def _this_last_next(match: re.Match, context: _Context) -> _Period | None:
    """ "last week", "earlier this month", "late last year", "next weekend"."""
    unit, which = match["unit"].lower(), match["which"].lower()
    if context.published is None:
        return _Period(None, None, "interval" if unit == "weekend" else unit)
    published = context.published
    step = {"last": -1, "this": 0, "next": 1}[which]
    if unit == "week":
        start, end = _week(published + timedelta(weeks=step))
    elif unit == "weekend":
        saturday = _week(published)[0] + timedelta(days=5)  # this week's
        if (which == "last" and saturday >= published) or (
            which == "next" and saturday <= published
        ):
            saturday += timedelta(weeks=step)
        return _Period(saturday, saturday + timedelta(days=1), "interval")
    elif unit == "month":
        first = _add_months(published.replace(day=1), step)
        start, end = _month(first.year, first.month)
    else:
        start, end = date(published.year + step, 1, 1), date(published.year + step, 12, 31)
    modifier = (match["mod"] or "").lower()
    if modifier == "earlier" and start <= published <= end:
        end = published
    elif modifier == "later" and start <= published < end:
        start = published + timedelta(days=1)
    elif modifier in ("early", "mid", "late"):
        start, end = _part(start, end, modifier)
    return _Period(start, end, unit)


def _weekend(match: re.Match, context: _Context) -> _Period | None:
    if context.published is None:
        return _Period(None, None, "interval")
    saturday = _week(context.published)[0] + timedelta(days=5)
    if saturday > context.published:
        saturday -= timedelta(weeks=1)
    return _Period(saturday, saturday + timedelta(days=1), "interval")


def _ago(match: re.Match, context: _Context) -> _Period | None:
    unit, number = match["unit"].lower(), _count(match["n"])
    if context.published is None:
        return _Period(None, None, unit)
    published = context.published
    if unit == "day":
        day = published - timedelta(days=number)
        return _Period(day, day, "day")
    if unit == "week":
        return _Period(*_week(published - timedelta(weeks=number)), "week")
    if unit == "month":
        then = _add_months(published, -number)
        return _Period(*_month(then.year, then.month), "month")
    return _Period(
        date(published.year - number, 1, 1), date(published.year - number, 12, 31), "year"
    )


def _from_event(match: re.Match, context: _Context) -> _Period | None:
    """ "a day after", "two weeks later": counted from an event, not from publication."""
    unit = (match["unit"] or "day").lower()
    return _Period(None, None, unit if unit in _UNIT_DAYS and unit != "hour" else "day")


def _vague(match: re.Match, context: _Context) -> _Period | None:
    """ "in recent months": a fixed number of days before (or after) publication."""
    if context.published is None:
        return _Period(None, None, "interval")
    back, forward = _vague_periods()[" ".join(match["phrase"].lower().split())]
    published = context.published
    return _Period(
        published - timedelta(days=back), published + timedelta(days=forward), "interval"
    )


def _past_period(match: re.Match, context: _Context) -> _Period | None:
    """ "in the past two weeks", "over the last year": up to publication."""
    if context.published is None:
        return _Period(None, None, "interval")
    published = context.published
    number = _count(match["n"]) if match["n"] else 1
    unit = match["unit"].lower().removesuffix("s")
    if unit == "month":
        start = _add_months(published, -number)
    else:
        start = published - timedelta(days=max(1, round(number * _UNIT_DAYS[unit])))
    return _Period(start, published, "interval")


def _weekday(match: re.Match, context: _Context) -> _Period | None:
    if context.published is None:
        return _Period(None, None, "day")
    published, weekday = context.published, _WEEKDAYS[match["wd"].lower()]
    which = (match["which"] or "").lower()
    if which == "last":
        day = published - timedelta(days=(published.weekday() - weekday) % 7 or 7)
    elif which == "next":
        day = published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    elif which == "this":
        day = _week(published)[0] + timedelta(days=weekday)
    elif context.direction(match.start("wd")) == "future":
        day = published + timedelta(days=(weekday - published.weekday()) % 7)
    else:
        day = published - timedelta(days=(published.weekday() - weekday) % 7)
    return _Period(day, day, "day")


def _deictic(match: re.Match, context: _Context) -> _Period | None:
    if context.published is None:
        return _Period(None, None, "day")
    word = " ".join(match.group().lower().split())
    offset = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
    day = context.published + timedelta(days=offset)
    return _Period(day, day, "day")


_Resolver = Callable[[re.Match, _Context], _Period | None]
_PATTERNS: list[tuple[re.Pattern[str], _Resolver]] = [
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), _iso),
    (
        re.compile(rf"\b{_PREP}(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"),
        _full_date,
    ),
    (re.compile(rf"\b{_PREP}(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}"), _full_date),
    (
        re.compile(
            r"(?i:\b(?:(?:in|over|during|within)\s+(?:the\s+)?)?"
            r"(?P<phrase>(?:recent|coming)\s+(?:days|weeks|months|years)))\b"
        ),
        _vague,
    ),
    (
        re.compile(
            r"(?i:\b(?:in|over|during|within)\s+the\s+(?:past|last)\s+"
            r"(?:(?P<n>\d+|a\s+few|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?"
            r"(?P<unit>hours|days|weeks|months|years|day|week|month|year))\b"
        ),
        _past_period,
    ),
    (re.compile(rf"\b{_PREP}{_PART}{_MONTH},?\s+{_YEAR}"), _month_year),
    (re.compile(rf"\b{_PREP}(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}"), _day_month),
    (re.compile(rf"\b{_PREP}(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?!\s*,?\s*\d)"), _day_month),
    (
        re.compile(
            r"(?i:\b(?:(?:in|during|over|since|by|until)\s+)?(?:(?P<mod>earlier|later|early|mid|late)"
            r"[\s-]+)?(?P<which>this|last|next)\s+(?P<unit>week|month|year|weekend))\b"
        ),
        _this_last_next,
    ),
    (re.compile(r"(?i:\b(?:over|during|at)\s+the\s+weekend)\b"), _weekend),
    (re.compile(rf"(?i:\b{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+ago)\b"), _ago),
    (
        re.compile(
            rf"(?i:\b(?:{_COUNT}|several|a\s+few|the)\s+(?P<unit>day|week|month|year)s?\s+"
            r"(?:after|before|later|earlier|prior)"
            r"|\bthe\s+(?:next|following|previous|preceding)\s+(?P<unit2>day|week|month|year|morning))\b".replace(
                "(?P<unit2>", "(?:"
            )
        ),
        _from_event,
    ),
    (
        re.compile(
            rf"\b{_PREP}{_PART}(?:(?P<which>(?i:last|this|next))\s+)?{_MONTH}(?!\s*(?:\d|,\s*\d))"
        ),
        _bare_month,
    ),
    (re.compile(rf"\b{_PREP}{_PART}{_YEAR}(?!\s*[-–]?\s*mm)"), _year),
    (re.compile(rf"\b{_PREP}(?:(?P<which>(?i:last|this|next))\s+)?{_WEEKDAY}\b"), _weekday),
    (re.compile(r"(?i:\b(?:yesterday|today|tomorrow|tonight|last\s+night))\b"), _deictic),
]
