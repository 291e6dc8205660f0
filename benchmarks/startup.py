"""Time whole `newsgraph` processes that should start fast: `--help` and a store query.

    .venv/bin/python benchmarks/startup.py [--events 1000] [--runs 5]

Builds a temporary store of ``--events`` synthetic events with ``benchmarks/actor_query.py``'s
generator, then runs ``newsgraph --help`` and ``newsgraph events --db STORE --format jsonl`` as
subprocesses (the command-line entry point, as a user types it) and prints the median wall time
of ``--runs`` runs of each, after one warm-up run (the operating system's file cache warm).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from actor_query import build  # noqa: E402


def median_seconds(cmd: list[str], runs: int) -> float:
    subprocess.run(cmd, check=True, capture_output=True)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--events", type=int, default=1000)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    exe = [sys.executable, "-m", "newsgraph"]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "startup.db"
        build(db, args.events, max(10, args.events // 50), 7)
        rows = [
            ("newsgraph --help", median_seconds([*exe, "--help"], args.runs)),
            (f"newsgraph events --db ({args.events} events)",
             median_seconds([*exe, "events", "--db", str(db), "--format", "jsonl"], args.runs)),
        ]
    print(f"python {sys.version.split()[0]}; median of {args.runs} runs after a warm-up")
    for name, seconds in rows:
        print(f"{name:45} {seconds:6.2f} s")


if __name__ == "__main__":
    main()
