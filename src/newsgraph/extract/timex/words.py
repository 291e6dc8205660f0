"""The time words (``newsgraph/data/time/words.tsv``) as lookup tables and regex alternations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Words:
    tables: dict[str, dict[str, str]]  # kind → word → value

    def table(self, kind: str) -> dict[str, str]:
        return self.tables.get(kind, {})

    def value(self, kind: str, word: str) -> str | None:
        return self.tables.get(kind, {}).get(_key(word))

    def number(self, word: str) -> float | None:
        """A cardinal: digits, a number word ("three", "twenty-five", "a couple of"); None when vague."""
        word = _key(word)
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            return float(word)
        table = self.table("number")
        if word in table:
            value = table[word]
            return None if value == "X" else float(value)
        tens, _, ones = word.partition("-")
        if tens in table and ones in table:
            return float(table[tens]) + float(table[ones])
        return None

    def alternation(self, *kinds: str, capitalised: bool = False) -> str:
        """A regex alternation of the words of ``kinds``, longest first (spaces match any whitespace)."""
        words = sorted({w for k in kinds for w in self.table(k)}, key=len, reverse=True)
        if capitalised:
            words = [w[:1].upper() + w[1:] for w in words]
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _key(word: str) -> str:
    return " ".join(word.lower().split()).replace("’", "'")


@lru_cache(maxsize=1)
def load_words() -> Words:
    text = resources.files("newsgraph").joinpath("data/time/words.tsv").read_text(encoding="utf-8")
    tables: dict[str, dict[str, str]] = {}
    header = True
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if header:
            header = False
            continue
        kind, word, value = (line.split("\t") + ["", ""])[:3]
        tables.setdefault(kind.strip(), {})[_key(word)] = value.strip()
    return Words(tables)
