"""Claim records (issue 11): ``claims`` writes the stored claims as the contract's JSON Lines
(../shared/contract/claims.md), ``claims-csv`` one flat CSV row per claim (the source's fields,
cue, content with its offsets, form, basis, stance, confidence, and the ids of the events inside
joined by "|"), ``claims-parquet`` the contract's fields with their nesting (``source``, ``cue``
and ``content`` structs, ``content.spans`` a list of offset pairs, ``events`` a list of ids); each
with the article's published date, outlet and title. Claims below ``min_confidence`` are left
out, as events are."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.records import parse_iso_date

ROW_GROUP = 10_000
_SPAN = [("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]
CLAIM_SCHEMA = pa.schema([
    ("schema_version", pa.int32()),
    ("id", pa.string()),
    ("article_id", pa.string()),
    ("source", pa.struct([*_SPAN, ("name", pa.string()), ("named", pa.bool_()), ("kind", pa.string()),
                          ("country", pa.string()), ("role", pa.string())])),
    ("cue", pa.struct([*_SPAN, ("lemma", pa.string())])),
    ("content", pa.struct([*_SPAN, ("spans", pa.list_(pa.list_(pa.int64())))])),
    ("form", pa.string()),
    ("basis", pa.string()),
    ("stance", pa.string()),
    ("events", pa.list_(pa.string())),
    ("confidence", pa.float64()),
    ("published", pa.date32()),
    ("outlet", pa.string()),
    ("title", pa.string()),
])

CLAIM_CSV_COLUMNS: tuple[str, ...] = (
    "id", "article_id", "source_text", "source_name", "source_named", "source_kind", "source_country",
    "source_role", "cue_text", "cue_lemma", "content_start", "content_end", "content_text", "form", "basis",
    "stance", "confidence", "event_ids", "published", "outlet", "title",
)


def export_claims(conn: sqlite3.Connection, out_path: Path, *, min_confidence: float | None = None) -> int:
    count = 0
    with out_path.open("w", encoding="utf-8") as out:
        for record, _article in _claims(conn, min_confidence):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def export_claims_csv(conn: sqlite3.Connection, out_path: Path, *, min_confidence: float | None = None) -> int:
    count = 0
    with out_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=CLAIM_CSV_COLUMNS)
        writer.writeheader()
        for record, article in _claims(conn, min_confidence):
            writer.writerow(claim_csv_row(record, article))
            count += 1
    return count


def export_claims_parquet(conn: sqlite3.Connection, out_path: Path, *, min_confidence: float | None = None) -> int:
    count = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(str(out_path), CLAIM_SCHEMA) as writer:
        for record, article in _claims(conn, min_confidence):
            published = article["published"]
            batch.append({**record, **article, "published": parse_iso_date(published) if published else None})
            count += 1
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=CLAIM_SCHEMA))
                batch.clear()
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=CLAIM_SCHEMA))
    return count


def claim_csv_row(record: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    source = record.get("source") or {}
    content = record.get("content") or {}
    cue = record.get("cue") or {}
    return {
        "id": record["id"], "article_id": record["article_id"], "source_text": source.get("text"),
        "source_name": source.get("name"), "source_named": int(bool(source.get("named"))) if source else None,
        "source_kind": source.get("kind"), "source_country": source.get("country"), "source_role": source.get("role"),
        "cue_text": cue.get("text"), "cue_lemma": cue.get("lemma"), "content_start": content.get("start"),
        "content_end": content.get("end"), "content_text": content.get("text"), "form": record.get("form"),
        "basis": record.get("basis"), "stance": record.get("stance"), "confidence": record.get("confidence"),
        "event_ids": "|".join(record.get("events") or []), **article,
    }


def _claims(conn: sqlite3.Connection, min_confidence: float | None) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    sql = ("SELECT c.record, a.published, a.outlet, a.title FROM claim_records c JOIN articles a ON a.id = c.article_id"
           " WHERE c.confidence >= ? ORDER BY c.article_id, c.content_start, c.cue_start")
    for record, published, outlet, title in conn.execute(sql, (min_confidence or 0.0,)):
        yield json.loads(record), {"published": published, "outlet": outlet, "title": title}
