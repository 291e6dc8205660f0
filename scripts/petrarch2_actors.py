#!/usr/bin/env python3
"""Convert the PETRARCH2 actor dictionaries into newsgraph's ``data/actors/petrarch2.tsv``.

Usage: ``python3 scripts/petrarch2_actors.py [--petrarch DIR] [--out FILE]`` (defaults:
``../shared/data/petrarch2`` and ``src/newsgraph/data/actors/petrarch2.tsv``). Stdlib only;
the output is deterministic, so rerunning it on the same input gives the same file.

Read: ``Phoenix.Countries.actors.txt`` (people from CountryInfo, and national bodies),
``Phoenix.International.actors.txt`` (IGOs, NGOs, their leaders) and
``Phoenix.MilNonState.actors.txt`` (armed non-state groups). Country records themselves
(``AFGHANISTAN_ [AFG]`` with their cities as synonyms) are left out: ``countries.tsv`` and
the gazetteer cover states and places.

Each output row is one dictionary record: its primary name and synonyms as written in news
(underscores to spaces, title case), the file it came from, and its coded periods
``ISO3/SECTOR/FROM/UNTIL`` (ISO 3166 alpha-3 or empty, a CAMEO/PLOVER agent code or empty,
ISO dates or empty), ``|``-separated, in the dictionary's order; a period with neither date
is the record's default code.

CAMEO country codes are ISO alpha-3 except those in ``CAMEO_TO_ISO``; codes of states that no
longer exist go to their successor (``YUG`` → SRB, ``SUN`` → RUS), regional and religious
prefixes (``AFR``, ``MEA``, ``MOS``) to no country. The sector is the first agent code after
the country (``USAGOVLEG`` → GOV); ``IGO``/``NGO`` prefixes are the sector themselves, and a
country code may follow them (``NGOUSAEDU`` → USA, NGO); ``IMG`` (international militarised
group) becomes INS.

Origin: the PETRARCH2 dictionaries (openeventdata/petrarch2), MIT licence, Copyright (c) 2014
Open Event Data Alliance; the output keeps that licence (stated in data/actors/SOURCES.md).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES_TSV = ROOT / "src/newsgraph/data/actors/countries.tsv"

FILES = {
    "Phoenix.Countries.actors.txt": "countries",
    "Phoenix.International.actors.txt": "international",
    "Phoenix.MilNonState.actors.txt": "nonstate",
}

# CAMEO country codes that are not the ISO 3166 alpha-3 code of the same state.
CAMEO_TO_ISO = {
    "ANG": "AGO", "CFR": "CAF", "KSV": "XKX", "TMP": "TLS", "BUR": "MMR", "GMY": "DEU", "ROM": "ROU",
    "ZAR": "COD", "UK": "GBR",
    # states that no longer exist: their successor state
    "YUG": "SRB", "FRY": "SRB", "SCG": "SRB", "SUN": "RUS", "USR": "RUS", "DDR": "DEU", "CSK": "CZE",
    # entities inside a state
    "SRP": "BIH", "KRJ": "HRV",
}
# Prefixes that are an actor type, not a country; the sector they give.
TYPE_PREFIXES = {"IGO": "IGO", "NGO": "NGO", "IMG": "INS", "MNC": "BUS", "UNO": "IGO"}
SECTOR_RENAMES = {"IMG": "INS"}
# CAMEO agent codes (the CAMEO actor codebook), which may also open a code ("[ELI]").
AGENTS = frozenset({
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL",
    "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "LGB", "UNR",
})

_CODE = re.compile(r"\[([^\]]*)\]")
_COMMENT = re.compile(r"\s#.*$|^#.*$|;.*$")


@dataclass
class Record:
    name: str
    source: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # raw "[CODE dates]" contents

    def is_country(self) -> bool:
        return any(re.fullmatch(r"[A-Z]{3}", c.split()[0]) for c in self.codes if c.split())


def _phrase(raw: str) -> str:
    """``MICHEL_SULEIMAN_`` → ``Michel Suleiman``."""
    words = [w for w in raw.replace("_", " ").split() if w]
    return " ".join(_cap(w) for w in words)


_LOWER = frozenset(
    {"of", "the", "and", "for", "in", "on", "al", "bin", "de", "del", "da", "van", "von", "la", "le", "du"}
)


def _cap(word: str) -> str:
    parts = word.lower().split("-")
    out = []
    for i, p in enumerate(parts):
        if i == 0 and p in _LOWER:
            out.append(p)
        elif len(p) <= 4 and "." in p:  # initials "w." "u.s."
            out.append(p.upper())
        else:
            out.append(p[:1].upper() + p[1:])
    return "-".join(out)


def parse(path: Path, source: str) -> list[Record]:
    records: list[Record] = []
    current: Record | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        codes = _CODE.findall(raw)
        line = _COMMENT.sub("", _CODE.sub(" ", raw)).rstrip()
        if not line.strip() and not codes:
            continue
        stripped = line.strip()
        if raw.startswith(("\t", " ")) and not stripped:  # a date-restriction line
            if current is not None:
                current.codes.extend(codes)
            continue
        if stripped.startswith("+"):
            if current is not None:
                current.synonyms.append(stripped[1:].strip())
                current.codes.extend(codes)
            continue
        if stripped and not raw.startswith(("\t", " ")) or (stripped and raw.startswith(" ")):
            current = Record(name=stripped, source=source, codes=list(codes))
            records.append(current)
        elif current is not None:
            current.codes.extend(codes)
    return records


def _date(text: str) -> str:
    """``080525`` → ``2008-05-25``; ``20020602`` → ``2002-06-02``; "" when unreadable."""
    if len(text) == 6 and text.isdigit():
        yy = int(text[:2])
        text = ("20" if yy <= 30 else "19") + text
    if len(text) != 8 or not text.isdigit():
        return ""
    y, m, d = int(text[:4]), int(text[4:6]), int(text[6:])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{m:02d}-{d:02d}"


def _country_sector(code: str, iso: set[str]) -> tuple[str, str] | None:
    """``LBNGOV`` → (LBN, GOV); ``NGOUSAEDU`` → (USA, NGO); ``IGOUNO`` → ("", IGO)."""
    code = code.strip().upper()
    if not code or code.startswith("-"):
        return None
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    head = chunks[0]
    if head in TYPE_PREFIXES:
        country = next((CAMEO_TO_ISO.get(c, c) for c in chunks[1:2] if CAMEO_TO_ISO.get(c, c) in iso), "")
        return country, TYPE_PREFIXES[head]
    if head in AGENTS:
        return "", head
    country = CAMEO_TO_ISO.get(head, head)
    if country not in iso:
        country = ""
    rest = chunks[1:]
    sector = SECTOR_RENAMES.get(rest[0], rest[0]) if rest else ""
    return country, sector if sector in AGENTS or sector in TYPE_PREFIXES.values() else ""


def periods(record: Record, iso: set[str]) -> list[str]:
    out: list[str] = []
    for raw in record.codes:
        parts = raw.split()
        if not parts:
            continue
        cs = _country_sector(parts[0], iso)
        if cs is None:
            continue
        start = until = ""
        when = "".join(parts[1:])
        if when.startswith("<"):
            until = _date(when[1:])
        elif when.startswith(">"):
            start = _date(when[1:])
        elif "-" in when:
            a, _, b = when.partition("-")
            start, until = _date(a), _date(b)
        if when and not (start or until):
            continue  # a malformed date: the period cannot be placed
        period = f"{cs[0]}/{cs[1]}/{start}/{until}"
        if period not in out:
            out.append(period)
    return out


def convert(petrarch: Path) -> list[list[str]]:
    iso = {row["iso3"] for row in csv.DictReader(COUNTRIES_TSV.open(encoding="utf-8"), delimiter="\t")}
    rows: list[list[str]] = []
    seen: set[tuple[str, str]] = set()
    for file, source in FILES.items():
        for record in parse(petrarch / file, source):
            if source == "countries" and record.is_country():
                continue  # a state with its cities: countries.tsv and the gazetteer cover those
            coded = periods(record, iso)
            if not coded or not any(p.split("/")[0] or p.split("/")[1] for p in coded):
                continue
            name = _phrase(record.name)
            if len(name) < 2 or (name, source) in seen:
                continue
            seen.add((name, source))
            aliases = []
            for s in record.synonyms:
                alias = _phrase(s)
                if alias and alias != name and alias not in aliases:
                    aliases.append(alias)
            rows.append([name, "|".join(aliases), source, "|".join(coded)])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petrarch", type=Path, default=ROOT.parent / "shared/data/petrarch2")
    parser.add_argument("--out", type=Path, default=ROOT / "src/newsgraph/data/actors/petrarch2.tsv")
    args = parser.parse_args(argv)
    missing = [f for f in FILES if not (args.petrarch / f).is_file()]
    if missing:
        print(f"petrarch2_actors: {args.petrarch}: missing {', '.join(missing)}", file=sys.stderr)
        return 2
    rows = convert(args.petrarch)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Generated by scripts/petrarch2_actors.py from the PETRARCH2 actor dictionaries "
                     "(MIT, (c) 2014 Open Event Data Alliance); do not edit by hand.\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(["name", "aliases", "file", "periods"])
        writer.writerows(rows)
    print(f"petrarch2_actors: {len(rows)} records → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
