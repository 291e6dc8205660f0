"""Reading event mentions from the store into the rows the pages show.

Every function takes an open ``sqlite3.Connection`` (Datasette's read-only one
in the server, an in-memory one in tests) and returns plain frozen records.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.serve.urls import actor_url, article_url, event_url, mention_url

CHUNK = 500  # ids per "IN (...)" query, well under SQLite's variable limit

EVENT_COLUMNS = """
    e.id, e.article_id, e.type, e.status, COALESCE(e.time_start, a.published) AS "when",
    e.trigger_text, e.cluster_id, e.record, e.place_name, e.lat, e.lon, e.confidence,
    a.title AS article_title, a.outlet, a.published, a.copy_of
"""
EVENT_FROM = "events e JOIN articles a ON a.id = e.article_id"


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorRef:
    """An actor as one event names it: its identity (id, name) and the words used."""

    id: int
    name: str
    text: str
    kind: str
    country: str | None = None

    @property
    def url(self) -> str:
        return actor_url(self.id)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventRow:
    """One event mention with what lists and cards show about it."""

    id: str
    article_id: str
    type: str
    status: str
    when: str | None
    trigger: str
    cluster_id: str | None
    record: dict[str, Any] = field(hash=False, compare=False)
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    confidence: float | None = None
    article_title: str | None = None
    outlet: str | None = None
    published: str | None = None
    copy_of: str | None = None
    sources: tuple[ActorRef, ...] = ()
    targets: tuple[ActorRef, ...] = ()

    @property
    def url(self) -> str:
        return mention_url(self.id, self.cluster_id)

    @property
    def article_url(self) -> str:
        return article_url(self.article_id)

    @property
    def event_url(self) -> str:
        return event_url(self.id)

    @property
    def copy_url(self) -> str | None:
        return article_url(self.copy_of) if self.copy_of else None

    @property
    def items(self) -> list[dict[str, Any]]:
        return list(self.record.get("items") or [])

    @property
    def attribution(self) -> list[dict[str, Any]]:
        return list(self.record.get("attribution") or [])

    @property
    def evidence(self) -> str:
        return str((self.record.get("evidence") or {}).get("text") or "")

    @property
    def time_text(self) -> str | None:
        time = self.record.get("time") or {}
        return str(time["text"]) if time.get("text") else None


MAX_ROW_ID = 2**63 - 1  # SQLite's largest INTEGER


def row_id(text: str) -> int | None:
    """A row id from a URL or query string: ASCII digits within SQLite's INTEGER range, else None
    (so "²", "٣" and 26-digit numbers are no id, never an error)."""
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    value = int(text)
    return value if value <= MAX_ROW_ID else None


def query(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    """Rows addressable by column name, without touching the connection's own row factory."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return list(cursor.execute(sql, tuple(params)).fetchall())


def scalar(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> Any:
    row = conn.execute(sql, tuple(params)).fetchone()
    return row[0] if row else None


def load_events(
    conn: sqlite3.Connection,
    where: str = "1",
    params: Sequence[Any] = (),
    *,
    order: str = '"when" DESC, e.id',
    limit: int | None = None,
    offset: int = 0,
) -> list[EventRow]:
    """Event mentions matching a WHERE clause over ``events e JOIN articles a``, with their actors."""
    sql = f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE {where} ORDER BY {order}"
    args = list(params)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    rows = query(conn, sql, args)
    actors = load_event_actors(conn, [r["id"] for r in rows])
    return [_event_row(r, actors.get(r["id"], {})) for r in rows]


def load_event_actors(conn: sqlite3.Connection, event_ids: Iterable[str]) -> dict[str, dict[str, list[ActorRef]]]:
    """event id → role ("source" / "target") → actors in contract order."""
    out: dict[str, dict[str, list[ActorRef]]] = defaultdict(lambda: {"source": [], "target": []})
    for chunk in chunked(list(dict.fromkeys(event_ids))):
        marks = ",".join("?" * len(chunk))
        for r in query(
            conn,
            f"""SELECT ea.event_id, ea.role, ea.text, ac.id, ac.name, ac.kind, ac.country
                FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id
                WHERE ea.event_id IN ({marks}) ORDER BY ea.event_id, ea.role, ea.position""",
            chunk,
        ):
            ref = ActorRef(id=r["id"], name=r["name"], text=r["text"], kind=r["kind"], country=r["country"])
            out[r["event_id"]][r["role"]].append(ref)
    return dict(out)


def chunked(values: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def parse_record(raw: str | None) -> dict[str, Any]:
    """The stored contract record; an unreadable one becomes an empty dict (the columns still show)."""
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _event_row(r: sqlite3.Row, actors: dict[str, list[ActorRef]]) -> EventRow:
    return EventRow(
        id=r["id"],
        article_id=r["article_id"],
        type=r["type"],
        status=r["status"],
        when=r["when"],
        trigger=r["trigger_text"],
        cluster_id=r["cluster_id"],
        record=parse_record(r["record"]),
        place_name=r["place_name"],
        lat=r["lat"],
        lon=r["lon"],
        confidence=r["confidence"],
        article_title=r["article_title"],
        outlet=r["outlet"],
        published=r["published"],
        copy_of=r["copy_of"],
        sources=tuple(actors.get("source", ())),
        targets=tuple(actors.get("target", ())),
    )
