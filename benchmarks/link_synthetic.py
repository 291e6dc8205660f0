"""Score the linker on the synthetic news world (``tests/fixtures/linking/synthetic.py``):
invented events reported by invented outlets on different days, with announcements, follow-ups,
denials and a dyad's repeated acts; the clusters it should give are known.

    .venv/bin/python benchmarks/link_synthetic.py [--seeds 1 2 3 7 11 12] [--events 160]

Prints, per seed, the mentions, true events, clusters found and B-cubed precision and recall,
then their means (issue 14 asks for precision >= 0.95 and recall >= 0.85).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fixtures.linking.synthetic import b_cubed, world  # noqa: E402
from newsgraph.link.clusters import cluster_mentions  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 7, 11, 12])
    p.add_argument("--events", type=int, default=160)
    args = p.parse_args()
    scores = []
    print(f"{'seed':>4} {'mentions':>8} {'events':>6} {'clusters':>8} {'P':>6} {'R':>6}")
    for seed in args.seeds:
        mentions, truth = world(seed, args.events)
        clusters = cluster_mentions(mentions)
        precision, recall = b_cubed(clusters, truth)
        scores.append((precision, recall))
        print(f"{seed:>4} {len(mentions):>8} {len(set(truth.values())):>6} {len(clusters):>8} "
              f"{precision:>6.3f} {recall:>6.3f}")
    print(f"mean B-cubed precision {statistics.mean(s[0] for s in scores):.3f}, "
          f"recall {statistics.mean(s[1] for s in scores):.3f}")


if __name__ == "__main__":
    main()
