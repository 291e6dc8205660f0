"""Time the actor profile (and an actor's event list) on a store of synthetic events.

    .venv/bin/python benchmarks/actor_query.py [--events 1000000] [--actors 200] [--runs 7] [--keep PATH]

Builds a temp database with the store's migrations (every index in place), then
bulk-inserts synthetic rows with ``executemany``: ``--events`` events in
articles of 10, one or two sources and one target each drawn from ``--actors``
actors with a Zipf-like skew (a few actors in many events, as in news), random
PLOVER types, statuses, item categories, claim sources and dates over five
years. Then counts every event into the actor profiles' running totals (as each ingest
batch does for its own events) and times :func:`newsgraph.store.queries.actor_profile` for
the most frequent actor, a median one and a country code, from the totals and counted from
the events, plus a filtered event query (median of ``--runs`` runs each, after one warm-up).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from newsgraph.records import EVENT_TYPES, STATUSES
from newsgraph.store import connect, migrate, transaction
from newsgraph.store.actor_stats import update_actor_stats
from newsgraph.store.queries import EventFilters, actor_profile, select_events
from newsgraph.store.writer import ARTICLE_COLUMNS, EVENT_COLUMNS

CATEGORIES = ("aircraft", "drones", "air-defence", "artillery", "ammunition", "missiles", "food", "financial", "energy")
KINDS = ("state", "organization", "person", "group")
PER_ARTICLE = 10
CHUNK = 50_000
DAY0 = date(2019, 1, 1)
T = TypeVar("T")


def make_actors(n: int, rng: random.Random) -> list[tuple[Any, ...]]:
    """(id, key, name, kind, country, sector, role, wikidata): ~n/4 countries, several actors each."""
    countries = [f"C{i:02d}" for i in range(max(1, n // 4))]
    rows = []
    for i in range(1, n + 1):
        name, kind, country = f"Actor {i}", KINDS[i % len(KINDS)], countries[i % len(countries)]
        sector = ("GOV", "MIL", None)[i % 3]
        rows.append((i, f"{name}|{kind}|{country}|{sector or ''}", name, kind, country, sector, None, None))
    return rows


def make_rows(
    n_events: int, n_actors: int, rng: random.Random, *, day0: date = DAY0, vocab: Sequence[str] = ()
) -> Iterator[dict[str, list[tuple[Any, ...]]]]:
    """Chunks of article, event, event_actor, item and claim rows: articles published over five
    years from ``day0``, each a text of its own drawn from ``vocab`` when one is given."""
    weights = [1 / (rank**0.8) for rank in range(1, n_actors + 1)]
    actor_ids = list(range(1, n_actors + 1))
    rng.shuffle(actor_ids)  # the frequent actors are not simply the first ids
    text = "Synthetic article text for the store benchmark. " * 4
    for first in range(0, n_events, CHUNK):
        chunk: dict[str, list[tuple[Any, ...]]] = {k: [] for k in ("articles", "events", "ea", "items", "claims")}
        for n in range(first, min(first + CHUNK, n_events)):
            a, k = divmod(n, PER_ARTICLE)
            article_id = f"art{a}"
            published = day0 + timedelta(days=rng.randrange(5 * 365))
            if k == 0:
                row = dict.fromkeys(ARTICLE_COLUMNS)
                row.update(id=article_id, content_hash=f"h{a}", outlet=f"Outlet {a % 40}",
                           published=published.isoformat(),
                           text=" ".join(rng.choice(vocab) for _ in range(120)) if vocab else f"{a} {text}",
                           ingested_at="2024-01-01T00:00:00+00:00")  # fmt: skip
                chunk["articles"].append(tuple(row.values()))
            event_id = f"ev{n}"
            day = (published - timedelta(days=rng.randrange(30))).isoformat() if rng.random() < 0.7 else None
            named = rng.random() < 0.4
            ev = dict.fromkeys(EVENT_COLUMNS)
            ev.update(id=event_id, article_id=article_id, type=rng.choice(EVENT_TYPES), status=rng.choice(STATUSES),
                      symmetric=int(rng.random() < 0.1), named_source=int(named), time_start=day, time_end=day,
                      evidence_start=0, evidence_end=40, trigger_start=0, trigger_end=9, trigger_text="Synthetic",
                      confidence=0.8, record=json.dumps({"id": event_id}))  # fmt: skip
            chunk["events"].append(tuple(ev.values()))
            picked = rng.choices(actor_ids, weights=weights, k=3)
            roles = [("source", picked[0]), ("target", picked[1])]
            if rng.random() < 0.3 and picked[2] not in picked[:2]:
                roles.append(("source", picked[2]))
            positions = {"source": 0, "target": 0}
            for role, actor in roles:
                chunk["ea"].append((event_id, actor, role, positions[role], f"Actor {actor}"))
                positions[role] += 1
            for i in range(rng.choice((0, 0, 1, 1, 2))):
                chunk["items"].append((event_id, i, "goods", rng.choice(CATEGORIES), None))
            if rng.random() < 0.7:
                who = f"Actor {rng.choice(actor_ids)} official" if named else "officials"
                chunk["claims"].append((event_id, 0, who, who, int(named), "person", None, None, "statement"))
        yield chunk


def build(
    path: Path, n_events: int, n_actors: int, seed: int, *, actors: Sequence[tuple[Any, ...]] | None = None,
    day0: date = DAY0, vocab: Sequence[str] = (),
) -> float:
    """Write the store; ``actors`` rows (as ``make_actors`` gives them) replace the generated ones."""
    rng = random.Random(seed)
    start = time.perf_counter()
    conn = connect(path)
    migrate(conn)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")  # 256 MB while loading
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     make_actors(n_actors, rng) if actors is None else actors)
    sql = {
        "articles": _insert("articles", ARTICLE_COLUMNS),
        "events": _insert("events", EVENT_COLUMNS),
        "ea": "INSERT INTO event_actors (event_id, actor_id, role, position, text) VALUES (?, ?, ?, ?, ?)",
        "items": "INSERT INTO items VALUES (?, ?, ?, ?, ?)",
        "claims": "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    }
    for chunk in make_rows(n_events, n_actors, rng, day0=day0, vocab=vocab):
        for table, rows in chunk.items():
            conn.executemany(sql[table], rows)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def median_ms(fn: Callable[[], T], runs: int) -> tuple[float, T]:
    result = fn()  # warm-up (page cache)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--actors", type=int, default=200)
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--keep", type=Path, help="copy the database here afterwards")
    args = p.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.db"
        seconds = build(path, args.events, args.actors, args.seed)
        conn = connect(path)
        start = time.perf_counter()
        with transaction(conn):
            update_actor_stats(conn)  # what each ingest batch does for its events, here for all at once
        totals_seconds = time.perf_counter() - start
        conn.close()
        conn = connect(path, read_only=True)
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "events", "actors", "event_actors", "items", "claims")}  # fmt: skip
        by_frequency = conn.execute(
            "SELECT a.name, a.country, count(*) AS n FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
            "GROUP BY a.id ORDER BY n DESC"
        ).fetchall()
        top, middle = by_frequency[0], by_frequency[len(by_frequency) // 2]
        print(f"machine: {platform.machine()}, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
              f"{os.cpu_count()} cores")  # fmt: skip
        print(f"built in {seconds:.0f} s: " + ", ".join(f"{v:,} {k}" for k, v in counts.items())
              + f"; file {path.stat().st_size / 1e6:,.0f} MB")  # fmt: skip
        print(f"running totals of every event counted in {totals_seconds:.0f} s (an ingest batch counts its own)")
        print(f"actor profile, median of {args.runs} runs: from the running totals | counted from the events")
        for label, name in (("most frequent actor", top[0]), ("median actor", middle[0]), ("country code", top[1])):
            ms, profile = median_ms(partial(actor_profile, conn, name), args.runs)
            counted_ms, counted = median_ms(partial(actor_profile, conn, name, totals=False), args.runs)
            same = "same" if profile.events == counted.events and profile.counterparts == counted.counterparts \
                else "DIFFERENT"
            print(f"  {label:20} {name:10} {profile.events:>8,} events  {ms:8.1f} ms | {counted_ms:8.1f} ms  {same}")
        filters = EventFilters(actor=top[0], type="AID", status="asserted", limit=100)
        ms, rows = median_ms(lambda: list(select_events(conn, filters)), args.runs)
        print(f"events --actor '{top[0]}' --type AID --status asserted --limit 100: {len(rows):,} rows  {ms:.1f} ms")
        conn.close()
        if args.keep:
            shutil.copy(path, args.keep)


if __name__ == "__main__":
    main()
