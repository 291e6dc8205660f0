"""Checks every ingested text goes through, whatever its format, and date parsing."""

from __future__ import annotations

import re
from datetime import date, datetime

from newsgraph.ingest.language import english_reason
from newsgraph.records import Article, Rejection

_SURROGATE = re.compile("[\ud800-\udfff]")


def surrogate_reason(value: str, what: str = "the text") -> str | None:
    """Why ``value`` is not valid Unicode (a lone UTF-16 surrogate, as a bad ``\\ud800`` escape or a
    wrong decoding leaves), or None."""
    found = _SURROGATE.search(value)
    if found is None:
        return None
    return (f"{what} holds a lone surrogate (U+{ord(found.group()):04X}) at character {found.start()}: "
            "not valid Unicode; fix the source's encoding or escapes")


def check_text(text: str, *, max_chars: int) -> str | None:
    """Why ``text`` cannot be used as an article (one line), or None when it can."""
    if not text.strip():
        return "empty text"
    if "\x00" in text:
        return "binary data (contains NUL bytes), not text"
    if reason := surrogate_reason(text):
        return reason
    if len(text) > max_chars:
        return (
            f"too long: {len(text):,} characters (the limit is {max_chars:,}; "
            "raise it with NEWSGRAPH_MAX_CHARS or split the article)"
        )
    return english_reason(text)


def parse_date(value: str) -> date:
    """A date from "YYYY-MM-DD" or an ISO 8601 datetime (its calendar date as written).

    Raises ValueError with a one-line message otherwise.
    """
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise ValueError(f"{value!r} is not a date: expected YYYY-MM-DD or an ISO 8601 datetime") from None


# Invisible separators some feeds put between words (zero-width space, word joiner, a byte-order
# mark in mid-text) become plain spaces of the same length: the words are words again for the
# parser, and every offset stays where it was.
_INVISIBLE_SEPARATORS = str.maketrans({"\u200b": " ", "\u2060": " ", "\ufeff": " "})


def visible_spaces(text: str) -> str:
    """``text`` with invisible word separators replaced by spaces (same length)."""
    return text.translate(_INVISIBLE_SEPARATORS)


def build_article(
    *,
    id: str,
    text: str,
    origin: str,
    line: int | None,
    max_chars: int,
    published: date | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Article | Rejection:
    """An Article when ``text`` passes :func:`check_text`, else a Rejection saying why."""
    if reason := check_text(text, max_chars=max_chars):
        return reject(origin, line, reason)
    where = f"{origin}:{line}" if line is not None else origin
    return Article(id=id, text=visible_spaces(text), published=published, title=title, source=source, url=url,
                   origin=where)


def reject(origin: str, line: int | None, reason: str) -> Rejection:
    return Rejection(origin=origin, line=line, stage="ingest", reason=reason)
