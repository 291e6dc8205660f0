"""Throughput of newsgraph extraction vs bare ``nlp.pipe`` of the same model, on the same texts.

    .venv/bin/python benchmarks/throughput.py [--limit N] [--batch-size B] [--rounds R] [--workers W]

Texts: the synthetic stories (../shared/data/ngec-synthetic/stories.csv) and the Guardian
articles (../shared/corpora/guardian/articles.jsonl). Each variant runs in its own
subprocess (so peak memory is its own), the variants alternate for R rounds, and the best
round of each is reported. Each one-process variant is warmed up first (bare: ``nlp("warm up")``;
newsgraph: one tiny article through ``iter_extract``, which loads the model and its tables), so
the clock measures throughput, not loading. Prints articles/s, words/s, peak RSS and the ratio. With
``--workers W`` (> 1) a third variant runs newsgraph in W worker processes (its time includes
starting them and loading the model in each; its peak is the largest process's).
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def load_texts(limit: int | None) -> list[str]:
    """The synthetic stories (the first ``limit`` of them, if given) and every Guardian article."""
    with open(SHARED / "data/ngec-synthetic/stories.csv", encoding="utf-8", newline="") as f:
        stories = [row["text"] for row in csv.DictReader(f) if row["text"].strip()]
    with open(SHARED / "corpora/guardian/articles.jsonl", encoding="utf-8") as f:
        guardian = [json.loads(line)["text"] for line in f if line.strip()]
    return (stories[:limit] if limit else stories) + guardian


def worker(variant: str, limit: int | None, batch_size: int, workers: int = 1) -> None:
    texts = load_texts(limit)
    words = sum(len(t.split()) for t in texts)
    if variant == "bare":
        from newsgraph.nlp.pipeline import load_model

        nlp = load_model("en_core_web_sm")
        nlp("warm up")
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=batch_size):
            pass
        events = 0
    else:
        from newsgraph.api import iter_extract
        from newsgraph.config import Settings
        from newsgraph.records import Article

        settings = Settings.from_env(batch_size=batch_size, workers=workers)
        if workers == 1:  # as nlp("warm up") for bare spaCy: the model and tables load before the clock starts
            list(iter_extract([Article(id="warm", text="warm up")], settings=settings))
        articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
        start = time.perf_counter()
        events = sum(len(evs) for _a, evs in iter_extract(articles, settings=settings))
    seconds = time.perf_counter() - start
    peak_mb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    print(json.dumps({"variant": variant, "articles": len(texts), "words": words, "seconds": seconds,
                      "peak_mb": peak_mb, "events": events}))


def run_variant(variant: str, args: argparse.Namespace) -> dict[str, float]:
    workers = int(variant.split("x")[-1]) if variant.startswith("newsgraph x") else 1
    kind = "newsgraph" if variant.startswith("newsgraph") else "bare"
    cmd = [sys.executable, __file__, "--worker", kind, "--batch-size", str(args.batch_size), "--workers", str(workers)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--limit", type=int, default=None, help="use only the first N synthetic stories")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--rounds", type=int, default=1)
    p.add_argument("--workers", type=int, default=1, help="also run newsgraph in this many processes")
    p.add_argument("--worker", choices=["bare", "newsgraph"], help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        worker(args.worker, args.limit, args.batch_size, args.workers)
        return
    variants = ["bare", "newsgraph"] + ([f"newsgraph x{args.workers}"] if args.workers > 1 else [])
    best: dict[str, dict[str, float]] = {}
    for _ in range(args.rounds):
        for variant in variants:
            r = run_variant(variant, args)
            if variant not in best or r["seconds"] < best[variant]["seconds"]:
                best[variant] = r
    print(f"machine: {platform.machine()}, {platform.processor() or '?'}; python {platform.python_version()};"
          f" batch size {args.batch_size}; best of {args.rounds} round(s)")
    print(f"{'variant':<14}{'articles':>9}{'words':>10}{'seconds':>9}{'art/s':>8}{'words/s':>9}{'peak MB':>9}"
          f"{'events':>8}")
    for variant, r in best.items():
        print(f"{variant:<14}{int(r['articles']):>9}{int(r['words']):>10}{r['seconds']:>9.1f}"
              f"{r['articles'] / r['seconds']:>8.1f}{r['words'] / r['seconds']:>9.0f}{r['peak_mb']:>9.0f}"
              f"{int(r['events']):>8}")
    ratio = best["bare"]["seconds"] / best["newsgraph"]["seconds"]
    print(f"newsgraph / bare spaCy throughput: {ratio:.2f}x")
    if args.workers > 1:
        parallel = best["bare"]["seconds"] / best[f"newsgraph x{args.workers}"]["seconds"]
        print(f"newsgraph x{args.workers} / bare spaCy (one process) throughput: {parallel:.2f}x")


if __name__ == "__main__":
    main()
