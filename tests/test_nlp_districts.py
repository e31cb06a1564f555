"""Admin-2 districts: the stems of district adjectives and the seats they are named after."""

import pytest

from claimgraph.nlp.districts import district_stem, is_adjective, seat_fits
from claimgraph.nlp.place_index import load_place_index


@pytest.mark.parametrize(
    ("key", "stem"),
    [
        ("pokrovskyi", "pokrov"),
        ("pokrovsk", "pokrov"),
        ("sudzhansky", "sudzhan"),
        ("glushkovskiy", "glushkov"),
        ("kursk", "kursk"),  # too short a stem is left alone
        ("kutum", "kutum"),
        ("north waziristan", "north waziristan"),
    ],
)
def test_districts_stem(key, stem):
    assert district_stem(key) == stem


@pytest.mark.parametrize(
    ("key", "adjective"), [("sudzhansky", True), ("pokrovskyi", True), ("pokrovsk", False)]
)
def test_districts_is_adjective(key, adjective):
    assert is_adjective(key) is adjective


@pytest.mark.parametrize(
    ("stem", "place", "fits"),
    [
        ("sudzhan", "sudzha", True),
        ("glushkov", "glushkovo", True),
        ("pokrov", "pokrovsk", True),
        ("pokrov", "pokrovka", False),  # a village, not the seat of "Pokrovskyi"
        ("bel", "belgorod", False),
    ],
)
def test_districts_seat_fits(stem, place, fits):
    assert seat_fits(stem, place) is fits


@pytest.mark.parametrize(
    ("key", "country", "name", "seat"),
    [
        ("bakhmut", "UA", "Bakhmut Raion", "Bakhmut"),
        ("soum", "BF", "Province du Soum", "Djibo"),  # the type word is not part of the key
        ("korenev", "RU", "Korenevskiy Rayon", "Korenevo"),  # by its stem too
    ],
)
def test_districts_in_the_places_index(key, country, name, seat):
    [district] = [d for d in load_place_index().districts(key) if d.country == country]
    assert (district.name, district.seat.name) == (name, seat)
