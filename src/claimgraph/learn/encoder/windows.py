"""Cut a document into overlapping windows of whole sentences, in subword tokens.

Needs: the text and its subword offsets.  Returns: `Window`s whose core sentences do not
overlap, each with context sentences around the core, up to `max_len` subwords.

A cue is tagged only in its window's core, so every cue is seen once and with context on both
sides: a content often lies in the sentence before its cue ("..., officials said.").
Sentences are split with a small regex rather than the parser, so training and inference cut
the same way and the tagger does not need a parse.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

# A sentence ends at a line break, or after . ! ? (and closing quotes) before an upper-case
# letter or an opening quote.
_BREAK = re.compile(r"\n+|(?<=[.!?])[\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Window:
    """Subword index ranges: [start, end) is fed to the encoder, [core_start, core_end) is tagged."""

    start: int
    end: int
    core_start: int
    core_end: int


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences (regex split; blank stretches dropped)."""
    bounds, last = [], 0
    for match in _BREAK.finditer(text):
        if text[last : match.start()].strip():
            bounds.append((last, match.start()))
        last = match.end()
    if text[last:].strip():
        bounds.append((last, len(text)))
    return bounds


def token_sentences(
    offsets: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]], limit: int
) -> list[tuple[int, int]]:
    """Subword ranges of the sentences; a sentence longer than `limit` subwords is cut."""
    ranges: list[tuple[int, int]] = []
    k, n = 0, len(offsets)
    for _, end in sentences:
        first = k
        while k < n and offsets[k][0] < end:
            k += 1
        for s in range(first, k, limit):
            ranges.append((s, min(s + limit, k)))
    if k < n:
        ranges.append((k, n))
    return [r for r in ranges if r[1] > r[0]]


def windows(sentences: Sequence[tuple[int, int]], core_len: int, max_len: int) -> list[Window]:
    """Greedy cores of whole sentences up to core_len, widened by neighbours up to max_len."""
    out: list[Window] = []
    i, n = 0, len(sentences)
    while i < n:
        j = i + 1
        while j < n and sentences[j][1] - sentences[i][0] <= core_len:
            j += 1
        left, right = i, j
        grew = True
        while grew:
            grew = False
            if left > 0 and sentences[right - 1][1] - sentences[left - 1][0] <= max_len:
                left, grew = left - 1, True
            if right < n and sentences[right][1] - sentences[left][0] <= max_len:
                right, grew = right + 1, True
        out.append(
            Window(
                sentences[left][0], sentences[right - 1][1], sentences[i][0], sentences[j - 1][1]
            )
        )
        i = j
    return out
