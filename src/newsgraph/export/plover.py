"""POLECAT: the published tab-separated layout (``polecat``), and JSON Lines in that layout with
newsgraph's own fields (``plover-json``, also ``plover``).

POLECAT (the PLOVER-coded successor of ICEWS, produced with the NGEC coder) publishes one
event a row with the columns Event ID, Event Date, Event Type, Event Mode, Intensity, Quad
Code, Contexts, Actor Name / Country / COW / Primary Actor Sector / Actor Sectors / Title /
Name Raw / Wikipedia ID, the same eight for the Recipient, Placename, City, District,
Province, Country, Latitude, Longitude, GeoNames ID, Raw Placename, Feature Type, Source,
Publication Date, Story People / Organizations / Locations, Language and Version. Here each
becomes a snake_case key (``event_id``, ``event_date``, ``event_type``, ``event_mode``,
``event_context``, ``actor_name``, …, ``story_id``). Several actors on one side are joined
with "; " as POLECAT does; values newsgraph does not produce (intensity, COW codes, city /
district / province, feature type, story people …) are null. newsgraph's own fields follow:
``status``, ``attribution``, ``items``, ``time_text``, ``time_precision``, ``event_text``,
``confidence``, ``cluster_id`` and the cluster's ``n_sources``.

The ``polecat`` table has POLECAT's 40 Title-Case columns in POLECAT's order (``POLECAT_COLUMNS``)
and nothing else: multi-valued fields (contexts, sectors, several actors on a side) joined with
"; ", the actors' names, countries, titles and ids aligned position by position (an actor with
no country leaves its place empty: "France; "), empty cells where newsgraph has no value; the
Wikipedia id columns hold the actor's Wikidata id.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from newsgraph import __version__
from newsgraph.export.cameo import cameo_code, quad_class
from newsgraph.export.rows import ExportRow, iter_rows

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def export_plover(conn: sqlite3.Connection, out_path: Path, *, min_confidence: float | None = None) -> int:
    count = 0
    with out_path.open("w", encoding="utf-8", newline="\n") as out:
        for row in iter_rows(conn, min_confidence=min_confidence):
            out.write(json.dumps(polecat_record(row), ensure_ascii=False) + "\n")
            count += 1
    return count


# The published POLECAT event table's header, in its order, each column with the key of its value in
# ``polecat_record`` (named so unless given).
_COLUMNS: tuple[tuple[str, str], ...] = tuple((column, key or column.lower().replace(" ", "_")) for column, key in (
    ("Event ID", ""),
    ("Event Date", ""),
    ("Event Type", ""),
    ("Event Mode", ""),
    ("Intensity", ""),
    ("Quad Code", ""),
    ("Contexts", "event_context"),
    ("Actor Name", ""),
    ("Actor Country", ""),
    ("Actor COW", ""),
    ("Primary Actor Sector", ""),
    ("Actor Sectors", ""),
    ("Actor Title", ""),
    ("Actor Name Raw", ""),
    ("Wikipedia Actor ID", "actor_wikidata"),
    ("Recipient Name", ""),
    ("Recipient Country", ""),
    ("Recipient COW", ""),
    ("Primary Recipient Sector", ""),
    ("Recipient Sectors", ""),
    ("Recipient Title", ""),
    ("Recipient Name Raw", ""),
    ("Wikipedia Recipient ID", "recipient_wikidata"),
    ("Placename", ""),
    ("City", ""),
    ("District", ""),
    ("Province", ""),
    ("Country", ""),
    ("Latitude", ""),
    ("Longitude", ""),
    ("GeoNames ID", ""),
    ("Raw Placename", ""),
    ("Feature Type", ""),
    ("Source", ""),
    ("Publication Date", ""),
    ("Story People", ""),
    ("Story Organizations", ""),
    ("Story Locations", ""),
    ("Language", ""),
    ("Version", ""),
))
POLECAT_COLUMNS = tuple(column for column, _ in _COLUMNS)
_KEYS = dict(_COLUMNS)


def export_polecat(conn: sqlite3.Connection, out_path: Path, *, min_confidence: float | None = None) -> int:
    count = 0
    with out_path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(POLECAT_COLUMNS) + "\n")
        for row in iter_rows(conn, min_confidence=min_confidence):
            out.write("\t".join(polecat_row(row)) + "\n")  # cells hold no tab or line break: no quoting
            count += 1
    return count


def polecat_row(row: ExportRow) -> list[str]:
    """One event as the cells of ``POLECAT_COLUMNS``."""
    record = polecat_record(row)
    return [_tsv_cell(record[_KEYS[column]]) for column in POLECAT_COLUMNS]


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return " ".join(str(value).split())  # no tab or line break inside a cell


def polecat_record(row: ExportRow) -> dict[str, Any]:
    rec = row.record
    place = rec.get("location") or {}
    time = rec.get("time") or {}
    quad = quad_class(cameo_code(rec["type"], rec.get("mode"), rec.get("cameo")))
    return {
        "event_id": rec["id"],
        "event_date": row.event_date,
        "event_type": rec["type"],
        "event_mode": rec.get("mode"),
        "intensity": None,
        "quad_code": QUAD_NAMES.get(quad) if quad else None,
        "event_context": list(rec.get("context") or []),
        **_side("actor", rec.get("source") or []),
        **_side("recipient", rec.get("target") or []),
        "placename": place.get("name"),
        "city": None,
        "district": None,
        "province": None,
        "country": place.get("country"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geonames_id": place.get("geonames_id"),
        "raw_placename": place.get("text"),
        "feature_type": None,
        "source": row.article.outlet,
        "publication_date": row.article.published,
        "story_id": row.article.id,
        "story_title": row.article.title,
        "story_url": row.article.url,
        "story_people": None,
        "story_organizations": None,
        "story_locations": None,
        "language": "en",
        "version": f"newsgraph-{__version__}",
        "status": rec.get("status"),
        "attribution": rec.get("attribution") or [],
        "items": rec.get("items") or [],
        "cameo": rec.get("cameo"),
        "time_text": time.get("text"),
        "time_precision": time.get("precision"),
        "event_text": (rec.get("evidence") or {}).get("text"),
        "confidence": rec.get("confidence"),
        "cluster_id": row.cluster.id if row.cluster else None,
        "n_sources": row.cluster.n_sources if row.cluster else None,
    }


def _side(prefix: str, actors: list[dict[str, Any]]) -> dict[str, Any]:
    def joined(field: str) -> str | None:
        """The actors' values in order, an empty place for an actor with none ("France; ")."""
        values = [str(a.get(field) or "") for a in actors]
        return "; ".join(values) if any(values) else None

    sectors = list(dict.fromkeys(a["sector"] for a in actors if a.get("sector")))
    return {
        f"{prefix}_name": joined("name"),
        f"{prefix}_country": joined("country"),
        f"{prefix}_cow": None,
        f"primary_{prefix}_sector": actors[0].get("sector") if actors else None,
        f"{prefix}_sectors": sectors,
        f"{prefix}_title": joined("role"),
        f"{prefix}_name_raw": joined("text"),
        f"{prefix}_wikidata": joined("wikidata"),
    }
