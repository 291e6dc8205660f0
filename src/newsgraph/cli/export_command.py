"""``newsgraph export``: write the events of a store in an exchange format.

Thin: checks the database, opens it read-only, calls ``newsgraph.export.export``. Exit status
0 on success; 1 when the database is missing, not a newsgraph store, or the output cannot be
written (one line on stderr, no traceback); 2 for usage errors.
"""

from __future__ import annotations

import sqlite3
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.options import PROG, MinConfidenceOption
from newsgraph.errors import NewsgraphError

NEEDED_TABLES = frozenset({"articles", "events", "clusters"})


class ExportFormat(StrEnum):
    polecat = "polecat"
    plover_json = "plover-json"
    plover = "plover"
    gdelt = "gdelt"
    csv = "csv"
    parquet = "parquet"
    graphml = "graphml"
    claims = "claims"
    claims_csv = "claims-csv"
    claims_parquet = "claims-parquet"


def export_command(
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f",
            help="polecat: the POLECAT event table (TSV, its 40-column header); plover-json (or plover): "
            "POLECAT-layout JSON Lines with status, attribution and items; "
            "gdelt: GDELT 2.0 event table (TSV, no header); "
            "csv: flat rows; parquet: nested columns; graphml: actors as nodes, events as edges; "
            "claims: the stored claim records as JSON Lines; claims-csv: one flat row per claim; "
            "claims-parquet: the claim records with their nesting.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="PATH", help="The file to write (replaced); - for standard output.",
                           show_default=False)
    ],
    db: Annotated[Path, typer.Option("--db", metavar="PATH", help="The newsgraph SQLite store to read.")] = Path(
        "newsgraph.db"
    ),
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Export the stored events as a POLECAT table or POLECAT-layout JSON Lines, a GDELT table, CSV,
    Parquet or GraphML, or the stored claims as JSON Lines or CSV."""
    code = run_export(db, output_format.value, out, min_confidence=min_confidence)
    raise typer.Exit(code)


def run_export(db: Path, fmt: str, out: Path, *, min_confidence: float | None = None) -> int:
    """Export ``db`` to ``out``; returns the exit status after reporting on stderr."""
    if not db.is_file():
        return _error(f"database not found: {db} (create it with `newsgraph ingest`)")
    if str(out) == "-":
        if fmt in ("parquet", "claims-parquet"):
            return _error(f"{fmt} cannot be written to standard output (give a file name)")
        sys.stdout.flush()
        out = Path("/dev/stdout")  # written into directly, as any pipe or device
    if out.is_dir():
        return _error(f"--out is a directory: {out} (give a file name)")
    if not out.parent.is_dir():
        return _error(f"cannot write {out}: directory {out.parent} does not exist")
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return _error(f"cannot open {db}: {exc}")
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if missing := NEEDED_TABLES - tables:
            return _error(f"{db} is not a newsgraph store (no table {', '.join(sorted(missing))})")
        from newsgraph.export import export  # pyarrow and networkx load only to export

        rows = export(conn, fmt, out, min_confidence=min_confidence)
    except sqlite3.DatabaseError as exc:
        return _error(f"cannot read {db}: {exc}")
    except NewsgraphError as exc:
        return _error(str(exc))
    except OSError as exc:
        return _error(f"cannot write {out}: {exc.strerror or exc}")
    finally:
        conn.close()
    unit = "edge" if fmt == "graphml" else "claim" if fmt.startswith("claims") else "event"
    typer.echo(f"{PROG}: wrote {rows} {unit}{'' if rows == 1 else 's'} to {out} ({fmt})", err=True)
    return 0


def register(app: typer.Typer) -> None:
    """Add ``export`` to the ``newsgraph`` command line."""
    app.command("export")(export_command)


def _error(message: str) -> int:
    typer.echo(f"{PROG}: error: {message}", err=True)
    return 1
