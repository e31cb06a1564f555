"""Contradictions: denials against the claims they deny, and incompatible figures.

Needs: cluster vectors and features; the figure rows of a topic.
Returns: `Contradiction` rows with an explanation a reader can check.

A denial contradicts an asserting cluster when their founding claims are close in meaning (the
denial's polarity words are left out of its vector), the claim names every country the denial
names, their actors agree, and the denial comes from a different independent body; only the
nearest few claims are linked. A denial that names no country needs a name in common with the
claim, or else a town, region or site both reports name (the same story); tied by the story
alone, it is linked to the one claim nearest in meaning that shares a word with it. A negated
statement ("never rented a flat") contradicts the claim with the same main verb that it negates. A denial that only points back ("such reports", "it") hits the
most reported claim just before it in the same report. Two figures contradict when they count the same topic with
the same modality, were first reported within `figure_window_days` of each other by different
independent bodies, and their ranges do not overlap ("about 8,000" is 7,200-8,800 with the
default tolerance; "more than 10,000" is 10,000 and up).
"""

import hashlib
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from claimgraph.resolve.clusters import Features
from claimgraph.resolve.lexicons import ResolveLexicon
from claimgraph.resolve.measures import OUTAGE, in_base_unit
from claimgraph.resolve.records import Contradiction
from claimgraph.resolve.topics import TOLL_EVENTS
from claimgraph.resolve.zero_counts import counts_none

# Projections are forecasts: two sources expecting different totals do not contradict each
# other about what happened, so only figures of what is (or was) there are compared. A count
# with no marker at all ("212 ambulances had been diverted", "22 crew were on board") states
# a fact too; it is compared with other unmarked counts of its topic.
SPECIFIC_MODALITIES = frozenset({"arrived", "current", "final", "cumulative", "unknown"})


def contradiction_id(kind: str, claim: str, by: str) -> str:
    return "x_" + hashlib.sha1(f"{kind}|{claim}|{by}".encode()).hexdigest()[:16]


DENIAL_TARGETS = 3  # a denial is linked to the few claims nearest to what it denies
STORY_WORDS = 3  # "the border": too little to link by meaning within a story


def denial_applies(
    denial: Features, claim: Features, similarity: float, threshold: float, own: bool = False
) -> bool:
    """Does a denial deny this claim's proposition (not just sound like it)?

    The founding claims must be close in meaning, every country the denial names must be in the
    claim ("no troops in Russia" does not deny a claim about Kursk's neighbour Belarus), unless
    both state the same count of the same event or the claim says the denier's own country did
    it (`own`), and the actors, when both are plain, must be the same.
    """
    if not denial.denies or claim.polarity != "assert" or claim.negated:
        return False
    if similarity < threshold:
        return False
    return _same_matter(denial, claim, own)


# "was", "had": a negated copula or auxiliary says what something is not, rarely that another
# source's claim is false ("These were not toys flown by a teenager")
COPULAS = frozenset({"be", "have", "do", "seem", "become", "remain"})


def negation_applies(
    negation: Features, claim: Features, similarity: float, threshold: float, own: bool = False
) -> bool:
    """Does a negated statement say that another body's claim did not happen?

    "His client never rented a flat overlooking the base" against "the suspect had rented a flat
    overlooking the base": the same main verb, one side negated, close in meaning and about the
    same matter. A negation with another verb ("the town never fell" against "fighters took the
    town") is left alone: without a denial word nothing says which claim it answers. A party's
    own act negated ("Our vessel did not ram anyone. The Turkish boat turned into our bow",
    said by Greece, against "the Greek boat rammed our vessel") answers the claim whatever other
    country its next words name (`own`).
    """
    if not (negation.polarity == "assert" and negation.negated):
        return False
    if claim.polarity != "assert" or claim.negated or similarity < threshold:
        return False
    predicate = negation.predicate
    if not predicate or predicate in COPULAS:
        return False
    if predicate != claim.predicate and claim.predicate not in INCLUDED_ACTS.get(predicate, ()):
        return False
    return _same_matter(negation, claim, own)


# a verb whose negation rules out other acts: "did not harm any civilian" denies "killed 22
# civilians"; whom each is about is checked apart (`other_people`)
INCLUDED_ACTS = {
    "harm": frozenset({"kill", "wound", "injure", "hurt", "shoot", "attack", "abduct"}),
    "hurt": frozenset({"kill", "wound", "injure", "harm", "shoot"}),
    "touch": frozenset({"kill", "wound", "injure", "harm", "hurt", "abduct"}),
}


def _same_matter(denial: Features, claim: Features, own: bool = False) -> bool:
    if denial.agent and claim.agent and denial.agent != claim.agent:
        return False
    same_figure = denial.lead is not None and denial.lead == claim.lead
    if same_figure:
        # "dismissed as fabricated Kyrgyz claims that more than 100 Tajik servicemen died": the
        # same count of the same event; a country naming whose claims they are may differ
        return not (denial.countries and claim.countries) or bool(
            set(denial.countries) & set(claim.countries)
        )
    if denial.accusation:
        # "rejected accusations by Yemen's government that it had ...": the accuser's country
        # is not what the accusation is about; one country in common is enough
        if (
            denial.countries
            and claim.countries
            and not set(denial.countries) & set(claim.countries)
        ):
            return False
    elif denial.countries and not own and not set(denial.countries) <= set(claim.countries):
        return False
    if not denial.countries:
        # No country to check: a shared name, or a town or region both reports are about, must
        # say it is the same story. The same verb alone is not enough: "its fighters had carried
        # out the attack" (a drone strike) would deny "a group carried out the attack" (a
        # ransomware story elsewhere) in the same corpus.
        # A report that names no place at all (an interview transcript) cannot be told apart
        # from the story by its places, so it is not ruled out of it.
        return bool(set(denial.entities) & set(claim.entities)) or (
            denial.words > STORY_WORDS
            and (bool(set(denial.story) & set(claim.story)) or not claim.story)
        )
    return True


# the kinds of people a claim can be about, as a reader tells them apart: an armed group's men
# are its fighters, rebels or attackers alike; "people" itself names any of them
PEOPLE_KINDS = {
    "people": "civilians",
    "troops": "troops",
    "fighters": "armed group",  # fighters, rebels, militants, attackers alike
    "crew": "crew",
    "prisoners": "prisoners",
    "refugees": "civilians",
}
ANYONE = frozenset({"people", "person", "persons", "individual", "individuals"})


def people_named(words: Iterable[str], lexicon: ResolveLexicon) -> set[str]:
    """The kinds of people a claim's words name: "civilian" -> civilians, "soldier" -> troops.
    Words come as lexical.words gives them (a plural's "s" dropped)."""
    found = set()
    for word in words:
        if word in ANYONE or word + "s" in ANYONE:
            continue
        thing = (lexicon.things.get(word) or lexicon.things.get(word + "s") or ("-",))[0]
        if thing in PEOPLE_KINDS:
            found.add(PEOPLE_KINDS[thing])
    return found


def other_people(denial: set[str], claim: set[str]) -> bool:
    """ "denied killing civilians" against "killed 17 soldiers": each names whom it is about, and
    they are not the same people."""
    return bool(denial and claim and not denial & claim)


def story_only(denial: Features, claim: Features) -> bool:
    """True when nothing but the story ties a denial to a claim: no country, no shared name
    ("no ransom had been paid" against "a ransom of 250,000 dollars was paid", both in reports
    from Gedo). Such a denial is linked to the one claim nearest in meaning only."""
    return not denial.countries and not set(denial.entities) & set(claim.entities)


def interval(row: Mapping[str, Any], tolerance: float) -> tuple[float, float]:
    """The range a figure allows, from its qualifier, in hours or kilometres for a measure."""
    scale = in_base_unit(1.0, row.get("unit"))
    low, high = _interval(row, tolerance)
    return low * scale, high * scale


def _interval(row: Mapping[str, Any], tolerance: float) -> tuple[float, float]:
    value = row["value"]
    qualifier = row["qualifier"]
    if qualifier == "range" and row["low"] is not None and row["high"] is not None:
        return row["low"], row["high"]
    if qualifier == "lower_bound":
        low = row["low"] if row["low"] is not None else value
        if not any(ch.isdigit() for ch in row["text"] or "1"):
            # "several hundred", "thousands": an order of magnitude, not an open bound.
            return low, low * 10
        return low, math.inf
    if qualifier == "upper_bound":
        high = row["high"] if row["high"] is not None else value
        # "as many as 200", "up to 26 hours": an estimate near its top, which "about 80" or
        # "around six hours" disputes; "fewer than 1,000" allows anything below
        return (high / 2 if HIGH_ESTIMATE.search(row["text"] or "") else 0.0), high
    if qualifier == "approx":
        return value * (1 - tolerance), value * (1 + tolerance)
    return value, value


HIGH_ESTIMATE = re.compile(r"\b(?:as many as|as much as|as high as|up to)\b", re.IGNORECASE)


def _key(row: Mapping[str, Any]) -> tuple[Any, ...]:
    return (row["cluster_id"], row["value"], row["independence"])


def _stamp(moment: datetime | None) -> float:
    if moment is None:
        return 0.0
    return moment.timestamp() if moment.tzinfo else moment.replace(tzinfo=UTC).timestamp()


def _days(a: datetime | None, b: datetime | None) -> float:
    if a is None or b is None:
        return math.inf
    try:
        return abs((a - b).total_seconds()) / 86400
    except TypeError:  # one has a timezone and the other not: compare the wall clocks
        return abs((a.replace(tzinfo=None) - b.replace(tzinfo=None)).total_seconds()) / 86400


TOLL_WINDOW_DAYS = 1.0


# counts that only rise as news comes in: the dead and wounded (missing people are found, and
# fall), and the customers an outage cut off (the operator learns of more, never fewer)
RISING_EVENTS = TOLL_EVENTS | {"cut off"}


def _toll(row: Mapping[str, Any]) -> bool:
    """A count that only rises, so another body's lower count days later still disagrees."""
    return _event(row) in RISING_EVENTS


PLAIN_PEOPLE = frozenset({"people", "persons", "men", "women", "individuals"})


def _thing_and_event(row: Mapping[str, Any]) -> tuple[str, str]:
    """The counted thing and what happened to it, from the row's topic key ("people|killed||UA")."""
    thing, event = [*(row.get("topic") or "").split("|"), ""][:2]
    return thing, event


def _event(row: Mapping[str, Any]) -> str:
    return _thing_and_event(row)[1]


# things an incident is counted in: "three explosions", "about 60 gunmen" say how big it was
# with no verb, and two such counts of one incident disagree
# an outage's length is the length of the story's one outage in that place
EVENT_THINGS = frozenset({"explosions", "strikes", "airstrikes", "missiles", "rockets", "drones", "shells", "rounds", "shots", OUTAGE})  # fmt: skip
# an armed group's men counted as those who attacked ("about 60 gunmen"), not as its strength
ATTACKING = frozenset({"attackers", "attacker", "assailants", "assailant", "gunmen", "gunman", "raiders", "raider"})  # fmt: skip


def _counts_events(row: Mapping[str, Any]) -> bool:
    if _event(row) or _thing_and_event(row)[0] in EVENT_THINGS:
        return True
    words = (row.get("unit") or "").lower().split()
    return bool(words) and words[-1] in ATTACKING


def _people_to_whom_nothing_happened(row: Mapping[str, Any]) -> bool:
    """ "Two people are questioned", "17 people were treated": people counted with no event
    word count nothing another body's people can be set against."""
    thing, event = _thing_and_event(row)
    return thing in PLAIN_PEOPLE and not event


def _counted_as(row: Mapping[str, Any]) -> str:
    """The modality a comparison cares about: "six are still missing" and "four crew are
    missing" both count the missing so far, but "900 still waiting" is what is left of a total
    that has no event word, and is not set against it."""
    if row["modality"] == "current" and _event(row):
        return "cumulative"
    return str(row["modality"])


# what happened to things, not people: no count of them rises as news comes in
NOT_RUNNING_EVENTS = frozenset({"shut down", "stolen", "aboard"})


def _window(row: Mapping[str, Any], window_days: float) -> float:
    """Tolls rise as bodies are found: a cumulative count days later is a revision, so only
    counts given within a day of each other contradict. Eight cranes stopped on Friday and 18
    claimed on Monday is no revision."""
    running = _counted_as(row) in ("cumulative", "final")
    if running and _event(row) not in NOT_RUNNING_EVENTS:
        return min(window_days, TOLL_WINDOW_DAYS)
    return window_days


def _when(gap: float, window: float) -> str:
    """How close in time the two figures were first given, as the explanation says it."""
    if gap > window:
        return f"{gap:.0f} days apart, the earlier figure still given after the later one"
    return "within a day" if window <= 1 else f"within {window:g} days"


def figure_conflicts(
    rows: Sequence[Mapping[str, Any]],
    window_days: float,
    tolerance: float,
    label: str,
    new: set[str] | None = None,
    name_of: Callable[[str | None], str] = str,
    alike: Callable[[str, str], bool] | None = None,
) -> list[Contradiction]:
    """Incompatible figures among the rows of one topic (each pair once, earlier as the claim).

    Args:
        new: attribution ids of the figures just added; only pairs with one of them are checked
            (the others were checked when they came), so adding a document stays linear.
        name_of: a source id's name as readers see it, for the explanation.
        alike: whether two clusters say nearly the same thing; a count that names no event
            ("19 guards", "1,452 inmates") is set only against a claim that does ("about 20
            attackers took part" against "more than 40 attackers took part"), since nothing
            else says the two count the same guards.
    """
    found: dict[str, Contradiction] = {}
    usable = [
        r
        for r in rows
        if r["modality"] in SPECIFIC_MODALITIES
        and r["value"] is not None
        and r["independence"]
        and not _people_to_whom_nothing_happened(r)
    ]
    usable.sort(
        key=lambda r: (
            r["published"] is None,
            _stamp(r["published"]),
            r["cluster_id"],
            r.get("document_id") or "",
            r.get("position") or 0,
            r["text"],
        )
    )
    # A figure dates from its first report by its body, not from the echoes that repeat it
    # later: "1,500" on 18 Oct against "3,000" on 24 Oct is a revision, whoever reprints it.
    # The explanation names who said it first, as the claim's side on the page does; the
    # bodies behind each claim's figure tell a revision (one body on both sides) from a dispute.
    earliest: dict[tuple[Any, ...], Mapping[str, Any]] = {}
    # the last time each body's figure was reported: a body that still gives its lower toll
    # after another's higher one disputes it, whatever the days between their first reports
    latest: dict[tuple[Any, ...], float] = {}
    bodies: dict[tuple[str, str], set[str]] = {}
    for row in usable:
        earliest.setdefault(_key(row), row)
        stands = (row["independence"], row["value"])
        latest[stands] = max(latest.get(stands, -math.inf), _stamp(row["published"]))
        for level in ("independence", "body"):
            bodies.setdefault((level, row["cluster_id"]), set()).add(row.get(level) or "")
    fresh = [r for r in usable if new is None or r["attribution_id"] in new]
    pairs: set[tuple[Any, ...]] = set()
    for one in fresh:
        for other in usable:
            if other is one:
                continue
            first, second = sorted(
                (one, other),
                key=lambda r: (r["published"] is None, _stamp(r["published"]), r["cluster_id"]),
            )
            # a count of none ("nobody was injured") is no early toll that later counts revise
            none = counts_none(first["value"]) or counts_none(second["value"])
            # Two bodies of one state (the police, the state government) that give two counts
            # on the same day disagree; days apart, one state's later figure is a revision,
            # unless one of them says none happened (the army's "no abduction" against the
            # prefect's 18 taken)
            level = (
                "body"
                if first.get("body") != second.get("body")
                and (none or _days(first["published"], second["published"]) <= TOLL_WINDOW_DAYS)
                else "independence"
            )
            if (
                # "nobody was hurt" denies a count of the hurt, whatever its modality
                (_counted_as(first) != _counted_as(second) and not none)
                or first.get(level) == second.get(level)
                or first["cluster_id"] == second["cluster_id"]
                # "3,000" from Washington and Seoul, then "10,000" from Washington: a revision
                or (second.get(level) or "") in bodies[(level, first["cluster_id"])]
                or (first.get(level) or "") in bodies[(level, second["cluster_id"])]
                or (
                    alike is not None
                    and not _counts_events(first)
                    and not alike(first["cluster_id"], second["cluster_id"])
                )
            ):
                continue
            low_a, high_a = interval(first, tolerance)
            low_b, high_b = interval(second, tolerance)
            # a toll another body gives lower days later disagrees (tolls rise); a higher one
            # may be a revision as bodies are found
            lower_later = high_b < low_a and _toll(first)
            window = window_days if lower_later or none else _window(first, window_days)
            said_a, said_b = earliest[_key(first)], earliest[_key(second)]
            gap = _days(said_a["published"], said_b["published"])
            last_given = latest[(first["independence"], first["value"])]
            still = gap <= window_days and last_given >= _stamp(said_b["published"])
            if gap > window and not still:
                continue
            if high_a < low_b or high_b < low_a:
                # One pair of bodies and figures is one contradiction, however often reprinted.
                same = (
                    first["independence"],
                    first["value"],
                    second["independence"],
                    second["value"],
                )
                if same in pairs:
                    continue
                pairs.add(same)
                # one id whichever of the two came first in this run: reversed pairs are one
                key = contradiction_id(
                    "figures", *sorted((first["cluster_id"], second["cluster_id"]))
                )
                topic = f"{label} ({first['modality']})"
                found[key] = Contradiction(
                    id=key,
                    kind="figures",
                    claim=first["cluster_id"],
                    by=second["cluster_id"],
                    topic=topic,
                    explanation=(
                        f"{topic}: {said_a['text']} from "
                        f"{name_of(said_a['original_source'])} vs {said_b['text']} from "
                        f"{name_of(said_b['original_source'])}, "
                        f"{_when(gap, window)}"
                    ),
                )
    return list(found.values())
