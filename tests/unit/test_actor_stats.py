"""Actor profiles from running totals give what counting the actor's events gives."""

from __future__ import annotations

import random
from datetime import date, timedelta

from test_store_records import ANONYMOUS, CHILE, FOOD, NAMED, PERU, PERU_ARMY, SHELLS, UN, article, event

from newsgraph.records import Actor, ClaimSource
from newsgraph.store import Store
from newsgraph.store.actor_stats import complete, update_actor_stats
from newsgraph.store.queries import actor_profile

BOLIVIA = Actor(name="Bolivia", kind="state", country="BOL")
MORALES = Actor(name="Evo Morales", kind="person", country="BOL", role="president")
CHILE_GOV = Actor(name="chile", kind="state", country="CHL", sector="GOV")  # the same name in lower case
REBELS = Actor(name="Andean rebels", kind="group")
ACTORS = (CHILE, PERU, PERU_ARMY, UN, BOLIVIA, MORALES, CHILE_GOV, REBELS)
LOCAL = ClaimSource(text="a Bolivian official", name="Bolivian official", named=False, kind="anonymous",
                    country="BOL")
TYPES = ("AID", "CONSULT", "ACCUSE", "REQUEST", "ASSAULT")


def _batch(rng: random.Random, first: int, n: int) -> list[tuple[object, list[object]]]:
    pairs = []
    for a in range(first, first + n):
        published = date(2024, 1, 1) + timedelta(days=rng.randrange(90)) if rng.random() < 0.8 else None
        art = article(f"art{a}", f"Report {a} on the Andes.", published=published)
        events = []
        for k in range(rng.randrange(1, 4)):
            symmetric = rng.random() < 0.2
            source = tuple(rng.sample(ACTORS, rng.choice((1, 1, 2))))
            target = () if symmetric or rng.random() < 0.15 else tuple(rng.sample(ACTORS, 1))
            events.append(event(
                art, k, type=rng.choice(TYPES), status=rng.choice(("asserted", "planned", "negated")),
                source=source, target=target, symmetric=symmetric,
                items=tuple(rng.sample((FOOD, SHELLS), rng.randrange(3))),
                claims=tuple(rng.sample((NAMED, ANONYMOUS, LOCAL), rng.randrange(3))),
                start=date(2024, 1, 1) + timedelta(days=rng.randrange(120)) if rng.random() < 0.5 else None,
            ))
        pairs.append((art, events))
    return pairs


def test_totals_give_the_counted_profile_of_every_actor_and_country() -> None:
    rng = random.Random(4)
    with Store(":memory:") as store:
        for batch in range(3):  # totals grow batch by batch
            store.write(_batch(rng, 40 * batch, 40))
            assert complete(store.conn)
        asked = {a.name for a in ACTORS} | {"CHILE", "CHL", "PER", "BOL", "evo morales", "Nobody"}
        for name in sorted(asked):
            totals = actor_profile(store.conn, name)
            live = actor_profile(store.conn, name, totals=False)
            assert _sorted(totals.to_dict()) == _sorted(live.to_dict()), name
        assert actor_profile(store.conn, "Bolivia").events > 20


def test_events_stored_without_totals_are_counted_at_the_next_write_and_profiles_wait_for_it() -> None:
    rng = random.Random(9)
    with Store(":memory:") as store:
        store.write(_batch(rng, 0, 20))
        store.conn.execute("UPDATE events SET in_actor_stats = 0")  # as a store from before the totals
        store.conn.execute("DELETE FROM actor_months")
        assert not complete(store.conn)
        live = actor_profile(store.conn, "PER", totals=False)
        assert _sorted(store.actor_profile("PER").to_dict()) == _sorted(live.to_dict())  # counted, not totals
        store.conn.execute("DELETE FROM actor_counterparts")
        store.conn.execute("DELETE FROM actor_items")
        store.conn.execute("DELETE FROM actor_reporters")
        assert update_actor_stats(store.conn) == store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        assert update_actor_stats(store.conn) == 0
        assert _sorted(store.actor_profile("PER").to_dict()) == _sorted(live.to_dict())


def _sorted(profile: dict[str, object]) -> dict[str, object]:
    """The profile with its lists in one order (the counted queries leave ties unordered)."""
    return {k: sorted(v, key=repr) if isinstance(v, list) else v for k, v in profile.items()}


def test_a_store_from_before_the_totals_is_profiled_from_its_events_read_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.write(_batch(random.Random(2), 0, 10))
        expected = actor_profile(store.conn, "PER", totals=False)
        for table in ("actor_months", "actor_counterparts", "actor_items", "actor_reporters"):
            store.conn.execute(f"DROP TABLE {table}")
        store.conn.execute("DROP INDEX events_actor_stats_pending")
        store.conn.execute("ALTER TABLE events DROP COLUMN in_actor_stats")
        store.conn.execute("PRAGMA user_version = 4")
    with Store(path, read_only=True) as old:
        assert _sorted(old.actor_profile("PER").to_dict()) == _sorted(expected.to_dict())
