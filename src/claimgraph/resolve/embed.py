"""Sentence vectors for claim content: wordllama's static 256-d embeddings, shipped in its wheel.

Needs: the `wordllama` package (its weights are inside it; nothing is downloaded).
Returns: unit-length float32 vectors, and their bytes for the store.
"""

import pathlib
from functools import cache
from typing import Any

import numpy as np

DIMENSIONS = 256


@cache
def _model() -> Any:
    import wordllama
    from wordllama import WordLlama

    # A plain load() looks in the wrong folder and tries the hub; the weights ship in the package.
    return WordLlama.load(cache_dir=pathlib.Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: list[str]) -> np.ndarray:
    """One unit vector per text (a zero vector for an empty one)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(_model().embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype=np.float32)


def unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector
