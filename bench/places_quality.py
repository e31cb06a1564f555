"""Place finding on conflict-news sentences: found rate and share within 25 km, per split, plus
the gazetteer's load time and memory.

Example: .venv/bin/python bench/places_quality.py [--misses] [--json]

The gold set is tests/data/places_gold.jsonl (written for this project; see places_gold.md
beside it). Tune on the dev split only; the held-out splits (test, test2, test3, test4,
test5, test6, test7 and test8) are the figures to report. Load time and memory are measured in fresh processes (the
gazetteer is cached per process), with the decompressed places index read from the build cache
and with the cache off: wall time of
`load_place_index()` and of the whole `load_gazetteer()`, the peak of Python allocations during
it (tracemalloc) and the growth of the process's resident memory.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from claimgraph.evaluate.places import NEAR_KM, PlaceScore, load_gold, score_places
from claimgraph.nlp.build_cache import ENV_VAR

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "places_gold.jsonl"

_LOAD_PROBE = """
import json, time, tracemalloc
def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
from claimgraph.nlp import gazetteer, place_index
before = rss_mb()
started = time.perf_counter()
place_index.load_place_index()
index_seconds = time.perf_counter() - started
index_rss = rss_mb() - before
gaz = gazetteer.load_gazetteer()
seconds = time.perf_counter() - started
after = rss_mb()
gazetteer.load_gazetteer.cache_clear()
place_index.load_place_index.cache_clear()
tracemalloc.start()
gazetteer.load_gazetteer()
peak = tracemalloc.get_traced_memory()[1] / 2**20
print(json.dumps({"seconds": seconds, "index_seconds": index_seconds, "rss_mb": after - before,
                  "index_rss_mb": index_rss, "peak_mb": peak, "names": len(gaz)}))
"""
_LOAD_KEYS = ("seconds", "index_seconds", "rss_mb", "index_rss_mb", "peak_mb", "names")


def measure_load(runs: int, *, cache: bool = True) -> dict:
    """Median load time and memory over `runs` fresh processes. With `cache`, the decompressed
    index is read from the build cache (warmed by a first, untimed process); without it, each
    process inflates the packaged file (a first start, or CLAIMGRAPH_CACHE=off)."""
    env = dict(os.environ)
    if not cache:
        env[ENV_VAR] = "off"
    probe = [sys.executable, "-c", _LOAD_PROBE]
    if cache:
        subprocess.run(probe, capture_output=True, text=True, check=True, env=env)
    samples = [
        json.loads(
            subprocess.run(probe, capture_output=True, text=True, check=True, env=env).stdout
        )
        for _ in range(runs)
    ]
    return {key: round(statistics.median(s[key] for s in samples), 3) for key in _LOAD_KEYS}


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
    cold = measure_load(args.load_runs, cache=False)
    if args.json:
        figures = {
            split: {"gold": s.gold, "found": s.found_rate, "near": s.near_rate, "extra": s.extra}
            for split, s in scores.items()
        }
        print(json.dumps({"scores": figures, "load": load, "load_without_cache": cold}))
    else:
        print(report(scores, args.misses))
        print(f"\ngazetteer: {load['names']} names (median of {args.load_runs} fresh processes)")
        for label, figures in (("from the build cache", load), ("cache off", cold)):
            print(
                f"  {label:<20} load {figures['seconds']:.2f} s (index {figures['index_seconds']:.2f} s), "
                f"RSS +{figures['rss_mb']:.0f} MB (index +{figures['index_rss_mb']:.0f} MB), "
                f"peak {figures['peak_mb']:.0f} MB traced"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
