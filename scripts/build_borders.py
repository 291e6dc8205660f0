#!/usr/bin/env python3
"""Write the explorer map's country outlines (``data/places/countries_110m.tsv``) from world-atlas.

Input: ``countries-110m.json`` of the npm package world-atlas 2.0.2 (TopoJSON made by Mike Bostock
from Natural Earth's 1:110m Admin 0 countries; the data is public domain, the package ISC), fetched at
build time, never at run time:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_borders.py package/countries-110m.json

Output: one row per country, ``id`` (ISO 3166-1 numeric, as world-atlas gives it), ``name`` and
``path``: SVG path data in the map's equirectangular coordinates (x = longitude + 180, y = 90 -
latitude), to a tenth of a degree. The TopoJSON arcs are decoded here (quantised, delta-encoded;
a negative index is the reversed arc), so nothing of topojson-client is used or copied.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "places" / "countries_110m.tsv"
Point = tuple[float, float]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Every arc as (longitude, latitude) points."""
    scale = topology["transform"]["scale"]
    shift = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + shift[0], y * scale[1] + shift[1]))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A closed ring from its arcs, each arc's first point dropped after the first arc (shared)."""
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrapped(points: list[Point]) -> list[Point]:
    """The ring with no jump across the antimeridian: each longitude moved by 360° where that
    brings it nearer the point before (Chukotka continues east of 180° instead of a line back)."""
    out: list[Point] = []
    for lon, lat in points:
        if out:
            while lon - out[-1][0] > 180:
                lon -= 360
            while out[-1][0] - lon > 180:
                lon += 360
        out.append((lon, lat))
    return out


def path_of(rings: list[list[Point]]) -> str:
    """SVG path data of the rings; a ring that runs past the map's edge after unwrapping is drawn
    again shifted by a full turn, so each side of the edge shows its part."""
    parts = []
    for points in rings:
        ring_points = unwrapped(points)
        lons = [lon for lon, _ in ring_points]
        shifts = [0.0] + ([-360.0] if max(lons) > 180 else []) + ([360.0] if min(lons) < -180 else [])
        for shift in shifts:
            coords: list[str] = []
            for lon, lat in ring_points:
                xy = f"{lon + shift + 180:.1f} {90 - lat:.1f}"
                if not coords or coords[-1] != xy:
                    coords.append(xy)
            if len(coords) >= 3:
                parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    rows = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        elif geometry["type"] != "MultiPolygon":
            continue
        rings = [ring(r, arcs) for polygon in polygons for r in polygon]
        name = geometry.get("properties", {}).get("name", "")
        rows.append((geometry.get("id", ""), name, path_of(rings)))
    lines = ["# Country outlines for the explorer map: Natural Earth 1:110m Admin 0 (public domain) via the npm",
             "# package world-atlas 2.0.2 (ISC, Mike Bostock), converted by scripts/build_borders.py; see SOURCES.md.",
             "# Columns: id (ISO 3166-1 numeric), name, path (SVG, x = longitude + 180, y = 90 - latitude)"]
    lines += ["\t".join(row) for row in sorted(rows, key=lambda r: r[1]) if row[2]]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 3} countries -> {args.out}")


if __name__ == "__main__":
    main()
