"""Records extracted elsewhere → (Article, events, claims), for storing without NLP.

One JSON object a line (JSON Lines, UTF-8), as ``newsgraph extract --format records`` writes it::

    {"article": {"id", "text", "published"?, "title"?, "source"?, "url"?},
     "events": [event records of the contract], "claims": [claim records]?}

The article is checked as every ingested text is (``article_from_record``); the events and claims
are rebuilt with ``Event.from_dict`` and ``Claim.from_dict`` and must belong to the article. A line
that fails any of this becomes a Rejection naming the file, the line and what is wrong; the rest
of the file goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.ingest.checks import reject
from newsgraph.ingest.jsonl import article_from_record, decoded_lines, load_object
from newsgraph.records import Article, ArticleRecords, Claim, Event, Rejection


def read_extracted(paths: Iterable[str], *, max_chars: int) -> Iterator[ArticleRecords | Rejection]:
    """The extracted records of the files, in order: JSON Lines, or Parquet (a ``.parquet`` file or
    a directory of shards, as ``newsgraph spark`` writes them; :mod:`newsgraph.batch.arrow`); "-"
    is standard input (JSON Lines). A missing or unreadable file is one Rejection."""
    for name in paths:
        if name == "-":  # `newsgraph extract … --format records | newsgraph ingest --extracted -`
            yield from _read_lines(sys.stdin.buffer, origin="-", max_chars=max_chars)
            continue
        path = Path(name)
        try:
            if path.is_dir() or path.suffix.lower() == ".parquet":
                yield from _read_parquet(path, origin=name, max_chars=max_chars)
                continue
            with path.open("rb") as stream:
                yield from _read_lines(stream, origin=name, max_chars=max_chars)
        except OSError as exc:
            yield reject(name, None, exc.strerror.lower() if exc.strerror else str(exc))


def _read_parquet(path: Path, *, origin: str, max_chars: int) -> Iterator[ArticleRecords | Rejection]:
    import pyarrow as pa

    from newsgraph.batch.arrow import read_records  # pyarrow: only for Parquet input

    try:
        for number, row in enumerate(read_records(path), start=1):
            rejection = row.get("rejection")
            if rejection:
                yield Rejection(origin=rejection.get("origin") or origin, line=rejection.get("line"),
                                stage=rejection.get("stage") or "extract", reason=rejection.get("reason") or "")
            else:
                yield extracted_from_record(row, origin=origin, line_number=number, max_chars=max_chars)
    except (pa.ArrowException, ValueError) as exc:
        yield reject(origin, None, f"not a records Parquet file: {str(exc).splitlines()[0]}")


def _read_lines(lines: Iterable[bytes], *, origin: str, max_chars: int) -> Iterator[ArticleRecords | Rejection]:
    for found in decoded_lines(lines, origin=origin):
        if isinstance(found, Rejection):
            yield found
        else:
            number, line = found
            yield parse_extracted(line, origin=origin, line_number=number, max_chars=max_chars)


def parse_extracted(line: str, *, origin: str, line_number: int | None, max_chars: int) -> ArticleRecords | Rejection:
    """One line of extracted records, or a Rejection naming what is wrong with it."""
    record = load_object(line, origin=origin, line_number=line_number)
    if isinstance(record, Rejection):
        return record
    return extracted_from_record(record, origin=origin, line_number=line_number, max_chars=max_chars)


def extracted_from_record(record: dict[str, Any], *, origin: str, line_number: int | None,
                          max_chars: int) -> ArticleRecords | Rejection:
    """One record ``{"article", "events", "claims"}`` rebuilt, or a Rejection naming what is wrong."""
    article_record = record.get("article")
    if not isinstance(article_record, dict) or not isinstance(record.get("events"), list):
        return reject(origin, line_number, 'expected {"article": {…}, "events": […], "claims": […]} '
                                           "(the output of `newsgraph extract --format records`)")
    article = article_from_record(article_record, origin=origin, line_number=line_number, max_chars=max_chars)
    if isinstance(article, Rejection):
        return article
    events = _rebuilt(Event, record["events"], article, "event")
    claims = _rebuilt(Claim, record.get("claims") or [], article, "claim")
    for found in (events, claims):
        if isinstance(found, str):
            return reject(origin, line_number, found)
    assert not isinstance(events, str) and not isinstance(claims, str)
    return article, events, claims


def _rebuilt(kind: Any, records: object, article: Article, what: str) -> list[Any] | str:
    """The records rebuilt (``kind.from_dict``), or why one of them cannot be."""
    if not isinstance(records, list):
        return f"{what}s: expected a list"
    out = []
    for number, d in enumerate(records, start=1):
        if not isinstance(d, dict):
            return f"{what} {number}: expected a JSON object"
        try:
            rebuilt = kind.from_dict(d)
        except KeyError as exc:
            return f"{what} {number}: missing field {exc.args[0]!r}"
        except (TypeError, ValueError, AttributeError) as exc:
            return f"{what} {number}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
        if rebuilt.article_id != article.id:
            return f"{what} {number} belongs to article {rebuilt.article_id!r}, not {article.id!r}"
        out.append(rebuilt)
    return out
