"""Read the PolNeAR corpus: articles with gold attributions as character spans.

Both `learn` (training the tagger) and `evaluate` (scoring) read it, so it lives here, before
either. PolNeAR has no redistribution licence, so it is read from a shared directory and never
copied into the repository. The directory is, in order: the `data_dir` argument,
`$CLAIMGRAPH_POLNEAR`, then `../shared/data/polnear` next to the repository root.
"""

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError

ROLES = ("source", "cue", "content")
Fragments = Sequence[Sequence[int]]
SpanAttribution = Mapping[str, Fragments]  # role -> [[start, end], ...] character offsets

SPLITS = ("train", "dev")
ENV_VAR = "CLAIMGRAPH_POLNEAR"
_REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DIR = _REPO_ROOT.parent / "shared" / "data" / "polnear"


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One PolNeAR article with its gold attributions, in span form."""

    id: str
    text: str
    attributions: tuple[SpanAttribution, ...]
    discard: tuple[tuple[int, int], ...] = ()  # regions the annotators skipped (bylines, notes)
    publisher: str | None = None


def data_dir(path: str | Path | None = None) -> Path:
    """The PolNeAR directory: `path`, else $CLAIMGRAPH_POLNEAR, else ../shared/data/polnear.

    Raises:
        InputError: the directory does not exist.
    """
    chosen = Path(path or os.environ.get(ENV_VAR) or DEFAULT_DIR)
    if not chosen.is_dir():
        raise InputError(
            f"PolNeAR directory '{chosen}' does not exist",
            hint=f"pass --data DIR or set {ENV_VAR}; the data is not in the repository",
        )
    return chosen


def load_split(
    split: str, data: str | Path | None = None, limit: int | None = None
) -> list[GoldDocument]:
    """Read `{split}.jsonl` and check every gold fragment lies inside its text.

    Args:
        split: "train" or "dev".
        data: the PolNeAR directory (see `data_dir`).
        limit: keep only the first `limit` documents.

    Raises:
        InputError: unknown split, unreadable file, or a gold fragment outside its text.
    """
    if split not in SPLITS:
        raise InputError(f"unknown PolNeAR split {split!r}", hint=f"use one of {', '.join(SPLITS)}")
    path = data_dir(data) / f"{split}.jsonl"
    documents = []
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if limit is not None and len(documents) >= limit:
                    break
                if line.strip():
                    documents.append(_document(json.loads(line), f"{path}:{number}"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"cannot read '{path}': {error}") from error
    return documents


def _document(record: dict[str, Any], where: str) -> GoldDocument:
    text = record["text"]
    attributions = []
    for attribution in record["attributions"]:
        spans = {role: [list(f) for f in attribution.get(role) or []] for role in ROLES}
        for role, fragments in spans.items():
            for start, end in fragments:
                if not 0 <= start < end <= len(text):
                    raise InputError(f"{where}: gold {role} [{start}, {end}] is outside the text")
        attributions.append(spans)
    return GoldDocument(
        id=record["id"],
        text=text,
        attributions=tuple(attributions),
        discard=tuple((start, end) for start, end in record.get("discard") or ()),
        publisher=record.get("publisher"),
    )
