"""Records extracted elsewhere come home: `extract --format records`, then `ingest --extracted`,
stores what a direct `ingest` stores, without NLP; bad lines are rejected by name."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.ingest import read_extracted
from newsgraph.records import Rejection

ARTICLES = [
    {"id": "a1", "published": "2024-05-06", "title": "Arms",
     "text": "Bolivian officials said on Monday that Chile had sent 40 armoured vehicles to Peru. "
             "Police in Tacna detained twelve protesters, a rights group said."},
    {"id": "a2", "published": "2024-05-07",
     "text": "The Peruvian president met his Chilean counterpart in Lima on Tuesday. \"We will not accept "
             "threats,\" the Bolivian foreign minister warned."},
]


def _stored(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return {
            "articles": conn.execute("SELECT id, title, published, content_hash FROM articles ORDER BY id").fetchall(),
            "events": conn.execute("SELECT id, record FROM events ORDER BY id").fetchall(),
            "claims": conn.execute("SELECT id, record FROM claim_records ORDER BY id").fetchall(),
            "claim_events": conn.execute("SELECT * FROM claim_events ORDER BY 1, 2").fetchall(),
        }
    finally:
        conn.close()


def test_records_extracted_then_ingested_store_what_a_direct_ingest_stores(tmp_path: Path) -> None:
    from newsgraph.cli.app import app

    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    runner = CliRunner()
    extracted = runner.invoke(app, ["extract", str(source), "--format", "records"])
    assert extracted.exit_code == 0, extracted.output
    records = tmp_path / "records.jsonl"
    records.write_text("".join(line + "\n" for line in extracted.stdout.splitlines() if line.startswith("{")),
                       encoding="utf-8")
    assert [json.loads(line)["article"]["id"] for line in records.read_text().splitlines()] == ["a1", "a2"]

    home, direct = tmp_path / "home.db", tmp_path / "direct.db"
    first = runner.invoke(app, ["ingest", "--extracted", str(records), "--db", str(home)])
    assert first.exit_code == 0, first.output
    assert runner.invoke(app, ["ingest", str(source), "--db", str(direct)]).exit_code == 0
    stored = _stored(home)
    assert stored["events"] and stored["claims"] and stored == _stored(direct)

    again = runner.invoke(app, ["ingest", "--extracted", str(records), "--db", str(home)])
    assert again.exit_code == 0 and "0 new articles, 2 already stored" in again.output
    assert _stored(home) == stored


def test_a_bad_record_is_rejected_by_line_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = {"article": {"id": "g", "text": "Chile recalled its ambassador from Bolivia on Monday."},
            "events": [], "claims": []}
    wrong_owner = {"article": {"id": "w", "text": "Peru expelled two Chilean diplomats on Friday."},
                   "events": [{"id": "e", "article_id": "other", "type": "SANCTION",
                               "evidence": {"start": 0, "end": 4, "text": "Peru", "trigger": {
                                   "start": 5, "end": 13, "text": "expelled"}}}]}
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join([json.dumps(good), "{not json", json.dumps({"article": {"id": "x"}}),
                               json.dumps(wrong_owner), json.dumps({"events": []})]) + "\n", encoding="utf-8")
    found = list(read_extracted([str(path), str(tmp_path / "missing.jsonl")], max_chars=100_000))
    assert [type(f).__name__ for f in found] == ["tuple", "Rejection", "Rejection", "Rejection", "Rejection",
                                                "Rejection"]
    reasons = [(f.line, f.reason) for f in found if isinstance(f, Rejection)]
    assert reasons[0][0] == 2 and "not valid JSON" in reasons[0][1]
    assert reasons[1][0] == 3 and "events" in reasons[1][1]
    assert reasons[2][0] == 4 and "belongs to article 'other'" in reasons[2][1]
    assert reasons[3][0] == 5 and "article" in reasons[3][1]
    assert reasons[4][0] is None and "no such file" in reasons[4][1]


def test_records_written_as_parquet_come_home_as_from_json_lines(tmp_path: Path) -> None:
    from newsgraph.api import iter_extracted
    from newsgraph.batch.arrow import record_row, rejection_row, write_records
    from newsgraph.config import Settings
    from newsgraph.records import Article
    from newsgraph.store import Store

    articles = [Article.from_dict(a) for a in ARTICLES]
    rows = [record_row(a, e, c) for a, e, c in iter_extracted(articles, settings=Settings(workers=1))]
    rows.append(rejection_row(Rejection(origin="feed.jsonl", line=7, stage="ingest", reason="empty text")))
    shards = tmp_path / "out"
    shards.mkdir()
    write_records(shards / "part-00000.parquet", rows[:1])
    write_records(shards / "part-00001.parquet", rows[1:])
    found = list(read_extracted([str(shards)], max_chars=100_000))
    assert [type(f).__name__ for f in found] == ["tuple", "tuple", "Rejection"]
    assert isinstance(found[2], Rejection) and found[2].message() == "feed.jsonl:7: empty text"

    with Store(tmp_path / "home.db") as home:
        counts = home.ingest_extracted(found)
    with Store(tmp_path / "direct.db") as direct:
        direct.ingest(articles, settings=Settings(workers=1))
    assert counts.articles_new == 2 and counts.rejected == 1
    assert _stored(tmp_path / "home.db") == _stored(tmp_path / "direct.db")


def test_records_come_home_from_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    record = {"article": {"id": "in", "text": "Chile recalled its ambassador from Bolivia on Monday."},
              "events": [], "claims": []}
    stdin = io.TextIOWrapper(io.BytesIO((json.dumps(record) + "\n").encode("utf-8")))
    monkeypatch.setattr("sys.stdin", stdin)
    (found,) = list(read_extracted(["-"], max_chars=100_000))
    assert not isinstance(found, Rejection) and found[0].id == "in" and found[0].origin.startswith("-")
