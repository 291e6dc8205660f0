"""``relink``: bring copies, event clusters and conflicts up to date with what the store holds.

Run it after any ingest. It is incremental: it hashes and compares only the articles stored
since the last run (``copies.update_copies``: their LSH band keys looked up in an index), and
reclusters only the blocks (type and actors, ``events.link_block``) that hold a new event or an
event of an article whose copy group changed; clusters are made within a block, so the blocks
it leaves alone are exactly what a run over everything would give. ``relink(conn, full=True)``
(``newsgraph link --full``) forgets all linking and recomputes it: the same clusters, conflicts
and copies (a test and ``benchmarks/ingest.py --incremental`` check it); use it after an actor
table changes the keys of stored actors. Either way it writes ``articles.copy_of``,
``clusters``, ``conflicts``, ``events.cluster_id``, ``events.link_block`` and the window each
event was given (``events.link_window_start``/``_end``: its own dates, else the one drawn from its
article's date and its status) in one write
transaction (``BEGIN IMMEDIATE`` … ``COMMIT``; a savepoint instead when the caller holds a
transaction open, which the caller then commits).

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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsgraph.link.clusters import (
    IN_SCOPE,
    UNLINKED,
    Mention,
    block_key,
    cluster_id,
    cluster_label,
    link_mentions,
    load_mentions,
    repeated_passages,
)
from newsgraph.link.conflicts import Conflict, MentionFacts, find_conflicts
from newsgraph.link.copies import find_copies, update_copies, write_copies
from newsgraph.link.outlets import count_sources, outlet_key
from newsgraph.store.migrate import transaction
from newsgraph.store.queries import select_in

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


def relink(conn: sqlite3.Connection, *, full: bool = False) -> LinkSummary:
    """Link what was stored since the last run (everything with ``full``) in one transaction."""
    with transaction(conn):
        if full:
            conn.execute("UPDATE events SET link_block = NULL, cluster_id = NULL")
            conn.execute("DELETE FROM conflicts")
            conn.execute("DELETE FROM clusters")
            found = find_copies(conn)
            write_copies(conn, found.copy_of)
            recopied: frozenset[str] = frozenset()
        else:
            recopied = update_copies(conn)
        new = load_mentions(conn, UNLINKED)
        keys = {m.id: block_key(m) for m in new}
        conn.executemany(
            "UPDATE events SET link_block = ?, link_window_start = ?, link_window_end = ? WHERE id = ?",
            [(keys[m.id], *_window_text(m), m.id) for m in new],
        )
        scope = set(keys.values()) | set(_blocks_of_articles(conn, sorted(recopied)))
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS _link_scope (key TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM temp._link_scope")
        conn.executemany("INSERT INTO temp._link_scope VALUES (?)", [(k,) for k in scope])
        mentions = load_mentions(conn, IN_SCOPE)
        outlets, copy_root = _articles_of(conn, sorted({m.article_id for m in mentions}))
        clusters, repeats = link_mentions(mentions)
        rows = [summarize_cluster(c, outlets=outlets, copy_root=copy_root, repeats=repeats) for c in clusters]
        _replace_clusters(conn, rows)
        conn.execute("DELETE FROM temp._link_scope")
        return LinkSummary(
            copy_groups=conn.execute(
                "SELECT count(DISTINCT copy_of) FROM articles WHERE copy_of IS NOT NULL").fetchone()[0],
            clusters=conn.execute("SELECT count(*) FROM clusters").fetchone()[0],
            multi_source_clusters=conn.execute("SELECT count(*) FROM clusters WHERE n_sources >= 2").fetchone()[0],
            conflicts=conn.execute("SELECT count(*) FROM clusters WHERE conflicting = 1").fetchone()[0],
        )


def _window_text(m: Mention) -> tuple[str | None, str | None]:
    """The linker's window of a mention as ISO dates (stored with its block)."""
    window = m.window
    return (window[0].isoformat(), window[1].isoformat()) if window else (None, None)


def _blocks_of_articles(conn: sqlite3.Connection, article_ids: Sequence[str]) -> Iterator[str]:
    """The linked blocks of these articles' events."""
    sql = "SELECT DISTINCT link_block FROM events WHERE article_id IN ({}) AND link_block IS NOT NULL"
    return (key for (key,) in select_in(conn, sql, article_ids))


def _articles_of(conn: sqlite3.Connection, article_ids: Sequence[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Outlet keys of these articles and of the originals they copy, and article → original."""
    copy_root: dict[str, str] = {}
    outlets: dict[str, str] = {}
    wanted = list(dict.fromkeys(article_ids))
    asked = set(wanted)
    while wanted:  # the originals' outlets too (an original may hold no mention of its own)
        rows = list(select_in(conn, "SELECT id, outlet, url, copy_of FROM articles WHERE id IN ({})", wanted))
        wanted = []
        for article_id, outlet, url, copy_of in rows:
            outlets[article_id] = outlet_key(outlet, url, article_id)
            if copy_of:
                copy_root[article_id] = copy_of
                if copy_of not in asked:
                    asked.add(copy_of)
                    wanted.append(copy_of)
    return outlets, copy_root


def summarize_cluster(
    cluster: Sequence[Mention], *, outlets: Mapping[str, str], copy_root: Mapping[str, str],
    repeats: Mapping[str, str] | None = None,
) -> ClusterRow:
    """The ``clusters`` row of one group of mentions (sorted earliest first) and its conflicts;
    ``repeats`` (mention → the article it repeats, from ``link_mentions``) is found from the
    cluster when not given."""
    published = sorted(m.published.isoformat() for m in cluster if m.published is not None)
    if repeats is None:
        repeats = repeated_passages(cluster)
    repeats = {m.id: repeats[m.id] for m in cluster if m.id in repeats}  # a reused sentence counts as its article
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


def _replace_clusters(conn: sqlite3.Connection, rows: Sequence[ClusterRow]) -> None:
    """The clusters of the blocks in scope replaced by ``rows`` (clusters never span blocks)."""
    old = "SELECT DISTINCT cluster_id FROM events e WHERE " + IN_SCOPE + " AND cluster_id IS NOT NULL"
    conn.execute(f"DELETE FROM conflicts WHERE cluster_id IN ({old})")
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS _link_old AS {old} LIMIT 0")
    conn.execute("DELETE FROM temp._link_old")
    conn.execute(f"INSERT INTO temp._link_old {old}")
    conn.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IN (SELECT cluster_id FROM temp._link_old)")
    conn.execute("DELETE FROM clusters WHERE id IN (SELECT cluster_id FROM temp._link_old)")
    conn.execute("DELETE FROM temp._link_old")
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
