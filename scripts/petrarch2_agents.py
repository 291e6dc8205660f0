#!/usr/bin/env python3
"""Convert the PETRARCH2 agent dictionary into newsgraph's ``data/actors/petrarch2_agents.tsv``.

Usage: ``python3 scripts/petrarch2_agents.py [--petrarch DIR] [--out FILE]`` (defaults:
``../shared/data/petrarch2`` and ``src/newsgraph/data/actors/petrarch2_agents.tsv``). Stdlib only;
deterministic.

Read: ``Phoenix.agents.txt``: role and group nouns ("farmer", "riot police", "trade union",
"insurgent") with their CAMEO agent codes. Written in the columns of ``roles.tsv`` (term, role,
sector, kind, generic, state_body): every form the dictionary means (its substitution markers
expanded: ``CONGRESS!PERSON!`` → congressman, congresswoman, …; its regular plurals formed as
PETRARCH2 forms them, its ``{…}`` plurals taken as given), lower case; the role is the entry's
singular (without the preposition it is matched with: "embassy in" →
embassy); the sector the first agent code (``~GOVMED`` → GOV; religious and regional codes such
as ``~MUS`` or ``~CHR`` give none, since a faith is no sector); the kind ``anonymous`` for a
singular, ``group`` for a plural. ``newsgraph.nlp.gazetteer`` reads the output after
``roles.tsv``: a hand-written row for the same term always wins.

Origin: PETRARCH2 (openeventdata/petrarch2) ``Phoenix.agents.txt``, MIT, Copyright (c) Open Event
Data Alliance (see data/actors/SOURCES.md).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAILING_PREPOSITIONS = frozenset({"in", "of", "to", "for", "from", "at", "on", "with", "by"})
# CAMEO agent codes newsgraph uses as sectors.
SECTORS = frozenset({
    "GOV", "MIL", "REB", "CRM", "OPP", "BUS", "CVL", "JUD", "COP", "MED", "LEG", "HLH", "EDU", "UAF", "SPY",
    "AGR", "LAB", "REF", "PTY", "ELI", "ENV", "NGO", "INS", "SEP", "DEV", "HRI", "IGO", "MOD", "RAD",
})
# Forms that name no actor when standing alone in news text, whatever the dictionary's intent.
BLOCKED = frozenset({
    "business", "boss", "airway", "airways", "aerospace", "man", "men", "woman", "women", "person", "people",
    "member", "members", "head", "heads", "staff", "body", "bodies", "deputy", "deputies", "actor", "actors",
    "retired", "doc", "docs", "naval", "semi-official", "state-owned", "representatives", "uprising",
    "uprisings", "revolt", "revolts", "rebellion", "rebellions", "naturalized", "monger", "mongers", "oiler",
    "oilers", "chamber", "chambers", "echelon", "echelons", "phalanx", "governance", "polity", "kingdom",
    "insurgency", "insurgencies", "insurgence", "insurgences",
})

_ENTRY = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]")
_MARKER = re.compile(r"^(!\w+!)\s*=\s*(.+)$")


def _plural(word: str) -> str:
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        return word[:-1] + "ies"
    if word.endswith("ss"):
        return word + "es"
    return word + "s"


def entries(path: Path) -> list[tuple[str, str, bool]]:
    """(form, sector, plural?) for every form of every entry, in file order."""
    markers: dict[str, list[str]] = {}
    out: list[tuple[str, str, bool]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        marker = _MARKER.match(line)
        if marker:
            markers[marker[1]] = [w.strip().lower() for w in marker[2].split(",") if w.strip()]
            continue
        match = _ENTRY.match(line)
        if not match:
            continue
        code = match["code"].strip().lstrip("~").rstrip("~")
        sector = code[:3] if code[:3] in SECTORS else ""
        phrase = match["phrase"].strip().lower().replace("_", " ")
        phrase = " ".join(phrase.split())
        found = re.search(r"!\w+!", phrase)
        if found:  # every substitution, no plurals formed
            for sub in markers.get(found[0].upper(), []):
                form = phrase.replace(found[0], sub)
                out.append((form, sector, sub.endswith(("men", "ies", "s"))))
            continue
        out.append((phrase, sector, False))
        plural = match["plural"]
        if plural is None:
            words = phrase.split()
            out.append((" ".join([*words[:-1], _plural(words[-1])]), sector, True))
        elif plural.strip():
            out.append((" ".join(plural.strip().lower().replace("_", " ").split()), sector, True))
    return out


def _role(form: str) -> str:
    """The role a term names, without the preposition the dictionary matches after it ("embassy in" →
    embassy, "ambassador to" → ambassador)."""
    words = form.split()
    while len(words) > 1 and words[-1] in TRAILING_PREPOSITIONS:
        words.pop()
    return " ".join(words)


def convert(petrarch: Path) -> list[list[str]]:
    rows: list[list[str]] = []
    seen: set[str] = set()
    singular_of: dict[str, str] = {}
    items = entries(petrarch / "Phoenix.agents.txt")
    for form, _sector, plural in items:
        if not plural:
            singular_of.setdefault(form, form)
    for form, sector, plural in items:
        words = form.split()
        if form in seen or form in BLOCKED or not sector or not all(w.replace("-", "").isalpha() for w in words):
            continue
        seen.add(form)
        rows.append([form, _role(form), sector, "group" if plural else "anonymous", "0", ""])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petrarch", type=Path, default=ROOT.parent / "shared/data/petrarch2")
    parser.add_argument("--out", type=Path, default=ROOT / "src/newsgraph/data/actors/petrarch2_agents.tsv")
    args = parser.parse_args(argv)
    source = args.petrarch / "Phoenix.agents.txt"
    if not source.is_file():
        print(f"petrarch2_agents: {source}: not found", file=sys.stderr)
        return 2
    rows = convert(args.petrarch)
    with args.out.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write("term\trole\tsector\tkind\tgeneric\tstate_body\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    print(f"petrarch2_agents: {len(rows)} terms → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
