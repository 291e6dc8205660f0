"""Where the mentions of one event cluster disagree.

Three kinds, each giving one row per disagreeing mention (``value``: what that mention says):

- ``status``: some mention reports the event as having happened (``asserted``) and another, from
  another outlet, as not having happened (``negated``). Planned, possible, requested and hypothetical mentions do
  not conflict with a denial: "X will send" or "X may send" is still true after "X has not
  sent", and a negated record does not tell "has not sent" from "will not send".
- ``quantity``: two mentions give incompatible amounts of the same item category in the same
  unit. An amount is read as an interval: "40" is exactly 40, "about 40" 32–48, "more than
  40" 40 or more, "up to 40" at most 40; vague amounts ("dozens") say nothing. Amounts
  conflict when their intervals do not meet.
- ``time``: two sources disagree on when it happened: asserted mentions from different outlets
  whose event time ranges do not overlap (e.g. "in March" vs "in May"). Within one outlet,
  different times are the steps of one story (announced on Monday, begun last week), not a
  disagreement; a plan's date may differ from the deed's.

Negated and hypothetical mentions do not take part in the quantity and time comparisons: a
denial's numbers and dates describe what did not happen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

STATUS_YES = "asserted"
STATUS_NO = "negated"
NOT_FACTUAL = frozenset({"negated", "hypothetical"})
HEDGE_SPREAD = 0.2  # "about 40" → 32..48

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "single": 1,
}
_MULTIPLIERS = {
    "dozen": 12, "hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}
_ABOUT = ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated", "nearly",
          "almost", "close to", "up to about", "roughly about")
_AT_LEAST = ("more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "no less than")
_AT_MOST = ("up to", "fewer than", "less than", "under", "at most", "no more than", "as many as")
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+|[$€£¥]")


@dataclass(frozen=True, slots=True, kw_only=True)
class Amount:
    low: float
    high: float  # inf for "more than"
    unit: str  # "" for a count, else e.g. "tonne", "$"

    def meets(self, other: Amount) -> bool:
        return self.unit != other.unit or (self.low <= other.high and other.low <= self.high)


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionFacts:
    """What conflict detection needs of one mention."""

    event_id: str
    status: str
    quantities: tuple[tuple[str, str], ...]  # (item category, quantity text)
    time_start: date | None
    time_end: date | None
    time_text: str | None
    source: str = ""  # the outlet reporting it (disagreements are between sources)


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    kind: str  # status | quantity | time
    event_id: str
    value: str


def parse_amount(text: str | None) -> Amount | None:
    """An amount as an interval with its unit; None when it states no number ("dozens")."""
    if not text:
        return None
    lowered = " ".join(text.casefold().replace("-", " ").split())
    tokens = _TOKEN.findall(lowered)
    value: float | None = None
    unit_words: list[str] = []
    for i, token in enumerate(tokens):
        if token[0].isdigit():
            number = float(token.replace(",", ""))
            if value is None:
                value = number
            elif len(token) == 3 and tokens[i - 1][0].isdigit():  # "10 000"
                value = value * 1000 + number
        elif token in _MULTIPLIERS and value is not None:
            value *= _MULTIPLIERS[token]
        elif token in _NUMBER_WORDS and (token not in ("a", "an") or _next_is_multiplier(tokens, i)):
            value = (value or 0) + _NUMBER_WORDS[token]
        elif token in VAGUE_AMOUNTS:
            return None
        elif token not in _HEDGE_WORDS:
            unit_words.append(token[:-1] if len(token) > 3 and token.endswith("s") else token)
    if value is None:
        return None
    unit = " ".join(unit_words)
    if lowered.startswith(_AT_LEAST):
        return Amount(low=value, high=float("inf"), unit=unit)
    if lowered.startswith(_AT_MOST):
        return Amount(low=0.0, high=value, unit=unit)
    if lowered.startswith(_ABOUT):
        return Amount(low=value * (1 - HEDGE_SPREAD), high=value * (1 + HEDGE_SPREAD), unit=unit)
    return Amount(low=value, high=value, unit=unit)


# Words that say how many without a number ("dozens of tanks"): no amount to compare.
VAGUE_AMOUNTS = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "scores", "several", "many"})
# Every word that states an amount (the linker never takes a change of one for a mere edit).
NUMBER_WORDS = (frozenset(_NUMBER_WORDS) - {"a", "an"}) | frozenset(_MULTIPLIERS) | VAGUE_AMOUNTS
_HEDGE_WORDS = frozenset(" ".join((*_ABOUT, *_AT_LEAST, *_AT_MOST)).split()) | {"a", "an", "of", "and", "the"}


def _next_is_multiplier(tokens: Sequence[str], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1] in _MULTIPLIERS


def find_conflicts(mentions: Sequence[MentionFacts]) -> list[Conflict]:
    """Every disagreement among one cluster's mentions, one row per (kind, mention)."""
    return [*_status_conflicts(mentions), *_quantity_conflicts(mentions), *_time_conflicts(mentions)]


def _status_conflicts(mentions: Sequence[MentionFacts]) -> list[Conflict]:
    """Reports that it happened and reports that it did not, from different sources: within one
    outlet, "X has sent" and "X has not sent yet" are the steps of a story or a misread
    sentence ("refused to deny"), not two sources disagreeing."""
    sources = {status: {m.source for m in mentions if m.status == status} for status in (STATUS_YES, STATUS_NO)}
    opposite = {STATUS_YES: sources[STATUS_NO], STATUS_NO: sources[STATUS_YES]}
    return [Conflict(kind="status", event_id=m.event_id, value=m.status) for m in mentions
            if m.status in opposite and bool(opposite[m.status] - {m.source})]


def _quantity_conflicts(mentions: Sequence[MentionFacts]) -> list[Conflict]:
    by_category: dict[str, list[tuple[MentionFacts, str, Amount]]] = {}
    for m in mentions:
        if m.status in NOT_FACTUAL:
            continue
        for category, text in m.quantities:
            amount = parse_amount(text)
            if amount is not None:
                by_category.setdefault(category, []).append((m, text, amount))
    values: dict[str, list[str]] = {}
    for category, stated in sorted(by_category.items()):
        distinct = set(amount for _, _, amount in stated)  # each value once: linear in the mentions
        for m, text, amount in stated:
            if any(not amount.meets(other) for other in distinct):
                note = f"{category}: {text}"
                if note not in values.setdefault(m.event_id, []):
                    values[m.event_id].append(note)
    return [Conflict(kind="quantity", event_id=e, value="; ".join(v)) for e, v in values.items()]


def _time_conflicts(mentions: Sequence[MentionFacts]) -> list[Conflict]:
    """Reports of it done, by different sources, at times that do not overlap. Mentions are
    compared by their distinct (source, start, end), so many reports of the same dates cost
    little."""
    spans: dict[tuple[str, date, date], list[MentionFacts]] = {}
    for m in mentions:
        start, end = _span(m)
        if m.status == STATUS_YES and start is not None and end is not None:
            spans.setdefault((m.source, start, end), []).append(m)
    keys = list(spans)
    disagreeing: set[tuple[str, date, date]] = set()
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a[0] != b[0] and not (a[1] <= b[2] and b[1] <= a[2]):
                disagreeing.update((a, b))
    return [
        Conflict(kind="time", event_id=m.event_id, value=m.time_text or f"{key[1].isoformat()}/{key[2].isoformat()}")
        for key in keys if key in disagreeing for m in spans[key]
    ]


def _span(m: MentionFacts) -> tuple[date | None, date | None]:
    start = m.time_start or m.time_end
    end = m.time_end or m.time_start
    if start is not None and end is not None and end < start:
        start, end = end, start
    return start, end
