"""Score a predictor on PolNeAR and print every figure (docs/evaluation.md defines them).

Example: .venv/bin/python bench/eval_polnear.py --split dev --predictor baseline --limit 10
"""

import argparse
import json
import sys

from claimgraph.errors import ClaimgraphError
from claimgraph.evaluate.polnear import (
    Predictor,
    claimgraph_predictor,
    evaluate_polnear,
    hybrid_predictor,
    model_predictor,
)
from claimgraph.evaluate.scoring import format_report


def _baseline() -> Predictor:
    from claimgraph.evaluate.baseline import BaselinePredictor

    return BaselinePredictor()


# One table of predictors, so a new one is a new line here.
PREDICTORS = {
    "claimgraph": claimgraph_predictor,
    "baseline": _baseline,
    "model": model_predictor,  # the trained tagger alone (claimgraph.learn)
    "hybrid": hybrid_predictor,  # tagger cues + rule source/content where a rule fired
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--predictor", choices=sorted(PREDICTORS), default="claimgraph")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N docs")
    parser.add_argument("--data", default=None, help="PolNeAR directory (or $CLAIMGRAPH_POLNEAR)")
    parser.add_argument("--workers", type=int, default=1, help="prediction processes")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    try:
        predict = PREDICTORS[args.predictor]()
        report = evaluate_polnear(args.split, args.data, predict, args.limit, args.workers)
    except ClaimgraphError as error:
        print(f"Error {error}", file=sys.stderr)
        if error.hint:
            print(f"Hint: {error.hint}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"predictor": args.predictor, **report.figures()}, indent=2))
    else:
        print(f"predictor: {args.predictor}")
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
