"""The records of the time normalizer: what the grammar read (TimeForm) and what it means (Timex)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from newsgraph.records import TimeValue

Direction = Literal["past", "future"]
PAST: Direction = "past"
FUTURE: Direction = "future"

TIMEX_TYPES = ("date", "time", "duration", "set")
PRECISIONS = ("day", "week", "month", "quarter", "season", "year", "decade", "century")
ANCHORS = ("published", "absolute", "unknown")


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeForm:
    """The structure of one temporal expression as written, before any calendar is consulted.

    ``kind`` says which fields matter:

    ==========  ==============================================================================
    date        year / month / day, any of them missing ("Sept. 4", "in 2022", "March 2021");
                ``year_shift`` instead of a year: "May last year", "18 August this year";
                ``part`` early|mid|late|h1|h2; ``daypart``/``clock`` make it a time
    weekday     ``weekday`` (1 = Monday) with ``shift`` -1 last, +1 next, 0 this, None bare
    period      a calendar ``unit`` (D, W, WE weekend, M, Q, Y, DE, CE) moved by ``shift`` from
                the publication date, or from the narrative's last date when ``relative`` is
                "reference" ("the next day"); ``shift`` None is a bare "the weekend";
                ``part`` early|mid|late|earlier|later|h1|h2
    season      ``season`` (SP, SU, FA, WI) with ``year`` or ``shift``
    quarter     ``quarter`` (1–4) with ``year`` or ``shift``
    decade      ``decade`` (199 for the 1990s); century: ``century`` (19 for the 20th)
    offset      ``amount`` ``unit`` before (``shift`` -1) or after (+1) the publication date
                ("two weeks ago") or the narrative's last date ("three days later")
    duration    ``amount`` ``unit`` (``amount`` None: vague, "for years"); ``shift`` -1/+1 anchors
                it back/forward from the publication date ("the past two years")
    set         ``ref`` holds the TIMEX3 value ("P1W", "XXXX-WXX-1")
    ref         ``ref`` is PRESENT_REF, PAST_REF or FUTURE_REF
    clock       a time of day alone ("at 3pm"), in ``clock``
    range       ``first`` to ``second``; since: from ``first`` to the publication date
    ==========  ==============================================================================
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    quarter: int | None = None
    decade: int | None = None
    century: int | None = None
    unit: str | None = None
    amount: float | None = None
    shift: int | None = None
    part: str | None = None
    daypart: str | None = None
    clock: str | None = None
    ref: str | None = None
    relative: str = "published"  # published | reference
    first: TimeForm | None = None
    second: TimeForm | None = None
    year_shift: int | None = None  # "May last year": the year relative to the publication's
    bare: bool = False  # a lone month/year/season: needs context (a preposition, a DATE entity) to count


@dataclass(frozen=True, slots=True, kw_only=True)
class Timex:
    """One temporal expression of a document, normalised TIMEX3-style.

    ``start``/``end`` are character offsets into the document text (end exclusive);
    ``token_start``/``token_end`` token indices (end exclusive). ``value`` is a TIMEX3
    value ("2023-09-04", "2023-W36", "2023-09", "2023-Q3", "2023-SU", "2023", "199",
    "P3M", "PRESENT_REF", "XXXX-WXX-1"; a range "2023-03/2023-05"), or None when it
    cannot be resolved (a relative expression without a publication date).
    ``start_date``/``end_date`` are the first and last day it covers (either may be None:
    "since 2022" without a publication date has no end; durations and sets have neither).
    ``anchor``: "absolute" when the text alone fixes it, "published" when it was resolved
    against the publication date (or a date resolved against it), "unknown" when it could not be.
    ``rule`` names the grammar rule (or "dateparser") that produced it; ``direction`` the
    past/future reading used for a bare weekday, month, season or quarter.
    """

    text: str
    start: int
    end: int
    type: str  # date | time | duration | set
    value: str | None
    start_date: date | None
    end_date: date | None
    precision: str | None  # day | week | month | quarter | season | year | decade | century
    anchor: str  # published | absolute | unknown
    token_start: int
    token_end: int
    rule: str = ""
    direction: Direction | None = None
    form: TimeForm | None = field(default=None, compare=False, repr=False)

    def to_dict(self, article_id: str) -> dict[str, Any]:
        return {
            "article_id": article_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "precision": self.precision,
        }

    def to_time_value(self) -> TimeValue:
        return TimeValue(
            text=self.text, start=self.start_date, end=self.end_date, precision=self.precision, anchor=self.anchor
        )
