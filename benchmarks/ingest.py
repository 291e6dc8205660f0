"""Time `newsgraph ingest` of the Guardian corpus into a fresh database.

    .venv/bin/python benchmarks/ingest.py [--batch-size N] [--workers N] [--no-link] [--keep PATH]

Runs the installed command in a subprocess (as a user would, model loading
included), then a second time over the same input (the re-ingest path: nothing
is extracted again). Prints wall time, articles/s, events, clusters and the
peak RSS of the largest process (``getrusage(RUSAGE_CHILDREN).ru_maxrss``; with workers,
each worker process holds its own model).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpora" / "guardian" / "articles.jsonl"


def run(command: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: some input was rejected, which is still a finished run
        sys.exit(f"ingest failed ({done.returncode}):\n{done.stderr}")
    return seconds, done.stderr.strip().splitlines()[-1]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", type=Path, default=CORPUS)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--workers", type=int, default=1, help="extraction processes")
    p.add_argument("--no-link", action="store_true", help="skip the cross-article linker")
    p.add_argument("--keep", type=Path, help="copy the database here afterwards")
    args = p.parse_args()

    articles = sum(1 for line in args.corpus.open(encoding="utf-8") if line.strip())
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        command = [sys.executable, "-m", "newsgraph", "ingest", str(args.corpus), "--db", str(db),
                   "--batch-size", str(args.batch_size), "--workers", str(args.workers)]  # fmt: skip
        command += ["--no-link"] if args.no_link else []
        seconds, summary = run(command)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        again, again_summary = run(command)
        conn = sqlite3.connect(db)
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "events", "actors", "clusters", "conflicts")}  # fmt: skip
        conn.close()
        size_mb = db.stat().st_size / 1e6
        if args.keep:
            shutil.copy(db, args.keep)

    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores")
    print(f"corpus: {args.corpus} ({articles} articles), batch size {args.batch_size}, workers {args.workers}, "
          f"linker {'off' if args.no_link else 'on (if installed)'}")  # fmt: skip
    print(f"ingest:    {seconds:7.1f} s  {articles / seconds:6.2f} articles/s  peak RSS {peak_mb:,.0f} MB")
    print(f"  {summary}")
    print(f"re-ingest: {again:7.1f} s  (nothing extracted again)")
    print(f"  {again_summary}")
    print("stored: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()) + f"; file {size_mb:.1f} MB")


if __name__ == "__main__":
    main()
