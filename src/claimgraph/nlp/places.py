"""Find the places a story names and geocode them offline.

Needs: token.pos, token.dep, doc.ents from the parse, and a Gazetteer.  Returns: Place records.

First the document's context: the countries and regions it names (entities, demonyms, "X
region" phrases, the dateline's country), which choose between places of one name and admit
small towns (`gazetteer.DocumentContext`). Then five passes, each one skipping text an earlier
pass already claimed:

0. The dateline ("SUDZHA, Russia —", at the start of one of the first lines), whose capitals would otherwise read as an acronym, and
   seas, straits, camps and bases from the features table ("the Strait of Hormuz", "the
   Zamzam camp", "al-Hol"); a one-word one ("Atlantic") only where it is not a modifier.
1. Region, district and port phrases: "Ukraine's Poltava region", "the Kursk and Belgorod
   regions", "the Pokrovsk district", "Kursk Oblast's Sudzhansky district", "Kutum locality",
   "North Korea's Chongjin port", "the port of Hodeidah". The span covers the region, district
   or port word, because the phrase, not the bare name, is what the text calls the place.
2. GPE, LOC and FAC entities, and NORP entities that are demonyms ("North Korean" -> KP).
3. Place names the small model labels wrongly (PERSON "Zaporizhzhia", PRODUCT "Kursk", ORG
   "Kyiv") or not at all ("Rafah"). These need evidence: a country or region name is enough; a city needs a
   locative preposition before it ("in", "near"), a place it is listed with, or a population
   of at least LARGE_CITY.
4. Demonyms outside any entity ("Ukrainian" tagged as a plain adjective).

The places found in passes 0-2 join the context before passes 1 and 2 run again and before
pass 3, so "Mekelle, the capital of Tigray" places Tigray in Ethiopia without the country being
named, and "Belgorod's Grayvoronsky district" finds the small seat in Russia. An entity that
the model ran across a locative ("Goma in North Kivu" as one ORG) is split there.

A city name is a person, not a place, when a title stands before it ("Mr Kim") or when the
same word is part of a longer PERSON name elsewhere in the document ("Kim Jong Un" ... "Kim").
Organisation names of two or more words ("National Intelligence Service", "Paris Hilton") are
never split to find a place inside.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.nlp.gazetteer import (
    NATIONS,
    DocumentContext,
    Gazetteer,
    GazetteerEntry,
    distance_km,
    place_key,
)
from claimgraph.nlp.lexicon import actor_nouns, data_rows, lexicon_text
from claimgraph.nlp.model import doc_text
from claimgraph.records import Place, Span

LARGE_CITY = 100_000  # a city this big needs no locative cue to count as a place
HUGE_CITY = 1_000_000  # ... and this big, not even when it is a subject ("Kyiv said")
# a namesake a tenth as big leaves a town's country open until the towns around it settle it
HOMONYM_SHARE = 10
SIZEABLE_TOWN = 15_000  # in a country the document names, a town this big needs no cue
MAX_NAME_TOKENS = 4
UNIQUE_TOWNS = 2  # towns of one name each, in one country: where a report that names no country is
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NEVER_PLACES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"})
_LOCATIVE = frozenset(
    "in near at from to into around outside inside toward towards across over via "
    "through between within off above below beyond beside along".split()
)
_ON = "on"  # "advancing on Pokrovsk", "strikes on Kharkiv"; but "pressure on Jackson"
_INSIDE_LOCATIVE = frozenset({"in", "near", "at"})  # "Goma in North Kivu" is two names
_BEFORE_REGION = frozenset({"the", "northern", "southern", "eastern", "western"})  # "in the ..."
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday christmas easter ramadan eid passover hanukkah thanksgiving "
    "diwali nowruz new year day week month".split()
)
_NAMED_THINGS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})
_JOINERS = frozenset({"and", "or", ","})
# the small words inside a place name: "Maguindanao del Sur", "Rio de Janeiro", "Mato Grosso do Sul"
# (in lower case: "La Mar" and "El Poy" begin with theirs)
_NAME_PARTICLES = frozenset(
    {"del", "de", "do", "da", "dos", "das", "di", "des", "du", "la", "el", "a"}
)
MAX_FEATURE_TOKENS = 6
# words after a name that make it an island, which a town of that name is not
ISLAND_WORDS = frozenset({"island", "islands", "isle", "islet", "atoll", "reef"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# "EL FASHER, Sudan —", "GAZA (Reuters) -", "PORT-AU-PRINCE, Haiti, March 3 —"
DATELINE_WITHIN = 400  # characters: a dateline opens the article, perhaps after a headline
_DATELINE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][A-Z'’.\- ]*[A-Z])(?:,\s*(?P<country>[A-Z](?:[^\W\d_]|[.'’ \-])*?))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The word lists that steer place finding (the `places_*` lexicons)."""

    demonyms: dict[str, str]  # folded demonym -> ISO country code
    port_words: frozenset[str]
    titles: frozenset[str]
    not_places: frozenset[str]
    of_nouns: frozenset[str]  # "the village of", "south of"
    # nouns for those who speak ("Police", "Media", "Alliance"): some are also towns, which a
    # report names only after a locative cue ("in Police")
    actor_words: frozenset[str] = frozenset()


@cache
def load_place_words() -> PlaceWords:
    """Read the place lexicons once per process."""

    def words(name: str) -> frozenset[str]:
        return frozenset(place_key(row[0]) for row in data_rows(lexicon_text(name)))

    return PlaceWords(
        demonyms={
            place_key(demonym): iso
            for demonym, iso in data_rows(lexicon_text("places_demonyms.v1.tsv"))
        },
        port_words=words("places_port_words.v1.txt"),
        titles=words("places_person_titles.v1.txt"),
        not_places=words("places_not_places.v1.txt"),
        of_nouns=words("places_of_nouns.v1.txt"),
        actor_words=frozenset(
            form for noun in actor_nouns() for form in (place_key(noun), place_key(noun) + "s")
        ),
    )


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[Place]:
    """Every place mention in the document, in text order, each resolved in the gazetteer."""
    finder = _Finder(doc, gazetteer, load_place_words())
    finder.dateline()
    finder.joined_countries()
    finder.features()
    finder.region_and_port_phrases()
    finder.place_entities(settled_only=True)
    finder.widen_context()
    finder.region_and_port_phrases()  # again: a small seat's country may only now be known
    finder.place_entities(settled_only=True)
    finder.unlabelled_names()
    finder.place_entities()  # a small town's country may come from a name the model mislabelled
    finder.region_and_port_phrases()  # and once more, for seats whose country came last
    finder.loose_demonyms()
    finder.rivers_on_their_stretch()
    return sorted(finder.places, key=lambda place: place.span.start)


class _Finder:
    """The passes of `find_places`, sharing the places found so far."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, words: PlaceWords) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.words = words
        self.places: list[Place] = []
        self.courses: dict[int, tuple[tuple[float, float], ...]] = {}  # place index -> course
        self.claimed = [False] * len(doc)
        self.person_words = frozenset(
            place_key(token.text)
            for ent in doc.ents
            if ent.label_ == "PERSON"
            and len(ent) > 1
            and not any(t.lower_ in _INSIDE_LOCATIVE for t in ent)  # "Hargeisa at Yagoori"
            for token in ent
        )
        self.context = self._document_context()

    # -- context -----------------------------------------------------------------------------

    def _document_context(self) -> DocumentContext:
        """Countries and regions the document names: in entities, in demonyms, in "X region"
        phrases and in the dateline."""
        countries: set[str] = set()
        regions: set[tuple[str, str]] = set()
        named: list[tuple[int, str]] = []  # (token, country) of each country named

        def note(entry: GazetteerEntry | None) -> None:
            if entry is not None and entry.country:
                countries.add(entry.country)
                if entry.admin1:
                    regions.add((entry.country, entry.admin1))

        match = _DATELINE.search(doc_text(self.doc)[:DATELINE_WITHIN])
        if match and match["country"]:
            entry = self.gazetteer.lookup(match["country"], kind="country")
            if entry is not None and entry.country:
                countries.add(entry.country)
                named.append((-1, entry.country))
        names = [_trim(ent) for ent in self.doc.ents if not _never_place(ent)]
        names += [(t.i, t.i + 1) for t in self.doc if t.text[:1].isupper() and not t.ent_type_]
        # "Iran's Kurdistan" tagged as one name: the country before the possessive
        names += [
            (start, t.i)
            for start, end in list(names)
            for t in self.doc[start:end]
            if t.text in _POSSESSIVE and t.i > start
        ]
        phrases: list[str] = []
        bare: list[str] = []  # names that may be an admin-1 region's own ("Cauca", "al-Jawf")
        for start, end in names:
            if start >= end:
                continue
            end = self._joined_country_end(start, end)  # "Guinea" tagged, "Guinea-Bissau" meant
            text = self.doc[start:end].text
            iso = self.words.demonyms.get(place_key(text)) or self.words.demonyms.get(
                place_key(text).removesuffix("s")
            )
            if iso and self._language(start, end):
                continue  # "(transcript, translated from French)" names no country
            entry = self.gazetteer.country(iso) if iso else None
            entry = entry or self.gazetteer.lookup(text, kind="country")
            if entry is not None and entry.country:
                named.append((start, entry.country))
            if place_key(text) in NATIONS:
                regions.add(NATIONS[place_key(text)])  # "Scotland": GB's region SCT
            entry = entry or self.gazetteer.lookup(text, kind="named_region")
            if entry is None:
                bare.append(text)
            if entry is None and end < len(self.doc):
                if self.gazetteer.is_region_word(self.doc[end].text):
                    phrases.append(f"{text} {self.doc[end].text}")
            if (
                entry is None
                and len(text.split()) > 1
                and self.gazetteer.is_region_word(text.split()[-1])
            ):
                phrases.append(text)  # "the Guaviare department", tagged as one name
            note(entry)
        # ... or names another on the same continent (the Venezuelan border, in a transcript
        # from Tibú about El Tarra; not Plainview, an outlet's name, in a report on Kosovo)
        named_continents = {self.gazetteer.continent(c) for c in countries}
        countries |= {
            country
            for country in self._countries_of_unique_names(bare)
            if not countries or self.gazetteer.continent(country) in named_continents
        }
        primary = min(named)[1] if named else None
        # "Kurdistan province" read once the countries are known: Iran's, in a report on Iran
        known = DocumentContext(frozenset(countries), primary=primary)
        for phrase in phrases:
            note(self.gazetteer.lookup(phrase, context=known) or self.gazetteer.lookup(phrase))
        # ... and a region's bare name in a country the report names: "the Cauca governor"
        for text in bare:
            region = self.gazetteer.lookup(text, kind="admin1", context=known)
            if region is not None and region.country in countries:
                note(region)
        return DocumentContext(frozenset(countries), frozenset(regions), primary)

    def _countries_of_unique_names(self, names: list[str]) -> set[str]:
        """A report that does not name its own country (a transcript from "Fada N'Gourma" about
        "Kompienga") is placed by the towns whose name only one place bears: a country two such
        towns share is one of the report's, so that its "Pama" is Burkina Faso's, not Parma,
        Ohio."""
        towns: dict[str, set[str]] = {}
        for name in set(names):
            found = self.gazetteer.places_named(name)
            if len({entry.country for entry in found}) == 1 and found[0].country:
                towns.setdefault(found[0].country, set()).add(place_key(name))
        return {country for country, named in towns.items() if len(named) >= UNIQUE_TOWNS}

    def _joined_country_end(self, start: int, end: int) -> int:
        """The end of a country's name the hyphens after a name join to it ("Guinea" + "-" +
        "Bissau", "Timor" + "-" + "Leste"), else `end`."""
        wide = end
        while wide + 1 < len(self.doc) and _joins(self.doc[wide - 1], self.doc[wide]):
            wide += 2
        if wide != end and self.gazetteer.lookup(self.doc[start:wide].text, kind="country"):
            return wide
        return end

    def widen_context(self) -> None:
        """Add the countries and regions of the places found so far."""
        found = [p for p in self.places if p.country]
        countries = self.context.countries | {p.country for p in found if p.country}
        self.context = replace(self.context, countries=frozenset(countries))

    # -- pass 0 ------------------------------------------------------------------------------

    def dateline(self) -> None:
        """ "SUDZHA, Russia —": the capitals name a place, read in title case."""
        match = _DATELINE.search(doc_text(self.doc)[:DATELINE_WITHIN])
        if match is None:
            return
        name = match["name"].title()
        entry = self.gazetteer.lookup(name, kind="country")
        city = self.gazetteer.lookup(name, kind="city", context=self.context)
        if city is not None and entry is not None and city.country == entry.country:
            entry = city  # a dateline names a city: "DJIBOUTI —", "KUWAIT —" is the capital
        entry = entry or self.gazetteer.lookup(name, context=self.context)
        stated = (
            self.gazetteer.lookup(match["country"], kind="country") if match["country"] else None
        )
        if (
            stated is not None
            and stated.country
            and (entry is None or entry.country != stated.country)
        ):
            # "TASHKURGAN, China": the town in the country written beside it, even where another
            # country the report names has a bigger one ("ZAMYN-UUD, Mongolia": spelt loosely)
            entry = self.gazetteer.town_in(name, stated.country) or entry
        span = self.doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
        if entry is not None and span is not None:
            self._emit(span.start, span.end, entry, entry.kind)

    def joined_countries(self) -> None:
        """ "Trinidad and Tobago", "Bosnia and Herzegovina": a country the model splits at
        its "and" (it would read "Trinidad" as the Bolivian city)."""
        doc = self.doc
        for token in doc:
            if token.lower_ not in ("and", "&") or token.i == 0:
                continue
            found = next(
                (
                    (start, end, entry)
                    for start in range(max(0, token.i - 3), token.i)
                    for end in range(min(len(doc), token.i + 5), token.i + 1, -1)
                    if self._capitalised(start)
                    and doc[start].lower_ != "the"
                    and doc[end - 1].text[:1].isupper()
                    and not self._is_claimed(start, end)
                    and (entry := self.gazetteer.lookup(doc[start:end].text, kind="country"))
                ),
                None,
            )
            if found is not None:
                self._emit(found[0], found[1], found[2], "country")

    def features(self) -> None:
        """Seas, straits, camps and bases, matched as phrases (longest first)."""
        i = 0
        while i < len(self.doc):
            if not self._capitalised(i) or not self.gazetteer.may_start_feature(self.doc[i].text):
                i += 1
                continue
            for end in range(min(len(self.doc), i + MAX_FEATURE_TOKENS), i, -1):
                entry = self._feature_at(i, end)
                if entry is not None:
                    self._emit(i, end, entry, entry.kind)
                    i = end
                    break
            else:
                i += 1

    def _feature_at(self, start: int, end: int) -> GazetteerEntry | None:
        if not self._capitalised(start) or self.doc[end - 1].is_punct:
            return None
        if any(token.is_space for token in self.doc[start:end]):
            return None
        if self._is_claimed(start, end):
            return None
        entry = self.gazetteer.lookup(self.doc[start:end].text, kind="feature")
        if entry is None and self._by_a_river(start, end):
            # "on the right bank of the Dnipro", "across the Dnipro": the river, not the city
            return self.gazetteer.lookup(f"{self.doc[start:end].text} River", kind="feature")
        return None if entry is not None and self._is_modifier(start, end) else entry

    def _by_a_river(self, start: int, end: int) -> bool:
        """ "the bank of the X", "across the X", "along the X": words that only a river takes."""
        if start < 2 or self.doc[start - 1].lower_ != "the":
            return False
        if end < len(self.doc) and self.doc[end].pos_ in ("NOUN", "PROPN"):
            return False  # "across the Dnipro region"
        before = self.doc[start - 2].lower_
        if before == "of":
            return start >= 3 and self.doc[start - 3].lower_ in _RIVER_PARTS
        return before in _RIVER_CROSSINGS

    def _is_modifier(self, start: int, end: int) -> bool:
        """A one-word name that qualifies the noun after it: "the Baltic states", "the Sahel
        alliance", "Pacific Fleet" speak of something else than the sea or area."""
        token = self.doc[start]
        if token.head.lower_ in _SITE_NOUNS:
            return False  # "the Kyangwali camp", "the Tigris river": the noun says what it is
        return end - start == 1 and token.dep_ in _MODIFIER_DEPS and token.head.i > token.i

    # -- pass 1 ------------------------------------------------------------------------------

    def region_and_port_phrases(self) -> None:
        for token in self.doc:
            lower = place_key(token.text)
            word, at = token.text, token.i
            if (prefix := self._district_prefix(token.i)) is not None:
                # "the Guma local government area", "the Mandera East sub-county": a district
                word, at = "district", prefix
            named = self.gazetteer.is_region_word(token.text) or prefix is not None
            if named and token.pos_ in ("NOUN", "PROPN"):
                for start, end in self._listed_names_before(at, word):
                    entry = self.gazetteer.lookup(
                        f"{self.doc[start:end].text} {word}", context=self.context
                    )
                    if entry is not None and entry.kind in ("region", "district"):
                        # the last name takes the region word: "Kursk and [Belgorod regions]"
                        self._emit(start, token.i + 1 if end == at else end, entry, entry.kind)
            elif lower in self.words.port_words:
                self._port_phrase(token)

    def _district_prefix(self, i: int) -> int | None:
        """Where a district phrase of several words ending at token i begins: "local
        government area" (Nigeria's LGAs), "sub-county", "sub-district" (Kenya, Uganda)."""
        words = [t.lower_ for t in self.doc[max(0, i - 2) : i + 1]]
        if words == ["local", "government", "area"]:
            return i - 2
        if len(words) == 3 and words[:2] == ["sub", "-"] and words[2] in ("county", "district"):
            return i - 2
        return None

    def _port_phrase(self, token: Token) -> None:
        """ "Chongjin port", "the port of Hodeidah", "the port city of Tartus"."""
        start = self._name_before(token.i)
        if start is not None:
            entry = self._city(self.doc[start : token.i].text)
            if entry is not None:
                self._emit(start, token.i + 1, entry, "port")
                return
        after = token.i + 1
        if after < len(self.doc) and self.doc[after].lower_ == "city":
            after += 1
        if after < len(self.doc) and self.doc[after].lower_ == "of":
            end = self._name_after(after + 1)
            if end is not None:
                entry = self._city(self.doc[after + 1 : end].text)
                if entry is not None:
                    self._emit(token.i, end, entry, "port")

    def _city(self, name: str) -> GazetteerEntry | None:
        entry = self.gazetteer.lookup(name, context=self.context)
        return entry if entry is not None and entry.kind == "city" else None

    # -- pass 2 ------------------------------------------------------------------------------

    def place_entities(self, *, settled_only: bool = False) -> None:
        """Places the model tagged. `settled_only`: leave a town that another country has one of
        nearly as big for a later pass, when the towns around it have said which country the
        report is in ("La Esperanza" beside El Tarra and Cúcuta is Colombia's, not Guatemala's)."""
        for ent in self.doc.ents:
            start, end = _trim(ent)
            if start >= end or self._is_claimed(start, end):
                continue
            if ent.label_ == "NORP":
                self._demonym(start, end)
            elif ent.label_ in _PLACE_LABELS:
                if not self._capitalised(start):
                    continue  # "walked back through the bush": a common noun the tagger misread
                for first, last in self._hyphenated(start, end):
                    entry = self._lookup(first, last)
                    if settled_only and entry is not None and self._homonym_elsewhere(entry):
                        break
                    if entry is not None and entry.kind == "country" and self._called_a_town(last):
                        entry = self._town_of_country_name(first, last) or entry
                    if entry is not None and not self._looks_like_person(first, last, entry):
                        self._emit(first, last, entry, entry.kind)
                        break

    def _homonym_elsewhere(self, entry: GazetteerEntry) -> bool:
        """A town of a country the report does not name, with a namesake in another country at
        least a tenth its size."""
        if entry.kind != "city" or entry.country in self.context.countries:
            return False
        return any(
            other.country != entry.country and other.population * HOMONYM_SHARE >= entry.population
            for other in self.gazetteer.places_named(entry.name)
        )

    def _called_a_town(self, end: int) -> bool:
        """ ", a town in ...", ", a small village on ...": an appositive that says "town"."""
        window = self.doc[end : end + 5]
        if len(window) < 3 or window[0].text != "," or window[1].lower_ not in ("a", "an"):
            return False
        return any(t.lower_ in _SETTLEMENT_WORDS for t in window[2:])

    def _town_of_country_name(self, start: int, end: int) -> GazetteerEntry | None:
        """ "near Belize, a town in the north of the Cabinda enclave": a town named like a
        country, in another country the report names, when the text says it is a town."""
        town = self.gazetteer.lookup(self.doc[start:end].text, kind="city", context=self.context)
        return town if town is not None and town.country in self.context.countries else None

    # -- pass 3 ------------------------------------------------------------------------------

    def unlabelled_names(self) -> None:
        for _ in range(2):  # the second sweep sees names listed with places from the first
            self._unlabelled_sweep()
            self.widen_context()  # ... and the countries they lie in ("Goma" -> North Kivu)

    def _unlabelled_sweep(self) -> None:
        for start, end, areas_only in self._candidate_names():
            if self._is_claimed(start, end):
                continue
            entry = self._lookup(start, end)
            if entry is None or self._looks_like_person(start, end, entry):
                continue
            if (
                areas_only
                and entry.kind not in ("country", "region")
                and not (entry.kind == "city" and entry.country in self.context.countries)
            ):
                continue  # a town whose country the report names may be tagged ORG too
            if entry.kind in ("country", "region", "district", "site") or self._city_evidence(
                start, end, entry
            ):
                self._emit(start, end, entry, entry.kind)

    def _capitalised(self, start: int) -> bool:
        """A name starts with a capital (or the article of "al-Fashir"): "the bush" is none."""
        return self.doc[start].text[:1].isupper() or self.doc[start].lower_ in ("al", "el")

    def _candidate_names(self) -> Iterable[tuple[int, int, bool]]:
        """Whole mislabelled entities, and runs of proper nouns outside any entity, each with
        a flag that admits only a country or region. An ORG of several words is never split
        and, without a locative cue before it ("south of El Fasher"), may only be a country or
        region as a whole ("Burkina Faso's" tagged ORG): "National Intelligence Service" is an
        organisation. A name joined by hyphens is tried whole first ("Croix-des-Bouquets",
        where the model tagged only "Croix")."""
        for ent in self.doc.ents:
            start, end = _trim(ent)
            if _never_place(ent):
                continue
            parts = self._split_at_locatives(start, end)
            if len(parts) > 1:
                yield from ((s, e, False) for s, e in parts)
                continue
            if ent.label_ in _PLACE_LABELS or start >= end or not self._capitalised(start):
                continue
            # "Cerro" tagged ORG before an untagged "Prieto": the first word of a longer name
            areas_only = ent.label_ == "ORG" and (end - start > 1 or self._name_goes_on(end))
            areas_only = areas_only and not self._locative_before(start)
            yield from ((s, e, areas_only) for s, e in self._hyphenated(start, end))
        i = 0
        while i < len(self.doc):
            token = self.doc[i]
            if token.ent_type_ or token.pos_ != "PROPN" or not token.text[:1].isupper():
                i += 1
                continue
            end = i
            while (
                end < len(self.doc)
                and not self.doc[end].ent_type_
                and self.doc[end].pos_ == "PROPN"
                and self.doc[end].text[:1].isupper()
            ):
                end += 1
            yield from ((s, e, False) for s, e in self._hyphenated(i, end))
            i = end

    def _name_goes_on(self, end: int) -> bool:
        """A proper noun outside any entity right after a name ("the Cerro| Prieto mine")."""
        if end >= len(self.doc):
            return False
        after = self.doc[end]
        return not after.ent_type_ and after.pos_ == "PROPN" and after.text[:1].isupper()

    def _hyphenated(self, start: int, end: int) -> list[tuple[int, int]]:
        """The name with the words hyphens join to it ("Croix" -> "Croix-des-Bouquets") or the
        proper nouns that complete a gazetteer name, then the name as it was, in case the
        whole is no place ("Russia-Ukraine")."""
        wide_start, wide_end = start, end
        while wide_end + 1 < len(self.doc) and _joins(self.doc[wide_end - 1], self.doc[wide_end]):
            wide_end += 2
        # "[Finote] Selam": the model tagged the first word only; the name runs on
        while (
            wide_end < len(self.doc)
            and wide_end - wide_start < 4
            and self._untagged_name(wide_end)
            and self._known(wide_start, wide_end + 1)
        ):
            wide_end += 1
        # "[Cabo] Delgado": ... or the last word only
        while (
            wide_start > 0
            and wide_end - wide_start < 4
            and (self._untagged_name(wide_start - 1) or self._capital_word(wide_start - 1))
            and self._known(wide_start - 1, wide_end)
        ):
            wide_start -= 1
        while wide_start >= 2 and _joins(self.doc[wide_start - 2], self.doc[wide_start - 1]):
            wide_start -= 2
        spans = [(start, end)]
        if (wide_start, wide_end) != (start, end):
            spans.insert(0, (wide_start, wide_end))
        if end - start > 1 and self._demonym_word(end - 1):
            spans.append((start, end - 1))  # "Mullaitivu Tamil" tagged as one name: the town
        return spans

    def _demonym_word(self, i: int) -> bool:
        key = place_key(self.doc[i].text)
        return key in self.words.demonyms or key.removesuffix("s") in self.words.demonyms

    def _untagged_name(self, i: int) -> bool:
        token = self.doc[i]
        return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.ent_type_

    def _capital_word(self, i: int) -> bool:
        """A small word capitalised inside a sentence begins a name: "[In] Guezzam"."""
        token = self.doc[i]
        return (
            token.text[:1].isupper()
            and token.is_alpha
            and not token.is_sent_start
            and not token.ent_type_
            and not self.claimed[i]
        )

    def _known(self, start: int, end: int) -> bool:
        return self.gazetteer.lookup(self.doc[start:end].text, context=self.context) is not None

    def _split_at_locatives(self, start: int, end: int) -> list[tuple[int, int]]:
        """ "Goma in North Kivu" -> "Goma", "North Kivu": an entity run across a locative or,
        after a locative, across an "and" between two places; "Victoria, Seychelles" ->
        "Victoria", "Seychelles" where the name after the comma is a country's or a region's;
        and "Mozambique's Cabo Delgado" where the name before the possessive is."""
        parts, at = [], start
        for i in range(start + 1, end - 1):
            if self.doc[i].text == "," and self._area_name(i + 1, end):
                parts.append((at, i))
                at = i + 1
            elif self.doc[i].text in _POSSESSIVE and self._area_name(at, i):
                parts.append((at, i))  # "Mozambique's Cabo Delgado": the country, then its part
                at = i + 1
            elif (
                # "between [Karabulak and Sunzha]", "around [Sangin and Musa Qala]": two places
                # after a locative, not a firm's name ("Marks and Spencer")
                self.doc[i].lower_ == "and"
                and self._locative_before(start)
                and self._known(at, i)
                and self._known(i + 1, end)
            ):
                parts.append((at, i))
                at = i + 1
            elif self.doc[i].lower_ in _INSIDE_LOCATIVE or (
                # "Waspam on the Coco river": the river already found
                self.doc[i].lower_ == _ON and self._claimed_after(i + 1)
            ):
                parts.append((at, i))
                at = i + 1
                while at < end and self.doc[at].lower_ == "the":
                    at += 1
        return [*parts, (at, end)] if parts else [(start, end)]

    def _claimed_after(self, i: int) -> bool:
        while i < len(self.doc) and self.doc[i].lower_ == "the":
            i += 1
        return i < len(self.doc) and self.claimed[i]

    def _region_after(self, end: int) -> GazetteerEntry | None:
        """The admin-1 region named right after a place: "X, in Chiapas", "X in Chiapas state"."""
        at = end + 1 if end < len(self.doc) and self.doc[end].text == "," else end
        if at >= len(self.doc) or self.doc[at].lower_ != "in":
            return None
        after = at + 1
        while after < len(self.doc) and self.doc[after].lower_ in _BEFORE_REGION:
            after += 1
        stop = after
        while (
            stop < len(self.doc)
            and stop - after < MAX_NAME_TOKENS
            and _is_name_token(self.doc[stop])
        ):
            stop += 1
        if stop < len(self.doc) and self.gazetteer.is_region_word(self.doc[stop].text):
            stop += 1
        for last in range(stop, after, -1):
            name = self.doc[after:last].text
            for kind in (None, "region", "admin1"):  # "in Zacatecas": the state, not its capital
                region = self.gazetteer.lookup(name, kind=kind, context=self.context)
                if region is not None and region.kind == "region" and region.admin1:
                    return region
        return None

    def _country_after_comma(self, end: int) -> str | None:
        """ "Victoria, Seychelles", "Sao Domingos, in Guinea-Bissau": the country written
        after the name."""
        if end + 1 >= len(self.doc) or self.doc[end].text != ",":
            return None
        first = end + 1
        if self.doc[first].lower_ == "in":
            first += 1
        last = first
        while (
            last < len(self.doc)
            and last - first < 4
            and (self.doc[last].pos_ == "PROPN" or _joins(self.doc[last - 1], self.doc[last]))
        ):
            last += 1
        for stop in range(last, first, -1):
            entry = self.gazetteer.lookup(self.doc[first:stop].text, kind="country")
            if entry is not None:
                return entry.country
        return None

    def _area_name(self, start: int, end: int) -> bool:
        entry = self._lookup(start, end)
        return entry is not None and entry.kind in ("country", "region")

    def _city_evidence(self, start: int, end: int, entry: GazetteerEntry) -> bool:
        """A locative cue, a listed place, the same place found before, or a town big enough
        that is not a subject ("Jackson told reporters" is a person; "missiles hit
        Zaporizhzhia" is a city); the biggest cities count even as subjects ("Kyiv said").
        Where the model saw a person or an organisation, "X in <place>" and a subject are
        not enough ("Obama in Washington", "Ferguson said")."""
        named = self.doc[start].ent_type_ in _NAMED_THINGS
        if self._locative_before(start) or (entry.population >= HUGE_CITY and not named):
            return True
        if any(place.gazetteer_id == entry.gazetteer_id for place in self.places):
            return True
        subject = self.doc[start:end].root.dep_ in ("nsubj", "nsubjpass")
        sizeable = entry.population >= LARGE_CITY or (
            entry.population >= SIZEABLE_TOWN
            and entry.country in self.context.countries
            and not self._is_modifier(start, end)  # "Alliance members"
        )
        if sizeable and not subject and not self._opening_modifier(start, end, entry):
            return True
        if self._listed_with_place(start, end) or self._described(end):
            return True
        if named and self.doc[start].ent_type_ == "ORG":
            # "gunmen raided Maru in neighbouring Zamfara": a body is not "in" a region of the
            # country where a town of its name lies; a person may be ("Jackson in Mississippi")
            return self._placed_in(end, entry.country)
        return not named and self._placed_in(end)

    def _opening_modifier(self, start: int, end: int, entry: GazetteerEntry) -> bool:
        """A sentence's first word qualifying a common noun, naming a town in a country the
        report never names, is an ordinary word written with a capital: "Mobile calls ...
        failed" is no Alabama city (where the country is named, "Mosul residents fled" is)."""
        token = self.doc[start]
        return (
            end - start == 1
            and token.is_sent_start
            and token.dep_ in ("compound", "amod", "nmod")
            and token.head.i > start
            and token.head.pos_ == "NOUN"
            and token.head.text.islower()
            and entry.country not in self.context.countries
        )

    def _described(self, end: int) -> bool:
        """ "Sudzha, a town of 5,000 people", "Robotyne, a village in ..."."""
        if end >= len(self.doc) or self.doc[end].text != ",":
            return False
        window = self.doc[end + 1 : end + 5]
        return any(t.pos_ == "NOUN" and t.lower_ in self.words.of_nouns for t in window)

    def _locative_before(self, start: int) -> bool:
        """ "in X", "near X", "the village of X", "south of X"."""
        if start == 0:
            return False
        before = self.doc[start - 1].lower_
        if before in _LOCATIVE or (before == _ON and self.doc[start].ent_type_ != "PERSON"):
            return True
        return before == "of" and start > 1 and self.doc[start - 2].lower_ in self.words.of_nouns

    def _placed_in(self, end: int, country: str | None = None) -> bool:
        """ "Baalbek in the Bekaa Valley", "Djibo in northern Burkina Faso" (with `country`, a
        place in that country)."""
        if end >= len(self.doc) or self.doc[end].lower_ not in ("in", "near"):
            return False
        after = end + 1
        while after < len(self.doc) and (
            self.doc[after].pos_ in ("DET", "ADJ") or self.doc[after].tag_ in ("VBG", "VBN")
        ):  # "in neighbouring Zamfara", "in war-torn Tigray"
            after += 1
        if after >= len(self.doc) or not self.claimed[after]:
            return False
        if country is None:
            return True
        start_char = self.doc[after].idx
        return any(
            p.span.start <= start_char < p.span.end
            and p.country == country
            and p.kind in ("region", "district", "country")
            for p in self.places
        )

    def _listed_with_place(self, start: int, end: int) -> bool:
        """A found place just before ("Tyre, and Baalbek") or after ("Sumy and Kharkiv")."""
        before = start - 1
        while before >= 0 and self.doc[before].lower_ in _JOINERS:
            before -= 1
        after = end
        while after < len(self.doc) and self.doc[after].lower_ in _JOINERS:
            after += 1
        return (before < start - 1 and before >= 0 and self.claimed[before]) or (
            after > end and after < len(self.doc) and self.claimed[after]
        )

    # -- pass 4 ------------------------------------------------------------------------------

    def loose_demonyms(self) -> None:
        for token in self.doc:
            if self.claimed[token.i] or token.ent_type_ in ("ORG", "PERSON"):
                continue
            if not token.text[:1].isupper():
                continue
            for width in (2, 1):
                end = token.i + width
                if end <= len(self.doc) and not self._is_claimed(token.i, end):
                    if self._demonym(token.i, end):
                        break

    def _language(self, start: int, end: int) -> bool:
        """ "translated from French", "in Russian", "French-language": a language, no place."""
        text = doc_text(self.doc)
        before = text[max(0, self.doc[start].idx - 60) : self.doc[start].idx]
        after = text[self.doc[end - 1].idx + len(self.doc[end - 1]) :][:12]
        return bool(_LANGUAGE_BEFORE.search(before) or _LANGUAGE_AFTER.match(after))

    def _demonym(self, start: int, end: int) -> bool:
        if self._language(start, end):
            return False
        text = place_key(self.doc[start:end].text)
        iso = self.words.demonyms.get(text) or self.words.demonyms.get(text.removesuffix("s"))
        entry = self.gazetteer.country(iso) if iso else None
        if entry is None:
            return False
        self._emit(start, end, entry, "demonym")
        return True

    def rivers_on_their_stretch(self) -> None:
        """A river with a course in the features table is placed at the point of its course
        nearest the towns and sites its sentence names, else the report ("across the Parana
        river in Guaira" is the Parana at Guaira, not at Itaipu); with none, at its table
        point."""
        towns = [
            p
            for i, p in enumerate(self.places)
            if p.kind in _ANCHOR_KINDS and i not in self.courses and p.lat is not None
        ]
        for i, course in self.courses.items():
            place = self.places[i]
            sentence = self.doc.char_span(
                place.span.start, place.span.end, alignment_mode="expand"
            ).sent
            near = [p for p in towns if sentence.start_char <= p.span.start < sentence.end_char]
            anchors = [(p.lat, p.lon) for p in near or towns]
            if not anchors:
                continue
            points = [(place.lat, place.lon), *course]
            lat, lon = min(points, key=lambda point: min(distance_km(*point, *a) for a in anchors))
            self.places[i] = replace(place, lat=lat, lon=lon)

    # -- shared ------------------------------------------------------------------------------

    def _lookup(self, start: int, end: int) -> GazetteerEntry | None:
        text = self.doc[start:end].text
        words = sum(1 for token in self.doc[start:end] if not token.is_punct)
        key = place_key(text)
        if key in self.words.not_places or words > MAX_NAME_TOKENS:
            return None
        if key in self.words.actor_words and not self._locative_before(start):
            return None  # "Police in Cabo Delgado put the toll at 11": the police, not the town
        entry = self.gazetteer.lookup(text, context=self.context)
        if (
            entry is not None
            and entry.kind == "city"
            and (qualifier := self._country_after_comma(end)) not in (None, entry.country)
        ):
            # "Victoria, Seychelles": the country written after the name settles which one
            inside = [c for c in self.gazetteer.places_named(text) if c.country == qualifier]
            entry = max(inside, key=lambda c: c.population) if inside else entry
        if entry is not None and entry.kind == "city" and (region := self._region_after(end)):
            # "Ciudad Hidalgo, in Chiapas": the region written after the name settles which one
            inside = [
                c
                for c in self.gazetteer.places_named(text)
                if (c.country, c.admin1) == (region.country, region.admin1)
            ]
            entry = max(inside, key=lambda c: c.population) if inside else entry
        if entry is not None and entry.kind in ("region", "site") and self._is_modifier(start, end):
            # "Cabo Delgado police" in a report that names Mozambique is the region
            unsure = entry.needs_context and entry.country not in self.context.countries
            if entry is self.gazetteer.lookup(text, kind="feature") or unsure:
                return None
        return entry

    def _looks_like_person(self, start: int, end: int, entry: GazetteerEntry) -> bool:
        if entry.kind not in ("city", "continent"):
            return False
        before = place_key(self.doc[start - 1].text) if start > 0 else ""
        if before in self.words.titles or before in ("v", "vs"):  # "Plessy v. Ferguson"
            return True
        after = self.doc[end] if end < len(self.doc) else None
        if after and after.ent_type_ == "PERSON" and after.is_title and not self.claimed[end]:
            return True  # a title or first name: "King George III", "Jackson Browne"
        return end - start == 1 and place_key(self.doc[start].text) in self.person_words

    def _listed_names_before(self, i: int, word: str) -> list[tuple[int, int]]:
        """The names before a region word: "Kursk and Belgorod regions" -> both."""
        names = []
        while (start := self._name_before(i, word)) is not None:
            names.append((start, i))
            if start >= 2 and self.doc[start - 1].lower_ in _JOINERS:
                i = start - 1
            else:
                break
        return names

    def _name_before(self, i: int, word: str | None = None) -> int | None:
        """The start of the capitalised name that ends just before token i (longest known,
        alone or followed by `word`: "Sudzhansky" is known only as "Sudzhansky district")."""
        start = i
        while start > 0 and i - start < MAX_NAME_TOKENS:
            before = self.doc[start - 1]
            if before.lower_ == "the":
                break
            if not _is_name_token(before) and not (
                # "Mato Grosso do Sul", "Maguindanao del Sur", "Gracias a Dios"
                before.text in _NAME_PARTICLES
                and start < i
                and start >= 2
                and _is_name_token(self.doc[start - 2])
            ):
                break
            start -= 1
        for candidate in range(start, i):
            if self.doc[candidate].text in _NAME_PARTICLES or (
                candidate > start and self.doc[candidate - 1].text in _NAME_PARTICLES
            ):
                continue  # "Maguindanao del [Sur] province": the tail of a longer name is none
            name = self.doc[candidate:i].text
            if (
                self.gazetteer.lookup(name, context=self.context) is not None
                or self.gazetteer.lookup(name, kind="region", context=self.context) is not None
                or (word and self.gazetteer.lookup(f"{name} {word}", context=self.context))
            ):
                return candidate
        return None

    def _name_after(self, i: int) -> int | None:
        """The end of the capitalised name that starts at token i (longest known)."""
        end = i
        while end < len(self.doc) and end - i < MAX_NAME_TOKENS and _is_name_token(self.doc[end]):
            end += 1
        for candidate in range(end, i, -1):
            if self.gazetteer.lookup(self.doc[i:candidate].text, context=self.context):
                return candidate
        return None

    def _is_claimed(self, start: int, end: int) -> bool:
        return any(self.claimed[start:end])

    def _emit(self, start: int, end: int, entry: GazetteerEntry, kind: str) -> None:
        if self._is_claimed(start, end):
            return
        if kind == "city" and end < len(self.doc) and self.doc[end].lower_ in ISLAND_WORDS:
            return  # "Delft island" (Sri Lanka) is an island, not the Dutch city of Delft
        for i in range(start, end):
            self.claimed[i] = True
        first, last = self.doc[start], self.doc[end - 1]
        end_char = last.idx + len(last.text.removesuffix("’s").removesuffix("'s"))
        span = Span(first.idx, end_char, doc_text(self.doc)[first.idx : end_char])
        if entry.course:
            self.courses[len(self.places)] = entry.course
        self.places.append(
            Place(
                span=span,
                name=entry.name,
                country=entry.country,
                lat=entry.lat,
                lon=entry.lon,
                kind=kind,
                gazetteer_id=entry.gazetteer_id,
            )
        )


# a demonym that names a language: "translated from French and Kanembu", "speaking in Russian",
# "a Russian-language channel"
_LANGUAGE_BEFORE = re.compile(
    r"\b(?i:translated|translation|interpreted|dubbed|subtitled|spoke|speaking|speaks|written)"
    r"\s+(?:\w+\s+)?(?:from|into|in)\s+(?:[A-Z][\w-]*(?:,|\s+and|\s+or)\s+)*$"
)
_LANGUAGE_AFTER = re.compile(r"(?:-|\s)?(?:language|speaking|speakers?)\b")

# nouns after a feature's name that say what kind of place it is
_SETTLEMENT_WORDS = frozenset({"town", "village", "city", "settlement", "hamlet", "locality"})
_RIVER_PARTS = frozenset({"bank", "banks", "mouth", "estuary", "delta", "waters"})
_RIVER_CROSSINGS = frozenset({"across", "along", "crossed", "cross", "crossing", "upstream", "downstream"})  # fmt: skip
_SITE_NOUNS = frozenset({"camp", "camps", "settlement", "base", "airbase", "airfield", "crossing", "river", "lake", "reservoir", "dam"})  # fmt: skip


_ANCHOR_KINDS = frozenset({"city", "port", "district", "site"})  # point-like places


def _never_place(ent: SpacySpan) -> bool:
    """Dates, amounts and numbers are no places; but a "date" of proper nouns only, with no
    digit, month or holiday in it, is the small model misreading a name ("in Amhara")."""
    if ent.label_ not in _NEVER_PLACES:
        return False
    if ent.label_ != "DATE":
        return True
    return not all(
        token.pos_ == "PROPN" and token.is_alpha and token.lower_ not in _CALENDAR_WORDS
        for token in ent
        if token.lower_ != "the"
    )


def _is_name_token(token: Token) -> bool:
    """A capitalised word, or the hyphen inside "Ivano-Frankivsk"."""
    return token.text == "-" or (token.text[:1].isupper() and token.text not in _POSSESSIVE)


def _joins(before: Token, hyphen: Token) -> bool:
    """ "Croix" + "-" + "des": a hyphen with no space around it, between two words."""
    doc = hyphen.doc
    return (
        hyphen.text in ("-", "‐", "‑")
        and not before.whitespace_
        and not hyphen.whitespace_
        and hyphen.i + 1 < len(doc)
        and doc[hyphen.i + 1].is_alpha
        and before.is_alpha
    )


def _trim(ent: SpacySpan) -> tuple[int, int]:
    """Token bounds of an entity without a leading "the" or a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ == "the":
        start += 1
    while end > start and (ent.doc[end - 1].text in _POSSESSIVE or ent.doc[end - 1].is_punct):
        end -= 1
    return start, end
