"""Claim clusters: does a claim state the same proposition as a cluster (or another claim)?

Needs: `ClaimFacts` and unit vectors of their content.  Returns: a `ClusterMatch` (similarity,
score, what agrees, what conflicts) and the decision.

Text similarity alone puts "1,500 troops arrived" next to "12,000 troops expected", so the score
adds what the claims mention: a shared figure, country or named entity raises it, and three
conflicts veto a merge outright: a different polarity (a denial is not an assertion), figures with
nothing in common, and a shared figure with a different modality ("10,000 sent" against
"10,000 by December").
"""

from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from claimgraph.resolve.facts import ClaimFacts
from claimgraph.resolve.lexical import Profile, dot
from claimgraph.resolve.records import ClusterMatch

NUMBER_BONUS = 0.08
PLACE_BONUS = 0.04
ENTITY_BONUS = 0.04
PLACE_PENALTY = 0.1
UNSPECIFIC = frozenset({"unknown", "recap"})


@dataclass(frozen=True, slots=True)
class Features:
    """What a cluster is compared on: its founding claim's figures, places and entities."""

    polarity: str
    figures: tuple[tuple[float, str], ...]  # (value, modality)
    countries: tuple[str, ...]
    entities: tuple[str, ...]
    source: str | None

    @classmethod
    def of(cls, fact: ClaimFacts, original_source: str | None) -> "Features":
        return cls(
            polarity=fact.polarity,
            figures=tuple(
                (f.value, f.modality)
                for f in fact.figures
                if f.value is not None and f.thing and f.modality != "recap"
            ),
            countries=fact.countries,
            entities=fact.entities,
            source=original_source,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "polarity": self.polarity,
            "figures": [list(f) for f in self.figures],
            "countries": list(self.countries),
            "entities": list(self.entities),
            "source": self.source,
        }

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> "Features":
        return cls(
            polarity=row["polarity"],
            figures=tuple((float(v), str(m)) for v, m in row["figures"]),
            countries=tuple(row["countries"]),
            entities=tuple(row["entities"]),
            source=row.get("source"),
        )


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def compare(a: Features, b: Features, similarity: float, threshold: float) -> ClusterMatch:
    """Score two claims (or a claim and a cluster's founder) and say why."""
    agreeing: list[str] = []
    conflicting: list[str] = []
    score = similarity
    vetoed = False
    if a.polarity != b.polarity:
        conflicting.append(f"polarity {a.polarity} vs {b.polarity}")
        vetoed = True
    else:
        agreeing.append(f"polarity {a.polarity}")
    values_a = {v for v, _ in a.figures}
    values_b = {v for v, _ in b.figures}
    common = values_a & values_b
    if values_a and values_b and not common:
        shown_a = ", ".join(_number(v) for v in sorted(values_a))
        shown_b = ", ".join(_number(v) for v in sorted(values_b))
        conflicting.append(f"numbers {shown_a} vs {shown_b}")
        vetoed = True
    elif common:
        agreeing.append("numbers " + ", ".join(_number(v) for v in sorted(common)))
        score += NUMBER_BONUS
        for value in sorted(common):
            modes_a = {m for v, m in a.figures if v == value} - UNSPECIFIC
            modes_b = {m for v, m in b.figures if v == value} - UNSPECIFIC
            if modes_a and modes_b and not modes_a & modes_b:
                conflicting.append(
                    f"modality of {_number(value)}: {'/'.join(sorted(modes_a))} vs "
                    f"{'/'.join(sorted(modes_b))}"
                )
                vetoed = True
    places = set(a.countries) & set(b.countries)
    if places:
        agreeing.append("places " + ", ".join(sorted(places)))
        score += PLACE_BONUS
    elif a.countries and b.countries:
        conflicting.append(f"places {', '.join(a.countries)} vs {', '.join(b.countries)}")
        score -= PLACE_PENALTY
    entities = set(a.entities) & set(b.entities)
    if entities:
        agreeing.append("entities " + ", ".join(sorted(entities)[:5]))
        score += ENTITY_BONUS
    if a.source and a.source == b.source:
        agreeing.append(f"source {a.source}")
    return ClusterMatch(
        similarity=round(similarity, 4),
        threshold=threshold,
        agreeing=tuple(agreeing),
        conflicting=tuple(conflicting),
        score=round(score, 4),
        vetoed=vetoed,
        merged=not vetoed and score >= threshold,
    )


def text_similarity(
    vector: np.ndarray,
    profile: Profile,
    vector_sum: np.ndarray,
    terms_sum: Profile,
    size: int,
    text_weight: float,
) -> float:
    """Average-link similarity to a cluster: the mean over its members of the embedding cosine
    and of the TF-IDF cosine, mixed by `text_weight` (sums make this one dot product each)."""
    size = max(size, 1)
    return (
        text_weight * float(vector @ vector_sum) / size
        + (1 - text_weight) * dot(profile, terms_sum) / size
    )


def best_cluster(
    features: Features,
    vector: np.ndarray,
    profile: Profile,
    reps: "Representatives",
    threshold: float,
    text_weight: float,
    candidates: int = 30,
) -> tuple[int | None, ClusterMatch | None]:
    """The index of the best cluster this claim joins (None: it opens a new one).

    Candidates are the clusters nearest by embedding; each is then scored in full.
    """
    if not reps.ids:
        return None, None
    means = reps.matrix @ vector
    best: tuple[int | None, ClusterMatch | None] = (None, None)
    for index in np.argsort(-means)[:candidates]:
        similarity = text_similarity(
            vector,
            profile,
            reps.sums[index],
            reps.terms[index],
            reps.sizes[index],
            text_weight,
        )
        match = compare(features, reps.features[index], similarity, threshold)
        if match.merged and (best[1] is None or match.score > best[1].score):
            best = (int(index), match)
    return best


class Representatives(Protocol):
    ids: list[str]
    sums: list[np.ndarray]
    sizes: list[int]
    terms: list[Profile]
    features: list[Features]
    matrix: np.ndarray
