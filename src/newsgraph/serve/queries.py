"""Data of the overview and of the searchable, filterable events list."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from newsgraph.records import EVENT_TYPES, STATUSES
from newsgraph.serve.rows import ActorRef, EventRow, load_events, query, row_id, scalar
from newsgraph.serve.urls import actor_url, article_url, cluster_url, events_url

PAGE_SIZE = 50
MAX_QUERY_CHARS = 500
MAX_PAGE = 1_000_000  # pages of the events list a URL may ask for
ROLES = ("", "source", "target")  # the events list's role filter: either, acting, acted on
SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"  # markers FTS5 puts around matches; split out in Python


@dataclass(frozen=True, slots=True, kw_only=True)
class Dyad:
    source: ActorRef
    target: ActorRef
    count: int
    types: tuple[str, ...]

    @property
    def url(self) -> str:
        return events_url(actor=self.source.id, target=self.target.id)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterRow:
    id: str
    label: str
    type: str
    n_mentions: int
    n_articles: int
    n_sources: int
    first_reported: str | None
    last_reported: str | None
    conflicting: bool
    conflict_kinds: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return cluster_url(self.id)


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorCount:
    id: int
    name: str
    kind: str
    country: str | None
    events: int
    sector: str | None = None

    @property
    def url(self) -> str:
        return actor_url(self.id)


@dataclass(frozen=True, slots=True, kw_only=True)
class Overview:
    counts: dict[str, int]
    latest: list[EventRow]
    dyads: list[Dyad]
    conflicts: list[ClusterRow]
    actors: list[ActorCount]
    statuses: dict[str, int]


def overview_data(conn: sqlite3.Connection, *, limit: int = 15) -> Overview:
    """Counts, latest events, most active dyads, conflicting clusters and the busiest actors."""
    counts = {
        "articles": scalar(conn, "SELECT COUNT(*) FROM articles"),
        "events": scalar(conn, "SELECT COUNT(*) FROM events"),
        "actors": scalar(conn, "SELECT COUNT(*) FROM actors"),
        "clusters": scalar(conn, "SELECT COUNT(*) FROM clusters"),
        "conflicts": scalar(conn, "SELECT COUNT(*) FROM clusters WHERE conflicting = 1"),
    }
    latest = load_events(conn, order='a.published IS NULL, a.published DESC, "when" DESC, e.id', limit=limit)
    dyads = [
        Dyad(
            source=ActorRef(id=r["sid"], name=r["sname"], text=r["sname"], kind=r["skind"], country=r["scountry"]),
            target=ActorRef(id=r["tid"], name=r["tname"], text=r["tname"], kind=r["tkind"], country=r["tcountry"]),
            count=r["n"],
            types=tuple(sorted(set((r["types"] or "").split(",")) - {""})),
        )
        for r in query(
            conn,
            """SELECT s.actor_id AS sid, t.actor_id AS tid, COUNT(DISTINCT s.event_id) AS n,
                      GROUP_CONCAT(DISTINCT e.type) AS types,
                      sa.name AS sname, sa.kind AS skind, sa.country AS scountry,
                      ta.name AS tname, ta.kind AS tkind, ta.country AS tcountry
               FROM event_actors s
               JOIN event_actors t ON t.event_id = s.event_id AND t.role = 'target' AND t.actor_id != s.actor_id
               JOIN events e ON e.id = s.event_id
               JOIN actors sa ON sa.id = s.actor_id JOIN actors ta ON ta.id = t.actor_id
               WHERE s.role = 'source'
               GROUP BY s.actor_id, t.actor_id ORDER BY n DESC, sname, tname LIMIT ?""",
            [limit],
        )
    ]
    conflicts = load_clusters(
        conn, "c.conflicting = 1", order="c.n_sources DESC, c.last_reported DESC, c.id", limit=limit
    )
    actors = [
        ActorCount(id=r["id"], name=r["name"], kind=r["kind"], country=r["country"], events=r["n"], sector=r["sector"])
        for r in query(
            conn,
            """SELECT ac.id, ac.name, ac.kind, ac.country, ac.sector, COUNT(DISTINCT ea.event_id) AS n
               FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id
               GROUP BY ac.id ORDER BY n DESC, ac.name LIMIT ?""",
            [limit],
        )
    ]
    statuses = {r["status"]: r["n"] for r in query(conn, "SELECT status, COUNT(*) AS n FROM events GROUP BY status")}
    return Overview(counts=counts, latest=latest, dyads=dyads, conflicts=conflicts, actors=actors, statuses=statuses)


def load_clusters(
    conn: sqlite3.Connection, where: str = "1", params: list[Any] | None = None, *, order: str = "c.id",
    limit: int | None = None,
) -> list[ClusterRow]:
    sql = f"""SELECT c.*, (SELECT GROUP_CONCAT(DISTINCT k.kind) FROM conflicts k WHERE k.cluster_id = c.id) AS kinds
              FROM clusters c WHERE {where} ORDER BY {order}"""
    args = list(params or [])
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return [
        ClusterRow(
            id=r["id"], label=r["label"], type=r["type"], n_mentions=r["n_mentions"], n_articles=r["n_articles"],
            n_sources=r["n_sources"], first_reported=r["first_reported"], last_reported=r["last_reported"],
            conflicting=bool(r["conflicting"]),
            conflict_kinds=tuple(sorted(set((r["kinds"] or "").split(",")) - {""})),
        )
        for r in query(conn, sql, args)
    ]


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilters:
    """The events list's query string, validated (unknown values are errors, not silently dropped)."""

    q: str = ""  # words that must all be in the event's sentence
    actor: str = ""  # an actor id, or part of a name
    role: str = ""  # with ``actor``: "source" (it acts) or "target" (it is acted on); empty: either
    counterpart: str = ""  # an actor id or part of a name on the other side ("Russia" supplied by "Iran")
    target: str = ""  # with ``actor``: only events where this one is acted on
    type: str = ""
    status: str = ""
    category: str = ""
    since: str = ""  # ISO date, inclusive
    until: str = ""  # ISO date, inclusive
    confidence: str = ""  # a minimum confidence, 0 to 1
    page: int = 1

    @classmethod
    def from_query(cls, args: Mapping[str, str]) -> EventFilters:
        """Read filters from query-string arguments; ValueError names the bad one."""
        raw = {f.name: (args.get(f.name) or "").strip() for f in fields(cls)}
        for name, what in (("q", "the search text"), ("actor", "the actor"), ("counterpart", "the counterpart"),
                           ("category", "the category")):
            if len(raw[name]) > MAX_QUERY_CHARS:
                raise ValueError(f"{what} is longer than {MAX_QUERY_CHARS} characters")
        kind = raw["type"].upper()
        if kind and kind not in EVENT_TYPES:
            raise ValueError(f"unknown event type {raw['type']!r}; use one of {', '.join(EVENT_TYPES)}")
        role = raw["role"].lower()
        if role not in ROLES:
            raise ValueError(f"unknown role {raw['role']!r}; use source or target")
        status = raw["status"].lower()
        if status and status not in STATUSES:
            raise ValueError(f"unknown status {raw['status']!r}; use one of {', '.join(STATUSES)}")
        for name in ("since", "until"):
            if raw[name]:
                try:
                    date.fromisoformat(raw[name])
                except ValueError:
                    raise ValueError(f"{name} must be a date like 2024-03-01, not {raw[name]!r}") from None
        if raw["confidence"]:
            try:
                level = float(raw["confidence"])
            except ValueError:
                level = -1.0
            if not 0.0 <= level <= 1.0:
                raise ValueError(f"confidence must be a number from 0 to 1, not {raw['confidence']!r}")
        for name in ("target",):
            if raw[name] and row_id(raw[name]) is None:
                raise ValueError(f"{name} must be an actor id (a number), not {raw[name]!r}")
        page = raw["page"] or "1"
        number = row_id(page) if len(page) <= 7 else None
        if number is None or not 1 <= number <= MAX_PAGE:
            raise ValueError(f"page must be a number from 1 to {MAX_PAGE}, not {page[:20]!r}")
        return cls(
            q=raw["q"], actor=raw["actor"], role=role, counterpart=raw["counterpart"], target=raw["target"],
            type=kind, status=status,
            category=raw["category"], since=raw["since"], until=raw["until"], confidence=raw["confidence"],
            page=int(page),
        )

    def active(self) -> dict[str, str]:
        """Filters that are set, as query-string values (page left out)."""
        return {f.name: str(getattr(self, f.name)) for f in fields(self) if f.name != "page" and getattr(self, f.name)}

    def url(self, page: int | None = None, *, suffix: str = "") -> str:
        """The list's address with these filters (``suffix``: ".json" or ".csv" for its data)."""
        return events_url(**self.active(), page=page if page and page > 1 else None, suffix=suffix)


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: list[tuple[bool, str]]  # (is_match, text) pieces

    @property
    def url(self) -> str:
        return article_url(self.id)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventsPage:
    filters: EventFilters
    events: list[EventRow]
    total: int
    articles: list[SearchHit]
    actors: list[ActorCount]  # actors the ``actor`` filter matched
    categories: list[str]
    page_size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def query_words(text: str) -> list[str]:
    """The words of a user's search text (operators and quotes are plain text)."""
    return re.findall(r"\w[\w'’-]*", text)


def fts_query(text: str) -> str:
    """User words as an FTS5 query: each word quoted, so operators and quotes are plain text."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in query_words(text))


def search_articles(conn: sqlite3.Connection, text: str, *, limit: int = 20) -> list[SearchHit]:
    """Articles whose title or text match the words, best first, with a marked snippet."""
    match = fts_query(text)
    if not match:
        return []
    rows = query(
        conn,
        """SELECT a.id, a.title, a.outlet, a.published,
                  snippet(articles_fts, 1, ?, ?, '…', 24) AS snip
           FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
           WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?""",
        [SNIPPET_OPEN, SNIPPET_CLOSE, match, limit],
    )
    return [
        SearchHit(id=r["id"], title=r["title"], outlet=r["outlet"], published=r["published"],
                  snippet=split_snippet(r["snip"] or ""))
        for r in rows
    ]


def split_snippet(snippet: str) -> list[tuple[bool, str]]:
    """FTS5 snippet text into (is_match, text) pieces, for the template to escape and mark."""
    pieces: list[tuple[bool, str]] = []
    for i, part in enumerate(re.split(f"[{SNIPPET_OPEN}{SNIPPET_CLOSE}]", snippet)):
        if part:
            pieces.append((i % 2 == 1, part))
    return pieces


def events_data(conn: sqlite3.Connection, filters: EventFilters, *, page_size: int = PAGE_SIZE) -> EventsPage:
    """One page of event mentions matching the filters, newest first, and the matching articles."""
    where: list[str] = []
    params: list[Any] = []
    actors: list[ActorCount] = []
    if filters.q:
        match = fts_query(filters.q)
        where.append(
            "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)" if match else "0"
        )
        params += [match] if match else []
        # the event's own sentence holds every word (not just its article)
        for word in query_words(filters.q):
            where.append("instr(lower(substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start)), ?)")
            params.append(word.lower())
    role = filters.role or ("source" if filters.target else "")
    if filters.actor:
        actors = find_actors(conn, filters.actor)
        where.append(_with_actors([a.id for a in actors], role, params))
    if filters.counterpart:
        other = {"source": "target", "target": "source"}.get(role, "")
        where.append(_with_actors([a.id for a in find_actors(conn, filters.counterpart)], other, params))
    if filters.target:
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ? AND role = 'target')")
        params.append(int(filters.target))
    if filters.type:
        where.append("e.type = ?")
        params.append(filters.type)
    if filters.status:
        where.append("e.status = ?")
        params.append(filters.status)
    if filters.category:
        where.append("e.id IN (SELECT event_id FROM items WHERE category = ?)")
        params.append(filters.category)
    if filters.since:
        where.append("""COALESCE(e.time_end, e.time_start, a.published) >= ?""")
        params.append(filters.since)
    if filters.until:
        where.append("""COALESCE(e.time_start, a.published) <= ?""")
        params.append(filters.until)
    if filters.confidence:
        where.append("e.confidence >= ?")
        params.append(float(filters.confidence))
    clause = " AND ".join(where) or "1"
    total = int(scalar(conn, f"SELECT COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE {clause}",
                       params) or 0)
    events = load_events(conn, clause, params, limit=page_size, offset=(filters.page - 1) * page_size)
    categories = [r[0] for r in conn.execute("SELECT DISTINCT category FROM items ORDER BY category")]
    hits = search_articles(conn, filters.q) if filters.q else []
    return EventsPage(filters=filters, events=events, total=total, articles=hits, actors=actors,
                      categories=categories, page_size=page_size)


def _with_actors(ids: list[int], role: str, params: list[Any]) -> str:
    """SQL: the event has one of these actors (in this role, when given); adds the parameters."""
    if not ids:
        return "0"
    params += [*ids, *([role] if role else [])]
    in_role = " AND role = ?" if role else ""
    return f"e.id IN (SELECT event_id FROM event_actors WHERE actor_id IN ({','.join('?' * len(ids))}){in_role})"


def find_actors(conn: sqlite3.Connection, text: str, *, limit: int = 50) -> list[ActorCount]:
    """Actors by id, else by name (exact, case-insensitive, before partial matches)."""
    params: list[Any]
    ident = row_id(text)
    if ident is not None:
        where, params = "ac.id = ?", [ident]
    else:
        where, params = "ac.name LIKE ? ESCAPE '\\'", ["%" + re.sub(r"([%_\\])", r"\\\1", text) + "%"]
    rows = query(
        conn,
        f"""SELECT ac.id, ac.name, ac.kind, ac.country,
                   (SELECT COUNT(DISTINCT event_id) FROM event_actors WHERE actor_id = ac.id) AS n
            FROM actors ac WHERE {where}
            ORDER BY LOWER(ac.name) = LOWER(?) DESC, n DESC, ac.name LIMIT ?""",
        [*params, text, limit],
    )
    return [ActorCount(id=r["id"], name=r["name"], kind=r["kind"], country=r["country"], events=r["n"]) for r in rows]
