"""Parquet (via pyarrow): the contract's fields with their nesting.

``source``/``target`` are lists of actor structs, ``items`` and ``attribution`` lists of
structs, ``time``/``location``/``evidence`` structs (``time.start``/``end`` are dates,
``evidence.trigger`` a nested struct), ``context`` a list of strings. Article columns
(``published`` as a date, ``outlet``, ``url``, ``title``) and the cluster's ``cluster_id``
and ``n_sources`` follow. Written in row groups, so memory stays bounded.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.export.rows import ExportRow, iter_rows
from newsgraph.records import parse_iso_date

ROW_GROUP = 10_000

_ACTOR = pa.struct([
    ("text", pa.string()), ("name", pa.string()), ("kind", pa.string()), ("country", pa.string()),
    ("sector", pa.string()), ("role", pa.string()), ("wikidata", pa.string()), ("via", pa.string()),
])
_CLAIM = pa.struct([
    ("text", pa.string()), ("name", pa.string()), ("named", pa.bool_()), ("kind", pa.string()),
    ("country", pa.string()), ("role", pa.string()), ("basis", pa.string()),
])
_SPAN = [("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]

SCHEMA = pa.schema([
    ("schema_version", pa.int32()),
    ("id", pa.string()),
    ("article_id", pa.string()),
    ("type", pa.string()),
    ("mode", pa.string()),
    ("context", pa.list_(pa.string())),
    ("cameo", pa.string()),
    ("source", pa.list_(_ACTOR)),
    ("target", pa.list_(_ACTOR)),
    ("symmetric", pa.bool_()),
    ("items", pa.list_(pa.struct([("text", pa.string()), ("category", pa.string()), ("quantity", pa.string())]))),
    ("status", pa.string()),
    ("attribution", pa.list_(_CLAIM)),
    ("time", pa.struct([
        ("text", pa.string()), ("start", pa.date32()), ("end", pa.date32()), ("precision", pa.string()),
        ("anchor", pa.string()),
    ])),
    ("location", pa.struct([
        ("text", pa.string()), ("name", pa.string()), ("country", pa.string()), ("lat", pa.float64()),
        ("lon", pa.float64()), ("geonames_id", pa.int64()),
    ])),
    ("evidence", pa.struct([*_SPAN, ("trigger", pa.struct(_SPAN))])),
    ("confidence", pa.float64()),
    ("rule", pa.string()),
    ("published", pa.date32()),
    ("outlet", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("cluster_id", pa.string()),
    ("n_sources", pa.int32()),
])


def export_parquet(conn: sqlite3.Connection, out_path: Path, *, min_confidence: float | None = None) -> int:
    count = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(str(out_path), SCHEMA) as writer:
        for row in iter_rows(conn, min_confidence=min_confidence):
            batch.append(parquet_row(row))
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
            count += len(batch)
    return count


def parquet_row(row: ExportRow) -> dict[str, Any]:
    rec = row.record
    values = {name: rec.get(name) for name in SCHEMA.names}
    time = rec.get("time")
    if time:
        values["time"] = {**time, "start": parse_iso_date(time.get("start")), "end": parse_iso_date(time.get("end"))}
    values["symmetric"] = bool(rec.get("symmetric"))
    values["published"] = parse_iso_date(row.article.published)
    values["outlet"], values["url"], values["title"] = row.article.outlet, row.article.url, row.article.title
    values["cluster_id"] = row.cluster.id if row.cluster else None
    values["n_sources"] = row.cluster.n_sources if row.cluster else None
    return values


