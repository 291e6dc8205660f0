"""Golden-file test on the seed article: the scorer's bars, and a snapshot of every event.

The snapshot (tests/golden/seed.events.jsonl) records type, status, actors, trigger and
attribution of each event, so any change in extraction shows up as a reviewable diff.
Refresh it after an intended change with:  NEWSGRAPH_UPDATE_GOLDEN=1 make test
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from typing import Any

import pytest

from newsgraph.api import iter_extract
from newsgraph.ingest import read_inputs
from newsgraph.records import Article

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1].parent / "shared"
SNAPSHOT = HERE / "seed.events.jsonl"

pytestmark = pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="../shared/seed not present")


def _summary(event: dict[str, Any]) -> dict[str, Any]:
    return {
        "trigger": event["evidence"]["trigger"]["text"],
        "at": event["evidence"]["trigger"]["start"],
        "type": event["type"],
        "status": event["status"],
        "source": sorted(a["country"] or a["name"] for a in event["source"]),
        "target": sorted(a["country"] or a["name"] for a in event["target"]),
        "symmetric": event["symmetric"],
        "items": [i["text"] for i in event["items"]],
        "attribution": [a["name"] for a in event["attribution"]],
        "time": event["time"] and [event["time"]["text"], event["time"]["start"], event["time"]["end"]],
        "location": event["location"] and event["location"]["name"],
        "exchange": bool(event["exchange_with"]),
    }


@pytest.fixture(scope="module")
def seed_events() -> list[dict[str, Any]]:
    articles = [a for a in read_inputs([str(SHARED / "seed" / "articles.jsonl")]) if isinstance(a, Article)]
    return [e.to_dict() for _a, evs in iter_extract(articles) for e in evs]


def test_seed_meets_the_scorer_bars(seed_events: list[dict[str, Any]], tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("score_events", SHARED / "tools" / "score_events.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    articles = scorer.load_jsonl(SHARED / "seed" / "articles.jsonl")
    gold = scorer.load_jsonl(SHARED / "seed" / "gold.jsonl")
    report = scorer.score(articles, gold, seed_events)
    assert report["bad_offsets"] == 0
    assert report["recall"] >= 0.75, report
    assert report["precision"] >= 0.75, report


def test_seed_matches_the_snapshot(seed_events: list[dict[str, Any]]) -> None:
    got = [_summary(e) for e in seed_events]
    if os.environ.get("NEWSGRAPH_UPDATE_GOLDEN") or not SNAPSHOT.exists():
        SNAPSHOT.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in got), encoding="utf-8")
    want = [json.loads(line) for line in SNAPSHOT.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert got == want


def test_event_ids_are_stable(seed_events: list[dict[str, Any]]) -> None:
    articles = [a for a in read_inputs([str(SHARED / "seed" / "articles.jsonl")]) if isinstance(a, Article)]
    again = [e.id for _a, evs in iter_extract(articles) for e in evs]
    assert again == [e["id"] for e in seed_events]
    assert len(set(again)) == len(again)
