"""The trigger lexicon: which verbs and nouns signal which PLOVER event, and how to read their roles.

Data: ``newsgraph/data/lexicon/triggers.tsv`` (see its SOURCES.md). Each row is
``lemma pos type mode context cameo frame prep note``; ``frame`` names the
syntax → role mapping in :mod:`newsgraph.extract.roles`; ``prep`` (``|``-separated)
limits a verb to uses with that particle or preposition ("call on").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

FRAMES = frozenset(
    {"transfer", "acquire", "direct", "encounter", "visit", "communicate", "intransitive", "nominal"}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    lemma: str
    pos: str  # VERB | NOUN
    type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    frame: str
    preps: frozenset[str]


def _rows() -> list[dict[str, str]]:
    text = resources.files("newsgraph").joinpath("data/lexicon/triggers.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def load_triggers() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """All triggers keyed by (lemma, pos); a lemma may carry several (one per particle)."""
    table: dict[tuple[str, str], list[Trigger]] = {}
    for row in _rows():
        frame = (row.get("frame") or "").strip()
        if frame not in FRAMES:
            raise ValueError(f"triggers.tsv: unknown frame {frame!r} for {row.get('lemma')!r}")
        trig = Trigger(
            lemma=row["lemma"].strip().lower(),
            pos=row["pos"].strip().upper(),
            type=row["type"].strip().upper(),
            mode=(row.get("mode") or "").strip() or None,
            context=tuple(c.strip() for c in (row.get("context") or "").split("|") if c.strip()),
            cameo=(row.get("cameo") or "").strip() or None,
            frame=frame,
            preps=frozenset(p.strip().lower() for p in (row.get("prep") or "").split("|") if p.strip()),
        )
        table.setdefault((trig.lemma, trig.pos), []).append(trig)
    return {k: tuple(v) for k, v in table.items()}


def word_lemma(token: Token) -> str:
    """The lemma, with a hyphenated prefix joined on ("co-operation", "counter-attack")."""
    lemma = token.lemma_.lower()
    doc = token.doc
    i = token.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return f"{doc[i - 2].text.lower()}-{lemma}"
    return lemma


def _particles(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "agent", "dative")}


def trigger_for(token: Token) -> Trigger | None:
    """The trigger a token evokes, if any (its part of speech and particles decide)."""
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass")):
        pos = "VERB"
    elif token.pos_ == "NOUN":
        pos = "NOUN"
    else:
        return None
    table = load_triggers()
    candidates = table.get((word_lemma(token), pos)) or table.get((token.lemma_.lower(), pos))
    if not candidates:
        return None
    parts: set[str] | None = None
    fallback: Trigger | None = None
    for trig in candidates:
        if not trig.preps:
            fallback = fallback or trig
            continue
        if parts is None:
            parts = _particles(token)
        if trig.preps & parts:
            return trig
    return fallback
