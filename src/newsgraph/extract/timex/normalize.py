"""TimeForm + publication date (+ a past/future reading) → TIMEX3 value, first and last day, precision.

Resolution rules (the publication date is P):

- a bare weekday ("on Wednesday"): read as past, the latest such day on or before P (so a
  report published on a Wednesday that says "on Wednesday" means that day); read as future,
  the earliest on or after P. "last Tuesday" is strictly before P, "next Friday" strictly after.
- a bare month ("in February"), season, quarter or holiday: past → the latest one that has
  begun by P; future → the earliest one that has not ended before P. "last March" is the
  latest one before P's month, "next May" the earliest after it.
- a day and month without a year ("Sept. 4"): past → on or before P; future → on or after P;
  without a reading, the nearest to P.
- no reading at all (no tense, no "next"/"last") counts as past, except for day-month dates.
- "three days later", "the next day", "a week earlier", "that year" count from the narrative's
  last date (the previous date in the text) when there is one, else from P.
- without P, anything relative has no value and no dates (anchor "unknown").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from newsgraph.extract.timex import calendar as cal
from newsgraph.extract.timex.patterns import _period_value
from newsgraph.extract.timex.record import FUTURE, PAST, Direction, TimeForm

DAY_TYPES = ("date", "weekday", "period")


@dataclass(frozen=True, slots=True)
class Resolution:
    type: str
    value: str | None
    start: date | None
    end: date | None
    precision: str | None
    anchor: str  # published | absolute | unknown


@dataclass(frozen=True, slots=True)
class Context:
    """What a form is resolved against."""

    published: date | None
    direction: Direction | None = None
    reference: Resolution | None = None  # the narrative's last date
    not_after: date | None = None  # the first part of a range ends by its second part's last day


UNKNOWN = "unknown"


def type_of(form: TimeForm) -> str:
    if form.kind in ("duration", "set"):
        return form.kind
    if form.kind == "clock" or form.daypart or form.clock:
        return "time"
    return "date"


def resolve(form: TimeForm, ctx: Context) -> Resolution:
    """The value and bounds of ``form`` against ``ctx``. A date the calendar cannot hold (before
    year 1 or after 9999: "3000 years ago", arithmetic on a published date near the limits) is
    dropped, the expression kept with no value, never the article."""
    try:
        return _resolve(form, ctx)
    except (ValueError, OverflowError):
        return Resolution(type_of(form), None, None, None, None, UNKNOWN)


def _resolve(form: TimeForm, ctx: Context) -> Resolution:
    kind = type_of(form)
    if form.kind == "range":
        return _range(form, ctx)
    if form.kind == "duration":
        return _duration(form, ctx)
    if form.kind == "set":
        return Resolution("set", form.ref, None, None, None, "absolute")
    if form.kind == "ref":
        return _ref(form, ctx)
    if form.kind == "clock":
        return Resolution("time", f"XXXX-XX-XXT{form.clock}", None, None, None, UNKNOWN)
    found = _calendar(form, ctx)
    if found is None:
        return Resolution(kind, None, None, None, None, UNKNOWN)
    value, (start, end), precision, anchor = found
    if form.part and form.kind not in ("period",):
        start, end = cal.part_of((start, end), form.part)
    if kind == "time":
        value = f"{value}T{form.clock or form.daypart}"
    return Resolution(kind, value, start, end, precision, anchor)


Found = tuple[str, cal.Bounds, str, str]


def _calendar(form: TimeForm, ctx: Context) -> Found | None:
    if form.kind == "date":
        return _date(form, ctx)
    if form.kind == "weekday":
        return _weekday(form, ctx)
    if form.kind == "period":
        return _period(form, ctx)
    if form.kind == "season":
        return _season(form, ctx)
    if form.kind == "quarter":
        return _quarter(form, ctx)
    if form.kind == "decade" and form.decade is not None:
        return str(form.decade), cal.decade_bounds(form.decade), "decade", "absolute"
    if form.kind == "century" and form.century is not None:
        return str(form.century), cal.century_bounds(form.century), "century", "absolute"
    if form.kind == "offset":
        return _offset(form, ctx)
    return None


def _pivot(ctx: Context) -> tuple[date | None, str]:
    """The day bare forms are resolved around, and the anchor that gives them."""
    if ctx.not_after is not None:
        return ctx.not_after, "absolute" if ctx.published is None else "published"
    return ctx.published, "published"


def _pick(candidates: Sequence[tuple[cal.Bounds, object]], pivot: date, mode: str) -> object | None:
    """Choose among occurrences (bounds, payload) relative to ``pivot``.

    mode: past (latest begun by pivot), future (earliest not ended before pivot), before (ended
    before pivot's period: strictly earlier), after (strictly later), nearest.
    """
    ordered = sorted(candidates, key=lambda c: c[0][0])
    if mode == "past":
        found = [c for c in ordered if c[0][0] <= pivot]
        return found[-1][1] if found else None
    if mode == "future":
        found = [c for c in ordered if c[0][1] >= pivot]
        return found[0][1] if found else None
    if mode == "before":
        found = [c for c in ordered if c[0][1] < pivot]
        return found[-1][1] if found else None
    if mode == "after":
        found = [c for c in ordered if c[0][0] > pivot]
        return found[0][1] if found else None
    best = min(ordered, key=lambda c: (abs((c[0][0] - pivot).days), c[0][0] > pivot))
    return best[1]


def _mode(form: TimeForm, ctx: Context, default: str = PAST) -> str:
    if ctx.not_after is not None:
        return "past"
    if form.shift == -1:
        return "before"
    if form.shift == 1:
        return "after"
    if form.shift == 0:
        return ctx.direction or FUTURE if form.kind == "weekday" else "this"
    return ctx.direction or default


def _date(form: TimeForm, ctx: Context) -> Found | None:
    y, m, d = form.year, form.month, form.day
    if y is None and form.year_shift is not None:
        if ctx.published is None:
            return None
        y = ctx.published.year + form.year_shift
        found = _date(replace(form, year=y, year_shift=None), ctx)
        return None if found is None else (*found[:3], "published")
    if y is not None:
        if m is None:
            return str(y), cal.year_bounds(y), "year", "absolute"
        if d is None:
            return f"{y}-{m:02d}", cal.month_bounds(y, m), "month", "absolute"
        try:
            day = date(y, m, d)
        except ValueError:
            return None
        return day.isoformat(), (day, day), "day", "absolute"
    pivot, anchor = _pivot(ctx)
    if pivot is None or m is None:
        return None
    years = range(pivot.year - 2, pivot.year + 3)
    if d is None:
        mode = _mode(form, ctx)
        if mode == "this":
            return f"{pivot.year}-{m:02d}", cal.month_bounds(pivot.year, m), "month", anchor
        month_starts = [((date(yr, m, 1), date(yr, m, 1)), yr) for yr in years]
        this_month = date(pivot.year, pivot.month, 1)
        year = _pick(month_starts, this_month, mode)
        if not isinstance(year, int):
            return None
        return f"{year}-{m:02d}", cal.month_bounds(year, m), "month", anchor
    days: list[tuple[cal.Bounds, object]] = []
    for yr in years:
        try:
            days.append(((date(yr, m, d), date(yr, m, d)), date(yr, m, d)))
        except ValueError:
            continue
    mode = _mode(form, ctx, default="nearest")
    if mode == "this":
        mode = "nearest"
    picked = _pick(days, pivot, mode) if days else None
    if not isinstance(picked, date):
        return None
    return picked.isoformat(), (picked, picked), "day", anchor


def _weekday(form: TimeForm, ctx: Context) -> Found | None:
    pivot, anchor = _pivot(ctx)
    if pivot is None or form.weekday is None:
        return None
    target = form.weekday - 1
    back = (pivot.weekday() - target) % 7
    ahead = (target - pivot.weekday()) % 7
    mode = _mode(form, ctx)
    if mode == "before":
        day = pivot - timedelta(days=back or 7)
    elif mode == "after":
        day = pivot + timedelta(days=ahead or 7)
    elif mode == FUTURE:
        day = pivot + timedelta(days=ahead)
    else:
        day = pivot - timedelta(days=back)
    return day.isoformat(), (day, day), "day", anchor


def _base(form: TimeForm, ctx: Context) -> tuple[date | None, str]:
    """The day a relative form counts from: the narrative's last date, or the publication date."""
    ref = ctx.reference
    fine = form.unit in ("D", "W", "WE", "H", "MIN", "S")  # "the next day" needs a day to count from
    if form.relative == "reference" and ref is not None and ref.start is not None and (
        not fine or ref.precision == "day"
    ):
        return ref.start, ref.anchor
    return ctx.published, "published"


def _period(form: TimeForm, ctx: Context) -> Found | None:
    base, anchor = _base(form, ctx)
    unit = form.unit or "D"
    if base is None:
        return None
    if unit == "WE":
        return _weekend(form, base, ctx) + (anchor,)
    shift = form.shift or 0
    moved = cal.shift_date(base, shift, unit) if unit != "D" else base + timedelta(days=shift)
    value, bounds, precision = cal.unit_period(moved, unit)
    start, end = bounds
    if form.part == "earlier" and shift == 0 and ctx.published is not None:
        end = min(end, ctx.published)
    elif form.part == "later" and shift == 0 and ctx.published is not None:
        start = max(start, ctx.published)
    elif form.part in ("earlier", "later"):
        start, end = cal.part_of(bounds, "early" if form.part == "earlier" else "late")
    else:
        start, end = cal.part_of(bounds, form.part)
    return value, (start, end), precision, anchor


def _weekend(form: TimeForm, base: date, ctx: Context) -> tuple[str, cal.Bounds, str]:
    if form.shift is None:  # "the weekend": the last one begun, or the coming one
        saturday, sunday = cal.weekend_bounds(base)
        if ctx.direction == FUTURE:
            if sunday < base:
                saturday += timedelta(days=7)
        elif saturday > base:
            saturday -= timedelta(days=7)
        day = saturday
    else:
        day = base + timedelta(days=7 * form.shift)
    start, end = cal.weekend_bounds(day)
    return f"{cal.week_value(start)}-WE", (start, end), "week"


def _season(form: TimeForm, ctx: Context) -> Found | None:
    if form.season is None:
        return None
    if form.year is not None:
        return f"{form.year}-{form.season}", cal.season_bounds(form.year, form.season), "season", "absolute"
    pivot, anchor = _pivot(ctx)
    if pivot is None:
        return None
    occurrences: list[tuple[cal.Bounds, object]] = [(b, y) for y, b in cal.season_occurrences(form.season, pivot)]
    mode = _mode(form, ctx)
    if mode == "this":
        current = cal.season_containing(pivot)
        year: object = current[0] if current[1] == form.season else pivot.year
    else:
        year = _pick(occurrences, pivot, mode)
    if not isinstance(year, int):
        return None
    return f"{year}-{form.season}", cal.season_bounds(year, form.season), "season", anchor


def _quarter(form: TimeForm, ctx: Context) -> Found | None:
    q = form.quarter
    if q is None:
        return None
    if form.year is not None:
        return f"{form.year}-Q{q}", cal.quarter_bounds(form.year, q), "quarter", "absolute"
    pivot, anchor = _pivot(ctx)
    if pivot is None:
        return None
    if form.shift is not None:  # "the first quarter of next year"
        year = pivot.year + form.shift
    else:
        found = _pick([(cal.quarter_bounds(y, q), y) for y in range(pivot.year - 2, pivot.year + 3)],
                      pivot, _mode(form, ctx))
        if not isinstance(found, int):
            return None
        year = found
    return f"{year}-Q{q}", cal.quarter_bounds(year, q), "quarter", anchor


def _offset(form: TimeForm, ctx: Context) -> Found | None:
    base, anchor = _base(form, ctx)
    if base is None or form.amount is None or form.unit is None:
        return None
    amount, unit = form.amount, form.unit
    if unit in ("DE", "CE"):  # "a decade ago" is a year, not the decade before this one
        amount, unit = amount * (10 if unit == "DE" else 100), "Y"
    if unit == "Y" and not float(amount).is_integer():  # "four and a half years ago"
        amount, unit = amount * 12, "M"
    moved = cal.shift_date(base, (form.shift or 1) * amount, unit)
    if unit not in ("W", "M", "Y", "DE", "CE") or not float(amount).is_integer():
        unit = "D"
    value, bounds, precision = cal.unit_period(moved, unit)
    return value, bounds, precision, anchor


def _duration(form: TimeForm, ctx: Context) -> Resolution:
    value = _period_value(form.amount, form.unit or "D")
    precision = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade",
                 "CE": "century"}.get(form.unit or "", "day")
    if form.shift is None:
        return Resolution("duration", value, None, None, None, "absolute")
    published = ctx.published
    if published is None:
        return Resolution("duration", value, None, None, precision, UNKNOWN)
    if form.amount is None:
        start, end = (None, published) if form.shift < 0 else (published, None)
    else:
        other = cal.shift_date(published, form.shift * form.amount, form.unit or "D")
        start, end = (other, published) if form.shift < 0 else (published, other)
    return Resolution("duration", value, start, end, precision, "published")


def _ref(form: TimeForm, ctx: Context) -> Resolution:
    p = ctx.published
    if p is None:
        return Resolution("date", form.ref, None, None, None, UNKNOWN)
    if form.ref == "PRESENT_REF":
        return Resolution("date", form.ref, p, p, "day", "published")
    if form.ref == "PAST_REF":
        return Resolution("date", form.ref, None, p, None, "published")
    return Resolution("date", form.ref, p, None, None, "published")


def _range(form: TimeForm, ctx: Context) -> Resolution:
    if form.first is None:
        return Resolution("date", None, None, None, None, UNKNOWN)
    if form.second is None:  # since X: from X to the publication date
        first = resolve(form.first, Context(ctx.published, PAST, ctx.reference))
        end = ctx.published
        anchor = first.anchor if end is None or first.anchor == UNKNOWN else "published"
        value = f"{first.value}/PRESENT_REF" if first.value else None
        return Resolution("date", value, first.start, end, first.precision, anchor)
    second = resolve(form.second, ctx)
    first = resolve(form.first, Context(ctx.published, ctx.direction, ctx.reference, second.end))
    if first.start is not None and second.start is not None and first.start > second.start:
        first = resolve(form.first, Context(ctx.published, PAST, ctx.reference, second.start - timedelta(days=1)))
    value = f"{first.value}/{second.value}" if first.value and second.value else None
    anchors = {first.anchor, second.anchor}
    anchor = UNKNOWN if UNKNOWN in anchors else ("published" if "published" in anchors else "absolute")
    return Resolution("date", value, first.start, second.end, first.precision or second.precision, anchor)
