"""CAMEO event codes for PLOVER records (for the GDELT export).

A record's own ``cameo`` is used when it has one. Otherwise: the shortest code that the
CAMEO→PLOVER table (``data/lexicon/cameo2plover.txt``) maps to the record's type *and* mode;
else the type's default (``data/cameo/plover_defaults.tsv``). QuadClass follows GDELT: CAMEO
roots 01–05 verbal cooperation (1), 06–08 material cooperation (2), 09–13 verbal conflict (3),
14–20 material conflict (4). The Goldstein scale value of a code comes from
``data/cameo/goldstein.tsv`` (its base code's for a 4-digit code the table lacks).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*)")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    data = resources.files("newsgraph") / "data"
    by_mode: dict[tuple[str, str], str] = {}
    for line in (data / "lexicon" / "cameo2plover.txt").read_text(encoding="utf-8").splitlines():
        match = _LINE.match(line.strip())
        if match is None:
            continue
        code, type_, mode = match.group(1), match.group(2), match.group(3).strip()
        key = (type_, mode)
        if mode and (key not in by_mode or (len(code), code) < (len(by_mode[key]), by_mode[key])):
            by_mode[key] = code
    defaults: dict[str, str] = {}
    for line in (data / "cameo" / "plover_defaults.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("type\t") or not line.strip():
            continue
        type_, code = line.split("\t")[:2]
        defaults[type_] = code
    return by_mode, defaults


def cameo_code(type_: str, mode: str | None = None, cameo: str | None = None) -> str | None:
    """The CAMEO event code of a record: its own, else derived from type and mode."""
    if cameo and cameo.strip().isdigit():
        return cameo.strip()
    by_mode, defaults = _tables()
    if mode and (type_, mode) in by_mode:
        return by_mode[(type_, mode)]
    return defaults.get(type_)


@lru_cache(maxsize=1)
def _goldstein() -> dict[str, float]:
    table = resources.files("newsgraph") / "data" / "cameo" / "goldstein.tsv"
    scores: dict[str, float] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("code\t") or not line.strip():
            continue
        code, _name, value = line.split("\t")[:3]
        scores[code.strip()] = float(value)
    return scores


def goldstein(code: str | None) -> float | None:
    """The Goldstein scale value of a CAMEO event code (``data/cameo/goldstein.tsv``), falling back
    to its 3-digit base code, or None when the table has neither."""
    if not code:
        return None
    table = _goldstein()
    return table.get(code, table.get(code[:3]))


def quad_class(code: str | None) -> int | None:
    """GDELT QuadClass of a CAMEO event code (1–4), or None."""
    if not code or len(code) < 2 or not code[:2].isdigit():
        return None
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None
