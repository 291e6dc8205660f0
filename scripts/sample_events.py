#!/usr/bin/env python3
"""Draw a random sample of extracted events to read by hand, as a PLOVER coder would.

    newsgraph extract ARTICLES.jsonl --format jsonl > events.jsonl
    python scripts/sample_events.py ARTICLES.jsonl events.jsonl [--seed S] [-n N]

Prints each event's type and mode, trigger, sides with their countries, items, status and
confidence, then the sentence it was read from (its evidence). The same seed draws the same events
from the same output, so a reading can be repeated after a change.
"""

from __future__ import annotations

import argparse
import json
import random
import sys


def _sides(event: dict, side: str) -> list[tuple[str, str | None]]:
    return [(a.get("text", ""), a.get("country")) for a in event.get(side) or []]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("articles", help="the JSON Lines articles the events were extracted from")
    ap.add_argument("events", help="`newsgraph extract --format jsonl` output")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-n", type=int, default=30, help="how many events (default 30)")
    args = ap.parse_args(argv)
    with open(args.articles, encoding="utf-8") as f:
        texts = {a["id"]: a["text"] for a in map(json.loads, filter(str.strip, f))}
    with open(args.events, encoding="utf-8") as f:
        events = [json.loads(line) for line in f if line.strip()]
    if not events:
        print(f"{args.events}: no events", file=sys.stderr)
        return 1
    for event in random.Random(args.seed).sample(events, min(args.n, len(events))):
        evidence = event["evidence"]
        text = texts.get(event["article_id"], "")[evidence["start"]:evidence["end"]]
        print(f"[{event['type']}/{event.get('mode')}] trigger={evidence['trigger']['text']!r} "
              f"{_sides(event, 'source')} -> {_sides(event, 'target')} "
              f"items={[i['text'] for i in event.get('items') or []]} status={event['status']} "
              f"confidence={event['confidence']}")
        print("    " + " ".join(text.split())[:300])
    return 0


if __name__ == "__main__":
    sys.exit(main())
