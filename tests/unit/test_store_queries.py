"""The read side of the store: every event filter, the actor profile, clusters, and their query plans."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from test_store_records import ANONYMOUS, CHILE, FOOD, NAMED, PERU, PERU_ARMY, SHELLS, UN, article, event

from newsgraph.store import Store
from newsgraph.store.queries import (
    EventFilters,
    build_event_query,
    create_profile_table,
    find_actor_ids,
    profile_queries,
)

A1 = article("a1", "Chile sent grain to Peru, and Peru asked for shells.", published=date(2024, 1, 10),
             source="Andes Daily")  # fmt: skip
A2 = article("a2", "Chile will send shells to the Peruvian army; the two will meet.", published=date(2024, 2, 20),
             url="https://pacific-wire.example/story")  # fmt: skip
A3 = article("a3", "The UN did not back Peru.")
EVENTS = {
    "a1-e1": event(A1, 1, items=(FOOD,), claims=(NAMED,), start=date(2024, 1, 8)),
    "a1-e2": event(A1, 2, type="REQUEST", source=(PERU,), target=(CHILE,), items=(SHELLS,)),
    "a2-e1": event(A2, 1, status="planned", target=(PERU_ARMY,), items=(SHELLS,), claims=(ANONYMOUS,),
                   start=date(2024, 3, 1)),  # fmt: skip
    "a2-e2": event(A2, 2, type="CONSULT", status="planned", source=(CHILE, PERU), target=(), symmetric=True),
    "a3-e1": event(A3, 1, type="SUPPORT", status="negated", source=(UN,), target=(PERU,)),
}


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        s.write([(A1, [EVENTS["a1-e1"], EVENTS["a1-e2"]]), (A2, [EVENTS["a2-e1"], EVENTS["a2-e2"]]),
                 (A3, [EVENTS["a3-e1"]])])  # fmt: skip
        s.conn.executescript(
            """
            INSERT INTO clusters VALUES ('c1', 'AID', 'CHL AID PER: shells', 2, 2, 2, '2024-01-10', '2024-02-20', 1);
            INSERT INTO clusters VALUES ('c2', 'SUPPORT', 'IGO SUPPORT PER', 1, 1, 1, NULL, NULL, 0);
            INSERT INTO conflicts VALUES ('c1', 'status', 'a1-e1', 'asserted'), ('c1', 'status', 'a2-e1', 'planned');
            UPDATE events SET cluster_id = 'c1' WHERE id IN ('a1-e1', 'a2-e1');
            """
        )
        yield s


def ids(rows: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in rows]


# --- events ---------------------------------------------------------------------------------------


def test_all_events_by_date_undated_last(store: Store) -> None:
    assert ids(store.events()) == ["a1-e1", "a1-e2", "a2-e2", "a2-e1", "a3-e1"]


def test_event_rows_are_the_contract_record_plus_store_fields(store: Store) -> None:
    rows = {r["id"]: r for r in store.events()}
    first = rows["a1-e1"]
    assert {k: v for k, v in first.items() if k not in ("cluster_id", "outlet", "published")} == (
        EVENTS["a1-e1"].to_dict()
    )
    assert (first["cluster_id"], first["outlet"], first["published"]) == ("c1", "Andes Daily", "2024-01-10")
    assert rows["a2-e2"]["outlet"] == "pacific-wire.example"  # the URL's host when there is no source
    assert rows["a3-e1"]["published"] is None and rows["a3-e1"]["cluster_id"] is None


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "chile"}, {"a1-e1", "a1-e2", "a2-e1", "a2-e2"}),
        ({"actor": "CHILE"}, {"a1-e1", "a1-e2", "a2-e1", "a2-e2"}),
        ({"actor": "per"}, {"a1-e1", "a1-e2", "a2-e1", "a2-e2", "a3-e1"}),  # country code: Peru and its army
        ({"actor": "Peruvian Army"}, {"a2-e1"}),
        ({"actor": "Chile", "counterpart": "Peru"}, {"a1-e1", "a1-e2", "a2-e2"}),  # either direction, symmetric
        ({"actor": "Chile", "counterpart": "peruvian army"}, {"a2-e1"}),
        ({"actor": "United Nations", "counterpart": "Chile"}, set()),
        ({"counterpart": "United Nations"}, {"a3-e1"}),
        ({"actor": "Atlantis"}, set()),
        ({"type": "aid"}, {"a1-e1", "a2-e1"}),
        ({"status": "planned"}, {"a2-e1", "a2-e2"}),
        ({"type": "AID", "status": "planned"}, {"a2-e1"}),
        ({"item": "ammunition"}, {"a1-e2", "a2-e1"}),
        ({"item": "food", "actor": "PER"}, {"a1-e1"}),
        ({"since": date(2024, 2, 1)}, {"a2-e1", "a2-e2"}),  # a2-e2 by its article's date
        ({"until": date(2024, 1, 9)}, {"a1-e1"}),  # a1-e1's own date, not its article's
        ({"since": date(2024, 1, 9), "until": date(2024, 2, 20)}, {"a1-e2", "a2-e2"}),
        ({"named_source": True}, {"a1-e1"}),
        ({"actor": "Chile", "named_source": True, "type": "REQUEST"}, set()),
    ],
)
def test_event_filters(store: Store, filters: dict[str, Any], expected: set[str]) -> None:
    assert set(ids(store.events(**filters))) == expected


def test_limit_keeps_the_earliest(store: Store) -> None:
    assert ids(store.events(limit=2)) == ["a1-e1", "a1-e2"]
    assert ids(store.events(actor="PER", limit=1)) == ["a1-e1"]


# --- actor profile --------------------------------------------------------------------------------


def test_actor_profile(store: Store) -> None:
    profile = store.actor_profile("chile")
    assert profile.found
    assert [a["name"] for a in profile.actors] == ["Chile"]
    assert (profile.events, profile.as_source, profile.as_target) == (4, 3, 1)
    assert (profile.first, profile.last) == ("2024-01-08", "2024-03-01")
    assert sorted((c["name"], c["type"], c["status"], c["events"]) for c in profile.counterparts) == [
        ("Peru", "AID", "asserted", 1),
        ("Peru", "CONSULT", "planned", 1),  # symmetric: both are sources
        ("Peru", "REQUEST", "asserted", 1),  # Peru asks Chile
        ("Peruvian army", "AID", "planned", 1),
    ]
    assert sorted((i["direction"], i["status"], i["category"], i["items"]) for i in profile.items) == [
        ("in", "asserted", "ammunition", 1),
        ("out", "asserted", "food", 1),
        ("out", "planned", "ammunition", 1),
    ]
    assert [(t["month"], t["events"], t["as_source"], t["as_target"]) for t in profile.timeline] == [
        ("2024-01", 2, 1, 1),
        ("2024-02", 1, 1, 0),
        ("2024-03", 1, 1, 0),
    ]
    assert sorted((r["name"], r["named"], r["events"]) for r in profile.reporters) == [
        ("Chilean foreign minister", True, 1),
        ("officials", False, 1),
    ]
    assert profile.unattributed == 2


def test_actor_profile_by_country_code_covers_every_identity(store: Store) -> None:
    profile = store.actor_profile("PER")
    assert sorted(a["name"] for a in profile.actors) == ["Peru", "Peruvian army"]
    assert profile.events == 5
    assert {c["name"] for c in profile.counterparts} == {"Chile", "United Nations"}  # Peru's own army is not one
    assert profile.to_dict()["events"] == 5


def test_unknown_actor_has_an_empty_profile_and_suggestions(store: Store) -> None:
    profile = store.actor_profile("Peruvians")
    assert not profile.found and profile.events == 0 and profile.counterparts == []
    assert store.suggest_actors("peru") == ["Peru", "Peruvian army"]


# --- clusters, counts, rejections -----------------------------------------------------------------


def test_clusters(store: Store) -> None:
    assert [c["id"] for c in store.clusters()] == ["c1", "c2"]
    conflicting = store.clusters(conflicting=True)
    assert [c["id"] for c in conflicting] == ["c1"]
    assert conflicting[0]["conflicting"] is True
    kinds = {(x["kind"], x["value"]) for x in conflicting[0]["conflicts"]}
    assert kinds == {("status", "asserted"), ("status", "planned")}
    assert [c["id"] for c in store.clusters(min_sources=2)] == ["c1"]
    assert store.clusters(min_sources=3) == []


def test_counts_and_rejections(store: Store) -> None:
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["clusters"], counts["conflicts"]) == (3, 5, 2, 2)
    assert counts["actors"] == 4 and counts["items"] == 3 and counts["claims"] == 2
    assert store.rejections() == []


# --- query plans: answers come from indexes -------------------------------------------------------

# A SCAN of a table (also "SCAN e USING INDEX …": every entry of an index) reads all of it.
_FULL_SCAN = re.compile(r"\bSCAN (e|events|ea|event_actors|x|y|o|i|items|c|claims|a|articles)\b")


def plan(conn: sqlite3.Connection, sql: str, params: list[Any]) -> list[str]:
    return [str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]


def test_actor_profile_queries_do_not_scan_events(store: Store) -> None:
    actor_ids = find_actor_ids(store.conn, "Chile")
    create_profile_table(store.conn)
    queries = profile_queries(actor_ids)
    for name, (sql, params) in queries.items():
        details = plan(store.conn, sql, params)
        assert not [d for d in details if _FULL_SCAN.search(d)], (name, details)
    collect = plan(store.conn, *queries["collect"])
    assert any("event_actors_actor (actor_id=?)" in d for d in collect), collect
    assert any("SEARCH e USING INDEX sqlite_autoindex_events_1 (id=?)" in d for d in collect), collect


@pytest.mark.parametrize(
    "filters",
    [
        EventFilters(actor="Chile"),
        EventFilters(actor="CHL", counterpart="Peru", type="AID", since=date(2024, 1, 1)),
        EventFilters(item="ammunition"),
        EventFilters(type="AID", status="planned"),
    ],
)
def test_filtered_event_queries_use_indexes(store: Store, filters: EventFilters) -> None:
    query = build_event_query(store.conn, filters)
    assert query is not None
    details = plan(store.conn, *query)
    assert not [d for d in details if _FULL_SCAN.search(d)], details


def test_profiles_do_not_leak_into_each_other(store: Store) -> None:
    first = store.actor_profile("Chile")
    store.actor_profile("PER")
    assert store.actor_profile("Chile") == first
    assert store.conn.execute("SELECT count(*) FROM temp._actor_events").fetchone()[0] == 0


def test_transfers_between_identities_of_one_country_are_within() -> None:
    a = article("w1", "Peru moved shells to the Peruvian army.", published=date(2024, 4, 1))
    with Store(":memory:") as s:
        s.write([(a, [event(a, 1, source=(PERU,), target=(PERU_ARMY,), items=(SHELLS,))])])
        by_country = s.actor_profile("PER")
        by_name = s.actor_profile("Peruvian army")
    assert [(i["direction"], i["category"]) for i in by_country.items] == [("within", "ammunition")]
    assert (by_country.events, by_country.as_source, by_country.as_target) == (1, 1, 1)
    assert by_country.counterparts == []
    assert [(i["direction"], i["category"]) for i in by_name.items] == [("in", "ammunition")]
    assert [c["name"] for c in by_name.counterparts] == ["Peru"]
