"""Lengths of time and distances that a story disputes: how long the power was out, how far
inside whose waters a boat was.

Needs: a stored MEASURE quantity's unit, the document text and the figure's clause.
Returns: the series thing ("outage hours", "distance"), or nothing for a measure that is no such
figure ("a 122-mm shell", "fighting lasted three days"); figures stay as written and are
compared in one unit (`in_base_unit`: hours, kilometres).
"""

import re
from collections import Counter

# hours in each unit of time a report writes
HOURS = {"min": 1 / 60, "h": 1.0, "d": 24.0, "wk": 168.0}
# kilometres in each unit of length
KILOMETRES = {"m": 0.001, "km": 1.0, "mi": 1.609344, "nmi": 1.852}
UNIT_WORDS = {"m": "metres", "km": "kilometres", "mi": "miles", "nmi": "nautical miles"}

OUTAGE = "outage hours"
DISTANCE = "distance"
MEASURE_THINGS = frozenset({OUTAGE, DISTANCE})

# the length of an outage: "without power for 19 hours", "restored within nine hours", "the
# cranes were out of service for about 31 hours", "stopped all 18 cranes for 72 hours", "the
# internet was off for 48 hours", "water would return within 48 hours", "counters remained
# unavailable for up to 31 hours"
OUTAGE_WORDS = re.compile(
    r"\b(?:outages?|blackouts?|power cuts?|restor\w*|offline|back online|cut off|disrupt\w*|"
    r"out of (?:service|action|operation)|stopped|halted|shut down|paraly[sz]\w*|"
    r"(?:cut|knocked out|shut off) (?:the )?(?:power|electricity|internet|service|supply|water|gas|"
    r"heating)\w*|"
    r"(?:power|electricity|internet|service|network|supply|water) (?:was|were|went|stayed|remained) "
    r"(?:out|down|off)|went dark|unavailable|inaccessible|"
    r"(?:power|electricity|internet|service|supply|water|gas|heating) (?:would |will |should |could )?"
    r"(?:return|come back|be back)|"
    r"without (?:usable |any )?(?:power|electricity|internet|service|water|heating|heat|signal|"
    r"connection|connectivity)|no (?:power|electricity|internet|service)|"
    r"lost (?:power|service|connection|connectivity|water|gas|heating)|"
    r"(?:was|were|went|stayed|remained) down)\b",
    re.IGNORECASE,
)
OPEN_FOR = re.compile(
    r"\b(?:(?:re)?open(?:ed)?|closed|shut)\b(?:\s+[\w-]+){0,5}\s+(?:for|after|within)\s+"
    r"(?:about\s+|around\s+|up\s+to\s+|nearly\s+|almost\s+|more\s+than\s+|at\s+least\s+|some\s+)?"
    r"[\w.,-]+(?:\s+(?:minutes?|hours?|mins?|hrs?))?\s*$",
    re.IGNORECASE,
)
# where something was, measured from a place or a line: "about 2 nautical miles west of Hunting
# Caye", "1.2 kilometres inside Estonian waters", "40 km north of Bardhere"
POSITION = re.compile(
    r"^\s*(?:(?:[a-z-]+ ){0,2})?(?:inside|into|within|from|off|beyond|outside|away from|"
    r"(?:north|south|east|west|north-east|north-west|south-east|south-west)(?:ern)? of|"
    r"on the [A-Z]\w+ side)\b"
)


def measure_thing(unit: str | None, text: str, end: int, clause: tuple[int, int]) -> str | None:
    """The series thing of a measure that is a disputed figure ("outage hours", "distance"),
    or None."""
    if unit in HOURS:
        low, high = clause
        if OUTAGE_WORDS.search(text[low:high]):
            return OUTAGE
        # "the spillway gates were open for about 40 minutes", "closed them by hand after two
        # hours": how long something stood open or shut, said right before the figure
        return OUTAGE if unit in ("min", "h") and OPEN_FOR.search(text[low:end]) else None
    if unit in KILOMETRES and POSITION.match(text[end : end + 40]):
        return DISTANCE
    return None


def in_base_unit(value: float, unit: str | None) -> float:
    """A figure as figures are compared: lengths of time in hours, distances in kilometres
    ("two days" is 48 hours); counts as they are."""
    return value * HOURS.get(unit or "", KILOMETRES.get(unit or "", 1.0))


def measure_label(thing: str, units: list[str | None]) -> str | None:
    """ "distance in nautical miles" when every figure of the series was given in them, and
    "distance in nautical miles and kilometres" (the commoner first) when the sources differ."""
    if thing != DISTANCE:
        return None
    given = [unit for unit in units if unit in UNIT_WORDS]
    if len(set(given)) == 1:
        return f"distance in {UNIT_WORDS[given[0]]}"
    # metres and kilometres are one system: "distance in kilometres"
    written = Counter(UNIT_WORDS["km" if unit == "m" else unit] for unit in given)
    return "distance in " + (" and ".join(w for w, _ in written.most_common()) or "kilometres")
