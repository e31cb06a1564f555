"""Print the ingest rate for URLs from a local server and the export rate for 100,000 claims.

Ingest: the demo corpus' articles, each wrapped in a news page (header, navigation, sidebar,
comments, meta tags) with its own title and date, served by a threaded http.server on 127.0.0.1.
Two rates: fetch + trafilatura extraction (pages/s: what `ingest URL` adds over a file), and the
whole `ingest` path (fetch, extract, analyse, store; documents/s, one process).

Export: a synthetic store of 100,000 claims (10,000 documents of 10 claims, 2,000 sources, 20,000
clusters, resolve's member rows included so the joins are real), bulk-inserted with SQL, on SQLite
and on PostgreSQL (a fresh schema, dropped afterwards). Each format is written to a file by a
child process, which reports claims/s and its peak memory; the same at 10,000 claims shows whether
memory grows with the store (it should not: the writers stream).

    .venv/bin/python bench/io_rates.py [--claims 100000] [--pages 60]
        [--postgres postgresql://postgres@127.0.0.1:5432/test] [--formats jsonl csv ...]
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent / "examples" / "nk-troops"
FORMATS = ("jsonl", "json", "csv", "parquet", "graphml", "stix")


# -- ingest ---------------------------------------------------------------------------------------


def pages(count: int) -> dict[str, bytes]:
    """`count` news pages made from the demo articles (repeated with another date and title)."""
    articles = [p.read_text("utf-8") for p in sorted(DEMO.glob("*.txt"))]
    built = {}
    for number in range(count):
        body = articles[number % len(articles)]
        day = datetime(2024, 10, 1, tzinfo=UTC) + timedelta(days=number)
        paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
        built[f"/story-{number}.html"] = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'>"
            f"<title>Report {number}</title><meta property='og:site_name' content='Outlet {number % 7}'>"
            f"<meta property='article:published_time' content='{day.isoformat()}'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>Report {number}</h1>{paragraphs}</article>"
            "<aside><h3>Most read</h3><ul><li>Weekend recipes</li><li>Football</li></ul></aside>"
            "<section class='comments'><p>reader: first!</p></section>"
            "<footer>Copyright</footer></body></html>"
        ).encode()
    return built


def serve(site: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = site.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def ingest_rates(count: int) -> None:
    from claimgraph.ingest.fetch import FetchOptions, new_client
    from claimgraph.ingest.web import read_url
    from claimgraph.runner import pipeline
    from claimgraph.settings import Settings
    from claimgraph.store import open_store

    site = pages(count)
    server, base = serve(site)
    options = FetchOptions(allow_private=True)
    urls = [base + path for path in site]
    try:
        with new_client(options) as client:
            list(read_url(urls[0], options, client=client))  # warm-up: trafilatura's first call
            rates = []
            for _ in range(3):
                started = time.perf_counter()
                documents = [d for url in urls for _, d in read_url(url, options, client=client)]
                rates.append(len(documents) / (time.perf_counter() - started))
        median = statistics.median(rates)
        print(
            f"fetch + extract: {median:.1f} pages/s (median of 3 runs of {count} pages, "
            f"±{(max(rates) - min(rates)) / 2 / median:.0%})"
        )
        run = pipeline(Settings())
        run.analyse(documents[0])  # warm-up: model caches
        with tempfile.TemporaryDirectory() as folder, open_store(f"{folder}/i.db") as store:
            started = time.perf_counter()
            stored = 0
            with new_client(options) as client:
                for url in urls:
                    for _, document in read_url(url, options, client=client):
                        stored += store.save(run.analyse(document))
            seconds = time.perf_counter() - started
        print(
            f"ingest URL (fetch, extract, analyse, store; 1 process): {stored / seconds:.1f} docs/s"
        )
    finally:
        server.shutdown()


# -- export ---------------------------------------------------------------------------------------


def fill(url: str, claims: int) -> None:
    """A store of `claims` synthetic claims, 10 per document, with sources, clusters and members."""
    import sqlalchemy as sa

    from claimgraph.store import open_store, schema
    from claimgraph.store.resolve_tables import resolve_clusters, resolve_members

    rng = random.Random(claims)
    verbs = ["said", "told reporters", "claimed", "denied", "confirmed", "warned"]
    places = ["Kursk", "Vladivostok", "Pyongyang", "Seoul", "Kyiv", "Rostov"]
    hedges = [
        [],
        [],
        [{"start": 0, "end": 5, "text": "could", "strength": "possible", "lemma": "could"}],
    ]
    n_sources, n_clusters = max(10, claims // 50), max(10, claims // 5)
    now = datetime.now(UTC)
    with open_store(url) as store, store.engine.begin() as conn:
        conn.execute(
            schema.sources.insert(),
            [
                {
                    "id": f"src-{i}", "name": f"Source {i}", "type": "organisation",
                    "country": "KR", "parent": None, "wikidata": f"Q{1000 + i}",
                    "aliases": [f"S{i}"], "roles": [],
                }
                for i in range(n_sources)
            ],
        )  # fmt: skip
        conn.execute(
            resolve_clusters.insert(),
            [
                {
                    "id": f"c_{i:08d}", "label": f"cluster {i}", "founder": f"a_{i * 5:08d}",
                    "polarity": "assert", "vector_sum": b"", "terms_sum": {}, "size": 5,
                    "features": {}, "summary": {}, "support": 1 + i % 4,
                    "original_sources": [f"src-{i % n_sources}"], "outlets": ["Outlet"],
                    "first_reported": now, "credibility": 1 + i % 6,
                    "credibility_reasons": ["synthetic"], "contradicted_by": [],
                    "search_text": f"cluster {i}",
                }
                for i in range(n_clusters)
            ],
        )  # fmt: skip
        for first in range(0, claims, 10_000):
            documents, attributions, members = [], [], []
            for index in range(first, min(claims, first + 10_000)):
                document = f"d_{index // 10:08d}"
                if index % 10 == 0:
                    documents.append(
                        {
                            "id": document, "url": f"https://outlet.example/{index // 10}",
                            "outlet": f"Outlet {index % 7}", "title": f"Report {index // 10}",
                            "published": now - timedelta(minutes=index), "language": "en",
                            "text": "-", "ingested_at": now,
                        }
                    )  # fmt: skip
                source = f"src-{rng.randrange(n_sources)}"
                content = (
                    f"that about {rng.randrange(100, 20_000):,} troops had arrived in "
                    f"{rng.choice(places)}"
                )
                attributions.append(
                    {
                        "id": f"a_{index:08d}", "document_id": document, "seq": index % 10,
                        "source_start": 0, "source_end": 6, "source_text": f"Source {source}",
                        "cue_start": 7, "cue_end": 11, "cue_text": rng.choice(verbs),
                        "content": [{"start": 12, "end": 12 + len(content), "text": content}],
                        "content_text": content, "content_start": 12,
                        "content_end": 12 + len(content), "form": "indirect",
                        "canonical_source": source, "source_kind": "organisation",
                        "certainty": rng.choice(["certain", "probable", "possible"]),
                        "hedges": rng.choice(hedges), "anonymous": rng.random() < 0.2,
                        "channel_start": None, "channel_end": None, "channel_text": None,
                        "parent": None,
                    }
                )  # fmt: skip
                members.append(
                    {
                        "attribution_id": f"a_{index:08d}", "document_id": document,
                        "cluster_id": f"c_{index // 5:08d}", "similarity": 0.8,
                        "source_id": source, "original_source": source, "independence": source,
                        "chain": [{"source_id": source, "name": source, "kind": "said", "via": None}],
                        "facts": {"polarity": "assert"}, "vector": b"", "terms": {},
                    }
                )  # fmt: skip
            conn.execute(schema.documents.insert(), documents)
            conn.execute(schema.attributions.insert(), attributions)
            conn.execute(resolve_members.insert(), members)
        conn.execute(sa.text("ANALYZE")) if url.startswith("postgresql") else None


CHILD = """
import resource, sys, time
from claimgraph.export.formats import ExportFormat, write_path
from claimgraph.store import open_store
fmt, url, out = sys.argv[1:4]
with open_store(url) as store:
    started = time.perf_counter()
    written = write_path(store, ExportFormat(fmt), out)
    seconds = time.perf_counter() - started
claims = written.get("claims") or written["rows"]["claims"]
print(claims, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def export_rates(url: str, label: str, claims: int, formats: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for fmt in formats:
            out = Path(folder) / f"out.{fmt}"
            done = subprocess.run(
                [sys.executable, "-c", CHILD, fmt, url, str(out)],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                print(f"{label} {fmt}: failed\n{done.stderr[-2000:]}")
                continue
            count, seconds, peak = done.stdout.split()
            size = sum(p.stat().st_size for p in [out, *out.glob("*")] if p.is_file())
            print(
                f"{label:>10} {fmt:>8}: {int(count):>7,} claims in {float(seconds):6.1f} s = "
                f"{int(count) / float(seconds):>8,.0f} claims/s, peak RSS {int(peak) / 1024:5.0f} MB, "
                f"{size / 1e6:6.1f} MB written"
            )


def postgres_schema(admin_url: str) -> tuple[str, str]:
    import psycopg

    name = f"bench_io_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    url = admin_url.replace("postgresql://", "postgresql+psycopg://", 1)
    return name, f"{url}?options=-csearch_path%3D{name}"


def drop_schema(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {name} CASCADE")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000, help="a smaller store, for memory")
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--skip-ingest", action="store_true")
    args = parser.parse_args()
    if not args.skip_ingest:
        ingest_rates(args.pages)
    with tempfile.TemporaryDirectory() as folder:
        for size in dict.fromkeys([args.small, args.claims]):
            url = f"sqlite:///{folder}/export-{size}.db"
            started = time.perf_counter()
            fill(url, size)
            print(
                f"SQLite store of {size:,} claims filled in {time.perf_counter() - started:.0f} s"
            )
            export_rates(url, f"SQLite {size // 1000}k", size, args.formats)
    if args.postgres:
        try:
            name, url = postgres_schema(args.postgres)
        except Exception as error:  # the bench still reports SQLite without a server
            print(f"PostgreSQL skipped: {error}")
            return 0
        try:
            started = time.perf_counter()
            fill(url, args.claims)
            print(
                f"PostgreSQL store of {args.claims:,} claims filled in {time.perf_counter() - started:.0f} s"
            )
            export_rates(url, f"PG {args.claims // 1000}k", args.claims, args.formats)
        finally:
            drop_schema(args.postgres, name)
    print(f"load average: {os.getloadavg()[0]:.2f} (1 min); {os.cpu_count()} cores")
    print(json.dumps({"python": sys.version.split()[0]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
