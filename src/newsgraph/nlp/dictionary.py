"""Actors from the PETRARCH2 dictionaries (``data/actors/petrarch2.tsv``, made by
``scripts/petrarch2_actors.py``): people, bodies and armed groups no curated table names, with
the country and sector of the code in force at a date. Read on first use; not part of the
matchers: ``newsgraph_actor_ruler`` and ``newsgraph_open_actors`` look names up here only when
the curated tables (``newsgraph.nlp.gazetteer``) do not know them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib.resources import files

from newsgraph.nlp.gazetteer import DATA_DIR, DATA_PACKAGE, fold_accents, normalize, parse_date, split_cell, strip_the
from newsgraph.records import Actor

__all__ = ["DICTIONARY_HORIZON", "DictionaryRecord", "Period", "dictionary_actor"]

# The PETRARCH2 dictionaries (data/actors/petrarch2.tsv) were compiled up to 2014: an office
# with no end date is taken as held until the end of 2015, not forever.
DICTIONARY_HORIZON = date(2015, 12, 31)
_GROUP_SECTORS = frozenset({"REB", "INS", "SEP", "UAF"})


@dataclass(frozen=True, slots=True)
class Period:
    country: str | None
    sector: str | None
    start: date | None
    until: date | None

    def holds(self, when: date) -> bool:
        if self.start is None and self.until is None:
            return False  # the record's default code, used when no dated code holds
        end = self.until or max(DICTIONARY_HORIZON, self.start or DICTIONARY_HORIZON)
        return (self.start is None or self.start <= when) and when <= end


@dataclass(frozen=True, slots=True)
class DictionaryRecord:
    """One PETRARCH2 actor record: a person, body or group with its coded periods."""

    name: str
    source: str  # countries | international | nonstate
    periods: tuple[Period, ...]

    def period(self, when: date | None) -> Period:
        """The code in force on ``when``; else the default code; else the latest code before
        ``when`` (or the first) with its country only: a dated entry still names the person."""
        if when is not None:
            held = [p for p in self.periods if p.holds(when)]
            if held:
                return max(held, key=lambda p: p.start or date.min)
        default = [p for p in self.periods if p.start is None and p.until is None]
        if default:
            return default[0]
        before = [p for p in self.periods if when is None or (p.start or date.min) <= when]
        chosen = max(before, key=lambda p: p.start or date.min) if before else self.periods[0]
        return Period(country=chosen.country, sector=None, start=None, until=None)


def _period(text: str, line: int) -> Period:
    country, sector, start, until = (text.split("/") + ["", "", "", ""])[:4]
    return Period(
        country=country or None,
        sector=sector or None,
        start=parse_date(start, "petrarch2.tsv", line),
        until=parse_date(until, "petrarch2.tsv", line),
    )


@lru_cache(maxsize=1)
def _read_dictionary() -> tuple[dict[str, tuple[DictionaryRecord, ...]], frozenset[str]]:
    """Name key → PETRARCH2 records, read on first use (not part of the matchers); and the
    one-word keys the dictionary lists as a synonym of a fuller name ("Karzai" for Hamid
    Karzai): surnames its authors judged unambiguous."""
    path = files(DATA_PACKAGE).joinpath(f"{DATA_DIR}/petrarch2.tsv")
    index: dict[str, list[DictionaryRecord]] = {}
    surnames: set[str] = set()
    with path.open("r", encoding="utf-8") as handle:
        lines = (ln for ln in handle if not ln.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        for line, row in enumerate(reader, start=3):
            periods = tuple(_period(p, line) for p in split_cell(row["periods"]))
            if not periods:
                continue
            record = DictionaryRecord(name=row["name"], source=row["file"], periods=periods)
            for n, surface in enumerate((row["name"], *split_cell(row["aliases"]))):
                key = strip_the(fold_accents(normalize(surface)))
                bucket = index.setdefault(key, [])
                if record not in bucket:
                    bucket.append(record)
                if n and " " not in key and " " in row["name"].strip():
                    surnames.add(key)
    return {k: tuple(v) for k, v in index.items()}, frozenset(surnames)


def load_dictionary() -> None:
    """Read and index the dictionary now (it is read once per process, on first use otherwise)."""
    _read_dictionary()


def dictionary_actor(text: str, *, label: str, when: date | None = None) -> Actor | None:
    """A name no curated table knows, looked up in the PETRARCH2 dictionaries: a person
    (``label`` PERSON: full names, or a surname the dictionary lists for one), or an organisation
    or group. The code in force at ``when`` gives country and sector; None when records
    disagree on the country."""
    key = strip_the(fold_accents(normalize(text)))
    index, surnames = _read_dictionary()
    if label == "PERSON" and len(key.split()) < 2 and key not in surnames:
        return None  # one word only where the dictionary lists it as a surname of a full name
    records = index.get(key, ())
    if label != "PERSON":
        # one-word names only of bodies and groups, not of people ("Taliban", not "Josipovic")
        records = tuple(r for r in records if len(key.split()) > 1 or r.source != "countries")
    if not records:
        return None
    if when is not None and len(records) > 1:
        current = tuple(r for r in records if any(p.holds(when) for p in r.periods))
        records = current or records
    chosen = {(r, r.period(when)) for r in records}
    if len({p.country for _, p in chosen}) != 1:
        return None
    record, period = min(chosen, key=lambda rp: rp[0].name)
    if label == "PERSON":
        kind = "person"
    elif record.source == "nonstate" or period.sector in _GROUP_SECTORS:
        kind = "group"
    else:
        kind = "organization"
    return Actor(name=record.name, kind=kind, country=period.country, sector=period.sector)
