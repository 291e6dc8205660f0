"""Running totals behind actor profiles: what a profile counts, kept per actor key as events are stored.

An actor is asked for by name (any case, as ``COLLATE NOCASE`` compares: ASCII letters only) or
by country code (every actor of the country). For each of those two keys of every actor of a new
event, :func:`update_actor_stats` adds the event to the key's totals, counting it once per key
as the profile's own query does (``newsgraph.store.queries.profile_queries``): per month (events,
as source, as target, first and last day, events without a claim source), per counterpart (name,
country, type, status: distinct events), per item flow (direction, status, category: item rows)
and per reporting source (name in any case, named, kind, country: distinct events). It runs in
the transaction that stores the events (``write_batch``), so its cost follows the new events,
not the store; events stored before these tables existed are counted at the next write.

:func:`profile_parts` reads a key's totals: a few rows for an actor in a fifth of a million
events. ``actor_profile`` uses them when they are complete (no event waiting to be counted) and
the query names one key; otherwise it runs its query over the actor's events, which gives the
same answer (a test compares the two).
"""

from __future__ import annotations

import sqlite3
from typing import Any

PENDING = "in_actor_stats = 0"
_KEYS = "temp._stats_keys"

_COLLECT = f"""
INSERT INTO {_KEYS} (event_id, key, is_source, is_target, type, status, symmetric, day, attributed)
SELECT ea.event_id, {{key}}, max(ea.role = 'source'), max(ea.role = 'target'), e.type, e.status, e.symmetric,
       coalesce(e.time_start, a.published), EXISTS (SELECT 1 FROM claims c WHERE c.event_id = e.id)
FROM events e JOIN articles a ON a.id = e.article_id
JOIN event_actors ea ON ea.event_id = e.id JOIN actors x ON x.id = ea.actor_id
WHERE e.{PENDING} {{only}}
GROUP BY ea.event_id, {{key}}
"""
NAME_KEY = "'n:' || lower(x.name)"
COUNTRY_KEY = "'c:' || x.country"

_ADD = [
    f"""
INSERT INTO actor_months (key, month, events, as_source, as_target, first, last, unattributed)
SELECT key, coalesce(substr(day, 1, 7), 'unknown'), count(*), sum(is_source), sum(is_target), min(day), max(day),
       sum(NOT attributed)
FROM {_KEYS} WHERE true GROUP BY key, coalesce(substr(day, 1, 7), 'unknown')
ON CONFLICT (key, month) DO UPDATE SET
    events = events + excluded.events, as_source = as_source + excluded.as_source,
    as_target = as_target + excluded.as_target, unattributed = unattributed + excluded.unattributed,
    first = CASE WHEN first IS NULL OR excluded.first < first THEN excluded.first ELSE first END,
    last = CASE WHEN last IS NULL OR excluded.last > last THEN excluded.last ELSE last END
""",
    f"""
INSERT INTO actor_counterparts (key, name, country, type, status, events)
SELECT p.key, c.name, coalesce(c.country, ''), p.type, p.status, count(DISTINCT p.event_id)
FROM {_KEYS} p JOIN event_actors o ON o.event_id = p.event_id JOIN actors c ON c.id = o.actor_id
WHERE 'n:' || lower(c.name) != p.key AND 'c:' || coalesce(c.country, '') != p.key
  AND (p.symmetric OR (o.role = 'target' AND p.is_source) OR (o.role = 'source' AND p.is_target))
GROUP BY p.key, c.name, coalesce(c.country, ''), p.type, p.status
ON CONFLICT (key, name, country, type, status) DO UPDATE SET events = events + excluded.events
""",
    f"""
INSERT INTO actor_items (key, direction, status, category, items)
SELECT p.key, CASE WHEN p.symmetric THEN 'shared' WHEN p.is_source AND p.is_target THEN 'within'
                   WHEN p.is_target THEN 'in' ELSE 'out' END, p.status, i.category, count(*)
FROM {_KEYS} p JOIN items i ON i.event_id = p.event_id WHERE true GROUP BY 1, 2, 3, 4
ON CONFLICT (key, direction, status, category) DO UPDATE SET items = items + excluded.items
""",
    f"""
INSERT INTO actor_reporters (key, name_key, named, kind, country, name, events)
SELECT p.key, lower(c.name), c.named, c.kind, coalesce(c.country, ''), min(c.name), count(DISTINCT c.event_id)
FROM {_KEYS} p JOIN claims c ON c.event_id = p.event_id WHERE true
GROUP BY p.key, lower(c.name), c.named, c.kind, coalesce(c.country, '')
ON CONFLICT (key, name_key, named, kind, country) DO UPDATE SET
    events = events + excluded.events, name = min(name, excluded.name)
""",
]


def update_actor_stats(conn: sqlite3.Connection) -> int:
    """Add the events not yet counted to the totals; returns how many. Call it inside the
    transaction that stored them (``write_batch`` does)."""
    if conn.execute(f"SELECT 1 FROM events WHERE {PENDING} LIMIT 1").fetchone() is None:
        return 0
    conn.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {_KEYS.removeprefix('temp.')} (event_id TEXT, key TEXT, is_source INTEGER, "
        "is_target INTEGER, type TEXT, status TEXT, symmetric INTEGER, day TEXT, attributed INTEGER)"
    )
    conn.execute(f"DELETE FROM {_KEYS}")
    conn.execute(_COLLECT.format(key=NAME_KEY, only=""))
    conn.execute(_COLLECT.format(key=COUNTRY_KEY, only="AND x.country IS NOT NULL AND x.country != ''"))
    for sql in _ADD:
        conn.execute(sql)
    counted = conn.execute(f"UPDATE events SET in_actor_stats = 1 WHERE {PENDING}").rowcount
    conn.execute(f"DELETE FROM {_KEYS}")
    return int(counted)


def complete(conn: sqlite3.Connection) -> bool:
    """Whether every stored event is counted (else a profile must be read from the events); False
    for a store from before the totals, read without migrating it (``--db`` of a query command)."""
    try:
        return conn.execute(f"SELECT 1 FROM events WHERE {PENDING} LIMIT 1").fetchone() is None
    except sqlite3.OperationalError:
        return False  # no such column: schema older than 0005_actor_stats.sql


def profile_parts(conn: sqlite3.Connection, key: str) -> dict[str, Any]:
    """A key's totals in the shapes ``actor_profile`` reads from its own queries."""
    months = conn.execute(
        "SELECT month, events, as_source, as_target, first, last FROM actor_months WHERE key = ? "
        "ORDER BY month = 'unknown', month", (key,),
    ).fetchall()
    (unattributed,) = conn.execute(
        "SELECT coalesce(sum(unattributed), 0) FROM actor_months WHERE key = ?", (key,)
    ).fetchone()
    counterparts = conn.execute(
        "SELECT name, nullif(country, ''), type, status, events FROM actor_counterparts WHERE key = ? "
        "ORDER BY name, country, events DESC, type, status", (key,),
    ).fetchall()
    items = conn.execute(
        "SELECT direction, status, category, items FROM actor_items WHERE key = ? "
        "ORDER BY direction, items DESC, status, category", (key,),
    ).fetchall()
    reporters = conn.execute(
        "SELECT name, named, kind, nullif(country, ''), events FROM actor_reporters WHERE key = ? "
        "ORDER BY events DESC, name, named, kind, country", (key,),
    ).fetchall()
    return {"timeline": months, "counterparts": counterparts, "items": items, "reporters": reporters,
            "unattributed": (int(unattributed),)}
