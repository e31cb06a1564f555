"""Derive the labelled claim-pair set from the resolve gold: same / different / contradicts.

Every pair of gold members inside one corpus is labelled from the gold alone: `same` when both
state one proposition, `contradicts` when their clusters form a gold contradiction, `different`
otherwise. Different pairs that look alike are kept as hard negatives with the reasons they are
hard (opposite polarity, other figures, projected against reported, shared topic words); a
seeded sample of the easy ones is kept too. The split follows the gold file (fit or test).

    .venv/bin/python bench/gold_pairs.py            # rewrites tests/data/gold/pairs.jsonl
    .venv/bin/python bench/gold_pairs.py --check    # exit 1 when the file is out of date
"""

import argparse
import itertools
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolve_quality import CORPORA, GOLD, Gold, Member, load_gold

OUT = GOLD / "pairs.jsonl"
EASY_PER_HARD = 0.5  # easy negatives kept per hard negative, so the set is not all easy
STOP = frozenset(
    "that this with from have been were said says their there which would could about "
    "into after than them they some more other also only what when over".split()
)
PROJECTED = re.compile(
    r"\b(could|would|may|might|expected|expects|likely|eventually|reach)\b", re.I
)
NUMBER = re.compile(r"\d[\d,.]*")


def content_words(text: str) -> set[str]:
    text = text.replace("[", "").replace("]", "")
    return {w for w in re.findall(r"[a-z][a-z-]{3,}", text.casefold()) if w not in STOP}


def numbers(text: str) -> set[str]:
    return {n.rstrip(".,").replace(",", "") for n in NUMBER.findall(text)}


def hard_reasons(a: Member, b: Member, polarity: Mapping[str, str]) -> list[str]:
    """Why two members of different clusters could be mistaken for one claim."""
    reasons = []
    shared = content_words(a.words) & content_words(b.words)
    if polarity[a.cluster] != polarity[b.cluster]:
        reasons.append("polarity")
    if numbers(a.words) and numbers(b.words) and numbers(a.words) != numbers(b.words):
        reasons.append("figure")
    if bool(PROJECTED.search(a.words)) != bool(PROJECTED.search(b.words)) and shared:
        reasons.append("modality")
    if len(shared) >= 2:
        reasons.append("shared words")
    return reasons if shared or len(reasons) >= 2 else []


def pairs(gold: Gold, rng: random.Random) -> Iterator[dict[str, Any]]:
    polarity = {cid: c["polarity"] for cid, c in gold.clusters.items()}
    contradicts = {frozenset((c["a"], c["b"])): c for c in gold.contradictions}
    easy = []
    hard_count = 0

    def side(m: Member) -> dict[str, str]:
        return {
            "file": m.file,
            "words": m.words,
            "cluster": m.cluster,
            "polarity": polarity[m.cluster],
        }

    for a, b in itertools.combinations(gold.members, 2):
        if (a.file, a.words) == (b.file, b.words):
            continue
        row: dict[str, Any] = {
            "corpus": gold.corpus,
            "split": gold.split,
            "a": side(a),
            "b": side(b),
        }
        if a.cluster == b.cluster:
            yield {**row, "label": "same", "hard": []}
            continue
        pair = contradicts.get(frozenset((a.cluster, b.cluster)))
        reasons = hard_reasons(a, b, polarity)
        if pair is not None:
            extra = {"kind": pair["kind"], "required": pair["required"]}
            yield {**row, "label": "contradicts", **extra, "hard": reasons}
        elif reasons:
            hard_count += 1
            yield {**row, "label": "different", "hard": reasons}
        else:
            easy.append({**row, "label": "different", "hard": []})
    rng.shuffle(easy)
    yield from easy[: int(hard_count * EASY_PER_HARD)]


def build() -> str:
    lines = []
    for corpus in CORPORA:
        rng = random.Random(f"pairs-{corpus}")
        lines += [
            json.dumps(p, ensure_ascii=False, sort_keys=True) for p in pairs(load_gold(corpus), rng)
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when pairs.jsonl is stale")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        current = OUT.read_text("utf-8") if OUT.is_file() else ""
        return 0 if current == text else 1
    OUT.write_text(text, "utf-8")
    rows = [json.loads(line) for line in text.splitlines()]
    counts = Counter((r["split"], r["label"], bool(r["hard"])) for r in rows)
    print(f"{len(rows)} pairs in {OUT.relative_to(GOLD.parent.parent.parent)}")
    for (split, label, hard), n in sorted(counts.items()):
        print(f"  {split:<5} {label:<12} {'hard' if hard else 'easy':<5} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
