"""Calendar arithmetic for the normalizer: periods as (first day, last day) and their TIMEX3 values.

Conventions (documented once, used everywhere):

- weeks are ISO weeks, Monday to Sunday; a weekend is the Saturday and Sunday of an ISO week;
- seasons are meteorological and northern-hemisphere: spring March–May, summer June–August,
  autumn September–November, winter December–February; a winter is labelled by the year of
  its December ("2023-WI" runs from 2023-12-01 to 2024-02-29);
- a decade's TIMEX3 value is its first three digits ("199" is 1990–1999) and a century's its
  first two ("19" is 1900–1999);
- "early", "mid" and "late" are the first, middle and last third of a period (of a month:
  days 1–10, 11–20, 21 to the end).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

Bounds = tuple[date, date]

SEASON_MONTHS: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # first month of each season
SEASONS = ("WI", "SP", "SU", "FA")


def month_bounds(year: int, month: int) -> Bounds:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's last day (31 March - 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def week_bounds(day: date) -> Bounds:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekend_bounds(day: date) -> Bounds:
    monday, _ = week_bounds(day)
    return monday + timedelta(days=5), monday + timedelta(days=6)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> Bounds:
    first = date(year, 3 * quarter - 2, 1)
    return first, month_bounds(year, 3 * quarter)[1]


def year_bounds(year: int) -> Bounds:
    return date(year, 1, 1), date(year, 12, 31)


def decade_bounds(decade: int) -> Bounds:
    """``decade`` is the first three digits of its years (199 → 1990–1999)."""
    return date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31)


def century_bounds(century: int) -> Bounds:
    """``century`` is the first two digits of its years (19 → 1900–1999)."""
    return date(max(century * 100, 1), 1, 1), date(century * 100 + 99, 12, 31)


def season_bounds(year: int, season: str) -> Bounds:
    first = SEASON_MONTHS[season]
    start = date(year, first, 1)
    end = month_bounds(*_month_after(year, first, 2))[1]
    return start, end


def _month_after(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    y, m = divmod(index, 12)
    return y, m + 1


def season_containing(day: date) -> tuple[int, str]:
    """The (year, season) occurrence a day falls in (January belongs to the previous year's winter)."""
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    return day.year, ("SP", "SU", "FA")[(day.month - 3) // 3]


def season_occurrences(season: str, around: date) -> list[tuple[int, Bounds]]:
    """The occurrences of ``season`` from two years before ``around`` to two years after, in order."""
    return [(y, season_bounds(y, season)) for y in range(around.year - 2, around.year + 3)]


def part_of(bounds: Bounds, part: str | None) -> Bounds:
    """The early/mid/late third or the first/second half (h1/h2) of a period (other parts leave it whole).

    A month is split 1–10, 11–20, 21–end; longer periods of whole months by months (early 2023 is
    January–April); other periods by days.
    """
    fractions = {"early": (0, 1, 3), "mid": (1, 2, 3), "late": (2, 3, 3), "h1": (0, 1, 2), "h2": (1, 2, 2)}
    if part not in fractions:
        return bounds
    start, end = bounds
    if part in ("early", "mid", "late") and (start.day, start.month, start.year) == (1, end.month, end.year) and (
        end == month_bounds(end.year, end.month)[1]
    ):  # a month: days 1–10, 11–20, 21 to the end
        day = {"early": 1, "mid": 11, "late": 21}[part]
        return start.replace(day=day), (start.replace(day=day + 9) if part != "late" else end)
    lo, hi, parts = fractions[part]
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    whole_months = start.day == 1 and end == month_bounds(end.year, end.month)[1]
    if whole_months and months >= 3 and months % parts == 0:
        step = months // parts
        first = add_months(start, lo * step)
        last = add_months(start, hi * step) - timedelta(days=1)
        return first, last
    days = (end - start).days + 1
    return start + timedelta(days=lo * days // parts), start + timedelta(days=hi * days // parts - 1)


def shift_date(day: date, amount: float, unit: str) -> date:
    """``day`` moved by ``amount`` units (D, W, M, Q, Y, DE, CE, H, MIN, S; negative goes back)."""
    if unit in ("H", "MIN", "S"):
        per_day = {"H": 24, "MIN": 24 * 60, "S": 24 * 3600}[unit]
        return day + timedelta(days=round(amount / per_day))
    if unit == "D":
        return day + timedelta(days=round(amount))
    if unit == "W":
        return day + timedelta(days=round(amount * 7))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit]
    return add_months(day, round(amount * months))


def unit_period(day: date, unit: str) -> tuple[str, Bounds, str]:
    """The calendar period of ``unit`` containing ``day``: (TIMEX3 value, bounds, precision)."""
    if unit == "W":
        return week_value(day), week_bounds(day), "week"
    if unit == "M":
        return f"{day.year}-{day.month:02d}", month_bounds(day.year, day.month), "month"
    if unit == "Q":
        q = quarter_of(day)
        return f"{day.year}-Q{q}", quarter_bounds(day.year, q), "quarter"
    if unit == "Y":
        return str(day.year), year_bounds(day.year), "year"
    if unit == "DE":
        return str(day.year // 10), decade_bounds(day.year // 10), "decade"
    if unit == "CE":
        return str(day.year // 100), century_bounds(day.year // 100), "century"
    return day.isoformat(), (day, day), "day"
