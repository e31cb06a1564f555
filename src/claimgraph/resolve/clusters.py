"""Claim clusters: does a claim state the same proposition as a cluster (or another claim)?

Needs: `ClaimFacts` and unit vectors of their content.  Returns: a `ClusterMatch` (similarity,
score, what agrees, what conflicts) and the decision.

Text similarity alone puts "1,500 troops arrived" next to "12,000 troops expected", so the score
adds what the claims mention: a shared figure, country or named entity raises it. What an analyst
would keep apart vetoes a merge outright: a different polarity (a denial is not an assertion),
different figures or a figure on one side only, a shared figure with a different modality
("10,000 sent" against "10,000 by December"), a different actor ("North Korea sent" against
"Russia sent"), disjoint countries, and content too short to judge ("the deployment").
A cluster's features are the union over its members, so every member is checked, not only the
founder.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Protocol

import numpy as np

from claimgraph.resolve import embed, topics
from claimgraph.resolve.authors import claim_author
from claimgraph.resolve.facts import STORY_SIZE, ClaimFacts, claims_the_deed
from claimgraph.resolve.lexical import Profile, dot, words
from claimgraph.resolve.measures import DISTANCE, KILOMETRES, in_base_unit
from claimgraph.resolve.records import ClusterMatch
from claimgraph.resolve.zero_counts import counts_none

NUMBER_BONUS = 0.08
# Both claims lead with the same count of the same event ("84 ... killed"): rarely a coincidence.
LEAD_EVENT_BONUS = 0.06
# Another main verb ("crossed" / "attacked") lowers the score without vetoing, since reports
# vary the verb ("hit" / "struck"). Fitted on the fit split's gold (bench/resolve_quality.py):
# 0.1 gave the best B-cubed F1 and pairwise precision there (0, 0.03, 0.06, 0.1, 0.15, 0.2, 0.3
# tried); the same verb earned no bonus worth keeping.
PREDICATE_PENALTY = 0.1
EVENT_UNSAID_PENALTY = 0.1  # what one count of the same people leaves unsaid (see compare)
# One body giving one figure again ("about 480,000 records were copied" / "copied 480,000
# records"): its own restatement, however it is worded.
SAME_SOURCE_FIGURE_BONUS = 0.08
PLACE_BONUS = 0.0
ENTITY_BONUS = 0.0
UNSPECIFIC = frozenset({"unknown", "recap"})
SHORT_WORDS = 2  # content this short ("the deployment") says too little to merge on meaning
SHORT_SIMILARITY = 0.9  # ... unless it is nearly the same words from the same source
# one body's short denials of "the accusation" / "an accusation as baseless" in two reports:
# the same denial, worded by two writers
SHORT_DENIAL_SIMILARITY = 0.75
SHORT_PHRASE = 2  # a phrase with no verb this short ("the Myanmar army") names, it does not state
SHORT_HEADLINE = 2  # a headline's clipped claim this short ("shots fired") states too little

# "may have been carried out by ISWAP rather than Boko Haram", "four days, not two": a claim
# set against another
RIVAL = re.compile(
    r"\b(?:rather than|instead of|not by)\b|, not (?:the |about |as )?\w+", re.IGNORECASE
)
# "the Yemeni accusation over the drones", "reports that ...": content that names someone
# else's claim rather than stating one
ACCUSATION = re.compile(
    r"^(?:[\w'’-]+\s+){0,3}?(?:accusations?|allegations?|claims?|reports?|charges?|version)\b",
    re.IGNORECASE,
)
Figure = tuple[float, str, str]  # (value, modality, thing counted, with its event)
# Arrived and current both say the troops are there; projected, final and cumulative do not.
MODALITY_CLASS = {"arrived": "realised", "current": "realised"}
# A toll is a running count: "has risen to 13" and "13 people have now died" say one thing.
TOLL_MODALITY_CLASS = {**MODALITY_CLASS, "cumulative": "realised"}


def _modality_class(modality: str, thing: str = "") -> str:
    """The modality as far as a merge cares; a count of an event (`thing` "people:killed")
    makes cumulative and current one."""
    classes = TOLL_MODALITY_CLASS if ":" in thing else MODALITY_CLASS
    return classes.get(modality, modality)


def _figures_of(fact: ClaimFacts) -> tuple[Figure, ...]:
    """Figures as a merge compares them; a range ("between 30 and 45") by its midpoint, so two
    reports of one range agree and a range never equals a plain count of one of its ends."""
    return tuple(
        dict.fromkeys(
            (
                in_base_unit(value, f.unit),
                f.modality,
                f"{f.thing}:{f.event}" if f.event else _thing(f),
            )
            for f in fact.figures
            if (value := _value(f.value, f.low, f.high)) is not None
            and _thing(f)
            and f.modality != "recap"
        )
    )


def _values_of(fact: ClaimFacts) -> tuple[tuple[float, str], ...]:
    """Every number the claim states, in base units, with what it counts ("" if nothing)."""
    return tuple(
        dict.fromkeys(
            (in_base_unit(value, f.unit), _thing(f) or "")
            for f in fact.figures
            if (value := _value(f.value, f.low, f.high)) is not None
        )
    )


def _stated(figure: Figure, values: Iterable[tuple[float, str]]) -> bool:
    """Does a claim state this count, if only in passing ("the 31 fishermen detained would be
    brought before the prosecutor")? The same number of the same thing, or of nothing named
    ("seven were aboard"); "the two Colombian drivers" are not "two Spanish citizens"."""
    counted = _same_people(figure[2]).partition(":")[0]
    return any(
        value == figure[0] and (not thing or _same_people(thing).partition(":")[0] == counted)
        for value, thing in values
    )


def _thing(figure: "topics.Figure") -> str | None:
    """What a figure counts, as merges compare it: a distance with no position words ("Uganda
    says 4 km west") is still a distance, so "4 km" and "1.2 km" are two claims."""
    return figure.thing or (DISTANCE if figure.unit in KILOMETRES else None)


def _value(value: float | None, low: float | None, high: float | None) -> float | None:
    if value is not None:
        return value
    return (low + high) / 2 if low is not None and high is not None else None


@dataclass(frozen=True, slots=True)
class Features:
    """What a cluster is compared on: the figures, places and entities of all its members, its
    polarity and the actor its founding claim is about."""

    polarity: str
    figures: tuple[Figure, ...]
    countries: tuple[str, ...]
    entities: tuple[str, ...]
    source: str | None
    words: int = 99  # content words of the founding claim
    agent: str | None = None  # who does what the founding claim says ("KP" sent troops)
    lead: Figure | None = None  # the founding claim's first figure: what it is chiefly about
    negated: bool = False  # "had not entered": the opposite of "had entered"
    predicate: str | None = None  # the founding claim's main verb ("cross")
    rival: bool = False  # "by ISWAP rather than Boko Haram": it sets itself against another account
    accusation: bool = False  # "the Yemeni accusation over ...": it names a claim it answers
    story: tuple[str, ...] = ()  # the places named by the reports its members come from
    scenes: tuple[str, ...] = ()  # the countries their leads put the story in (one each at most)
    author: str | None = None  # a denial's: whose claim it names ("Azerbaijan's claim that")
    # every member is a headline: a compressed restatement ("Church disputes police toll"),
    # too clipped to say which claim it denies or to be the claim a denial denies
    headline: bool = False
    # "claimed responsibility for Monday's attack": the claimant says it did it, which no
    # account of the attack itself says
    claims_deed: bool = False
    # every number the founding claim states, counted or not ("the 31 fishermen detained", a
    # recall; "seven were aboard", seven of nothing named): what another's count may match
    # (only the founder's, as `lead`: a figure-less cluster must not gather every count)
    values: tuple[tuple[float, str], ...] = ()  # (value, thing counted, "" if none)

    @property
    def denies(self) -> bool:
        """A denial: it says the claims it matches are false."""
        return self.polarity == "deny"

    @classmethod
    def of(cls, fact: ClaimFacts, original_source: str | None) -> "Features":
        figures = _figures_of(fact)
        return cls(
            polarity=fact.polarity,
            figures=figures,
            countries=fact.countries,
            entities=fact.entities,
            source=original_source,
            words=len(words(fact.match_text or fact.content_text)),
            agent=fact.agent,
            lead=figures[0] if figures else None,
            negated=fact.negated,
            predicate=fact.predicate,
            rival=bool(RIVAL.search(fact.match_text or fact.content_text)),
            accusation=bool(ACCUSATION.match(fact.match_text or fact.content_text)),
            story=fact.story,
            scenes=(fact.scene,) if fact.scene else (),
            author=claim_author(fact.content_text) if fact.polarity == "deny" else None,
            headline=fact.headline,
            claims_deed=claims_the_deed(fact.content_text, fact.cue or ""),
            values=_values_of(fact),
        )

    def joined(self, member: "Features") -> "Features":
        """The cluster's features once `member` joins: every figure and place of any member
        counts, so a later claim cannot slip in through a founder that named no figure."""
        return Features(
            polarity=self.polarity,
            figures=tuple(dict.fromkeys((*self.figures, *member.figures))),
            countries=tuple(sorted(set(self.countries) | set(member.countries))),
            entities=tuple(sorted(set(self.entities) | set(member.entities)))[:40],
            source=self.source,
            words=self.words,
            agent=self.agent or member.agent,
            lead=self.lead,
            negated=self.negated,
            predicate=self.predicate or member.predicate,
            rival=self.rival,
            accusation=self.accusation,
            story=tuple(sorted(set(self.story) | set(member.story)))[:STORY_SIZE],
            scenes=tuple(sorted(set(self.scenes) | set(member.scenes))),
            author=self.author,
            headline=self.headline and member.headline,
            claims_deed=self.claims_deed,
            values=self.values,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "polarity": self.polarity,
            "figures": [list(f) for f in self.figures],
            "countries": list(self.countries),
            "entities": list(self.entities),
            "source": self.source,
            "words": self.words,
            "agent": self.agent,
            "lead": list(self.lead) if self.lead else None,
            "negated": self.negated,
            "predicate": self.predicate,
            "rival": self.rival,
            "accusation": self.accusation,
            "story": list(self.story),
            "scenes": list(self.scenes),
            "author": self.author,
            "headline": self.headline,
            "claims_deed": self.claims_deed,
            "values": [list(v) for v in self.values],
        }

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> "Features":
        return cls(
            polarity=row["polarity"],
            figures=tuple(
                (float(f[0]), str(f[1]), str(f[2]) if len(f) > 2 else "") for f in row["figures"]
            ),
            countries=tuple(row["countries"]),
            entities=tuple(row["entities"]),
            source=row.get("source"),
            words=int(row.get("words", 99)),
            agent=row.get("agent"),
            lead=(float(row["lead"][0]), str(row["lead"][1]), str(row["lead"][2]))
            if row.get("lead")
            else None,
            negated=bool(row.get("negated", False)),
            predicate=row.get("predicate"),
            rival=bool(row.get("rival", False)),
            accusation=bool(row.get("accusation", False)),
            story=tuple(row.get("story", ())),
            scenes=tuple(row.get("scenes", ())),
            author=row.get("author"),
            headline=bool(row.get("headline", False)),
            claims_deed=bool(row.get("claims_deed", False)),
            values=tuple((float(v[0]), str(v[1])) for v in row.get("values", ())),
        )


def names_only_in_common(
    denial: Features, claim: Features, denial_words: Iterable[str], claim_words: Iterable[str]
) -> bool:
    """True when a denial and a claim share no word but names: "denied that Pyongyang is
    supplying weapons" and "Pyongyang could receive Russian technology" speak of one country,
    not of one deed. With another main verb, that is too little to call it the claim denied."""
    names = {w for e in (*denial.entities, *claim.entities) for w in words(e)}
    return not (set(denial_words) & set(claim_words)) - names


def other_action(a: str | None, b: str | None) -> bool:
    """Two main verbs, both known and different ("crossed" / "attacked"); an unknown one
    ("were now in Russia") is judged on the rest."""
    return bool(a and b and a != b)


def predicate_penalty(a: Features, b: Features) -> float:
    """What another main verb takes off a similarity (a merge's, a denial's)."""
    return PREDICATE_PENALTY if other_action(a.predicate, b.predicate) else 0.0


def other_story(a: Features, b: Features) -> bool:
    """Claims from reports of two stories: their leads set them in different countries and
    the reports name no town, region or site in common ("nine killed" at a dam in Niger is not
    "nine killed" in a raid in Mozambique, however alike the words)."""
    return bool(
        a.scenes
        and b.scenes
        and not set(a.scenes) & set(b.scenes)
        and a.story
        and b.story
        and not set(a.story) & set(b.story)
    )


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


# Words a report uses for the same people: "22 crew" / "22 people on board", "six fishermen" /
# "six men" still missing, "11 civilians" / "11 people" killed, "two hostages" / "two captives"
PEOPLE_WORDS = frozenset(
    {
        "people",
        "crew",
        "persons",
        "men",
        "seafarers",
        "sailors",
        "fishermen",
        "civilians",
        "victims",
        "hostages",
        "captives",
        "abductees",
        "passengers",
        "residents",
        "villagers",
        # who they are by their country or their place: "five of our compatriots" / "five
        # fishermen", "61 inmates" / "61 prisoners"
        "compatriots",
        "nationals",
        "citizens",
        "inmates",
        "prisoners",
        "detainees",
    }
)


def _same_people(thing: str) -> str:
    """A counted thing with the words for the same people made one ("crew:missing" ->
    "people:missing")."""
    counted, _, event = thing.partition(":")
    if counted in PEOPLE_WORDS:
        counted = "people"
    return f"{counted}:{event}" if event else counted


def _event_unsaid(a: str, b: str) -> bool:
    """One count of the same people or things, one side saying what happened to them and the
    other not ("four soldiers" / "four soldiers:killed"): the same count, the event left out."""
    counted_a, _, event_a = _same_people(a).partition(":")
    counted_b, _, event_b = _same_people(b).partition(":")
    return counted_a == counted_b and (not event_a) != (not event_b)


def _figure_conflicts(a: Features, b: Features) -> list[str]:
    """Why the figures of two claims cannot state one proposition (empty: they can).

    A claim is chiefly about its first figure: "1,500 troops arrived" and "troops arrived" are
    two claims, "1,500" and "12,000" are two, "10,000 sent" and "10,000 by December" are two,
    and "100 killed" and "100 wounded" are two. Later figures in the same content ("... and
    could grow to 12,000") may differ.
    """
    if (a.lead is None) != (b.lead is None):
        counted = a.lead or b.lead
        assert counted is not None
        other = b if a.lead is not None else a
        if counts_none(counted[0]) and (other.denies or other.negated):
            return []  # "no civilian was abducted" and "denied reports of abductions"
        if _stated(counted, other.values):
            return []  # "it detained 31 fishermen" / "the 31 fishermen detained would ..."
        return [f"numbers {_number(counted[0])} vs none"]
    if a.lead is None or b.lead is None:
        return []
    (value_a, mode_a, thing_a), (value_b, mode_b, thing_b) = a.lead, b.lead
    if _same_people(thing_a) != _same_people(thing_b) and not (
        value_a == value_b and _event_unsaid(thing_a, thing_b)
    ):
        return [f"counts {thing_a} vs {thing_b}"]
    if value_a != value_b:
        return [f"numbers {_number(value_a)} vs {_number(value_b)}"]
    classes = {_modality_class(mode_a, thing_a), _modality_class(mode_b, thing_b)} - UNSPECIFIC
    if len(classes) > 1:
        return [f"modality of {_number(value_a)}: {mode_a} vs {mode_b}"]
    return []


def _too_short(claim: Features) -> bool:
    """ "the deployment", or "the Myanmar army" (what "blamed" names) with no verb: too little
    of a proposition to merge on meaning; nor a headline's "Athens says shots fired", which
    another source's "only warning shots were fired" matches on its two words."""
    return (
        claim.words < SHORT_WORDS
        or (claim.words <= SHORT_PHRASE and claim.predicate is None)
        or (claim.headline and claim.words <= SHORT_HEADLINE)
    )


def _same_lead_event(a: Features, b: Features) -> bool:
    """Both claims lead with one count of one event ("4,200 people displaced"), in the words
    for the same people or not ("seven fishermen" / "seven men" aboard)."""
    if a.lead is None or b.lead is None or ":" not in a.lead[2]:
        return False
    (value_a, mode_a, thing_a), (value_b, mode_b, thing_b) = a.lead, b.lead
    return (value_a, mode_a, _same_people(thing_a)) == (value_b, mode_b, _same_people(thing_b))


def compare(a: Features, b: Features, similarity: float, threshold: float) -> ClusterMatch:
    """Score two claims (or a claim and a cluster) and say why.

    Precision first: anything an analyst would keep apart vetoes the merge whatever the text
    similarity: polarity, figures, the actor, disjoint countries, or content too short to judge.
    """
    agreeing: list[str] = []
    conflicting: list[str] = []
    score = similarity
    if a.polarity == b.polarity:
        agreeing.append(f"polarity {a.polarity}")
        if a.negated != b.negated and a.polarity != "deny":
            # two denials both say it did not happen, whether by the cue or the clause
            conflicting.append("negation: one says it did not happen")
    else:
        conflicting.append(f"polarity {a.polarity} vs {b.polarity}")
    same_event = _same_lead_event(a, b)
    if a.claims_deed != b.claims_deed:
        conflicting.append("a claim of responsibility vs an account of the deed")
    if a.rival != b.rival and not same_event:
        # "four soldiers were killed, not two" still says what "four soldiers died" says
        conflicting.append("rival account: one says 'rather than' the other")
    figure_conflicts = _figure_conflicts(a, b)
    conflicting += figure_conflicts
    common = {(v, t) for v, _, t in a.figures} & {(v, t) for v, _, t in b.figures}
    common = {(v, t) for v, t in common if t}
    if common and not figure_conflicts:
        agreeing.append("numbers " + ", ".join(_number(v) for v, _ in sorted(common)))
        score += NUMBER_BONUS
        if same_event:
            assert a.lead is not None
            agreeing.append(f"lead figure {_number(a.lead[0])} {a.lead[2]}")
            score += LEAD_EVENT_BONUS
    if a.agent and b.agent and a.agent != b.agent:
        conflicting.append(f"actor {a.agent} vs {b.agent}")
    places = set(a.countries) & set(b.countries)
    if places:
        agreeing.append("places " + ", ".join(sorted(places)))
        score += PLACE_BONUS
    elif a.countries and b.countries:
        conflicting.append(f"places {', '.join(a.countries)} vs {', '.join(b.countries)}")
    if other_story(a, b):
        conflicting.append(
            f"stories: reports set in {', '.join(a.scenes)} vs {', '.join(b.scenes)}"
        )
    short_floor = SHORT_DENIAL_SIMILARITY if a.denies and b.denies else SHORT_SIMILARITY
    if (_too_short(a) or _too_short(b)) and (similarity < short_floor or a.source != b.source):
        conflicting.append("too few words to compare")
    entities = set(a.entities) & set(b.entities)
    if entities:
        agreeing.append("entities " + ", ".join(sorted(entities)[:5]))
        score += ENTITY_BONUS
    if a.predicate and a.predicate == b.predicate:
        agreeing.append(f"predicate {a.predicate}")
    if not same_event:
        # "had fled" / "had been displaced", "were killed" / "died": with one count of one
        # event, the verbs are two wordings of that event
        score -= predicate_penalty(a, b)
    if a.lead and b.lead and _event_unsaid(a.lead[2], b.lead[2]):
        # "four soldiers" / "four soldiers killed": the same count only if the words agree
        score -= EVENT_UNSAID_PENALTY
    if a.source and a.source == b.source:
        agreeing.append(f"source {a.source}")
        if a.lead is not None and a.lead == b.lead:
            score += SAME_SOURCE_FIGURE_BONUS
    vetoed = bool(conflicting)
    return ClusterMatch(
        similarity=round(similarity, 4),
        threshold=threshold,
        agreeing=tuple(agreeing),
        conflicting=tuple(conflicting),
        score=round(score, 4),
        vetoed=vetoed,
        merged=not vetoed and score >= threshold,
    )


def text_similarity(
    vector: np.ndarray,
    profile: Profile,
    vector_sum: np.ndarray,
    terms_sum: Profile,
    size: int,
    text_weight: float,
    mean: np.ndarray,
) -> float:
    """Similarity to a cluster (or one claim, size 1): the embedding cosine to its centroid after
    removing the story mean, and the average TF-IDF cosine to its members, mixed by
    `text_weight` (sums make this two dot products)."""
    size = max(size, 1)
    return (
        text_weight * embed.centred_cosine(vector, vector_sum / size, mean)
        + (1 - text_weight) * dot(profile, terms_sum) / size
    )


def best_cluster(
    features: Features,
    vector: np.ndarray,
    profile: Profile,
    reps: "Representatives",
    threshold: float,
    text_weight: float,
    mean: np.ndarray,
    candidates: int = 30,
) -> tuple[int | None, ClusterMatch | None]:
    """The index of the best cluster this claim joins (None: it opens a new one).

    Candidates are the clusters nearest by embedding; each is then scored in full.
    """
    if not reps.ids:
        return None, None
    means = reps.matrix @ vector
    best: tuple[int | None, ClusterMatch | None] = (None, None)
    for index in np.argsort(-means)[:candidates]:
        similarity = text_similarity(
            vector,
            profile,
            reps.sums[index],
            reps.terms[index],
            reps.sizes[index],
            text_weight,
            mean,
        )
        match = compare(features, reps.features[index], similarity, threshold)
        to_founder = text_similarity(
            vector, profile, reps.founders[index], reps.founder_terms[index], 1, text_weight, mean
        )
        if match.merged and to_founder + (match.score - match.similarity) < threshold:
            # Average link alone lets a cluster drift from claim to claim; every member must
            # also say nearly what the founding claim said (with the same agreeing facts).
            match = replace(
                match,
                merged=False,
                conflicting=(*match.conflicting, "far from the founding claim"),
            )
        if match.merged and names_only_in_common(
            features, reps.features[index], profile.keys(), reps.founder_terms[index].keys()
        ):
            # "Finote Selam is in the hands of the people" and "the army is fully in control of
            # Finote Selam": one town, two opposite claims; a name is not a proposition
            match = replace(
                match,
                merged=False,
                conflicting=(*match.conflicting, "only names in common with the founding claim"),
            )
        if match.merged and (best[1] is None or match.score > best[1].score):
            best = (int(index), match)
    return best


class Representatives(Protocol):
    ids: list[str]
    sums: list[np.ndarray]
    sizes: list[int]
    terms: list[Profile]
    features: list[Features]
    founders: np.ndarray  # one row per cluster
    founder_terms: list[Profile]
    matrix: np.ndarray
