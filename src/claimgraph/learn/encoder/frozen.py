"""The frozen lower layers' output for every training window, computed once and kept on disk.

Needs: a `Tagger` whose embeddings and lowest `layers` layers stay as pretrained, and the
training windows.  Returns: `FrozenStates`, those layers' hidden states of each window
(float16, memory-mapped from `frozen-<key>.npy`), so a training step runs only the layers above.

The key hashes the windows' subword ids, the number of layers and the base model, so a change of
data, windowing or freezing computes the states again instead of training on stale ones.
"""

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import torch

from claimgraph.learn.encoder.data import Item
from claimgraph.learn.encoder.model import Tagger


def states_key(data: Sequence[Item], layers: int, base: str) -> str:
    """A short hash of what the cached states depend on: windows, frozen layers, base model."""
    digest = hashlib.sha256(json.dumps({"layers": layers, "base": base}).encode())
    for item in data:
        digest.update(np.asarray(item.ids, dtype=np.int32).tobytes())
        digest.update(b"|")
    return digest.hexdigest()[:16]


class FrozenStates:
    """Hidden states of window i are rows starts[i] : starts[i] + len(window i) of one array."""

    def __init__(self, array: np.ndarray, lengths: Sequence[int]) -> None:
        self.array = array
        self.lengths = np.asarray(lengths, dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(self.lengths)[:-1]])

    def batch(self, indices: Sequence[int], length: int) -> torch.Tensor:
        """(len(indices), length, hidden) float32, zero-padded past each window's end."""
        out = np.zeros((len(indices), length, self.array.shape[1]), dtype=np.float32)
        for row, i in enumerate(indices):
            start, n = self.starts[i], self.lengths[i]
            out[row, :n] = self.array[start : start + n]
        return torch.from_numpy(out)


def frozen_states(
    model: Tagger,
    data: Sequence[Item],
    layers: int,
    path: Path,
    batch: int = 16,
    note: Callable[[str], None] | None = None,
) -> FrozenStates:
    """Load the states from `path`, or compute them with the model's lowest `layers` first."""
    lengths = [len(item.ids) for item in data]
    hidden = model.config["hidden_size"]
    if not path.is_file():
        _compute(model, data, layers, path, batch, note)
    array = np.load(path, mmap_mode="r")
    if array.shape != (sum(lengths), hidden):
        raise ValueError(f"{path} holds {array.shape}, expected {(sum(lengths), hidden)}")
    return FrozenStates(array, lengths)


def _compute(
    model: Tagger,
    data: Sequence[Item],
    layers: int,
    path: Path,
    batch: int,
    note: Callable[[str], None] | None,
) -> None:
    """Write to a temporary file and rename, so an interrupted run can't leave half a cache."""
    lengths = np.array([len(item.ids) for item in data], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    part = path.with_name(path.stem + ".part.npy")
    array = np.lib.format.open_memmap(
        part, mode="w+", dtype=np.float16, shape=(int(lengths.sum()), model.config["hidden_size"])
    )
    order = sorted(range(len(data)), key=lambda i: lengths[i])  # similar lengths: less padding
    was_training = model.training
    model.eval()
    with torch.no_grad():
        for n, first in enumerate(range(0, len(order), batch)):
            chunk = order[first : first + batch]
            length = int(lengths[chunk].max())
            ids = torch.zeros((len(chunk), length), dtype=torch.long)
            mask = torch.zeros((len(chunk), length), dtype=torch.long)
            for row, i in enumerate(chunk):
                ids[row, : lengths[i]] = torch.tensor(data[i].ids)
                mask[row, : lengths[i]] = 1
            states = model.encode(ids, mask, layers).numpy().astype(np.float16)
            for row, i in enumerate(chunk):
                array[starts[i] : starts[i] + lengths[i]] = states[row, : lengths[i]]
            if note and n % 50 == 0:
                note(f"frozen states: {first + len(chunk)}/{len(data)} windows")
    model.train(was_training)
    array.flush()
    del array
    part.replace(path)
