"""The word lists that steer resolution (`nlp/lexicons/resolve_*`), loaded once.

Needs: the packaged data files.  Returns: a `ResolveLexicon` of compiled phrase matchers.
"""

import re
from dataclasses import dataclass
from functools import cache

from claimgraph.nlp.lexicon import data_rows, lexicon_text
from claimgraph.nlp.source_table import load_country_names

# Ties at equal distance: a recap or a forecast marker says more than a plain movement verb.
MODALITY_ORDER = ("recap", "projected", "final", "cumulative", "current", "arrived")


@dataclass(frozen=True, slots=True)
class Phrases:
    """Whole-word phrases, longest first, each with its label."""

    pattern: re.Pattern[str]
    labels: dict[str, str]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, label) of every phrase in text, longest match first at each position."""
        return [
            (m.start(), m.end(), self.labels[m.group(0).lower()])
            for m in self.pattern.finditer(text)
        ]

    def first(self, text: str) -> str | None:
        found = self.find(text)
        return found[0][2] if found else None


def phrases(pairs: list[tuple[str, str]]) -> Phrases:
    labels = {phrase.lower(): label for phrase, label in pairs}
    ordered = sorted(labels, key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in ordered) or r"(?!x)x"
    return Phrases(re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE), labels)


@dataclass(frozen=True, slots=True)
class ResolveLexicon:
    things: dict[str, tuple[str, str | None]]  # unit head word -> (thing or "-", event)
    events: Phrases
    modality: Phrases
    media_descriptions: Phrases
    citation_cues: Phrases
    demonyms: dict[str, str]  # ISO -> demonym ("KP" -> "North Korean")
    country_names: dict[str, str]  # ISO -> name
    countries: Phrases  # every demonym and country name -> ISO ("Tajik", "Tajikistan" -> TJ)
    people: frozenset[str] = frozenset()  # words that count people ("students", "crew members")
    version: str = "v1"


@cache
def load_resolve_lexicon() -> ResolveLexicon:
    things = {
        row[0].lower(): (row[1], None if row[2] == "-" else row[2])
        for row in data_rows(lexicon_text("resolve_units.v1.tsv"))
    }
    countries = load_country_names()
    demonyms: dict[str, str] = {}
    named: list[tuple[str, str]] = []
    for row in data_rows(lexicon_text("places_demonyms.v1.tsv")):
        if len(row) >= 2:
            demonyms.setdefault(row[1], row[0])
            named += [(row[0], row[1]), (row[0] + "s", row[1])]
    named += [(name, code) for code, name in countries.labels.items()]
    return ResolveLexicon(
        things=things,
        events=phrases([(r[0], r[1]) for r in data_rows(lexicon_text("resolve_events.v1.tsv"))]),
        modality=phrases(
            [(r[0], r[1]) for r in data_rows(lexicon_text("resolve_modality.v1.tsv"))]
        ),
        media_descriptions=phrases(
            [(r[0], "media") for r in data_rows(lexicon_text("resolve_media.v1.txt"))]
        ),
        citation_cues=phrases(
            [(r[0], "cite") for r in data_rows(lexicon_text("resolve_citation_cues.v1.txt"))]
        ),
        demonyms=demonyms,
        country_names=dict(countries.labels),
        countries=phrases(named),
        people=frozenset(r[0].lower() for r in data_rows(lexicon_text("resolve_people.v1.txt"))),
    )
