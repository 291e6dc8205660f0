"""Every record keeps the contract (../shared/contract/events.md): fields, values, offsets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsgraph.api import iter_extract
from newsgraph.config import Settings
from newsgraph.records import EVENT_TYPES, STATUSES, Article

CORPUS = Path(__file__).parents[2] / "../shared/corpora/guardian/articles.jsonl"
FIELDS = ("schema_version", "id", "article_id", "type", "mode", "context", "cameo", "source", "target",
          "symmetric", "items", "status", "attribution", "time", "location", "evidence", "confidence")
ACTOR_KINDS = {"person", "state", "organization", "group", "anonymous"}
CLAIM_KINDS = {"person", "organization", "government", "document", "media", "anonymous"}
BASES = {"statement", "intelligence", "document", "media", "unknown"}
CATEGORIES = {"aircraft", "drones", "air-defence", "armoured-vehicles", "artillery", "ammunition", "missiles",
              "ships", "submarines", "small-arms", "sensors", "engines", "weapons", "technology", "dual-use",
              "space", "nuclear", "components", "production", "food", "humanitarian", "financial", "energy",
              "personnel", "other"}


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpora is not beside the repository")
def test_records_on_real_news_keep_the_contract() -> None:
    with CORPUS.open(encoding="utf-8") as corpus:
        rows = [json.loads(line) for _, line in zip(range(25), corpus, strict=False)]
    articles = [Article(id=r["id"], text=r["text"], published=date.fromisoformat(r["published"])) for r in rows]
    texts = {a.id: a.text for a in articles}
    seen = 0
    for article, events in iter_extract(articles, settings=Settings(batch_size=8)):
        ids = [e.id for e in events]
        assert len(ids) == len(set(ids)), "event ids are unique within an article"
        for event in events:
            record = json.loads(json.dumps(event.to_dict()))  # JSON-serialisable
            seen += 1
            text = texts[article.id]
            assert all(f in record for f in FIELDS)
            assert record["type"] in EVENT_TYPES and record["status"] in STATUSES
            ev = record["evidence"]
            assert text[ev["start"] : ev["end"]] == ev["text"]
            trig = ev["trigger"]
            assert text[trig["start"] : trig["end"]] == trig["text"]
            assert ev["start"] <= trig["start"] < trig["end"] <= ev["end"]
            for actor in record["source"] + record["target"]:
                assert actor["kind"] in ACTOR_KINDS
                assert text[actor["start"] : actor["end"]] == actor["text"]
                assert actor["country"] is None or len(actor["country"]) == 3
            for claim in record["attribution"]:
                assert claim["kind"] in CLAIM_KINDS and claim["basis"] in BASES
                assert isinstance(claim["named"], bool)
            for item in record["items"]:
                assert item["category"] in CATEGORIES
            if record["time"] is not None:
                assert record["time"]["anchor"] in ("published", "absolute", "unknown")
            if record["exchange_with"] is not None:
                assert record["exchange_with"] in ids
            assert 0.0 <= record["confidence"] <= 1.0
    assert seen > 20
