"""Tag attributions with two CRFs trained on PolNeAR: cues first, then each cue's source and content.

Needs: a parsed Doc (tagger, parser, lemmatiser, NER, sentences), from the same pipeline the
rules read.  Returns: `TaggedAttribution` records, as token ranges into that Doc, in cue order.

The weights ship in `claimgraph/learn/models/polnear/` (see MODEL_CARD.md there) and load
offline; `AttributionTagger.load()` reads them once per process.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc

from claimgraph.errors import ModelError
from claimgraph.learn import features
from claimgraph.learn.candidates import snap
from claimgraph.learn.clusters import WordClusters

MODELS_DIR = Path(__file__).parent / "models" / "polnear"
CUE_FILE = "cues.crfsuite"
ROLE_FILE = "roles.crfsuite"
META_FILE = "meta.json"

TokenRange = tuple[int, int]  # [start, end) token indices into the Doc


@dataclass(frozen=True, slots=True)
class TaggedAttribution:
    """One attribution as token ranges; source and content may be empty or in several pieces."""

    cue: tuple[TokenRange, ...]
    source: tuple[TokenRange, ...]
    content: tuple[TokenRange, ...]
    confidence: float  # the cue tagger's mean marginal probability over the cue tokens

    def char_spans(self, doc: Doc) -> dict[str, list[list[int]]]:
        """The roles as [start, end] character fragments, the evaluation's span form."""
        return {
            role: [[doc[s].idx, doc[e - 1].idx + len(doc[e - 1])] for s, e in ranges]
            for role, ranges in (
                ("source", self.source),
                ("cue", self.cue),
                ("content", self.content),
            )
        }


class AttributionTagger:
    """The cue CRF and the role CRF, with the decoding settings chosen on PolNeAR dev."""

    def __init__(
        self,
        cues: pycrfsuite.Tagger,
        roles: pycrfsuite.Tagger,
        meta: dict,
        clusters: WordClusters | None = None,
    ) -> None:
        self._cues = cues
        self.clusters = clusters
        self._roles = roles
        self.meta = meta
        self.min_confidence = float(meta.get("min_confidence", 0.0))
        # A token is a cue token when P(not a cue) falls below this (None: Viterbi labels).
        self.cue_threshold: float | None = meta.get("cue_threshold")
        # Content fragments further than this many tokens from the main one are dropped.
        self.content_gap = int(meta.get("content_gap", 10**6))
        # Bias of the one-stretch decoding per role (see `roles`); None: the Viterbi labels.
        self.source_bias: float | None = meta.get("source_bias")
        self.content_bias: float | None = meta.get("content_bias")
        self.fallback_bias = float(meta.get("fallback_bias", 0.2))
        # Snap the content to a syntactic candidate this close (Jaccard); None: no snapping.
        self.snap_threshold: float | None = meta.get("snap_threshold")

    @classmethod
    def load(cls, path: Path | None = None) -> "AttributionTagger":
        """The tagger in `path` (default: the packaged PolNeAR weights), loaded once per process.

        Raises:
            ModelError: a weight file is missing or unreadable.
        """
        return _load(Path(path or MODELS_DIR).resolve())

    def predict(self, doc: Doc) -> list[TaggedAttribution]:
        """Every attribution the model finds in `doc`, in order of its cue."""
        ctx = features.context(doc, self.clusters)
        found = []
        for start, end, confidence in self.cues(ctx):
            if confidence < self.min_confidence:
                continue
            source, content = self.roles(ctx, start, end)
            found.append(TaggedAttribution(((start, end),), source, content, confidence))
        return found

    def cues(self, ctx: features.DocContext) -> list[tuple[int, int, float]]:
        """Cue token ranges with their confidence, sentence by sentence."""
        found = []
        for first, last in ctx.sentence_bounds:
            labels = self._cues.tag(features.cue_sequence(ctx, first, last))
            if self.cue_threshold is not None:
                labels = [
                    label if label != "O" else self._cue_label(i, labels)
                    for i, label in enumerate(labels)
                ]
            for start, end in _runs(labels, "B", "I"):
                marginals = [self._cues.marginal(labels[i], i) for i in range(start, end)]
                found.append((first + start, first + end, sum(marginals) / len(marginals)))
        return found

    def _cue_label(self, i: int, labels: list[str]) -> str:
        assert self.cue_threshold is not None
        if self._cues.marginal("O", i) >= self.cue_threshold:
            return "O"
        inside = self._cues.marginal("I", i) > self._cues.marginal("B", i)
        return "I" if inside and i and labels[i - 1] != "O" else "B"

    def roles(
        self, ctx: features.DocContext, start: int, end: int
    ) -> tuple[tuple[TokenRange, ...], tuple[TokenRange, ...]]:
        """The source and content fragments of the cue start..end."""
        window = features.role_window(ctx, start)
        labels = self._roles.tag(features.role_sequence(ctx, start, end, window))
        offset = window[0]
        # With a bias, a role is the one stretch chosen on the marginals (the cue and, for the
        # content, the source may sit inside it and split it); without, the Viterbi labels.
        skip = {i for i, label in enumerate(labels) if label == "V"}
        if self.source_bias is None:
            source = _runs(labels, "S", "S")
        else:
            source = self._stretch(labels, "S", skip, self.source_bias)
        skip.update(i for s, e in source for i in range(s, e))
        content = _runs(labels, "C", "C") if self.content_bias is None else []
        if not content:  # every attribution has a content: take the likeliest stretch
            content = self._stretch(labels, "C", skip, self.content_bias or self.fallback_bias)
        source_ranges = self._trimmed(ctx, source, offset)
        content_ranges = self._trimmed(ctx, content, offset)
        if self.snap_threshold is not None and content_ranges:
            taken = {i for s, e in source_ranges for i in range(s, e)}
            tokens = {i for s, e in content_ranges for i in range(s, e)}
            tokens = snap(ctx, start, end, taken, tokens, self.snap_threshold)
            labels = ["C" if i in tokens else "O" for i in range(len(ctx.doc))]
            content_ranges = self._trimmed(ctx, _runs(labels, "C", "C"), 0)
        return source_ranges, _near_main(
            content_ranges, source_ranges, (start, end), self.content_gap
        )

    def _stretch(
        self, labels: list[str], role: str, skip: set[int], bias: float
    ) -> list[TokenRange]:
        """The stretch with the largest sum of P(role) - bias over its tokens not in `skip`
        (a maximum-sum subarray), as fragments around the skipped tokens."""
        best, best_at, total, begin = 0.0, (0, 0), 0.0, 0
        for i in range(len(labels)):
            if i not in skip:
                total += self._roles.marginal(role, i) - bias
            if total <= 0:
                total, begin = 0.0, i + 1
            elif total > best:
                best, best_at = total, (begin, i + 1)
        s, e = best_at
        pieces = _runs(["x" if i in skip else "y" for i in range(s, e)], "y", "y")
        return [(a + s, b + s) for a, b in pieces]

    @staticmethod
    def _trimmed(
        ctx: features.DocContext, ranges: list[TokenRange], offset: int
    ) -> tuple[TokenRange, ...]:
        doc = ctx.doc
        kept = []
        for s, e in ranges:
            s, e = s + offset, e + offset
            while s < e and (doc[s].is_space or (doc[s].is_punct and doc[s].text in ",;:")):
                s += 1
            while e > s and (doc[e - 1].is_space or doc[e - 1].text in ",;:"):
                e -= 1
            if e > s:
                kept.append((s, e))
        return tuple(kept)


def _near_main(
    content: tuple[TokenRange, ...], source: tuple[TokenRange, ...], cue: TokenRange, gap: int
) -> tuple[TokenRange, ...]:
    """Keep the longest content fragment and those linked to it by gaps of at most `gap`
    tokens, not counting the cue and the source (which often split a quotation)."""
    if len(content) < 2:
        return content
    taken = {i for s, e in (*source, cue) for i in range(s, e)}
    main = max(range(len(content)), key=lambda k: content[k][1] - content[k][0])
    kept = [content[main]]
    for step in (-1, 1):
        k, edge = main + step, content[main]
        while 0 <= k < len(content):
            s, e = content[k]
            between = range(e, edge[0]) if step < 0 else range(edge[1], s)
            if sum(1 for i in between if i not in taken) > gap:
                break
            kept.append(content[k])
            edge = content[k]
            k += step
    return tuple(sorted(kept))


def _runs(labels: list[str], begin: str, inside: str) -> list[TokenRange]:
    """Maximal runs that start with `begin` (or a stray `inside`) and continue with `inside`."""
    runs, start = [], None
    for i, label in enumerate(labels):
        if start is not None and (label != inside or (label == begin and begin != inside)):
            runs.append((start, i))
            start = None
        if start is None and label in (begin, inside):
            start = i
    if start is not None:
        runs.append((start, len(labels)))
    return runs


@cache
def _load(path: Path) -> AttributionTagger:
    taggers = []
    for name in (CUE_FILE, ROLE_FILE):
        file = path / name
        if not file.is_file():
            raise ModelError(
                f"attribution model file '{file}' is missing",
                hint="reinstall claimgraph, or retrain with: claimgraph train polnear",
            )
        tagger = pycrfsuite.Tagger()
        tagger.open(str(file))
        taggers.append(tagger)
    meta_file = path / META_FILE
    meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.is_file() else {}
    clusters = WordClusters.load(path)
    if meta.get("clusters") and clusters is None:
        raise ModelError(
            f"the word-cluster table is missing from '{path}'",
            hint="reinstall claimgraph, or retrain with: claimgraph train polnear",
        )
    return AttributionTagger(taggers[0], taggers[1], meta, clusters)
