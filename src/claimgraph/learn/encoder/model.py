"""The tagger network (torch): a MiniLM encoder split in two, with a cue branch and a role branch.

The lower `split` layers are shared.  The cue branch is the rest of the pretrained encoder and a
linear BIO head over every subword.  The role branch is a copy of those upper layers that runs
once per cue, with a learned marker vector added to the cue's subwords, so every token can
attend to "this cue"; its head tags source and content (BIO each).  One shared pass per window
plus a short pass per cue costs far less than re-encoding the window per cue.
"""

import json
import math
import struct
from pathlib import Path

import numpy as np
import torch
from torch import nn


class Layer(nn.Module):
    """One BERT layer (post-norm), parameter names as in the released checkpoints."""

    def __init__(self, hidden: int, heads: int, inner: int, eps: float) -> None:
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)
        self.attn_out = nn.Linear(hidden, hidden)
        self.attn_norm = nn.LayerNorm(hidden, eps=eps)
        self.inner = nn.Linear(hidden, inner)
        self.out = nn.Linear(inner, hidden)
        self.out_norm = nn.LayerNorm(hidden, eps=eps)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        n, length, hidden = x.shape
        size = hidden // self.heads

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(n, length, self.heads, size).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(size) + bias
        attended = (scores.softmax(-1) @ v).transpose(1, 2).reshape(n, length, hidden)
        x = self.attn_norm(x + self.dropout(self.attn_out(attended)))
        inner = nn.functional.gelu(self.inner(x))
        return self.out_norm(x + self.dropout(self.out(inner)))


class Tagger(nn.Module):
    def __init__(self, config: dict, split: int = 4) -> None:
        super().__init__()
        hidden, eps = config["hidden_size"], config["layer_norm_eps"]
        self.config = {**config, "split": split}
        self.word = nn.Embedding(config["vocab_size"], hidden)
        self.position = nn.Embedding(config["max_position_embeddings"], hidden)
        self.token_type = nn.Embedding(config["type_vocab_size"], hidden)
        self.embed_norm = nn.LayerNorm(hidden, eps=eps)
        self.dropout = nn.Dropout(0.1)
        layers = config["num_hidden_layers"]

        def make() -> Layer:
            return Layer(hidden, config["num_attention_heads"], config["intermediate_size"], eps)

        self.shared = nn.ModuleList(make() for _ in range(split))
        self.cue_layers = nn.ModuleList(make() for _ in range(layers - split))
        self.role_layers = nn.ModuleList(make() for _ in range(layers - split))
        self.marker = nn.Embedding(2, hidden)
        nn.init.normal_(self.marker.weight, std=0.02)
        self.cue_head = nn.Linear(hidden, 3)
        self.role_head = nn.Linear(hidden, 6)  # source O B I, content O B I

    @staticmethod
    def _bias(mask: torch.Tensor) -> torch.Tensor:
        return (1.0 - mask[:, None, None, :].to(torch.float32)) * -10000.0

    def encode(
        self, ids: torch.Tensor, mask: torch.Tensor, layers: int | None = None
    ) -> torch.Tensor:
        """Hidden states after the shared layers (or the first `layers`), (batch, length, hidden)."""
        positions = torch.arange(ids.shape[1], device=ids.device)[None, :]
        x = self.word(ids) + self.position(positions) + self.token_type(torch.zeros_like(ids))
        x = self.dropout(self.embed_norm(x))
        return self.encode_from(x, mask, 0, layers)

    def encode_from(
        self, x: torch.Tensor, mask: torch.Tensor, first: int, last: int | None = None
    ) -> torch.Tensor:
        """Run shared layers first..last on hidden states: training resumes from cached ones."""
        bias = self._bias(mask)
        for layer in self.shared[first:last]:
            x = layer(x, bias)
        return x

    def cues(self, hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Cue BIO logits, (batch, length, 3)."""
        bias = self._bias(mask)
        for layer in self.cue_layers:
            hidden = layer(hidden, bias)
        return self.cue_head(hidden)

    def roles(
        self, hidden: torch.Tensor, mask: torch.Tensor, markers: torch.Tensor
    ) -> torch.Tensor:
        """Source and content BIO logits per marked cue, (cues, length, 2, 3).

        `hidden` and `mask` are already gathered per cue (one row per cue); `markers` is 1 on
        the cue's subwords.
        """
        x = hidden + self.marker(markers)
        bias = self._bias(mask)
        for layer in self.role_layers:
            x = layer(x, bias)
        return self.role_head(x).view(x.shape[0], x.shape[1], 2, 3)

    def load_pretrained(self, weights: dict[str, np.ndarray]) -> None:
        """Copy BERT weights (Hugging Face names) into both branches."""
        own = {
            "word.weight": "embeddings.word_embeddings.weight",
            "position.weight": "embeddings.position_embeddings.weight",
            "token_type.weight": "embeddings.token_type_embeddings.weight",
            "embed_norm.weight": "embeddings.LayerNorm.weight",
            "embed_norm.bias": "embeddings.LayerNorm.bias",
        }
        parts = {
            "query": "attention.self.query",
            "key": "attention.self.key",
            "value": "attention.self.value",
            "attn_out": "attention.output.dense",
            "attn_norm": "attention.output.LayerNorm",
            "inner": "intermediate.dense",
            "out": "output.dense",
            "out_norm": "output.LayerNorm",
        }
        split = self.config["split"]
        for n in range(self.config["num_hidden_layers"]):
            names = (
                [f"shared.{n}"]
                if n < split
                else [f"cue_layers.{n - split}", f"role_layers.{n - split}"]
            )
            for mine, theirs in parts.items():
                for name in names:
                    for kind in ("weight", "bias"):
                        own[f"{name}.{mine}.{kind}"] = f"encoder.layer.{n}.{theirs}.{kind}"
        prefix = "" if "embeddings.word_embeddings.weight" in weights else "bert."
        state = {k: torch.from_numpy(np.array(weights[prefix + v])) for k, v in own.items()}
        missing = self.load_state_dict(state, strict=False).missing_keys
        expected = {
            "marker.weight",
            "cue_head.weight",
            "cue_head.bias",
            "role_head.weight",
            "role_head.bias",
        }
        if set(missing) - expected:
            raise ValueError(f"pretrained weights lack {sorted(set(missing) - expected)}")


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Tensors of a .safetensors file as numpy arrays (the format is a JSON header + raw data)."""
    kinds = {"F32": np.float32, "F16": np.float16, "I64": np.int64, "BF16": None}
    data = path.read_bytes()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + size])
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        dtype = kinds[info["dtype"]]
        if dtype is None:
            raise ValueError(f"{name}: bfloat16 tensors are not supported")
        raw = data[8 + size + start : 8 + size + end]
        out[name] = np.frombuffer(raw, dtype=dtype).reshape(info["shape"])
    return out


def pretrained(model_dir: Path, split: int = 4) -> Tagger:
    """A Tagger with the base encoder's weights in both branches (heads fresh)."""
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    tagger = Tagger(config, split)
    tagger.load_pretrained(read_safetensors(model_dir / "model.safetensors"))
    return tagger
