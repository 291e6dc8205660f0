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
from typing import Any, TypeVar

from newsgraph.config import Settings
from newsgraph.errors import StoreError
from newsgraph.records import Article, ArticleRecords, Rejection
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
_T = TypeVar("_T")


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
        run = _Batches(self, size, on_rejection, on_progress)
        fresh = (article for article in run.accepted(articles) if run.is_new(article))
        first = next(fresh, None)
        if first is not None:  # nothing new: do not even load the model
            run.write_all(iter_extracted(chain([first], fresh), settings=settings, on_error=run.rejected))
        return run.finish(link=link)

    def ingest_extracted(
        self,
        records: Iterable[ArticleRecords | Rejection],
        *,
        batch_size: int = 32,
        on_rejection: Callable[[Rejection], None] | None = None,
        on_progress: Callable[[IngestCounts], None] | None = None,
        link: bool = False,
    ) -> IngestCounts:
        """Store articles extracted elsewhere, with their events and claims, without any NLP (from
        ``newsgraph.ingest.read_extracted``: ``newsgraph extract --format records`` or another
        worker's output). The same idempotence (stored texts are skipped), batching, rejections and
        linking as :meth:`ingest`."""
        run = _Batches(self, batch_size, on_rejection, on_progress)
        run.write_all(r for r in run.accepted(records) if run.is_new(r[0]))
        return run.finish(link=link)

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


class _Batches:
    """One ingest run's writing: new articles checked by content hash, batches of extracted
    articles written in one transaction each, rejections recorded and reported, progress."""

    def __init__(self, store: Store, size: int, on_rejection: Callable[[Rejection], None] | None,
                 on_progress: Callable[[IngestCounts], None] | None) -> None:
        self.store = store
        self.size = size
        self.on_rejection = on_rejection
        self.on_progress = on_progress
        self.counts = IngestCounts()
        self.pending: list[Extracted] = []
        self.seen: dict[str, str] = {}  # content hash → article id, in this run

    def rejected(self, rejection: Rejection, *, recorded: bool = False) -> None:
        self.counts.rejected += 1
        if not recorded:
            self.store.reject(rejection)
        if self.on_rejection is not None:
            self.on_rejection(rejection)

    def progress(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.counts)

    def accepted(self, items: Iterable[_T | Rejection]) -> Iterator[_T]:
        """The items that are not rejections (those are recorded)."""
        for item in items:
            if isinstance(item, Rejection):
                self.rejected(item)
            else:
                yield item

    def is_new(self, article: Article) -> bool:
        """Whether the article's text is neither stored nor seen in this run (checked before any NLP);
        an id stored with another text is rejected."""
        digest = content_hash(article.text)
        if digest in self.seen or stored_hash(self.store.conn, digest):
            self.counts.articles_existing += 1
            self.progress()
            return False
        stored = stored_article_id(self.store.conn, article.id)
        if stored is not None and stored != digest:
            path, line = split_origin(article.origin or article.id)
            reason = (f"article id {article.id!r} is stored already with a different text; "
                      "give the new version its own id")
            self.rejected(Rejection(origin=path, line=line, stage="store", reason=reason))
            return False
        self.seen[digest] = article.id
        return True

    def write_all(self, extracted: Iterable[Extracted]) -> None:
        """Write the extracted articles in batches; on an interrupt what is complete is kept."""
        try:
            for item in extracted:
                self.pending.append(item)
                self.counts.extracted += 1
                if len(self.pending) >= self.size:
                    self.flush()
                else:
                    self.progress()
        except KeyboardInterrupt:
            self.flush()  # what is extracted is complete: keep it
            raise
        self.flush()

    def finish(self, *, link: bool) -> IngestCounts:
        """The run's counts, after relinking the store when asked and something new was stored."""
        if link and self.counts.articles_new:
            from newsgraph.link import relink

            relink(self.store.conn)
        return self.counts

    def flush(self) -> None:
        if not self.pending:
            return
        batch = self.store.write(self.pending)
        self.pending.clear()
        self.counts.add(batch)
        for rejection in batch.rejected:
            self.rejected(rejection, recorded=True)
        self.progress()
