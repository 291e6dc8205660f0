"""Incremental linking: a run links only what is new, and gives what a run over everything gives."""

from __future__ import annotations

import random
import sqlite3
from typing import Any

from fixtures.linking.storedb import add_article, add_record, open_store, record
from newsgraph.link import relink

COUNTRIES = ["BRA", "PER", "CHL", "NOR", "EST"]
TYPES = ["AID", "CONSULT", "ASSAULT", "ACCUSE"]


def _actor(code: str) -> dict[str, object]:
    return {"text": code, "name": code, "kind": "state", "country": code, "sector": None, "role": None,
            "wikidata": None}


def _snapshot(conn: sqlite3.Connection) -> dict[str, Any]:
    return {
        "clusters": sorted(conn.execute("SELECT * FROM clusters").fetchall()),
        "conflicts": sorted(conn.execute("SELECT * FROM conflicts").fetchall()),
        "events": sorted(conn.execute("SELECT id, cluster_id, link_block FROM events").fetchall()),
        "copies": sorted(conn.execute("SELECT id, copy_of FROM articles").fetchall()),
    }


def _add_batch(conn: sqlite3.Connection, rng: random.Random, batch: int, texts: list[str], vocab: list[str]) -> None:
    """Twenty articles of eight events; some republish an earlier article, one in each batch after
    the first is an older version of an earlier story (so its group gets a new original)."""
    for n in range(20):
        a = len(texts)
        day = 1 + rng.randrange(27)
        if a and n % 5 == 4:
            text = f"Outlet {a} | World\n{rng.choice(texts)}\nAll rights reserved."
        else:
            text = " ".join(rng.choice(vocab) for _ in range(300))
        published = f"2024-0{1 + batch}-{day:02d}"
        if batch and n == 0:
            text, published = f"{texts[0]} Version {batch}.", f"2023-12-0{batch}"
        texts.append(text)
        add_article(conn, id=f"art{a:03d}", text=text, published=published, outlet=f"outlet{a % 7}")
        for k in range(8):
            source, target = rng.sample(COUNTRIES, 2)
            dated = rng.random() < 0.3
            when = (f"2024-0{1 + batch}-{day:02d}",) * 2 if dated else None
            add_record(conn, record(
                f"ev{a:03d}-{k}", f"art{a:03d}", rng.choice(TYPES), [_actor(source)],
                [_actor(target)] if rng.random() < 0.9 else [],
                status=rng.choice(["asserted"] * 6 + ["negated", "planned", "requested"]),
                items=[("goods", rng.choice(["ships", "food"]), rng.choice([None, "10", "12"]))],
                time=when,
            ))
    conn.commit()


def test_incremental_runs_give_the_clusters_of_a_full_run() -> None:
    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(2000)]
    conn, texts = open_store(), []
    for batch in range(4):
        _add_batch(conn, rng, batch, texts, vocab)
        relink(conn)
        assert conn.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL OR link_block IS NULL").fetchone() \
            == (0,)
    incremental = _snapshot(conn)
    assert ("art000", "art020") in incremental["copies"]  # the oldest version (2023-12-01) became the original
    assert any(n_articles > 1 for _, _, _, _, n_articles, *_ in incremental["clusters"])
    assert incremental["conflicts"]
    relink(conn, full=True)
    assert _snapshot(conn) == incremental


def test_a_run_with_nothing_new_changes_nothing_and_touches_no_block() -> None:
    rng = random.Random(5)
    conn, texts = open_store(), []
    _add_batch(conn, rng, 0, texts, [f"w{i}" for i in range(500)])
    first = relink(conn)
    before = _snapshot(conn)
    conn.execute("CREATE TRIGGER no_cluster_writes BEFORE INSERT ON clusters BEGIN SELECT RAISE(ABORT, 'x'); END")
    assert relink(conn) == first
    assert _snapshot(conn) == before


def test_a_new_event_reclusters_only_its_own_block() -> None:
    conn = open_store()
    add_article(conn, id="a1", text="first", published="2024-03-01")
    add_record(conn, record("e1", "a1", "AID", [_actor("BRA")], [_actor("PER")]))
    add_record(conn, record("e2", "a1", "ACCUSE", [_actor("CHL")], [_actor("NOR")]))
    conn.commit()
    relink(conn)
    add_article(conn, id="a2", text="second", published="2024-03-02", outlet="other")
    add_record(conn, record("e3", "a2", "AID", [_actor("BRA")], [_actor("PER")]))
    conn.commit()
    untouched = conn.execute("SELECT rowid, * FROM clusters WHERE id = (SELECT cluster_id FROM events WHERE id = 'e2')")
    before = untouched.fetchone()
    relink(conn)
    rows = dict(conn.execute("SELECT e.id, c.n_sources FROM events e JOIN clusters c ON c.id = e.cluster_id"))
    assert rows == {"e1": 2, "e3": 2, "e2": 1}
    after = conn.execute("SELECT rowid, * FROM clusters WHERE id = (SELECT cluster_id FROM events WHERE id = 'e2')")
    assert after.fetchone() == before  # the same row, never rewritten


STORY = " ".join(f"word{i} of the story" for i in range(60))


def test_a_new_copy_relinks_the_clusters_of_the_article_it_copies() -> None:
    """A report and a denial from two outlets conflict; when an older article of the first
    outlet turns out to carry the denial's text, the denial is that outlet's story republished,
    and the cluster (which got no new event) is relinked: no conflict, as a full run says."""
    conn = open_store()
    add_article(conn, id="report", text="Brazil sent ships to Peru, officials said.", published="2024-03-02",
                outlet="herald")
    add_article(conn, id="denial", text="Agency | " + STORY, published="2024-03-03", outlet="courier")
    add_record(conn, record("e1", "report", "AID", [_actor("BRA")], [_actor("PER")], status="asserted"))
    add_record(conn, record("e2", "denial", "AID", [_actor("BRA")], [_actor("PER")], status="negated"))
    conn.commit()
    relink(conn)
    assert conn.execute("SELECT count(*) FROM conflicts").fetchone() == (2,)
    add_article(conn, id="herald-first", text=STORY, published="2024-03-01", outlet="herald")
    conn.commit()
    relink(conn)
    assert conn.execute("SELECT copy_of FROM articles WHERE id = 'denial'").fetchone() == ("herald-first",)
    incremental = _snapshot(conn)
    assert incremental["conflicts"] == []
    relink(conn, full=True)
    assert _snapshot(conn) == incremental


def test_the_window_each_event_was_linked_with_is_stored() -> None:
    conn = open_store()
    add_article(conn, id="a1", text="first", published="2024-03-10")
    add_record(conn, record("done", "a1", "AID", [_actor("BRA")], [_actor("PER")]))
    add_record(conn, record("ahead", "a1", "CONSULT", [_actor("BRA")], [_actor("PER")], status="planned"))
    add_record(conn, record("dated", "a1", "ACCUSE", [_actor("BRA")], [_actor("PER")],
                            time=("2024-02-01", "2024-02-29")))
    conn.commit()
    relink(conn)
    windows = {e: (s, t) for e, s, t in conn.execute("SELECT id, link_window_start, link_window_end FROM events")}
    assert windows == {"done": ("2024-03-03", "2024-03-10"), "ahead": ("2024-03-10", "2024-04-09"),
                       "dated": ("2024-02-01", "2024-02-29")}


def test_the_link_command_links_what_is_new_and_everything_with_full(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from newsgraph.cli.app import app
    from newsgraph.store import connect, migrate

    db = tmp_path / "store.db"
    conn = connect(db)
    migrate(conn)
    add_article(conn, id="a1", text="first", published="2024-03-01", outlet="one")
    add_article(conn, id="a2", text="second", published="2024-03-02", outlet="two")
    add_record(conn, record("e1", "a1", "AID", [_actor("BRA")], [_actor("PER")]))
    add_record(conn, record("e2", "a2", "AID", [_actor("BRA")], [_actor("PER")]))
    conn.close()
    first = CliRunner().invoke(app, ["link", "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "linked in" in first.output and "1 event cluster (1 with 2+ independent sources" in first.output
    full = CliRunner().invoke(app, ["link", "--db", str(db), "--full"])
    assert full.exit_code == 0 and "linked everything" in full.output
    missing = CliRunner().invoke(app, ["link", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no database" in missing.output
    assert not (tmp_path / "none.db").exists()
