"""Find datelines ("SEOUL —", "KYIV, June 7 (Wire) —", "ADEN, Yemen, March 3 —") and keep them
out of what sources say.

Needs: the document text and the gazetteer.  Returns: every dateline that opens a paragraph (its
span and its place, geocoded when the gazetteer knows it), and the document's own dateline: the
first one, when it opens one of the first lines.

A dateline says where the report was filed, not what anyone claimed: content that starts at a
paragraph's first word would otherwise begin with "SEOUL —" and read as part of the claim.
"""

import re

from claimgraph.nlp.gazetteer import Gazetteer
from claimgraph.records import Dateline, Span

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# capitals with accents too: "YAOUNDÉ", "ŁÓDŹ" (Latin-1 and Latin Extended-A)
UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_CAPS_WORD = rf"[{UPPER}][{UPPER}'’.\-]+"
_TITLE_WORD = rf"[{UPPER}](?:[^\W\d_]|['’.\-])+"
_DATELINE = re.compile(
    rf"""
    (?P<place>
        (?P<caps>{_CAPS_WORD}(?:[ /]{_CAPS_WORD}){{0,3}})         # SEOUL, NEW YORK, DAKAR/NOUAKCHOTT
        | (?P<title>{_TITLE_WORD}(?:[ ]{_TITLE_WORD}){{0,2}})     # Kyiv (only with a date or agency)
    )
    (?P<region>,[ ](?!{_MONTH}[ ]\d){_TITLE_WORD}(?:[ ]{_TITLE_WORD}){{0,2}})?  # , Yemen
    (?P<date>,?[ ](?:{_MONTH}[ ]\d{{1,2}}(?:,[ ]\d{{4}})?           # , June 7
                   |\d{{1,2}}[ ]{_MONTH}(?:[ ]\d{{4}})?))?           # , 7 June 2026
    (?P<agency>[ ]?\([^()\n]{{1,40}}\))?                           # (Reuters)
    [ ]?(?:—|–|--|-)[ ]                                           # the dash
    """,
    re.VERBOSE,
)
_FIRST_LINES = 3  # the document's dateline opens one of its first lines (after a title)


# "DUBAI: Satellite images ...": a dateline written with a colon, in the report's first lines only
# (later, "KIRBY: ..." is a transcript's speaker)
# (a label may carry a note on the voice: "HAN (PRESENTER): ...")
_LABEL = re.compile(r"[A-Z][\w.'’ -]{0,30}(?:[ ]?\([^()\n]{1,25}\))?:[ ]")
_COLON_DATELINE = re.compile(rf"(?P<place>(?P<caps>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,2}})):[ ]")


def find_datelines(text: str) -> list[tuple[Span, Span]]:
    """(dateline, place) for every paragraph that opens with a dateline, in text order."""
    found = []
    start = 0
    lines = text.split("\n")
    early = [i for i, line in enumerate(lines) if line.strip()][:_FIRST_LINES]
    # a transcript labels many lines ("PAREDES:", "Q:", "A:"); a colon dateline is the only label
    labels = sum(1 for line in lines if _LABEL.match(line.lstrip()))
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        match = _DATELINE.match(line, indent)
        if match is None and number in early:
            colon = _COLON_DATELINE.match(line, indent)
            if colon is not None and labels == 1:
                match = colon
        groups = match.groupdict() if match is not None else {}
        if match is not None and (groups["caps"] or groups.get("date") or groups.get("agency")):
            dash_end = start + match.end()
            place_end = start + match.end("region" if groups.get("region") else "place")
            found.append(
                (
                    Span.of(text, start + match.start(), dash_end),
                    Span.of(text, start + match.start("place"), place_end),
                )
            )
        start += len(line) + 1
    return found


def document_dateline(text: str, gazetteer: Gazetteer) -> Dateline | None:
    """The dateline of the report itself, geocoded: the first one, if it opens an early line."""
    datelines = find_datelines(text)
    if not datelines:
        return None
    span, place = datelines[0]
    early_lines = [line for line in text.split("\n") if line.strip()][:_FIRST_LINES]
    if not any(line.lstrip().startswith(span.text) for line in early_lines):
        return None
    entry = _geocode(place.text, gazetteer)
    if entry is None:
        return Dateline(span=span, place=place)
    return Dateline(
        span=span,
        place=place,
        name=entry.name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        gazetteer_id=entry.gazetteer_id,
    )


def _geocode(place: str, gazetteer: Gazetteer):  # type: ignore[no-untyped-def]
    """A city first ("ADEN, Yemen" is the port, not a region), then any place by that name;
    capitals are looked up as names, since the gazetteer reads short capitals as acronyms."""
    name, _, region = place.partition(",")
    name = name.partition("/")[0]  # "DAKAR/NOUAKCHOTT": filed from the first
    name = name.strip().title() if name.isupper() else name.strip()
    region = region.strip()
    # "ADEN, Yemen", "NANGAN, Matsu": the words after the comma say which country the town is in
    within = (
        (gazetteer.lookup(region, kind="country") or gazetteer.lookup(region)) if region else None
    )
    entry = gazetteer.lookup(name, kind="city") or gazetteer.lookup(name)
    if within is None or within.country is None:
        return entry
    if entry is None or entry.country != within.country:
        return gazetteer.town_in(name, within.country) or within
    return entry


_TIME_STAMP = re.compile(
    r"^\d{1,2}[:.]\d{2}(?:[ ]?(?:[ap]\.?m\.?|GMT|UTC|[A-Z]{3,4}))?[ ]?(?:—|–|--|-)[ ]", re.M
)


def time_stamps(text: str) -> list[Span]:
    """A live page's entry times ("13:50 — The tanker ..."): like a dateline, when the entry
    was posted, not what anyone said."""
    return [Span.of(text, m.start(), m.end()) for m in _TIME_STAMP.finditer(text)]


def strip_datelines(spans: tuple[Span, ...], datelines: list[Span], text: str) -> tuple[Span, ...]:
    """The spans with any dateline cut off their start; a span inside a dateline goes."""
    kept = []
    for span in spans:
        for dateline in datelines:
            if span.overlaps(dateline):
                span = Span.of(text, max(span.start, dateline.end), span.end)
        if span.end > span.start:
            kept.append(span)
    return tuple(kept)
