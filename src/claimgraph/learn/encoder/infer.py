"""Run the shipped encoder tagger with onnxruntime: text in, attributions in span form out.

Needs: the exported graphs (encode.onnx, roles.onnx), tokenizer.json and meta.json in one
folder; onnxruntime, numpy and `tokenizers`, never torch.  Returns: per text a list of
`{"source": [[s, e]] | [], "cue": [[s, e]], "content": [[s, e], ...]}` in character offsets.

One encoder pass per window finds the cues of its core; one short pass per cue, batched over
the window's cues, tags that cue's source and content anywhere in the window.
"""

import json
import os
from pathlib import Path

import numpy as np

from claimgraph.errors import MissingExtra, ModelError
from claimgraph.learn.encoder import bio
from claimgraph.learn.encoder.tokens import WordPiece
from claimgraph.learn.encoder.windows import sentence_bounds, token_sentences, windows

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "encoder"
ENCODE_FILE, ROLES_FILE, META_FILE, TOKENIZER_FILE = (
    "encode.onnx",
    "roles.onnx",
    "meta.json",
    "tokenizer.json",
)

SpanForm = dict[str, list[list[int]]]


EDGE_PUNCTUATION = ",;:"


def _trimmed(text: str, start: int, end: int) -> list[int]:
    """A role's characters without a comma or colon the tagger took at either edge ("Two
    officials, who spoke on condition of anonymity," is the source without its last comma)."""
    while end - 1 > start and text[end - 1] in EDGE_PUNCTUATION:
        end -= 1
    while start + 1 < end and text[start] in EDGE_PUNCTUATION:
        start += 1
    return [start, end]


def _log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)
    return x - np.log(np.exp(x).sum(axis=-1, keepdims=True))


def _stretch(inside: np.ndarray, bias: float, a: int, b: int) -> tuple[int, int] | None:
    """The [start, end) stretch outside the cue a..b with the largest sum of inside - bias."""
    gain = inside - bias
    gain[a:b] = -1.0  # never the cue itself
    best, best_start, best_end, total, start = 0.0, 0, 0, 0.0, 0
    for k, value in enumerate(gain):
        if total <= 0:
            total, start = 0.0, k
        total += value
        if total > best:
            best, best_start, best_end = total, start, k + 1
    return (best_start, best_end) if best > 0 else None


def _viterbi_roles(
    scores: np.ndarray, a: int, b: int, o_penalty: tuple[float, float] = (0.0, 0.0)
) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
    """Source and content of the cue a..b from (length, 2, 3) log-probabilities.

    Each role is a BIO Viterbi path, with `o_penalty` taken off O's log-probability (a prior
    that trades precision for recall, per role); segments touching the cue are dropped.  The
    source is the segment nearest to the cue (one per cue); the content keeps every segment, as
    PolNeAR splits a content around its cue ("The plan, he said, will fail").
    """

    def outside(role: int) -> list[tuple[int, int]]:
        shifted = scores[:, role].copy()
        shifted[:, bio.O] -= o_penalty[role]
        return [(s, e) for s, e in bio.decode(shifted) if e <= a or s >= b]

    source = min(outside(0), key=lambda seg: min(abs(seg[1] - a), abs(seg[0] - b)), default=None)
    return source, outside(1)


class EncoderTagger:
    """Loads the graphs once; `predict(text)` is pure and thread-safe."""

    def __init__(self, model_dir: Path | None = None, threads: int = 1) -> None:
        # $CLAIMGRAPH_ENCODER points at another exported model (a fresh training run).
        model_dir = model_dir or Path(os.environ.get("CLAIMGRAPH_ENCODER") or MODEL_DIR)
        try:
            import onnxruntime
        except ImportError as error:
            raise MissingExtra(
                "onnxruntime is not installed", hint="pip install onnxruntime", code="CG701"
            ) from error
        missing = [
            name
            for name in (ENCODE_FILE, ROLES_FILE, META_FILE, TOKENIZER_FILE)
            if not (model_dir / name).is_file()
        ]
        if missing:
            raise ModelError(
                f"the encoder model in {model_dir} lacks {', '.join(missing)}",
                hint="reinstall claimgraph, or export one with claimgraph train polnear --encoder",
                code="CG700",
            )
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1

        def session(name: str):
            return onnxruntime.InferenceSession(
                str(model_dir / name), options, providers=["CPUExecutionProvider"]
            )

        self.encode, self.roles = session(ENCODE_FILE), session(ROLES_FILE)
        self.meta = json.loads((model_dir / META_FILE).read_text(encoding="utf-8"))
        self.tokenizer = WordPiece(model_dir / TOKENIZER_FILE)
        self.core_len = int(self.meta["core_len"])
        self.max_len = int(self.meta["max_len"])
        # Role decoding (chosen on dev, see the model card): "viterbi" (BIO paths), or "stretch",
        # the stretch that maximises the sum of P(inside) - bias, for an under-confident model.
        self.role_decoding = str(self.meta.get("role_decoding", "stretch"))
        self.source_bias = float(self.meta.get("source_bias", 0.1))
        self.content_bias = float(self.meta.get("content_bias", 0.06))
        self.source_fallback = bool(self.meta.get("source_fallback", False))
        penalty = self.meta.get("o_penalty", [0.0, 0.0])  # source, content
        self.o_penalty = (float(penalty[0]), float(penalty[1]))

    def predict(self, text: str) -> list[SpanForm]:
        encoded = self.tokenizer.encode(text)
        offsets = encoded.offsets
        sentences = token_sentences(offsets, sentence_bounds(text), self.core_len)
        found: list[SpanForm] = []
        for window in windows(sentences, self.core_len, self.max_len):
            s, e = window.start, window.end
            ids = np.array([[self.tokenizer.cls, *encoded.ids[s:e], self.tokenizer.sep]], np.int64)
            mask = np.ones_like(ids)
            cue_logits, hidden = self.encode.run(None, {"ids": ids, "mask": mask})
            cues = [
                (a, b)
                for a, b in bio.decode(_log_softmax(cue_logits[0, 1:-1]))
                if window.core_start <= a + s < window.core_end
            ]
            if not cues:
                continue
            markers = np.zeros((len(cues), ids.shape[1]), np.int64)
            for k, (a, b) in enumerate(cues):
                markers[k, 1 + a : 1 + b] = 1
            (roles,) = self.roles.run(None, {"hidden": hidden, "mask": mask, "markers": markers})
            scores = _log_softmax(roles[:, 1:-1])

            def chars(a: int, b: int) -> list[int]:
                return _trimmed(text, offsets[s + a][0], offsets[s + b - 1][1])  # noqa: B023

            for k, (a, b) in enumerate(cues):
                if self.role_decoding == "viterbi":
                    source, contents = _viterbi_roles(scores[k], a, b, self.o_penalty)
                    if source is None and self.source_fallback:
                        # PolNeAR gives nearly every cue a source: when no path has one, the
                        # best stretch stands in (dev: source recall up, precision kept).
                        inside = 1.0 - np.exp(scores[k, :, 0, 0])
                        source = _stretch(inside, self.source_bias, a, b)
                else:
                    inside = 1.0 - np.exp(scores[k, :, :, 0])  # P(not O), source and content
                    source = _stretch(inside[:, 0], self.source_bias, a, b)
                    stretch = _stretch(inside[:, 1], self.content_bias, a, b)
                    contents = [stretch] if stretch else []
                found.append(
                    {
                        "source": [chars(*source)] if source else [],
                        "cue": [chars(a, b)],
                        "content": [chars(*c) for c in contents],
                    }
                )
        return found
