"""Training windows from gold attributions: subword ids, cue labels, and per cue its roles.

Needs: documents with span-form attributions (character offsets) and the tokenizer.
Returns: `Item`s, one per window.  Labels are -100 (ignored) on [CLS], [SEP] and inside the
regions the annotators skipped.  Every gold cue that starts in a window's core gives one role
example: the cue's subwords marked, source and content labelled over the whole window.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimgraph.learn.encoder import bio
from claimgraph.learn.encoder.tokens import WordPiece
from claimgraph.learn.encoder.windows import sentence_bounds, token_sentences, windows

IGNORE = -100
Fragments = Sequence[Sequence[int]]


@dataclass(frozen=True, slots=True)
class RoleExample:
    marker: tuple[int, ...]  # 1 on the cue's subwords
    source: tuple[int, ...]
    content: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Item:
    ids: tuple[int, ...]
    cue: tuple[int, ...]
    roles: tuple[RoleExample, ...]


def _framed(values: list[int], edge: int) -> tuple[int, ...]:
    return (edge, *values, edge)


def items(
    text: str,
    attributions: Sequence[Mapping[str, Fragments]],
    discard: Sequence[Sequence[int]],
    tokenizer: WordPiece,
    core_len: int,
    max_len: int,
) -> list[Item]:
    """The document's training windows (max_len counts subwords without [CLS] and [SEP])."""
    encoded = tokenizer.encode(text)
    offsets = encoded.offsets
    sentences = token_sentences(offsets, sentence_bounds(text), core_len)
    cues = [a.get("cue") or () for a in attributions]
    out = []
    for window in windows(sentences, core_len, max_len):
        s, e = window.start, window.end
        cue_labels = bio.labels(offsets, [f for c in cues for f in c], s, e)
        for k in range(s, e):
            middle = (offsets[k][0] + offsets[k][1]) // 2
            if any(a <= middle < b for a, b in discard):
                cue_labels[k - s] = IGNORE
        roles, seen = [], set()
        for attribution, cue in zip(attributions, cues, strict=True):
            marked = tuple(1 if x != bio.O else 0 for x in bio.labels(offsets, cue, s, e))
            first = marked.index(1) + s if 1 in marked else -1
            if not (window.core_start <= first < window.core_end) or marked in seen:
                continue
            seen.add(marked)
            roles.append(
                RoleExample(
                    _framed(list(marked), 0),
                    _framed(bio.labels(offsets, attribution.get("source") or (), s, e), IGNORE),
                    _framed(bio.labels(offsets, attribution.get("content") or (), s, e), IGNORE),
                )
            )
        out.append(
            Item(
                (tokenizer.cls, *encoded.ids[s:e], tokenizer.sep),
                _framed(cue_labels, IGNORE),
                tuple(roles),
            )
        )
    return out
