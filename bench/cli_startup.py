"""How fast `claimgraph --help` and `claimgraph claims --help` start, against a bare Typer app.

Each command runs in a fresh process, several rounds, interleaved so that a busy moment of the
machine hits every command alike; the median wall time of each and the ratio to the bare app are
printed. Target: ratio <= 3.

Example: .venv/bin/python bench/cli_startup.py --runs 15
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

BARE = (
    "import typer\n"
    "app = typer.Typer(help='bare')\n"
    "@app.command()\n"
    "def hello(name: str = 'x') -> None:\n"
    "    '''Say hello.'''\n"
    "@app.command()\n"
    "def bye(name: str = 'x') -> None:\n"
    "    '''Say bye.'''\n"
    "app()\n"
)
CLAIMGRAPH = "from claimgraph.cli import main\nmain()\n"

COMMANDS = {
    "bare typer --help": [sys.executable, "-c", BARE, "--help"],
    "claimgraph --help": [sys.executable, "-c", CLAIMGRAPH, "--help"],
    "claimgraph claims --help": [sys.executable, "-c", CLAIMGRAPH, "claims", "--help"],
}


def once(argv: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        argv, capture_output=True, text=True, env={**os.environ, "COLUMNS": "100"}
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{argv[-1]} failed:\n{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    runs = parser.parse_args().runs
    for argv in COMMANDS.values():
        once(argv)  # warm the file cache
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, argv in COMMANDS.items():
            times[name].append(once(argv))
    bare = statistics.median(times["bare typer --help"])
    print(f"load average {os.getloadavg()[0]:.2f}; {runs} runs each; median wall time")
    for name, values in times.items():
        median = statistics.median(values)
        spread = (max(values) - min(values)) / 2 / median
        print(f"  {name:28} {median * 1000:7.0f} ms  ±{spread:4.0%}  ratio {median / bare:4.2f}x")


if __name__ == "__main__":
    main()
