"""BIO labels on subwords from character spans, and constrained decoding back to spans.

Labels: 0 = O, 1 = B, 2 = I.  Decoding is a Viterbi pass that forbids I after O (and I first),
so every predicted segment starts with B: a cheap stand-in for a CRF layer.
"""

from collections.abc import Sequence

import numpy as np

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


_ALLOWED = np.array(
    [
        [0.0, 0.0, -np.inf],  # from O: O, B
        [0.0, 0.0, 0.0],  # from B: anything
        [0.0, 0.0, 0.0],  # from I: anything
    ]
)


def decode(scores: np.ndarray) -> list[tuple[int, int]]:
    """Best label path under the BIO constraint; returns [start, end) segments of B I* runs.

    `scores` is (length, 3) log-probabilities (or logits) for O, B, I.
    """
    n = len(scores)
    if n == 0:
        return []
    best = scores[0] + np.array([0.0, 0.0, -np.inf])
    back = np.zeros((n, 3), dtype=np.int64)
    for t in range(1, n):
        total = best[:, None] + _ALLOWED
        back[t] = total.argmax(axis=0)
        best = total.max(axis=0) + scores[t]
    path = [int(best.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    path.reverse()
    segments: list[tuple[int, int]] = []
    for t, label in enumerate(path):
        if label == B:
            segments.append((t, t + 1))
        elif label == I and segments and segments[-1][1] == t:
            segments[-1] = (segments[-1][0], t + 1)
    return segments
