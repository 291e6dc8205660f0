"""Time `newsgraph ingest` of the Guardian corpus into a fresh database.

    .venv/bin/python benchmarks/ingest.py [--batch-size N] [--workers N] [--no-link] [--keep PATH]
    .venv/bin/python benchmarks/ingest.py --incremental [--sizes 10000 100000] [--new 100]

Runs the installed command in a subprocess (as a user would, model loading
included), then a second time over the same input (the re-ingest path: nothing
is extracted again). Prints wall time, articles/s, events, clusters and the
peak RSS of the largest process (``getrusage(RUSAGE_CHILDREN).ru_maxrss``; with workers,
each worker process holds its own model).

``--incremental`` measures what an ingest into a large store costs: for each ``--sizes`` it
generates a store of that many linked events (``actor_query.build``'s rows, with the actors
states of the countries the Guardian articles name most and dates over five years from 2017, so
new events land in existing blocks; every article a text of its own), links it in full, then
ingests ``--new`` Guardian articles through ``Store.ingest`` and links them. It prints the
ingest and link times per size, their ratios, and whether a full relink afterwards gives the
same clusters, conflicts and copies as the incremental one.
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


COUNTRIES = ("SYR", "USA", "TUR", "GBR", "RUS", "IRQ", "IRN", "FRA", "CAN", "DEU", "ISR", "SAU", "AUS", "AFG",
             "YEM", "EGY", "LBN", "QAT", "ARE", "UKR")


def generated_store(path: Path, n_events: int) -> float:
    """A store of ``n_events`` generated events between the countries above, linked in full;
    returns the seconds the full link took."""
    from datetime import date

    sys.path.insert(0, str(HERE))
    import actor_query
    from newsgraph.link import relink
    from newsgraph.store import connect, transaction
    from newsgraph.store.actor_stats import update_actor_stats

    actors = [  # states, their governments and militaries
        (i, f"{code}|{kind}", code, "state", code, sector, None, None)
        for i, (code, kind, sector) in enumerate(
            ((c, k, s) for c in COUNTRIES for k, s in (("state", None), ("gov", "GOV"), ("mil", "MIL"))), start=1)
    ]
    actor_query.build(path, n_events, len(actors), seed=1, actors=actors, day0=date(2017, 1, 1),
                      vocab=[f"w{i}" for i in range(5000)])
    conn = connect(path)
    with transaction(conn):
        update_actor_stats(conn)  # as ingest would have done batch by batch
    start = time.perf_counter()
    relink(conn, full=True)
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def _snapshot(conn: sqlite3.Connection) -> tuple[list[tuple[object, ...]], ...]:
    return tuple(sorted(conn.execute(sql).fetchall()) for sql in (
        "SELECT * FROM clusters", "SELECT * FROM conflicts", "SELECT id, cluster_id FROM events",
        "SELECT id, copy_of FROM articles"))


def incremental(args: argparse.Namespace) -> None:
    import json

    from newsgraph.config import Settings
    from newsgraph.link import relink
    from newsgraph.records import Article
    from newsgraph.store.store import Store

    lines = [json.loads(line) for line in args.corpus.open(encoding="utf-8") if line.strip()][: args.new]
    new = [Article(id=f"new-{d['id']}", text=d["text"], published=d.get("published"), source=d.get("source"))
           for d in lines]  # fmt: skip
    settings = Settings.from_env(batch_size=args.batch_size, workers=1)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "warm.db") as store:  # the model loads outside the clocks
            store.ingest(new[:1], settings=settings)
        for size in args.sizes:
            db = Path(tmp) / f"store{size}.db"
            full_link = generated_store(db, size)
            with Store(db) as store:
                start = time.perf_counter()
                counts = store.ingest(new, settings=settings, link=False)
                extract = time.perf_counter() - start
                start = time.perf_counter()
                summary = relink(store.conn)
                link = time.perf_counter() - start
                after = _snapshot(store.conn)
                relink(store.conn, full=True)
                same = _snapshot(store.conn) == after
            rows.append((size, full_link, extract, link, counts.events, summary.clusters, same))
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores; "
          f"{len(new)} new Guardian articles into generated stores")
    print(f"{'store events':>12}{'full link s':>12}{'ingest s':>10}{'link s':>9}{'new events':>11}"
          f"{'clusters':>10}  incremental = full")
    for size, full_link, extract, link, events, clusters, same in rows:
        print(f"{size:>12,}{full_link:>12.2f}{extract:>10.2f}{link:>9.3f}{events:>11}{clusters:>10,}  {same}")
    (small, *_), (large, *_) = rows[0], rows[-1]
    first, last = rows[0], rows[-1]
    print(f"{large:,} vs {small:,} events: ingest and link {(last[2] + last[3]) / (first[2] + first[3]):.2f}x, "
          f"link alone {last[3] / first[3]:.2f}x, full link {last[1] / first[1]:.2f}x")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--incremental", action="store_true", help="ingest --new articles into generated stores")
    p.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="events in each store")
    p.add_argument("--new", type=int, default=100, help="new articles (--incremental)")
    p.add_argument("--corpus", type=Path, default=CORPUS)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--workers", type=int, default=1, help="extraction processes")
    p.add_argument("--no-link", action="store_true", help="skip the cross-article linker")
    p.add_argument("--keep", type=Path, help="copy the database here afterwards")
    args = p.parse_args()
    if args.incremental:
        incremental(args)
        return

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
