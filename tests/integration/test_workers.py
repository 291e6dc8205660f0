"""Extraction in worker processes gives the same events, in the same order, as one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.api import iter_extract
from newsgraph.config import Settings
from newsgraph.records import Article

CORPUS = Path(__file__).parents[2] / "../shared/corpora/guardian/articles.jsonl"


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpora is not beside the repository")
def test_two_workers_give_what_one_process_gives() -> None:
    with CORPUS.open(encoding="utf-8") as corpus:
        rows = [json.loads(line) for _, line in zip(range(8), corpus, strict=False)]
    articles = [Article(id=r["id"], text=r["text"]) for r in rows]
    broken = Article(id="broken", text="\x00" * 10)  # any article: the run must keep the order either way
    one = [(a.id, [e.to_dict() for e in evs]) for a, evs in iter_extract(
        [*articles, broken], settings=Settings(batch_size=2, workers=1), on_error=lambda r: None)]
    two = [(a.id, [e.to_dict() for e in evs]) for a, evs in iter_extract(
        [*articles, broken], settings=Settings(batch_size=2, workers=2), on_error=lambda r: None)]
    assert [i for i, _ in two] == [i for i, _ in one]
    assert two == one
    assert sum(len(evs) for _, evs in one) > 0


def test_workers_setting_is_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.errors import ConfigError

    monkeypatch.setenv("NEWSGRAPH_WORKERS", "0")
    with pytest.raises(ConfigError):
        Settings.from_env()
    monkeypatch.setenv("NEWSGRAPH_WORKERS", "3")
    assert Settings.from_env().workers == 3
