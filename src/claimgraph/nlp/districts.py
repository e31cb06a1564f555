"""Second-level divisions (districts, raions, localities, counties) by the names news gives them.

Needs: the `%districts` section of the places index (GeoNames admin-2 names, built by
`scripts/build-places-index`) and the populated places.  Returns: the stems and keys that
`Gazetteer` uses to find "the Pokrovsk district", "Kursk Oblast's Sudzhansky district" or
"Kutum locality".

News names a district three ways, and GeoNames knows only some districts (all of Ukraine's,
few of Russia's or Sudan's), so each way is tried:
- by its GeoNames name without the type word ("Beryslav Raion" -> "Beryslav district");
- by its seat, which most districts are named after ("the Pokrovsk district", "Kutum
  locality"): the district's point is then the seat's, as for a region;
- by the adjective made from the seat ("Sudzhansky", "Pokrovskyi", "Glushkovsky"): the
  ending is cut off and the seat is the place whose name the stem begins or ends a letter
  from ("sudzhan" -> Sudzha, "glushkov" -> Glushkovo, "pokrov" -> Pokrovsk).
"""

from claimgraph.nlp.place_index import IndexedDistrict, IndexedPlace, PlaceIndex

# Russian and Ukrainian adjective endings as English news transliterates them, longest first.
_ADJECTIVE_ENDINGS = (
    "skyy", "skyi", "skiy", "skij", "skii", "skoy", "skoi", "skaya",
    "sky", "ski", "ska", "ske", "sk",
)  # fmt: skip
_MIN_STEM = 4


def district_stem(key: str) -> str:
    """The folded name without an adjective ending: "pokrovskyi" and "pokrovsk" -> "pokrov",
    "sudzhansky" -> "sudzhan". Names without such an ending come back unchanged."""
    head, _, last = key.rpartition(" ")
    for ending in _ADJECTIVE_ENDINGS:
        if last.endswith(ending) and len(last) - len(ending) >= _MIN_STEM:
            return f"{head} {last[: -len(ending)]}".lstrip()
    return key


def is_adjective(key: str) -> bool:
    """True for "sudzhansky", "pokrovskyi"; False for "pokrovsk" or "kutum"."""
    stem = district_stem(key)
    return stem != key and len(key) - len(stem) > 2


def seat_fits(stem: str, place_key: str) -> bool:
    """True when a place could be the seat a district adjective was made from: the stems are
    equal, or one is the other plus one letter ("sudzhan"/"sudzha", "glushkov"/"glushkovo")."""
    other = district_stem(place_key)
    if other == stem:
        return True
    shorter, longer = sorted((stem, place_key), key=len)
    return (
        len(shorter) >= _MIN_STEM and longer.startswith(shorter) and len(longer) - len(shorter) <= 1
    )


def district_seat_named(key: str, seat_key: str) -> bool:
    """True when a place's own name (not an alternate) is the one the district is named after."""
    return seat_key == key or (is_adjective(key) and seat_fits(district_stem(key), seat_key))


def district_candidates(
    places: PlaceIndex, key: str, *, by_seat: bool = True
) -> tuple[list[IndexedDistrict], list[IndexedPlace]]:
    """The GeoNames districts called `key` (folded, no type word) and, with `by_seat`, the
    places that could be the seat the district is named after."""
    stem = district_stem(key)
    named = {
        (d.country, d.admin1, d.name): d
        for k in dict.fromkeys((key, stem))
        for d in places.districts(k)
    }
    seats: list[IndexedPlace] = []
    if by_seat and is_adjective(key):
        for other in places.keys_starting(stem[:-1]):
            if seat_fits(stem, other):
                seats.extend(places.find(other))
    elif by_seat:
        seats.extend(places.find(key))
    return list(named.values()), seats
