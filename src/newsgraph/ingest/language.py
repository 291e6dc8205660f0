"""Is this English? Non-English input is rejected before the NLP stage, which reads English only.

1. Letters: among the letters of the text, the share that are ASCII ``a``–``z``. English news
   stays far above :data:`MIN_ASCII_LETTERS` even with accented names; Cyrillic, Arabic, CJK,
   Greek … text falls far below it. This is the only test for texts of fewer than
   :data:`MIN_WORDS` words (a headline), which no identifier tells apart reliably.
2. A language identifier: py3langid (langid.py's model of 97 languages, shipped inside the
   package; BSD-3-Clause) gives the probability that the text is English; below
   :data:`MIN_ENGLISH_PROBABILITY` the text is rejected, naming the language it found.
   Measured (``benchmarks/language_id.py``): every Guardian and VOA article and every synthetic
   story and dev sentence gets 0.27 or more, English market reports and result tables 0.42 or
   more; French, German, Spanish, Turkish, Indonesian … news gets 0.00.

Only the first :data:`SAMPLE_CHARS` characters are looked at.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

SAMPLE_CHARS = 20_000
MIN_WORDS = 12
MIN_ASCII_LETTERS = 0.8
MIN_ENGLISH_PROBABILITY = 0.05

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _identifier() -> Any:
    """py3langid's identifier with normalised probabilities (loaded once per process, ~0.4 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_probabilities(text: str) -> dict[str, float]:
    """Language code → probability for the start of ``text`` (py3langid)."""
    return dict(_identifier().rank(text[:SAMPLE_CHARS]))


def english_reason(text: str) -> str | None:
    """Why ``text`` does not look like English, or None when it does (or is too short to tell)."""
    sample = text[:SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "not English (no letters)"
    ascii_share = sum(1 for c in letters if c.isascii()) / len(letters)
    if ascii_share < MIN_ASCII_LETTERS:
        return f"not English (only {ascii_share:.0%} of its letters are Latin a-z)"
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return None
    probabilities = language_probabilities(sample)
    english = probabilities.get("en", 0.0)
    if english < MIN_ENGLISH_PROBABILITY:
        found, share = max(probabilities.items(), key=lambda kv: kv[1])
        return f"not English (identified as '{found}' with probability {share:.2f}; English {english:.2f})"
    return None
