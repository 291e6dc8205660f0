"""Acceptance of cross-article linking with the real model (tests/fixtures/linking/README.md).

A wire story, two republished copies with other headers and footers, an independent report
and a denial by a third outlet give one event cluster with two independent sources, flagged
as conflicting by the denial; other transfers of the same dyad stay apart.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.api import iter_extract
from newsgraph.cli.app import app
from newsgraph.config import Settings
from newsgraph.export.gdelt import GDELT_COLUMNS
from newsgraph.ingest import read_inputs
from newsgraph.link import relink
from newsgraph.records import Article
from newsgraph.store import connect, migrate, write_batch

FIXTURE = Path(__file__).parents[1] / "fixtures" / "linking" / "transfer.jsonl"
CONFIRMING = ("wire-prt-cpv", "copy-atlantic", "copy-harbour", "island-observer")
DENYING = "coastal-post"


@pytest.fixture(scope="module")
def store() -> Iterator[sqlite3.Connection]:
    settings = Settings()
    articles = [a for a in read_inputs([str(FIXTURE)], published=None, settings=settings) if isinstance(a, Article)]
    assert len(articles) == 8
    conn = connect(":memory:")
    migrate(conn)
    write_batch(conn, list(iter_extract(articles, settings=settings)))
    relink(conn)
    yield conn
    conn.close()


def _transfer_clusters(conn: sqlite3.Connection) -> list[tuple[str, ...]]:
    """Clusters holding an AID Portugal → Cape Verde mention of patrol boats, with their article ids."""
    rows = conn.execute(
        "SELECT e.cluster_id, group_concat(DISTINCT e.article_id) FROM events e "
        "JOIN event_actors s ON s.event_id = e.id AND s.role = 'source' JOIN actors sa ON sa.id = s.actor_id "
        "JOIN event_actors t ON t.event_id = e.id AND t.role = 'target' JOIN actors ta ON ta.id = t.actor_id "
        "JOIN items i ON i.event_id = e.id "
        "WHERE e.type = 'AID' AND sa.country = 'PRT' AND ta.country = 'CPV' AND i.category = 'ships' "
        "GROUP BY e.cluster_id"
    ).fetchall()
    return [(cluster_id, *sorted(ids.split(","))) for cluster_id, ids in rows]


def test_the_extractor_reports_the_transfer_in_every_article(store: sqlite3.Connection) -> None:
    statuses = dict(store.execute(
        "SELECT article_id, group_concat(DISTINCT status) FROM events WHERE type = 'AID' GROUP BY article_id"
    ).fetchall())
    for article_id in CONFIRMING:
        assert statuses[article_id] == "asserted"
    assert statuses[DENYING] == "negated"


def test_republished_copies_point_to_the_wire_story(store: sqlite3.Connection) -> None:
    copy_of = dict(store.execute("SELECT id, copy_of FROM articles").fetchall())
    assert copy_of["copy-atlantic"] == copy_of["copy-harbour"] == "wire-prt-cpv"
    assert {a for a, root in copy_of.items() if root is not None} == {"copy-atlantic", "copy-harbour"}


def test_one_cluster_with_two_independent_sources_and_a_flagged_conflict(store: sqlite3.Connection) -> None:
    clusters = _transfer_clusters(store)
    current = [c for c in clusters if "wire-prt-cpv" in c]
    assert len(current) == 1
    cluster_id, *articles = current[0]
    assert sorted(articles) == sorted((*CONFIRMING, DENYING))
    n_articles, n_sources, conflicting, label = store.execute(
        "SELECT n_articles, n_sources, conflicting, label FROM clusters WHERE id = ?", (cluster_id,)
    ).fetchone()
    assert (n_articles, n_sources, conflicting) == (5, 2, 1)
    assert label.startswith("PRT AID CPV: patrol boats")
    denials = store.execute(
        "SELECT c.event_id, c.value FROM conflicts c JOIN events e ON e.id = c.event_id "
        "WHERE c.cluster_id = ? AND c.kind = 'status' AND e.article_id = ?", (cluster_id, DENYING)
    ).fetchall()
    assert denials and all(value == "negated" for _, value in denials)
    assert store.execute(
        "SELECT count(*) FROM conflicts WHERE cluster_id = ? AND kind = 'status' AND value = 'asserted'",
        (cluster_id,),
    ).fetchone()[0] >= 4


def test_other_transfers_of_the_dyad_stay_apart(store: sqlite3.Connection) -> None:
    clusters = _transfer_clusters(store)
    assert ("observer-2022",) in [tuple(c[1:]) for c in clusters]  # two years earlier
    rice = store.execute(
        "SELECT DISTINCT e.cluster_id FROM events e JOIN items i ON i.event_id = e.id WHERE i.category = 'food'"
    ).fetchall()
    assert len(rice) == 1 and rice[0][0] not in {c[0] for c in clusters}
    assert store.execute("SELECT count(*) FROM clusters WHERE n_sources >= 2").fetchone() == (1,)


def test_ingest_then_export_from_the_command_line(tmp_path: Path) -> None:
    db, out = tmp_path / "news.db", tmp_path / "events.tsv"
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(FIXTURE), "--db", str(db)])
    assert ingested.exit_code == 0, ingested.output
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    with out.open(encoding="utf-8", newline="") as handle:
        rows = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in csv.reader(handle, delimiter="\t")]
    transfer = [r for r in rows if (r["Actor1CountryCode"], r["Actor2CountryCode"], r["EventRootCode"])
                == ("PRT", "CPV", "07") and r["NumSources"] == "2"]
    assert len(transfer) >= 5 and {r["NumArticles"] for r in transfer} == {"5"}
    plover = tmp_path / "events.jsonl"
    assert runner.invoke(app, ["export", "--db", str(db), "-f", "plover", "-o", str(plover)]).exit_code == 0
    records = [json.loads(line) for line in plover.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(rows)
    assert {r["story_id"] for r in records if r["n_sources"] == 2} == {*CONFIRMING, DENYING}
