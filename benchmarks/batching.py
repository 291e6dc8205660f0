"""Length-ordered, character-capped batches vs plain batches of newsgraph extraction, side by side.

    .venv/bin/python benchmarks/batching.py [--limit N] [--rounds R]

Both variants run ``iter_extract`` in one process (workers 1, batch size 32) on the texts of
``throughput.py`` (the first N synthetic stories and the 249 Guardian articles), each in its own
subprocess, alternating for R rounds; the best round of each is printed. "plain" sets the window
to one batch and lifts the character cap, which is the batching of before: ``batch_size``
documents in input order. "ordered" is the default. Prints seconds, peak RSS, the event count (the
same in both, or the script exits 1) and the ratio.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from throughput import load_texts  # noqa: E402


def worker(variant: str, limit: int | None) -> None:
    import newsgraph.api as api
    from newsgraph.config import Settings
    from newsgraph.records import Article

    if variant == "plain":
        api.SORT_WINDOW_BATCHES, api.BATCH_CHARS = 1, 10**12
    settings = Settings.from_env(batch_size=32, workers=1)
    list(api.iter_extract([Article(id="warm", text="warm up")], settings=settings))
    articles = [Article(id=str(i), text=t) for i, t in enumerate(load_texts(limit))]
    start = time.perf_counter()
    ids = [e.id for _a, evs in api.iter_extract(articles, settings=settings) for e in evs]
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"variant": variant, "seconds": seconds, "peak_mb": peak_mb, "events": len(ids),
                      "ids": hashlib.sha256("\n".join(ids).encode()).hexdigest()}))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--limit", type=int, default=300, help="use only the first N synthetic stories")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--worker", choices=["plain", "ordered"], help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        worker(args.worker, args.limit)
        return
    best: dict[str, dict[str, float]] = {}
    for _ in range(args.rounds):
        for variant in ("plain", "ordered"):
            cmd = [sys.executable, __file__, "--worker", variant, "--limit", str(args.limit)]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            if variant not in best or r["seconds"] < best[variant]["seconds"]:
                best[variant] = r
    texts = load_texts(args.limit)
    print(f"{len(texts)} articles, {sum(len(t.split()) for t in texts)} words; best of {args.rounds} round(s)")
    print(f"{'variant':<10}{'seconds':>9}{'peak MB':>9}{'events':>8}")
    for variant, r in best.items():
        print(f"{variant:<10}{r['seconds']:>9.1f}{r['peak_mb']:>9.0f}{int(r['events']):>8}")
    same = best["plain"]["ids"] == best["ordered"]["ids"]
    print(f"ordered / plain throughput: {best['plain']['seconds'] / best['ordered']['seconds']:.2f}x; "
          f"peak memory {best['ordered']['peak_mb'] / best['plain']['peak_mb']:.2f}x; events identical: {same}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
