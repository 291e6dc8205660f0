"""GraphML (via networkx): actors as nodes, events as edges of a directed multigraph.

Nodes are canonical actors (id = the store's actor key ``name|kind|country``: a state and its
government are one node) with ``name``, ``kind``, ``country``, ``sector`` (a state's is empty;
empty string when unknown: GraphML has no null).
Each event gives one edge per (source, target) pair, keyed by the event id, carrying
``event_id``, ``type``, ``mode``, ``status``, ``items`` (as text: "40 armoured vehicles
(armoured-vehicles); …"), ``cluster_id``, ``date``, ``article_id``, ``cameo``, ``symmetric``
and ``confidence``. A symmetric event with participants but no target links its
participants pairwise; an event without actors on both sides has no edge. The count
returned is the number of edges.
"""

from __future__ import annotations

import sqlite3
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.export.rows import ExportRow, iter_rows


def export_graphml(conn: sqlite3.Connection, out_path: Path, *, min_confidence: float | None = None) -> int:
    graph = build_graph(conn, min_confidence=min_confidence)
    nx.write_graphml(graph, str(out_path), encoding="utf-8")
    return int(graph.number_of_edges())


def build_graph(conn: sqlite3.Connection, *, min_confidence: float | None = None) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(name="newsgraph events")
    for row in iter_rows(conn, min_confidence=min_confidence):
        for source, target in _pairs(row.record):
            for actor in (source, target):
                graph.add_node(actor_node(actor), **_node_attrs(actor))
            graph.add_edge(actor_node(source), actor_node(target), key=row.record["id"], **_edge_attrs(row))
    return graph


def actor_node(actor: dict[str, Any]) -> str:
    return "|".join(str(actor.get(f) or "") for f in ("name", "kind", "country"))


def _pairs(rec: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    sources, targets = rec.get("source") or [], rec.get("target") or []
    if sources and targets:
        return [(s, t) for s in sources for t in targets if actor_node(s) != actor_node(t)]
    if rec.get("symmetric") and len(sources) > 1:
        return [(a, b) for a, b in combinations(sources, 2) if actor_node(a) != actor_node(b)]
    return []


def _node_attrs(actor: dict[str, Any]) -> dict[str, str]:
    attrs = {f: str(actor.get(f) or "") for f in ("name", "kind", "country", "sector")}
    if attrs["kind"] == "state":
        attrs["sector"] = ""  # the state itself; its government's sector is the mention's
    return attrs


def _edge_attrs(row: ExportRow) -> dict[str, Any]:
    rec = row.record
    items = "; ".join(
        " ".join(p for p in (i.get("quantity"), i.get("text")) if p) + f" ({i.get('category')})"
        for i in rec.get("items") or []
    )
    return {
        "event_id": rec["id"], "type": rec["type"], "mode": rec.get("mode") or "", "status": rec.get("status") or "",
        "items": items, "cluster_id": row.cluster.id if row.cluster else "", "date": row.event_date or "",
        "article_id": rec["article_id"], "cameo": rec.get("cameo") or "", "symmetric": bool(rec.get("symmetric")),
        "confidence": float(rec.get("confidence") or 0.0),
    }
