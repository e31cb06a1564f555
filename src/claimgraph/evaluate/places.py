"""Score place finding and geocoding against a hand-written set of conflict-news sentences.

Needs: a gold file in JSON lines (`tests/data/places_gold.jsonl`: one document per line with its
`text`, `split` and the expected `places`, each a character span, a name and coordinates).
Returns: a `PlaceScore` per split, overall and by kind of place (town, region, water, ...).

A gold place is *found* when a predicted place overlaps its span, and *near* when that
prediction's point lies within `NEAR_KM` of the expected one. Areal features (regions, seas)
are represented by a conventional point (a region's seat, a sea's centre, see the gold set's
README), so "near" there means "the same feature", not a measure of geometry.
"""

import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.nlp.gazetteer import distance_km
from claimgraph.records import Place

NEAR_KM = 25.0


@dataclass(frozen=True, slots=True)
class GoldPlace:
    start: int
    end: int
    mention: str
    name: str
    lat: float
    lon: float
    kind: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    split: str
    text: str
    places: tuple[GoldPlace, ...]


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold place that was not found, or found too far away (`km` is then set)."""

    document: str
    mention: str
    kind: str
    predicted: str | None = None
    km: float | None = None


@dataclass(slots=True)
class PlaceScore:
    """Counts that add up across documents."""

    gold: int = 0
    found: int = 0
    near: int = 0
    extra: int = 0  # predicted places (not demonyms) that overlap no gold place
    by_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    misses: list[Miss] = field(default_factory=list)

    @property
    def found_rate(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def near_rate(self) -> float:
        return self.near / self.gold if self.gold else 0.0


def load_gold(path: Path) -> list[GoldDocument]:
    """Read the gold file, checking that every span matches its mention."""
    documents = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        places = tuple(
            GoldPlace(p["start"], p["end"], p["mention"], p["name"], p["lat"], p["lon"], p["kind"])
            for p in row["places"]
        )
        for place in places:
            if row["text"][place.start : place.end] != place.mention:
                raise InputError(
                    f"{path.name} line {number}: span {place.start}-{place.end} is not "
                    f"{place.mention!r}",
                    hint="fix the offsets in the gold file",
                )
        documents.append(GoldDocument(row["id"], row["split"], row["text"], places))
    return documents


def score_document(document: GoldDocument, predicted: Sequence[Place], score: PlaceScore) -> None:
    """Add one document's counts to `score`."""
    used = set()
    for gold in document.places:
        overlapping = [
            (i, p)
            for i, p in enumerate(predicted)
            if p.span.start < gold.end and gold.start < p.span.end
        ]
        tally = score.by_kind[gold.kind]
        score.gold += 1
        tally[0] += 1
        if not overlapping:
            score.misses.append(Miss(document.id, gold.mention, gold.kind))
            continue
        used.update(i for i, _ in overlapping)
        score.found += 1
        tally[1] += 1
        km = min(
            (
                distance_km(gold.lat, gold.lon, p.lat, p.lon)
                for _, p in overlapping
                if p.lat is not None and p.lon is not None
            ),
            default=math.inf,
        )
        if km <= NEAR_KM:
            score.near += 1
            tally[2] += 1
        else:
            name = overlapping[0][1].name
            rounded = round(km) if math.isfinite(km) else None
            score.misses.append(Miss(document.id, gold.mention, gold.kind, name, rounded))
    score.extra += sum(1 for i, p in enumerate(predicted) if i not in used and p.kind != "demonym")


def score_places(
    documents: Iterable[GoldDocument], find: Callable[[str], Sequence[Place]]
) -> dict[str, PlaceScore]:
    """Scores per split and for all documents together ("all")."""
    scores: dict[str, PlaceScore] = defaultdict(PlaceScore)
    for document in documents:
        predicted = find(document.text)
        score_document(document, predicted, scores[document.split])
        score_document(document, predicted, scores["all"])
    return dict(scores)
