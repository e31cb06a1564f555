"""Score a predictor on PolNeAR's gold attributions (read by `claimgraph.ingest.polnear`)."""

import multiprocessing
import re
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from claimgraph.errors import ClaimgraphError, InputError, MissingExtra
from claimgraph.evaluate.scoring import Report, score_document
from claimgraph.ingest.polnear import GoldDocument, SpanAttribution, load_split

# A predictor maps document texts to their attributions in span form, one list per text.
Predictor = Callable[[list[str]], list[list[dict[str, list[list[int]]]]]]


def claimgraph_predictor() -> Predictor:
    """claimgraph's own pipeline as a predictor; the model loads once, here.

    Raises:
        MissingExtra: claimgraph.nlp.pipeline is not importable (not written yet, or broken).
    """
    try:
        from claimgraph.ingest.text import document_id
        from claimgraph.nlp.pipeline import Pipeline
        from claimgraph.records import Document
    except ImportError as error:
        raise MissingExtra(
            f"the claimgraph pipeline cannot be imported ({error})",
            hint="use --predictor baseline until claimgraph.nlp.pipeline exists",
        ) from error
    from claimgraph.settings import Settings

    # The pipeline as `extract` runs it: CLAIMGRAPH_TAGGER=encoder scores the encoder mode.
    pipeline = Pipeline(Settings.from_env())

    def predict(texts: list[str]) -> list[list[dict[str, list[list[int]]]]]:
        # The gold offsets point into the corpus text as it is, so the document keeps that text
        # unnormalised: normalising would shift every span after a collapsed space.
        documents = [Document(id=document_id(text), text=text) for text in texts]
        return [span_form(analysis) for analysis in pipeline.analyse_many(documents)]

    return predict


def span_form(analysis: Any) -> list[dict[str, list[list[int]]]]:
    """An Analysis's attributions in the evaluation's span form.

    PolNeAR annotates one attribution per cue, its content discontinuous where the source said
    several things ("said X and that Y"); claimgraph keeps one claim per proposition, so claims
    that share a cue and a source and say different things are joined back here. Two speakers
    of one content ("Moscow and Pyongyang said") stay two, as before.
    """
    rows: list[dict[str, list[list[int]]]] = []
    for a in analysis.attributions:
        row = {
            "source": [[a.source.start, a.source.end]] if a.source else [],
            "cue": [[a.cue.start, a.cue.end]] if a.cue else [],
            "content": [[span.start, span.end] for span in a.content],
        }
        previous = rows[-1] if rows else None
        if (
            previous is not None
            and row["cue"]
            and (previous["cue"], previous["source"]) == (row["cue"], row["source"])
            and not set(map(tuple, previous["content"])) & set(map(tuple, row["content"]))
        ):
            previous["content"] = _closed(
                sorted(previous["content"] + row["content"]), analysis.document.text
            )
        else:
            rows.append(row)
    return rows


def _closed(spans: list[list[int]], text: str) -> list[list[int]]:
    """Spans with the "and" or comma that joined two clauses put back between them: PolNeAR's
    content runs across it."""
    from claimgraph.nlp.propositions import JOINERS

    out = [list(spans[0])]
    for start, end in spans[1:]:
        gap = re.findall(r"[,;]|[^\s,;]+", text[out[-1][1] : start])
        if all(word.lower() in JOINERS for word in gap):
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out


def model_predictor() -> Predictor:
    """The trained attribution tagger alone (claimgraph.learn), on the pipeline's parse."""
    from claimgraph.learn.tagger import AttributionTagger
    from claimgraph.nlp import model

    nlp, tagger = model.load(), AttributionTagger.load()

    def predict(texts: list[str]) -> list[list[dict[str, list[list[int]]]]]:
        return [
            [found.char_spans(doc) for found in tagger.predict(doc)]
            for doc in nlp.pipe(texts, batch_size=4)
        ]

    return predict


def hybrid_predictor() -> Predictor:
    """The tagger's cues, with the rules' source and content where a rule fired on the same
    cue (claimgraph.learn.combine); one parse serves both."""
    from claimgraph.ingest.text import document_id
    from claimgraph.learn.combine import combine
    from claimgraph.learn.tagger import AttributionTagger
    from claimgraph.nlp.pipeline import Pipeline
    from claimgraph.records import Document

    pipeline, tagger = Pipeline(), AttributionTagger.load()

    def predict(texts: list[str]) -> list[list[dict[str, list[list[int]]]]]:
        out = []
        for doc in pipeline.nlp.pipe(texts, batch_size=4):
            rules = span_form(
                pipeline.analyse_parsed(Document(document_id(doc.text), doc.text), doc)
            )
            out.append(combine([found.char_spans(doc) for found in tagger.predict(doc)], rules))
        return out

    return predict


def encoder_predictor() -> Predictor:
    """The fine-tuned encoder alone (claimgraph.learn.encoder): no parse, no rules."""
    from claimgraph.learn.encoder.infer import EncoderTagger

    tagger = EncoderTagger()

    def predict(texts: list[str]) -> list[list[dict[str, list[list[int]]]]]:
        return [tagger.predict(text) for text in texts]

    return predict


def encoder_rules_predictor() -> Predictor:
    """The encoder's cues and content, with the rules' source where a rule fired on the same
    cue (claimgraph.learn.combine); the encoder's content is exact more often than the rules'."""
    from claimgraph.ingest.text import document_id
    from claimgraph.learn.combine import combine
    from claimgraph.learn.encoder.infer import EncoderTagger
    from claimgraph.nlp.pipeline import Pipeline
    from claimgraph.records import Document

    pipeline, tagger = Pipeline(), EncoderTagger()

    def predict(texts: list[str]) -> list[list[dict[str, list[list[int]]]]]:
        out = []
        for doc in pipeline.nlp.pipe(texts, batch_size=4):
            rules = span_form(
                pipeline.analyse_parsed(Document(document_id(doc.text), doc.text), doc)
            )
            out.append(combine(tagger.predict(doc.text), rules, rule_content=False))
        return out

    return predict


# The predictor handed to forked workers; set just before the pool starts so that it is
# inherited, not pickled (a loaded spaCy pipeline in a closure does not pickle).
_FORKED_PREDICTOR: Predictor | None = None


def _predict_in_worker(texts: list[str]) -> list[list[dict[str, list[list[int]]]]]:
    assert _FORKED_PREDICTOR is not None
    return _FORKED_PREDICTOR(texts)


def _predict(
    predict: Predictor, texts: list[str], workers: int
) -> list[list[dict[str, list[list[int]]]]]:
    global _FORKED_PREDICTOR
    if workers <= 1 or len(texts) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return predict(texts)
    size = -(-len(texts) // workers)
    chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
    _FORKED_PREDICTOR = predict
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(len(chunks), mp_context=context) as pool:
            return [doc for chunk in pool.map(_predict_in_worker, chunks) for doc in chunk]
    finally:
        _FORKED_PREDICTOR = None


def evaluate_polnear(
    split: str,
    data_dir: str | Path | None,
    predict: Predictor,
    limit: int | None = None,
    workers: int = 1,
) -> Report:
    """Run `predict` over a PolNeAR split and score it, micro-averaged over documents.

    Args:
        split: "train" or "dev".
        data_dir: the PolNeAR directory, or None for the default (see `data_dir`).
        predict: maps a list of texts to one list of span-form attributions per text.
        limit: score only the first `limit` documents.
        workers: processes to predict in (forked, so the loaded model is shared, not pickled).

    Returns:
        The `Report`; `seconds` is the time spent predicting.

    Raises:
        InputError: the data cannot be read, or the predictor returned malformed spans.
    """
    documents = load_split(split, data_dir, limit)
    texts = [document.text for document in documents]
    started = time.perf_counter()
    predictions = _predict(predict, texts, workers)
    seconds = time.perf_counter() - started
    if len(predictions) != len(documents):
        raise ClaimgraphError(
            f"the predictor returned {len(predictions)} results for {len(documents)} texts"
        )
    report = sum(
        (
            _score(document, predicted)
            for document, predicted in zip(documents, predictions, strict=True)
        ),
        Report(),
    )
    return replace(report, seconds=seconds, label=f"PolNeAR {split}")


def _score(document: GoldDocument, predicted: Sequence[SpanAttribution]) -> Report:
    try:
        return score_document(document.text, document.attributions, predicted, document.discard)
    except InputError as error:
        raise InputError(f"document {document.id}: {error.message}") from error
