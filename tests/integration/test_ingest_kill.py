"""A `newsgraph ingest` killed with SIGKILL mid-run, then rerun, gives the database of an uninterrupted run."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).parents[2] / "../shared/corpora/guardian/articles.jsonl"
N_ARTICLES = 40
KILL_AFTER = 6  # articles committed before the kill
TABLES = ("articles", "events", "actors", "event_actors", "items", "claims", "clusters", "conflicts", "_rejections")


def ingest_command(source: Path, db: Path) -> list[str]:
    # One article per batch: the parser's floating-point results may differ in the last bits with the
    # make-up of a batch, and the rerun's batches start elsewhere than the uninterrupted run's.
    return [sys.executable, "-m", "newsgraph", "ingest", str(source), "--db", str(db), "--batch-size", "1"]


def stored_articles(db: Path) -> int:
    """Articles committed so far (0 while the file or its schema does not exist yet)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def snapshot(db: Path) -> dict[str, Any]:
    conn = sqlite3.connect(db)
    try:
        return {
            "integrity": conn.execute("PRAGMA integrity_check").fetchall(),
            "counts": {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES},
            "articles": set(conn.execute("SELECT id, content_hash, copy_of FROM articles")),
            "event_ids": {row[0] for row in conn.execute("SELECT id FROM events")},
            "events": set(conn.execute("SELECT id, article_id, record FROM events")),
            "event_clusters": set(conn.execute("SELECT id, cluster_id FROM events")),
            "actors": set(conn.execute("SELECT id, key FROM actors")),
            "event_actors": set(conn.execute("SELECT event_id, actor_id, role, position FROM event_actors")),
            "fts": conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0],
        }
    finally:
        conn.close()


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpora is not beside the repository")
def test_rerun_after_sigkill_completes_without_loss_or_duplicates(tmp_path: Path) -> None:
    source = tmp_path / "guardian40.jsonl"
    with CORPUS.open(encoding="utf-8") as corpus:
        source.write_text("".join(line for _, line in zip(range(N_ARTICLES), corpus, strict=False)), encoding="utf-8")
    full, killed = tmp_path / "full.db", tmp_path / "killed.db"

    uninterrupted = subprocess.Popen(ingest_command(source, full), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    victim = subprocess.Popen(ingest_command(source, killed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while stored_articles(killed) < KILL_AFTER and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    victim.send_signal(signal.SIGKILL)
    assert victim.wait(timeout=10) == -signal.SIGKILL, "the ingest ended before it could be killed"
    at_kill = stored_articles(killed)
    assert KILL_AFTER <= at_kill < N_ARTICLES

    rerun = subprocess.run(ingest_command(source, killed), capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N_ARTICLES - at_kill} new articles, {at_kill} already stored" in rerun.stderr
    _, errors = uninterrupted.communicate(timeout=120)
    assert uninterrupted.returncode == 0, errors

    expected, got = snapshot(full), snapshot(killed)
    assert got["integrity"] == [("ok",)]
    assert got["counts"]["articles"] == N_ARTICLES == got["fts"]
    assert got["counts"] == expected["counts"]
    for part in ("event_ids", "events", "event_clusters", "articles", "actors", "event_actors"):
        assert got[part] == expected[part], part
