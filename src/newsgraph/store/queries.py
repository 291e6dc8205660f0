"""The read side of the store: event search, actor profiles, clusters, counts, rejections.

Every query starts from an index: an actor is resolved to its ``actors`` rows
(by name, case-insensitive, or ISO country code), its events are found through
``event_actors_actor``, and events, items and claims are then looked up by key.
Results are plain dicts and frozen dataclasses, ready for JSON.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsgraph.store import actor_stats

TABLES = ("articles", "events", "actors", "event_actors", "items", "claims", "claim_records", "claim_events",
          "clusters", "conflicts", "_rejections")
DATE_OF = "coalesce(e.time_start, a.published)"  # an event's date: its own time, else the article's


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilters:
    """Filters of :func:`select_events`; each one given narrows the result."""

    actor: str | None = None  # actor name (case-insensitive) or ISO 3166-1 alpha-3 code, as source or target
    counterpart: str | None = None  # an actor on the other side of ``actor`` (either side of a symmetric event)
    type: str | None = None  # PLOVER type
    status: str | None = None
    item: str | None = None  # item category
    since: date | None = None  # on the event's time_start, else the article's published date
    until: date | None = None  # inclusive
    named_source: bool = False  # only events some named source reports
    min_confidence: float | None = None  # only events at least this confident
    limit: int | None = None


def find_actor_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """Ids of the actors called ``name`` (any case) or, for a country code, every actor of that country."""
    rows = conn.execute(
        "SELECT id FROM actors WHERE name = ? COLLATE NOCASE OR country = ? ORDER BY id",
        (name.strip(), name.strip().upper()),
    ).fetchall()
    return [int(r[0]) for r in rows]


def suggest_actors(conn: sqlite3.Connection, name: str, *, limit: int = 5) -> list[str]:
    """Actor names containing ``name`` (for a "did you mean" message), most frequent first."""
    rows = conn.execute(
        "SELECT a.name, count(ea.event_id) AS n FROM actors a LEFT JOIN event_actors ea ON ea.actor_id = a.id "
        "WHERE a.name LIKE ? ESCAPE '\\' GROUP BY a.name ORDER BY n DESC, a.name LIMIT ?",
        ("%" + name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%", limit),
    ).fetchall()
    return [str(r[0]) for r in rows]


def build_event_query(conn: sqlite3.Connection, filters: EventFilters) -> tuple[str, list[Any]] | None:
    """The SQL and parameters of :func:`select_events`, or None when an actor filter matches no actor."""
    where: list[str] = []
    params: list[Any] = []
    actor_ids = counterpart_ids = None
    if filters.actor:
        actor_ids = find_actor_ids(conn, filters.actor)
        if not actor_ids:
            return None
        where.append(f"e.id IN (SELECT event_id FROM event_actors WHERE actor_id IN ({_marks(actor_ids)}))")
        params += actor_ids
    if filters.counterpart:
        counterpart_ids = find_actor_ids(conn, filters.counterpart)
        if not counterpart_ids:
            return None
        if actor_ids is None:
            where.append(f"e.id IN (SELECT event_id FROM event_actors WHERE actor_id IN ({_marks(counterpart_ids)}))")
            params += counterpart_ids
        else:
            where.append(
                # the event's own rows, found by its key (unary + keeps SQLite off the actor index here)
                "EXISTS (SELECT 1 FROM event_actors x JOIN event_actors y ON y.event_id = x.event_id "
                f"WHERE x.event_id = e.id AND +x.actor_id IN ({_marks(actor_ids)}) "
                f"AND +y.actor_id IN ({_marks(counterpart_ids)}) AND y.actor_id != x.actor_id "
                "AND (y.role != x.role OR e.symmetric))"
            )
            params += actor_ids + counterpart_ids
    if filters.type:
        where.append("e.type = ?")
        params.append(filters.type.strip().upper())
    if filters.status:
        where.append("e.status = ?")
        params.append(filters.status.strip().lower())
    if filters.item:
        where.append("e.id IN (SELECT event_id FROM items WHERE category = ?)")
        params.append(filters.item.strip().lower())
    if filters.since:
        where.append(f"{DATE_OF} >= ?")
        params.append(filters.since.isoformat())
    if filters.until:
        where.append(f"{DATE_OF} <= ?")
        params.append(filters.until.isoformat())
    if filters.named_source:
        where.append("e.named_source = 1")
    if filters.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(filters.min_confidence)
    sql = (
        "SELECT e.record, e.cluster_id, a.outlet, a.published FROM events e JOIN articles a ON a.id = e.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {DATE_OF} IS NULL, {DATE_OF}, e.article_id, e.evidence_start, e.id"
    )
    if filters.limit is not None:
        sql += " LIMIT ?"
        params.append(filters.limit)
    return sql, params


def select_events(conn: sqlite3.Connection, filters: EventFilters | None = None) -> Iterator[dict[str, Any]]:
    """Contract records (plus ``cluster_id``, ``outlet``, ``published``) of the matching events, by date."""
    query = build_event_query(conn, filters or EventFilters())
    if query is None:
        return
    for record, cluster_id, outlet, published in conn.execute(*query):
        row: dict[str, Any] = json.loads(record)
        row.update(cluster_id=cluster_id, outlet=outlet, published=published)
        yield row


# --- actor profile --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorProfile:
    """What the store knows about one actor (every identity its name or country code matches)."""

    query: str
    actors: list[dict[str, Any]] = field(default_factory=list)  # the matched identities
    events: int = 0
    as_source: int = 0
    as_target: int = 0
    first: str | None = None  # earliest event date
    last: str | None = None
    counterparts: list[dict[str, Any]] = field(default_factory=list)  # name, country, type, status, events
    items: list[dict[str, Any]] = field(default_factory=list)  # direction (in|out|shared|within), status, …
    timeline: list[dict[str, Any]] = field(default_factory=list)  # month, events, as_source, as_target
    reporters: list[dict[str, Any]] = field(default_factory=list)  # name, named, kind, country, events
    unattributed: int = 0  # events the text asserts itself (no claim source)

    @property
    def found(self) -> bool:
        return bool(self.actors)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


# The actor's events, one row each, collected once per profile into a temporary table that the
# other parts read (a temp table works on a read-only connection too).
PROFILE_TABLE = "temp._actor_events"
_CREATE_PROFILE_TABLE = (
    f"CREATE TEMP TABLE IF NOT EXISTS {PROFILE_TABLE.removeprefix('temp.')} "
    "(event_id TEXT NOT NULL, is_source INTEGER, is_target INTEGER, type TEXT, status TEXT, symmetric INTEGER, "
    "day TEXT)"
)


def create_profile_table(conn: sqlite3.Connection) -> None:
    conn.execute(_CREATE_PROFILE_TABLE)
    conn.execute(f"DELETE FROM {PROFILE_TABLE}")


def profile_queries(ids: Sequence[int]) -> dict[str, tuple[str, list[Any]]]:
    """The SQL of each part of :func:`actor_profile`, in order (kept apart for EXPLAIN QUERY PLAN).

    "collect" fills :data:`PROFILE_TABLE` from the actor index; the others read it and look
    up each event's other actors, items and claims by key (CROSS JOIN fixes that order).
    """
    marks = _marks(ids)
    params = list(ids)
    p = PROFILE_TABLE
    return {
        "collect": (
            f"INSERT INTO {p} (event_id, is_source, is_target, type, status, symmetric, day) "
            "SELECT m.event_id, max(m.role = 'source'), max(m.role = 'target'), e.type, e.status, e.symmetric, "
            f"{DATE_OF} FROM event_actors m JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = e.article_id "
            f"WHERE m.actor_id IN ({marks}) GROUP BY m.event_id",
            params,
        ),
        "timeline": (
            "SELECT coalesce(substr(day, 1, 7), 'unknown') AS month, count(*), sum(is_source), sum(is_target), "
            f"min(day), max(day) FROM {p} GROUP BY month ORDER BY month = 'unknown', month",
            [],
        ),
        "counterparts": (
            "SELECT c.name, c.country, p.type, p.status, count(DISTINCT p.event_id) AS n "
            f"FROM {p} p CROSS JOIN event_actors o ON o.event_id = p.event_id JOIN actors c ON c.id = o.actor_id "
            f"WHERE o.actor_id NOT IN ({marks}) "
            "AND (p.symmetric OR (o.role = 'target' AND p.is_source) OR (o.role = 'source' AND p.is_target)) "
            "GROUP BY c.name, c.country, p.type, p.status ORDER BY c.name, c.country, n DESC",
            params,
        ),
        "items": (
            "SELECT CASE WHEN p.symmetric THEN 'shared' WHEN p.is_source AND p.is_target THEN 'within' "
            "WHEN p.is_target THEN 'in' ELSE 'out' END AS direction, p.status, i.category, count(*) AS n "
            f"FROM {p} p CROSS JOIN items i ON i.event_id = p.event_id "
            "GROUP BY direction, p.status, i.category ORDER BY direction, n DESC, p.status, i.category",
            [],
        ),
        "reporters": (
            "SELECT min(c.name), c.named, c.kind, c.country, count(DISTINCT c.event_id) AS n "
            f"FROM {p} p CROSS JOIN claims c ON c.event_id = p.event_id "
            "GROUP BY c.name COLLATE NOCASE, c.named, c.kind, c.country ORDER BY n DESC, min(c.name)",
            [],
        ),
        "unattributed": (
            f"SELECT count(*) FROM {p} p WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.event_id = p.event_id)",
            [],
        ),
    }


def actor_profile(conn: sqlite3.Connection, name: str, *, totals: bool = True) -> ActorProfile:
    """Counterparts, items in and out, timeline and reporting sources of the actor ``name`` (or country code).

    Read from the running totals (``newsgraph.store.actor_stats``) when they cover every stored
    event and the query names one key (a name, or a country code no actor is named); else, or
    with ``totals=False``, counted from the actor's events."""
    ids = find_actor_ids(conn, name)
    if not ids:
        return ActorProfile(query=name)
    identities = [
        dict(zip(("name", "kind", "country", "sector", "role", "wikidata"), row, strict=True))
        for row in conn.execute(
            f"SELECT name, kind, country, sector, role, wikidata FROM actors WHERE id IN ({_marks(ids)}) "
            "ORDER BY name, kind, country, sector",
            ids,
        )
    ]
    key = _totals_key(conn, name, ids) if totals else None
    parts = actor_stats.profile_parts(conn, key) if key else _counted_parts(conn, ids)
    months = parts["timeline"]
    days = [d for m in months for d in m[4:6] if d is not None]
    return ActorProfile(
        query=name, actors=identities, events=sum(m[1] for m in months), as_source=sum(m[2] for m in months),
        as_target=sum(m[3] for m in months), first=min(days, default=None), last=max(days, default=None),
        counterparts=[{"name": r[0], "country": r[1], "type": r[2], "status": r[3], "events": r[4]}
                      for r in parts["counterparts"]],
        items=[{"direction": r[0], "status": r[1], "category": r[2], "items": r[3]} for r in parts["items"]],
        reporters=[{"name": r[0], "named": bool(r[1]), "kind": r[2], "country": r[3], "events": r[4]}
                   for r in parts["reporters"]],
        unattributed=parts["unattributed"][0],
        timeline=[{"month": m[0], "events": m[1], "as_source": m[2], "as_target": m[3]} for m in months],
    )  # fmt: skip


def _totals_key(conn: sqlite3.Connection, name: str, ids: Sequence[int]) -> str | None:
    """The running totals' key that stands for exactly ``ids``, when the totals are complete."""
    wanted = sorted(ids)
    named = [int(r[0]) for r in conn.execute(
        "SELECT id FROM actors WHERE name = ? COLLATE NOCASE ORDER BY id", (name.strip(),))]
    key = None
    if named == wanted and name.strip().isascii():
        key = "n:" + name.strip().lower()
    elif not named:
        key = "c:" + name.strip().upper()
    if key is None or not actor_stats.complete(conn):
        return None
    return key


def _counted_parts(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[str, Any]:
    """The profile's parts counted from the actor's events (``profile_queries``)."""
    sql = profile_queries(ids)
    create_profile_table(conn)
    try:
        conn.execute(*sql["collect"])
        return {part: (conn.execute(*sql[part]).fetchone() if part == "unattributed"
                       else conn.execute(*sql[part]).fetchall())
                for part in ("timeline", "counterparts", "items", "reporters", "unattributed")}
    finally:
        conn.execute(f"DELETE FROM {PROFILE_TABLE}")


# --- clusters, counts, rejections -----------------------------------------------------------------

CLUSTER_COLUMNS = (
    "id", "type", "label", "n_mentions", "n_articles", "n_sources", "first_reported", "last_reported", "conflicting",
)  # fmt: skip


def select_clusters(
    conn: sqlite3.Connection, *, conflicting: bool = False, min_sources: int = 1, limit: int | None = None
) -> list[dict[str, Any]]:
    """Clusters (best corroborated first) with the conflicts that flag them."""
    sql = f"SELECT {', '.join(CLUSTER_COLUMNS)} FROM clusters WHERE n_sources >= ?"
    params: list[Any] = [min_sources]
    if conflicting:
        sql += " AND conflicting = 1"
    sql += " ORDER BY n_sources DESC, n_mentions DESC, first_reported, id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    clusters = [dict(zip(CLUSTER_COLUMNS, row, strict=True)) for row in conn.execute(sql, params)]
    for cluster in clusters:
        cluster["conflicting"] = bool(cluster["conflicting"])
        cluster["conflicts"] = [
            {"kind": kind, "event_id": event_id, "value": value}
            for kind, event_id, value in conn.execute(
                "SELECT kind, event_id, value FROM conflicts WHERE cluster_id = ? ORDER BY kind, value, event_id",
                (cluster["id"],),
            )
        ]
    return clusters


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimFilters:
    """What ``newsgraph claims --db`` asks of the stored claim records (all optional, combined with AND)."""

    source: str | None = None  # the source's name or words as written contain this (any case)
    named: bool | None = None  # True: named sources only; False: anonymous ones only
    about: str | None = None  # an actor (name, or country code) of an event inside the claim
    limit: int | None = None


def select_claims(conn: sqlite3.Connection, filters: ClaimFilters | None = None) -> Iterator[dict[str, Any]]:
    """Stored claim records (the contract's JSON) matching ``filters``, in article and text order."""
    filters = filters or ClaimFilters()
    where: list[str] = []
    args: list[Any] = []
    if filters.source:
        pattern = "%" + filters.source.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append("(c.source_name LIKE ? ESCAPE '\\' OR c.source_text LIKE ? ESCAPE '\\')")
        args += [pattern, pattern]
    if filters.named is not None:
        where.append("c.source_named = ?")
        args.append(int(filters.named))
    if filters.about:
        ids = find_actor_ids(conn, filters.about)
        if not ids:
            return
        where.append(
            "EXISTS (SELECT 1 FROM claim_events ce JOIN event_actors ea ON ea.event_id = ce.event_id "
            f"WHERE ce.claim_id = c.id AND ea.actor_id IN ({_marks(ids)}))"
        )
        args += ids
    sql = "SELECT c.record FROM claim_records c"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY c.article_id, c.content_start, c.cue_start"
    if filters.limit is not None:
        sql += " LIMIT ?"
        args.append(filters.limit)
    for (record,) in conn.execute(sql, args):
        yield json.loads(record)


def count_rows(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table."""
    return {table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in TABLES}


def select_rejections(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    columns = ("path", "line", "stage", "reason", "at")
    sql = f"SELECT {', '.join(columns)} FROM _rejections ORDER BY id"
    return [dict(zip(columns, row, strict=True)) for row in conn.execute(sql)]


IDS_PER_QUERY = 400  # ids in one "IN (…)", well under SQLite's limit on variables


def select_in(conn: sqlite3.Connection, sql: str, ids: Sequence[Any], *, repeat: int = 1) -> Iterator[tuple[Any, ...]]:
    """The rows of ``sql`` for every id: its ``{}`` placeholders are filled with the marks of one
    chunk of ``ids`` after another (``repeat``: how many placeholders the SQL has)."""
    for start in range(0, len(ids), IDS_PER_QUERY):
        chunk = list(ids[start : start + IDS_PER_QUERY])
        yield from conn.execute(sql.format(_marks(chunk)), chunk * repeat)


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))
