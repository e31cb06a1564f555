"""Print the time and peak memory of analysing one very long article, per character.

Each size runs in a fresh process (so peak memory is that size's own): the text is the demo
corpus's paragraphs repeated up to the size, analysed by `Pipeline.analyse` (parse in sections +
every rule stage). Memory is the peak RSS over what the process held once the model was loaded.
The per-character figures must stay flat as the text grows (linear time and memory). A second
table times HTML with thousands of unclosed nested elements (quadratic before the depth limit).

    .venv/bin/python bench/long_text.py                      # 10k, 100k, 1M characters
    .venv/bin/python bench/long_text.py --sizes 10000,1000000,5000000 --one-line
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "nk-troops"


def corpus_text(size: int, one_line: bool) -> str:
    """The demo articles' paragraphs, repeated until the text has `size` characters."""
    paragraphs = [
        line.strip()
        for path in sorted(EXAMPLES.glob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    joiner = " " if one_line else "\n"
    pieces, length, i = [], 0, 0
    while length < size:
        piece = paragraphs[i % len(paragraphs)]
        pieces.append(piece)
        length += len(piece) + 1
        i += 1
    return joiner.join(pieces)[:size]


def rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure_one(size: int, one_line: bool) -> dict[str, float]:
    """Runs in the child: load, warm up on a short text, then analyse the long one."""
    from claimgraph.ingest.text import document_from_text
    from claimgraph.nlp.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.analyse(document_from_text(corpus_text(5_000, one_line)))
    text = corpus_text(size, one_line)
    document = document_from_text(text)
    base = rss_kb()
    started = time.perf_counter()
    analysis = pipeline.analyse(document)
    seconds = time.perf_counter() - started
    extra_mb = max(0, rss_kb() - base) / 1024
    return {
        "chars": len(document.text),
        "seconds": seconds,
        "peak_mb": rss_kb() / 1024,
        "extra_mb": extra_mb,
        "claims": len(analysis.attributions),
    }


def html_seconds(depth: int) -> float:
    from claimgraph.ingest.html import html_to_text

    page = "<html><body>" + "<div><span>deep text " * depth + "<p>Officials said so.</p>"
    started = time.perf_counter()
    html_to_text(page)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--one-line", action="store_true", help="no line breaks at all")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_one(args.child, args.one_line)))
        return
    print(
        f"load average {os.getloadavg()[0]:.2f}; text: demo paragraphs"
        f"{' on one line' if args.one_line else ', one per line'}"
    )
    print(
        f"{'chars':>10} {'seconds':>8} {'us/char':>8} {'peak MB':>8} {'extra MB':>9} "
        f"{'bytes/char':>10} {'claims':>7}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, __file__, "--child", str(size)]
        command += ["--one-line"] if args.one_line else []
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        row = json.loads(out.strip().splitlines()[-1])
        print(
            f"{row['chars']:>10,} {row['seconds']:>8.2f} {1e6 * row['seconds'] / row['chars']:>8.1f} "
            f"{row['peak_mb']:>8.0f} {row['extra_mb']:>9.0f} "
            f"{row['extra_mb'] * 2**20 / row['chars']:>10.0f} {row['claims']:>7}",
            flush=True,
        )
    print("\nHTML with unclosed nested elements")
    print(f"{'elements':>10} {'seconds':>8} {'us/element':>10}")
    for depth in (5_000, 20_000, 80_000):
        seconds = html_seconds(depth)
        print(f"{2 * depth:>10,} {seconds:>8.3f} {1e6 * seconds / depth / 2:>10.2f}", flush=True)


if __name__ == "__main__":
    main()
