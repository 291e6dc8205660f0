"""Open a store database and bring its schema up to date.

Migrations are the ``NNNN_name.sql`` files next to this module, applied in
order of their number, each in one ``BEGIN IMMEDIATE`` transaction together
with its record in ``_migrations`` (version, name, applied_at) and
``PRAGMA user_version``; a crash mid-migration leaves the previous version.
Two processes opening a new database at once are serialised by the write lock
and the version is re-read under it, so no migration runs twice.

Every connection gets WAL journaling (file databases), foreign keys on, a busy
timeout (writers wait for each other instead of failing) and autocommit mode
(``isolation_level=None``): transactions are explicit (:func:`transaction`).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from newsgraph.errors import StoreError

BUSY_TIMEOUT_MS = 30_000
_NAME = re.compile(r"^(\d{4})_([A-Za-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """The packaged migrations in version order; their numbers must run 1, 2, 3… without gaps."""
    found: list[Migration] = []
    for entry in resources.files("newsgraph.store").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(version=int(match[1]), name=match[2], sql=entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"store migrations must be numbered 0001, 0002, … without gaps or repeats; found {versions}")
    return found


def latest_version() -> int:
    return len(load_migrations())


def connect(path: str | Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A configured connection; ``read_only`` never creates a file and refuses a database that is not one."""
    name = str(path)
    memory = name == ":memory:" or name.startswith("file::memory:")
    try:
        if read_only and not memory:
            file = Path(name)
            if not file.is_file():
                raise StoreError(
                    f"no database at {name}: create it with `newsgraph ingest INPUT… --db {name}` "
                    "or pass the right path with --db"
                )
            conn = sqlite3.connect(file.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
        else:
            conn = sqlite3.connect(name, isolation_level=None)
        configure(conn, wal=not memory and not read_only)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the database {name}: {exc}") from exc
    return conn


def configure(conn: sqlite3.Connection, *, wal: bool = True) -> None:
    """Pragmas every connection needs (raises sqlite3.DatabaseError for a file that is not a database)."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")  # sorts and the actor profile's temp table
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: committed data survives a killed process
    else:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fail early on a non-database


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection) -> list[Migration]:
    """Apply the migrations the database lacks, in order; returns those applied."""
    migrations = load_migrations()
    current = schema_version(conn)
    if current > len(migrations):
        raise StoreError(
            f"the database has schema version {current}, newer than this newsgraph knows ({len(migrations)}): "
            "upgrade newsgraph"
        )
    applied: list[Migration] = []
    for migration in migrations[current:]:
        with transaction(conn):
            if schema_version(conn) >= migration.version:  # another process got there first
                continue
            conn.execute(
                "CREATE TABLE IF NOT EXISTS _migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            for statement in split_statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO _migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, now()),
            )
            conn.execute(f"PRAGMA user_version = {migration.version:d}")
        applied.append(migration)
    return applied


def check_version(conn: sqlite3.Connection, path: str) -> None:
    """For read-only use: the database must be a newsgraph store this version can read."""
    version = schema_version(conn)
    if version == 0:
        raise StoreError(f"{path} is not a newsgraph database (no schema); create one with `newsgraph ingest`")
    if version > latest_version():
        raise StoreError(f"{path} has schema version {version}, newer than this newsgraph knows: upgrade newsgraph")


def split_statements(script: str) -> list[str]:
    """The complete SQL statements of ``script`` (trigger bodies kept whole), comments and blanks dropped."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise StoreError(f"incomplete SQL statement at the end of a migration: {pending.strip()[:80]!r}")
    return statements


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction (``BEGIN IMMEDIATE``), or a savepoint when one is already open."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT newsgraph")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO newsgraph")
            conn.execute("RELEASE newsgraph")
            raise
        conn.execute("RELEASE newsgraph")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
