"""Data of an actor's page: counterpart network, timeline, items in and out, places, reporters."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsgraph.records import STATUSES
from newsgraph.serve.charts import MapView, PlacePoint, Timeline, TimePoint, layout_map, layout_timeline
from newsgraph.serve.claims import claims_about_actor
from newsgraph.serve.rows import EventRow, load_events, query
from newsgraph.serve.urls import actor_url, events_url, source_url

MAX_COUNTERPARTS = 40  # nodes drawn around the actor; the rest are listed in the table only
MAX_TIMELINE = 400
RECENT_EVENTS = 25
# Event types whose items travel towards the source (who asks receives); for the others, source → target.
INBOUND_TYPES = frozenset({"REQUEST"})


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorInfo:
    id: int
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    wikidata: str | None

    @property
    def wikidata_url(self) -> str | None:
        ok = self.wikidata and re.fullmatch(r"Q[0-9]+", self.wikidata)
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if ok else None


@dataclass(slots=True, kw_only=True)
class Edge:
    """Events between the actor and one counterpart, of one type and direction."""

    counterpart: int
    type: str
    direction: str  # out: the actor acts on them; in: they act on the actor; with: same side / symmetric
    count: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    items: Counter[str] = field(default_factory=Counter)

    @property
    def status(self) -> str:
        """The most frequent status (ties: the order of the contract's status list)."""
        return max(STATUSES, key=lambda s: (self.statuses.get(s, 0), -STATUSES.index(s)))

    def to_json(self, center: int) -> dict[str, Any]:
        return {
            "source": center, "target": self.counterpart, "type": self.type, "direction": self.direction,
            "count": self.count, "status": self.status, "statuses": dict(self.statuses), "items": dict(self.items),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Counterpart:
    id: int
    name: str
    kind: str
    country: str | None
    sector: str | None
    count: int
    edges: tuple[Edge, ...]
    drawn: bool

    @property
    def url(self) -> str:
        return actor_url(self.id)


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemFlow:
    direction: str  # "in" | "out"
    category: str
    count: int
    texts: tuple[str, ...]
    counterparts: tuple[tuple[int, str], ...]
    statuses: dict[str, int]

    @property
    def url(self) -> str:
        return events_url(category=self.category)


@dataclass(frozen=True, slots=True, kw_only=True)
class Reporter:
    name: str
    kind: str
    named: bool
    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorPage:
    actor: ActorInfo
    n_events: int
    roles: dict[str, int]
    counterparts: list[Counterpart]
    graph: dict[str, Any]
    timeline: Timeline | None
    recent: list[EventRow]
    items: list[ItemFlow]
    map: MapView | None
    places: list[PlacePoint]
    reporters: list[Reporter]
    outlets: list[tuple[str, int]]
    claimants: list[tuple[str, int, str]]  # who makes claims about the actor: (source, claims, page)

    @property
    def events_url(self) -> str:
        return events_url(actor=self.actor.id)


def actor_data(conn: sqlite3.Connection, actor_id: int) -> ActorPage | None:
    """Everything the actor page shows, or None when there is no such actor."""
    found = query(conn, "SELECT * FROM actors WHERE id = ?", [actor_id])
    if not found:
        return None
    a = found[0]
    actor = ActorInfo(id=a["id"], name=a["name"], kind=a["kind"], country=a["country"], sector=a["sector"],
                      role=a["role"], wikidata=a["wikidata"])
    roles = {r["role"]: r["n"] for r in query(
        conn, "SELECT role, COUNT(DISTINCT event_id) AS n FROM event_actors WHERE actor_id = ? GROUP BY role",
        [actor_id])}
    n_events = int(query(conn, "SELECT COUNT(DISTINCT event_id) AS n FROM event_actors WHERE actor_id = ?",
                         [actor_id])[0]["n"])
    counterparts = load_counterparts(conn, actor_id)
    mine = "e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)"
    dated = load_events(conn, mine, [actor_id], limit=MAX_TIMELINE)
    timeline = layout_timeline([
        TimePoint(day=e.when, lane=e.type, status=e.status, href=e.url, title=_dot_title(e))
        for e in dated if e.when
    ])
    places = load_places(conn, actor_id)
    return ActorPage(
        actor=actor, n_events=n_events, roles=roles, counterparts=counterparts,
        graph=graph_json(actor, counterparts), timeline=timeline, recent=dated[:RECENT_EVENTS],
        items=load_item_flows(conn, actor_id), map=layout_map(places), places=places,
        reporters=load_reporters(conn, actor_id), outlets=load_outlets(conn, actor_id),
        claimants=[(name, n, source_url(name)) for name, n in claims_about_actor(conn, actor_id)],
    )


def load_counterparts(conn: sqlite3.Connection, actor_id: int) -> list[Counterpart]:
    """Every actor sharing an event with this one, with the edges by type and direction, busiest first."""
    edges: dict[tuple[int, str, str], Edge] = {}
    for r in query(
        conn,
        """SELECT o.actor_id AS other, me.role AS mine, o.role AS theirs, e.type, e.status, e.symmetric,
                  COUNT(DISTINCT e.id) AS n
           FROM event_actors me
           JOIN event_actors o ON o.event_id = me.event_id AND o.actor_id != me.actor_id
           JOIN events e ON e.id = me.event_id
           WHERE me.actor_id = ?
           GROUP BY other, mine, theirs, e.type, e.status, e.symmetric""",
        [actor_id],
    ):
        direction = _direction(r["mine"], r["theirs"], bool(r["symmetric"]))
        edge = edges.setdefault((r["other"], r["type"], direction), Edge(
            counterpart=r["other"], type=r["type"], direction=direction))
        edge.count += r["n"]
        edge.statuses[r["status"]] += r["n"]
    for r in query(
        conn,
        """SELECT o.actor_id AS other, me.role AS mine, o.role AS theirs, e.type, e.symmetric, i.category,
                  COUNT(*) AS n
           FROM event_actors me
           JOIN event_actors o ON o.event_id = me.event_id AND o.actor_id != me.actor_id
           JOIN events e ON e.id = me.event_id
           JOIN items i ON i.event_id = e.id
           WHERE me.actor_id = ?
           GROUP BY other, mine, theirs, e.type, e.symmetric, i.category""",
        [actor_id],
    ):
        key = (r["other"], r["type"], _direction(r["mine"], r["theirs"], bool(r["symmetric"])))
        if key in edges:
            edges[key].items[r["category"]] += r["n"]
    by_actor: dict[int, list[Edge]] = defaultdict(list)
    for edge in edges.values():
        by_actor[edge.counterpart].append(edge)
    if not by_actor:
        return []
    ids = list(by_actor)
    totals = {r["actor_id"]: r["n"] for r in query(
        conn,
        f"""SELECT o.actor_id, COUNT(DISTINCT o.event_id) AS n FROM event_actors me
            JOIN event_actors o ON o.event_id = me.event_id
            WHERE me.actor_id = ? AND o.actor_id IN ({','.join('?' * len(ids))}) GROUP BY o.actor_id""",
        [actor_id, *ids])}
    info = {r["id"]: r for r in query(
        conn, f"SELECT id, name, kind, country, sector FROM actors WHERE id IN ({','.join('?' * len(ids))})", ids)}
    ranked = sorted(ids, key=lambda i: (-totals.get(i, 0), info[i]["name"]))
    return [
        Counterpart(
            id=i, name=info[i]["name"], kind=info[i]["kind"], country=info[i]["country"], sector=info[i]["sector"],
            count=totals.get(i, 0),
            edges=tuple(sorted(by_actor[i], key=lambda e: (-e.count, e.type, e.direction))),
            drawn=rank < MAX_COUNTERPARTS,
        )
        for rank, i in enumerate(ranked)
    ]


def graph_json(actor: ActorInfo, counterparts: list[Counterpart]) -> dict[str, Any]:
    """Nodes and edges for the network script (embedded in the page with ``tojson``).

    Actors sharing a name (one identity with a sector, one without) get the sector, kind
    or country in their label, so the drawing tells them apart.
    """
    drawn = [c for c in counterparts if c.drawn]
    names = Counter([actor.name, *(c.name for c in drawn)])

    def label(name: str, *detail: str | None) -> str:
        extra = next((d for d in detail if d), None)
        return f"{name} ({extra})" if names[name] > 1 and extra else name

    nodes = [{"id": actor.id, "name": actor.name, "label": label(actor.name, actor.sector, actor.kind),
              "kind": actor.kind, "country": actor.country, "count": sum(c.count for c in drawn),
              "url": actor_url(actor.id), "center": True}]
    nodes += [{"id": c.id, "name": c.name, "label": label(c.name, c.sector, c.kind), "kind": c.kind,
               "country": c.country, "count": c.count, "url": c.url, "center": False} for c in drawn]
    edges = [e.to_json(actor.id) for c in drawn for e in c.edges]
    return {"center": actor.id, "nodes": nodes, "edges": edges}


def load_item_flows(conn: sqlite3.Connection, actor_id: int) -> list[ItemFlow]:
    """Items the actor gives or receives (requests count towards whoever asks), by category."""
    flows: dict[tuple[str, str], dict[str, Any]] = {}
    for r in query(
        conn,
        """SELECT me.role, e.type, e.status, i.category, i.text, e.id AS event_id,
                  (SELECT GROUP_CONCAT(o.actor_id || ':' || ac.name, '|') FROM event_actors o
                   JOIN actors ac ON ac.id = o.actor_id
                   WHERE o.event_id = e.id AND o.actor_id != me.actor_id) AS others
           FROM event_actors me JOIN events e ON e.id = me.event_id JOIN items i ON i.event_id = e.id
           WHERE me.actor_id = ? ORDER BY e.id, i.position""",
        [actor_id],
    ):
        gives = (r["role"] == "source") != (r["type"] in INBOUND_TYPES)
        flow = flows.setdefault(("out" if gives else "in", r["category"]), {
            "events": set(), "texts": Counter(), "others": {}, "statuses": Counter()})
        if r["event_id"] not in flow["events"]:
            flow["events"].add(r["event_id"])
            flow["statuses"][r["status"]] += 1
        flow["texts"][r["text"].lower()] += 1
        for part in (r["others"] or "").split("|"):
            ident, _, name = part.partition(":")
            if ident.isdigit():
                flow["others"][int(ident)] = name
    return sorted(
        (ItemFlow(direction=d, category=c, count=len(f["events"]), texts=tuple(t for t, _ in f["texts"].most_common(5)),
                  counterparts=tuple(sorted(f["others"].items(), key=lambda kv: kv[1]))[:8],
                  statuses=dict(f["statuses"]))
         for (d, c), f in flows.items()),
        key=lambda f: (f.direction != "out", -f.count, f.category),
    )


def load_places(conn: sqlite3.Connection, actor_id: int) -> list[PlacePoint]:
    rows = query(
        conn,
        """SELECT COALESCE(e.place_name, e.place_text) AS name, ROUND(e.lat, 3) AS lat, ROUND(e.lon, 3) AS lon,
                  e.status, COUNT(*) AS n
           FROM events e WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL
             AND e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)
           GROUP BY name, lat, lon, e.status""",
        [actor_id],
    )
    grouped: dict[tuple[str, float, float], Counter[str]] = defaultdict(Counter)
    for r in rows:
        grouped[(r["name"] or "?", r["lat"], r["lon"])][r["status"]] += r["n"]
    return sorted(
        (PlacePoint(name=name, lat=lat, lon=lon, count=sum(st.values()), status=st.most_common(1)[0][0],
                    href=events_url(actor=actor_id, q=""))
         for (name, lat, lon), st in grouped.items()),
        key=lambda p: (-p.count, p.name),
    )


def load_reporters(conn: sqlite3.Connection, actor_id: int, *, limit: int = 20) -> list[Reporter]:
    """Who the articles say the events involving this actor come from (attribution), most often first."""
    return [
        Reporter(name=r["name"], kind=r["kind"], named=bool(r["named"]), count=r["n"])
        for r in query(
            conn,
            """SELECT c.name, c.kind, MAX(c.named) AS named, COUNT(DISTINCT c.event_id) AS n FROM claims c
               WHERE c.event_id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)
               GROUP BY LOWER(c.name), c.kind ORDER BY n DESC, c.name LIMIT ?""",
            [actor_id, limit],
        )
    ]


def load_outlets(conn: sqlite3.Connection, actor_id: int, *, limit: int = 20) -> list[tuple[str, int]]:
    """Outlets whose articles mention events involving this actor (copies counted once, under the original)."""
    return [
        (r["outlet"] or "unknown outlet", r["n"])
        for r in query(
            conn,
            """SELECT a.outlet, COUNT(DISTINCT COALESCE(a.copy_of, a.id)) AS n
               FROM events e JOIN articles a ON a.id = e.article_id
               WHERE e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)
               GROUP BY a.outlet ORDER BY n DESC, a.outlet LIMIT ?""",
            [actor_id, limit],
        )
    ]


def _direction(mine: str, theirs: str, symmetric: bool) -> str:
    if symmetric or mine == theirs:
        return "with"
    return "out" if mine == "source" else "in"


def _dot_title(e: EventRow) -> str:
    src = ", ".join(a.name for a in e.sources) or "?"
    tgt = ", ".join(a.name for a in e.targets) or "?"
    return f"{e.when}: {src} {e.type} {tgt} ({e.status})"
