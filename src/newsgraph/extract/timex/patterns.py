"""The grammar: regular expressions over the text, each with a builder from its match to a TimeForm.

Rules run on the raw document text (so "Sept. 4", "mid-2023", "2023-09-04", "3pm" need no
special tokenisation); the finder then checks each match against the parse (a month that is a
modal verb, a weekday inside a newspaper's name) and snaps it to tokens. Month and weekday
names must be capitalised; units and season words lower case (so "the Six-Day War" and "the
Arab Spring" are not times). A group named ``t`` narrows the extent to that group (the
context words around it are required but not part of the expression).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newsgraph.extract.timex.record import TimeForm
from newsgraph.extract.timex.words import load_words

W = load_words()


def _cs(alternation: str) -> str:
    """Case-sensitive inside an IGNORECASE pattern."""
    return f"(?-i:{alternation})"


MONTH_FULL = _cs(W.alternation("month", capitalised=True))
MONTH = _cs(f"{W.alternation('month', capitalised=True)}|(?:{W.alternation('month_abbr', capitalised=True)})\\.?")
MONTH_END = r"(?![A-Za-z])"
WEEKDAY = _cs(W.alternation("weekday", capitalised=True))
WEEKDAY_ANY = _cs(
    f"{W.alternation('weekday', capitalised=True)}|(?:{W.alternation('weekday_abbr', capitalised=True)})\\.?"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
YEAR_END = r"(?![\w%]|[.,/-]\d|\s*per\s*cent)"
NUMBER = rf"(?:\d+(?:\.\d+)?|{W.alternation('number')}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\w+)"
UNIT = _cs(r"centur(?:y|ies)|" + "|".join(f"{u}s?" for u in sorted(W.table("unit"), key=len, reverse=True)))
UNITS = _cs(r"centuries|" + "|".join(f"{u}s" for u in W.table("unit") if u != "century"))
ORDINAL = rf"(?:{W.alternation('ordinal')}|\d{{1,2}}(?:st|nd|rd|th))"
SEASON = _cs("spring|summer|autumn|winter|fall")
DAYPART = _cs(W.alternation("daypart"))
APPROX = (
    r"(?:(?:more|less|fewer)\s+than|at\s+(?:least|most)|nearly|almost|about|around|roughly|approximately|"
    r"some|up\s+to|just\s+(?:over|under)|well\s+over)"
)
HALF = r"(?:\s+and\s+a\s+half)?"
# "early 2023", "mid-September", "the end of the year", "the first half of 2022"
PART = (
    r"(?:(?P<part>early|mid|late|end)(?:\s*-\s*|\s+)|(?:the\s+)?(?P<pw>beginning|start|middle|end|"
    r"(?:first|second)\s+half)\s+of\s+)?"
)
REL = r"(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+coming|the\s+past)"
LEFT = r"(?<![\w$£€.,/-])"  # not inside a number, a word or a path


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    build: Callable[[re.Match[str]], TimeForm | None]


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    form: TimeForm
    rule: str


def _number(text: str | None) -> float | None:
    if text is None:
        return 1.0
    return W.number(re.sub(r"\s+and\s+a\s+half$", "", text))


def _amount(m: re.Match[str]) -> float | None:
    n = m.groupdict().get("n")
    value = _number(n) if n is not None else (None if _plural(m.group("u")) else 1.0)
    if value is not None and "and a half" in " ".join(m.group(0).split()).lower():
        value += 0.5
    return value


def _plural(unit: str) -> bool:
    return unit.endswith("s") or unit == "centuries"


def _unit(word: str) -> str:
    word = word.lower()
    if word.startswith("centur"):
        return "CE"
    return W.table("unit")[word[:-1] if word.endswith("s") and word[:-1] in W.table("unit") else word]


def _scaled(amount: float | None, unit: str) -> tuple[float | None, str]:
    """A fortnight is two weeks."""
    if unit == "2W":
        return (None if amount is None else amount * 2), "W"
    return amount, unit


def _month(word: str) -> int:
    key = word.rstrip(".").lower()
    return int(W.value("month", key) or W.value("month_abbr", key) or 0)


def _weekday(word: str) -> int:
    key = word.rstrip(".").lower()
    return int(W.value("weekday", key) or W.value("weekday_abbr", key) or 0)


def _ordinal(word: str) -> int:
    digits = re.match(r"\d+", word)
    return int(digits.group(0)) if digits else int(W.value("ordinal", word) or 0)


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group(0))  # type: ignore[union-attr]


def _year(word: str | None) -> int | None:
    return int(word) if word else None


def _part(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    part, pw = groups.get("part"), groups.get("pw")
    if part:
        return "late" if part.lower() == "end" else part.lower()
    if pw:
        pw = " ".join(pw.lower().split())
        return {"beginning": "early", "start": "early", "middle": "mid", "end": "late",
                "first half": "h1", "second half": "h2"}[pw]
    return None


def _shift(rel: str | None) -> int | None:
    if rel is None:
        return None
    rel = " ".join(rel.lower().split())
    return {"last": -1, "this past": -1, "the past": -1, "past": -1, "previous": -1, "the previous": -1,
            "next": 1, "this coming": 1, "the coming": 1, "coming": 1, "following": 1, "the following": 1,
            "the next": 1, "this": 0, "the current": 0, "current": 0, "the same": 0, "that": 0}.get(rel)


# ---------------------------------------------------------------- builders


def _iso(m: re.Match[str]) -> TimeForm:
    return TimeForm(kind="date", year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))


def _numeric(m: re.Match[str]) -> TimeForm | None:
    a, b = int(m["a"]), int(m["b"])
    day, month = (b, a) if b > 12 >= a else (a, b)  # day first unless the second number cannot be a month
    year = int(m["y"])
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
        return None
    return TimeForm(kind="date", year=year, month=month, day=day)


def _day_month(m: re.Match[str]) -> TimeForm:
    return TimeForm(kind="date", year=_year(m["y"]), month=_month(m["m"]), day=_day(m["d"]))


def _day_range(m: re.Match[str]) -> TimeForm | None:
    month, year = _month(m["m"]), _year(m["y"])
    d1, d2 = _day(m["d1"]), _day(m["d2"])
    if d1 >= d2:
        return None
    first = TimeForm(kind="date", year=year, month=month, day=d1)
    return TimeForm(kind="range", first=first, second=TimeForm(kind="date", year=year, month=month, day=d2))


def _month_year(m: re.Match[str]) -> TimeForm:
    return TimeForm(kind="date", year=int(m["y"]), month=_month(m["m"]), part=_part(m))


def _bare_month(m: re.Match[str]) -> TimeForm:
    part, shift = _part(m), _shift(m["rel"])
    return TimeForm(kind="date", month=_month(m["m"]), part=part, shift=shift, bare=part is None and shift is None)


def _bare_year(m: re.Match[str]) -> TimeForm:
    part = _part(m)
    return TimeForm(kind="date", year=int(m["y"]), part=part, bare=part is None and not m["the"])


def _year_range(m: re.Match[str]) -> TimeForm | None:
    y1, tail = int(m["y1"]), m["y2"]
    y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
    if not y1 < y2 <= y1 + 50:
        return None
    return TimeForm(kind="range", first=TimeForm(kind="date", year=y1), second=TimeForm(kind="date", year=y2))


def _decade(m: re.Match[str]) -> TimeForm | None:
    words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
             "eighties": 8, "nineties": 9}
    if m["full"]:
        decade = int(m["full"]) // 10
    elif not m["the"]:
        return None  # "in their 70s" is an age
    elif m["short"]:
        decade = 190 + int(m["short"]) // 10
    else:
        decade = 190 + words[m["word"].lower()]
    part = _part(m) or (m["p2"] and m["p2"].lower())
    return TimeForm(kind="decade", decade=decade, part=part)


def _century(m: re.Match[str]) -> TimeForm | None:
    n = _ordinal(m["o"])
    return TimeForm(kind="century", century=n - 1, part=m["part"] and m["part"].lower()) if 1 <= n <= 21 else None


def _quarter(m: re.Match[str]) -> TimeForm | None:
    o = m["o"].lower()
    groups = m.groupdict()
    year, rel = _year(groups.get("y")), groups.get("rel")
    if o == "last" and year is None and rel is None and not groups.get("theyear"):
        return TimeForm(kind="period", unit="Q", shift=-1)  # "the last quarter": the one before this one
    q = 4 if o in ("final", "last") else _ordinal(o)
    if not 1 <= q <= 4:
        return None
    if rel is not None:
        return TimeForm(kind="quarter", quarter=q, shift=_shift(rel))
    return TimeForm(kind="quarter", quarter=q, year=year)


def _q_code(m: re.Match[str]) -> TimeForm:
    year = m["y"]
    value = None
    if year:
        digits = year.lstrip("'")
        value = int(digits) if len(digits) == 4 else 2000 + int(digits)
    return TimeForm(kind="quarter", quarter=int(m["q"]), year=value)


def _half(m: re.Match[str]) -> TimeForm:
    part = "h1" if m["h"].lower() in ("first", "1") else "h2"
    if m["y"]:
        return TimeForm(kind="date", year=int(m["y"]), part=part)
    return TimeForm(kind="period", unit="Y", shift=_shift(m["rel"]) or 0, part=part)


def _season(m: re.Match[str]) -> TimeForm | None:
    word = m["s"].lower()
    rel = m.groupdict().get("rel")
    rel = " ".join(rel.lower().split()) if rel else None
    year, part = _year(m["y"]), _part(m)
    if word == "fall" and year is None and rel in (None, "the") and part is None:
        return None  # "the fall of Kabul", "a fall in prices"
    code = W.table("season")[word]
    shift = None if rel == "the" else _shift(rel)
    return TimeForm(kind="season", season=code, year=year, shift=shift, part=part,
                    bare=year is None and shift is None and part is None)


def _weekday_form(m: re.Match[str]) -> TimeForm:
    daypart = m["dp"] and W.value("daypart", m["dp"])
    if m["edge"]:
        daypart = daypart or ("MO" if m["edge"].lower() == "early" else "NI")
    return TimeForm(kind="weekday", weekday=_weekday(m["wd"]), shift=_shift(m["rel"]), daypart=daypart)


def _deictic(m: re.Match[str]) -> TimeForm:
    word = " ".join(m["w"].lower().split())
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
             "the day after tomorrow": 2}[word]
    daypart = "NI" if word == "tonight" else (m["dp"] and W.value("daypart", m["dp"]))
    return TimeForm(kind="period", unit="D", shift=shift, daypart=daypart)


def _this_daypart(m: re.Match[str]) -> TimeForm:
    dp = W.value("daypart", m["dp"])
    shift = -1 if m["rel"].lower() == "last" else 0
    return TimeForm(kind="period", unit="D", shift=shift, daypart=dp)


def _period(m: re.Match[str]) -> TimeForm | None:
    rel = " ".join(m["rel"].lower().split())
    unit = {"week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
            "century": "CE", "day": "D"}[m["u"].lower()]
    part = _part(m) or (m["ep"] and m["ep"].lower())
    if rel == "the" and part is None:
        # "the year" alone is not a date, but "sales for the year", "during the quarter" mean the
        # period the text is about (the last one named, else the publication's)
        before = m.string[: m.start()].split()
        if unit in ("Y", "Q", "M", "W") and before and before[-1].lower() in ("for", "during", "throughout"):
            return TimeForm(kind="period", unit=unit, shift=0, relative="reference")
        return None
    reference = rel in ("the previous", "the following", "the same", "that", "the next")
    if unit == "D" and not reference:
        return None  # "this day", "last day"
    if rel == "the next" and unit != "D":
        return None  # "the next week" is an anchored duration
    shift = 0 if rel == "the" else _shift(rel)
    return TimeForm(kind="period", unit=unit, shift=shift, part=part,
                    relative="reference" if reference else "published")


def _unit_before_after(m: re.Match[str]) -> TimeForm:
    unit = {"day": "D", "week": "W", "month": "M", "year": "Y"}[m["u"].lower()]
    shift = -1 if m["dir"].lower() in ("before", "earlier") else 1
    return TimeForm(kind="period", unit=unit, shift=shift, relative="reference")


def _weekend(m: re.Match[str]) -> TimeForm:
    rel = m["rel"].lower() if m["rel"] else "the"
    return TimeForm(kind="period", unit="WE", shift=None if rel == "the" else _shift(rel))


def _offset(m: re.Match[str]) -> TimeForm | None:
    amount, unit = _scaled(_amount(m), _unit(m["u"]))
    direction = " ".join(m["dir"].lower().split())
    shift = -1 if direction in ("ago", "earlier", "before", "previously", "prior") else 1
    relative = "published" if direction in ("ago", "from now", "hence") else "reference"
    return TimeForm(kind="offset", amount=amount, unit=unit, shift=shift, relative=relative)


def _in_time(m: re.Match[str]) -> TimeForm:
    amount, unit = _scaled(_amount(m), _unit(m["u"]))
    return TimeForm(kind="offset", amount=amount, unit=unit, shift=1, relative="published")


def _duration(m: re.Match[str]) -> TimeForm | None:
    n = m.groupdict().get("n")
    if n is not None and n.lower() in ("a", "an") and _plural(m["u"]):
        return None  # "a weeks-long push": the vague "weeks-long" is matched on its own
    amount, unit = _scaled(_amount(m), _unit(m["u"]))
    return TimeForm(kind="duration", amount=amount, unit=unit)


def _anchored(m: re.Match[str]) -> TimeForm | None:
    rel = " ".join(m["rel"].lower().split())
    amount, unit = _scaled(_amount(m), _unit(m["u"]))
    if m.groupdict().get("n") is None and not _plural(m["u"]) and unit in ("D", "H", "MIN", "S"):
        return None  # "the last day of the summit"
    shift = -1 if rel in ("past", "last", "recent") else 1
    return TimeForm(kind="duration", amount=amount, unit=unit, shift=shift)


def _set_every(m: re.Match[str]) -> TimeForm | None:
    what = m["u"]
    if _weekday(what):
        return TimeForm(kind="set", ref=f"XXXX-WXX-{_weekday(what)}")
    if W.value("daypart", what):
        return TimeForm(kind="set", ref=f"XXXX-XX-XXT{W.value('daypart', what)}")
    amount = 2.0 if m["other"] else _number(m["n"])
    amount, unit = _scaled(amount, _unit(what))
    return TimeForm(kind="set", ref=_period_value(amount, unit))


def _set_times(m: re.Match[str]) -> TimeForm:
    amount, unit = _scaled(1.0, _unit(m["u"]))
    return TimeForm(kind="set", ref=_period_value(amount, unit))


def _set_adverb(m: re.Match[str]) -> TimeForm:
    return TimeForm(kind="set", ref=W.value("set_adverb", m["t"]))


def _set_weekdays(m: re.Match[str]) -> TimeForm:
    return TimeForm(kind="set", ref=f"XXXX-WXX-{_weekday(m['wd'])}")


def _set_rate(m: re.Match[str]) -> TimeForm:
    amount, unit = _scaled(1.0, _unit(m["u"]))
    return TimeForm(kind="set", ref=_period_value(amount, unit), bare=True)


def _reference(m: re.Match[str]) -> TimeForm:
    return TimeForm(kind="ref", ref=W.value("reference", m["t"]))


def _clock(m: re.Match[str]) -> TimeForm | None:
    groups = m.groupdict()
    if groups.get("w"):
        return TimeForm(kind="clock", clock={"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["w"].lower()])
    hour, minute = int(m["h"]), int(m["min"] or 0)
    ap = (groups.get("ap") or "").lower().replace(".", "")
    if ap:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ap == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return TimeForm(kind="clock", clock=f"{hour:02d}:{minute:02d}")


def _holiday(m: re.Match[str]) -> TimeForm:
    month, day = (int(x) for x in (W.value("holiday", m["h"]) or "12-25").split("-"))
    return TimeForm(kind="date", year=_year(m["y"]), month=month, day=day, shift=_shift(m["rel"]))


def _period_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration value: P3Y, P18M, P2W, P1DE, PT5H; X for a vague amount."""
    number = "X" if amount is None else (str(int(amount)) if float(amount).is_integer() else f"{amount:g}")
    if unit in ("H", "MIN", "S"):
        return f"PT{number}{'M' if unit == 'MIN' else unit}"
    return f"P{number}{unit}"


# ---------------------------------------------------------------- rules

HOLIDAY = _cs("|".join(
    re.escape(" ".join(p if p == "of" else p[:1].upper() + p[1:] for p in h.split()))
    .replace(r"\ ", r"\s+").replace("'", "['’]")
    for h in sorted(W.table("holiday"), key=len, reverse=True)
))
TAIL = r"(?=\s*[,.;:)\"”—–]|\s*$)"  # nothing follows but punctuation: "a week later." (not "a week before the vote")

_RULES: list[tuple[str, str, Callable[[re.Match[str]], TimeForm | None]]] = [
    ("iso", rf"{LEFT}(?P<y>{YEAR})(?P<s>[-/])(?P<m>0[1-9]|1[0-2])(?P=s)(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])", _iso),
    ("numeric", rf"{LEFT}(?P<a>\d{{1,2}})(?P<s>[/.])(?P<b>\d{{1,2}})(?P=s)(?P<y>\d{{4}})(?![\w/]|\.\d)", _numeric),
    ("day_range", rf"{LEFT}(?P<d1>{DAY})\s*(?:-|–|to|and)\s*(?P<d2>{DAY})(?:\s+of)?\s+(?P<m>{MONTH}){MONTH_END}"
                  rf"(?:,?\s+(?P<y>{YEAR})(?!\d))?", _day_range),
    ("month_day_range", rf"(?P<m>{MONTH}){MONTH_END}\s+(?P<d1>{DAY})\s*(?:-|–|to)\s*(?P<d2>{DAY})"
                        rf"(?:,?\s+(?P<y>{YEAR})(?!\d))?", _day_range),
    ("day_month", rf"(?:(?P<wd>{WEEKDAY_ANY}),?\s+)?{LEFT}(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH}){MONTH_END}"
                  rf"(?:,?\s+(?P<y>{YEAR})(?!\d))?", _day_month),
    ("month_day", rf"(?:(?P<wd>{WEEKDAY_ANY}),?\s+)?(?P<m>{MONTH}){MONTH_END}\s+(?:the\s+)?(?P<d>{DAY})"
                  rf"(?!\s*[-–]\s*\d|[.,]\d|\s*(?:%|per\s*cent))(?:,?\s+(?P<y>{YEAR})(?!\d))?", _day_month),
    ("month_year", rf"{PART}(?P<m>{MONTH}){MONTH_END},?\s+(?:of\s+)?(?P<y>{YEAR}){YEAR_END}", _month_year),
    ("month", rf"{PART}(?:{REL}\s+)?(?:the\s+month\s+of\s+)?(?P<m>{MONTH_FULL}){MONTH_END}", _bare_month),
    ("year_range", rf"{LEFT}(?P<y1>{YEAR})\s*(?:-|–|/)\s*(?P<y2>{YEAR}|\d\d){YEAR_END}", _year_range),
    ("year", rf"{LEFT}{PART}(?P<the>the\s+year\s+)?(?P<y>{YEAR}){YEAR_END}", _bare_year),
    ("decade", rf"{LEFT}{PART}(?P<the>the\s+)?(?:(?P<p2>early|mid|late)[-\s]+)?(?:(?P<full>(?:1\d|20)\d0)['’]?s|"
               r"['’]?(?P<short>[2-9]0)['’]?s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|"
               r"eighties|nineties))(?!\w)", _decade),
    ("century", rf"(?:the\s+)?(?:(?P<part>early|mid|late)[-\s]+)?(?P<o>{ORDINAL})[-\s]+century(?!\w)", _century),
    ("quarter", rf"(?:the\s+)?(?P<o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[-\s]+quarter"
                rf"(?:\s+of\s+(?:(?P<y>{YEAR})|{REL}\s+year|(?P<theyear>the\s+year)))?(?!\w)", _quarter),
    ("q_code", rf"(?<![\w-]){_cs('Q')}(?P<q>[1-4])(?:(?:\s+|-|/)(?P<y>{YEAR}|['’]\d\d))?(?![\w-])", _q_code),
    ("q_code_after", rf"{LEFT}(?P<y>{YEAR})\s*{_cs('Q')}(?P<q>[1-4])(?!\w)", _q_code),
    ("half", rf"(?:the\s+)?(?P<h>first|second)\s+half\s+of\s+(?:(?P<y>{YEAR})|{REL}\s+year|the\s+year)(?!\w)", _half),
    ("half_code", rf"(?<![\w-]){_cs('H')}(?P<h>[12])\s+(?P<y>{YEAR})(?!\w)", _half),
    ("season", rf"{PART}(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+coming|the\s+past|the)\s+)?"
               rf"(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}){YEAR_END})?(?!\w)", _season),
    ("season_year", rf"(?P<s>{_cs('Spring|Summer|Autumn|Winter|Fall')})\s+(?P<y>{YEAR}){YEAR_END}", _season),
    ("weekday", rf"(?:(?P<edge>early|late)\s+(?:on\s+)?)?(?:(?P<rel>this\s+past|this\s+coming|this|last|next|"
                rf"coming|past)\s+)?(?P<wd>{WEEKDAY})(?![a-z])(?:\s+(?P<dp>{DAYPART})(?!\w))?", _weekday_form),
    ("weekdays", rf"(?P<wd>{WEEKDAY})s(?!\w)", _set_weekdays),
    ("deictic", rf"(?<![\w-])(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|"
                rf"tomorrow|tonight)(?:\s+(?P<dp>{DAYPART}))?(?![\w-])", _deictic),
    ("this_daypart", rf"(?P<rel>this|last)\s+(?P<dp>{DAYPART})(?!\w)", _this_daypart),
    ("weekend", r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the)\s+)weekend(?!\w)", _weekend),
    ("period", rf"(?:(?P<ep>earlier|later)\s+|{PART})(?P<rel>this|last|next|the\s+current|the\s+previous|"
               r"the\s+following|the\s+same|the\s+next|that|the)\s+"
               rf"(?P<u>{_cs('week|month|quarter|year|decade|century|day')})(?!\w)", _period),
    ("year_end", rf"(?<![\w-])(?P<part>{_cs('year')})[-\s]end(?!\w)",
     lambda m: TimeForm(kind="period", unit="Y", shift=0, part="late")),
    ("unit_before_after", rf"the\s+(?P<u>{_cs('day|week|month|year')})\s+(?P<dir>before|after|earlier|later){TAIL}",
     _unit_before_after),
    ("offset", rf"(?<![\w-])(?:{APPROX}\s+)?(?P<n>{NUMBER}){HALF}[\s-]+(?P<u>{UNIT}){HALF}\s+(?P<dir>ago|earlier|"
               rf"later|from\s+now|hence|previously|(?:before|after|prior|on){TAIL})(?!\w)", _offset),
    ("offset_vague", rf"(?<![\w-])(?P<u>{UNITS})\s+(?P<dir>ago|earlier|later)(?!\w)", _offset),
    ("in_time", rf"in\s+(?P<t>(?P<n>{NUMBER}){HALF}\s+(?P<u>{UNIT})['’]?\s+time)(?!\w)", _in_time),
    ("anchored", rf"(?<![\w-])the\s+(?P<rel>past|last|next|coming)\s+(?:(?P<n>{NUMBER}){HALF}\s+)?(?P<u>{UNIT})"
                 r"(?!\w|\s+of\b)", _anchored),
    ("recent", rf"(?<![\w-])(?P<rel>recent|coming)\s+(?P<u>{UNITS})(?!\w)", _anchored),
    ("rate", rf"(?<![\w-])(?:a|per)\s+(?P<u>{_cs('day|week|month|year')})(?!\w|\s+(?:ago|later|earlier|or)\b)",
     _set_rate),
    ("duration", rf"(?<![\w-])(?:{APPROX}\s+)?(?P<n>{NUMBER}){HALF}[\s-]+(?P<u>{UNIT}){HALF}(?:-long)?"
                 r"(?![\w-]|[\s-]+old\b|\s+of\s+age\b)", _duration),
    ("duration_vague", rf"\b(?:for|over|within|after|in)\s+(?P<t>(?P<u>{UNITS}))(?!\w|\s+(?:ago|later|of)\b)",
     _duration),
    ("duration_long", rf"(?<![\w-])(?P<u>{UNIT})-long(?!\w)", _duration),
    ("every", rf"(?:every|each)\s+(?:(?P<other>other)\s+|(?P<n>{NUMBER})\s+)?(?P<u>{UNIT}|{WEEKDAY}|{DAYPART})"
              r"(?!\w)", _set_every),
    ("times_per", rf"(?:once|twice|thrice|{NUMBER}\s+times)\s+(?:a|an|per|every|each)\s+(?P<u>{UNIT})(?!\w)",
     _set_times),
    ("set_adverb", rf"(?<![\w-])(?P<t>{_cs(W.alternation('set_adverb'))})(?![\w-])", _set_adverb),
    ("reference", rf"(?<![\w-])(?P<t>{W.alternation('reference')})(?![\w-])(?!\s+(?:\S+\s+)?(?:{UNIT})\b)",
     _reference),
    ("clock", r"(?<![\w:.])(?P<h>\d{1,2})(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>am|pm|a\.m\.|p\.m\.)(?![a-z])", _clock),
    ("clock_zone", r"(?<![\w:.])(?P<h>[01]?\d|2[0-3])[:.]?(?P<min>[0-5]\d)\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|"
                   r"local\s+time|hrs|hours\s+local)(?!\w)", _clock),
    ("clock_word", r"(?<![\w-])(?P<w>noon|midday|midnight)(?![\w-])", _clock),
    ("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOLIDAY})(?!\w)(?:\s+(?P<y>{YEAR}){YEAR_END})?", _holiday),
]

# Every expression starts a word: the lookbehind lets the engine skip the other positions quickly.
RULES: tuple[Rule, ...] = tuple(Rule(n, re.compile(rf"(?<!\w){p}", re.IGNORECASE), b) for n, p, b in _RULES)
ORDER = {rule.name: i for i, rule in enumerate(RULES)}



def _gate_words(*kinds: str) -> tuple[str, ...]:
    """One word each entry of the word tables ``kinds`` cannot match without (its longest word
    with no apostrophe), lower case."""
    out = set()
    for kind in kinds:
        for entry in W.table(kind):
            words = [w for w in entry.lower().split() if "'" not in w and "’" not in w] or [entry.lower()]
            out.add(max(words, key=len))
    return tuple(sorted(out))


# Gates: a rule can match only a text that holds (in lower case) one of its strings, so a text
# without any of them skips the rule's regular expression (most texts lack most rules' words).
# Rules with no gate always run. tests/unit/test_timex.py checks every match contains its gate.
_DIGITS = tuple("0123456789")
_MONTHS = _gate_words("month", "month_abbr")
_UNITS = (*_gate_words("unit"), "centur")
_CALENDAR_UNITS = ("day", "week", "month", "year")
_Q = ("q1", "q2", "q3", "q4")
GATES: dict[str, tuple[str, ...]] = {
    "iso": _DIGITS, "numeric": _DIGITS, "year_range": _DIGITS, "year": _DIGITS,
    **dict.fromkeys(("day_range", "month_day_range", "day_month", "month_day", "month_year", "month"), _MONTHS),
    "decade": ("0s", "0's", "0’s", "ties"),
    "century": ("centur",),
    "quarter": ("quarter",),
    "q_code": _Q, "q_code_after": _Q,
    "half": ("half",), "half_code": ("h1", "h2"),
    "season": _gate_words("season"), "season_year": _gate_words("season"),
    "weekday": _gate_words("weekday"), "weekdays": _gate_words("weekday"),
    "deictic": ("today", "yesterday", "tomorrow", "tonight"),
    "this_daypart": _gate_words("daypart"),
    "weekend": ("weekend",),
    "period": _UNITS, "year_end": ("year",), "unit_before_after": _CALENDAR_UNITS,
    **dict.fromkeys(("offset", "offset_vague", "in_time", "anchored", "recent", "duration", "duration_vague",
                     "duration_long"), _UNITS),
    "rate": _CALENDAR_UNITS,
    "every": ("every", "each"),
    "times_per": ("once", "twice", "thrice", "times"),
    "set_adverb": _gate_words("set_adverb"), "reference": _gate_words("reference"),
    "clock": ("am", "pm", "a.m", "p.m"),
    "clock_zone": ("gmt", "bst", "utc", "cet", "est", "edt", "pst", "local", "hrs", "hours"),
    "clock_word": ("noon", "midday", "midnight"),
    "holiday": _gate_words("holiday"),
}


_RULE_GATES: tuple[tuple[Rule, frozenset[str] | None], ...] = tuple(
    (rule, frozenset(GATES[rule.name]) if rule.name in GATES else None) for rule in RULES
)
GATE_WORDS: frozenset[str] = frozenset(w for gate in GATES.values() for w in gate)


def gate_words_in(text: str, words: frozenset[str] = GATE_WORDS) -> frozenset[str]:
    """The gate words (of ``words``) that ``text`` holds, in lower case."""
    lower = text.lower()
    return frozenset(w for w in words if w in lower)


def open_rules(text: str, words: frozenset[str] = GATE_WORDS) -> list[Rule]:
    """The rules whose gate ``text`` passes (``words``: the gate words that may occur in it)."""
    present = gate_words_in(text, words)
    return [rule for rule, gate in _RULE_GATES if gate is None or not gate.isdisjoint(present)]


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line with its newline: no expression runs across a line break."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield start, end
        start = end


def scan(text: str) -> Iterator[Candidate]:
    """Every match of every rule (overlapping ones too); the finder picks among them. Each line
    is scanned by the rules its words open (see GATES)."""
    words = gate_words_in(text)  # a line holds only words its text holds
    for lo, hi in _paragraphs(text):
        yield from _scan_span(text, lo, hi, words)


def _scan_span(text: str, lo: int, hi: int, words: frozenset[str]) -> Iterator[Candidate]:
    for rule in open_rules(text[lo:hi], words):
        for m in rule.pattern.finditer(text, lo, hi):
            form = rule.build(m)
            if form is None:
                continue
            start, end = m.span("t") if "t" in m.re.groupindex and m.group("t") else m.span()
            yield Candidate(start=start, end=end, form=form, rule=rule.name)
