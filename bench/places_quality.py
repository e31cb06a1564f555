"""Place finding on conflict-news sentences: found rate and share within 25 km, per split, plus
the gazetteer's load time and memory.

Example: .venv/bin/python bench/places_quality.py [--misses] [--json]

The gold set is tests/data/places_gold.jsonl (written for this project; see places_gold.md
beside it). Tune on the dev split only; the held-out splits (test, test2) are the figures to
report. Load time and
memory are measured in fresh processes (the gazetteer is cached per process): wall time of
`load_gazetteer()`, the peak of Python allocations during it (tracemalloc) and the growth of the
process's resident memory.
"""

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from claimgraph.evaluate.places import NEAR_KM, PlaceScore, load_gold, score_places

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "places_gold.jsonl"

_LOAD_PROBE = """
import json, resource, time, tracemalloc
def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
from claimgraph.nlp import gazetteer, place_index
before = rss_mb()
started = time.perf_counter()
gaz = gazetteer.load_gazetteer()
seconds = time.perf_counter() - started
after = rss_mb()
gazetteer.load_gazetteer.cache_clear()
place_index.load_place_index.cache_clear()
tracemalloc.start()
gazetteer.load_gazetteer()
peak = tracemalloc.get_traced_memory()[1] / 2**20
print(json.dumps({"seconds": seconds, "rss_mb": after - before, "peak_mb": peak,
                  "names": len(gaz)}))
"""


def measure_load(runs: int) -> dict:
    """Median load time and memory over `runs` fresh processes."""
    samples = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", _LOAD_PROBE], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return {
        key: round(statistics.median(s[key] for s in samples), 3)
        for key in ("seconds", "rss_mb", "peak_mb", "names")
    }


def report(scores: dict[str, PlaceScore], misses: bool) -> str:
    lines = [f"{'split':<6} {'gold':>5} {'found':>7} {f'<={NEAR_KM:g} km':>8} {'extra':>6}"]
    for split in (*sorted(s for s in scores if s != "all"), "all"):
        s = scores[split]
        lines.append(
            f"{split:<6} {s.gold:>5} {s.found_rate:>7.3f} {s.near_rate:>8.3f} {s.extra:>6}"
        )
    lines.append("")
    lines.append(f"{'kind (all)':<10} {'gold':>5} {'found':>7} {'near':>7}")
    for kind, (gold, found, near) in sorted(scores["all"].by_kind.items()):
        lines.append(f"{kind:<10} {gold:>5} {found / gold:>7.3f} {near / gold:>7.3f}")
    if misses:
        for split in sorted(s for s in scores if s != "all"):
            lines.append(f"\nmisses ({split}):")
            for miss in scores[split].misses:
                where = f" -> {miss.predicted} ({miss.km} km)" if miss.predicted else ""
                lines.append(f"  {miss.document} {miss.kind:<9} {miss.mention}{where}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--load-runs", type=int, default=3, help="fresh processes for load time")
    args = parser.parse_args(argv)

    from claimgraph.nlp import model
    from claimgraph.nlp.gazetteer import load_gazetteer
    from claimgraph.nlp.places import find_places

    nlp, gazetteer = model.load(), load_gazetteer()
    scores = score_places(load_gold(args.gold), lambda text: find_places(nlp(text), gazetteer))
    load = measure_load(args.load_runs)
    if args.json:
        figures = {
            split: {"gold": s.gold, "found": s.found_rate, "near": s.near_rate, "extra": s.extra}
            for split, s in scores.items()
        }
        print(json.dumps({"scores": figures, "load": load}))
    else:
        print(report(scores, args.misses))
        print(
            f"\ngazetteer: {load['names']} names, load {load['seconds']:.2f} s, "
            f"peak {load['peak_mb']:.0f} MB traced, RSS +{load['rss_mb']:.0f} MB "
            f"(median of {args.load_runs} fresh processes)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
