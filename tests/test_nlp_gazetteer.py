"""The offline gazetteer: folding, tiers and coordinates."""

import pytest

from claimgraph.nlp.gazetteer import Gazetteer, load_gazetteer, place_key


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Zaporizhzhia", "zaporizhzhia"),
        ("Wŏnsan", "wonsan"),
        ("Hamhŭng", "hamhung"),
        ("South Korea’s", "south koreas"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
        ("Sana'a", "sanaa"),
        ("U.S.", "us"),
        ("the Netherlands", "netherlands"),
        ("  Kursk   Oblast ", "kursk oblast"),
    ],
)
def test_gazetteer_fold(name, key):
    assert place_key(name) == key


@pytest.mark.parametrize(
    ("name", "expected", "country", "kind"),
    [
        ("Russia", "Russia", "RU", "country"),
        ("Ukraine", "Ukraine", "UA", "country"),
        ("North Korea", "North Korea", "KP", "country"),
        ("South Korea", "South Korea", "KR", "country"),
        ("South Korea’s", "South Korea", "KR", "country"),
        ("DPRK", "North Korea", "KP", "country"),
        ("U.S.", "United States", "US", "country"),
        ("Britain", "United Kingdom", "GB", "country"),
        ("Palestine", "Palestinian Territory", "PS", "country"),
        ("Türkiye", "Turkey", "TR", "country"),
        ("Taiwan", "Taiwan", "TW", "country"),
        ("Georgia", "Georgia", "GE", "country"),
    ],
)
def test_gazetteer_countries(gazetteer, name, expected, country, kind):
    entry = gazetteer.lookup(name)
    assert (entry.name, entry.country, entry.kind) == (expected, country, kind)
    assert entry.gazetteer_id.startswith("geonames:")


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [
        ("Poltava region", "Poltava Oblast", "UA"),
        ("Kursk region", "Kursk Oblast", "RU"),
        ("Kursk oblast", "Kursk Oblast", "RU"),
        ("Kharkiv Oblast", "Kharkiv Oblast", "UA"),
        ("Zaporizhzhia region", "Zaporizhzhia Oblast", "UA"),
        ("Belgorod region", "Belgorod Oblast", "RU"),
        ("Crimea", "Crimea", "UA"),
        ("Donbas", "Donbas", "UA"),
        ("Donbass", "Donbas", "UA"),
        ("Gaza Strip", "Gaza Strip", "PS"),
        ("West Bank", "West Bank", "PS"),
        ("Idlib governorate", "Idlib Governorate", "SY"),
        ("North Hamgyong province", "North Hamgyong Province", "KP"),
        ("Gyeonggi Province", "Gyeonggi Province", "KR"),
        ("Texas", "Texas", "US"),
    ],
)
def test_gazetteer_regions(gazetteer, name, expected, country):
    entry = gazetteer.lookup(name)
    assert (entry.name, entry.country, entry.kind) == (expected, country, "region")
    assert entry.lat is not None
    assert entry.lon is not None


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Ussuriysk", "RU", 43.80, 131.96),
        ("Khabarovsk", "RU", 48.46, 135.10),
        ("Chongjin", "KP", 41.80, 129.78),
        ("Poltava", "UA", 49.59, 34.55),
        ("Moscow", "RU", 55.75, 37.62),
        ("Pyongyang", "KP", 39.03, 125.75),
        ("Seoul", "KR", 37.57, 126.98),
        ("Kyiv", "UA", 50.45, 30.52),
        ("Kiev", "UA", 50.45, 30.52),
        ("Wonsan", "KP", 39.15, 127.44),
        ("Hodeidah", "YE", 14.80, 42.95),
        ("Pokrovsk", "UA", 48.28, 37.18),
        ("Khan Younis", "PS", 31.34, 34.31),
        ("Zaporizhzhia", "UA", 47.85, 35.12),
    ],
)
def test_gazetteer_cities_with_coordinates(gazetteer, name, country, lat, lon):
    entry = gazetteer.lookup(name)
    assert (entry.country, entry.kind) == (country, "city")
    assert entry.lat == pytest.approx(lat, abs=0.01)
    assert entry.lon == pytest.approx(lon, abs=0.01)


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [("Poltava", "city", "UA"), ("Poltava", "region", "UA"), ("Donetsk", "city", "UA")],
)
def test_gazetteer_kind_restricts_the_tier(gazetteer, name, kind, country):
    entry = gazetteer.lookup(name, kind=kind if kind != "city" else None)
    assert (entry.kind, entry.country) == (kind, country)


@pytest.mark.parametrize("name", ["NIS", "UN", "EU", "Friday", "Zelensky", "Putin", "", "   "])
def test_gazetteer_unknown_names_miss(gazetteer, name):
    assert gazetteer.lookup(name) is None


@pytest.mark.parametrize(("iso", "name"), [("KP", "North Korea"), ("ua", "Ukraine")])
def test_gazetteer_country_by_code(gazetteer, iso, name):
    assert gazetteer.country(iso).name == name


@pytest.mark.parametrize(("name", "population_floor"), [("Springfield", 100_000)])
def test_gazetteer_prefers_the_most_populous(gazetteer, name, population_floor):
    assert gazetteer.lookup(name).population >= population_floor
