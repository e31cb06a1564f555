"""What one stored attribution asserts, in the terms the cross-document stages compare.

Needs: a stored `Analysis`, the `SourceIdentity` and the resolve lexicon.
Returns: a `ClaimFacts` per attribution: resolved source, polarity, kind (claim or citation),
figures (each with its topic and modality), countries, places and entities in the content.
"""

import calendar
import dataclasses
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from claimgraph.nlp.attributions import BRIEFING_HEADING, capitals_headings
from claimgraph.nlp.polarity import without_polarity_words
from claimgraph.nlp.source_table import load_country_names, slug, source_key
from claimgraph.records import (
    Analysis,
    Attribution,
    Form,
    Place,
    Polarity,
    Quantity,
    QuantityKind,
    Span,
    Time,
)
from claimgraph.resolve.identity import SourceIdentity, state_words
from claimgraph.resolve.lexicons import MODALITY_ORDER, ResolveLexicon
from claimgraph.resolve.topics import Figure, figure_of, main_country
from claimgraph.resolve.zero_counts import read_as_none, zero_counts

SERIES_KINDS = (QuantityKind.COUNT, QuantityKind.MEASURE)
LEAD = 600  # characters: about the first two sentences of a news report


@dataclass(slots=True)
class ClaimFacts:
    attribution_id: str
    document_id: str
    outlet: str | None
    outlet_id: str | None
    published: datetime | None
    raw_source: str | None
    source_id: str | None  # canonical across documents
    source_text: str | None
    anonymous: bool
    cue: str | None
    form: str
    certainty: str
    hedges: tuple[str, ...]
    channel: str | None
    channel_id: str | None  # the channel, when it is an outlet or a media source
    parent: str | None
    content_text: str
    match_text: str  # content without polarity words: what is embedded and compared
    polarity: str  # assert | deny | unconfirmed
    kind: str  # claim | citation
    cited: tuple[str, ...] = ()  # for a citation: the sources it hands the claim on from
    figures: tuple[Figure, ...] = ()
    countries: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    start: int = 0
    agent: str | None = None  # the country the claim is about as its actor ("North Korea sent")
    negated: bool = False  # the content says something did not happen ("had not entered")
    predicate: str | None = None  # the content's main verb ("cross"), from the parse
    scene: str | None = None  # the one country the report's lead names, if only one
    headline: bool = False  # said in the report's headline, which restates its body
    # the towns, regions and sites the whole report names: what story it tells, for claims
    # that name no place or country of their own ("no ransom had been paid")
    story: tuple[str, ...] = ()
    # when it was said, where the report dates the statement ("On Oct. 18, the agency reported
    # 1,500"): an earlier figure repeated, which dates from then, not from this report
    said_on: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        row = asdict(self)
        row["published"] = self.published.isoformat() if self.published else None
        row["said_on"] = self.said_on.isoformat() if self.said_on else None
        return row

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> "ClaimFacts":
        values = dict(row)
        values["published"] = (
            datetime.fromisoformat(row["published"]) if row.get("published") else None
        )
        values["said_on"] = datetime.fromisoformat(row["said_on"]) if row.get("said_on") else None
        values["figures"] = tuple(Figure(**figure) for figure in row.get("figures", ()))
        for key in ("hedges", "cited", "countries", "places", "entities", "story"):
            values[key] = tuple(row.get(key, ()))
        return cls(**values)

    @property
    def numbers(self) -> frozenset[float]:
        return frozenset(f.value for f in self.figures if f.value is not None)


def spoken_cue(cue: str | None) -> str | None:
    """The cue as a reader sees it beside the source: a transcript's speaker label ("KIVISILD:")
    or a bare quotation has no word to show."""
    return cue if cue and any(ch.isalpha() for ch in cue) else None


@dataclass(slots=True)
class _Context:
    """Per document: what earlier figures were about, for figures that do not say it again."""

    previous: list[Figure] = field(default_factory=list)
    speakers: list[str | None] = field(default_factory=list)  # who gave each of `previous`
    countries: Counter[str] = field(default_factory=Counter)  # where a placeless figure is
    # a briefing's section heading ("Chad: Ngouboua") above the claim: where its figures are
    section: Counter[str] = field(default_factory=Counter)
    # the countries the claim's paragraph names before it ("In Estonia, ..." in a bulletin)
    paragraph: Counter[str] = field(default_factory=Counter)

    def placeless(self) -> Counter[str]:
        """Where a figure that names no place is: under its section heading; else in the
        country its paragraph is about, when that paragraph does not name the country the
        report's lead is about (a bulletin's second story); else in the lead's countries."""
        if self.section:
            return self.section
        here = main_country(self.paragraph)
        if here is not None and main_country(self.countries) not in self.paragraph:
            return Counter({here: 1})
        return self.countries


# places below a country tell one story from another in a corpus of several
STORY_PLACES = frozenset({"city", "port", "site", "region"})
STORY_SIZE = 40


# what a country's possessive names when it names a place: "off Turkey's Black Sea coast",
# "Turkey's north-west", "Cameroon's Far North region", but not "China's coast guard"
_GEOGRAPHY = frozenset({"coast", "coastline", "waters", "border", "borders", "shore", "territory", "airspace", "region", "province", "district", "county", "governorate", "oblast", "prefecture"})  # fmt: skip
_COMPASS = frozenset({"north", "south", "east", "west", "north-west", "north-east", "south-west", "south-east", "northern", "southern", "eastern", "western"})  # fmt: skip
_BODY_AFTER = frozenset({"guard", "guards", "fleet", "patrol", "police"})


def _owner(text: str, end: int) -> bool:
    """A country named as the owner of what follows ("South Korea's spy agency"), not as a
    place ("Turkey's north-west coast")."""
    if text[end : end + 2] not in ("'s", "’s"):
        return False
    words = [w.strip(".,;:").lower() for w in text[end + 2 : end + 60].split()[:5]]
    if words and words[0] in _COMPASS:
        return False
    for at, word in enumerate(words[:4]):
        if word in _GEOGRAPHY:
            return at + 1 < len(words) and words[at + 1] in _BODY_AFTER
    return True


def document_facts(
    analysis: Analysis, identity: SourceIdentity, lexicon: ResolveLexicon
) -> list[ClaimFacts]:
    """The facts of every attribution in one stored document, in text order."""
    document = analysis.document
    outlet_id = identity.outlet(document.outlet)
    context = _Context()
    # The scene of the story: countries named in the lead (after any dateline), where a figure
    # that names no place of its own most likely happened.
    text = document.text
    scenes = _scene_places(analysis)
    datelines = _dateline_spans(text[: LEAD + 200])
    context.countries.update(
        p.country
        for p in scenes
        if 0 < p.span.start < LEAD
        and not any(a <= p.span.start < b for a, b in datelines)
        # "the tanker's Dubai-based manager": where a company sits, not where it happened
        and not text.startswith("-based", p.span.end)
        # "Plainview | Explainer | 30 November": the outlet's name, not a town
        and not _is_outlet(text[p.span.start : p.span.end], document.outlet)
    )
    # where a speaker sits ("the operator in Greece says") is no paragraph's scene
    speakers = [a.source for a in analysis.attributions if a.source is not None]
    scenes_told = [p for p in scenes if not any(s.contains(p.span) for s in speakers)]
    scene = main_country(context.countries, LEAD_MAJORITY)
    home = scene or _home_country(analysis)
    if not context.countries and home:
        # a lead that names no country ("BIRNIN MAGAJI — Parents ... drew up a list"): a figure
        # that names no place is in the one country the rest of the report names
        context.countries[home] += 1
    story = tuple(sorted({p.name for p in analysis.places if p.kind in STORY_PLACES}))[:STORY_SIZE]
    headline = _headline_end(text, analysis.document.title)
    facts: list[ClaimFacts] = []
    media_before: list[tuple[int, str]] = []  # (offset, media source id) seen so far
    ordered = sorted(analysis.attributions, key=lambda a: a.content_start)
    headings = _section_headings(text, analysis.places)
    for attribution in ordered:
        context.section = next(
            (c for start, c in reversed(headings) if start < attribution.content_start), Counter()
        )
        context.paragraph = _paragraph_countries(text, scenes_told, attribution.content_start)
        # "the army says" under a roundup's "EL TARRA, COLOMBIA" is Colombia's army
        section_home = next(iter(context.section)) if len(context.section) == 1 else None
        source_id = _source(attribution, identity, lexicon, media_before, section_home or home)
        channel_id = _channel(attribution, identity)
        for offset, media in (
            (attribution.source.start if attribution.source else 0, source_id),
            (attribution.channel.start if attribution.channel else 0, channel_id),
        ):
            if media and identity.is_media(media):
                media_before.append((offset, media))
        fact = _facts(
            analysis, attribution, source_id, channel_id, outlet_id, identity, lexicon, context
        )
        facts.append(
            dataclasses.replace(
                fact, scene=scene, headline=attribution.content_start < headline, story=story
            )
        )
    return facts


def _scene_places(analysis: Analysis) -> list[Place]:
    """The places that may say where a report's story happens: a country's, not a demonym,
    not an owner ("South Korea's spy agency said"; "off Turkey's Black Sea coast" is a place)."""
    text = analysis.document.text
    return [
        p
        for p in analysis.places
        if p.country and p.kind != "demonym" and not _owner(text, p.span.end)
    ]


def _paragraph_countries(text: str, scenes: list[Place], start: int) -> Counter[str]:
    """The countries of the scene places named in the paragraph before `start`, after the
    dateline the paragraph may open with (where the reporter filed from)."""
    opening = text.rfind("\n", 0, start) + 1
    filed = _dateline_spans(text[opening:start])
    return Counter(
        p.country
        for p in scenes
        if opening <= p.span.start < start
        and not any(a <= p.span.start - opening < b for a, b in filed)
    )


def _section_headings(text: str, places: tuple[Place, ...]) -> list[tuple[int, Counter[str]]]:
    """A briefing's section headings ("Chad: Ngouboua", "Senegal / Mauritania: N'Diago", each
    over a list of bullets), with the countries they name; a heading that names none ("Aegean:
    Imia/Kardak") takes those its bullets name, so that no figure under it is filed under the
    section before."""
    matches = sorted(
        [*BRIEFING_HEADING.finditer(text), *capitals_headings(text), *_title_headings(text)],
        key=lambda m: m.start(),
    )
    ends = [m.start() for m in matches[1:]] + [len(text)] if matches else []

    def countries_in(start: int, end: int) -> Counter[str]:
        found = Counter(
            p.country
            for p in places
            if p.country and p.kind != "demonym" and start <= p.span.start < end
        )
        if text[start:end].isupper():
            # "EL TARRA, COLOMBIA": a heading in capitals names its country in so many words,
            # whatever town of the name the place finder took ("SANTA RITA" is also in Brazil)
            names = load_country_names().names
            written = Counter(
                names[key]
                for part in CAPITALS_PARTS.split(text[start:end])
                if (key := source_key(NUMBERED.sub("", part.strip()))) in names
            )
            return written or found
        return found

    headings = []
    for match, section_end in zip(matches, ends, strict=True):
        countries = countries_in(match.start(), match.end())
        if not countries and any(countries_in(m.start(), m.end()) for m in matches):
            countries = countries_in(match.end(), section_end)
        if countries:
            headings.append((match.start(), countries))
    return headings


# a short line standing alone between paragraphs, or over the paragraph it heads: "Pama, Burkina
# Faso", "The Konkan Railway, India", "The convoy at Cabaret"
TITLE_HEADING = re.compile(r"(?<=\n\n)[A-Z][^\n]{2,60}(?=\n\n|\n[A-Z])")
HEADING_WORDS = 8
DAY_NAMES = frozenset(calendar.day_name)


def _title_headings(text: str) -> list[re.Match[str]]:
    """A roundup's section headings written as short title lines, when there are at least two:
    no sentence (nothing ends it), no byline ("By ..."), no question ("What happened?") and no
    date ("Friday 16 September" heads a live page's day, not a place)."""
    found = [
        m
        for m in TITLE_HEADING.finditer(text)
        if len(m.group().split()) <= HEADING_WORDS
        and m.group().rstrip()[-1] not in '.?!:;"”’)'
        and not m.group().startswith("By ")
        and not any(ch.isdigit() for ch in m.group())
        and DAY_NAMES.isdisjoint(re.findall(r"[A-Za-z]+", m.group()))
    ]
    return found if len(found) >= 2 else []


# the parts of a heading in capitals: "HONDURAS / NICARAGUA: DOÑA REINA (25 NOVEMBER)"
CAPITALS_PARTS = re.compile(r"[,:/()]|\s[-–—]\s")
NUMBERED = re.compile(r"^\d{1,2}[.)]\s*")  # "2. MYANMAR": the section's number


def _is_outlet(name: str, outlet: str | None) -> bool:
    return bool(outlet) and name.casefold() == (outlet or "").casefold()


# The scene is the one country the lead names, or the one it names at least twice as often
# as any other ("... in Cameroon's Far North ... Cameroon ... ISWAP, based in Nigeria"): the
# country the story is set in, whose "army" a report means.
LEAD_MAJORITY = 2


def _home_country(analysis: Analysis) -> str | None:
    """The one country of every place a report names, its dateline's included, when its lead
    names none ("SÉGOU — ... the river town", then Markala and Bamako): whose "army" it means."""
    countries = {p.country for p in analysis.places if p.country and p.kind != "demonym"}
    if analysis.dateline is not None and analysis.dateline.country:
        countries.add(analysis.dateline.country)
    return next(iter(countries)) if len(countries) == 1 else None


# the parts of a state body that speak for all of it: "the army general staff", "the police
# press service"
ORGANS = ("general staff", "high command", "press service", "press office", "headquarters")


# what a report calls a state's army when it does not say "army"
ARMY_NAMES = frozenset({"armed forces", "military", "defence forces", "defense forces"})


def _state_body(name: str) -> bool:
    """A state body named by its kind alone: "army", "interior ministry", "armed forces"."""
    return set(name.split()) <= state_words() or name in ARMY_NAMES


def _without_organ(name: str) -> str:
    for organ in ORGANS:
        if name.endswith(f" {organ}") and _state_body(body := name[: -len(organ) - 1]):
            return body
    return name


def _source(
    attribution: Attribution,
    identity: SourceIdentity,
    lexicon: ResolveLexicon,
    media_before: list[tuple[int, str]],
    home: str | None = None,
) -> str | None:
    """Canonical source; "the Singapore newspaper" is the last media source named before it;
    "the army" in a report set in Sudan is Sudan's army, when the table knows it or another
    report named it ("the Sudanese army")."""
    source_id = identity.canonical(attribution.canonical_source)
    if source_id and home and source_id not in identity.table.known:
        info = identity.info(source_id)
        if info.country is None and info.type not in ("person", "anonymous"):
            body = _without_organ(source_key(info.name))  # "army general staff": the army
            for name in dict.fromkeys((info.name, body)):
                known = identity.table.find(name, home)
                if known is not None and known.country == home:
                    return known.id
            if _state_body(body):
                # "the armed forces general staff" in a report set in Burkina Faso: its army
                for word in (body, "army") if body in ARMY_NAMES else (body,):
                    named = f"{home.lower()}-{slug(word)}"
                    if named in identity.infos:
                        return identity.canonical(named)
    text = attribution.source.text if attribution.source else ""
    if (
        text
        and not identity.is_media(source_id)
        # "a Western diplomat quoted by this newspaper" is the diplomat, not a newspaper
        and attribution.source_kind not in ("anonymous", "person")
        and lexicon.media_descriptions.find(text)
        and media_before
    ):
        return media_before[-1][1]
    return source_id


def _channel(attribution: Attribution, identity: SourceIdentity) -> str | None:
    if attribution.channel is None:
        return None
    named = identity.find_names(attribution.channel.text)
    return named[0][1] if named else None


def _facts(
    analysis: Analysis,
    attribution: Attribution,
    source_id: str | None,
    channel_id: str | None,
    outlet_id: str | None,
    identity: SourceIdentity,
    lexicon: ResolveLexicon,
    context: _Context,
) -> ClaimFacts:
    content = attribution.content_text
    cue = attribution.cue.text if attribution.cue else ""
    citation = bool(cue and lexicon.citation_cues.find(cue))
    inside = [p for p in analysis.places if any(s.contains(p.span) for s in attribution.content)]
    entities = sorted(
        {
            source_key(e.span.text)
            for e in analysis.entities
            if e.label in ("ORG", "PERSON", "NORP", "GPE", "LOC", "FAC", "EVENT")
            and any(s.contains(e.span) for s in attribution.content)
        }
    )
    speaker = _country_of(source_id, analysis, identity)
    figures = _figures(analysis, attribution, inside, lexicon, context, speaker, source_id)
    plain = without_polarity_words(strip_dateline(content))
    match_text = _denier_named(plain, attribution.polarity.value, speaker)
    accused = {speaker} if speaker and match_text != plain else set()
    return ClaimFacts(
        attribution_id=attribution.id,
        document_id=analysis.document.id,
        outlet=analysis.document.outlet,
        outlet_id=outlet_id,
        published=analysis.document.published,
        raw_source=attribution.canonical_source,
        source_id=source_id,
        source_text=attribution.source.text if attribution.source else None,
        anonymous=attribution.anonymous,
        cue=cue or None,
        form=str(attribution.form),
        certainty=attribution.certainty.label,
        hedges=tuple(h.lemma for h in attribution.hedges),
        channel=attribution.channel.text if attribution.channel else None,
        channel_id=channel_id,
        parent=attribution.parent,
        content_text=content,
        match_text=match_text,
        polarity=attribution.polarity.value,  # decided once, by nlp.polarity
        kind="citation" if citation else "claim",
        cited=_cited(analysis, attribution, identity) if citation else (),
        figures=tuple(figures),
        countries=tuple(sorted(_countries(attribution, inside, lexicon) | accused)),
        places=tuple(sorted({p.name for p in inside if p.kind != "demonym"})),
        entities=tuple(entities),
        start=attribution.content_start,
        agent=_agent(attribution, lexicon),
        negated=attribution.negated,
        predicate=attribution.predicate,
        said_on=_said_on(analysis, attribution),
    )


# "denied ... that it had supplied the drones": the accused "it" is the denier
SELF_PRONOUN = re.compile(r"\bthat (?:it|they) (?=\w)", re.IGNORECASE)


def _denier_named(text: str, polarity: str, country: str | None) -> str:
    """A denial as compared with what it denies: "it" accused in it is the denying state, so
    "that it had supplied the drones" reads "that Iran had supplied the drones"."""
    if polarity != "deny" or country is None:
        return text
    name = load_country_names().labels.get(country)
    return SELF_PRONOUN.sub(f"that {name} ", text, count=1) if name else text


_DEED = r"(?:attacks?|assaults?|raids?|bombings?|ambush(?:es)?|strikes?|killings?|kidnappings?|abductions?|hijackings?|cyberattacks?|hacks?|massacres?|shootings?)"
# "claimed responsibility for Sunday's attack on Bocaranga", "claims the attack": the deed
CLAIMED_DEED = re.compile(
    rf"(?i)^(?:(?:full |sole )?responsibility (?:[\w'’-]+ ){{0,3}}?for )?((?:[\w'’-]+ ){{0,3}}{_DEED}\b.*)$"
)
# "blamed the attack on the MPNO": the deed and who the speaker says did it
BLAMED_DEED = re.compile(rf"(?i)^((?:[\w'’-]+ ){{0,3}}{_DEED}\b.*?)\s+on\s+(.+)$")


def claims_the_deed(content: str, cue: str) -> bool:
    """ "claimed responsibility for Sunday's attack", "claims the raid": the claimant's own word
    that it did it."""
    if not _cue_verb(cue).startswith("claim") or not CLAIMED_DEED.match(content):
        return False
    # "claimed the attack killed 20 soldiers" claims a toll, not the deed
    return content.lower().startswith(CREDIT_WORDS) or not FINITE_VERB.search(content)


CREDIT_WORDS = ("responsibility", "full responsibility", "sole responsibility", "credit")
FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|killed|left|wounded|destroyed|hit)\b", re.I
)


def names_a_doer(content: str, cue: str) -> bool:
    """Does the content, read with its cue, say who did a deed ("blamed" + "the attack on the
    MPNO", "claimed" + "responsibility for the attack")?"""
    return claims_the_deed(content, cue) or (
        _cue_verb(cue).startswith("blame") and bool(BLAMED_DEED.match(content))
    )


def _cue_verb(cue: str) -> str:
    """The cue's last word, its verb ("has claimed" -> "claimed")."""
    words = cue.lower().split()
    return words[-1] if words else ""


def _country_of(source_id: str | None, analysis: Analysis, identity: SourceIdentity) -> str | None:
    """The speaker's country, as the corpus or (for a source new to it) the report knows it."""
    if source_id is None:
        return None
    known = identity.info(source_id).country
    if known:
        return known
    return next((s.country for s in analysis.sources if s.id == source_id), None)


HEADLINE_CHARS = 200  # a first line this short, above the body, is the headline


def _headline_end(text: str, title: str | None) -> int:
    """Where the report's headline ends (0: it has none in its text). A short first line is
    the headline unless it ends a sentence and is not the title: "KYIV — About 11,000 ... said
    on Monday." is a lead whose report keeps its headline apart, in its metadata."""
    end = text.find("\n")
    if not 0 < end <= HEADLINE_CHARS:
        return 0
    line = text[:end].strip()
    if title and " ".join(line.split()) == " ".join(title.split()):
        return end
    return 0 if SENTENCE_END.search(line) else end


SENTENCE_END = re.compile(r"\.[\"”’]?$")

COMPLEMENTISERS = ("that ", "whether ", "if ")


def _agent(attribution: Attribution, lexicon: ResolveLexicon) -> str | None:
    """The country that opens the content as its subject: "North Korea has moved ...",
    "Russian ships carried ...", "Tajik troops crossed ..." (by position: the parse is not
    stored, and reports put the actor first). Only a country or demonym at the very start counts,
    and not a possessive ("South Korea's spy agency believes ..."), so an actor is said only when
    it is plain: it vetoes merges, and a wrong one would split a true claim."""
    text = attribution.content[0].text
    rest = strip_dateline(text)
    for word in (*COMPLEMENTISERS, "the "):
        if rest.lower().startswith(word):
            rest = rest[len(word) :]
    found = lexicon.countries.find(rest[:60])
    if not found or found[0][0] != 0:
        return _passive_agent(rest, lexicon)
    end = found[0][1]
    if rest[end : end + 2] in ("'s", "’s"):
        return None
    return found[0][2]


# "the shells were fired by the Arakan Army", 'fired by "Arakan Army terrorists"'
PASSIVE_BY = re.compile(
    r"\b(?:was|were|been|being)\s+(?:(?:most|more|very)\s+)?(?:\w+ly\s+)?\w+(?:ed|en|wn|ht|t)(?:\s+(?:out|up|off))?\s+by\s+"
    r"(?:the\s+)?[\"“]?(?P<agent>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})"
)


FORCES = re.compile(
    r"\s*(?:armed forces|army|military|forces|troops|navy|air force|government|police|"
    r"soldiers|junta)\b",
    re.IGNORECASE,
)


def _passive_agent(text: str, lexicon: ResolveLexicon) -> str | None:
    """Who did it, where the content says so in the passive: a country ("by the Myanmar armed
    forces" -> MM) or a named group ("by the Arakan Army" -> "arakan army")."""
    found = PASSIVE_BY.search(text[:160])
    if found is None:
        return None
    agent = found.group("agent")
    country = lexicon.countries.find(agent)
    if not country or country[0][0] != 0:
        return agent.lower()
    # "by the Myanmar armed forces" is Myanmar's deed; "carried by Russian ships" is not Russia's
    demonym = source_key(agent[: country[0][1]]) in load_country_names().demonyms
    after = text[found.start("agent") + country[0][1] :]
    return country[0][2] if FORCES.match(after) or not demonym else None


def _countries(attribution: Attribution, inside: list[Place], lexicon: ResolveLexicon) -> set[str]:
    """Countries the content names: the gazetteer's, plus every demonym and country name of the
    lexicon (the tagger sometimes takes "Tajik" for a person's name)."""
    named = {p.country for p in inside if p.country}
    for span in attribution.content:
        named |= {code for _, _, code in lexicon.countries.find(span.text)}
    return named


DATELINE = re.compile(
    r"^[A-Z][A-Z.'\- ]{1,40}(?:,[^—–\n]{1,40}?)?(?:\s*\([^)\n]{1,30}\))?\s*(?:—|–|--| - )\s*"
)


def _dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where datelines open a paragraph ("KYIV, June 7 (Wire) —"): the place there is where the
    reporter filed from, not where the story happens."""
    spans = []
    for start in (0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")):
        found = DATELINE.match(text, start)
        if found:
            spans.append((found.start(), found.end()))
    return spans


def strip_dateline(content: str) -> str:
    """Content without a leading dateline: "SEOUL — North Korea ..." -> "North Korea ..."."""
    found = DATELINE.match(content)
    return content[found.end() :] if found else content


def _cited(
    analysis: Analysis, attribution: Attribution, identity: SourceIdentity
) -> tuple[str, ...]:
    """Who a citation hands the claim on from, in text order: outlets, then known sources."""
    content = attribution.content_text
    named = [source_id for _, source_id in identity.find_names(content)]
    for entity in analysis.entities:
        if entity.source_id and any(s.contains(entity.span) for s in attribution.content):
            named.append(identity.canonical(entity.source_id) or entity.source_id)
    # "a Korea Wire report based on a briefing by South Korea's National Intelligence Service":
    # a body the corpus knows, named in full where it speaks nowhere in this report
    named += [source_id for _, source_id in identity.find_bodies(content)]
    return tuple(dict.fromkeys(named))


def _relayed(analysis: Analysis, attribution: Attribution) -> list[Span]:
    """What a transcript voice or a quotation relays from others ("KEÏTA: ... The army has not
    given a toll. It says three soldiers were killed"), or what a source declines to confirm
    ("He declined to comment on Hanbit's estimate that about 410,000 records had been taken"):
    their figures, not the voice's or the decliner's."""
    declined = attribution.polarity == Polarity.UNCONFIRMED
    # '"The corporation says 31 hours. Come and count," said the forum's president': a quotation
    # that reports another body's figure to dispute it
    quoting = attribution.form == Form.DIRECT
    if attribution.cue is None or (attribution.cue.text != ":" and not declined and not quoting):
        return []
    return [
        span
        for other in analysis.attributions
        if other.id != attribution.id
        and other.cue is not None
        and other.source is not None
        and any(s.contains(other.cue) for s in attribution.content)
        for span in other.content
    ]


def _figures(
    analysis: Analysis,
    attribution: Attribution,
    places: list[Place],
    lexicon: ResolveLexicon,
    context: _Context,
    speaker_country: str | None = None,
    speaker_id: str | None = None,
) -> list[Figure]:
    # By containment, not only by the stored link: a quantity is linked to one attribution, but
    # a nested report ("lawmakers said the NIS believed 3,000 ...") states it in both.
    relayed = _relayed(analysis, attribution)
    quantities = sorted(
        (
            q
            for q in analysis.quantities
            if q.kind in SERIES_KINDS
            and not any(s.contains(q.span) for s in relayed)
            # "between 20 and 30 civilians": a range counts too, by its bounds
            and (q.value is not None or (q.low is not None and q.high is not None))
            and (
                q.attribution == attribution.id
                or any(s.contains(q.span) or _opens(q.span, s) for s in attribution.content)
            )
        ),
        key=lambda q: q.span.start,
    )
    text = analysis.document.text
    own = [f for f, by in zip(context.previous, context.speakers, strict=True) if by == speaker_id]
    figures: list[Figure] = []
    for index, quantity in enumerate(quantities):
        last = index + 1 == len(quantities)
        before = quantities[index - 1].span.end if index else attribution.content_start
        after = attribution.content_end if last else quantities[index + 1].span.start
        figure = figure_of(
            quantity,
            text,
            window=(before, after, index > 0, not last),
            clause_end=attribution.content_end,
            places=places,
            previous=[*context.previous, *figures],
            said_before=[*own, *figures],
            document_countries=context.placeless(),
            lexicon=lexicon,
            next_unit=None if last else quantities[index + 1].unit,
            speaker_country=speaker_country,
        )
        if _dated_earlier(analysis, attribution):
            figure = dataclasses.replace(figure, modality="recap")
        figures.append(figure)
    context.previous.extend(figures)
    context.speakers.extend(speaker_id for _ in figures)
    return (
        figures
        + _casualties(figures)
        + _zero_figures(analysis, attribution, quantities, places, lexicon, context)
    )


# "no civilian was killed in our strikes": none of the speaker's own operation, which says
# nothing of the toll of the attack it answered; "no protester was killed by police gunfire":
# none by one hand, which says nothing of the toll
OWN_OPERATION = re.compile(
    r"^[^.;,]*?\b(?:(?:in|during|by|from) (?:our|its|their|his|her) "
    r"|by (?:the )?(?:police|security forces|soldiers|troops|army|officers|gunfire)\b)",
    re.IGNORECASE,
)


# "no abduction has been recorded by our units": the speaker's units looked and found none,
# which is a count of none of the whole event, not of the speaker's own deeds
FOUND_BY_OWN = re.compile(
    r"\b(?:recorded|reported|registered|observed|seen|found|confirmed|documented)\b[^.;,]*?"
    r"\bby (?:our|its|their|his|her) ",
    re.IGNORECASE,
)


def _zero_figures(
    analysis: Analysis,
    attribution: Attribution,
    quantities: list[Quantity],
    places: list[Place],
    lexicon: ResolveLexicon,
    context: _Context,
) -> list[Figure]:
    """ "Nobody was injured", "no soldier was captured": a count of none, kept when it says what
    did not happen, so that another body's count of it can be set against it."""
    text = analysis.document.text
    found = []
    denied = attribution.polarity == Polarity.DENY
    for zero in zero_counts(text, attribution.content, lexicon, attribution.id, denied):
        if any(q.span.overlaps(zero.span) for q in quantities):
            continue
        after = next(
            (q.span.start for q in quantities if q.span.start >= zero.span.end),
            attribution.content_end,
        )
        figure = figure_of(
            zero,
            text,
            window=(zero.span.start, after, False, after != attribution.content_end),
            clause_end=attribution.content_end,
            places=places,
            previous=[],
            said_before=[],
            document_countries=context.placeless(),
            lexicon=lexicon,
        )
        if (
            figure.thing
            and figure.event
            and figure.modality != "projected"
            and (
                not OWN_OPERATION.search(text[zero.span.end : after])
                or FOUND_BY_OWN.search(text[zero.span.end : after])
            )
        ):
            found.append(dataclasses.replace(figure, text=read_as_none(figure.text)))
    return found


def _opens(quantity: Span, content: Span) -> bool:
    """A figure the content starts inside: "said between 20 and 30 civilians died" whose
    content the parse opens at "20 and 30"."""
    return quantity.start < content.start < quantity.end <= content.end


def _casualties(figures: list[Figure]) -> list[Figure]:
    """ "at least 100 killed and nearly 1,000 wounded" also counts about 1,100 casualties, so it
    can be set against a source that gives casualties only."""
    found = []
    for killed in figures:
        if killed.event != "killed" or killed.value is None or killed.modality == "recap":
            continue
        for wounded in figures:
            if (
                wounded.event == "wounded"
                and wounded.value is not None
                and wounded.modality != "recap"
                and (wounded.thing, wounded.actor, wounded.place)
                == (killed.thing, killed.actor, killed.place)
            ):
                found.append(
                    dataclasses.replace(
                        killed,
                        text=f"{killed.text} killed and {wounded.text} wounded",
                        value=killed.value + wounded.value,
                        low=None,
                        high=None,
                        qualifier="exact",  # the sum as given, for the comparison
                        event="casualties",
                        modality="cumulative",
                        end=wounded.end,
                    )
                )
                break
    return found


RECAP_DAYS = 3


def _dated_earlier(analysis: Analysis, attribution: Attribution) -> bool:
    """A claim dated well before its report ("On Oct. 18, the agency reported 1,500") repeats
    an earlier figure: a recap, not a new point."""
    published = analysis.document.published
    if published is None:
        return False
    text = analysis.document.text
    for time in analysis.times:
        if (
            time.attribution == attribution.id
            and time.granularity == "day"
            and time.end is not None
            and time.relation == "before"
            and not _names_event(text, time)
            and not _period_start(text, time)
            and not _inside_content(attribution, time)
        ):
            if (published.date() - time.end).days > RECAP_DAYS:
                return True
    return False


def _inside_content(attribution: Attribution, time: Time) -> bool:
    """ "seven soldiers were killed in the attack on Sunday, Nov. 22": a date inside what is
    reported dates the event; a recap's date is when it was said ("On Nov. 22, the army said")."""
    return any(
        span.start <= time.span.start and time.span.end <= span.end for span in attribution.content
    )


def _names_event(text: str, time: Time) -> bool:
    """ "killed in the June 1 drone strike", "Saturday's raid": a date naming the event, not
    the statement."""
    return text[max(0, time.span.start - 4) : time.span.start].lower() == "the " or text[
        time.span.end : time.span.end + 2
    ] in ("'s", "’s")


SINCE = re.compile(r"\bsince\b[^.;,:\n]{0,70}$", re.IGNORECASE)


def _period_start(text: str, time: Time) -> bool:
    """ "4,100 have crossed since fighting flared last Wednesday": the day a count starts from,
    not the day it was given."""
    return bool(SINCE.search(text[max(0, time.span.start - 80) : time.span.start]))


CLAUSE_END = re.compile(r"[.;!?\n]")
# A statement dated within a week of its report is that report's news ("said on Thursday");
# one dated further back is an earlier statement recalled ("On Oct. 18, the agency reported").
SAID_EARLIER_DAYS = 7


def _said_on(analysis: Analysis, attribution: Attribution) -> datetime | None:
    """The day a report dates its claim to, when that is over a week before the report: "On
    Oct. 18, the agency reported 1,500" in a report of Nov. 1, "Seoul first spoke of 1,500 in
    October" (the end of the month) in one of Dec. 24."""
    published = analysis.document.published
    if published is None or attribution.cue is None:
        return None
    text = analysis.document.text
    first = min(attribution.cue.start, attribution.content_start)
    start = max((m.end() for m in CLAUSE_END.finditer(text, 0, first)), default=0)
    end = max(attribution.cue.end, attribution.content_end)
    dates = [
        time.end
        for time in analysis.times
        if time.attribution in (None, attribution.id)
        and time.relation == "before"
        and time.granularity in ("day", "week", "month")
        and time.end is not None
        and time.span.end > start
        and time.span.start < end
        and not _names_event(text, time)
        and not _period_start(text, time)
    ]
    if not dates or (published.date() - max(dates)).days <= SAID_EARLIER_DAYS:
        return None
    return datetime.combine(max(dates), published.timetz())


__all__ = ["MODALITY_ORDER", "ClaimFacts", "document_facts"]
