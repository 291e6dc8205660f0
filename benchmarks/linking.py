"""Draw random multi-article event clusters from a store, in a form a person can judge.

    .venv/bin/newsgraph ingest ../shared/corpora/guardian/articles.jsonl --db guardian.db
    .venv/bin/python benchmarks/linking.py guardian.db [--n 30] [--seed 1] > sample.md

For each drawn cluster (clusters whose mentions come from 2+ articles; fixed seed): its label,
counts and flags, then every mention with its article, publication date, status, event time and
the sentence it rests on. A reader marks each cluster one real-world event (yes / partial / no)
and each mention that does not belong; BENCHMARKS.md records such reads (issue 14: mention-level
purity and the share of flagged conflicts that are real).
"""

from __future__ import annotations

import argparse
import random
import sqlite3


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("db")
    p.add_argument("--n", type=int, default=30)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    clusters = conn.execute(
        "SELECT c.id, c.label, c.n_mentions, c.n_articles, c.n_sources, c.conflicting FROM clusters c "
        "WHERE c.n_articles >= 2 ORDER BY c.id"
    ).fetchall()
    drawn = random.Random(args.seed).sample(clusters, min(args.n, len(clusters)))
    print(f"# {len(drawn)} of {len(clusters)} clusters spanning 2+ articles (seed {args.seed})\n")
    for k, (cluster_id, label, n_mentions, n_articles, n_sources, conflicting) in enumerate(drawn, 1):
        flag = ", conflicting" if conflicting else ""
        print(f"## {k}. {label} ({n_mentions} mentions, {n_articles} articles, {n_sources} sources{flag})\n")
        rows = conn.execute(
            "SELECT e.article_id, a.published, e.status, e.time_text, e.trigger_text, "
            "substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) "
            "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ? "
            "ORDER BY a.published, e.article_id, e.evidence_start",
            (cluster_id,),
        ).fetchall()
        for article, published, status, time_text, trigger, sentence in rows:
            when = f", time '{time_text}'" if time_text else ""
            text = " ".join((sentence or "").split())
            print(f"- {article} {published} [{status}{when}] *{trigger}*: {text[:300]}")
        print()


if __name__ == "__main__":
    main()
