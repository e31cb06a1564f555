"""Near-copies across documents (syndicated or republished reports): MinHash over word shingles,
with LSH bands so a new document is compared only with the documents that share a band.

The signatures are datasketch's MinHash. The LSH index is not datasketch's in-memory one but the
`resolve_bands` table: it persists across runs and processes, so finding the near-copies of a new
document is one indexed lookup of its 16 band keys, whatever the corpus size (bench/near_copies.py),
and nothing has to be rebuilt in memory at start-up. 16 bands of 4 rows are what datasketch's own
parameter search picks for a Jaccard threshold of 0.45 over 64 permutations.

Needs: document text.  Returns: a signature, its band keys, and the estimated Jaccard similarity.
"""

import hashlib
import re

import numpy as np

SHINGLE = 5  # words: long enough that two reports on one story rarely share them by chance
PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard share a band with high probability
SEED = 20241018  # fixed: stored signatures must stay comparable
_template = None


def _minhash() -> "object":
    """A fresh MinHash sharing one set of permutations (made once: they cost more than hashing)."""
    global _template
    from datasketch import MinHash

    if _template is None:
        _template = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    return MinHash(
        num_perm=PERMUTATIONS,
        seed=SEED,
        permutations=_template.permutations,
        scheme=_template.scheme,
    )


def shingle_words(text: str) -> set[str]:
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def signature(text: str) -> np.ndarray:
    """The MinHash signature (one value per permutation) of the text's word shingles."""
    minhash = _minhash()
    grams = shingle_words(text) - {""}
    if grams:
        minhash.update_batch([g.encode("utf-8") for g in grams])  # type: ignore[attr-defined]
    return np.asarray(minhash.hashvalues, dtype=np.uint64)  # type: ignore[attr-defined]


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
