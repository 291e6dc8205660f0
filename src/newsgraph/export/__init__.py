"""Exports of the stored events, one module per format behind a small registry.

``export(conn, fmt, out_path)`` writes every stored event in format ``fmt`` to ``out_path``
(atomically: a temporary file beside it is renamed into place when complete; through a symbolic
link, to the file it points to; into a pipe or a device such as /dev/stdout, directly) and returns the
number of rows written (events; edges for GraphML). Formats: ``polecat`` (the published POLECAT
table: TSV with its 40-column header), ``plover-json`` (JSON Lines in the POLECAT layout with
newsgraph's own fields; ``plover`` is the same), ``gdelt`` (GDELT 2.0 event table, TSV without
header), ``csv``, ``parquet``, ``graphml``; ``claims``, ``claims-csv`` and ``claims-parquet``
write the stored claim records (rows: claims). Each exporter is
``(conn, path, *, min_confidence) -> rows``; ``EXPORTERS`` maps names to them.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Protocol

from newsgraph.errors import ConfigError
from newsgraph.export.claims import export_claims, export_claims_csv, export_claims_parquet
from newsgraph.export.csvfile import export_csv
from newsgraph.export.gdelt import export_gdelt
from newsgraph.export.graphml import export_graphml
from newsgraph.export.parquet import export_parquet
from newsgraph.export.plover import export_plover, export_polecat


class Exporter(Protocol):
    def __call__(self, conn: sqlite3.Connection, out_path: Path, *, min_confidence: float | None = None) -> int: ...

EXPORTERS: dict[str, Exporter] = {
    "polecat": export_polecat,
    "plover-json": export_plover,
    "plover": export_plover,
    "gdelt": export_gdelt,
    "csv": export_csv,
    "parquet": export_parquet,
    "graphml": export_graphml,
    "claims": export_claims,
    "claims-csv": export_claims_csv,
    "claims-parquet": export_claims_parquet,
}

__all__ = ["EXPORTERS", "Exporter", "export"]


def export(
    conn: sqlite3.Connection, fmt: str, out_path: str | os.PathLike[str], *, min_confidence: float | None = None
) -> int:
    """Write every stored event (with at least ``min_confidence``, when given) to ``out_path`` in format
    ``fmt``; returns the rows written."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of: {', '.join(EXPORTERS)}")
    out = Path(out_path)
    if out.exists() and not out.is_file() and not out.is_dir():  # a FIFO, a device, /dev/stdout: write into it
        return exporter(conn, out, min_confidence=min_confidence)
    if out.is_symlink():
        out = out.resolve()  # the link stays; the file it points to is written
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        rows = exporter(conn, tmp, min_confidence=min_confidence)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return rows
