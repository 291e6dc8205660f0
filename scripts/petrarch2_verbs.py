#!/usr/bin/env python3
"""Convert the reviewed verbs of the PETRARCH2 CAMEO verb dictionary into newsgraph triggers.

Usage: ``python3 scripts/petrarch2_verbs.py [--petrarch DIR] [--out FILE] [--candidates]``
(defaults: ``../shared/data/petrarch2`` and ``src/newsgraph/data/lexicon/petrarch2_verbs.tsv``).
Stdlib only; deterministic.

Read: ``CAMEO.verbpatterns.150430.txt``, its verb blocks (``--- NAME [code] ---`` and the verbs
under it, each with the block's code or its own ``[code]``). Each verb listed in
``data/lexicon/petrarch2_review.tsv`` (the authors' choice, with its role frame) is written as a
row of ``triggers.tsv``'s columns: the CAMEO code from the dictionary, the PLOVER type, mode and
contexts from ``data/lexicon/cameo2plover.txt`` (the code, else its three- and two-digit parents;
the review may name a codebook mode instead), and a note naming the dictionary block.
``newsgraph.extract.lexicon`` reads the output after ``triggers.tsv``: a hand-written row for the
same lemma and part of speech wins. ``--candidates`` prints instead the dictionary's verbs that
neither table has yet, with their codes and PLOVER types, for the next review.

Origin: PETRARCH2 (openeventdata/petrarch2) ``CAMEO.verbpatterns.150430.txt``, MIT, Copyright (c)
2015 Open Event Data Alliance (see data/lexicon/SOURCES.md).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "src/newsgraph/data/lexicon"
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
VERB = re.compile(r"^(\+?[A-Z][A-Z_\-]*)\s*(?:\[([^\]]*)\])?")
HEADER = "lemma\tpos\ttype\tmode\tcontext\tcameo\tframe\tprep\tnote"


def _table(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def dictionary_verbs(path: Path) -> dict[str, tuple[str, str]]:
    """Lemma (lower case, words split at "_") → (CAMEO code, block name); the first block wins."""
    out: dict[str, tuple[str, str]] = {}
    block: str | None = None
    default = ""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if m := BLOCK.match(line):
            block, default = m.group(1), m.group(2)
            continue
        if block is None or not line or line.startswith(("#", "-", "&", " ", "\t")):
            continue
        m = VERB.match(line.split("#")[0].split("{")[0].strip())
        if m is None:
            continue
        code = (m.group(2) or default).split(":")[0].strip()
        lemma = m.group(1).lstrip("+").replace("_", " ").lower().strip()
        if code and code != "---" and lemma:
            out.setdefault(lemma, (code, block))
    return out


def cameo_table(path: Path) -> dict[str, tuple[str, str, str]]:
    """CAMEO code → (PLOVER type, mode, contexts joined by "|")."""
    out: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+):\s*([^#]*)", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        if parts and parts[0]:
            contexts = "|".join(c.strip() for c in ",".join(parts[2:]).replace(";", ",").split(",") if c.strip())
            out[m.group(1)] = (parts[0], parts[1] if len(parts) > 1 else "", contexts)
    return out


def plover(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str] | None:
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None


def rows(petrarch: Path) -> list[str]:
    verbs = dictionary_verbs(petrarch / "CAMEO.verbpatterns.150430.txt")
    table = cameo_table(LEXICON / "cameo2plover.txt")
    out = [HEADER]
    for row in _table(LEXICON / "petrarch2_review.tsv"):
        lemma = row["lemma"].strip()
        if lemma not in verbs:
            raise SystemExit(f"petrarch2_review.tsv: {lemma!r} is not in the PETRARCH2 verb dictionary")
        code, block = verbs[lemma]
        typed = plover(code, table)
        if typed is None:
            raise SystemExit(f"petrarch2_review.tsv: {lemma!r} has CAMEO {code}, which cameo2plover.txt does not type")
        event_type, mode, context = typed
        mode = row["mode"].strip() or mode
        note = f"PETRARCH2 {block} [{code}]" + (f"; {row['note'].strip()}" if row["note"].strip() else "")
        out.append("\t".join([lemma, "VERB", event_type, mode, context, code, row["frame"].strip(), "", note]))
    return out


def candidates(petrarch: Path) -> list[str]:
    verbs = dictionary_verbs(petrarch / "CAMEO.verbpatterns.150430.txt")
    table = cameo_table(LEXICON / "cameo2plover.txt")
    known = {r["lemma"].strip() for name in ("triggers.tsv", "petrarch2_review.tsv") for r in _table(LEXICON / name)}
    out = []
    for lemma, (code, block) in sorted(verbs.items(), key=lambda kv: (kv[1][1], kv[0])):
        typed = plover(code, table)
        if lemma not in known and typed is not None:
            out.append(f"{typed[0]}\t{block}\t{code}\t{lemma}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--petrarch", type=Path, default=ROOT.parent / "shared/data/petrarch2")
    parser.add_argument("--out", type=Path, default=LEXICON / "petrarch2_verbs.tsv")
    parser.add_argument("--candidates", action="store_true", help="print the verbs not yet reviewed")
    args = parser.parse_args(argv)
    if args.candidates:
        print("\n".join(candidates(args.petrarch)))
        return 0
    lines = [
        "# Triggers from the PETRARCH2 CAMEO verb dictionary (openeventdata/petrarch2, MIT, (c) 2015 Open",
        "# Event Data Alliance), the verbs of data/lexicon/petrarch2_review.tsv; PLOVER typing from",
        "# cameo2plover.txt (CC BY-SA 4.0). Generated by scripts/petrarch2_verbs.py: do not edit by hand.",
        *rows(args.petrarch),
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 4} triggers to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
