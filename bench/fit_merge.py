"""Fit the claim-merge threshold on the labelled pairs, precision first, and check it on the split
it was not fitted on.

Each pair of `tests/data/gold/pairs.jsonl` (same / different / contradicts) is located in a
resolved store of its corpus; `resolve.read.explain` then gives the pair's text similarity and
whether a conflict vetoes it, exactly as clustering computes them. For every threshold the bench
prints pairwise precision and recall of "would merge" against "same" on the fit split (demo and
Sahel), picks the lowest threshold whose fit precision is at least `--precision`, and reports the
held-out split (the border corpus) at that threshold.

    .venv/bin/python bench/fit_merge.py [--precision 0.97]
"""

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolve_quality import GOLD, Member, ingest, load_gold, locate, read_stored

PAIRS = GOLD / "pairs.jsonl"
THRESHOLDS = [round(0.20 + 0.02 * i, 2) for i in range(26)]


def pair_features(corpus: str, pairs: list[dict]) -> list[tuple[str, float, bool, str]]:
    """(label, similarity, vetoed, split) of each pair found in the resolved corpus."""
    from claimgraph.resolve import read
    from claimgraph.store import open_store

    gold = load_gold(corpus)
    found = []
    with tempfile.TemporaryDirectory() as folder, open_store(str(Path(folder) / "f.db")) as store:
        stored = read_stored(store, ingest(store, gold))
        for pair in pairs:
            ids = [
                locate(stored, Member(side["cluster"], side["file"], side["words"]))[0]
                for side in (pair["a"], pair["b"])
            ]
            if None in ids or ids[0] == ids[1]:
                continue
            match = read.explain(store, ids[0], ids[1])
            found.append((pair["label"], match.score, match.vetoed, pair["split"]))
    return found


def precision_recall(rows: list[tuple[str, float, bool, str]], threshold: float) -> tuple:
    merged = [(label, not vetoed and score >= threshold) for label, score, vetoed, _ in rows]
    tp = sum(1 for label, m in merged if m and label == "same")
    fp = sum(1 for label, m in merged if m and label != "same")
    positives = sum(1 for label, _ in merged if label == "same")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / positives if positives else 1.0
    return round(precision, 3), round(recall, 3), tp, fp


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--precision", type=float, default=0.97, help="fit precision to reach")
    args = parser.parse_args(argv)
    by_corpus: dict[str, list[dict]] = defaultdict(list)
    for line in PAIRS.read_text("utf-8").splitlines():
        pair = json.loads(line)
        by_corpus[pair["corpus"]].append(pair)
    rows = [
        row for corpus, pairs in sorted(by_corpus.items()) for row in pair_features(corpus, pairs)
    ]
    fit = [r for r in rows if r[3] == "fit"]
    test = [r for r in rows if r[3] != "fit"]
    print(f"pairs located: fit {len(fit)}, test {len(test)}")
    print("threshold  fit P  fit R   test P  test R")
    chosen = None
    for threshold in THRESHOLDS:
        fp_, fr_, _, _ = precision_recall(fit, threshold)
        tp_, tr_, _, _ = precision_recall(test, threshold)
        print(f"{threshold:9.2f}  {fp_:5.3f}  {fr_:5.3f}   {tp_:6.3f}  {tr_:6.3f}")
        if chosen is None and fp_ >= args.precision:
            chosen = threshold
    if chosen is not None:
        p, r, tp, fp = precision_recall(test, chosen)
        print(
            f"chosen on fit: {chosen}; held-out test split: P {p} R {r} ({tp} merged right, {fp} wrong)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
