"""`newsgraph spark` on a local Spark (local[2]), 50 Guardian articles and a corrupt one: the same
records as in-process extraction, Parquet shards that `newsgraph ingest` stores as a direct
ingest would, and the corrupt article as a rejection row naming it. Needs the `spark` extra and
Java (CI has both: `make test` installs it)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pyspark") is None or shutil.which("java") is None,
    reason="needs the spark extra (pip install 'newsgraph[spark]') and Java 17",
)

CORPUS = Path(__file__).parents[2] / "../shared/corpora/guardian/articles.jsonl"
N_ARTICLES = 50
CORRUPT = {"id": "corrupt", "published": "2024-05-08", "text": "   "}  # no text


def _articles() -> list[dict[str, object]]:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is not here")
    with CORPUS.open(encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(N_ARTICLES), f, strict=False)]
    return [{k: r.get(k) for k in ("id", "text", "published", "title")} for r in rows] + [CORRUPT]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True, timeout=300)


def _events(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id, record FROM events ORDER BY id").fetchall()
    finally:
        conn.close()


def test_spark_extraction_comes_home_as_a_direct_ingest(tmp_path: Path) -> None:
    articles_in = _articles()
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in articles_in), encoding="utf-8")
    out = tmp_path / "out"
    done = _run("spark", str(source), "--out", str(out), "--master", "local[2]", "--partitions", "2",
                "--batch-size", "1")
    assert done.returncode == 1, done.stderr  # one input rejected
    assert f"{N_ARTICLES} articles" in done.stderr and "1 input rejected" in done.stderr

    import pyarrow.parquet as pq

    rows = pq.read_table(str(out)).to_pylist()
    rejected = [r for r in rows if r["rejection"] is not None]
    assert [r["article_id"] for r in rejected] == ["corrupt"] and "empty" in rejected[0]["rejection"]["reason"]

    # the same records as extracting in this process
    from newsgraph.api import iter_extracted
    from newsgraph.config import Settings
    from newsgraph.records import Article, Event

    articles = [Article.from_dict(a) for a in articles_in[:-1]]
    local = {a.id: [e.to_dict() for e in events]
             for a, events, _ in iter_extracted(articles, settings=Settings(workers=1, batch_size=1))}
    spark_events = {r["article_id"]: [Event.from_dict(e).to_dict() for e in r["events"]]
                    for r in rows if r["rejection"] is None}
    assert spark_events == local and any(local.values())

    home, direct = tmp_path / "home.db", tmp_path / "direct.db"
    assert _run("ingest", str(out), "--db", str(home)).returncode == 1  # Parquet shards: no NLP; the rejection recorded
    assert _run("ingest", str(source), "--db", str(direct), "--batch-size", "1").returncode == 1
    assert _events(home) and _events(home) == _events(direct)

    again = _run("spark", str(source), "--out", str(out), "--master", "local[2]", "--batch-size", "1")
    assert again.returncode == 1 and len(pq.read_table(str(out)).to_pylist()) == len(rows)  # replaced, not added


def test_an_input_spark_cannot_read_ends_the_job_with_its_reason(tmp_path: Path) -> None:
    notes = tmp_path / "notes.jsonl"
    notes.write_text(json.dumps({"title": "no id, no text"}) + "\n", encoding="utf-8")
    done = _run("spark", str(notes), "--out", str(tmp_path / "out"), "--master", "local[1]")
    assert done.returncode == 2 and "no column 'id'" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()
