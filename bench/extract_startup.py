"""`claimgraph extract` of one short article, against loading spaCy and parsing it in a bare script.

Both run in fresh processes, interleaved, several rounds; the median wall time of each and the
ratio are printed, and the same for CPU time (user + system of the child), which a busy machine
disturbs less than wall time. Target: ratio <= 2 (the rule stages, gazetteer and lexicons cost
at most as much as the model itself).

Example: .venv/bin/python bench/extract_startup.py --runs 7
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ARTICLE = Path(__file__).resolve().parents[1] / "examples" / "article.txt"
BARE = (
    "import sys, spacy\n"
    "from claimgraph.settings import MODEL_NAME\n"
    "nlp = spacy.load(MODEL_NAME)\n"
    "doc = nlp(open(sys.argv[1], encoding='utf-8').read())\n"
    "print(len(doc))\n"
)
EXTRACT = "from claimgraph.cli import main\nmain()\n"

COMMANDS = {
    "bare: load spaCy + parse": [sys.executable, "-c", BARE, str(ARTICLE)],
    "claimgraph extract": [
        sys.executable, "-c", EXTRACT, "extract", str(ARTICLE), "--format", "json",
    ],
}  # fmt: skip


def once(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{argv} failed:\n{done.stderr}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    words = len(ARTICLE.read_text("utf-8").split())
    for argv in COMMANDS.values():
        once(argv)  # warm the file cache (and any on-disk cache of claimgraph's)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, argv in COMMANDS.items():
            times[name].append(once(argv))
    print(f"{ARTICLE.name}, {words} words; load average {os.getloadavg()[0]:.2f}; {runs} runs")
    for column, label in ((0, "wall"), (1, "CPU")):
        bare = statistics.median(t[column] for t in times["bare: load spaCy + parse"])
        for name, samples in times.items():
            values = [t[column] for t in samples]
            median = statistics.median(values)
            spread = (max(values) - min(values)) / 2 / median
            print(
                f"  {label:4} {name:26} {median:6.2f} s  ±{spread:4.0%}  ratio {median / bare:4.2f}x"
            )


if __name__ == "__main__":
    main()
