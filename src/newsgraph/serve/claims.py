"""Data of the explorer's claim views: who says what in an article, and what one source says.

Claims are the store's ``claim_records`` (written by ``ingest``), each with the events whose
trigger lies in its content (``claim_events``).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from newsgraph.serve.rows import query
from newsgraph.serve.urls import article_url, mention_url, source_url

MAX_SOURCE_CLAIMS = 500  # a source page lists at most this many claims, newest articles first


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimEvent:
    type: str
    status: str
    url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRow:
    """One claim as the pages show it."""

    id: str
    article_id: str
    article_title: str | None
    outlet: str | None
    published: str | None
    source_text: str | None  # as written; None: no one is named ("reportedly")
    source_name: str | None
    named: bool
    country: str | None
    cue: str
    content: str
    form: str
    stance: str
    events: tuple[ClaimEvent, ...]

    @property
    def article_url(self) -> str:
        return article_url(self.article_id)

    @property
    def source_url(self) -> str | None:
        return source_url(self.source_name) if self.source_name else None


@dataclass(frozen=True, slots=True, kw_only=True)
class SourcePage:
    name: str
    claims: list[ClaimRow]
    total: int  # claims of this source in the store (the page shows at most MAX_SOURCE_CLAIMS)
    articles: int
    event_types: list[tuple[str, int]]  # types of the events resting on its word, commonest first
    about: list[tuple[str, int]]  # actors of those events, commonest first


_COLUMNS = ("c.id, c.article_id, a.title, a.outlet, a.published, c.source_text, c.source_name, c.source_named, "
            "c.source_country, c.cue_text, c.record, c.form, c.stance")


def load_claims(conn: sqlite3.Connection, where: str, params: list[Any], *, order: str,
                limit: int | None = None) -> list[ClaimRow]:
    """Claims matching a WHERE clause over ``claim_records c JOIN articles a``, with their events."""
    sql = (f"SELECT {_COLUMNS} FROM claim_records c JOIN articles a ON a.id = c.article_id "
           f"WHERE {where} ORDER BY {order}")
    args = list(params)
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    rows = query(conn, sql, args)
    events = _events_of(conn, [r["id"] for r in rows])
    out: list[ClaimRow] = []
    for r in rows:
        content = str(_content_text(r["record"]))
        out.append(ClaimRow(
            id=r["id"], article_id=r["article_id"], article_title=r["title"], outlet=r["outlet"],
            published=r["published"], source_text=r["source_text"], source_name=r["source_name"],
            named=bool(r["source_named"]), country=r["source_country"], cue=r["cue_text"], content=content,
            form=r["form"], stance=r["stance"], events=tuple(events.get(r["id"], ())),
        ))
    return out


def article_claims(conn: sqlite3.Connection, article_id: str) -> list[ClaimRow]:
    return load_claims(conn, "c.article_id = ?", [article_id], order="c.content_start, c.cue_start")


def source_data(conn: sqlite3.Connection, name: str) -> SourcePage | None:
    """What one source (by the actor layer's name, any case) says across the store, or None."""
    where, params = "c.source_name = ? COLLATE NOCASE", [name]
    total = int(query(conn, f"SELECT count(*) AS n FROM claim_records c WHERE {where}", params)[0]["n"])
    if not total:
        return None
    claims = load_claims(conn, where, params, order="a.published DESC, c.article_id, c.content_start",
                         limit=MAX_SOURCE_CLAIMS)
    articles = int(query(conn, f"SELECT count(DISTINCT c.article_id) AS n FROM claim_records c WHERE {where}",
                         params)[0]["n"])
    types = query(conn, "SELECT e.type, count(*) AS n FROM claim_records c JOIN claim_events ce ON ce.claim_id = c.id "
                        f"JOIN events e ON e.id = ce.event_id WHERE {where} GROUP BY e.type ORDER BY n DESC, e.type",
                  params)
    about = query(conn, "SELECT ac.name, count(DISTINCT ce.event_id) AS n FROM claim_records c "
                        "JOIN claim_events ce ON ce.claim_id = c.id JOIN event_actors ea ON ea.event_id = ce.event_id "
                        f"JOIN actors ac ON ac.id = ea.actor_id WHERE {where} AND ac.name != c.source_name "
                        "GROUP BY ac.name ORDER BY n DESC, ac.name LIMIT 20", params)
    first = query(conn, f"SELECT c.source_name FROM claim_records c WHERE {where} LIMIT 1", params)
    display = str(first[0]["source_name"])
    return SourcePage(name=display, claims=claims, total=total, articles=articles,
                      event_types=[(r["type"], int(r["n"])) for r in types],
                      about=[(r["name"], int(r["n"])) for r in about])


def claims_about_actor(conn: sqlite3.Connection, actor_id: int, *, limit: int = 20) -> list[tuple[str, int]]:
    """Who makes claims about an actor: sources of the claims holding its events, most claims first."""
    rows = query(conn, "SELECT c.source_name, count(DISTINCT c.id) AS n FROM claim_records c "
                       "JOIN claim_events ce ON ce.claim_id = c.id JOIN event_actors ea ON ea.event_id = ce.event_id "
                       "WHERE ea.actor_id = ? AND c.source_name IS NOT NULL GROUP BY c.source_name "
                       "ORDER BY n DESC, c.source_name LIMIT ?", [actor_id, limit])
    return [(r["source_name"], int(r["n"])) for r in rows]


def _events_of(conn: sqlite3.Connection, claim_ids: list[str]) -> dict[str, list[ClaimEvent]]:
    out: dict[str, list[ClaimEvent]] = {}
    for start in range(0, len(claim_ids), 500):
        chunk = claim_ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for r in query(conn, "SELECT ce.claim_id, e.id, e.type, e.status, e.cluster_id FROM claim_events ce "
                             f"JOIN events e ON e.id = ce.event_id WHERE ce.claim_id IN ({marks}) "
                             "ORDER BY e.trigger_start", chunk):
            out.setdefault(r["claim_id"], []).append(ClaimEvent(type=r["type"], status=r["status"],
                                                                url=mention_url(r["id"], r["cluster_id"])))
    return out


def _content_text(record: str) -> str:
    try:
        return str(json.loads(record)["content"]["text"])
    except (ValueError, KeyError, TypeError):
        return ""


__all__ = ["ClaimRow", "SourcePage", "article_claims", "claims_about_actor", "load_claims", "source_data"]
