"""Compare rules, the trained tagger and the hybrid on PolNeAR, and time the tagger against the parse.

Every predictor reads the same parse (parsed once, not timed with the predictors), so the
figures differ only by the attribution step. Speed: the bare spaCy parse, the tagger alone and
the rules alone, each the median of --repeats runs after a warm-up, in words (non-space tokens)
per second on one process.

Example: .venv/bin/python bench/eval_model.py --split dev --repeats 3
"""

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from claimgraph.errors import ClaimgraphError
from claimgraph.evaluate.polnear import evaluate_polnear, load_split, span_form
from claimgraph.evaluate.scoring import format_report
from claimgraph.ingest.text import document_id
from claimgraph.learn.combine import combine
from claimgraph.learn.tagger import AttributionTagger
from claimgraph.nlp.pipeline import Pipeline
from claimgraph.records import Document


def timed(run: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median seconds of `repeats` runs after one warm-up, and the spread (max-min)/median."""
    run()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    return median, (max(times) - min(times)) / median


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--data", default=None, help="PolNeAR directory (or $CLAIMGRAPH_POLNEAR)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N docs")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per measurement")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--weights", type=Path, default=None, help="tagger folder (default: packaged)"
    )
    args = parser.parse_args(argv)
    try:
        documents = load_split(args.split, args.data, args.limit)
    except ClaimgraphError as error:
        print(f"Error {error}", file=sys.stderr)
        return 1
    pipeline, tagger = Pipeline(), AttributionTagger.load(args.weights)
    texts = [d.text for d in documents]
    parsed = {}

    def parse() -> None:
        parsed.clear()
        parsed.update(zip(texts, pipeline.nlp.pipe(texts, batch_size=4), strict=True))

    def rules(text: str) -> list[dict[str, list[list[int]]]]:
        document = Document(document_id(text), text)
        return span_form(pipeline.analyse_parsed(document, parsed[text]))

    def model(text: str) -> list[dict[str, list[list[int]]]]:
        doc = parsed[text]
        return [found.char_spans(doc) for found in tagger.predict(doc)]

    speed = {}
    speed["parse"] = timed(parse, args.repeats)
    speed["tagger"] = timed(lambda: [tagger.predict(parsed[t]) for t in texts], args.repeats)
    speed["rules"] = timed(lambda: [rules(t) for t in texts], args.repeats)
    words = sum(1 for doc in parsed.values() for token in doc if not token.is_space)

    predictors = {
        "rules": lambda batch: [rules(t) for t in batch],
        "model": lambda batch: [model(t) for t in batch],
        "hybrid": lambda batch: [combine(model(t), rules(t)) for t in batch],
        "hybrid+rule-only": lambda batch: [
            combine(model(t), rules(t), keep_rule_only=True) for t in batch
        ],
    }
    reports = {
        name: evaluate_polnear(args.split, args.data, predict, args.limit)
        for name, predict in predictors.items()
    }
    rates = {name: words / seconds for name, (seconds, _) in speed.items()}
    if args.json:
        figures = {name: report.figures() for name, report in reports.items()}
        print(json.dumps({"words": words, "words_per_s": rates, "figures": figures}, indent=2))
        return 0
    for name, report in reports.items():
        print(f"== {name}")
        print(format_report(report))
    print(f"== speed, {len(texts)} documents, {words:,} words, 1 process")
    for name, (seconds, spread) in speed.items():
        print(f"{name:>8}: {rates[name]:>9,.0f} words/s ({seconds:.2f} s, spread ±{spread:.0%})")
    parse_rate = rates["parse"]
    with_tagger = words / (speed["parse"][0] + speed["tagger"][0])
    print(
        f"parse + tagger: {with_tagger:,.0f} words/s = {with_tagger / parse_rate:.2f}x the bare parse"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
