"""Print p50/p95 latency of `GET /api/claims` on the demo corpus and on a synthetic 100,000-claim store.

The requests go through the real app in-process (FastAPI + SQLAlchemy + SQLite, JSON encoding
included; no network), after a warm-up, for a few typical queries: the first page, a source
filter, a word search, a sort by certainty, a place filter and a deep cursor page. The synthetic
store is written through the store's own writer from generated `Analysis` records (no model), and
kept between runs in --cache (delete it to rebuild). Figures are printed, not asserted. Example:

    .venv/bin/python bench/api_latency.py                 # both corpora
    .venv/bin/python bench/api_latency.py --claims 20000 --runs 30
"""

import argparse
import logging
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from claimgraph.api import create_app
from claimgraph.records import (
    Analysis,
    Attribution,
    Certainty,
    Document,
    Form,
    Hedge,
    Place,
    Qualifier,
    Quantity,
    QuantityKind,
    Source,
    Span,
)
from claimgraph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "nk-troops"
CLAIMS_PER_DOCUMENT = 25
PLACES = [
    ("Kursk", "RU", 51.73, 36.19),
    ("Vladivostok", "RU", 43.12, 131.9),
    ("Pyongyang", "KP", 39.03, 125.75),
    ("Seoul", "KR", 37.57, 126.98),
    ("Kyiv", "UA", 50.45, 30.52),
]
THINGS = ["troops", "soldiers", "shells", "missiles", "containers", "drones"]
VERBS = ["said", "told reporters", "estimated", "claimed", "warned", "believed"]
HEDGES = [None, None, None, ("could", Certainty.POSSIBLE), ("probably", Certainty.PROBABLE)]


def synthetic_analyses(documents: int, seed: int = 7) -> Iterator[Analysis]:
    """Documents of 25 claims each: '<Source N> said that about <n> troops were in <place>.'"""
    rng = random.Random(seed)
    sources = [
        Source(
            id=f"source-{i}",
            name=f"Source {i}",
            type="organisation",
            aliases=(f"S{i}", f"agency {i}"),
        )
        for i in range(300)
    ]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for number in range(documents):
        text, attributions, quantities, places, used = "", [], [], [], {}
        for seq in range(CLAIMS_PER_DOCUMENT):
            source = sources[min(int(rng.paretovariate(1.2)) - 1, len(sources) - 1)]
            verb = rng.choice(VERBS)
            hedge = rng.choice(HEDGES)
            value = rng.choice([500, 1500, 3000, 8000, 10000, 12000])
            thing = rng.choice(THINGS)
            place = rng.choice(PLACES)
            head = f"{source.name} {verb} that "
            body_start = len(text) + len(head)
            hedge_text = f"{hedge[0]} " if hedge else ""
            figure = f"about {value:,}"
            body = f"{hedge_text}{figure} {thing} were in {place[0]} in report {number}-{seq}"
            sentence = f"{head}{body}. "
            base = len(text)
            text += sentence
            src = Span(base, base + len(source.name), source.name)
            cue = Span(src.end + 1, src.end + 1 + len(verb), verb)
            content = Span(body_start, body_start + len(body), body)
            hedges = ()
            if hedge:
                hedges = (
                    Hedge(
                        Span(body_start, body_start + len(hedge[0]), hedge[0]), hedge[1], hedge[0]
                    ),
                )
            attribution_id = f"a_{number:08x}{seq:08x}"
            attributions.append(
                Attribution(
                    id=attribution_id,
                    source=src,
                    cue=cue,
                    content=(content,),
                    form=Form.INDIRECT,
                    canonical_source=source.id,
                    source_kind="organisation",
                    certainty=hedge[1] if hedge else Certainty.CERTAIN,
                    hedges=hedges,
                    anonymous=rng.random() < 0.1,
                )
            )
            q_start = body_start + len(hedge_text)
            quantities.append(
                Quantity(
                    Span(q_start, q_start + len(figure), figure),
                    float(value),
                    None,
                    None,
                    Qualifier.APPROX,
                    thing,
                    QuantityKind.COUNT,
                    attribution_id,
                )
            )
            p_start = text.index(place[0], q_start)
            places.append(
                Place(
                    Span(p_start, p_start + len(place[0]), place[0]),
                    place[0],
                    place[1],
                    place[2],
                    place[3],
                    "city",
                    None,
                    attribution_id,
                )
            )
            used[source.id] = source
        published = start + timedelta(hours=rng.randrange(24 * 365))
        document = Document(
            id=f"d_{number:016x}",
            text=text.strip(),
            outlet=f"Outlet {number % 40}",
            title=f"Synthetic report {number}",
            published=published,
        )
        yield Analysis(
            document=document,
            attributions=tuple(attributions),
            quantities=tuple(quantities),
            places=tuple(places),
            sources=tuple(used.values()),
        )


def build_synthetic(path: Path, claims: int) -> None:
    documents = max(1, claims // CLAIMS_PER_DOCUMENT)
    started = time.perf_counter()
    with open_store(str(path)) as store:
        report = store.save_many(synthetic_analyses(documents))
        count = store.counts()["attributions"]
    print(
        f"  built {path.name}: {len(report.saved)} documents, {count:,} claims in {time.perf_counter() - started:.0f} s"
    )


def build_demo(path: Path) -> None:
    from claimgraph.ingest.sources_in import InputFailure, expand
    from claimgraph.runner import pipeline
    from claimgraph.settings import Settings

    documents = [d for d in expand([str(DEMO)]) if not isinstance(d, InputFailure)]
    with open_store(str(path)) as store:
        for analysis in pipeline(Settings()).analyse_many(documents):
            store.save(analysis)
        try:
            from claimgraph.resolve import resolve
        except ImportError:
            return
        resolve(store)


def queries(client: TestClient, source: str) -> dict[str, str]:
    """Name -> URL; the deep page is found by walking the cursor 20 pages in first."""
    cursor = None
    for _ in range(20):
        page = client.get(
            "/api/claims", params={"limit": 50, **({"cursor": cursor} if cursor else {})}
        ).json()
        cursor = page["next_cursor"] or cursor
    return {
        "first page (50)": "/api/claims?limit=50",
        "source filter": f"/api/claims?source={source}&limit=50",
        "word search": "/api/claims?search=troops&limit=50",
        "sort by certainty": "/api/claims?sort=certainty&limit=50",
        "place filter": "/api/claims?place=Kursk&limit=50",
        "page 21 by cursor": f"/api/claims?limit=50&cursor={cursor}",
    }


def measure(path: Path, source: str, runs: int) -> None:
    with open_store(str(path)) as store, TestClient(create_app(store)) as client:
        total = client.get("/api/claims?limit=1").json()["total"]
        print(f"\n{path.name}: {total:,} claims   (ms over {runs} runs after 3 warm-up)")
        print(f"  {'query':<22}{'p50':>9}{'p95':>9}{'max':>9}")
        for name, url in queries(client, source).items():
            for _ in range(3):
                assert client.get(url).status_code == 200
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.text
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            print(f"  {name:<22}{statistics.median(times):>9.1f}{p95:>9.1f}{times[-1]:>9.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000, help="size of the synthetic store")
    parser.add_argument("--runs", type=int, default=50, help="timed requests per query")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "claimgraph-bench",
        help="folder for the built databases",
    )
    parser.add_argument("--skip-demo", action="store_true")
    args = parser.parse_args()
    # The test client logs every request at INFO once something has configured logging.
    for name in ("httpx", "httpx2"):
        logging.getLogger(name).setLevel(logging.WARNING)
    args.cache.mkdir(parents=True, exist_ok=True)
    print(
        f"claimgraph API latency · Python {platform.python_version()} · {platform.machine()} · {platform.processor() or platform.system()}"
    )
    if not args.skip_demo:
        demo = args.cache / "demo.db"
        if not demo.exists():
            build_demo(demo)
        measure(demo, "NIS", args.runs)
    synthetic = args.cache / f"synthetic-{args.claims}.db"
    if not synthetic.exists():
        build_synthetic(synthetic, args.claims)
    measure(synthetic, "S1", args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
