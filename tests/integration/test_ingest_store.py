"""`newsgraph ingest` and the query commands end to end: the real model, file databases, bad input."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph.cli.app import app
from newsgraph.ingest import read_inputs
from newsgraph.records import Article
from newsgraph.store import Store

FIXTURES = Path(__file__).parents[1] / "fixtures"
ARTICLES = FIXTURES / "articles"
MIXED = FIXTURES / "bad" / "mixed.jsonl"
MIXED_BAD_LINES = [2, 3, 4, 5, 6, 8, 9]  # the bad lines of mixed.jsonl (see tests/fixtures/README.md)
SUMMARY = re.compile(r"(\d+) new articles?, (\d+) already stored; (\d+) events?; (\d+) inputs? rejected")


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def summary(stderr: str) -> tuple[int, int, int, int]:
    match = SUMMARY.search(stderr)
    assert match, stderr
    new, stored, events, rejected = (int(g) for g in match.groups())
    return new, stored, events, rejected


def table_counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return store.counts()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, runner: CliRunner) -> Path:
    """The fixture articles and the mixed good/bad file, ingested once."""
    path = tmp_path_factory.mktemp("store") / "news.db"
    result = invoke(runner, "ingest", str(ARTICLES), str(MIXED), "--db", str(path), "--batch-size", "2")
    assert result.exit_code == 1, result.stderr  # mixed.jsonl has bad lines
    return path


# --- ingest ---------------------------------------------------------------------------------------


def test_ingest_stores_good_articles_and_records_bad_ones(db: Path, runner: CliRunner) -> None:
    counts = table_counts(db)
    good = [a for a in read_inputs([str(ARTICLES), str(MIXED)]) if isinstance(a, Article)]
    assert counts["articles"] == len(good) == 6
    assert counts["events"] > 0 and counts["actors"] > 0 and counts["event_actors"] >= counts["events"]
    with Store(db, read_only=True) as store:
        rejections = store.rejections()
        stored = {row[0]: row[1] for row in store.conn.execute("SELECT id, text FROM articles")}
        events = store.events()
    expected = [(str(MIXED), n, "ingest") for n in MIXED_BAD_LINES]
    assert [(r["path"], r["line"], r["stage"]) for r in rejections] == expected
    assert all(r["reason"] and r["at"] for r in rejections)
    for event in events:  # offsets index the stored text
        text, evidence = stored[event["article_id"]], event["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]
        assert text[evidence["trigger"]["start"] : evidence["trigger"]["end"]] == evidence["trigger"]["text"]


def test_ingest_twice_gives_identical_counts(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "twice.db"
    first = invoke(runner, "ingest", str(ARTICLES), str(MIXED), "--db", str(path))
    after_first = table_counts(path)
    second = invoke(runner, "ingest", str(ARTICLES), str(MIXED), "--db", str(path))
    assert table_counts(path) == after_first
    assert summary(first.stderr) == (6, 0, after_first["events"], len(MIXED_BAD_LINES))
    assert summary(second.stderr) == (0, 6, 0, len(MIXED_BAD_LINES))
    assert (first.exit_code, second.exit_code) == (1, 1)
    bad_lines = [line for line in second.stderr.splitlines() if line.startswith(f"newsgraph: {MIXED}:")]
    assert [int(line.split(":")[2]) for line in bad_lines] == MIXED_BAD_LINES  # one line per rejection


def test_ingest_of_good_input_exits_0(tmp_path: Path, runner: CliRunner) -> None:
    result = invoke(runner, "ingest", str(ARTICLES / "wire.jsonl"), "--db", str(tmp_path / "ok.db"), "--no-link")
    assert result.exit_code == 0, result.stderr
    assert summary(result.stderr)[0] == 2 and "Traceback" not in result.stderr


def test_ingest_cannot_open_a_non_database(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    result = invoke(runner, "ingest", str(ARTICLES / "supply.txt"), "--db", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith("newsgraph: error: ") and str(path) in result.stderr


def test_python_api_ingest_skips_stored_articles_before_extraction(tmp_path: Path) -> None:
    with Store(tmp_path / "api.db") as store:
        first = store.ingest(read_inputs([str(ARTICLES)]), batch_size=3)
        again = store.ingest(read_inputs([str(ARTICLES)]))
    assert (first.articles_new, first.extracted, first.rejected) == (4, 4, 0)
    assert (again.articles_new, again.articles_existing, again.extracted, again.events) == (0, 4, 0, 0)


def test_extraction_failures_become_rejections_and_are_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsgraph.api

    real = newsgraph.api.extract_records

    def fail_on_wire_2(doc: Any, article: Article, **budget: Any) -> Any:
        if article.id == "wire-2":
            raise RuntimeError("simulated failure")
        return real(doc, article, **budget)

    reported = []
    monkeypatch.setattr(newsgraph.api, "extract_records", fail_on_wire_2)
    with Store(tmp_path / "retry.db") as store:
        counts = store.ingest(read_inputs([str(ARTICLES / "wire.jsonl")]), on_rejection=reported.append)
        assert (counts.articles_new, counts.rejected) == (1, 1)
        assert [(r.stage, r.line) for r in reported] == [("extract", None)]
        [row] = store.rejections()
        assert (row["path"], row["line"], row["stage"]) == (str(ARTICLES / "wire.jsonl"), 3, "extract")  # its line
        assert "simulated failure" in row["reason"]
        monkeypatch.setattr(newsgraph.api, "extract_records", real)
        retry = store.ingest(read_inputs([str(ARTICLES / "wire.jsonl")]))
        assert (retry.articles_new, retry.articles_existing, retry.extracted) == (1, 1, 1)


# --- queries --------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["events"], ["actor", "Norway"], ["clusters"]])
def test_a_missing_database_is_an_error_not_a_new_file(tmp_path: Path, runner: CliRunner, command: list[str]) -> None:
    path = tmp_path / "nowhere.db"
    result = invoke(runner, *command, "--db", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"newsgraph: error: no database at {path}")
    assert "newsgraph ingest" in result.stderr
    assert not path.exists()


def test_events_jsonl_rows_are_contract_records_with_store_fields(db: Path, runner: CliRunner) -> None:
    result = invoke(runner, "events", "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == table_counts(db)["events"]
    for row in rows:
        assert row["schema_version"] == 1 and {"cluster_id", "outlet", "published"} <= row.keys()
    wire = [r for r in rows if r["article_id"] == "wire-1"]
    assert wire and all(r["outlet"] == "Example Wire" for r in wire)  # its JSONL "source"
    assert all(r["published"] == "2024-02-01" for r in wire)


def test_events_filters_from_the_command_line(db: Path, runner: CliRunner) -> None:
    everything = [json.loads(x) for x in invoke(runner, "events", "--db", str(db), "-f", "jsonl").stdout.splitlines()]
    some = everything[0]
    name = some["source"][0]["name"] if some["source"] else some["target"][0]["name"]
    args = ["events", "--db", str(db), "-f", "jsonl", "--actor", name.upper(), "--type", some["type"].lower(),
            "--status", some["status"]]  # fmt: skip
    rows = [json.loads(x) for x in invoke(runner, *args).stdout.splitlines()]
    assert some["id"] in {r["id"] for r in rows}
    for row in rows:
        assert row["type"] == some["type"] and row["status"] == some["status"]
        assert name in {a["name"] for a in row["source"] + row["target"]}
    limited = invoke(runner, "events", "--db", str(db), "-f", "jsonl", "--limit", "1").stdout.splitlines()
    assert len(limited) == 1


@pytest.mark.parametrize(
    ("args", "filters"),
    [
        (["--actor", "ukr"], {"actor": "UKR"}),
        (["--actor", "Japan", "--counterpart", "south korea"], {"actor": "Japan", "counterpart": "South Korea"}),
        (["--type", "aid", "--status", "planned"], {"type": "AID", "status": "planned"}),
        (["--item", "ammunition"], {"item": "ammunition"}),
        (["--since", "2024-02-01", "--until", "2024-02-29"], {"since": date(2024, 2, 1), "until": date(2024, 2, 29)}),
        (["--named-source"], {"named_source": True}),
    ],
)
def test_each_cli_filter_matches_the_python_api(
    db: Path, runner: CliRunner, args: list[str], filters: dict[str, Any]
) -> None:
    result = invoke(runner, "events", "--db", str(db), "-f", "jsonl", *args)
    assert result.exit_code == 0, result.stderr
    with Store(db, read_only=True) as store:
        expected = [e["id"] for e in store.events(**filters)]
        everything = store.events()
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == expected
    assert 0 < len(expected) < len(everything)  # the filter selects something, and not everything


def test_the_min_confidence_filter_matches_the_python_api(db: Path, runner: CliRunner) -> None:
    with Store(db, read_only=True) as store:
        scores = sorted(e["confidence"] for e in store.events())
    threshold = next(s for s in scores if s > scores[0])  # above the least sure event: not everything
    result = invoke(runner, "events", "--db", str(db), "-f", "jsonl", "--min-confidence", str(threshold))
    assert result.exit_code == 0, result.stderr
    with Store(db, read_only=True) as store:
        expected = [e["id"] for e in store.events(min_confidence=threshold)]
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == expected
    assert 0 < len(expected) < len(scores)


def test_events_csv_and_table(db: Path, runner: CliRunner) -> None:
    result = invoke(runner, "events", "--db", str(db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == table_counts(db)["events"]
    assert {"id", "type", "status", "source", "target", "items", "attribution", "outlet", "evidence"} <= rows[0].keys()
    table = invoke(runner, "events", "--db", str(db))
    assert table.exit_code == 0 and "source → target" in table.stdout
    nothing = invoke(runner, "events", "--db", str(db), "--actor", "Atlantis")
    assert nothing.exit_code == 0 and nothing.stdout == "" and "nothing matches" in nothing.stderr


def test_events_rejects_an_unknown_type(db: Path, runner: CliRunner) -> None:
    result = invoke(runner, "events", "--db", str(db), "--type", "DANCE")
    assert result.exit_code == 2


def test_actor_profile_command(db: Path, runner: CliRunner) -> None:
    with Store(db, read_only=True) as store:
        name, = store.conn.execute(
            "SELECT a.name FROM actors a JOIN event_actors ea ON ea.actor_id = a.id GROUP BY a.id "
            "ORDER BY count(*) DESC, a.name LIMIT 1"
        ).fetchone()  # fmt: skip
    result = invoke(runner, "actor", name.lower(), "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)
    assert profile["events"] >= 1 and name in {a["name"] for a in profile["actors"]}
    assert profile["timeline"] and sum(t["events"] for t in profile["timeline"]) == profile["events"]
    table = invoke(runner, "actor", name, "--db", str(db))
    assert table.exit_code == 0 and "timeline" in table.stdout and "who reports about it" in table.stdout
    as_csv = list(csv.DictReader(io.StringIO(invoke(runner, "actor", name, "--db", str(db), "-f", "csv").stdout)))
    assert {"actor", "month", "unattributed"} <= {row["section"] for row in as_csv}
    unknown = invoke(runner, "actor", "Atlantis", "--db", str(db))
    assert unknown.exit_code == 1 and "no actor named 'Atlantis'" in unknown.stderr


def test_clusters_command_reads_the_clusters_table(db: Path, runner: CliRunner, tmp_path: Path) -> None:
    copy = tmp_path / "clustered.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with sqlite3.connect(copy) as conn:
        conn.execute("DELETE FROM conflicts")
        conn.execute("UPDATE events SET cluster_id = NULL")
        conn.execute("DELETE FROM clusters")
        event_id = conn.execute("SELECT id FROM events LIMIT 1").fetchone()[0]
        conn.execute("INSERT INTO clusters VALUES ('k1', 'AID', 'NOR AID LTU: weapons', 3, 3, 2, "
                     "'2024-01-01', '2024-01-03', 1)")  # fmt: skip
        conn.execute("INSERT INTO clusters VALUES ('k2', 'CONSULT', 'JPN CONSULT KOR', 1, 1, 1, NULL, NULL, 0)")
        conn.execute("INSERT INTO conflicts VALUES ('k1', 'quantity', ?, 'two hundred')", (event_id,))
    rows = [json.loads(x) for x in invoke(runner, "clusters", "--db", str(copy), "-f", "jsonl").stdout.splitlines()]
    assert [r["id"] for r in rows] == ["k1", "k2"]
    conflicting = invoke(runner, "clusters", "--db", str(copy), "--conflicting", "-f", "jsonl").stdout.splitlines()
    assert [json.loads(x)["conflicts"][0]["value"] for x in conflicting] == ["two hundred"]
    two_sources = invoke(runner, "clusters", "--db", str(copy), "--min-sources", "2", "-f", "csv").stdout
    assert [row["id"] for row in csv.DictReader(io.StringIO(two_sources))] == ["k1"]
    assert "NOR AID LTU: weapons" in invoke(runner, "clusters", "--db", str(copy)).stdout


def test_each_state_is_one_actor_and_armed_groups_are_never_their_state(
    tmp_path: Path, runner: CliRunner
) -> None:
    """Own sentences naming states many ways (name, demonym, capital, government, seat) beside
    rebels, Kurdish forces and opposition groups of the same countries."""
    texts = [
        "Syria's government said Syrian rebels attacked an army post near Damascus.",
        "Kurdish forces clashed with Turkish troops in northern Syria, the Turkish defence ministry said.",
        "Damascus accused the Syrian opposition of shelling Aleppo; Ankara criticised the Syrian army.",
        "The Turkish government arrested Kurdish activists; Turkey's president met Syrian officials.",
        "The militant group Hezbollah fired rockets at Israel, and Israeli jets struck Lebanon.",
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"s{i}", "text": t, "published": "2024-05-01"}) + "\n"
                           for i, t in enumerate(texts)), encoding="utf-8")
    db = tmp_path / "s.db"
    assert invoke(runner, "ingest", str(src), "--db", str(db)).exit_code == 0
    with sqlite3.connect(db) as conn:
        states = conn.execute("SELECT country, count(*) FROM actors WHERE kind = 'state' GROUP BY country").fetchall()
        groups = conn.execute(
            "SELECT name, kind FROM actors WHERE sector IN ('REB', 'INS', 'OPP') OR name LIKE '%Kurd%'"
        ).fetchall()
    assert {"SYR", "TUR", "ISR", "LBN"} <= {c for c, _ in states}
    assert all(n == 1 for _, n in states), states
    assert len(groups) >= 3 and all(kind != "state" for _, kind in groups), groups


def test_ingest_can_link_as_the_command_does(tmp_path: Path) -> None:
    articles = [Article(id=f"w{i}", text=f"Peru sold rice to Chile on Monday, officials in Lima said. Story {i}.",
                        published=date(2024, 3, 4)) for i in range(2)]
    with Store(tmp_path / "plain.db") as store:
        store.ingest(articles)
        assert store.counts()["clusters"] == 0
    with Store(tmp_path / "linked.db") as store:
        counts = store.ingest(articles, link=True)
        assert counts.articles_new == 2 and store.counts()["clusters"] >= 1
