"""Near-copies across documents (syndicated or republished reports): MinHash over word shingles,
with LSH bands so a new document is compared only with the documents that share a band.

Needs: document text.  Returns: a signature, its band keys, and the estimated Jaccard similarity.
"""

import hashlib
import re

import numpy as np

SHINGLE = 5  # words: long enough that two reports on one story rarely share them by chance
PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard share a band with high probability
_PRIME = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20241018)  # fixed: stored signatures must stay comparable
_A = _rng.integers(1, (1 << 61) - 1, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, (1 << 61) - 1, PERMUTATIONS, dtype=np.uint64)


def shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.casefold())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    return {
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") >> 4
        for g in grams
    }


def signature(text: str) -> np.ndarray:
    """The MinHash signature (uint64 per permutation) of the text's word shingles."""
    hashes = np.fromiter(shingles(text), dtype=np.uint64)
    if hashes.size == 0:
        return np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        mixed = (np.outer(_A, hashes) + _B[:, None]) % _PRIME
    return mixed.min(axis=1)


def bands(sig: np.ndarray) -> list[str]:
    rows = PERMUTATIONS // BANDS
    return [
        f"{band}:"
        + hashlib.blake2b(sig[band * rows : (band + 1) * rows].tobytes(), digest_size=8).hexdigest()
        for band in range(BANDS)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two documents' shingle sets."""
    return float(np.mean(a == b))


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype(np.uint64).tobytes()


def from_bytes(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype=np.uint64)
