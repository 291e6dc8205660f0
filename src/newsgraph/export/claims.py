"""Claim records (issue 11): ``claims`` writes the stored claims as the contract's JSON Lines
(../shared/contract/claims.md), ``claims-csv`` one flat CSV row per claim (the source's fields,
cue, content with its offsets, form, basis, stance, confidence, and the ids of the events inside
joined by "|"), with the article's published date, outlet and title. Claims below
``min_confidence`` are left out, as events are."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
