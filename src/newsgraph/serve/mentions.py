"""Data of the pages that show article text: a cluster's mentions, one mention, one article."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from newsgraph.serve.claims import ClaimRow, article_claims
from newsgraph.serve.highlight import Link, Mark, Token, excerpt_bounds, record_marks, tokenize
from newsgraph.serve.queries import ClusterRow, load_clusters
from newsgraph.serve.rows import EventRow, chunked, load_events, query
from newsgraph.serve.urls import article_url


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    """What one mention says where its cluster's reports disagree."""

    kind: str  # status | quantity | time
    value: str | None
    dissent: bool  # not the one value most reports give
    others: tuple[tuple[str, int], ...]  # the other values and how many reports give each


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """One event mention as a card: the row, its conflict flags and its marked excerpt."""

    event: EventRow
    conflicts: tuple[Conflict, ...]
    excerpt: list[Token]
    cut_before: bool
    cut_after: bool
    window: tuple[str, str] | None = None  # the days the linker placed it in (events.link_window_*)

    @property
    def dissent(self) -> bool:
        """Whether this report differs from its cluster's most common account on something."""
        return any(c.dissent for c in self.conflicts)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterPage:
    cluster: ClusterRow
    mentions: list[Mention]
    conflicts: dict[str, list[tuple[str, int]]]  # kind → (value, number of reports), most reported first
    outlets: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleInfo:
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    origin: str | None
    copy_of: str | None
    ingested_at: str | None
    length: int

    @property
    def copy_url(self) -> str | None:
        return article_url(self.copy_of) if self.copy_of else None

    @property
    def safe_url(self) -> str | None:
        """The original's address, only when it is a web address (never ``javascript:`` and the like)."""
        url = (self.url or "").strip()
        return url if url.lower().startswith(("http://", "https://")) else None


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticlePage:
    article: ArticleInfo
    tokens: list[Token]
    events: list[EventRow]
    copies: list[tuple[str, str | None, str | None]]  # (url, title, outlet) of articles copying this one
    claims: list[ClaimRow]  # who says what in it


def cluster_data(conn: sqlite3.Connection, cluster_id: str) -> ClusterPage | None:
    """A cluster and each of its mentions with its article excerpt, or None when there is no such cluster."""
    clusters = load_clusters(conn, "c.id = ?", [cluster_id])
    if not clusters:
        return None
    events = load_events(conn, "e.cluster_id = ?", [cluster_id], order="a.published IS NULL, a.published, e.id")
    flags, summary = load_conflicts(conn, cluster_id)
    windows = link_windows(conn, [e.id for e in events])
    mentions = [replace(mention_card(conn, e, tuple(flags.get(e.id, ()))), window=windows.get(e.id)) for e in events]
    outlets = len({e.outlet or e.article_id for e in events})
    return ClusterPage(cluster=clusters[0], mentions=mentions, conflicts=summary, outlets=outlets)


def link_windows(conn: sqlite3.Connection, event_ids: list[str]) -> dict[str, tuple[str, str]]:
    """The window the linker placed each event in; none for a store from before they were kept."""
    found: dict[str, tuple[str, str]] = {}
    for chunk in chunked(event_ids):
        try:
            rows = query(conn, "SELECT id, link_window_start, link_window_end FROM events WHERE id IN "
                               f"({','.join('?' * len(chunk))}) AND link_window_start IS NOT NULL", chunk)
        except sqlite3.OperationalError:  # no such column: schema older than 0006_link_windows.sql
            return {}
        found.update((r["id"], (r["link_window_start"], r["link_window_end"])) for r in rows)
    return found


def load_conflicts(
    conn: sqlite3.Connection, cluster_id: str
) -> tuple[dict[str, list[Conflict]], dict[str, list[tuple[str, int]]]]:
    """Each mention's conflict flags (dissenting when it is not the single most reported value; on a
    tie no report dissents),
    and per kind the values with their number of reports."""
    rows = query(conn, "SELECT kind, event_id, value FROM conflicts WHERE cluster_id = ? ORDER BY kind, event_id",
                 [cluster_id])
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        counts[r["kind"]][r["value"] or "—"] += 1
    flags: dict[str, list[Conflict]] = defaultdict(list)
    for r in rows:
        tally = counts[r["kind"]]
        value = r["value"] or "—"
        top = max(tally.values())
        majority = sum(1 for n in tally.values() if n == top) == 1  # a tie has no majority to dissent from
        flags[r["event_id"]].append(Conflict(
            kind=r["kind"], value=r["value"], dissent=majority and tally[value] != top,
            others=tuple((v, n) for v, n in tally.most_common() if v != value)))
    return dict(flags), {kind: tally.most_common() for kind, tally in counts.items()}


def event_data(conn: sqlite3.Connection, event_id: str) -> Mention | None:
    """One event mention as a card (for events the linker put in no cluster)."""
    events = load_events(conn, "e.id = ?", [event_id])
    if not events:
        return None
    event = events[0]
    flags = load_conflicts(conn, event.cluster_id)[0].get(event.id, []) if event.cluster_id else []
    return mention_card(conn, event, tuple(flags))


def mention_card(conn: sqlite3.Connection, event: EventRow, conflicts: tuple[Conflict, ...]) -> Mention:
    """The event's evidence in a window of its article's text, with trigger and mentions marked."""
    text = article_text(conn, event.article_id)
    marks = record_marks(text, event.record)
    if marks:
        lo, hi = excerpt_bounds(text, marks[0].start, marks[0].end)
    else:  # offsets that do not fit the stored text: show the evidence as the record gives it
        text, lo, hi = event.evidence, 0, len(event.evidence)
    return Mention(event=event, conflicts=conflicts, excerpt=tokenize(text, marks, start=lo, end=hi),
                   cut_before=lo > 0, cut_after=hi < len(text))


def article_text(conn: sqlite3.Connection, article_id: str) -> str:
    row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    return str(row[0]) if row else ""


def article_data(conn: sqlite3.Connection, article_id: str) -> ArticlePage | None:
    """The article's whole text with every event's evidence, trigger and mentions marked inline."""
    rows = query(conn, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    r = rows[0]
    text = str(r["text"])
    article = ArticleInfo(id=r["id"], title=r["title"], outlet=r["outlet"], url=r["url"], published=r["published"],
                          origin=r["origin"], copy_of=r["copy_of"], ingested_at=r["ingested_at"], length=len(text))
    events = load_events(conn, "e.article_id = ?", [article_id], order="e.evidence_start, e.trigger_start, e.id")
    return ArticlePage(article=article, tokens=tokenize(text, article_marks(text, events)), events=events,
                       copies=[(article_url(c["id"]), c["title"] or c["id"], c["outlet"]) for c in query(
                           conn, "SELECT id, title, outlet FROM articles WHERE copy_of = ? AND id != ? ORDER BY id",
                           [article_id, article_id])],
                       claims=article_claims(conn, article_id))


def article_marks(text: str, events: list[EventRow]) -> list[Mark]:
    """One evidence mark per distinct sentence (linking to each of its events), and the inner marks once."""
    spans: dict[tuple[int, int], list[EventRow]] = defaultdict(list)
    inner: dict[tuple[int, int], Mark] = {}
    for event in events:
        marks = record_marks(text, event.record)
        if not marks:
            continue
        evidence, rest = marks[0], marks[1:]
        spans[(evidence.start, evidence.end)].append(event)
        for m in rest:
            inner.setdefault((m.start, m.end), m)
    out: list[Mark] = []
    for (start, end), group in spans.items():
        links = tuple(Link(label=e.type, href=e.url, status=e.status,
                           title=f"{e.type} ({e.status})" + (" — cluster" if e.cluster_id else " — event"))
                      for e in group)
        title = "; ".join(f"{e.type} ({e.status})" for e in group)
        out.append(Mark(start=start, end=end, kind="evidence", title=title, links=links))
    out.extend(inner.values())
    return out
