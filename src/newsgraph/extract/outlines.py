"""Country outlines: Natural Earth 1:110m Admin 0 countries shipped as SVG paths
(``data/places/countries_110m.tsv``, made by ``scripts/build_borders.py``; see its SOURCES.md), for
the explorer's map backdrop and the centre point of a country (GDELT's country-level ActionGeo).

Coordinates are the map's equirectangular ones: x = longitude + 180, y = 90 - latitude. Light to
import (no language model), as the export and the explorer use it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def country_outlines() -> dict[str, tuple[str, str]]:
    """ISO 3166-1 numeric code → (name, SVG path) of each country's outline: Natural Earth 1:110m
    (``data/places/countries_110m.tsv``; x = longitude + 180, y = 90 - latitude)."""
    text = resources.files("newsgraph").joinpath("data/places/countries_110m.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {code: (name, path) for code, name, path in rows}


@lru_cache(maxsize=256)
def country_centroid(iso3: str) -> tuple[float, float] | None:
    """(latitude, longitude) of the centre of a country's largest land area (the area-weighted
    centroid of its biggest outline ring), or None for a code with no outline."""
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    outline = country_outlines().get(country.numeric) if country is not None else None
    if outline is None:
        return None
    best: tuple[float, float, float] | None = None  # |area|, cx, cy
    for ring in outline[1].split("M")[1:]:
        pts = [tuple(map(float, p.split())) for p in ring.rstrip("Z").split("L")]
        area2 = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            area2 += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if area2 and (best is None or abs(area2) > best[0]):
            best = (abs(area2), cx / (3 * area2), cy / (3 * area2))
    if best is None:
        return None
    lon = (best[1] - 180 + 180) % 360 - 180  # a ring unwrapped past the antimeridian comes back
    return round(90 - best[2], 4), round(lon, 4)
