"""The place scorer, and the place test set's held-back half scored with a floor."""

import json
from pathlib import Path

import pytest

from claimgraph.errors import InputError
from claimgraph.evaluate.places import (
    GoldDocument,
    GoldPlace,
    PlaceScore,
    distance_km,
    load_gold,
    score_document,
    score_places,
)
from claimgraph.records import Place, Span

GOLD = Path(__file__).parent / "data" / "places_gold.jsonl"
TEXT = "Drones hit Sudzha and the Black Sea."


def place(start: int, end: int, lat: float | None, lon: float | None, kind: str = "city") -> Place:
    return Place(Span(start, end, TEXT[start:end]), "x", None, lat, lon, kind)


def document() -> GoldDocument:
    return GoldDocument(
        "d1",
        "dev",
        TEXT,
        (
            GoldPlace(11, 17, "Sudzha", "Sudzha", 51.19, 35.27, "town"),
            GoldPlace(26, 35, "Black Sea", "Black Sea", 43.0, 35.0, "water"),
        ),
    )


def test_distance_km_of_one_degree_of_latitude():
    assert distance_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.1)
    assert distance_km(51.19, 35.27, 51.19, 35.27) == 0


@pytest.mark.parametrize(
    ("predicted", "found", "near", "extra"),
    [
        ([], 0, 0, 0),
        ([place(11, 17, 51.2, 35.3)], 1, 1, 0),  # a few km off
        ([place(11, 17, 51.2, 35.3), place(22, 35, 44.0, 35.0, "region")], 2, 1, 0),  # 111 km
        ([place(0, 6, 1.0, 1.0)], 0, 0, 1),  # "Drones" is no place
        ([place(0, 6, 1.0, 1.0, "demonym")], 0, 0, 0),  # demonyms are not counted as extra
        ([place(11, 17, None, None)], 1, 0, 0),  # found, without coordinates
    ],
)
def test_score_document_counts(predicted, found, near, extra):
    score = PlaceScore()
    score_document(document(), predicted, score)
    assert (score.gold, score.found, score.near, score.extra) == (2, found, near, extra)
    assert len(score.misses) == 2 - near


def test_score_places_adds_up_per_split_and_overall():
    scores = score_places([document(), document()], lambda text: [place(11, 17, 51.19, 35.27)])
    assert set(scores) == {"dev", "all"}
    assert (scores["all"].gold, scores["all"].found, scores["dev"].near_rate) == (4, 2, 0.5)
    assert scores["all"].by_kind["town"] == [2, 2, 2]


def test_load_gold_rejects_a_span_that_misses_its_mention(tmp_path):
    row = {"id": "x", "split": "dev", "text": TEXT, "places": []}
    row["places"].append(
        {"start": 10, "end": 16, "mention": "Sudzha", "name": "Sudzha", "lat": 0, "lon": 0}
        | {"kind": "town"}
    )
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row) + "\n", "utf-8")
    with pytest.raises(InputError, match="Sudzha"):
        load_gold(path)


def test_gold_set_is_well_formed():
    documents = load_gold(GOLD)
    mentions = [p for d in documents for p in d.places]
    assert len(mentions) >= 120
    assert {d.split for d in documents} == {
        "dev",
        "test",
        "test2",
        "test3",
        "test4",
        "test5",
        "test6",
        "test7",
        "test8",
        "test9",
        "test10",
    }
    assert sum(1 for d in documents for _ in d.places if d.split == "test") >= 60
    assert sum(1 for d in documents for _ in d.places if d.split == "test2") >= 40
    assert sum(1 for d in documents for _ in d.places if d.split == "test3") >= 100


@pytest.mark.slow
@pytest.mark.parametrize(
    ("split", "found", "near", "extra"),
    [("test", 0.95, 0.94, 15), ("test2", 0.9, 0.86, 5), ("test3", 0.87, 0.83, 5)],
)
def test_places_on_the_held_back_parts_reach_the_floor(split, found, near, extra):
    """The figures bench/places_quality.py reports, as a floor a little under what the rules
    reach (test: 0.976 found, 0.967 within 25 km; test2: 0.921 and 0.886; test3: 0.898 and
    0.856 at the time of writing)."""
    from claimgraph.nlp import model
    from claimgraph.nlp.gazetteer import load_gazetteer
    from claimgraph.nlp.places import find_places

    nlp, gazetteer = model.load(), load_gazetteer()
    held_out = [d for d in load_gold(GOLD) if d.split == split]
    score = score_places(held_out, lambda text: find_places(nlp(text), gazetteer))[split]
    assert score.found_rate >= found
    assert score.near_rate >= near
    assert score.extra <= extra
