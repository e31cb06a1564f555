"""Time finding the near-copies of a new document at 100 and at 100,000 stored documents.

The lookup is what `resolve` does per new document: its MinHash signature (datasketch), its 16
LSH band keys, one indexed query of `resolve_bands` for documents sharing a band, and the
similarity with each candidate. The stored corpus is the light rewrite (one word in forty
changed) of each ~700-word probe, among unrelated documents whose signatures are random draws in
the MinHash value range (what unrelated texts look like to the index; hashing 100,000 texts would
only slow the fill). Every lookup must find exactly its own copy. 100,000 documents are 1.6
million band rows; the fill is timed apart and is not part of the ratio.

    .venv/bin/python bench/near_copies.py [--sizes 100 100000] [--probes 30] [--db-dir DIR]
"""

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import sqlalchemy as sa

from claimgraph.resolve import syndication
from claimgraph.store import open_store
from claimgraph.store import resolved as db
from claimgraph.store.schema import documents as documents_table

DEMO = Path(__file__).resolve().parent.parent / "examples" / "nk-troops"


def vocabulary() -> list[str]:
    words = re.findall(
        r"[A-Za-z][a-z']+", " ".join(p.read_text("utf-8") for p in DEMO.glob("*.txt"))
    )
    return sorted(set(words))


def text(rng: random.Random, words: list[str], length: int = 700) -> str:
    return " ".join(rng.choice(words) for _ in range(length))


def rewrite(original: str, rng: random.Random) -> str:
    """A syndicated copy: the same text with about one word in forty changed."""
    tokens = original.split()
    for _ in range(len(tokens) // 40):
        tokens[rng.randrange(len(tokens))] = "edited"
    return " ".join(tokens)


def fill(store, count: int, words: list[str], rng: random.Random, probes: list[str]) -> float:
    """Store `count` documents' signatures and bands; the copies of the probes are among them."""
    started = time.perf_counter()
    now = datetime.now(UTC)
    batch_docs: list[dict] = []
    batch_rows: list[dict] = []
    batch_bands: list[dict] = []
    copies = {index * (count // len(probes)): rewrite(p, rng) for index, p in enumerate(probes)}
    unrelated = np.random.default_rng(count)
    with store.engine.begin() as conn:
        for number in range(count):
            if number in copies:
                signature = syndication.signature(copies[number])
            else:
                signature = unrelated.integers(0, 2**32, syndication.PERMUTATIONS, dtype=np.uint64)
            document_id = f"d_{number:08d}"
            batch_docs.append(
                {"id": document_id, "text": "-", "language": "en", "url": None, "outlet": None}
            )
            batch_rows.append(
                {
                    "document_id": document_id,
                    "outlet_id": None,
                    "published": None,
                    "minhash": syndication.to_bytes(signature),
                    "copy_of": None,
                    "copy_similarity": None,
                    "resolved_at": now,
                }
            )
            batch_bands += [
                {"band": key, "document_id": document_id}
                for key in sorted(set(syndication.bands(signature)))
            ]
            if len(batch_docs) >= 5_000 or number == count - 1:
                conn.execute(documents_table.insert(), batch_docs)
                conn.execute(db.resolve_documents.insert(), batch_rows)
                conn.execute(db.resolve_bands.insert(), batch_bands)
                batch_docs, batch_rows, batch_bands = [], [], []
    return time.perf_counter() - started


def lookup(store, probe: str) -> tuple[float, int]:
    """Seconds to find the near-copies of one new document, and how many were found."""
    started = time.perf_counter()
    signature = syndication.signature(probe)
    with store.engine.connect() as conn:
        found = [
            row
            for row in db.copy_candidates(conn, syndication.bands(signature))
            if syndication.similarity(signature, syndication.from_bytes(row["minhash"])) >= 0.45
        ]
    return time.perf_counter() - started, len(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 100_000])
    parser.add_argument("--probes", type=int, default=30)
    parser.add_argument("--db-dir", type=Path, default=None)
    args = parser.parse_args()
    words = vocabulary()
    medians = {}
    for size in args.sizes:
        rng = random.Random(size)
        probes = [text(rng, words, 700) for _ in range(args.probes)]
        folder = Path(args.db_dir or tempfile.mkdtemp(prefix="near-copies-"))
        path = folder / f"near-{size}.db"
        path.unlink(missing_ok=True)
        with open_store(str(path)) as store:
            filled = fill(store, size, words, rng, probes)
            lookup(store, probes[0])  # warm-up: caches, the permutation table
            timings = []
            for probe in probes:
                seconds, found = lookup(store, probe)
                if found != 1:
                    print(f"a probe found {found} near-copies, expected 1", file=sys.stderr)
                    return 1
                timings.append(seconds)
            with store.engine.connect() as conn:
                bands = conn.execute(sa.select(sa.func.count()).select_from(db.resolve_bands))
                band_rows = bands.scalar_one()
        median = statistics.median(timings)
        spread = (max(timings) - min(timings)) / 2 / median
        medians[size] = median
        print(
            f"{size:>7,} documents ({band_rows:,} band rows, filled in {filled:.0f} s): "
            f"near-copy lookup {median * 1000:.2f} ms median over {len(timings)} probes "
            f"(±{spread:.0%}), each finding its one copy"
        )
        if args.db_dir is None:
            path.unlink(missing_ok=True)
    if len(medians) >= 2:
        small, large = min(medians), max(medians)
        print(
            f"lookup at {large:,} / at {small:,} documents: {medians[large] / medians[small]:.2f}x"
        )
    print(f"load average: {os.getloadavg()[0]:.2f} (1 min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
