"""How clustering cost grows with the mentions of the same events: the synthetic news world
(``tests/fixtures/linking/synthetic.py``) with every mention repeated 1, 2, 4, 8 and 16 times
(each repeat a new article of another outlet, same dates and statuses: more coverage of the
same events, as when a big story breaks), clustered and summarised (sources, conflicts) as
``relink`` does.

    .venv/bin/python benchmarks/link_doubling.py [--seed 7] [--events 400] [--factors 1 2 4 8 16] [--rounds 3]

Prints the best time of each size and the ratio per doubling (linear growth: 2.0).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from fixtures.linking.synthetic import OUTLETS, world  # noqa: E402
from newsgraph.link.clusters import Mention, link_mentions  # noqa: E402
from newsgraph.link.relink import summarize_cluster  # noqa: E402


def repeated(mentions: list[Mention], factor: int) -> tuple[list[Mention], dict[str, str]]:
    """Each mention ``factor`` times, the copies in articles of their own; and article → outlet."""
    out: list[Mention] = []
    outlets: dict[str, str] = {}
    for n in range(factor):
        for m in mentions:
            article = f"{m.article_id}~{n}"
            outlets[article] = OUTLETS[(zlib.crc32(m.article_id.encode()) + n) % len(OUTLETS)] + (f"/{n}" if n else "")
            out.append(dataclasses.replace(m, id=f"{m.id}~{n}", article_id=article))
    return out, outlets


def run(mentions: list[Mention], outlets: dict[str, str]) -> int:
    clusters, repeats = link_mentions(mentions)
    for cluster in clusters:
        summarize_cluster(cluster, outlets=outlets, copy_root={}, repeats=repeats)
    return len(clusters)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--events", type=int, default=400)
    p.add_argument("--factors", type=int, nargs="+", default=[1, 2, 4, 8, 16])
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args()
    base, _truth = world(args.seed, args.events)
    print(f"{'factor':>6}{'mentions':>10}{'clusters':>10}{'seconds':>10}{'per doubling':>14}")
    previous = None
    for factor in args.factors:
        mentions, outlets = repeated(base, factor)
        best, clusters = float("inf"), 0
        for _ in range(args.rounds):
            start = time.perf_counter()
            clusters = run(mentions, outlets)
            best = min(best, time.perf_counter() - start)
        ratio = f"{best / previous:.2f}x" if previous else ""
        print(f"{factor:>6}{len(mentions):>10}{clusters:>10}{best:>10.3f}{ratio:>14}")
        previous = best


if __name__ == "__main__":
    main()
