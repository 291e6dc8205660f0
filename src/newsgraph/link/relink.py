"""``relink``: recompute copies, event clusters and conflicts from what the store holds.

Everything is a function of the connection: run it after any ingest; it replaces the previous
linking (``articles.copy_of``, ``clusters``, ``conflicts``, ``events.cluster_id``) in one
write transaction (``BEGIN IMMEDIATE`` … ``COMMIT``; a savepoint instead when the caller holds
a transaction open, which the caller then commits). Only ``_minhash``, the signature cache, survives between runs.

``n_sources`` of a cluster counts the independent sources (``outlets.count_sources``) of the
mentions that report it done or announced (``asserted``, ``planned``): an outlet that only
reports a denial adds a ``status`` conflict, not corroboration, and one that only asks for it,
wonders whether it may happen or supposes it (requested, possible, hypothetical) writes about
the event without reporting it; a sentence an earlier article
already holds counts as that article (``clusters.repeated_passages``). ``n_mentions`` counts the
mentions but such repeats, ``n_articles`` every article; ``first_reported``/``last_reported`` are
the earliest and latest publication dates of the cluster's articles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsgraph.link.clusters import (
    Mention,
    cluster_id,
    cluster_label,
    cluster_mentions,
    load_mentions,
    repeated_passages,
)
from newsgraph.link.conflicts import Conflict, MentionFacts, find_conflicts
from newsgraph.link.copies import find_copies, write_copies
from newsgraph.link.outlets import count_sources, outlet_key
from newsgraph.store.migrate import transaction

SOURCE_STATUSES = frozenset({"asserted", "planned"})  # reports of the event (done, or announced)


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkSummary:
    """What ``relink`` found: near-duplicate groups (≥ 2 articles), clusters (every event is in
    one), clusters with ≥ 2 independent sources, and clusters flagged as conflicting."""

    copy_groups: int
    clusters: int
    multi_source_clusters: int
    conflicts: int

    def summary(self) -> str:
        return (
            f"{_plural(self.copy_groups, 'copy group')}, {_plural(self.clusters, 'event cluster')} "
            f"({self.multi_source_clusters} with 2+ independent sources, {self.conflicts} conflicting)"
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterRow:
    id: str
    type: str
    label: str
    n_mentions: int
    n_articles: int
    n_sources: int
    first_reported: str | None
    last_reported: str | None
    conflicts: tuple[Conflict, ...]
    event_ids: tuple[str, ...]


def relink(conn: sqlite3.Connection) -> LinkSummary:
    """Recompute copies, clusters and conflicts of the store behind ``conn`` in one transaction."""
    with transaction(conn):
        copies = find_copies(conn)
        write_copies(conn, copies.copy_of)
        outlets = {
            article_id: outlet_key(outlet, url, article_id)
            for article_id, outlet, url in conn.execute("SELECT id, outlet, url FROM articles")
        }
        rows = [
            summarize_cluster(cluster, outlets=outlets, copy_root=copies.copy_of)
            for cluster in cluster_mentions(load_mentions(conn))
        ]
        _write_clusters(conn, rows)
    return LinkSummary(
        copy_groups=len(copies.groups),
        clusters=len(rows),
        multi_source_clusters=sum(1 for r in rows if r.n_sources >= 2),
        conflicts=sum(1 for r in rows if r.conflicts),
    )


def summarize_cluster(
    cluster: Sequence[Mention], *, outlets: Mapping[str, str], copy_root: Mapping[str, str]
) -> ClusterRow:
    """The ``clusters`` row of one group of mentions (sorted earliest first) and its conflicts."""
    published = sorted(m.published.isoformat() for m in cluster if m.published is not None)
    repeats = repeated_passages(cluster)  # a reused sentence counts as the article it came from
    confirming = [repeats.get(m.id, m.article_id) for m in cluster if m.status in SOURCE_STATUSES]
    facts = [
        MentionFacts(
            event_id=m.id, status=m.status,
            quantities=tuple((category, q) for _, category, q in m.items if q),
            time_start=m.time_start, time_end=m.time_end, time_text=m.time_text,
            source=outlets.get(copy_root.get(m.article_id, m.article_id), m.article_id),
        )
        for m in cluster
    ]
    return ClusterRow(
        id=cluster_id(cluster[0]),
        type=cluster[0].type,
        label=cluster_label(cluster),
        n_mentions=len(cluster) - len(repeats),
        n_articles=len({m.article_id for m in cluster}),
        n_sources=count_sources(confirming, outlets, copy_root),
        first_reported=published[0] if published else None,
        last_reported=published[-1] if published else None,
        conflicts=tuple(find_conflicts(facts)),
        event_ids=tuple(m.id for m in cluster),
    )


def _write_clusters(conn: sqlite3.Connection, rows: Sequence[ClusterRow]) -> None:
    conn.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
    conn.execute("DELETE FROM conflicts")
    conn.execute("DELETE FROM clusters")
    conn.executemany(
        "INSERT INTO clusters (id, type, label, n_mentions, n_articles, n_sources, first_reported, "
        "last_reported, conflicting) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (r.id, r.type, r.label, r.n_mentions, r.n_articles, r.n_sources, r.first_reported, r.last_reported,
             int(bool(r.conflicts)))
            for r in rows
        ],
    )
    conn.executemany(
        "UPDATE events SET cluster_id = ? WHERE id = ?", [(r.id, e) for r in rows for e in r.event_ids]
    )
    conn.executemany(
        "INSERT INTO conflicts (cluster_id, kind, event_id, value) VALUES (?, ?, ?, ?)",
        [(r.id, c.kind, c.event_id, c.value) for r in rows for c in r.conflicts],
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
