"""find_timexes: every temporal expression of a parsed document, normalised against its publication date.

Steps: the grammar's matches (:mod:`~newsgraph.extract.timex.patterns`) → checked against the
parse (:mod:`~newsgraph.extract.timex.filters`) → the longest non-overlapping ones → joined into
ranges ("from March to May", "between 2020 and 2022", "Sunday to September 13th", "since 2022")
and date + clock time ("Tuesday at 3pm") → spaCy DATE entities the grammar missed, read by
dateparser when they name a month or a year → resolved in text order, each relative one against
the publication date or the narrative's last date (:mod:`~newsgraph.extract.timex.normalize`).

A pure function of (doc, published, direction_for): no state, no network.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from newsgraph.extract.timex.filters import DROP, WEAK, verdict
from newsgraph.extract.timex.normalize import Context, Resolution, resolve
from newsgraph.extract.timex.patterns import MONTH, ORDER, YEAR, Candidate, scan
from newsgraph.extract.timex.record import Direction, TimeForm, Timex
from newsgraph.extract.timex.tense import infer_direction

DirectionFor = Callable[[Span], Direction | None]

NOT_RANGEABLE = frozenset({"duration", "set", "ref", "clock", "range"})
RANGE_LINK = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*", re.IGNORECASE)
DAY_KINDS = frozenset({"date", "weekday", "period"})
CLOCK_AFTER_DAY = re.compile(r"\s*(?:,\s*)?(?:at|from|around|by)?\s*", re.IGNORECASE)
YEAR_AFTER_MONTH = re.compile(r"\s*,?\s*(?:of\s+)?", re.IGNORECASE)  # "May last year", "June of this year"
CLOCK_BEFORE_DAY = re.compile(r"\s*(?:,\s*)?(?:on)?\s*", re.IGNORECASE)
DATEPARSER_HINT = re.compile(rf"{MONTH}|{YEAR}")


def find_timexes(doc: Doc, published: date | None, *, direction_for: DirectionFor | None = None) -> list[Timex]:
    """Every temporal expression of ``doc``, in text order, normalised against ``published``.

    ``direction_for(span)`` may say how to read a bare weekday, month, season or quarter
    ("past" or "future", e.g. from an event's status); when it returns None (or is not given)
    the governing verb's tense and modality decide (:func:`~newsgraph.extract.timex.tense.infer_direction`).
    """
    text = doc.text  # built from the tokens on every access: once
    picked, dropped = _pick(doc, text)
    picked = _join(text, picked)
    found: list[tuple[Candidate, Span]] = []
    for cand, state in picked:
        if state == WEAK:
            continue
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is not None and len(span):
            found.append((cand, span))
    found.extend(_from_entities(doc, [c for c, _ in found] + dropped, published))
    found.sort(key=lambda item: item[0].start)
    out: list[Timex] = []
    reference: Resolution | None = None
    for cand, span in found:
        cand = _future_in(text, cand, span, direction_for)
        direction = _direction(cand.form, span, direction_for)
        res = resolve(cand.form, Context(published, direction, reference))
        timex = _timex(text, cand, span, res, direction)
        out.append(timex)
        if _can_anchor(cand.form, res):
            reference = res
    return out


def resolve_timex(
    timex: Timex, published: date | None, *, direction: Direction | None, reference: Timex | None = None
) -> Timex:
    """``timex`` resolved again with another past/future reading (e.g. from its event's status).

    ``reference`` is the narrative's last date before it, for "three days later" and the like.
    """
    if timex.form is None:
        return timex
    ref = None
    if reference is not None:
        ref = Resolution(reference.type, reference.value, reference.start_date, reference.end_date,
                         reference.precision, reference.anchor)
    res = resolve(timex.form, Context(published, direction, ref))
    return replace(timex, value=res.value, start_date=res.start, end_date=res.end, precision=res.precision,
                   anchor=res.anchor, type=res.type, direction=direction)


def _pick(doc: Doc, text: str) -> tuple[list[tuple[Candidate, str]], list[Candidate]]:
    """Matches that pass the parse checks, the longest where they overlap (then the earlier rule); and the dropped."""
    checked: list[tuple[Candidate, str]] = []
    dropped: list[Candidate] = []
    for cand in scan(text):
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        state = verdict(cand, span, text[cand.start:cand.end])
        if state == DROP:
            dropped.append(cand)
        else:
            checked.append((cand, state))
    checked.sort(key=lambda cs: (-(cs[0].end - cs[0].start), cs[0].start, ORDER[cs[0].rule]))
    taken: list[tuple[Candidate, str]] = []
    for cand, state in checked:
        if all(cand.end <= other.start or cand.start >= other.end for other, _ in taken):
            taken.append((cand, state))
    taken.sort(key=lambda cs: cs[0].start)
    return taken, dropped


def _join(text: str, picked: list[tuple[Candidate, str]]) -> list[tuple[Candidate, str]]:
    """Ranges, "since X", and a day with its clock time, as single expressions."""
    out: list[tuple[Candidate, str]] = []
    i = 0
    while i < len(picked):
        cand, state = picked[i]
        nxt = picked[i + 1] if i + 1 < len(picked) else None
        if nxt is not None:
            joined = _join_pair(text, cand, nxt[0])
            if joined is not None:
                out.append((joined, "keep"))
                i += 2
                continue
        before = text[max(0, cand.start - 12):cand.start]
        since = re.search(r"\b(?:ever\s+)?since\s+$", before, re.IGNORECASE)
        if since and state != WEAK and cand.form.kind not in NOT_RANGEABLE and cand.form.kind != "offset":
            start = cand.start - (len(before) - since.start())
            form = TimeForm(kind="range", first=cand.form)
            out.append((Candidate(start=start, end=cand.end, form=form, rule=f"since+{cand.rule}"), "keep"))
        else:
            out.append((cand, state))
        i += 1
    return out


def _join_pair(text: str, a: Candidate, b: Candidate) -> Candidate | None:
    between = text[a.end:b.start]
    fa, fb = a.form, b.form
    rangeable = fa.kind not in NOT_RANGEABLE and (fb.kind not in NOT_RANGEABLE or fb.ref == "PRESENT_REF")
    if rangeable and RANGE_LINK.fullmatch(between):
        before = text[max(0, a.start - 10):a.start]
        opener = re.search(r"\b(from|between)\s+$", before, re.IGNORECASE)
        if between.strip().lower() == "and" and not (opener and opener.group(1).lower() == "between"):
            return None
        start = a.start - (len(before) - opener.start()) if opener else a.start
        form = TimeForm(kind="range", first=fa, second=fb)
        return Candidate(start=start, end=b.end, form=form, rule=f"range:{a.rule}+{b.rule}")
    if _is_month_without_year(fa) and _is_relative_year(fb) and YEAR_AFTER_MONTH.fullmatch(between):
        form = replace(fa, year_shift=fb.shift, bare=False)
        return Candidate(start=a.start, end=b.end, form=form, rule=f"{a.rule}+year")
    if fb.kind == "clock" and _is_day(fa) and CLOCK_AFTER_DAY.fullmatch(between):
        return Candidate(start=a.start, end=b.end, form=replace(fa, clock=fb.clock), rule=f"{a.rule}+clock")
    if fa.kind == "clock" and _is_day(fb) and CLOCK_BEFORE_DAY.fullmatch(between):
        return Candidate(start=a.start, end=b.end, form=replace(fb, clock=fa.clock), rule=f"clock+{b.rule}")
    return None


def _is_month_without_year(form: TimeForm) -> bool:
    return form.kind == "date" and form.month is not None and form.year is None and form.shift is None


def _is_relative_year(form: TimeForm) -> bool:
    """"last year", "this year", "next year" (not "earlier this year")."""
    return form.kind == "period" and form.unit == "Y" and form.part is None and form.relative == "published"


def _is_day(form: TimeForm) -> bool:
    if form.kind == "date":
        return form.day is not None
    return form.kind == "weekday" or (form.kind == "period" and form.unit == "D")


def _needs_direction(form: TimeForm) -> bool:
    if form.kind == "range":
        return any(_needs_direction(f) for f in (form.first, form.second) if f is not None)
    if form.kind == "date":
        return form.year is None and form.year_shift is None
    if form.kind in ("weekday", "season", "quarter"):
        return form.year is None and form.shift in (None, 0)
    return form.kind == "period" and form.unit == "WE" and form.shift is None


def _direction(form: TimeForm, span: Span, direction_for: DirectionFor | None) -> Direction | None:
    if not _needs_direction(form):
        return None
    if direction_for is not None:
        given = direction_for(span)
        if given is not None:
            return given
    return infer_direction(span)


def _future_in(text: str, cand: Candidate, span: Span, direction_for: DirectionFor | None) -> Candidate:
    """"will leave in a few months", "in two years": a duration after "in" under a future verb is a date ahead."""
    form = cand.form
    if form.kind != "duration" or form.shift is not None:
        return cand
    if not re.search(r"(?<!\w)in\s+$", text[max(0, cand.start - 8):cand.start], re.IGNORECASE):
        return cand
    given = direction_for(span) if direction_for is not None else None
    if (given or infer_direction(span)) != "future":
        return cand
    if form.amount is None:
        return replace(cand, form=TimeForm(kind="ref", ref="FUTURE_REF"), rule=f"{cand.rule}+future")
    ahead = TimeForm(kind="offset", amount=form.amount, unit=form.unit, shift=1)
    return replace(cand, form=ahead, rule=f"{cand.rule}+future")


def _can_anchor(form: TimeForm, res: Resolution) -> bool:
    """May "three days later" count from this one? Dates that name a definite day, week, month or year."""
    if res.start is None or res.end is None or res.type not in ("date", "time"):
        return False
    return form.kind not in ("ref", "range", "decade", "century")


def _timex(text: str, cand: Candidate, span: Span, res: Resolution, direction: Direction | None) -> Timex:
    return Timex(
        text=text[cand.start:cand.end], start=cand.start, end=cand.end, type=res.type, value=res.value,
        start_date=res.start, end_date=res.end, precision=res.precision, anchor=res.anchor,
        token_start=span.start, token_end=span.end, rule=cand.rule, direction=direction, form=cand.form,
    )


# ---------------------------------------------------------------- dateparser for what the grammar missed


def _from_entities(doc: Doc, seen: Iterable[Candidate], published: date | None) -> list[tuple[Candidate, Span]]:
    """DATE entities that no grammar match touched (kept or dropped), read by dateparser."""
    spans = [(c.start, c.end) for c in seen]
    out: list[tuple[Candidate, Span]] = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(s < ent.end_char and ent.start_char < e for s, e in spans):
            continue
        if not DATEPARSER_HINT.search(ent.text):
            continue
        form = _dateparse(ent.text, published)
        if form is not None:
            out.append((Candidate(start=ent.start_char, end=ent.end_char, form=form, rule="dateparser"), ent))
    return out


def _dateparse(text: str, published: date | None) -> TimeForm | None:
    """An absolute date string read by dateparser (English only, no network); None when it is not one."""
    try:
        data = _parser(published).get_date_data(text)
    except Exception:  # dateparser raises many kinds on odd strings
        return None
    when, period = data.date_obj, data.period
    if when is None:
        return None
    has_year = re.search(r"\b\d{4}\b", text) is not None
    year = when.year if has_year else None
    if year is None and published is None:
        return None
    if period == "year":
        return TimeForm(kind="date", year=when.year) if has_year else None
    if period == "month":
        return TimeForm(kind="date", year=year, month=when.month)
    if period == "day":
        return TimeForm(kind="date", year=year, month=when.month, day=when.day)
    return None


@lru_cache(maxsize=16)
def _parser(published: date | None) -> Any:
    import dateparser.date

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                                "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    return dateparser.date.DateDataParser(languages=["en"], settings=settings)
