"""A cheap "is this English?" check, so non-English input is rejected before the NLP stage.

The heuristic (no language-identification model, no dependency):

1. Letters: among the letters of the text, the share that are ASCII ``a``–``z``.
   English news stays far above :data:`MIN_ASCII_LETTERS` even with accented
   names; Cyrillic, Arabic, CJK, Greek … text falls far below it.
2. Function words: among the words, the share that are common English function
   words (:data:`ENGLISH_FUNCTION_WORDS`). Running English news is 25–45 % of these
   (the Guardian corpus in ../shared: 27 % at least); French, German, Spanish,
   Dutch … news in the Latin alphabet scores 0–3 %. The list leaves out words that are also common in
   those languages ("a", "in", "on", "die", "was", "is", "for", "at", "also" …).

Only the first :data:`SAMPLE_CHARS` characters are looked at. The function-word test
needs :data:`MIN_WORDS` words; shorter texts (a headline) are only checked for
their alphabet, since a few words cannot be told apart reliably.
"""

from __future__ import annotations

import re

SAMPLE_CHARS = 20_000
MIN_WORDS = 20
MIN_ASCII_LETTERS = 0.8
MIN_FUNCTION_WORDS = 0.06

_FUNCTION_WORDS = """
    the of and to that with from by are were be been being has have had it its this these those
    which who whom whose what when where while their they them his she he him we our us you your
    not but or than then there would will could should can may might must said says after before
    about into over under against between during because if just only more most other such some
    any each both all no one two new last first
"""
ENGLISH_FUNCTION_WORDS: frozenset[str] = frozenset(_FUNCTION_WORDS.split())

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def english_reason(text: str) -> str | None:
    """Why ``text`` does not look like English, or None when it does (or is too short to tell)."""
    sample = text[:SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "not English (no letters)"
    ascii_share = sum(1 for c in letters if c.isascii()) / len(letters)
    if ascii_share < MIN_ASCII_LETTERS:
        return f"not English (only {ascii_share:.0%} of its letters are Latin a-z)"
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    share = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS) / len(words)
    if share < MIN_FUNCTION_WORDS:
        return f"not English (only {share:.0%} of its words are common English words like 'the', 'and')"
    return None
