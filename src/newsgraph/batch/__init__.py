"""Runners that spread extraction over workers; they call stage functions, never the CLI.

``iter_extract_parallel`` runs :func:`newsgraph.api.iter_extract` in worker processes on one
machine (each loads the model once) and yields results in input order, so writing stays in
one process (SQLite has one writer). A cluster engine would call the same pure pieces:
``extract_chunk`` on its workers and ``newsgraph.store.write_batch`` where the store lives.
"""

from __future__ import annotations

from newsgraph.batch.local import extract_chunk, iter_extract_parallel

__all__ = ["extract_chunk", "iter_extract_parallel"]
