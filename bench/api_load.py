"""Load the API over loopback: N clients for S seconds on every read endpoint; p50/p95 each.

A real server (`claimgraph serve` on 127.0.0.1, a free port) over the demo corpus, built once in
--db (ingested from examples/nk-troops when missing). Each client is a thread with its own
keep-alive connection that requests the read endpoints in turn (ids taken from the store), after
one warm-up pass. Bounded: it stops after --seconds. Target: p95 < 100 ms for every endpoint with
20 clients.

    .venv/bin/python bench/api_load.py                      # 20 clients, 20 s
    .venv/bin/python bench/api_load.py --clients 1 --seconds 5
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "nk-troops"
TARGET_MS = 100.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def claimgraph(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("claimgraph")), *args]


def endpoints(base: str) -> list[str]:
    """Every GET endpoint of the API, with ids from the store for the ones that take one."""
    with httpx.Client(base_url=base, timeout=60) as client:
        schema = client.get("/openapi.json").json()
        document = client.get("/api/documents", params={"limit": 1}).json()["items"][0]["id"]
        claim = client.get("/api/claims", params={"limit": 1}).json()["items"][0]["id"]
        source = client.get("/api/sources").json()[0]["id"]
        clusters = client.get("/api/clusters", params={"limit": 2}).json()["items"]
        first, second = clusters[0]["members"][0], clusters[-1]["members"][0]
    filled = {
        "{document_id}": document,
        "{claim_id}": claim,
        "{attribution_id}": claim,
        "{source_id}": source,
        "{cluster_id}": clusters[0]["id"],
    }
    paths = []
    for path, methods in sorted(schema["paths"].items()):
        if "get" not in methods or not path.startswith("/api/"):
            continue
        for name, value in filled.items():
            path = path.replace(name, value)
        if "{" in path:
            print(f"  (skipped {path}: no id to fill in)", file=sys.stderr)
            continue
        if path == "/api/explain":
            path += f"?a={first['attribution_id']}&b={second['attribution_id']}"
        if path == "/api/claims/export":
            path += "?format=json"
        if path == "/api/disputes":
            path += f"?claims={first['attribution_id']},{second['attribution_id']}"
        paths.append(path)
    paths += ["/api/claims?search=troops", "/api/claims?source=NIS&sort=certainty"]
    return paths


def run(base: str, paths: list[str], clients: int, seconds: float) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {path: [] for path in paths}
    errors: dict[str, int] = dict.fromkeys(paths, 0)
    kinds: dict[str, int] = {}  # "path -> status": count, to say what failed
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client_loop(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            i = offset
            while time.monotonic() < stop:
                path = paths[i % len(paths)]
                i += 1
                started = time.perf_counter()
                try:
                    status = client.get(path).status_code
                except httpx.HTTPError as error:
                    status = type(error).__name__
                ok = status == 200
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    timings[path].append(elapsed)
                    errors[path] += not ok
                    if not ok:
                        kinds[f"{path} -> {status}"] = kinds.get(f"{path} -> {status}", 0) + 1

    threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    timings["errors"] = [float(sum(errors.values()))]
    for kind, count in sorted(kinds.items()):
        print(f"  error: {kind} x{count}", file=sys.stderr)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "claimgraph-load.db"))
    args = parser.parse_args()
    if not Path(args.db).exists():
        print(f"building {args.db} from {CORPUS} ...", file=sys.stderr)
        subprocess.run(claimgraph("ingest", str(CORPUS), "--db", args.db), check=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        claimgraph("serve", "--db", args.db, "--port", str(port)), stdout=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/api/health", timeout=2)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.3)
        paths = endpoints(base)
        with httpx.Client(base_url=base, timeout=60) as client:
            for path in paths:  # warm-up pass
                client.get(path)
        timings = run(base, paths, args.clients, args.seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    errors = int(timings.pop("errors")[0])
    total = sum(len(t) for t in timings.values())
    print(
        f"{args.clients} clients, {args.seconds:g} s, {total} requests "
        f"({total / args.seconds:.1f}/s), {errors} errors; load average "
        f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"
    )
    print(f"{'endpoint':<60} {'n':>6} {'p50 ms':>8} {'p95 ms':>8}")
    worst = 0.0
    for path, values in timings.items():
        if not values:
            continue
        cuts = statistics.quantiles(values, n=20) if len(values) > 1 else values * 19
        p95 = cuts[18]
        worst = max(worst, p95)
        print(f"{path[:60]:<60} {len(values):>6} {statistics.median(values):>8.1f} {p95:>8.1f}")
    print(f"worst p95 {worst:.1f} ms (target < {TARGET_MS:g} ms)")


if __name__ == "__main__":
    main()
