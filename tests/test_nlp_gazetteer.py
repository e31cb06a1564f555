"""The offline gazetteer: folding, tiers and coordinates."""

import pytest

from claimgraph.nlp.gazetteer import (
    FEATURE_KINDS,
    MIN_CITY_POPULATION,
    DocumentContext,
    Gazetteer,
    load_gazetteer,
    place_key,
)
from claimgraph.nlp.lexicon import data_rows, lexicon_text
from claimgraph.nlp.place_index import load_place_index


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
        ("Şırnak", "sirnak"),  # the dotless i has no accent to drop
        ("Białystok", "bialystok"),
        ("Tromsø", "tromso"),
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


# -- towns of 500+, admin-1 regions, seas and camps, and the document's context ---------------


def test_gazetteer_small_towns_need_their_country_named(gazetteer):
    assert gazetteer.lookup("Sudzha") is None
    entry = gazetteer.lookup("Sudzha", context=DocumentContext(frozenset({"RU"})))
    assert (entry.country, entry.kind) == ("RU", "city")
    assert entry.population < MIN_CITY_POPULATION
    assert (entry.lat, entry.lon) == pytest.approx((51.19, 35.27), abs=0.01)


@pytest.mark.parametrize(
    ("countries", "expected"),
    [
        ((), "LY"),  # no context: the most populous
        (("LB",), "LB"),  # a country the document names
        (("LB", "LY"), "LY"),  # both named: the most populous of them
    ],
)
def test_gazetteer_context_chooses_between_namesakes(gazetteer, countries, expected):
    context = DocumentContext(frozenset(countries))
    assert gazetteer.lookup("Tripoli", context=context).country == expected


def test_gazetteer_a_far_bigger_namesake_still_wins(gazetteer):
    entry = gazetteer.lookup("Moscow", context=DocumentContext(frozenset({"US"})))
    assert entry.country == "RU"


def test_gazetteer_a_region_named_in_the_document_beats_its_country(gazetteer):
    places = gazetteer.places_named("Korenevo")
    assert len({p.admin1 for p in places if p.country == "RU"}) > 1
    for place in places:
        if place.country == "RU" and place.admin1:
            context = DocumentContext(frozenset({"RU"}), frozenset({("RU", place.admin1)}))
            assert gazetteer.lookup("Korenevo", context=context).admin1 == place.admin1


def test_gazetteer_own_name_beats_a_former_name(gazetteer):
    # Engels (Saratov region) was once called Pokrovsk, and is bigger than today's Pokrovsk.
    assert any(p.name == "Engels" for p in gazetteer.places_named("Pokrovsk"))
    context = DocumentContext(frozenset({"RU", "UA"}))
    assert gazetteer.lookup("Pokrovsk", context=context).name == "Pokrovsk"


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Hokkaido", "JP", "Hokkaido"),
        ("North Darfur", "SD", "Northern Darfur"),  # GeoNames writes "Northern"
        ("North Kivu", "CD", "Nord Kivu"),  # ... and "Nord"
        ("Borno State", "NG", "Borno"),
        ("Kidal region", "ML", "Kidal"),
    ],
)
def test_gazetteer_admin1_regions(gazetteer, name, country, expected):
    entry = gazetteer.lookup(name, context=DocumentContext(frozenset({country})))
    assert (entry.name, entry.country, entry.kind) == (expected, country, "region")
    assert entry.gazetteer_id.startswith("geonames:")


def test_gazetteer_bare_admin1_names_need_their_country(gazetteer):
    assert gazetteer.lookup("Hokkaido") is None
    assert gazetteer.lookup("Hokkaido", context=DocumentContext(frozenset({"JP"}))) is not None


def test_gazetteer_a_region_word_after_one_countrys_region_name_needs_no_context(gazetteer):
    # only Papua New Guinea has a region called Enga; the bare word is still not enough
    entry = gazetteer.lookup("Enga Province")
    assert (entry.name, entry.country, entry.kind) == ("Enga", "PG", "region")
    assert gazetteer.lookup("Enga") is None or gazetteer.lookup("Enga").country != "PG"
    # a name several countries give a region stays unresolved without the document's help
    assert gazetteer.lookup("Eastern state") is None


def test_gazetteer_a_town_keeps_its_name_from_its_region(gazetteer):
    context = DocumentContext(frozenset({"ML"}))
    town = gazetteer.lookup("Kidal", context=context)
    region = gazetteer.lookup("Kidal region", context=context)
    assert (town.kind, region.kind) == ("city", "region")
    assert (region.lat, region.lon) == (town.lat, town.lon)  # the region's seat is its namesake


@pytest.mark.parametrize(
    ("name", "expected", "kind", "country"),
    [
        ("Strait of Hormuz", "Strait of Hormuz", "region", None),
        ("the Bosphorus", "Bosporus", "region", "TR"),
        ("Atlantic", "Atlantic Ocean", "region", None),
        ("Zamzam", "Zamzam camp", "site", "SD"),
        ("Al-Udeid", "Al Udeid air base", "site", "QA"),
        ("Red Sea", "Red Sea", "region", None),  # the sea, not Sudan's Red Sea state
    ],
)
def test_gazetteer_features(gazetteer, name, expected, kind, country):
    entry = gazetteer.lookup(name, context=DocumentContext(frozenset({"SD"})))
    assert (entry.name, entry.kind, entry.country) == (expected, kind, country)


def test_gazetteer_feature_table_rows_are_complete():
    rows = data_rows(lexicon_text("places_features.v1.tsv"))
    assert len(rows) >= 100
    names = [place_key(row[0]) for row in rows]
    assert len(names) == len(set(names))
    for row in rows:
        name, kind, country, lat, lon, _aliases, course = (row + [""] * 7)[:7]
        assert len(row) <= 7, name
        assert kind in FEATURE_KINDS, name
        assert country == "" or len(country) == 2, name
        for point_lat, point_lon in [(lat, lon), *(p.split() for p in course.split(";") if p)]:
            assert -90 <= float(point_lat) <= 90, name
            assert -180 <= float(point_lon) <= 180, name


def test_place_index_lists_the_most_populous_first():
    index = load_place_index()
    places = index.find("springfield")
    assert len(places) > 5
    populations = [p.population for p in places]
    assert populations == sorted(populations, reverse=True)
    assert {p.country for p in places} >= {"US"}
    assert "KP" not in {p.country for p in places}
    assert index.find("no such place anywhere") == ()


# -- admin-2 districts and spellings of Arabic articles ----------------------------------------

KURSK = DocumentContext(frozenset({"RU"}), frozenset({("RU", "41")}))


@pytest.mark.parametrize(
    ("name", "context", "country", "lat", "lon"),
    [
        ("Bakhmut district", None, "UA", 48.59, 38.00),  # GeoNames: Bakhmut Raion
        ("Korenevsky district", None, "RU", 51.41, 34.90),  # GeoNames: Korenevskiy Rayon
        ("Pokrovsk district", None, "UA", 48.28, 37.18),  # not Engels, once called Pokrovsk
        ("Sudzhansky district", KURSK, "RU", 51.19, 35.27),  # the adjective of its seat, Sudzha
        ("Kebkabiya locality", None, "SD", 13.65, 24.08),  # named after its seat
        ("Oudalan province", None, "BF", 14.44, -0.23),  # admin-2 after a region word
        ("Bajaur district", None, "PK", 34.74, 71.53),  # GeoNames: Bajaur Agency
    ],
)
def test_gazetteer_districts(gazetteer, name, context, country, lat, lon):
    entry = gazetteer.lookup(name, context=context)
    assert (entry.country, entry.kind) == (country, "district")
    assert entry.lat == pytest.approx(lat, abs=0.01)
    assert entry.lon == pytest.approx(lon, abs=0.01)


def test_gazetteer_a_district_named_after_a_small_seat_needs_its_country(gazetteer):
    assert gazetteer.lookup("Sudzhansky district") is None
    assert gazetteer.lookup("Sudzhansky district", context=KURSK) is not None


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [
        ("Halfa al-Jadida", "New Halfa", "SD"),  # GeoNames has "Halfa el Jadida"
        ("Deyr al-Zor", "Deir ez-Zor", "SY"),
        ("Dayr az-Zawr", "Deir ez-Zor", "SY"),
    ],
)
def test_gazetteer_arabic_articles_spelt_another_way(gazetteer, name, expected, country):
    entry = gazetteer.lookup(name)
    assert (entry.name, entry.country) == (expected, country)


@pytest.mark.parametrize(("countries", "country"), [(frozenset(), "OM"), (frozenset({"LB"}), "LB")])
def test_gazetteer_an_alternate_name_in_a_named_country_wins(gazetteer, countries, country):
    """ "Sur" is Oman's Sur by its own name, and Tyre by an alternate one."""
    assert gazetteer.lookup("Sur", context=DocumentContext(countries)).country == country


@pytest.mark.parametrize(
    ("name", "countries", "region", "country"),
    [
        # a region named after its seat: GeoNames writes "Mangghystau" and "Littoral"
        ("Aktau region", {"KZ"}, "Mangghystau", "KZ"),
        ("Douala region", {"CM"}, "Littoral", "CM"),
        # transliterations: "gh" for "g", "y" for "i"
        ("Mangistau region", {"KZ"}, "Mangghystau", "KZ"),
        # a region's own name wins over another country's region whose seat bears it
        ("Concepcion department", {"PY", "CL"}, "Concepcion", "PY"),
        # compass points in one word; Kenya's counties are admin-1 regions
        ("Northwest region", {"CM"}, "North-West", "CM"),
        ("Samburu county", {"KE"}, "Samburu", "KE"),
        ("Tana River county", {"KE"}, "Tana River", "KE"),
        # the names news gives regions GeoNames spells otherwise (the admin-1 alias table)
        ("Suleimaniyah province", {"IQ"}, "Sulaymaniyah", "IQ"),
        ("Thi Qar province", {"IQ"}, "Dhi Qar", "IQ"),
    ],
)
def test_gazetteer_regions_by_seat_and_loose_spelling(gazetteer, name, countries, region, country):
    entry = gazetteer.lookup(name, context=DocumentContext(frozenset(countries)))
    assert entry is not None
    assert entry.kind == "region"
    assert (entry.name, entry.country) == (region, country)


def test_gazetteer_a_seat_named_region_needs_its_country(gazetteer):
    """ "Aktau region" is a Kazakh region only in a report that names Kazakhstan."""
    assert gazetteer.lookup("Aktau region") is None


@pytest.mark.parametrize("primary", ["VE", "CO"])
def test_gazetteer_the_documents_own_country_breaks_a_tie(gazetteer, primary):
    """Two regions called Amazonas in two countries the report names: the dateline's wins."""
    context = DocumentContext(frozenset({"VE", "CO"}), primary=primary)
    assert gazetteer.lookup("Amazonas state", context=context).country == primary


def test_gazetteer_an_alternate_name_on_another_continent_is_no_match(gazetteer):
    """ "Sor" is also a name of Tyre: in a report that names Norway it is not Lebanon's Tyre."""
    assert gazetteer.lookup("Sor", context=DocumentContext(frozenset({"NO"}))) is None
    tyre = gazetteer.lookup("Sor", context=DocumentContext(frozenset({"LB"})))
    assert tyre is not None
    assert tyre.country == "LB"


def test_gazetteer_a_district_word_prefers_the_reports_own_country(gazetteer):
    """ "the Virginia district" in a report filed from South Africa that also names the
    United States: the district of South Africa's Virginia, not the American state."""
    context = DocumentContext(frozenset({"ZA", "US"}), primary="ZA")
    entry = gazetteer.lookup("Virginia district", context=context)
    assert entry is not None
    assert entry.country == "ZA"


@pytest.mark.parametrize("name", ["Henan", "Hubei", "Guizhou"])
def test_gazetteer_a_village_of_unknown_size_does_not_hide_a_province(gazetteer, name):
    entry = gazetteer.lookup(name, context=DocumentContext(frozenset({"CN"})))
    assert entry is not None
    assert entry.kind == "region"


def test_gazetteer_a_town_in_a_country_spelt_loosely(gazetteer):
    entry = gazetteer.town_in("Bardhere", "SO")
    assert entry is not None
    assert entry.name == "Baardheere"
    assert gazetteer.town_in("Bardhere", "KE") is None


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [
        ("Rabia crossing", "Rabia crossing", "IQ"),
        ("Mota'ain crossing", "Mota'ain crossing", None),
        ("Kajaki dam", "Kajaki Dam", "AF"),
        ("Bolan Pass", "Bolan Pass", "PK"),
        ("Arakan Yoma", "Arakan Yoma", "MM"),
        ("W National Park", "W National Park", None),
        ("Curonian Spit", "Curonian Spit", None),
        ("Shetland islands", "Shetland Islands", "GB"),
    ],
)
def test_gazetteer_crossings_passes_ranges_and_parks(gazetteer, name, expected, country):
    entry = gazetteer.lookup(name, kind="feature")
    assert (entry.name, entry.country) == (expected, country)


@pytest.mark.parametrize(
    ("name", "seat"),
    [("Galmudug", (5.53597, 46.38666)), ("Svalbard", (78.22334, 15.64689))],
)
def test_gazetteer_a_member_state_or_territory_at_its_seat(gazetteer, name, seat):
    entry = gazetteer.lookup(name)
    assert (entry.kind, (entry.lat, entry.lon)) == ("region", seat)  # Dhusamareb, Longyearbyen


@pytest.mark.parametrize(
    ("name", "seat"),
    [("Lower Juba region", "Kismayo"), ("Middle Shabelle region", "Jawhar")],
)
def test_gazetteer_a_wider_area_seated_in_a_region_leaves_the_region(gazetteer, name, seat):
    # Jubaland sits at Kismayo and Hirshabelle at Jawhar: the admin-1 regions there are kept
    entry = gazetteer.lookup(name, context=DocumentContext(frozenset({"SO"})))
    town = gazetteer.lookup(seat, context=DocumentContext(frozenset({"SO"})))
    assert (entry.kind, entry.name) != ("region", "Jubaland")
    assert entry.name not in ("Jubaland", "Hirshabelle")
    assert entry.gazetteer_id.startswith("geonames:")  # the GeoNames division, at its seat
    assert (entry.lat, entry.lon) == (town.lat, town.lon)


@pytest.mark.parametrize(
    ("name", "country", "point"),
    [
        ("Ruma", "BD", (22.05, 92.4)),  # not the bigger Serbian town
        ("Alat", "AZ", (39.94, 49.41)),  # not Alot, India, which GeoNames also calls Alat
        ("Mahbes", "EH", (27.22, -9.73)),
    ],
)
def test_gazetteer_a_town_the_geonames_index_lacks(gazetteer, name, country, point):
    entry = gazetteer.lookup(name, context=DocumentContext(frozenset({country})))
    assert (entry.country, (entry.lat, entry.lon)) == (country, point)


def test_gazetteer_a_small_town_the_index_lacks_needs_its_country(gazetteer):
    assert gazetteer.lookup("Thanchi") is None
    assert gazetteer.lookup("Thanchi", context=DocumentContext(frozenset({"BD"}))) is not None
    assert gazetteer.lookup("Ruma").country == "RS"  # in a report that names no country


def test_gazetteer_town_table_rows_are_complete():
    rows = data_rows(lexicon_text("places_towns.v1.tsv"))
    for name, country, lat, lon, population, _aliases in rows:
        assert len(country) == 2, name
        assert country.isupper(), name
        assert -90 <= float(lat) <= 90, name
        assert -180 <= float(lon) <= 180, name
        assert int(population) >= 0, name
        # only towns the index lacks: a town it has is found there
        assert not any(p.country == country for p in load_place_index().find(place_key(name)))


def test_gazetteer_a_village_in_another_region_does_not_hide_a_state(gazetteer):
    # GeoNames has a Michoacán of 574 people in Chiapas; the bare name is the state
    entry = gazetteer.lookup("Michoacan", context=DocumentContext(frozenset({"MX"})))
    assert (entry.kind, entry.country, entry.admin1) == ("region", "MX", "16")


@pytest.mark.parametrize(
    ("name", "country", "gazetteer_id"),
    [
        ("Tal Tamr", "SY", "geonames:163434"),  # GeoNames: Tall Tamr
        ("Rada'a", "YE", "geonames:71491"),  # GeoNames: Radā‘
        ("Foya", "LR", "geonames:2277301"),  # GeoNames: Foya Kamara; China has a Foya too
    ],
)
def test_gazetteer_a_town_spelt_as_news_spells_it(gazetteer, name, country, gazetteer_id):
    entry = gazetteer.lookup(name, context=DocumentContext(frozenset({country})))
    assert entry.gazetteer_id == gazetteer_id
    assert gazetteer.lookup("Foya", context=DocumentContext(frozenset({"CN"}))).country == "CN"


def test_gazetteer_a_region_lies_at_its_seat_of_record_whatever_its_letters():
    """Şırnak province's seat is the town of Şırnak, not the bigger Cizre."""
    sirnak = load_gazetteer().lookup("Sirnak province", context=DocumentContext(frozenset({"TR"})))
    assert (round(sirnak.lat, 2), round(sirnak.lon, 2)) == (37.51, 42.45)
