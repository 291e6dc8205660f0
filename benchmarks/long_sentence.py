"""Is extraction time linear in sentence length? One sentence of N coordinated clauses, each
holding an event, through ``newsgraph.extract`` and through bare ``nlp`` of the same model.

    .venv/bin/python benchmarks/long_sentence.py [--clauses 50 100 200 400 800] [--rounds 2]

For each N: seconds for newsgraph and for bare spaCy (best of the rounds, measured side by side
in this one process after a warm-up), milliseconds per clause, and newsgraph's own share. The
last line is the ratio of newsgraph's per-clause time at the largest N to that at the smallest
(1.0 = linear; issue 15 asks for at most 2).
"""

from __future__ import annotations

import argparse
import time

CLAUSE = "Chile sent {n} trucks of grain to Peru on day {n}"


def sentence(clauses: int) -> str:
    return ", and ".join(CLAUSE.format(n=i) for i in range(clauses)) + ", officials in Lima said."


def best(fn, text: str, rounds: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clauses", type=int, nargs="+", default=[50, 100, 200, 400, 800])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    from newsgraph import extract
    from newsgraph.nlp.pipeline import load_model

    extract("Chile sent grain to Peru.")  # loads the model and the tables
    bare = load_model("en_core_web_sm")
    bare("warm up")
    per_clause = {}
    print(f"{'clauses':>8} {'newsgraph s':>12} {'bare s':>8} {'ms/clause':>10} {'events':>7}")
    for n in args.clauses:
        text = sentence(n)
        ours = best(extract, text, args.rounds)
        spacy_only = best(bare, text, args.rounds)
        events = len(extract(text))
        per_clause[n] = ours / n
        print(f"{n:>8} {ours:>12.2f} {spacy_only:>8.2f} {1000 * ours / n:>10.2f} {events:>7}")
    small, large = min(per_clause), max(per_clause)
    print(f"per-clause time at {large} vs {small} clauses: {per_clause[large] / per_clause[small]:.2f}x")


if __name__ == "__main__":
    main()
