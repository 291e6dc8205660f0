"""Building and running the Datasette instance that serves a newsgraph store, read-only."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.serve.urls import STATIC
from newsgraph.store.migrate import check_version, connect

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC_DIR = HERE / "static"


def check_store(path: Path) -> None:
    """Raise StoreError unless ``path`` is a newsgraph store this version can read (opened read-only)."""
    if not path.is_file():
        what = "a directory, not a database file" if path.is_dir() else "no such file"
        raise StoreError(f"{path}: {what}; create a store with `newsgraph ingest INPUT… --db {path}` "
                         "or name an existing one")
    conn = connect(path, read_only=True)
    try:
        check_version(conn, str(path))
    except sqlite3.Error as exc:
        raise StoreError(f"cannot read the database {path}: {exc}") from exc
    finally:
        conn.close()


# Datasette settings for a served store: visitors' own SQL off unless asked for (--allow-sql),
# and then each query limited to 1 s and 1,000 rows; the newsgraph pages run their own queries.
SQL_TIME_LIMIT_MS = 1000
MAX_RETURNED_ROWS = 1000


def build_datasette(path: Path | str, *, immutable: bool = False, min_confidence: float | None = None,
                    allow_sql: bool = False) -> Any:
    """A Datasette over the store with the newsgraph pages (startup hooks run on the first request).

    The database is opened read-only: ``mode=ro`` connections (so a store that is
    still being written shows new rows), or ``immutable=1`` for a finished file.
    Datasette 0.65 offers no write API, and no canned write queries are configured.
    ``min_confidence`` is the events list's default minimum confidence; ``allow_sql`` lets
    visitors run their own (read-only, time-limited) SQL.
    """
    from datasette.app import Datasette
    from datasette.plugins import pm

    from newsgraph.serve import plugin
    from newsgraph.serve.charts import land_svg

    db_path = Path(path)
    check_store(db_path)
    if not pm.is_registered(plugin):
        pm.register(plugin, name="newsgraph")
    files = [] if immutable else [str(db_path)]
    datasette = Datasette(
        files,
        immutables=[str(db_path)] if immutable else None,
        template_dir=str(TEMPLATES),
        static_mounts=[(STATIC.lstrip("/"), str(STATIC_DIR))],
        metadata={"title": "newsgraph", "plugins": {"newsgraph": {"database": db_path.stem,
                                                                 "min_confidence": min_confidence}},
                  # Datasette finds an FTS table only by content="…" or content=[…]; the store's says
                  # content='articles', so name it: the articles table's search box searches its text
                  "databases": {db_path.stem: {"tables": {"articles": {"fts_table": "articles_fts",
                                                                        "fts_pk": "rowid"}}}}},
        settings={"sql_time_limit_ms": SQL_TIME_LIMIT_MS, "max_returned_rows": MAX_RETURNED_ROWS,
                  "default_allow_sql": allow_sql},
    )
    threading.Thread(target=land_svg, name="newsgraph-land", daemon=True).start()  # ~1 s of gazetteer reading
    return datasette


def run_server(
    path: Path | str, *, host: str = "127.0.0.1", port: int = 8001, immutable: bool = False,
    min_confidence: float | None = None, allow_sql: bool = False,
) -> None:
    """Serve the store until interrupted (uvicorn, like ``datasette serve``)."""
    import uvicorn

    datasette = build_datasette(path, immutable=immutable, min_confidence=min_confidence, allow_sql=allow_sql)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")
