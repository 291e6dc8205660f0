"""``Store``: the SQLite store as one object: ingest articles, then query events, actors, clusters.

    with Store("news.db") as store:
        counts = store.ingest(read_inputs(["articles.jsonl"]))
        for event in store.events(actor="RUS", type="AID", since=date(2023, 9, 1)):
            ...

Opening a store creates and migrates the file; ``Store(path, read_only=True)``
never creates or changes anything and fails with a :class:`StoreError` when
the file is missing. Cross-article linking (``newsgraph.link``) runs on the
connection after ingest; the CLI does it, Python callers call
``relink(store.conn)``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import chain
from pathlib import Path
from types import TracebackType
from typing import Any

from newsgraph.config import Settings
from newsgraph.errors import StoreError
from newsgraph.records import Article, Rejection
from newsgraph.store import queries
from newsgraph.store.migrate import check_version, connect, migrate
from newsgraph.store.writer import (
    BatchCounts,
    Extracted,
    content_hash,
    split_origin,
    stored_article_id,
    stored_hash,
    write_batch,
    write_rejection,
)

DEFAULT_DB = "newsgraph.db"


@dataclass(slots=True)
class IngestCounts:
    """Running totals of :meth:`Store.ingest`."""

    articles_new: int = 0
    articles_existing: int = 0  # text stored already (or repeated in this run): not extracted again
    extracted: int = 0  # articles through the pipeline (stored when their batch is written)
    events: int = 0
    claims: int = 0
    rejected: int = 0

    def add(self, batch: BatchCounts) -> None:
        """Add a written batch (its rejections are counted as they are reported)."""
        self.articles_new += batch.articles_new
        self.articles_existing += batch.articles_existing
        self.events += batch.events
        self.claims += batch.claims

    def summary(self) -> str:
        return (
            f"{_plural(self.articles_new, 'new article')}, {self.articles_existing} already stored; "
            f"{_plural(self.events, 'event')}; {_plural(self.rejected, 'input')} rejected; "
            f"{_plural(self.claims, 'claim')}"
        )


class Store:
    """A newsgraph SQLite database (context manager; closes the connection on exit)."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.conn: sqlite3.Connection = connect(path, read_only=read_only)
        try:
            if read_only:
                check_version(self.conn, self.path)
            else:
                migrate(self.conn)
        except sqlite3.Error as exc:
            self.conn.close()
            raise StoreError(f"cannot use the database {self.path}: {exc}") from exc
        except BaseException:
            self.conn.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # --- writing ----------------------------------------------------------------------------------

    def write(self, pairs: Iterable[Extracted]) -> BatchCounts:
        """Store extracted (article, events[, claims]) in one transaction (see :func:`write_batch`)."""
        return write_batch(self.conn, pairs)

    def reject(self, rejection: Rejection) -> bool:
        """Record a rejected input in ``_rejections`` (once); True if it was not recorded before."""
        return write_rejection(self.conn, rejection)

    def ingest(
        self,
        articles: Iterable[Article | Rejection],
        *,
        settings: Settings | None = None,
        batch_size: int | None = None,
        on_rejection: Callable[[Rejection], None] | None = None,
        on_progress: Callable[[IngestCounts], None] | None = None,
        link: bool = False,
    ) -> IngestCounts:
        """Extract and store articles (Rejections in the stream, e.g. from ``read_inputs``, are recorded).
        With ``link``, the cross-article links (copies, clusters, conflicts) are recomputed after
        the last batch (``newsgraph.link.relink``), as ``newsgraph ingest`` does.

        Articles whose text is stored already skip extraction. Every ``batch_size``
        extracted articles (default: ``settings.batch_size``) are written in one
        transaction with their events. Inputs that fail (ingest, extract or store)
        go to ``_rejections`` and to ``on_rejection``; the run goes on.
        """
        from newsgraph.api import iter_extracted  # loads spaCy: only when ingesting

        settings = settings or Settings.from_env()
        size = batch_size or settings.batch_size
        if size != settings.batch_size:
            settings = replace(settings, batch_size=size)
        counts = IngestCounts()

        def rejected(rejection: Rejection, *, recorded: bool = False) -> None:
            counts.rejected += 1
            if not recorded:
                self.reject(rejection)
            if on_rejection is not None:
                on_rejection(rejection)

        def progress() -> None:
            if on_progress is not None:
                on_progress(counts)

        pending: list[Extracted] = []

        def flush() -> None:
            if not pending:
                return
            batch = self.write(pending)
            pending.clear()
            counts.add(batch)
            for rejection in batch.rejected:
                rejected(rejection, recorded=True)
            progress()

        fresh = self._fresh(articles, counts=counts, on_rejection=rejected, on_progress=progress)
        first = next(fresh, None)
        if first is None:  # nothing new: do not even load the model
            return counts
        try:
            for article, events, claims in iter_extracted(chain([first], fresh), settings=settings,
                                                          on_error=rejected):
                pending.append((article, events, claims))
                counts.extracted += 1
                if len(pending) >= size:
                    flush()
                else:
                    progress()
        except KeyboardInterrupt:
            flush()  # what is extracted is complete: keep it
            raise
        flush()
        if link and counts.articles_new:
            from newsgraph.link import relink

            relink(self.conn)
        return counts

    def _fresh(
        self,
        items: Iterable[Article | Rejection],
        *,
        counts: IngestCounts,
        on_rejection: Callable[[Rejection], None],
        on_progress: Callable[[], None],
    ) -> Iterator[Article]:
        """The articles not stored yet (checked by content hash before any NLP); rejections recorded."""
        seen: dict[str, str] = {}  # content hash → article id, in this run
        for item in items:
            if isinstance(item, Rejection):
                on_rejection(item)
                continue
            digest = content_hash(item.text)
            if digest in seen or stored_hash(self.conn, digest):
                counts.articles_existing += 1
                on_progress()
                continue
            stored = stored_article_id(self.conn, item.id)
            if stored is not None and stored != digest:
                path, line = split_origin(item.origin or item.id)
                reason = (
                    f"article id {item.id!r} is stored already with a different text; give the new version its own id"
                )
                on_rejection(Rejection(origin=path, line=line, stage="store", reason=reason))
                continue
            seen[digest] = item.id
            yield item

    # --- reading ----------------------------------------------------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        counterpart: str | None = None,
        type: str | None = None,
        status: str | None = None,
        item: str | None = None,
        since: date | None = None,
        until: date | None = None,
        named_source: bool = False,
        min_confidence: float | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Contract records of the matching events (+ ``cluster_id``, ``outlet``, ``published``), by date."""
        filters = queries.EventFilters(
            actor=actor, counterpart=counterpart, type=type, status=status, item=item,
            since=since, until=until, named_source=named_source, min_confidence=min_confidence, limit=limit,
        )  # fmt: skip
        return list(queries.select_events(self.conn, filters))

    def iter_events(self, filters: queries.EventFilters) -> Iterator[dict[str, Any]]:
        """:meth:`events`, streamed."""
        return queries.select_events(self.conn, filters)

    def actor_profile(self, name: str) -> queries.ActorProfile:
        """Counterparts, items in/out, timeline by month and who reports about the actor ``name``."""
        return queries.actor_profile(self.conn, name)

    def suggest_actors(self, name: str) -> list[str]:
        return queries.suggest_actors(self.conn, name)

    def clusters(
        self, *, conflicting: bool = False, min_sources: int = 1, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Clusters of mentions of one event across articles (filled by ``newsgraph.link``)."""
        return queries.select_clusters(self.conn, conflicting=conflicting, min_sources=min_sources, limit=limit)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return queries.count_rows(self.conn)

    def rejections(self) -> list[dict[str, Any]]:
        """Recorded rejections: path, line, stage, reason, at."""
        return queries.select_rejections(self.conn)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
