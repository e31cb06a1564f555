"""Time the resolution work of adding one document to a resolved 1,000-document corpus.

The corpus is the demo corpus analysed once, then replicated with perturbed figures (same
number of characters, so every offset stays valid), outlets and publication dates, and stored
as Analysis records directly (no parsing). It is resolved once (the build, timed apart); then
new documents are added one at a time and `resolve` is timed for each. The embedding model is
loaded before timing: a long-running process (`ingest`, the API) pays its 0.4 s once.

    .venv/bin/python bench/resolve_incremental.py [--documents 1000] [--adds 7] [--db PATH]
"""

import argparse
import dataclasses
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from claimgraph.ingest.sources_in import expand
from claimgraph.records import Analysis, Document
from claimgraph.resolve import resolve
from claimgraph.resolve.embed import embed
from claimgraph.runner import pipeline
from claimgraph.settings import Settings
from claimgraph.store import open_store

DEMO = Path(__file__).resolve().parent.parent / "examples" / "nk-troops"


def analysed_demo() -> list[Analysis]:
    run = pipeline(Settings())
    documents = [d for d in expand([str(DEMO)]) if isinstance(d, Document)]
    return [run.analyse(document) for document in documents]


def replica(analysis: Analysis, number: int, rng: random.Random) -> Analysis:
    """A copy of an analysed report from another outlet, on another day, with other figures."""
    text = list(analysis.document.text)
    quantities = []
    for quantity in analysis.quantities:
        digits = [i for i in range(quantity.span.start, quantity.span.end) if text[i].isdigit()]
        if digits and quantity.value is not None and quantity.value >= 100:
            lead = digits[0]
            text[lead] = str(rng.randint(1, 9))
            new_text = "".join(text[quantity.span.start : quantity.span.end])
            scale = int(text[lead]) / int(analysis.document.text[lead])
            quantity = dataclasses.replace(
                quantity,
                span=dataclasses.replace(quantity.span, text=new_text),
                value=quantity.value * scale,
                low=quantity.low * scale if quantity.low is not None else None,
                high=quantity.high * scale if quantity.high is not None else None,
            )
        quantities.append(quantity)
    new_text = "".join(text)
    prefix = f"r{number}_"

    def renamed(record_id: str | None) -> str | None:
        return None if record_id is None else prefix + record_id

    document = dataclasses.replace(
        analysis.document,
        id=f"{prefix}{analysis.document.id}",
        text=new_text,
        outlet=f"{analysis.document.outlet} {number % 97}",
        url=f"https://replica{number}.test/{analysis.document.id}",
        published=analysis.document.published + timedelta(days=number // 13, hours=number % 13),
    )

    def respan(span):
        return (
            None
            if span is None
            else dataclasses.replace(span, text=new_text[span.start : span.end])
        )

    attributions = tuple(
        dataclasses.replace(
            a,
            id=renamed(a.id),
            parent=renamed(a.parent),
            source=respan(a.source),
            cue=respan(a.cue),
            channel=respan(a.channel),
            content=tuple(respan(s) for s in a.content),
            hedges=tuple(dataclasses.replace(h, span=respan(h.span)) for h in a.hedges),
        )
        for a in analysis.attributions
    )
    return dataclasses.replace(
        analysis,
        document=document,
        attributions=attributions,
        quantities=tuple(
            dataclasses.replace(q, span=respan(q.span), attribution=renamed(q.attribution))
            for q in quantities
        ),
        places=tuple(
            dataclasses.replace(p, span=respan(p.span), attribution=renamed(p.attribution))
            for p in analysis.places
        ),
        times=tuple(
            dataclasses.replace(t, span=respan(t.span), attribution=renamed(t.attribution))
            for t in analysis.times
        ),
        entities=tuple(dataclasses.replace(e, span=respan(e.span)) for e in analysis.entities),
        mentions=tuple(
            dataclasses.replace(m, span=respan(m.span), resolved_from=respan(m.resolved_from))
            for m in analysis.mentions
        ),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--adds", type=int, default=7)
    parser.add_argument("--db", help="SQLite file or database URL (default: a temporary file)")
    args = parser.parse_args()
    demo = analysed_demo()
    rng = random.Random(20241018)
    corpus = [replica(demo[i % len(demo)], i, rng) for i in range(args.documents + args.adds)]
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or str(Path(folder) / "bench.db")
        with open_store(url) as store:
            for analysis in corpus[: args.documents]:
                store.save(analysis)
            embed(["warm-up"])  # load the model outside the timings
            started = time.perf_counter()
            built = resolve(store, full=True)
            build = time.perf_counter() - started
            clusters = built.new_clusters
            timings = []
            for analysis in corpus[args.documents :]:
                store.save(analysis)
                started = time.perf_counter()
                report = resolve(store)
                timings.append(time.perf_counter() - started)
                assert report.documents == 1
    median = statistics.median(timings)
    print(
        f"built: {args.documents} documents, {built.claims} claims, {clusters} clusters "
        f"in {build:.1f} s ({build / args.documents * 1000:.0f} ms/document)"
    )
    print(
        f"adding one document to {args.documents}: median {median * 1000:.0f} ms "
        f"(min {min(timings) * 1000:.0f}, max {max(timings) * 1000:.0f}, n={len(timings)}) "
        f"on {sys.platform}, SQLite file, model warm"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
