"""Print how fast extraction runs compared with the bare spaCy parse it is built on.

One run times, over the same texts: (a) the stock spaCy pipeline with `nlp.pipe` and (b) claimgraph
extraction (parse + every rule stage, through `runner.analyse_stream`, the path `ingest` and
`extract --jsonl` take), first in one process and then in 2 worker processes, and the peak memory of
each worker. Targets: rules (b)/(a) >= 0.8, 2-process speed-up >= 1.7, <= 1 GB per worker;
the accurate modes (`--modes rules,hybrid,encoder` times each `CLAIMGRAPH_TAGGER`) >= 0.4x the
parse with <= 1.5 GB per worker.

The corpus is the PolNeAR dev split read from ../shared (never copied here); without it, texts are
generated from examples/. Example:

    .venv/bin/python bench/throughput.py --runs 5
    .venv/bin/python bench/throughput.py --profile /tmp/rules.html   # pyinstrument, rules only
"""

import argparse
import json
import os
import random
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from claimgraph.errors import ClaimgraphError
from claimgraph.ingest.text import document_from_text
from claimgraph.records import Analysis, Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BATCH_SIZE = 4  # what `Settings.batch_size` uses; DEPENDENCIES.md: 2-8 suits ~700-word articles
TARGETS = {"ratio": 0.8, "speedup": 1.7, "worker_gb": 1.0}
ACCURATE_TARGETS = {"ratio": 0.4, "worker_gb": 1.5}  # hybrid and encoder modes


# -- corpus -------------------------------------------------------------------------------------


def load_corpus(limit: int | None, data: str | None) -> tuple[str, list[Document]]:
    """PolNeAR dev texts, or (when ../shared is absent) texts generated from examples/."""
    from claimgraph.ingest.polnear import data_dir

    try:
        path = data_dir(data) / "dev.jsonl"
        if not path.is_file():
            raise FileNotFoundError(path)
    except (ClaimgraphError, FileNotFoundError) as error:
        print(f"PolNeAR dev split not found ({error}); using texts generated from examples/.")
        return "generated from examples/", _generated(limit or 60)
    documents = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                documents.append(document_from_text(json.loads(line)["text"], html=False))
            if limit is not None and len(documents) >= limit:
                break
    return f"PolNeAR dev ({path})", documents


def _generated(count: int) -> list[Document]:
    """Articles of ~700 words made by shuffling the paragraphs of the demo corpus (seeded)."""
    paragraphs = [
        paragraph.strip()
        for path in sorted(EXAMPLES.rglob("*.txt"))
        for paragraph in path.read_text(encoding="utf-8").split("\n\n")
        if len(paragraph.split()) > 8
    ]
    chooser = random.Random(6)
    documents = []
    for _ in range(count):
        chosen: list[str] = []
        while sum(len(p.split()) for p in chosen) < 700:
            chosen.append(chooser.choice(paragraphs))
        documents.append(document_from_text("\n\n".join(chosen), html=False))
    return documents


def words(documents: list[Document]) -> int:
    return sum(len(document.text.split()) for document in documents)


# -- what is timed ------------------------------------------------------------------------------


def bare_spacy(nlp, texts: list[str], processes: int) -> None:  # type: ignore[no-untyped-def]
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes):
        pass


def claimgraph_extraction(documents: list[Document], workers: int, tagger: str = "rules") -> None:
    from claimgraph.runner import analyse_stream
    from claimgraph.settings import Settings

    for outcome in analyse_stream(documents, Settings(tagger=tagger), workers):
        if not isinstance(outcome, Analysis):
            raise SystemExit(f"extraction failed: {outcome}")


class PeakMemory:
    """Samples the peak RSS (VmHWM) and the largest PSS of this process's children while running.

    RSS counts the model pages a forked worker shares copy-on-write with its parent; PSS divides
    shared pages among the processes that map them, so it is the fairer per-worker figure.
    """

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.rss: dict[int, int] = {}
        self.pss: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> "PeakMemory":
        self._stop.clear()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            for pid in _children(os.getpid()):
                hwm, pss = _status_kib(pid, "VmHWM"), _pss_kib(pid)
                self.rss[pid] = max(self.rss.get(pid, 0), hwm)
                self.pss[pid] = max(self.pss.get(pid, 0), pss)


def _children(parent: int) -> Iterator[int]:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
                yield int(entry.name)


def _status_kib(pid: int | str, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# -- running and reporting ----------------------------------------------------------------------


def timed(run: Callable[[], None], cpu: list[float] | None = None) -> float:
    """Wall seconds of run(); CPU seconds (this process and its finished children) go to `cpu`."""
    before, start = os.times(), time.perf_counter()
    run()
    wall = time.perf_counter() - start
    after = os.times()
    if cpu is not None:
        cpu.append(sum(after[:4]) - sum(before[:4]))
    return wall


def summary(rates: list[float]) -> tuple[float, float]:
    """Median and spread (max - min over the median)."""
    median = statistics.median(rates)
    return median, (max(rates) - min(rates)) / median


def _spin(count: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(count):
        total += i * i
    return time.perf_counter() - start


def free_cores(workers: int, count: int = 5_000_000) -> float:
    """How many cores this machine gives right now: a pure-Python loop in 1 and in `workers`
    processes (same work each). 2.0 on an idle 2-core machine; less while others run."""
    import multiprocessing

    one = _spin(count)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        start = time.perf_counter()
        pool.map(_spin, [count] * workers)
        many = time.perf_counter() - start
    return workers * one / many


def load_note() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def profile_rules(documents: list[Document], destination: Path) -> None:
    """pyinstrument over the rule stages only (the parse is done first, outside the profile)."""
    from pyinstrument import Profiler

    from claimgraph.runner import pipeline
    from claimgraph.settings import Settings

    pipe = pipeline(Settings())
    parsed = list(pipe.nlp.pipe((d.text for d in documents), batch_size=BATCH_SIZE))
    for document, doc in zip(documents[:5], parsed, strict=False):
        pipe.analyse_parsed(document, doc)  # warm the lexicon caches
    profiler = Profiler(interval=0.001)
    start = time.perf_counter()
    with profiler:
        for document, doc in zip(documents, parsed, strict=True):
            pipe.analyse_parsed(document, doc)
    elapsed = time.perf_counter() - start
    if destination.suffix == ".html":
        destination.write_text(profiler.output_html(), encoding="utf-8")
    else:
        destination.write_text(profiler.output_text(unicode=False, color=False), encoding="utf-8")
    print(f"rules took {elapsed:.2f} s under the profiler; profile written to {destination}")
    print(
        "(Token objects that spaCy builds in Cython show up as root-level 'cinit' frames;"
        " bench/README.md says how to read them.)"
    )


def time_modes(
    taggers: list[str],
    documents: list[Document],
    seconds: dict[str, list[float]],
    n: int,
    runs: int,
) -> dict[str, tuple[float, float]]:
    """Time each accurate mode in 1 and n processes, `runs` rounds (after the rules rounds, so
    the machine's load differs a little; the ratios say how much); returns peak GB per worker."""
    from claimgraph.runner import pipeline
    from claimgraph.settings import Settings

    peaks = {}
    total = words(documents)
    for tagger in taggers:
        pipeline(Settings(tagger=tagger))  # loaded once before forking, as `ingest` does
        claimgraph_extraction(documents[: min(8, len(documents))], 1, tagger)
        memory = PeakMemory()
        seconds[f"{tagger}1"], seconds[f"{tagger}{n}"] = [], []
        for _ in range(runs):
            seconds[f"{tagger}1"].append(
                timed(lambda t=tagger: claimgraph_extraction(documents, 1, t))
            )
            with memory:
                seconds[f"{tagger}{n}"].append(
                    timed(lambda t=tagger: claimgraph_extraction(documents, n, t))
                )
            print(
                f"  {tagger}: 1 process {total / seconds[f'{tagger}1'][-1]:,.0f} w/s,"
                f" {n} workers {total / seconds[f'{tagger}{n}'][-1]:,.0f} w/s",
                flush=True,
            )
        peaks[tagger] = (
            max(memory.rss.values(), default=0) / 2**20,
            max(memory.pss.values(), default=0) / 2**20,
        )
    return peaks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed rounds (median and spread)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--data", default=None, help="PolNeAR directory (or $CLAIMGRAPH_POLNEAR)")
    parser.add_argument("--workers", type=int, default=2, help="processes for the parallel rows")
    parser.add_argument("--profile", type=Path, default=None, help="write a rules profile, exit")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    parser.add_argument(
        "--modes", default="rules", help="extraction modes to time: rules,hybrid,encoder"
    )
    args = parser.parse_args(argv)
    extra = [m for m in args.modes.split(",") if m and m != "rules"]

    corpus, documents = load_corpus(args.limit, args.data)
    if args.profile is not None:
        profile_rules(documents, args.profile)
        return 0
    import spacy

    from claimgraph.nlp.model import MODEL_NAME
    from claimgraph.runner import pipeline
    from claimgraph.settings import Settings

    texts = [document.text for document in documents]
    total = words(documents)
    print(f"corpus: {corpus}: {len(documents)} documents, {total:,} words")
    print(f"machine: {load_note()} before the run")
    stock = spacy.load(MODEL_NAME)  # (a): the stock pipeline, all components, as shipped
    pipeline(Settings())  # (b) loads its own pipeline once, as `ingest` does, before forking
    n = args.workers
    modes: dict[str, Callable[[], None]] = {
        "a1": lambda: bare_spacy(stock, texts, 1),
        "b1": lambda: claimgraph_extraction(documents, 1),
        f"a{n}": lambda: bare_spacy(stock, texts, n),
        f"b{n}": lambda: claimgraph_extraction(documents, n),
    }
    warm = min(8, len(documents))
    bare_spacy(stock, texts[:warm], 1)
    claimgraph_extraction(documents[:warm], 1)
    claimgraph_extraction(documents[:warm], n)

    seconds: dict[str, list[float]] = {mode: [] for mode in modes}
    cpu: dict[str, list[float]] = {mode: [] for mode in modes}  # steadier than wall time under load
    memory = PeakMemory()  # claimgraph's forked workers, over every round
    loads: list[float] = []
    cores: list[float] = []  # what a trivially parallel loop got in each round: the ceiling
    for round_number in range(args.runs):
        for mode, run in modes.items():
            if mode == f"b{n}":
                with memory:
                    seconds[mode].append(timed(run, cpu[mode]))
            else:
                seconds[mode].append(timed(run, cpu[mode]))
        loads.append(os.getloadavg()[0])
        cores.append(free_cores(n))
        print(
            f"  round {round_number + 1}: "
            + ", ".join(f"{mode} {total / s[-1]:,.0f} w/s" for mode, s in seconds.items())
            + f"; load {loads[-1]:.2f}, free cores {cores[-1]:.2f}",
            flush=True,
        )

    accurate = time_modes(extra, documents, seconds, n, args.runs) if extra else {}
    rate = {mode: summary([total / s for s in values]) for mode, values in seconds.items()}
    ratio = summary([a / b for a, b in zip(seconds["a1"], seconds["b1"], strict=True)])
    speedup = summary([one / two for one, two in zip(seconds["b1"], seconds[f"b{n}"], strict=True)])
    cpu_ratio = summary([a / b for a, b in zip(cpu["a1"], cpu["b1"], strict=True)])
    cpu_growth = summary([two / one for one, two in zip(cpu["b1"], cpu[f"b{n}"], strict=True)])
    bare_speedup = summary(
        [one / two for one, two in zip(seconds["a1"], seconds[f"a{n}"], strict=True)]
    )
    worker_rss = max(memory.rss.values(), default=0) / 2**20
    worker_pss = max(memory.pss.values(), default=0) / 2**20
    main_rss = _status_kib("self", "VmHWM") / 2**20

    def row(label: str, mode: str) -> str:
        median, spread = rate[mode]
        return f"{label:<44} {median:>9,.0f} words/s  ±{spread / 2:.0%}"

    def verdict(ok: bool) -> str:
        return "meets target" if ok else "BELOW TARGET"

    print()
    print(row("(a) bare spaCy nlp.pipe, 1 process", "a1"))
    print(row("(b) claimgraph extraction, 1 process", "b1"))
    print(
        f"ratio (b)/(a), 1 process: {ratio[0]:.2f} ±{ratio[1] / 2:.0%}"
        f"  [target >= {TARGETS['ratio']}: {verdict(ratio[0] >= TARGETS['ratio'])}]"
    )
    print(
        f"ratio by CPU time (less sensitive to other work on the machine): {cpu_ratio[0]:.2f}"
        f" ±{cpu_ratio[1] / 2:.0%} ({statistics.median(cpu['a1']):.1f} s vs"
        f" {statistics.median(cpu['b1']):.1f} s of CPU)"
    )
    print(row(f"(a) bare spaCy nlp.pipe, n_process={n}", f"a{n}"))
    print(row(f"(b) claimgraph extraction, {n} workers", f"b{n}"))
    print(
        f"speed-up of (b), {n} workers over 1: {speedup[0]:.2f} ±{speedup[1] / 2:.0%}"
        f"  [target >= {TARGETS['speedup']}: {verdict(speedup[0] >= TARGETS['speedup'])}]"
        f"  (bare spaCy: {bare_speedup[0]:.2f})"
    )
    print(
        f"CPU used by {n} workers over 1 worker: {cpu_growth[0]:.2f} ±{cpu_growth[1] / 2:.0%}"
        f" (1.00 = parallel runs do no extra work; {n} idle cores would then give ~{n / cpu_growth[0]:.2f}x)"
    )
    print(
        f"peak memory per worker: RSS {worker_rss:.2f} GB (PSS {worker_pss:.2f} GB)"
        f"  [target <= {TARGETS['worker_gb']} GB: {verdict(worker_rss <= TARGETS['worker_gb'])}];"
        f" this process (both pipelines and the corpus): {main_rss:.2f} GB"
    )
    print(
        f"machine: {load_note()} after; 1-min load over the rounds "
        f"{min(loads):.2f}-{max(loads):.2f}; a trivially parallel loop got "
        f"{statistics.median(cores):.2f} of {n} cores (median; {min(cores):.2f}-{max(cores):.2f}),"
        f" the ceiling for any {n}-process speed-up in this run."
    )
    for tagger, peak in accurate.items():
        print()
        print(row(f"({tagger}) extraction, 1 process", f"{tagger}1"))
        print(row(f"({tagger}) extraction, {n} workers", f"{tagger}{n}"))
        mode_ratio = summary(
            [a / b for a, b in zip(seconds["a1"], seconds[f"{tagger}1"], strict=True)]
        )
        mode_speedup = summary(
            [a / b for a, b in zip(seconds[f"{tagger}1"], seconds[f"{tagger}{n}"], strict=True)]
        )
        ok = mode_ratio[0] >= ACCURATE_TARGETS["ratio"]
        print(
            f"ratio ({tagger})/(a), 1 process: {mode_ratio[0]:.2f} ±{mode_ratio[1] / 2:.0%}"
            f"  [target >= {ACCURATE_TARGETS['ratio']}: {verdict(ok)}];"
            f" {n} workers over 1: {mode_speedup[0]:.2f}"
        )
        print(
            f"peak memory per {tagger} worker: RSS {peak[0]:.2f} GB (PSS {peak[1]:.2f} GB)"
            f"  [target <= {ACCURATE_TARGETS['worker_gb']} GB:"
            f" {verdict(peak[0] <= ACCURATE_TARGETS['worker_gb'])}]"
        )
    if args.json:
        figures = {
            "modes": {
                tagger: {
                    "worker_peak_rss_gb": round(peak[0], 3),
                    "worker_peak_pss_gb": round(peak[1], 3),
                }
                for tagger, peak in accurate.items()
            },
            "corpus": corpus,
            "documents": len(documents),
            "words": total,
            "words_per_s": {mode: round(median) for mode, (median, _) in rate.items()},
            "ratio": round(ratio[0], 3),
            "cpu_ratio": round(cpu_ratio[0], 3),
            "cpu_growth": round(cpu_growth[0], 3),
            "speedup": round(speedup[0], 3),
            "bare_speedup": round(bare_speedup[0], 3),
            "worker_peak_rss_gb": round(worker_rss, 3),
            "worker_peak_pss_gb": round(worker_pss, 3),
            "load": [round(load, 2) for load in loads],
            "free_cores": [round(c, 2) for c in cores],
            "cores": os.cpu_count(),
        }
        print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
