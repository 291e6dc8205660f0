"""JSON Lines → Articles: one ``{"id", "text", "published"?, "title"?, "source"?, "url"?}`` a line.

- ``text`` (required): a non-empty string, kept exactly as given.
- ``id``: a string or integer; without one, the article gets a content hash of its text
  (a file-name id would repeat on every line).
- ``published``: "YYYY-MM-DD" or an ISO 8601 datetime, or null; null or absent falls
  back to ``--published``.
- ``title``, ``source``, ``url``: strings or null. Other keys are ignored.

Lines are numbered from 1; blank lines are skipped (a file of blank lines only is
rejected as empty); every bad line becomes a Rejection naming the line and the
field, and the rest of the file goes on.
The file must be UTF-8 (a byte-order mark is allowed), as JSON requires.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from newsgraph.ingest.checks import build_article, parse_date, reject, surrogate_reason
from newsgraph.records import Article, Rejection

_OPTIONAL_STRINGS = ("title", "source", "url")
MAX_ID_CHARS = 512  # article ids are keys, file names and URL parts


def read_jsonl(
    lines: Iterable[bytes],
    *,
    origin: str,
    max_chars: int,
    published: date | None = None,
) -> Iterator[Article | Rejection]:
    """Articles and Rejections from the raw lines of a JSON Lines file, in order."""
    for found in decoded_lines(lines, origin=origin):
        if isinstance(found, Rejection):
            yield found
        else:
            number, line = found
            yield parse_record(line, origin=origin, line_number=number, max_chars=max_chars, published=published)


def decoded_lines(lines: Iterable[bytes], *, origin: str) -> Iterator[tuple[int, str] | Rejection]:
    """The non-blank lines of a JSON Lines file as text with their numbers (from 1; a byte-order
    mark is dropped), a Rejection for a line that is not UTF-8 and for a file with no line."""
    empty = True
    for number, raw in enumerate(lines, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        empty = False
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield reject(origin, number, f"not UTF-8 (bad byte at column {exc.start + 1}); JSON Lines must be UTF-8")
    if empty:
        yield reject(origin, None, "empty file")


def parse_record(
    line: str, *, origin: str, line_number: int | None, max_chars: int, published: date | None = None
) -> Article | Rejection:
    """One JSON Lines record as an Article, or a Rejection naming what is wrong with it."""
    record = load_object(line, origin=origin, line_number=line_number)
    if isinstance(record, Rejection):
        return record
    return article_from_record(record, origin=origin, line_number=line_number, max_chars=max_chars,
                               published=published)


def load_object(line: str, *, origin: str, line_number: int | None) -> dict[str, Any] | Rejection:
    """One line's JSON object, or a Rejection naming what is wrong with it (never an exception)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        what = exc.msg.removesuffix(" at")
        return reject(origin, line_number, f"not valid JSON: {what} (column {exc.colno})")
    except RecursionError:
        return reject(origin, line_number, "not usable JSON: nested too deeply")
    except ValueError as exc:  # an integer of thousands of digits
        return reject(origin, line_number, f"not usable JSON: {str(exc).splitlines()[0]}")
    if not isinstance(record, dict):
        return reject(origin, line_number, f"expected a JSON object, got {_kind(record)}")
    return record


def article_from_record(
    record: dict[str, Any], *, origin: str, line_number: int | None, max_chars: int, published: date | None = None
) -> Article | Rejection:
    """The article of an input record (the fields above), checked as every ingested text is."""
    problem = _check_fields(record)
    if problem:
        return reject(origin, line_number, problem)
    text: str = record["text"]
    if record.get("published") is not None:
        try:
            published = parse_date(record["published"])
        except ValueError as exc:
            return reject(origin, line_number, f"bad 'published': {exc}")
    raw_id = record.get("id")
    if raw_id is None:
        from newsgraph.api import content_id  # imported late: ingest sits upstream of the API

        article_id = content_id(text)
    else:
        article_id = str(raw_id)
    return build_article(
        id=article_id,
        text=text,
        origin=origin,
        line=line_number,
        max_chars=max_chars,
        published=published,
        title=record.get("title"),
        source=record.get("source"),
        url=record.get("url"),
    )


def _check_fields(record: dict[str, Any]) -> str | None:
    if "text" not in record:
        return "no 'text' field"
    if not isinstance(record["text"], str):
        return f"'text' must be a string, got {_kind(record['text'])}"
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        return f"'id' must be a string or an integer, got {_kind(raw_id)}"
    if isinstance(raw_id, str) and not raw_id.strip():
        return "'id' is empty"
    if raw_id is not None and len(str(raw_id)) > MAX_ID_CHARS:
        return f"'id' is longer than {MAX_ID_CHARS} characters"
    value = record.get("published")
    if value is not None and not isinstance(value, str):
        return f"bad 'published': expected a string like \"2023-09-04\", got {_kind(value)}"
    for name in _OPTIONAL_STRINGS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return f"'{name}' must be a string, got {_kind(value)}"
    for name in ("id", *_OPTIONAL_STRINGS):
        value = record.get(name)
        if isinstance(value, str) and (reason := surrogate_reason(value, f"'{name}'")):
            return reason
    return None


def _kind(value: object) -> str:
    """The JSON name of a value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"
