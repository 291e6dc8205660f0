"""CSV: one row per event with the contract's fields flattened.

Scalars keep their contract names; ``time``, ``location`` and ``evidence`` become
``time_start``, ``location_name``, ``evidence_text``, ``trigger_text``, …; the lists
``source``, ``target``, ``items`` and ``attribution`` are kept whole as JSON in their own
columns, with readable joins beside them (``source_names``, ``item_categories``, …, "; "
between values; ``context`` joins with "|"). Article and cluster columns close the row.
Standard CSV (RFC 4180 quoting, UTF-8, a header line).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsgraph.export.rows import ExportRow, iter_rows

CSV_COLUMNS: tuple[str, ...] = (
    "id", "article_id", "schema_version", "type", "mode", "context", "cameo", "symmetric", "status",
    "source_names", "source_countries", "target_names", "target_countries", "item_texts", "item_categories",
    "item_quantities", "attribution_names",
    "time_text", "time_start", "time_end", "time_precision", "time_anchor",
    "location_text", "location_name", "location_country", "lat", "lon", "geonames_id",
    "evidence_start", "evidence_end", "evidence_text", "trigger_start", "trigger_end", "trigger_text",
    "confidence", "rule", "source", "target", "items", "attribution",
    "published", "outlet", "url", "title", "cluster_id", "cluster_label", "n_sources", "conflicting",
)


def export_csv(conn: sqlite3.Connection, out_path: Path, *, min_confidence: float | None = None) -> int:
    count = 0
    with out_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in iter_rows(conn, min_confidence=min_confidence):
            writer.writerow(csv_row(row))
            count += 1
    return count


def csv_text(rows: Iterable[ExportRow]) -> str:
    """The rows as one CSV document (the layout of ``export_csv``), for a download."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(csv_row(row))
    return out.getvalue()


def csv_row(row: ExportRow) -> dict[str, Any]:
    rec = row.record
    time = rec.get("time") or {}
    place = rec.get("location") or {}
    evidence = rec.get("evidence") or {}
    trigger = evidence.get("trigger") or {}
    sources, targets = rec.get("source") or [], rec.get("target") or []
    items, claims = rec.get("items") or [], rec.get("attribution") or []
    return {
        "id": rec["id"], "article_id": rec["article_id"], "schema_version": rec.get("schema_version"),
        "type": rec["type"], "mode": rec.get("mode"), "context": "|".join(rec.get("context") or []),
        "cameo": rec.get("cameo"), "symmetric": int(bool(rec.get("symmetric"))), "status": rec.get("status"),
        "source_names": _join(sources, "name"), "source_countries": _join(sources, "country"),
        "target_names": _join(targets, "name"), "target_countries": _join(targets, "country"),
        "item_texts": _join(items, "text"), "item_categories": _join(items, "category"),
        "item_quantities": _join(items, "quantity", keep_empty=True), "attribution_names": _join(claims, "name"),
        "time_text": time.get("text"), "time_start": time.get("start"), "time_end": time.get("end"),
        "time_precision": time.get("precision"), "time_anchor": time.get("anchor"),
        "location_text": place.get("text"), "location_name": place.get("name"),
        "location_country": place.get("country"), "lat": place.get("lat"), "lon": place.get("lon"),
        "geonames_id": place.get("geonames_id"),
        "evidence_start": evidence.get("start"), "evidence_end": evidence.get("end"),
        "evidence_text": evidence.get("text"), "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"), "trigger_text": trigger.get("text"),
        "confidence": rec.get("confidence"), "rule": rec.get("rule"),
        "source": _json(sources), "target": _json(targets), "items": _json(items), "attribution": _json(claims),
        "published": row.article.published, "outlet": row.article.outlet, "url": row.article.url,
        "title": row.article.title,
        "cluster_id": row.cluster.id if row.cluster else None,
        "cluster_label": row.cluster.label if row.cluster else None,
        "n_sources": row.cluster.n_sources if row.cluster else None,
        "conflicting": int(row.cluster.conflicting) if row.cluster else None,
    }


def _join(values: list[dict[str, Any]], field: str, *, keep_empty: bool = False) -> str:
    parts = [str(v.get(field) or "") for v in values]
    return "; ".join(parts if keep_empty and any(parts) else [p for p in parts if p])


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
