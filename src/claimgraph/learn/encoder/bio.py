"""BIO labels on subwords from character spans, and constrained decoding back to spans.

Labels: 0 = O, 1 = B, 2 = I.  Decoding is a Viterbi pass that forbids I after O (and I first),
so every predicted segment starts with B: a cheap stand-in for a CRF layer.
"""

import math
from collections.abc import Sequence
from typing import Any

O, B, I = 0, 1, 2  # noqa: E741 (the usual names of the three labels)


def labels(
    offsets: Sequence[tuple[int, int]], fragments: Sequence[Sequence[int]], start: int, end: int
) -> list[int]:
    """One label per subword in [start, end): in a fragment if it overlaps it by a character."""
    out = [O] * (end - start)
    for f_start, f_end in sorted(fragments):
        inside = False
        for k in range(start, end):
            s, e = offsets[k]
            if s < f_end and f_start < e:
                out[k - start] = I if inside else (B if out[k - start] == O else out[k - start])
                inside = True
            elif inside:
                break
    return out


def decode(scores: Any) -> list[tuple[int, int]]:
    """Best label path under the BIO constraint; returns [start, end) segments of B I* runs.

    `scores` is (length, 3) log-probabilities (or logits) for O, B, I.  The three-state
    recurrence runs on Python floats: on windows of a few hundred subwords that is several
    times faster than numpy calls on arrays of three.
    """
    rows = scores.tolist() if hasattr(scores, "tolist") else [list(r) for r in scores]
    n = len(rows)
    if n == 0:
        return []
    o, b, i = rows[0][O], rows[0][B], -math.inf
    back: list[tuple[int, int, int]] = [(0, 0, 0)]
    for so, sb, si in rows[1:]:
        # O and B follow any label; I follows B or I only.  Ties go to the lower label.
        if o >= b and o >= i:
            top, top_from = o, O
        elif b >= i:
            top, top_from = b, B
        else:
            top, top_from = i, I
        inner, inner_from = (b, B) if b >= i else (i, I)
        back.append((top_from, top_from, inner_from))
        o, b, i = top + so, top + sb, inner + si
    label = O if (o >= b and o >= i) else (B if b >= i else I)
    path = [label]
    for t in range(n - 1, 0, -1):
        label = back[t][label]
        path.append(label)
    path.reverse()
    segments: list[tuple[int, int]] = []
    for t, label in enumerate(path):
        if label == B:
            segments.append((t, t + 1))
        elif label == I and segments and segments[-1][1] == t:
            segments[-1] = (segments[-1][0], t + 1)
    return segments
