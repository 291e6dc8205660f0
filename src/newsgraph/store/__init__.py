"""The store stage: a SQLite database of articles, events, actors, items, claims and clusters.

- :mod:`~newsgraph.store.migrate`: connections (WAL, foreign keys, busy timeout) and versioned migrations
- :mod:`~newsgraph.store.writer`: :func:`write_batch`, one transaction per batch of (Article, events)
- :mod:`~newsgraph.store.queries`: the read side (events, actor profiles, clusters)
- :mod:`~newsgraph.store.store`: :class:`Store`, all of it behind one object

Importing this package does not load spaCy (only :meth:`Store.ingest` does).
"""

from newsgraph.store.migrate import connect, latest_version, migrate, schema_version, transaction
from newsgraph.store.queries import ActorProfile, EventFilters
from newsgraph.store.store import DEFAULT_DB, IngestCounts, Store
from newsgraph.store.writer import BatchCounts, content_hash, write_batch, write_rejection

__all__ = [
    "DEFAULT_DB",
    "ActorProfile",
    "BatchCounts",
    "EventFilters",
    "IngestCounts",
    "Store",
    "connect",
    "content_hash",
    "latest_version",
    "migrate",
    "schema_version",
    "transaction",
    "write_batch",
    "write_rejection",
]
