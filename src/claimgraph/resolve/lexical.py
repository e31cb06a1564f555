"""The lexical profile of a claim: TF-IDF weights of its content words.

Needs: the claim's text, and document frequencies of words over the resolved corpus.
Returns: a unit-length sparse vector (word -> weight).

Every claim in one story shares its words ("North Korean", "troops", "Russia"), which is why a
sentence embedding alone calls unrelated claims of one story alike. IDF weights put the weight
on what sets a claim apart ("Ussuriysk", "fake", "December").
"""

import math
import re
import unicodedata
from collections import Counter
from functools import cache

from claimgraph.nlp.lexicon import data_rows, lexicon_text

Profile = dict[str, float]


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(row[0] for row in data_rows(lexicon_text("resolve_stopwords.v1.txt")))


def _folded(text: str) -> str:
    """Without accents, so "communiqué" and "Bogotá" stay whole words ("communique")."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Lower-case content words; a plural "s" is dropped so "troops" meets "troop"."""
    stop = _stopwords()
    found = re.findall(r"[a-z0-9][a-z0-9,'\-]*", _folded(text.casefold().replace("’", "'")))
    return [w.rstrip(",").removesuffix("'s").removesuffix("s") for w in found if w not in stop]


def profile(tokens: list[str], df: dict[str, int], documents: int) -> Profile:
    counts = Counter(t for t in tokens if t)
    weights = {w: n * math.log((documents + 1) / (df.get(w, 0) + 0.5)) for w, n in counts.items()}
    norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
    return {w: x / norm for w, x in weights.items() if x > 0}


def dot(a: Profile, b: Profile) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def add(total: Profile, other: Profile) -> Profile:
    merged = dict(total)
    for w, x in other.items():
        merged[w] = merged.get(w, 0.0) + x
    return merged


def trimmed(total: Profile, size: int = 80) -> Profile:
    """The heaviest words only: keeps a big cluster's stored profile small."""
    top = sorted(total.items(), key=lambda item: -item[1])[:size]
    return {w: round(x, 5) for w, x in top}
