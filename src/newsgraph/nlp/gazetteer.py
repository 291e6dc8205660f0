"""The actor gazetteer: countries, seats of power, institutions, IGOs, groups, people, roles.

The tables live in ``newsgraph/data/actors/*.tsv`` (UTF-8, one header row; sources and
licences in ``SOURCES.md`` there). They are read once per process (``load_gazetteer``)
and exposed through small lookup functions:

- ``resolve_name("the Kremlin")`` → the ``Actor`` a name stands for (or None);
- ``resolve_demonym("North Korean")`` → ``"PRK"``;
- ``role_of("defence minister")`` → ``("MIL", "defence minister")``;
- ``resolve_person("Mr Putin")`` → the person, with the role held on a given date.

Lookups ignore case, a leading "the", curly apostrophes and accents. The spaCy
component ``newsgraph_actor_ruler`` builds its matchers from ``Gazetteer.surfaces``.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files

from newsgraph.errors import InputError
from newsgraph.records import Actor

__all__ = [
    "CATEGORIES",
    "Country",
    "Gazetteer",
    "Honorific",
    "NameEntry",
    "PersonRow",
    "RoleEntry",
    "country_adjective",
    "country_name",
    "entry_actor",
    "fold_accents",
    "load_gazetteer",
    "normalize",
    "parse_date",
    "resolve_demonym",
    "resolve_name",
    "resolve_person",
    "role_of",
    "split_cell",
    "state_of_body",
    "strip_the",
]

DATA_PACKAGE = "newsgraph"
DATA_DIR = "data/actors"

# Name categories, in the order a name that several tables share is resolved.
CATEGORIES: tuple[str, ...] = ("block", "person", "igo", "institution", "group", "seat", "state", "demonym")

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})


def normalize(text: str) -> str:
    """The lookup key of a name: NFC, straight quotes, single spaces, lower case."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return " ".join(text.split()).lower()


def fold_accents(text: str) -> str:
    """``Élysée`` → ``Elysee``: the same text without combining marks."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def strip_the(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True, slots=True, kw_only=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    wikidata: str | None = None

    @property
    def adjective(self) -> str:
        """The first demonym ("Russian"), or the name when the table has none."""
        return self.demonyms[0] if self.demonyms else self.name


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonRow:
    """One person in one role, true from ``as_of`` (until ``until`` when known)."""

    name: str
    country: str | None
    role: str | None
    sector: str | None
    wikidata: str | None
    as_of: date | None
    until: date | None
    surname: str | None

    def actor(self) -> Actor:
        return Actor(
            name=self.name,
            kind="person",
            country=self.country,
            sector=self.sector,
            role=self.role,
            wikidata=self.wikidata,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class NameEntry:
    """One written form of a name and what it stands for.

    ``category`` is one of ``CATEGORIES``. ``actor`` is None for blocks (names that
    contain a country's name but are not actors: "Latin America") and for people,
    whose actor depends on the date (``Gazetteer.person``).
    """

    surface: str
    category: str
    actor: Actor | None = None
    person: str | None = None  # key into Gazetteer.people


@dataclass(frozen=True, slots=True, kw_only=True)
class RoleEntry:
    """A role noun or title: "defence minister" → role "defence minister", sector MIL.

    ``kind`` is the contract's actor kind of an unnamed holder ("the Russian defence
    minister" is a person, "US officials" anonymous, "the Iranian government" an
    organization). A ``generic`` role takes its sector from what modifies it when that
    has one ("Hamas fighters" → INS, "Pentagon officials" → MIL).
    """

    term: str
    role: str
    sector: str | None
    kind: str
    generic: bool
    state_body: bool = False  # "the Russian government", "Iranian authorities": the state itself


@dataclass(frozen=True, slots=True, kw_only=True)
class Honorific:
    """A title written before a name ("Mr", "Gen"); some imply a role."""

    title: str
    role: str | None
    sector: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Gazetteer:
    countries: dict[str, Country]
    names: dict[str, tuple[NameEntry, ...]]
    people: dict[str, tuple[PersonRow, ...]]
    roles: dict[str, RoleEntry]
    honorifics: dict[str, Honorific]
    surfaces: tuple[NameEntry, ...] = field(default=())

    def person(self, key: str, when: date | None = None) -> Actor | None:
        """The person called ``key`` in the role they held on ``when`` (latest role if None)."""
        rows = self.people.get(key)
        if not rows:
            return None
        if when is not None:
            current = [r for r in rows if (r.as_of is None or r.as_of <= when) and (r.until is None or when < r.until)]
            if current:
                return max(current, key=lambda r: r.as_of or date.min).actor()
            earlier = [r for r in rows if r.as_of is not None and r.as_of <= when]
            if earlier:
                return max(earlier, key=lambda r: r.as_of or date.min).actor()
        return max(rows, key=lambda r: r.as_of or date.min).actor()

    def lookup(self, text: str) -> tuple[NameEntry, ...]:
        """Every entry a written name may stand for, best first."""
        key = normalize(text)
        for candidate in (key, strip_the(key), fold_accents(key), fold_accents(strip_the(key))):
            found = self.names.get(candidate)
            if found:
                return found
        return ()


def _rows(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    path = files(DATA_PACKAGE).joinpath(f"{DATA_DIR}/{name}")
    with path.open("r", encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for line, row in enumerate(reader, start=2):
            if None in row or any(v is None for v in row.values()):
                raise InputError(f"{DATA_DIR}/{name}", "wrong number of tab-separated fields", line)
            yield line, {k: v.strip() for k, v in row.items()}


def split_cell(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def parse_date(value: str, name: str, line: int) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{DATA_DIR}/{name}", f"not a YYYY-MM-DD date: {value!r}", line) from exc


def _or_none(value: str) -> str | None:
    return value or None


class _Builder:
    def __init__(self) -> None:
        self.names: dict[str, list[NameEntry]] = {}
        self.surfaces: list[NameEntry] = []

    def add(self, entry: NameEntry) -> None:
        self.surfaces.append(entry)
        key = normalize(entry.surface)
        for k in {key, fold_accents(key)}:
            bucket = self.names.setdefault(k, [])
            if entry not in bucket:
                bucket.append(entry)

    def frozen(self) -> dict[str, tuple[NameEntry, ...]]:
        order = {c: i for i, c in enumerate(CATEGORIES)}
        return {k: tuple(sorted(v, key=lambda e: order[e.category])) for k, v in self.names.items()}


def _with_bare_forms(surfaces: tuple[str, ...]) -> tuple[str, ...]:
    """Drop "the X" when "X" is listed too: the matcher then marks the bare name."""
    keys = {normalize(s) for s in surfaces}
    return tuple(s for s in surfaces if not (normalize(s).startswith("the ") and strip_the(normalize(s)) in keys))


def _load_countries(b: _Builder) -> dict[str, Country]:
    countries: dict[str, Country] = {}
    for _, row in _rows("countries.tsv"):
        c = Country(
            iso3=row["iso3"],
            name=row["name"],
            aliases=split_cell(row["aliases"]),
            demonyms=split_cell(row["demonyms"]),
            wikidata=_or_none(row["wikidata"]),
        )
        countries[c.iso3] = c
        actor = Actor(name=c.name, kind="state", country=c.iso3, wikidata=c.wikidata)
        for surface in _with_bare_forms((c.name, *c.aliases)):
            b.add(NameEntry(surface=surface, category="state", actor=actor))
        for demonym in c.demonyms:
            b.add(NameEntry(surface=demonym, category="demonym", actor=actor))
    return countries


def _load_seats(b: _Builder, countries: dict[str, Country]) -> None:
    for line, row in _rows("seats.tsv"):
        iso3 = _or_none(row["iso3"])
        if iso3 is not None and iso3 not in countries:
            raise InputError(f"{DATA_DIR}/seats.tsv", f"unknown country code {iso3!r}", line)
        name = row["actor"] or (countries[iso3].name if iso3 else row["name"])
        actor = Actor(
            name=name,
            kind=row["kind"],
            country=iso3,
            sector=_or_none(row["sector"]),
            wikidata=countries[iso3].wikidata if iso3 and not row["actor"] else None,
        )
        for surface in _with_bare_forms((row["name"], *split_cell(row["aliases"]))):
            b.add(NameEntry(surface=surface, category="seat", actor=actor))


def _load_organizations(b: _Builder, table: str, category: str, kind: str, countries: dict[str, Country]) -> None:
    for line, row in _rows(table):
        iso3 = _or_none(row.get("iso3", ""))
        if iso3 is not None and iso3 not in countries:
            raise InputError(f"{DATA_DIR}/{table}", f"unknown country code {iso3!r}", line)
        actor = Actor(
            name=row["name"],
            kind=kind,
            country=iso3,
            sector=_or_none(row["sector"]),
            wikidata=_or_none(row["wikidata"]),
        )
        for surface in _with_bare_forms((row["name"], *split_cell(row["aliases"]))):
            b.add(NameEntry(surface=surface, category=category, actor=actor))


def _load_people(b: _Builder, countries: dict[str, Country]) -> dict[str, tuple[PersonRow, ...]]:
    people: dict[str, list[PersonRow]] = {}
    surfaces: dict[str, set[str]] = {}
    for line, row in _rows("people.tsv"):
        iso3 = _or_none(row["iso3"])
        if iso3 is not None and iso3 not in countries:
            raise InputError(f"{DATA_DIR}/people.tsv", f"unknown country code {iso3!r}", line)
        person = PersonRow(
            name=row["name"],
            country=iso3,
            role=_or_none(row["role"]),
            sector=_or_none(row["sector"]),
            wikidata=_or_none(row["wikidata"]),
            as_of=parse_date(row["as_of"], "people.tsv", line),
            until=parse_date(row["until"], "people.tsv", line),
            surname=_or_none(row["surname"]),
        )
        people.setdefault(person.name, []).append(person)
        surfaces.setdefault(person.name, set()).update((row["name"], *split_cell(row["aliases"])))
    for name, forms in surfaces.items():
        for surface in sorted(forms):
            b.add(NameEntry(surface=surface, category="person", person=name))
    return {k: tuple(v) for k, v in people.items()}


def _load_roles() -> dict[str, RoleEntry]:
    """roles.tsv, then the role nouns converted from PETRARCH2 (petrarch2_agents.tsv, made by
    scripts/petrarch2_agents.py) that roles.tsv does not have."""
    roles: dict[str, RoleEntry] = {}
    for _, row in (*_rows("roles.tsv"), *_rows("petrarch2_agents.tsv")):
        if normalize(row["term"]) in roles:
            continue
        entry = RoleEntry(
            term=row["term"],
            role=row["role"],
            sector=_or_none(row["sector"]),
            kind=row["kind"],
            generic=row["generic"] == "1",
            state_body=row["state_body"] == "1",
        )
        roles[normalize(entry.term)] = entry
    return roles


def _load_honorifics() -> dict[str, Honorific]:
    return {
        row["title"]: Honorific(title=row["title"], role=_or_none(row["role"]), sector=_or_none(row["sector"]))
        for _, row in _rows("honorifics.tsv")
    }


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read every table once per process."""
    b = _Builder()
    countries = _load_countries(b)
    _load_seats(b, countries)
    _load_organizations(b, "igos.tsv", "igo", "organization", countries)
    _load_organizations(b, "institutions.tsv", "institution", "organization", countries)
    _load_organizations(b, "groups.tsv", "group", "group", countries)
    people = _load_people(b, countries)
    for _, row in _rows("blocks.tsv"):
        b.add(NameEntry(surface=row["phrase"], category="block"))
    return Gazetteer(
        countries=countries,
        names=b.frozen(),
        people=people,
        roles=_load_roles(),
        honorifics=_load_honorifics(),
        surfaces=tuple(b.surfaces),
    )


def entry_actor(entry: NameEntry, when: date | None = None) -> Actor | None:
    """The actor an entry stands for (people: in the role held on ``when``)."""
    if entry.category == "person" and entry.person is not None:
        return load_gazetteer().person(entry.person, when)
    return entry.actor


def resolve_name(text: str, *, when: date | None = None) -> Actor | None:
    """The actor a name stands for: a country, seat of power, institution, IGO, group or person.

    Capitals and seats of power resolve to the state's government (sector GOV) or the
    institution housed there ("the Pentagon" → US Department of Defense, MIL).
    Titles before a person's name are ignored ("Mr Putin", "President Putin").
    """
    gaz = load_gazetteer()
    for entry in gaz.lookup(text):
        if entry.category == "block":
            return None
        if entry.category != "demonym":
            return entry_actor(entry, when)
    words = text.split()
    while len(words) > 1 and (words[0] in gaz.honorifics or normalize(words[0]) in gaz.roles):
        words = words[1:]
        for entry in gaz.lookup(" ".join(words)):
            if entry.category == "person":
                return entry_actor(entry, when)
    return None


def resolve_person(text: str, *, when: date | None = None) -> Actor | None:
    """A known person by full name or unambiguous alias, optionally after a title."""
    actor = resolve_name(text, when=when)
    return actor if actor is not None and actor.kind == "person" else None


def resolve_demonym(word: str) -> str | None:
    """``"North Korean"`` → ``"PRK"``; None when the word is no state's demonym."""
    for entry in load_gazetteer().lookup(word):
        if entry.category == "demonym" and entry.actor is not None:
            return entry.actor.country
    return None


def role_of(phrase: str) -> tuple[str | None, str] | None:
    """``"defence minister"`` → ``("MIL", "defence minister")``: (sector, normalised role)."""
    entry = load_gazetteer().roles.get(normalize(phrase))
    return (entry.sector, entry.role) if entry is not None else None


def state_of_body(actor: Actor) -> Actor | None:
    """ "the Russian government", "Iranian authorities", "the Biden administration": the state
    itself, with the body's sector (one identity for a state and its government), or None."""
    if actor.kind != "organization" or not actor.country or not actor.role:
        return None
    gaz = load_gazetteer()
    entry = gaz.roles.get(normalize(actor.role))
    country = gaz.countries.get(actor.country)
    if entry is None or not entry.state_body or country is None:
        return None
    return Actor(name=country.name, kind="state", country=country.iso3, sector=actor.sector or entry.sector,
                 wikidata=country.wikidata)


@lru_cache(maxsize=1)
def _bloc_members() -> dict[str, tuple[tuple[str, date | None, date | None], ...]]:
    out: dict[str, list[tuple[str, date | None, date | None]]] = {}
    countries = load_gazetteer().countries
    for line, row in _rows("blocs.tsv"):
        if row["member"] not in countries:
            raise InputError(f"{DATA_DIR}/blocs.tsv", f"unknown country code {row['member']!r}", line)
        out.setdefault(row["bloc"], []).append(
            (row["member"], parse_date(row["since"], "blocs.tsv", line), parse_date(row["until"], "blocs.tsv", line))
        )
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def blocs() -> frozenset[str]:
    """Names (as in igos.tsv) of the groupings whose member states blocs.tsv lists."""
    return frozenset(_bloc_members())


def bloc_members(bloc: str, when: date | None = None) -> tuple[str, ...]:
    """ISO codes of the member states of ``bloc`` at ``when`` (today's members when None)."""
    return tuple(
        iso3 for iso3, since, until in _bloc_members().get(bloc, ())
        if when is None and until is None
        or when is not None and (since is None or since <= when) and (until is None or when < until)
    )


def country_name(iso3: str) -> str | None:
    country = load_gazetteer().countries.get(iso3)
    return country.name if country else None


def country_adjective(iso3: str) -> str | None:
    """``"RUS"`` → ``"Russian"`` (the name itself for states without a demonym)."""
    country = load_gazetteer().countries.get(iso3)
    return country.adjective if country else None


@lru_cache(maxsize=1)
def _seat_buildings() -> frozenset[str]:
    names: set[str] = set()
    for _, row in _rows("seats.tsv"):
        if row["type"] == "seat":
            names.update(strip_the(normalize(s)) for s in (row["name"], *split_cell(row["aliases"])))
    return frozenset(names)


def is_seat_building(text: str) -> bool:
    """A seat of power that names an institution ("the White House", "the Kremlin"), not a capital city."""
    return strip_the(normalize(text)) in _seat_buildings()


def office_holder(iso3: str, role: str, when: date) -> Actor | None:
    """The one person of the people table who held ``role`` for ``iso3`` on ``when`` ("the US
    president" in 2019 → Donald Trump), or None when nobody or several did."""
    holders = {
        row.name: row
        for rows in load_gazetteer().people.values()
        for row in rows
        if row.country == iso3 and row.role == role and row.as_of is not None and row.as_of <= when
        and (row.until is None or when < row.until)
    }
    return next(iter(holders.values())).actor() if len(holders) == 1 else None


@lru_cache(maxsize=1)
def _media() -> dict[str, tuple[str, str | None]]:
    outlets: dict[str, tuple[str, str | None]] = {}
    for _, row in _rows("media.tsv"):
        for surface in (row["name"], *split_cell(row["aliases"])):
            outlets[strip_the(normalize(surface))] = (row["name"], _or_none(row["iso3"]))
    return outlets


@lru_cache(maxsize=1)
def region_rows() -> tuple[dict[str, str], ...]:
    """The rows of data/places/regions.tsv (world regions, and regions inside one state with its
    country): read here once for the actor layer (a region's name is a place, not a body:
    "the West Bank") and for the place resolver."""
    path = files(DATA_PACKAGE).joinpath("data/places/regions.tsv")
    with path.open("r", encoding="utf-8") as handle:
        reader = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Region names and aliases, lower case, without "the"."""
    return frozenset(strip_the(normalize(name)) for row in region_rows()
                     for name in (row["name"], *split_cell(row["aliases"])))


@lru_cache(maxsize=1)
def _region_lengths() -> dict[str, tuple[int, ...]]:
    """First word of a region name → the lengths in words of the names it starts, longest first."""
    lengths: dict[str, set[int]] = {}
    for name in region_names():
        words = name.split()
        lengths.setdefault(words[0], set()).add(len(words))
    return {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()}


def region_spans(words: list[str]) -> list[tuple[int, int]]:
    """(start, end) of the region names among lower-case words ("west bank" in "... the west bank
    ..."), longest first at each start, never overlapping."""
    names = region_names()
    starts = _region_lengths()
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        size = next((k for k in starts.get(words[i], ()) if i + k <= len(words)
                     and " ".join(words[i:i + k]) in names), 0)
        if size:
            spans.append((i, i + size))
        i += size or 1
    return spans


@lru_cache(maxsize=1)
def _parties() -> dict[str, str]:
    return {row["adjective"]: row["iso3"] for _, row in _rows("parties.tsv")}


def party_country(word: str) -> str | None:
    """The country of a party named by one capitalised word before a role noun ("Republican
    lawmakers", "Tory MPs"): only parties that word names in one country in English news."""
    return _parties().get(word)


def media_outlet(text: str) -> tuple[str, str | None] | None:
    """A news outlet or agency by name ("the Wall Street Journal", "KCNA"): (name, country)."""
    return _media().get(strip_the(normalize(text)))
