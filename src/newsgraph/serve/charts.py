"""Layouts of the server-drawn charts: the event timeline and the map of event places.

Both are plain SVG coordinates computed here, so the pages need no script and
no map tiles: the map's backdrop is the countries of Natural Earth at 1:110m
(shipped as SVG paths in ``data/places/countries_110m.tsv``), served as its own
SVG document (``/-/newsgraph/land.svg``) so browsers cache it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from html import escape

from newsgraph.extract.outlines import country_outlines

TIMELINE_WIDTH = 900
LANE_HEIGHT = 26
TIMELINE_LEFT = 110  # room for lane labels
TIMELINE_PAD = 14
TIMELINE_RIGHT = 40  # room for the last date label
MAX_LANES = 10
MAP_WIDTH, MAP_HEIGHT = 720, 360
MAP_PIXELS = 440  # about how wide the map shows (half the page)
MIN_MAP_SPAN = 100.0  # degrees of longitude shown at least: a region, so one place is not blown up


@dataclass(frozen=True, slots=True, kw_only=True)
class TimePoint:
    """One dated event for the timeline."""

    day: str  # ISO date (longer ISO strings are cut to the date)
    lane: str
    status: str
    href: str
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Dot:
    x: float
    y: float
    r: float
    status: str
    href: str
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Timeline:
    width: int
    height: int
    left: int
    lanes: list[tuple[str, float]]
    ticks: list[tuple[float, str]]
    dots: list[Dot]


def layout_timeline(points: Sequence[TimePoint]) -> Timeline | None:
    """Dots on a date axis, one lane per event type (the busiest first); None when nothing is dated."""
    dated: list[tuple[date, TimePoint]] = []
    for p in points:
        try:
            dated.append((date.fromisoformat(p.day[:10]), p))
        except ValueError:
            continue
    if not dated:
        return None
    counts: dict[str, int] = {}
    for _, p in dated:
        counts[p.lane] = counts.get(p.lane, 0) + 1
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    kept = ranked[: MAX_LANES - 1] if len(ranked) > MAX_LANES else ranked
    lane_names = kept + (["other"] if len(ranked) > len(kept) else [])
    lane_y = {name: TIMELINE_PAD + LANE_HEIGHT * (i + 0.5) for i, name in enumerate(lane_names)}
    first = min(d for d, _ in dated)
    last = max(d for d, _ in dated)
    if first == last:
        first, last = first - timedelta(days=15), last + timedelta(days=15)
    span = (last - first).days
    plot = TIMELINE_WIDTH - TIMELINE_LEFT - TIMELINE_PAD - TIMELINE_RIGHT

    def x_of(day: date) -> float:
        return round(TIMELINE_LEFT + TIMELINE_PAD + plot * (day - first).days / span, 1)

    stacked: dict[tuple[float, float], int] = {}
    dots = []
    for day, p in sorted(dated, key=lambda dp: dp[0]):
        y = lane_y.get(p.lane, lane_y.get("other", 0.0))
        x = x_of(day)
        n = stacked.get((x, y), 0)  # same day, same lane: fan out vertically a little
        stacked[(x, y)] = n + 1
        dy = (-1) ** n * 4 * ((n + 1) // 2) if n < 5 else 0
        dots.append(Dot(x=x, y=y + dy, r=5, status=p.status, href=p.href, title=p.title))
    height = int(TIMELINE_PAD * 2 + LANE_HEIGHT * len(lane_names) + 20)
    return Timeline(
        width=TIMELINE_WIDTH, height=height, left=TIMELINE_LEFT,
        lanes=[(name, lane_y[name]) for name in lane_names],
        ticks=[(x_of(d), label) for d, label in date_ticks(first, last)],
        dots=dots,
    )


def date_ticks(first: date, last: date, *, count: int = 6) -> list[tuple[date, str]]:
    """Calendar dates between first and last for an axis: the first days of years, of months or
    days themselves, at a step that gives at most ``count`` ticks, each label once and in order
    (first and last themselves when no calendar boundary falls between them)."""
    span = (last - first).days
    ticks: list[tuple[date, str]]
    if span > 3 * 365:
        step = _nice_step((last.year - first.year) / max(1, count - 1), (1, 2, 5, 10, 20, 50, 100))
        start = first.year + (date(first.year, 1, 1) < first)  # the first new year on or after first
        start += (-start) % step
        ticks = [(date(y, 1, 1), str(y)) for y in range(start, last.year + 1, step) if first <= date(y, 1, 1)]
    elif span > 120:
        months = (last.year - first.year) * 12 + last.month - first.month
        step = _nice_step(months / max(1, count - 1), (1, 2, 3, 6, 12))
        index = first.year * 12 + first.month - 1 + (first.day > 1)  # the first month start on or after first
        index += (-index) % step
        ticks = []
        while (day := date(index // 12, index % 12 + 1, 1)) <= last:
            ticks.append((day, day.strftime("%Y-%m")))
            index += step
    else:
        step = _nice_step(span / max(1, count - 1), (1, 2, 7, 14, 28))
        ticks = [(first + timedelta(days=d), (first + timedelta(days=d)).isoformat()) for d in range(0, span + 1, step)]
    return ticks or [(first, first.isoformat()), (last, last.isoformat())]


def _nice_step(raw: float, steps: tuple[int, ...]) -> int:
    """The smallest step of ``steps`` at least ``raw`` (the largest when none is)."""
    return next((s for s in steps if s >= raw), steps[-1])


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacePoint:
    name: str
    lat: float
    lon: float
    count: int
    status: str  # the most frequent status of its events
    href: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MapView:
    viewbox: str
    width: int
    height: int
    graticule: list[tuple[float, float, float, float]]
    dots: list[Dot]
    labels: list[tuple[float, float, str]]
    font: float


def layout_map(places: Sequence[PlacePoint]) -> MapView | None:
    """An equirectangular view fitted around the places (x = lon + 180, y = 90 - lat)."""
    if not places:
        return None
    xs = [p.lon + 180 for p in places]
    ys = [90 - p.lat for p in places]
    span_x = max(MIN_MAP_SPAN, (max(xs) - min(xs)) * 1.3)
    span_y = max(MIN_MAP_SPAN / 2, (max(ys) - min(ys)) * 1.3)
    span_x = min(360.0, max(span_x, span_y * 2))
    span_y = span_x / 2
    cx = (max(xs) + min(xs)) / 2
    cy = (max(ys) + min(ys)) / 2
    x0 = min(max(cx - span_x / 2, 0.0), 360 - span_x)
    y0 = min(max(cy - span_y / 2, 0.0), 180 - span_y)
    unit = span_x / MAP_PIXELS  # degrees per screen pixel, roughly
    step = 30 if span_x > 120 else 10
    lines = [(float(lon), y0, float(lon), y0 + span_y) for lon in range(0, 361, step) if x0 <= lon <= x0 + span_x]
    lines += [(x0, float(lat), x0 + span_x, float(lat)) for lat in range(0, 181, step) if y0 <= lat <= y0 + span_y]
    biggest = max(p.count for p in places)
    dots = [
        Dot(x=round(p.lon + 180, 3), y=round(90 - p.lat, 3), r=round(unit * (4 + 6 * math.sqrt(p.count / biggest)), 3),
            status=p.status, href=p.href, title=f"{p.name}: {p.count} event{'s' if p.count != 1 else ''}")
        for p in places
    ]
    labels = [(round(p.lon + 180 + unit * 9, 3), round(90 - p.lat + unit * 4, 3), p.name) for p in places]
    return MapView(
        viewbox=f"{x0:.3f} {y0:.3f} {span_x:.3f} {span_y:.3f}", width=MAP_WIDTH, height=MAP_HEIGHT,
        graticule=lines, dots=dots, labels=labels, font=round(unit * 12, 3),
    )


@lru_cache(maxsize=1)
def land_svg() -> str:
    """The countries as an SVG document in map coordinates (0 0 360 180), land filled and borders
    drawn, served once and cached."""
    paths = "".join(f'<path d="{d}"><title>{escape(name)}</title></path>' for name, d in country_paths())
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" width="360" height="180">'
        f'<g fill="#d5dbe1" stroke="#ffffff" stroke-width="0.25" stroke-linejoin="round">{paths}</g></svg>'
    )


def country_paths() -> list[tuple[str, str]]:
    """(name, SVG path) of every country outline (``newsgraph.extract.places.country_outlines``)."""
    return sorted(country_outlines().values())
