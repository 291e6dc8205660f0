"""The store's migrations and batched writer, on hand-built records (no model)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from test_store_records import ANONYMOUS, CHILE, FOOD, NAMED, PERU, PERU_ARMY, SHELLS, UN, article, event

from newsgraph.errors import StoreError
from newsgraph.records import Actor, Rejection
from newsgraph.store import Store, connect, latest_version, migrate, schema_version, write_batch, write_rejection
from newsgraph.store.migrate import load_migrations, split_statements


@pytest.fixture
def conn() -> sqlite3.Connection:
    connection = connect(":memory:")
    migrate(connection)
    return connection


def count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# --- migrations -----------------------------------------------------------------------------------


def test_migrations_are_numbered_from_one() -> None:
    migrations = load_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert migrations[0].name == "initial"


def test_new_file_database_is_migrated_in_wal_mode(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        conn = store.conn
        assert schema_version(conn) == latest_version()
        rows = conn.execute("SELECT version, name, applied_at FROM _migrations ORDER BY version").fetchall()
        assert [r[0] for r in rows] == list(range(1, latest_version() + 1))
        assert all(r[2].endswith("+00:00") for r in rows)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"articles", "events", "actors", "event_actors", "items", "claims", "clusters", "conflicts",
                "_rejections", "_migrations", "articles_fts"} <= tables  # fmt: skip
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert triggers == {"articles_fts_insert", "articles_fts_delete", "articles_fts_update"}


def test_migrating_again_changes_nothing(conn: sqlite3.Connection) -> None:
    assert migrate(conn) == []
    assert count(conn, "_migrations") == latest_version()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {latest_version() + 1}").connection.close()
    with pytest.raises(StoreError, match="newer than this newsgraph"):
        Store(path)


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    script = """-- a comment
CREATE TABLE t (x INTEGER); -- trailing
CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN
    INSERT INTO t (x) VALUES (new.x + 1);
    SELECT 1;
END;
"""
    statements = split_statements(script)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")


def test_read_only_store_needs_an_existing_database(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    with pytest.raises(StoreError, match="no database at .*none.db.*newsgraph ingest"):
        Store(path, read_only=True)
    assert not path.exists()
    (tmp_path / "notes.db").write_text("not a database at all, just some words\n" * 50)
    with pytest.raises(StoreError):
        Store(tmp_path / "notes.db", read_only=True)
    sqlite3.connect(tmp_path / "empty.db").execute("CREATE TABLE x (y)").connection.close()
    with pytest.raises(StoreError, match="not a newsgraph database"):
        Store(tmp_path / "empty.db", read_only=True)


def test_read_only_store_cannot_write(tmp_path: Path) -> None:
    Store(tmp_path / "news.db").close()
    with Store(tmp_path / "news.db", read_only=True) as store:
        assert store.counts()["articles"] == 0
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("DELETE FROM articles")


# --- writer ---------------------------------------------------------------------------------------


def test_write_batch_stores_articles_and_every_part_of_their_events(conn: sqlite3.Connection) -> None:
    a = article("a1", "Chile sent grain and shells to Peru.", published=date(2024, 5, 2),
                url="https://www.example.org/news/1", origin="in.jsonl:3")  # fmt: skip
    b = article("b1", "Peru thanked Chile.", source="Andes Daily")
    e1 = event(a, 1, items=(FOOD, SHELLS), claims=(ANONYMOUS, NAMED), start=date(2024, 5, 1))
    e2 = event(b, 1, type="SUPPORT", source=(PERU, PERU_ARMY), target=(CHILE,))
    counts = write_batch(conn, [(a, [e1]), (b, [e2])])
    assert (counts.articles_new, counts.articles_existing, counts.events, counts.rejected) == (2, 0, 2, ())
    row = conn.execute("SELECT outlet, published, origin, url FROM articles WHERE id = 'a1'").fetchone()
    assert row == ("example.org", "2024-05-02", "in.jsonl:3", "https://www.example.org/news/1")
    assert conn.execute("SELECT outlet FROM articles WHERE id = 'b1'").fetchone()[0] == "Andes Daily"
    assert count(conn, "actors") == 3  # Chile, Peru, the Peruvian army: Chile stored once
    assert count(conn, "event_actors") == 5
    roles = conn.execute(
        "SELECT ea.role, ea.position, a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
        "WHERE ea.event_id = ? ORDER BY ea.role, ea.position", (e2.id,)
    ).fetchall()  # fmt: skip
    assert roles == [("source", 0, "Peru"), ("source", 1, "Peruvian army"), ("target", 0, "Chile")]
    items = conn.execute("SELECT position, text, category, quantity FROM items ORDER BY position").fetchall()
    assert items == [(0, "grain", "food", None), (1, "shells", "ammunition", "500")]
    claims = conn.execute("SELECT name, named, kind FROM claims ORDER BY position").fetchall()
    assert claims == [("officials", 0, "anonymous"), ("Chilean foreign minister", 1, "person")]
    record, named = conn.execute("SELECT record, named_source FROM events WHERE id = ?", (e1.id,)).fetchone()
    assert json.loads(record) == e1.to_dict() and named == 1
    assert conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'shells'").fetchall()


def test_rewriting_the_same_articles_adds_nothing(conn: sqlite3.Connection) -> None:
    a = article("a1", "Chile sent grain to Peru.")
    pairs = [(a, [event(a, 1), event(a, 2, type="AGREE")])]
    write_batch(conn, pairs)
    before = {t: count(conn, t) for t in ("articles", "events", "actors", "event_actors")}
    again = write_batch(conn, pairs)
    assert (again.articles_new, again.articles_existing, again.events) == (0, 1, 0)
    assert {t: count(conn, t) for t in before} == before


def test_same_text_under_another_id_or_spacing_is_not_stored_again(conn: sqlite3.Connection) -> None:
    a = article("a1", "Chile sent grain to Peru on Monday.")
    write_batch(conn, [(a, [event(a, 1)])])
    copy = article("copy", "Chile  sent grain\nto Peru on Monday. ")
    counts = write_batch(conn, [(copy, [event(copy, 1)])])
    assert (counts.articles_new, counts.articles_existing, counts.events) == (0, 1, 0)
    assert count(conn, "events") == 1


def test_a_stored_id_with_another_text_is_rejected(conn: sqlite3.Connection) -> None:
    write_batch(conn, [(article("a1", "Chile sent grain to Peru."), [])])
    edited = article("a1", "Chile sent rice to Peru.", origin="later.jsonl:7")
    counts = write_batch(conn, [(edited, [event(edited, 1)])])
    assert counts.articles_new == 0 and len(counts.rejected) == 1
    rejection = counts.rejected[0]
    assert (rejection.origin, rejection.line, rejection.stage) == ("later.jsonl", 7, "store")
    assert "'a1'" in rejection.reason and "own id" in rejection.reason
    assert conn.execute("SELECT path, line, stage FROM _rejections").fetchall() == [("later.jsonl", 7, "store")]
    assert count(conn, "events") == 0


def test_a_failing_batch_leaves_nothing_behind(conn: sqlite3.Connection) -> None:
    good = article("good", "Chile sent grain to Peru.")
    orphan = event(article("elsewhere", "Peru asked Chile for help."), 1)  # its article is not in the batch
    with pytest.raises(sqlite3.IntegrityError):
        write_batch(conn, [(good, [event(good, 1)]), (article("bad", "Peru asked Chile."), [orphan])])
    assert {t: count(conn, t) for t in ("articles", "events", "actors", "event_actors")} == dict.fromkeys(
        ("articles", "events", "actors", "event_actors"), 0
    )
    assert not conn.in_transaction
    assert write_batch(conn, [(good, [event(good, 1)])]).events == 1  # the connection is still usable


def test_actor_rows_are_upserted_by_identity(conn: sqlite3.Connection) -> None:
    a = article("a1", "Chile and the UN sent grain to Peru.")
    plain = Actor(name="Chile", kind="state", country="CHL")  # CHILE without wikidata
    write_batch(conn, [(a, [event(a, 1, source=(plain, UN))])])
    b = article("b1", "Chile sent shells to Peru.")
    write_batch(conn, [(b, [event(b, 1, source=(CHILE,))])])
    rows = conn.execute("SELECT key, wikidata FROM actors ORDER BY key").fetchall()
    assert rows == [("Chile|state|CHL", "Q298"), ("Peru|state|PER", None), ("United Nations|organization|", None)]


def test_a_state_and_its_government_are_one_actor_row(conn: sqlite3.Connection) -> None:
    a = article("a2", "Santiago and Chile sent grain to Peru.")
    government = Actor(name="Chile", kind="state", country="CHL", sector="GOV")
    write_batch(conn, [(a, [event(a, 1, source=(government,)), event(a, 2, source=(CHILE,))])])
    assert conn.execute("SELECT count(*) FROM actors WHERE country = 'CHL'").fetchone() == (1,)
    sectors = conn.execute(
        "SELECT ea.sector FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id "
        "WHERE ac.country = 'CHL' ORDER BY ea.sector"
    ).fetchall()
    assert sectors == [(None,), ("GOV",)]  # each mention keeps its own sector


def test_migration_two_merges_rows_that_differed_by_sector_only() -> None:
    from newsgraph.store.migrate import split_statements as statements

    db = sqlite3.connect(":memory:")
    first, second = load_migrations()[:2]
    for statement in statements(first.sql):
        db.execute(statement)
    db.execute("INSERT INTO actors (id, key, name, kind, country, sector, wikidata) "
               "VALUES (1, 'Chile|state|CHL|', 'Chile', 'state', 'CHL', NULL, 'Q298'), "
               "(2, 'Chile|state|CHL|GOV', 'Chile', 'state', 'CHL', 'GOV', NULL)")
    db.execute("INSERT INTO articles (id, content_hash, text, ingested_at) VALUES ('a', 'h', 't', 'now')")
    db.execute("INSERT INTO events (id, article_id, type, status, evidence_start, evidence_end, trigger_start, "
               "trigger_end, trigger_text, confidence, record) VALUES ('e1', 'a', 'AID', 'asserted', 0, 1, 0, 1, "
               "'t', 0.5, '{}'), ('e2', 'a', 'AID', 'asserted', 0, 1, 0, 1, 't', 0.5, '{}')")
    db.execute("INSERT INTO event_actors (event_id, actor_id, role, position, text) "
               "VALUES ('e1', 1, 'source', 0, 'Chile'), ('e2', 2, 'source', 0, 'Santiago')")
    for statement in statements(second.sql):
        db.execute(statement)
    rows = db.execute("SELECT id, key, sector, wikidata FROM actors").fetchall()
    assert rows == [(1, "Chile|state|CHL", None, "Q298")]
    assert db.execute("SELECT event_id, actor_id, sector FROM event_actors ORDER BY event_id").fetchall() == [
        ("e1", 1, None), ("e2", 1, "GOV")]


def test_rejections_are_recorded_once(conn: sqlite3.Connection) -> None:
    whole_file = Rejection(origin="pages/empty.html", line=None, stage="ingest", reason="empty file")
    line = Rejection(origin="feed.jsonl", line=4, stage="ingest", reason="no 'text' field")
    from_article = Rejection(origin="feed.jsonl:9", line=None, stage="extract", reason="extraction failed")
    assert [write_rejection(conn, r) for r in (whole_file, line, from_article)] == [True, True, True]
    assert [write_rejection(conn, r) for r in (whole_file, line, from_article)] == [False, False, False]
    rows = conn.execute("SELECT path, line, stage FROM _rejections ORDER BY id").fetchall()
    assert rows == [("pages/empty.html", None, "ingest"), ("feed.jsonl", 4, "ingest"), ("feed.jsonl", 9, "extract")]


def test_store_survives_reopening(tmp_path: Path) -> None:
    a = article("a1", "Chile sent grain to Peru.")
    with Store(tmp_path / "news.db") as store:
        store.write([(a, [event(a, 1)])])
    with Store(tmp_path / "news.db") as store:
        assert store.write([(a, [event(a, 1)])]).articles_existing == 1
        assert store.counts()["events"] == 1


# --- claim records ------------------------------------------------------------------------------


def _claim(art, n: int, source, events: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from newsgraph.records import Claim, Span

    text = art.text
    return Claim(
        id=f"{art.id}-c{n}", article_id=art.id, source=source,
        source_span=Span(start=0, end=5, text=text[:5]) if source is not None else None,
        cue=Span(start=6, end=10, text=text[6:10]), cue_lemma="say",
        content=Span(start=11, end=len(text), text=text[11:]), form="indirect", basis="statement",
        stance="assert", events=events, confidence=0.8,
    )


def test_claim_records_are_stored_with_their_events_and_queried(conn: sqlite3.Connection) -> None:
    from newsgraph.store.queries import ClaimFilters, select_claims

    first = article("a1", "Lima said Chile sent grain to Peru.")
    second = article("a2", "Aides said Chile sent shells to Peru.")
    e1, e2 = event(first, 1, items=(FOOD,)), event(second, 1, items=(SHELLS,), source=(PERU_ARMY,))
    claims1 = [_claim(first, 1, NAMED, (e1.id,))]
    claims2 = [_claim(second, 1, ANONYMOUS, (e2.id, "not-stored")), _claim(second, 2, None, ())]
    counts = write_batch(conn, [(first, [e1], claims1), (second, [e2], claims2)])
    assert (counts.events, counts.claims) == (2, 3)
    assert count(conn, "claim_records") == 3
    assert count(conn, "claim_events") == 2  # the link to an event not stored is dropped
    record = json.loads(conn.execute("SELECT record FROM claim_records WHERE id = 'a1-c1'").fetchone()[0])
    assert record["source"]["name"] == "Chilean foreign minister" and record["events"] == [e1.id]

    def ids(**kw: object) -> list[str]:
        return [r["id"] for r in select_claims(conn, ClaimFilters(**kw))]  # type: ignore[arg-type]

    assert ids() == ["a1-c1", "a2-c1", "a2-c2"]
    assert ids(source="foreign MINISTER") == ["a1-c1"]
    assert ids(named=False) == ["a2-c1"]  # an unattributed claim has no source to be anonymous
    assert ids(about="Peruvian army") == ["a2-c1"]
    assert ids(about="Nobody") == []
    assert ids(limit=1) == ["a1-c1"]
    # written again: nothing new (the article is stored)
    assert write_batch(conn, [(first, [e1], claims1)]).claims == 0
