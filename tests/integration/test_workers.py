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


def test_auto_workers_start_processes_only_for_long_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph import api, config

    assert Settings.from_env().workers == 0  # auto by default
    monkeypatch.setenv("NEWSGRAPH_WORKERS", "auto")
    assert Settings.from_env().workers == 0
    monkeypatch.setattr(api, "auto_workers", lambda: 3)
    short = [Article(id=str(i), text="Peru sold rice to Chile.") for i in range(5)]
    stream, chosen = api._with_workers(iter(short), Settings())
    assert chosen.workers == 1 and [a.id for a in stream] == [a.id for a in short]
    long = (Article(id=str(i), text="Peru sold rice to Chile.") for i in range(config.AUTO_MIN_ARTICLES + 7))
    stream, chosen = api._with_workers(long, Settings())
    assert chosen.workers == 3 and len(list(stream)) == config.AUTO_MIN_ARTICLES + 7  # nothing lost
    _, kept = api._with_workers(iter(short), Settings(workers=2))
    assert kept.workers == 2  # an explicit number is kept
    assert 1 <= config.auto_workers() <= config.AUTO_MAX_WORKERS
