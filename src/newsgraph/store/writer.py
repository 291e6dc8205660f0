"""Batched writes: articles with their events, one transaction per batch.

:func:`write_batch` is the one entry point a worker pool needs: extraction can
happen anywhere, and whoever holds the database writes the (Article, events)
pairs it is sent. An article and its events are committed together or not at
all, so a killed run loses at most the batch in flight and a rerun completes it.

Articles are keyed by the SHA-256 of their normalised text (:func:`content_hash`):
an article whose text is stored already is skipped with its events, so
re-ingesting adds nothing. The row functions (:func:`article_row`,
:func:`event_row`, …) turn records into column tuples for ``executemany``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from newsgraph.records import Actor, Article, Claim, Event, Rejection
from newsgraph.store.actor_stats import update_actor_stats
from newsgraph.store.migrate import now, transaction

ARTICLE_COLUMNS = ("id", "content_hash", "title", "outlet", "url", "published", "origin", "text", "ingested_at")
EVENT_COLUMNS = (
    "id", "article_id", "type", "mode", "cameo", "symmetric", "status", "named_source",
    "time_text", "time_start", "time_end", "time_precision",
    "place_text", "place_name", "place_country", "lat", "lon", "geonames_id",
    "evidence_start", "evidence_end", "trigger_start", "trigger_end", "trigger_text",
    "confidence", "exchange_with", "record",
)  # fmt: skip
ActorKey = str
# What write_batch takes per article: its events, and its claim records when they were extracted.
Extracted = tuple[Article, Sequence[Event]] | tuple[Article, Sequence[Event], Sequence[Claim]]


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchCounts:
    """What one :func:`write_batch` did."""

    articles_new: int = 0
    articles_existing: int = 0  # same text stored already: skipped with its events
    events: int = 0
    claims: int = 0
    rejected: tuple[Rejection, ...] = ()  # articles that could not be stored (also in _rejections)


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the text after Unicode NFC, with runs of whitespace made one space and ends stripped.

    Copies that differ only in line breaks or spacing (a feed vs the page) hash the same.
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def write_batch(conn: sqlite3.Connection, pairs: Iterable[Extracted]) -> BatchCounts:
    """Store articles with their events (and claim records, when given) in one transaction; articles
    whose text is stored are skipped.

    An article whose id is stored with a different text is not stored: it becomes a
    ``store`` rejection (returned and written to ``_rejections``).
    """
    new = existing = events = claims = 0
    rejected: list[Rejection] = []
    actor_ids: dict[ActorKey, int] = {}
    with transaction(conn):
        for extracted in pairs:
            article, article_events = extracted[0], extracted[1]
            digest = content_hash(article.text)
            if stored_hash(conn, digest):
                existing += 1
                continue
            clash = conn.execute("SELECT origin FROM articles WHERE id = ?", (article.id,)).fetchone()
            if clash is not None:
                rejection = id_clash(article, clash[0])
                write_rejection(conn, rejection)
                rejected.append(rejection)
                continue
            conn.execute(_INSERT_ARTICLE, article_row(article, digest))
            new += 1
            events += write_events(conn, article_events, actor_ids)
            if len(extracted) > 2:
                claims += write_claims(conn, extracted[2])
        update_actor_stats(conn)  # the actor profiles' running totals, in the same transaction
    return BatchCounts(articles_new=new, articles_existing=existing, events=events, claims=claims,
                       rejected=tuple(rejected))


def stored_hash(conn: sqlite3.Connection, digest: str) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone() is not None


def stored_article_id(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The content hash stored under ``article_id``, if any."""
    row = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else str(row[0])


def id_clash(article: Article, stored_origin: str | None) -> Rejection:
    path, line = split_origin(article.origin or article.id)
    reason = (
        f"article id {article.id!r} is stored already with a different text "
        f"(from {stored_origin or 'an earlier run'}); give the new version its own id"
    )
    return Rejection(origin=path, line=line, stage="store", reason=reason)


def write_events(conn: sqlite3.Connection, events: Iterable[Event], actor_ids: dict[ActorKey, int]) -> int:
    """Insert events with their actors, items and claims; an event id stored already is left as it is."""
    written = 0
    for event in events:
        cursor = conn.execute(_INSERT_EVENT, event_row(event))
        if cursor.rowcount == 0:
            continue
        written += 1
        actor_rows = [
            (event.id, upsert_actor(conn, mention.actor, actor_ids), role, position, mention.text,
             mention.actor.sector)
            for role, mentions in (("source", event.source), ("target", event.target))
            for position, mention in enumerate(mentions)
        ]
        conn.executemany(_INSERT_EVENT_ACTOR, actor_rows)
        conn.executemany(_INSERT_ITEM, item_rows(event))
        conn.executemany(_INSERT_CLAIM, claim_rows(event))
    return written


def write_claims(conn: sqlite3.Connection, claims: Iterable[Claim]) -> int:
    """Insert claim records with the links to the events inside them; a stored id is left as it is."""
    written = 0
    for claim in claims:
        if conn.execute(_INSERT_CLAIM_RECORD, claim_record_row(claim)).rowcount == 0:
            continue
        written += 1
        conn.executemany("INSERT OR IGNORE INTO claim_events (claim_id, event_id) SELECT ?, ? "
                         "WHERE EXISTS (SELECT 1 FROM events WHERE id = ?)",
                         [(claim.id, event_id, event_id) for event_id in claim.events])
    return written


def write_rejection(conn: sqlite3.Connection, rejection: Rejection) -> bool:
    """Record a rejected input once (the same path, line, stage and reason is not repeated); True if new."""
    path, line = rejection.origin, rejection.line
    if line is None:
        path, line = split_origin(path)
    cursor = conn.execute(
        "INSERT OR IGNORE INTO _rejections (path, line, stage, reason, at) SELECT ?, ?, ?, ?, ? "
        "WHERE NOT EXISTS (SELECT 1 FROM _rejections WHERE path = ? AND line IS ? AND stage = ? AND reason = ?)",
        (path, line, rejection.stage, rejection.reason, now(), path, line, rejection.stage, rejection.reason),
    )
    return cursor.rowcount > 0


def split_origin(origin: str) -> tuple[str, int | None]:
    """``Article.origin`` ("path" or "path:line") as (path, line)."""
    path, _, line = origin.rpartition(":")
    return (path, int(line)) if path and line.isdigit() else (origin, None)


# --- rows -----------------------------------------------------------------------------------------


def article_row(article: Article, digest: str | None = None, *, ingested_at: str | None = None) -> tuple[Any, ...]:
    return (
        article.id,
        digest or content_hash(article.text),
        article.title,
        outlet_of(article),
        article.url,
        article.published.isoformat() if article.published else None,
        article.origin or None,
        article.text,
        ingested_at or now(),
    )


def outlet_of(article: Article) -> str | None:
    """The outlet: the input's source (metadata or JSONL "source"), else the URL's host without "www."."""
    if article.source:
        return article.source
    if article.url:
        host = urlsplit(article.url).hostname
        if host:
            return host.removeprefix("www.")
    return None


def event_row(event: Event) -> tuple[Any, ...]:
    time, place = event.time, event.location
    exchange = event.extras.get("exchange_with")
    return (
        event.id,
        event.article_id,
        event.type,
        event.mode,
        event.cameo,
        int(event.symmetric),
        event.status,
        int(any(claim.named for claim in event.attribution)),
        time.text if time else None,
        time.start.isoformat() if time and time.start else None,
        time.end.isoformat() if time and time.end else None,
        time.precision if time else None,
        place.text if place else None,
        place.name if place else None,
        place.country if place else None,
        place.lat if place else None,
        place.lon if place else None,
        place.geonames_id if place else None,
        event.evidence.start,
        event.evidence.end,
        event.trigger.start,
        event.trigger.end,
        event.trigger.text,
        event.confidence,
        exchange if isinstance(exchange, str) else None,
        json.dumps(event.to_dict(), ensure_ascii=False),
    )


def actor_key(actor: Actor) -> ActorKey:
    """``name|kind|country`` (empty for a missing part): one row per identity, whatever the sector
    of a mention (a state and its government, a person in two offices); the mention's sector is
    stored with it in ``event_actors``."""
    return "|".join((actor.name, actor.kind, actor.country or ""))


def actor_row(actor: Actor) -> tuple[Any, ...]:
    sector = None if actor.kind == "state" else actor.sector  # a state's sector is its mention's
    return (actor_key(actor), actor.name, actor.kind, actor.country, sector, actor.role, actor.wikidata)


def upsert_actor(conn: sqlite3.Connection, actor: Actor, cache: dict[ActorKey, int] | None = None) -> int:
    """The id of the actor's row, inserting it (or filling its missing role/wikidata) as needed."""
    key = actor_key(actor)
    if cache is not None and key in cache:
        return cache[key]
    row = conn.execute(_UPSERT_ACTOR, actor_row(actor)).fetchone()
    actor_id = int(row[0])
    if cache is not None:
        cache[key] = actor_id
    return actor_id


def item_rows(event: Event) -> list[tuple[Any, ...]]:
    return [(event.id, i, item.text, item.category, item.quantity) for i, item in enumerate(event.items)]


def claim_rows(event: Event) -> list[tuple[Any, ...]]:
    return [
        (event.id, i, c.text, c.name, int(c.named), c.kind, c.country, c.role, c.basis)
        for i, c in enumerate(event.attribution)
    ]


def claim_record_row(claim: Claim) -> tuple[Any, ...]:
    source, span = claim.source, claim.source_span
    return (
        claim.id, claim.article_id,
        span.text if span is not None else (source.text if source is not None else None),
        source.name if source is not None else None,
        int(source.named) if source is not None else None,
        source.kind if source is not None else None,
        source.country if source is not None else None,
        source.role if source is not None else None,
        claim.cue.start, claim.cue.end, claim.cue.text, claim.cue_lemma,
        claim.content.start, claim.content.end,
        claim.form, claim.basis, claim.stance, claim.confidence,
        json.dumps(claim.to_dict(), ensure_ascii=False),
    )


def _insert(table: str, columns: Sequence[str], conflict: str = "") -> str:
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}){conflict}"


_INSERT_ARTICLE = _insert("articles", ARTICLE_COLUMNS)
_INSERT_EVENT = _insert("events", EVENT_COLUMNS, " ON CONFLICT (id) DO NOTHING")
_INSERT_EVENT_ACTOR = _insert("event_actors", ("event_id", "actor_id", "role", "position", "text", "sector"))
_INSERT_ITEM = _insert("items", ("event_id", "position", "text", "category", "quantity"))
_INSERT_CLAIM = _insert(
    "claims", ("event_id", "position", "text", "name", "named", "kind", "country", "role", "basis")
)
CLAIM_RECORD_COLUMNS = (
    "id", "article_id", "source_text", "source_name", "source_named", "source_kind", "source_country", "source_role",
    "cue_start", "cue_end", "cue_text", "cue_lemma", "content_start", "content_end",
    "form", "basis", "stance", "confidence", "record",
)  # fmt: skip
_INSERT_CLAIM_RECORD = _insert("claim_records", CLAIM_RECORD_COLUMNS, " ON CONFLICT (id) DO NOTHING")
_UPSERT_ACTOR = (
    "INSERT INTO actors (key, name, kind, country, sector, role, wikidata) VALUES (?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (key) DO UPDATE SET role = coalesce(actors.role, excluded.role), "
    "wikidata = coalesce(actors.wikidata, excluded.wikidata) RETURNING id"
)
