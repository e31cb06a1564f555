"""Load the word lists (cues, hedges, anonymity markers) that steer the rules.

The lists are data files under `nlp/lexicons/`, versioned by name (`cues.v2.tsv`), so a change in
behaviour gets a new file and old outputs stay explainable.
"""

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from claimgraph.records import Certainty

_CERTAINTY = {
    "certain": Certainty.CERTAIN,
    "probable": Certainty.PROBABLE,
    "possible": Certainty.POSSIBLE,
}


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    pos: str  # verb | noun
    content: str  # clause | any | of | on | label | at | to | figure
    certainty: Certainty
    channel: str  # dobj | to | -
    polarity: str = "assert"  # assert | deny: what the cue itself does with the claim


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, Cue]
    nouns: dict[str, Cue]
    hedges: dict[tuple[str, ...], Certainty]  # phrase tokens (lower case) -> strength
    anonymity_phrases: tuple[str, ...]
    anonymity_heads: frozenset[str]
    version: str = "v1"


def lexicon_text(name: str) -> str:
    return resources.files("claimgraph.nlp.lexicons").joinpath(name).read_text("utf-8")


def data_rows(text: str) -> list[list[str]]:
    """Tab-separated rows, without comments and blank lines."""
    return [
        line.rstrip("\n").split("\t")
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


@cache
def load_lexicon(extra_cues: Path | None = None) -> Lexicon:
    """The packaged lexicon, plus a user's cue file in the same format when given."""
    rows = data_rows(lexicon_text("cues.v2.tsv"))
    if extra_cues is not None:
        rows += data_rows(extra_cues.read_text("utf-8"))
    verbs: dict[str, Cue] = {}
    nouns: dict[str, Cue] = {}
    for lemma, pos, content, certainty, channel, polarity, *_ in (row + [""] * 6 for row in rows):
        cue = Cue(
            lemma,
            pos,
            content,
            _CERTAINTY.get(certainty, Certainty.CERTAIN),
            channel or "-",
            # a cue file in the older five-column format may hold a note where polarity now is
            polarity if polarity in ("assert", "deny") else "assert",
        )
        (nouns if pos == "noun" else verbs)[lemma] = cue
    hedges = {
        tuple(phrase.split()): _CERTAINTY[strength]
        for phrase, strength, *_ in data_rows(lexicon_text("hedges.v1.tsv"))
    }
    markers = [row[0].strip() for row in data_rows(lexicon_text("anonymity.v1.txt"))]
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        hedges=hedges,
        anonymity_phrases=tuple(m for m in markers if not m.startswith("@")),
        anonymity_heads=frozenset(m[1:] for m in markers if m.startswith("@")),
    )


@cache
def not_source_nouns() -> frozenset[str]:
    """Head nouns that never speak: documents, counts, headline labels ("the report said")."""
    return frozenset(row[0] for row in data_rows(lexicon_text("not_sources.v1.txt")))


@cache
def organisation_name_words() -> frozenset[str]:
    """Last words of company names ("Shipping", "Terminals"): such a name is no person's."""
    return frozenset(row[0] for row in data_rows(lexicon_text("organisation_name_words.v1.txt")))


# company forms written before or after a name, or left out: "AS Emajõe Vesi", "Emajõe Vesi"
# forms of address before a name, no part of it: "Alhaji Sani Lawal" is Sani Lawal
HONORIFICS = frozenset({"alhaji", "alhaja", "hajiya", "mallam", "malam", "sheikh", "mr", "mrs", "ms", "dr", "madam", "monsignor", "hon"})  # fmt: skip
# ranks as a transcript's labels shorten them: "COL. ZAU TAWNG:", "GEN. SMITH:"
RANKS = frozenset({"col", "gen", "capt", "lt", "maj", "sgt", "cpl", "cdr", "adm", "brig", "gov", "sen", "rep", "prof", "rev", "colonel", "general", "captain", "major"})  # fmt: skip
# the short forms of both, written with a full stop ("Hon.", "Gen.", "Dr.")
ABBREVIATED_TITLES = frozenset(word for word in HONORIFICS | RANKS if len(word) <= 4)

LEGAL_FORMS = frozenset({"as", "ab", "ag", "asa", "sa", "nv", "bv", "plc", "ltd", "llc", "inc", "gmbh", "jsc", "pjsc", "oao", "oy", "oyj", "spa", "srl", "bhd"})  # fmt: skip

# nouns for a settlement or an area an office is held in: "the mayor of the town of X"
# what news calls a state's armed forces: "the army" is never a rebel "X Liberation Army"
ARMY_WORDS = frozenset({"army", "military"})
# words in the name of an armed group fighting a state: the "West Papua National Liberation
# Army" or the "Kachin Independence Army" is no body of the state it fights
INSURGENT_NAME_WORDS = frozenset({"liberation", "independence", "revolutionary", "resistance", "rebel", "rebels", "insurgent", "insurgents", "separatist", "separatists", "salvation", "mujahideen", "jihad", "freedom"})  # fmt: skip
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "district", "province", "region", "county", "commune", "municipality"})  # fmt: skip


@cache
def title_nouns() -> frozenset[str]:
    """Offices and roles that name one person: "the mayor", "the defence minister", "a witness"."""
    return frozenset(row[0] for row in data_rows(lexicon_text("titles.v1.txt")))


@cache
def actor_nouns() -> frozenset[str]:
    """Nouns for people and bodies that may speak ("soldier", "mayor", "ministry")."""
    return frozenset(row[0] for row in data_rows(lexicon_text("actors.v1.txt"))) | title_nouns()
