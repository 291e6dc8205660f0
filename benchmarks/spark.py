"""Extraction on Spark against --workers, side by side in one run (issue 12).

    .venv/bin/python benchmarks/spark.py [--limit N] [--cores 2]

Input: the Guardian articles (../shared/corpora/guardian/articles.jsonl; the first N with
--limit). Variants, each a whole command in its own process, timed from start to end (so Spark's
start-up and every process's model loading are in): `newsgraph extract --format records` with
`--workers 1` and `--workers C`, and `newsgraph spark` with `local[1]` and `local[C]` (C
partitions). Prints the seconds, the events each produced, and the ratios: the scaling of each
engine from 1 to C cores, and Spark against the workers at C; and the start-up of each engine
(one article through `extract` and through `spark`: the difference is Spark's own). Needs the `spark` extra and Java.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared/corpora/guardian/articles.jsonl"


def timed(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    return time.perf_counter() - start, done


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--limit", type=int, default=None, help="only the first N articles")
    p.add_argument("--cores", type=int, default=2)
    args = p.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ng-spark-bench-"))
    try:
        lines = CORPUS.read_text(encoding="utf-8").splitlines()
        lines = lines[: args.limit] if args.limit else lines
        source = work / "articles.jsonl"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        ng = [sys.executable, "-m", "newsgraph"]
        results: dict[str, tuple[float, int]] = {}
        for workers in (1, args.cores):
            seconds, done = timed([*ng, "extract", str(source), "--format", "records", "--workers", str(workers)])
            events = sum(len(json.loads(line)["events"]) for line in done.stdout.splitlines() if line.startswith("{"))
            results[f"--workers {workers}"] = (seconds, events)
        for cores in (1, args.cores):
            out = work / f"out{cores}"
            seconds, done = timed([*ng, "spark", str(source), "--out", str(out), "--master", f"local[{cores}]",
                                   "--partitions", str(cores)])
            import pyarrow.compute as pc
            import pyarrow.parquet as pq

            table = pq.read_table(str(out), columns=["events"])
            events = int(pc.sum(pc.list_value_length(table["events"])).as_py() or 0)
            results[f"spark local[{cores}]"] = (seconds, events)
        one = work / "one.jsonl"  # start-up: one article through each engine
        one.write_text(lines[0] + "\n", encoding="utf-8")
        startup_extract, _ = timed([*ng, "extract", str(one), "--format", "records", "--workers", "1"])
        startup_spark, _ = timed([*ng, "spark", str(one), "--out", str(work / "one-out"), "--master", "local[1]"])
        print(f"{len(lines)} Guardian articles; {args.cores} cores")
        print(f"{'variant':<20}{'seconds':>9}{'events':>8}")
        for name, (seconds, events) in results.items():
            print(f"{name:<20}{seconds:>9.1f}{events:>8}")
        c = args.cores
        w1, wc = results["--workers 1"][0], results[f"--workers {c}"][0]
        s1, sc = results["spark local[1]"][0], results[f"spark local[{c}]"][0]
        print(f"--workers {c} / --workers 1: {w1 / wc:.2f}x")
        print(f"spark local[{c}] / local[1]: {s1 / sc:.2f}x")
        print(f"spark local[{c}] / --workers {c}: {wc / sc:.2f}x")
        print(f"start-up (one article): extract {startup_extract:.1f} s, spark local[1] {startup_spark:.1f} s "
              f"(Spark's own: {startup_spark - startup_extract:.1f} s)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
