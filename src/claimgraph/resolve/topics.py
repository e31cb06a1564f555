"""What a figure counts (its topic) and how it is meant (its modality).

Needs: a stored Quantity, the document text, the places inside the claim, earlier figures of the
same document.  Returns: a `Figure` with thing, event, actor, place, modality and topic.

A topic is "thing | event | actor | place": "troops||KP|RU" reads "North Korean troops in
Russia". A figure that does not name its thing, actor or place again ("the number could reach
10,000") takes them from the last figure before it in the same document that did: reports name
the topic once and then refer back to it.
"""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from claimgraph.nlp.lexicon import data_rows, lexicon_text
from claimgraph.nlp.source_table import load_country_names, load_source_table, source_key
from claimgraph.records import Place, Quantity, QuantityKind
from claimgraph.resolve.lexicons import MODALITY_ORDER, ResolveLexicon
from claimgraph.resolve.measures import MEASURE_THINGS, measure_label, measure_thing

ACTOR_SPAN = 40  # characters after a number where "North Korean" still qualifies its noun
EVENT_SPAN = 80


@dataclass(frozen=True, slots=True)
class Figure:
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    thing: str | None  # None: counts something that is no series ("two officials")
    event: str | None  # killed | wounded | casualties | captured
    actor: str | None  # ISO country, or a named group
    place: str | None  # ISO country where it happens
    modality: str  # arrived | current | projected | final | cumulative | recap | unknown
    start: int
    end: int

    @property
    def topic(self) -> str | None:
        if self.thing is None:
            return None
        # "Indonesian soldiers killed in Indonesia" are the "troops killed in Indonesia" of a
        # report that does not say whose: a side's own dead on its own soil
        actor = "" if self.actor == self.place else self.actor or ""
        return "|".join((self.thing, self.event or "", actor, self.place or ""))


def without_place(topic: str) -> str:
    """ "people|abducted||NG" -> "people|abducted||": the topic's count, wherever it is."""
    return topic.rsplit("|", 1)[0] + "|"


def topic_label(topic: str, lexicon: ResolveLexicon, units: Iterable[str | None] = ()) -> str:
    """The topic in words: "troops||KP|RU" -> "North Korean troops in Russia". With the units
    of the series' figures, in the word they all use: "civilians killed in Mali" where every
    figure counts civilians, "people killed in Mali" where some count people or deaths."""
    thing, event, actor, place = [*topic.split("|"), "", "", ""][:4]
    units = list(units)
    if event != "casualties":
        thing = measure_label(thing, units) or _common_word(thing, units, lexicon) or thing
    who = lexicon.demonyms.get(actor, actor) if actor else ""
    if event == "casualties":
        words = [who, thing.rstrip("s"), "casualties"]
    else:
        words = [who, thing, event]
    label = " ".join(w for w in words if w)
    if place:
        label += f" in {lexicon.country_names.get(place, place)}"
    return label


def _common_word(thing: str, units: Iterable[str | None], lexicon: ResolveLexicon) -> str | None:
    """The one counted word ("civilians", "soldiers") behind every unit that names one, when it
    is a word for the topic's thing that says nothing of what happened ("deaths" does)."""
    words: set[str] = set()
    for unit in units:
        if not unit:
            continue  # "38", which counts what an earlier figure counted
        key = _counted_word(unit.split(), lexicon)
        if key is None or lexicon.things[key] != (thing, None):
            return None
        plural = f"{key}s"
        words.add(plural if lexicon.things.get(plural) == (thing, None) else key)
    return words.pop() if len(words) == 1 else None


def figure_of(
    quantity: Quantity,
    text: str,
    *,
    window: tuple[int, int, bool, bool],
    clause_end: int,
    places: list[Place],
    previous: list[Figure],
    document_countries: Counter[str],
    lexicon: ResolveLexicon,
    next_unit: str | None = None,
    speaker_country: str | None = None,
    said_before: list[Figure] | None = None,
) -> Figure:
    """The figure a quantity states inside a claim.

    Args:
        window: (start, end, start is a number, end is a number): the stretch of the claim that
            belongs to this figure, up to the neighbouring numbers or the content's ends.
        next_unit: the unit of the number that ends the window, if one does ("7 of the 20
            workers": the share counts workers).
        speaker_country: the source's country: "41 people died on its side" counts its dead.
        said_before: the earlier figures of the same source, whose actor and place a figure
            that names neither takes ("46 people were killed" from the Kyrgyz ministry does not
            count the Tajik dead another source has just given).
    """
    start, end = quantity.span.start, quantity.span.end
    low, high = window[0], window[1]
    if quantity.kind is QuantityKind.MEASURE:
        return _measure_figure(
            quantity, text, window, clause_end, places, document_countries, lexicon
        )
    # a count never takes its thing from a length of time or a distance before it
    previous = [f for f in previous if f.thing not in MEASURE_THINGS]
    said_before = (
        None if said_before is None else [f for f in said_before if f.thing not in MEASURE_THINGS]
    )
    thing, event, modifiers = _thing(quantity.unit, lexicon)
    # "raised its toll of soldiers killed from four to six": the new figure counts what the
    # old one did, as the old one was meant
    changed = (
        previous[-1]
        if window[2]
        and previous
        and CHANGED_TO.match(text[low:start])
        and _after_from(text, previous[-1].start)
        else None
    )
    if changed is not None and thing is None:
        thing, event = changed.thing, event or changed.event
    # "11 of its 14 crew": 14 is the whole the share is taken from, not a count of its own;
    # "ship 4108" names a ship; "two men aged 29 and 33" gives their ages.
    names_no_count = (
        (window[2] and bool(PARTITIVE.match(text[low:start])))
        or (quantity.unit is None and _identifier(text, start))
        or (quantity.unit is None and bool(AGES.search(text[max(0, start - 24) : start])))
        or (quantity.unit is None and _age_after_name(text, start, end))
        or _share_of_toll(text, start, end, lexicon)
        or (quantity.unit is None and _classifies(text, end, lexicon))
    )
    if (
        thing is None
        and quantity.unit is None
        and window[3]
        # "11 of its 14 crew", "212 Turkish and 900 Nigerien employees": the next one's noun
        and (PARTITIVE.match(text[end:high]) or SHARED_NOUN.match(text[end:high]))
    ):
        thing, event, _ = _thing(next_unit, lexicon)
    subject: tuple[int, int] | None = None
    if not names_no_count and thing is None and quantity.unit is None:
        # "the number of wounded had risen to 162": a bare number counts its subject's noun.
        thing, event = _counted_subject(text[low:start], lexicon)
        if thing is not None:
            subject = _subject_region(text, low, start)
        if thing is None and TOLL.search(text[low:start]):
            thing = "people"  # "put the death toll at 12": the dead, whatever was counted before
        # "42 people, among them nine children. 'Forty-two,' he said": a bare number that
        # repeats an earlier figure counts what that one counted; else the last thing counted
        # ("two of them were beaten" is a share of what this claim counted before it, not
        # another body's two nurses)
        of_them = bool(OF_THEM.match(text[end : end + 12])) and said_before is not None
        repeated = next(
            (
                f
                for f in reversed(said_before if of_them else previous)
                if f.thing
                and (
                    of_them
                    # "Forty-two," he said: the same story's figure, not the one of a roundup's
                    # other item that happens to give the same number
                    # (and near it: "four came home" in a roundup's third story is not the
                    # four soldiers of its first)
                    or (
                        f.value == quantity.value
                        and start - f.end < REPEAT_SPAN
                        and not LIST_ITEM.search(text[f.end : start])
                    )
                )
            ),
            None,
        )
        if thing is None and repeated is not None:
            thing, event = repeated.thing, event or (None if of_them else repeated.event)
        if thing is None and not text[low:start].strip() and not text[end:high].strip(" .,;"):
            # "OCHA says more than 11,000 people have fled; the governor says nearly 20,000":
            # a claim that is a bare figure counts what the figure before it in its sentence
            # counted (not a toll told lines above: that is another item of a briefing)
            last = next((f for f in reversed(previous) if f.thing), None)
            if last is not None and not SENTENCE_BREAK.search(text[last.end : start]):
                thing, event = last.thing, event or last.event
        # else the last thing counted nearby, in the same paragraph: "nine were on board" in a
        # briefing's third item does not count the files of its second
        thing = thing or next(
            (
                f.thing
                for f in reversed(previous)
                if f.thing and start - f.end < REPEAT_SPAN and "\n" not in text[f.end : start]
            ),
            None,
        )
    # what happened to the counted thing is said in the number's own clause: "19 deaths. Our
    # officers arrested four suspects" did not arrest the dead
    before_text = _after_last(CLAUSE_BREAK, text[max(low, start - EVENT_SPAN) : start])
    if window[2]:
        # "30 people had been killed and about 90 houses burned": a verb before the conjunction
        # is the previous number's
        before_text = _after_last(CONJUNCTION, _after_last(LIST_COMMA, before_text))
    before_events = lexicon.events.find(before_text)
    if not window[2] and (joins := list(CONJUNCTION.finditer(before_text))):
        # "a password stolen from a contractor and sent commands to 37 controllers": a verb
        # with words of its own before the conjunction heads the other predicate
        cut = joins[-1].start()
        before_events = [
            e for e in before_events if e[1] > cut or not before_text[e[1] : cut].strip()
        ]
    after_text = _before_first_break(text[end : min(high, end + EVENT_SPAN)])
    group = _group_noun(text[end : max(high, clause_end)], (thing, next_unit, quantity.unit))
    share = group is not None and bool(SHARE.match(text[end : end + 12]))
    if share and event is None:
        rest = text[end : max(high, clause_end)][group:]
        # "35 of the 120 soldiers were on duty, that 19 soldiers were killed": the next reported
        # clause has verbs of its own
        rest = rest[: next_report.start()] if (next_report := NEXT_REPORT.search(rest)) else rest
        found = lexicon.events.find(rest)
        if found and RELATIVE.match(rest):
            found = found[1:]  # "58 of the inmates who escaped ... were recaptured"
        # "rescued three of the fishermen": else the verb that governs the share
        event = found[0][2] if found else _nearest([], before_events)
    event = event or (
        None
        if share
        else _governing(before_events, before_text)
        or _nearest(lexicon.events.find(after_text), before_events)
    )
    if event is None and window[3] and not share and NEXT_IN_PHRASE.match(text[end:high]):
        # "84 Wagner fighters and 47 Malian soldiers had been killed", "two sailors aged 41 and
        # 57 were detained": numbers in one phrase share the verb that follows the last of them
        # (not "60 gunmen took part, ... and that four suspects have been arrested").
        beyond = _before_first_break(text[end : min(clause_end, end + 2 * EVENT_SPAN)])
        event = _nearest(lexicon.events.find(beyond), [])
    if (
        event is None
        and window[2]
        and previous
        and _coordinated(text[low:start])
        and not lexicon.events.find(text[low:start])
    ):
        # "killed 84 Russian mercenaries and 47 Malian soldiers": ... and the verb before the
        # first (not "30 people had been killed and 90 houses burned": that verb is the first's).
        event = previous[-1].event
    if event is None and quantity.unit is None and not share:
        # "The number of people killed on the Kyrgyz side ... has risen to 59", in the number's
        # own sentence ("Two plants stopped. The other nine ran normally" did not stop nine) and
        # after the previous number's verb ("19 were held hostage and that two of them ...")
        own = _after_last(CLAUSE_BREAK, text[low:start])
        if window[2]:
            own = _after_last(CONJUNCTION, _after_last(LIST_COMMA, own))
        event = _nearest([], lexicon.events.find(own))
    if event is None and thing is not None and not share:
        event = _taken(text[end : max(high, clause_end)], before_text, thing, lexicon)
    if event is None and BODIES_OF.search(text[max(low, start - 24) : start]):
        event = "killed"  # "the bodies of seven soldiers arrived"
    fell = bool(FELL.match(text[end : end + 40]))
    own_dead = (
        event is None
        and thing in FIGHTING_PEOPLE
        and (fell or bool(LOST.search(text[max(low, start - 16) : start])))
        # soldiers who fell were killed, whoever says so; others' "men" only a state's
        and (speaker_country is not None or (thing == "troops" and fell))
    )
    if own_dead:
        # "Seven of our men fell", "We lost 11 men", said by a state's army or officials: its
        # own dead (of people, not of shells that fell or power that was lost); a group's
        # "we lost three men" has no country to tell its dead from the army's, so it is left
        event = "killed"
        if thing == "men":
            thing = "troops"  # a state's "men" who fell are its soldiers
    if names_no_count or (not share and not window[3] and _part_only(text, end, lexicon)):
        thing = None
    elif thing is None and quantity.unit is None and event in COUNTED_PEOPLE_EVENTS:
        thing = "people"  # "the death toll stands at 59"
    same = [
        f
        for f in (previous if said_before is None else said_before)
        if f.thing == thing and thing is not None
    ]
    # "put the number of North Korean soldiers in Russia at 10,000": whose and where, as the
    # counted subject says
    named_in_subject = _in_region(places, subject)
    actor = (
        next((p.country for p in named_in_subject if p.kind == "demonym"), None)
        or _named_actor(modifiers)
        or (speaker_country if OWN_PEOPLE.match(text[end:high]) or own_dead else None)
        or _actor_after(text, places, end, high)
        or (speaker_country if OWN_SIDE.search(text[low:high]) else None)
        or next((f.actor for f in reversed(same) if f.actor), None)
        or _actor_before(places, low, start)
    )
    place = (
        next(
            (p.country for p in named_in_subject if p.kind != "demonym" and p.country != actor),
            None,
        )
        or _place(text, places, end, actor, after=True, limit=high)
        or next((f.place for f in reversed(same) if f.place), None)
        or _place(text, places, end, actor, after=False)
        or next((c for c, _ in document_countries.most_common() if c != actor), None)
    )
    if place is None and actor is not None and main_country(document_countries) == actor:
        place = actor  # "17 Indonesian soldiers" in a report on Indonesia: killed at home
    modality = _modality(text, start, end, window, event, lexicon)
    if window[3] and CHANGED_TO.match(text[end:high]) and _after_from(text, start):
        modality = "recap"  # the "four" of "from four to six": the figure as it stood before
    return _figure(quantity, thing=thing, event=event, actor=actor, place=place, modality=modality)


def main_country(countries: Counter[str], majority: float = 1.0) -> str | None:
    """The country named more often than any other, and at least `majority` times as often as
    the next; None for no country, or two named as often."""
    ranked = countries.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or (
        ranked[0][1] > ranked[1][1] and ranked[0][1] >= majority * ranked[1][1]
    ):
        return ranked[0][0]
    return None


def _figure(
    quantity: Quantity,
    *,
    thing: str | None,
    event: str | None,
    actor: str | None,
    place: str | None,
    modality: str,
) -> Figure:
    """The quantity as written (a length of time "two days" stays 2, unit "d"), read as a
    figure."""
    return Figure(
        text=quantity.span.text,
        value=quantity.value,
        low=quantity.low,
        high=quantity.high,
        qualifier=str(quantity.qualifier),
        unit=quantity.unit,
        thing=thing,
        event=event,
        actor=actor,
        place=place,
        modality=modality,
        start=quantity.span.start,
        end=quantity.span.end,
    )


def _measure_figure(
    quantity: Quantity,
    text: str,
    window: tuple[int, int, bool, bool],
    clause_end: int,
    places: list[Place],
    document_countries: Counter[str],
    lexicon: ResolveLexicon,
) -> Figure:
    """A length of time or a distance, kept as written and compared in hours or kilometres
    (`measures.in_base_unit`); a measure that is no disputed figure has no thing, hence no
    series."""
    start, end = quantity.span.start, quantity.span.end
    context = (max(0, start - MEASURE_CONTEXT), min(len(text), max(end, clause_end)))
    place = (
        _place(text, places, end, None, after=True, limit=window[1])
        or _place(text, places, end, None, after=False)
        or next((c for c, _ in document_countries.most_common()), None)
    )
    return _figure(
        quantity,
        thing=measure_thing(quantity.unit, text, end, context),
        event=None,
        actor=None,
        place=place,
        modality=_modality(text, start, end, window, None, lexicon),
    )


FIGHTING_PEOPLE = frozenset({"troops", "people", "civilians", "men", "fighters", "police", "insurgents"})  # fmt: skip
FELL = re.compile(r"\s*(?:of (?:our|its|their|the) )?(?:[\w-]+ ){0,2}fell\b(?! ill)", re.IGNORECASE)
LOST = re.compile(
    r"\b(?:lost|losing|lose|loses)(?: only| just| about| at least)?\s*$", re.IGNORECASE
)
QUESTIONED = re.compile(r"^[\"”’']?\?")  # a number asked back: "Seventeen?"
INCREMENT = re.compile(r"^\s+more\b(?!\s+than\b)", re.IGNORECASE)
REPEAT_SPAN = 400  # characters: a bare number this close to the same figure repeats it
SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s|\n")
MEASURE_CONTEXT = 120  # characters before a measure where "without power" still says what it is


def _part_only(text: str, end: int, lexicon: ResolveLexicon) -> bool:
    """ "Six of the wounded were in critical condition", "fewer than 90,000 of the records": a
    part of a group the report counts elsewhere, with nothing happening to the part that is
    counted (unlike "three of the fishermen were rescued"); not a count of the group."""
    share = SHARE.match(text[end : end + 12])
    if share is None:
        return False
    rest = text[end + share.end() : end + share.end() + 3 * EVENT_SPAN]
    group = re.match(r"\s*\S+", rest)  # "the wounded": the group's word is not its event
    after_group = group.end() if group else 0
    return not [e for e in lexicon.events.find(rest) if e[0] >= after_group]


# "Of the injured, eleven were discharged": the group a share is taken from, named before it
GROUP_BEFORE = re.compile(r"\b[Oo]f (?:the|those|these) ([\w-]+),\s*$")
# "two were civilians", "three were Vestmark employees": what some of a counted group were
CLASSIFIED = re.compile(
    r"^\s+(?:were|was)\s+(?:all\s+)?((?:[\w-]+\s+){0,2}[\w-]+?s)\b(?=\s*(?:[.,;]|and\b|$))"
)


def _share_of_toll(text: str, start: int, end: int, lexicon: ResolveLexicon) -> bool:
    """ "Two of the dead were refinery workers", "two of the injured had died", "Of the injured,
    eleven were discharged": a part of a toll the report gives whole elsewhere; what happened
    to the part (discharged, died since) is no count of the dead or the wounded."""
    share = THE_SHARE.match(text[end : end + 12])  # "11 of their dead" are their dead
    if share is not None:
        group = re.match(r"\s*([\w-]+)", text[end + share.end() : end + share.end() + 30])
        word = group.group(1) if group else ""
    else:
        found = GROUP_BEFORE.search(text[max(0, start - 40) : start])
        word = found.group(1) if found else ""
    return _event_word(word, lexicon) in TOLL_EVENTS


def _event_word(word: str, lexicon: ResolveLexicon) -> str | None:
    """The event a word is on its own ("wounded", "dead"), else None."""
    events = lexicon.events.find(word) if word else []
    return events[0][2] if events and events[0][:2] == (0, len(word)) else None


def _classifies(text: str, end: int, lexicon: ResolveLexicon) -> bool:
    """ "... and two were civilians": a number said to be of some kind, with nothing happening
    to it in its clause, sorts a group counted elsewhere; it counts nothing new."""
    found = CLASSIFIED.match(text[end : end + 60])
    return found is not None and not lexicon.events.find(found.group(0))


# "73 students were taken", "20 had been taken from their beds" (not "taken to hospital",
# "taken into custody", "taken ashore": no abduction)
TAKEN_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,5}?(?:were|was|are|is|had|have|has)\s+(?:been\s+)?taken\b"
    r"(?!\s+(?:to|into|in|off|ashore|aboard|on|out|over|up|part|control|offline|down|apart|ill"
    r"|away|prisoner|hostage)\b)",
    re.IGNORECASE,
)
CHANGED_TO = re.compile(r"^\s+to\s+$")
CHANGED_FROM = re.compile(r"\bfrom\s+$")
# ground an army takes is captured, not stolen
GROUND_TAKEN = frozenset({"villages", "towns", "positions", "settlements", "bases", "outposts", "hills", "districts", "localities", "cities", "areas"})  # fmt: skip
TOOK_BEFORE = re.compile(r"\b(?:took|taken|snatched|grabbed)\s+(?:away\s+)?$", re.IGNORECASE)


def _after_from(text: str, start: int) -> bool:
    """The number at `start` follows "from" ("raised its toll from four to six")."""
    return bool(CHANGED_FROM.search(text[max(0, start - 12) : start]))


# a breach's records that were reached were taken: "customer data had been accessed"
RECORDS_ACCESSED = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:were|was|are|is|had|have|has)\s+(?:been\s+)?accessed\b", re.I
)


def _taken(after: str, before: str, thing: str, lexicon: ResolveLexicon) -> str | None:
    """People taken were abducted; things taken were stolen ("9,000 files had been taken")."""
    if thing == "records" and RECORDS_ACCESSED.match(after):
        return "stolen"
    if thing in lexicon.people:
        return "abducted" if TAKEN_AFTER.match(after) or TOOK_BEFORE.search(before) else None
    if thing not in MEASURE_THINGS and (
        TAKEN_AFTER.match(after)
        # "it had taken 1.4 million customer records" (not "had taken three villages")
        or (TOOK_BEFORE.search(before) and thing not in GROUND_TAKEN)
    ):
        return "stolen"
    return None


def _thing(unit: str | None, lexicon: ResolveLexicon) -> tuple[str | None, str | None, list[str]]:
    if not unit:
        return None, None, []
    words = unit.split()
    if load_country_names().demonyms.get(source_key(words[-1])) and words[-1].endswith("s"):
        # "18 Filipinos": people, of the country the word names (the actor)
        return "people", None, [words[-1]]
    key = _counted_word(words, lexicon)
    if key is not None:
        thing, event = lexicon.things[key]
        size = len(key.split())
        modifiers = [w for w in words[:-size] if w.lower() not in lexicon.things]
        return (None if thing == "-" else thing), event, modifiers
    return words[-1].lower(), None, words[:-1]


def _counted_word(words: list[str], lexicon: ResolveLexicon) -> str | None:
    """The longest ending of a unit that the lexicon knows: "special forces soldiers" ->
    "soldiers", "crew members" -> "crew members"."""
    return next(
        (
            k
            for n in range(len(words), 0, -1)
            if (k := " ".join(words[-n:]).lower()) in lexicon.things
        ),
        None,
    )


OWN_SIDE = re.compile(r"\b(?:on|from) (?:its|our|their|his|her) (?:own )?side\b", re.IGNORECASE)
# "three of our citizens were killed": the speaker's own people
OWN_PEOPLE = re.compile(r"^\s+of (?:our|its|their) (?:own )?(?:citizens|nationals|people)\b", re.I)
COUNTED_PEOPLE_EVENTS = frozenset(
    {
        "killed",
        "wounded",
        "casualties",
        "missing",
        "rescued",
        "displaced",
        "detained",
        "taken hostage",
        "abducted",
        "held",
        "released",
        "aboard",
    }
)
# "11 of its 14 crew", "two of the terminal's six tanks": a share and the whole it is taken from
PARTITIVE = re.compile(
    r"^\s*of (?:the |its |their |his |her |our )?(?:[\w-]+['’]s )?$", re.IGNORECASE
)
# "58 of the inmates", "four of its hospitals": a share of a group named after it
# "the bodies of seven soldiers", "the deaths of 23 civilians", "the killing of 40 villagers"
BODIES_OF = re.compile(
    r"\b(?:bodies|remains|deaths|killings?|murders?) of\s+(?:at least\s+|some\s+|about\s+)?$",
    re.IGNORECASE,
)
OF_THEM = re.compile(r"^\s+of (?:them|those|these)\b", re.IGNORECASE)
SHARE = re.compile(r"^\s+of (?:the|its|their|his|her|our|those|them|these)\b", re.IGNORECASE)
THE_SHARE = re.compile(r"^\s+of (?:the|those|these)\b", re.IGNORECASE)
# "the operator of six hospitals", "a town of 20,000 people": a number that describes a thing
# named before it ("the evacuation of 12 bodies" still counts)
DESCRIBES = re.compile(
    r"\b(?:the|a|an|its) (?:[a-z-]+ )?(?:operator|owner|manager|employer|home|town|city|village|"
    r"district|region|province|country|nation|island|port|fleet|network|chain) of "
    r"(?:about |some |nearly |almost |around |roughly |more than |over |at least )?$",
    re.IGNORECASE,
)
RELATIVE = re.compile(r"^\s*,?\s*(?:who|that|which)\b", re.IGNORECASE)
# "over the past decade", "since 2017": a count across years, not of this event
_MONTHS = (
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)
LONG_SPAN = re.compile(
    r"^[^.;]{0,60}\b(?:over|in|during) the (?:past|last) (?:decade|\w+ (?:years|decades))\b"
    r"|^[^.;]{0,60}\bsince (?:19|20)\d\d\b"
    # "since the kidnapping at Chibok in 2014": a year with no day or month, so years ago
    rf"|^[^.;]{{0,60}}\bsince the (?:(?!{_MONTHS}|\d)[^.;]){{0,40}}\bin (?:19|20)\d\d\b",
    re.IGNORECASE,
)
AGES = re.compile(r"\b(?:aged|ages of)\s+(?:between\s+)?(?:\d+\s*(?:,|and|or|to|-)\s*)*$", re.I)
NEXT_IN_PHRASE = re.compile(r"^[\w\s'-]{0,40}$")
COORDINATED = re.compile(r"^[\w\s'-]{0,40}\b(?:and|or)\s*$")
# a number whose noun comes after the next one: "212 Turkish and more than 900 Nigerien employees"
SHARED_NOUN = re.compile(
    r"^\s+(?:[A-Z][a-z]+\s+)?(?:and|or)\s+(?:about |around |some |nearly |over |more than |at least )?$"
)
# a figure set aside ("four soldiers, not two as it first said") or a breakdown of the figure
# before it ("eight people died, six of them civilians"): neither is a count of its own
REJECTED = re.compile(
    r"\bnot\s+(?:about |around |some |the |more than |fewer than )?$"
    # "We do not have 1.1 million subscribers", "never had 300 staff": a figure the speaker
    # says is not so
    r"|\b(?:do|does|did|have|has|had)(?:\s+not|n't|\s+never)\s+(?:have|hold|employ|count|"
    r"serve|own|run)\s+(?:even\s+|anywhere\s+near\s+)?$"
    r"|\bnever\s+(?:had|held|employed|counted|served|owned|ran)\s+$",
    re.I,
)
# "the church's figure of 42 dead could include ...": another's figure, named to be discussed
OTHERS_FIGURE = re.compile(
    r"(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\bour )(?<!\btheir )(?<!\bmy )"
    r"\b\w+['’]s? (?:[a-z-]+ ){0,2}(?:figure|estimate|toll|count|tally|number|claim) of "
    r"(?:about |some |nearly |almost |around |roughly |more than |over |at least )?$",
    re.IGNORECASE,
)
# "... the ministry's toll of nine was unchanged": the figure restated as it stands
STANDS = re.compile(
    r"^(?:\s+[\w-]+){0,3}\s+(?:was|is|remained|remains|stood|stands)\s+(?:unchanged|at)\b"
)
BREAKDOWN = re.compile(
    r"^\s+of (?:them|those|these)\s+(?!(?:were|was|are|is|had|have|has|remain\w*|still)\b)[a-z]",
    re.I,
)
# "the death toll", "the toll remained": the dead ("the toll among soldiers": COUNTED_SUBJECT's)
TOLL = re.compile(r"\btoll\b(?! of| among)", re.I)
# "put the soldiers' toll at 23": whose dead a toll counts ("the toll of soldiers" is
# COUNTED_SUBJECT's)
OWNED_TOLL = re.compile(
    r"\b([A-Za-z-]+)(?:'|’|['’]s) (?:death |own )?(?:toll|tally|count)\b(?! of)", re.IGNORECASE
)
COUNTED_SUBJECT = re.compile(
    r"\b(?:number|toll|tally|count) (?:of|among) (?:the )?((?:[A-Za-z-]+ ){0,3}[A-Za-z-]+)",
    re.IGNORECASE,
)


# where a clause about something else begins: a sentence's end, a semicolon, or a subordinate
# clause ("4,100 people have fled, IOM says, as police hold four suspects"); a full stop after a
# capital ("U.S. troops") ends nothing
CLAUSE_BREAK = re.compile(
    r"(?<=[a-z0-9)][.!?])[\"”’]?\s+(?=[A-Z\"“‘])|;\s+|,\s+(?:as|while|when|after|but|whereas)\s+"
)


def _before_first_break(text: str) -> str:
    found = CLAUSE_BREAK.search(text)
    return text[: found.start()] if found else text


CONJUNCTION = re.compile(r"\b(?:and|or|but)\b")
# "11 civilians dead, 23 residents taken": a comma the next number follows at once ends the
# previous figure's words, its verb included (not "were killed, including three children")
LIST_COMMA = re.compile(r",\s*$")
NEXT_REPORT = re.compile(r",\s+(?:and\s+)?that\s|\band\s+that\s")
NEXT_PREDICATE = re.compile(
    r",?\s+(?:and|but|or)\s+(?:would|will|could|may|might|plans?\s+to|intends?\s+to)\b"
)


def _after_last(pattern: re.Pattern[str], text: str) -> str:
    ends = [found.end() for found in pattern.finditer(text)]
    return text[ends[-1] :] if ends else text


def _coordinated(between: str) -> bool:
    """True when a number follows the previous one as its conjunct ("... mercenaries and 47")."""
    return bool(COORDINATED.match(between))


def _counted_subject(before: str, lexicon: ResolveLexicon) -> tuple[str | None, str | None]:
    """The noun a bare number counts when its subject says it: "the number of wounded", "the
    number of North Korean troops sent to Russia"."""
    found = COUNTED_SUBJECT.findall(before) or OWNED_TOLL.findall(before)
    if not found:
        return None, None
    named = None  # "the number of its workers killed": the workers, not anyone killed
    for word in found[-1].lower().split():
        if event := _event_word(word, lexicon):
            return named or "people", event
        if word in lexicon.things:
            thing, event, _ = _thing(word, lexicon)
            return thing, event
        if named is None and len(word) > 3 and word.endswith("s") and word not in OWNERS:
            named = word
    return None, None


OWNERS = frozenset({"its", "their", "his", "hers", "ours", "those", "these", "this"})


# what leads from a counted subject to its figure: "put the number of ... at about 10,000",
# "the number of ... could eventually reach 12,000", "has risen to 59"
AT_FIGURE = re.compile(
    r"\b(?:at|reach(?:es|ed)?|(?:rise|rises|rose|risen|grow|grows|grew|grown|climb(?:s|ed)?|"
    r"increase[sd]?|jump(?:s|ed)?) to|total(?:s|led|ed)?)\s+"
    r"(?:about |around |some |nearly |almost |roughly |more than |over |at least |up to )?$",
    re.IGNORECASE,
)


def _subject_region(text: str, low: int, start: int) -> tuple[int, int] | None:
    """Where the counted subject of "put the number of North Korean soldiers in Russia at
    10,000" or "the number of North Korean troops sent to Russia could reach 12,000" lies: the
    whole count, whose and where, is named before its figure."""
    if not AT_FIGURE.search(text[low:start]):
        return None
    found = list(COUNTED_SUBJECT.finditer(text[low:start]))
    return (low + found[-1].start(), start) if found else None


def _in_region(places: list[Place], region: tuple[int, int] | None) -> list[Place]:
    if region is None:
        return []
    return [p for p in places if region[0] <= p.span.start < region[1] and p.country]


def _age_after_name(text: str, start: int, end: int) -> bool:
    """ "Selvam Arulraj, 41, had died": a number set off by commas after a name is an age."""
    return bool(NAMED_BEFORE.search(text[max(0, start - 30) : start])) and text[
        end : end + 2
    ].startswith(",")


NAMED_BEFORE = re.compile(r"\b[A-Z][a-z][\w'’-]*,\s*$")


def _identifier(text: str, start: int) -> bool:
    """ "ship 4108", "Resolution 2231": a number that names something rather than counts it."""
    before = text[max(0, start - 20) : start].split()
    return bool(before) and before[-1].strip(".").lower() in _identifier_nouns()


@cache
def _identifier_nouns() -> frozenset[str]:
    return frozenset(row[0] for row in data_rows(lexicon_text("resolve_identifier_nouns.v1.txt")))


def _group_noun(after: str, names: tuple[str | None, ...]) -> int | None:
    """Where the group a share is taken from ends ("58 of the inmates| who escaped ... were
    recaptured"): what happened to the share is said after it (past a relative clause), not
    inside the group's name ("40 of the escaped inmates" were not counted escaping)."""
    lowered = after.lower()
    for name in names:
        word = name.split()[-1].lower() if name else ""
        at = lowered.find(word) if word else -1
        if at >= 0:
            return at + len(word)
    return None


def _governing(before: list[tuple[int, int, str]], before_text: str) -> str | None:
    """The event verb right before a number, which governs it ("had killed dozens of soldiers
    and destroyed several vehicles": the soldiers were killed, not destroyed)."""
    if not before:
        return None
    between = before_text[before[-1][1] :]
    return before[-1][2] if DIRECT_OBJECT.match(between) else None


# at most a qualifier between a verb and the number it governs: "killed at least 30"
DIRECT_OBJECT = re.compile(r"^\s*(?:(?!(?:and|or|but|as|while)\b)[a-z]+\s+){0,2}$")


def _nearest(after: list[tuple[int, int, str]], before: list[tuple[int, int, str]]) -> str | None:
    # After the number comes first ("100 soldiers had been killed"); else the last one before it.
    if after:
        return after[0][2]
    return before[-1][2] if before else None


# "nine citizens of Azerbaijan": whose people they are, not where they are
NATIONALS_OF = re.compile(
    r"\b(?:citizens?|nationals?|natives?|passport holders) of\s+(?:the\s+)?$", re.IGNORECASE
)


def _nationals_of(text: str, place: Place) -> bool:
    return bool(NATIONALS_OF.search(text[max(0, place.span.start - 30) : place.span.start]))


def _actor_after(text: str, places: list[Place], end: int, limit: int) -> str | None:
    for place in places:
        if end <= place.span.start <= min(limit, end + ACTOR_SPAN) and (
            place.kind == "demonym" or (place.country and _nationals_of(text, place))
        ):
            return place.country
    return None


@cache
def _group_country(name: str) -> str | None:
    known = load_source_table().find(name)
    return known.country if known else None


def _named_actor(modifiers: list[str]) -> str | None:
    for word in modifiers:
        if word[:1].isupper():
            return load_country_names().of(word) or _group_country(word) or source_key(word)
    return None


def _actor_before(places: list[Place], window_start: int, start: int) -> str | None:
    before = [
        p
        for p in places
        if window_start <= p.span.start < start and p.kind in ("demonym", "country")
    ]
    return before[-1].country if before else None


@cache
def _place_nouns() -> frozenset[str]:
    return frozenset(row[0] for row in data_rows(lexicon_text("resolve_place_nouns.v1.txt")))


def _place_noun(text: str, place: Place) -> bool:
    following = text[place.span.end : place.span.end + 20].split()
    return bool(following) and following[0].strip(".,;").lower() in _place_nouns()


def _place(
    text: str,
    places: list[Place],
    end: int,
    actor: str | None,
    *,
    after: bool,
    limit: int | None = None,
) -> str | None:
    """Where the counted thing is: a place named after the number, before `limit` (the next
    number: "10 died ... and three escaped, none into Brazil" did not die in Brazil), or before
    it as a fallback; other than the actor's own country ("South Korea's spy agency said 1,500
    ...") and other than where it came from ("80 fighters crossed the river from Nigeria")."""
    # before the number, the nearest place first: a briefing's "Chad: Ngouboua" section, not
    # the headline's "Senegal and Mauritania"
    for place in places if after else reversed(places):
        if (
            (place.kind != "demonym" or (after and _place_noun(text, place)))
            and place.country
            and place.country != actor
            and (
                end <= place.span.start < (limit or len(text)) if after else place.span.start < end
            )
            and not (
                after and ORIGIN.search(text[max(0, place.span.start - 10) : place.span.start])
            )
            and not _nationals_of(text, place)
        ):
            return place.country
    return None


LIST_ITEM = re.compile(r"\n\s*[-•*–]\s")  # a new bullet of a briefing or a key-points list
ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


def _modality(
    text: str,
    start: int,
    end: int,
    window: tuple[int, int, bool, bool],
    event: str | None,
    lexicon: ResolveLexicon,
) -> str:
    """The nearest marker in the figure's clause; "the 3,000" refers back to a known figure.

    Two kinds of number count nothing new: a description of something named ("the operator of
    six hospitals") and a count over years ("thousands ... over the past decade")."""
    if text[max(0, start - 4) : start].lower() == "the ":
        return "recap"
    if QUESTIONED.match(text[end : end + 3]):
        return "recap"  # "Seventeen? They always multiply": another's figure, asked back
    if event in TOLL_EVENTS and INCREMENT.match(text[end : end + 14]):
        # "the bodies of five more civilians were found": what a toll rose by, not the toll
        # (unlike "300 more troops will be sent", a deployment's own figure)
        return "recap"
    breakdown = text[max(0, start - 2) : start] == ", " and BREAKDOWN.match(text[end : end + 40])
    if REJECTED.search(text[max(0, start - 24) : start]) or breakdown:
        return "recap"  # "four, not two as it first said"; "eight died, six of them civilians"
    if OTHERS_FIGURE.search(text[max(window[0], start - 50) : start]) and not STANDS.match(
        text[end : window[1]]
    ):
        return "recap"  # "the church's figure of 42": another's, named to be discussed
    if DESCRIBES.search(text[max(window[0], start - 40) : start]) or LONG_SPAN.search(
        text[end : window[1]]
    ):
        return "recap"
    # Split the clause halfway to a neighbouring number, so each marker goes to the nearer one.
    low = (start + window[0]) // 2 if window[2] else window[0]
    high = (end + window[1]) // 2 if window[3] else window[1]
    # "3,000 had left, that most had gone back": another claim; "had taken 1.4 million records
    # and would publish them": another predicate, whose modal is not the figure's
    if next_clause := NEXT_REPORT.search(text, end, high) or NEXT_PREDICATE.search(text, end, high):
        high = next_clause.start()
    best: tuple[int, int, str] | None = None
    for m_start, m_end, label in lexicon.modality.find(text[low:high]):
        m_start, m_end = m_start + low, m_end + low
        distance = start - m_end if m_end <= start else max(0, m_start - end)
        if label == "recap" and m_end <= start and distance > 8:
            continue  # "up from" qualifies the number right after it only
        if label == "arrived" and m_end <= start and SENT_TO.search(text[m_end:start]):
            continue  # "sent commands to 37 controllers": what was sent is not what is counted
        rank = (distance, MODALITY_ORDER.index(label))
        if best is None or rank < best[:2]:
            best = (*rank, label)
    if best is not None:
        # "the bodies of seven soldiers arrived": the dead arrive nowhere as a deployment does
        return "cumulative" if best[2] == "arrived" and event in TOLL_EVENTS else best[2]
    return "cumulative" if event else "unknown"


TOLL_EVENTS = frozenset({"killed", "wounded", "casualties"})
SENT_TO = re.compile(r"^\s*\w+(?:\s+\w+){0,3}\s+to\s+(?:at least\s+|about\s+|some\s+)?$")
