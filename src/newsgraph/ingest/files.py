"""Paths → a stream of Articles and Rejections: files, directories and stdin.

=================  =========================================================
input              read as
=================  =========================================================
``x.txt``          one article, id ``x``; UTF-8 (or a detected encoding)
``x.html/.htm``    one article, id ``x``; main text + metadata by trafilatura
``x.jsonl``        one article a line (see :mod:`newsgraph.ingest.jsonl`)
a directory        its files of the kinds above, recursively, in sorted path
                   order; other files and hidden files/directories skipped
``-``              stdin: JSON Lines when its first non-blank line is a JSON
                   object, otherwise one plain-text article whose id is a
                   content hash of its text
=================  =========================================================

Nothing here raises on bad input: an unreadable path, an empty or binary file,
a bad JSON line, a non-English or oversized text, a repeated article id, each
becomes a :class:`~newsgraph.records.Rejection` and reading goes on.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from newsgraph.config import Settings
from newsgraph.ingest.checks import build_article, reject
from newsgraph.ingest.decode import UndecodableError, decode_text
from newsgraph.ingest.html import read_html
from newsgraph.ingest.jsonl import read_jsonl
from newsgraph.records import Article, Rejection

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"


def read_inputs(
    paths: Sequence[str],
    *,
    published: date | None = None,
    settings: Settings | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Rejection]:
    """Stream the articles of ``paths`` (files, directories, ``-``), lazily, in order.

    ``published`` is the date for inputs that carry none. An article id seen
    before in the same run is rejected (ids key the store), naming where it was first read.
    """
    if isinstance(paths, str):
        raise TypeError("read_inputs() takes a sequence of paths, not one string: read_inputs([path])")
    settings = settings or Settings.from_env()
    seen: dict[str, str] = {}
    for item in _read_all(paths, published=published, max_chars=settings.max_chars, stdin=stdin):
        if isinstance(item, Article):
            first = seen.get(item.id)
            if first is not None:
                origin, line = _split_origin(item.origin)
                reason = f"duplicate article id {item.id!r} (first read from {first}); make ids unique"
                yield reject(origin, line, reason)
                continue
            seen[item.id] = item.origin
        yield item


def _split_origin(origin: str) -> tuple[str, int | None]:
    """Article.origin ("path" or "path:line") back into its parts."""
    path, _, line = origin.rpartition(":")
    return (path, int(line)) if path and line.isdigit() else (origin, None)


def _read_all(
    paths: Sequence[str], *, published: date | None, max_chars: int, stdin: BinaryIO | None
) -> Iterator[Article | Rejection]:
    for name in paths:
        if name == STDIN:
            yield from read_stdin(stdin or sys.stdin.buffer, published=published, max_chars=max_chars)
            continue
        path = Path(name)
        if path.is_dir():
            files = list(iter_directory(path))
            if not files:
                yield reject(name, None, f"no {_suffix_list()} files in this directory")
            for file in files:
                yield from read_file(file, published=published, max_chars=max_chars)
        else:
            yield from read_file(path, published=published, max_chars=max_chars, explicit=True)


def iter_directory(root: Path) -> Iterator[Path]:
    """Files under ``root`` with a supported suffix, recursively, sorted; hidden entries skipped."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(
            Path(dirpath, f)
            for f in filenames
            if not f.startswith(".") and Path(f).suffix.lower() in SUPPORTED_SUFFIXES
        )
    yield from sorted(found)


def read_file(
    path: Path, *, published: date | None, max_chars: int, explicit: bool = False
) -> Iterator[Article | Rejection]:
    """The articles of one file, read by its suffix (``explicit``: named by the user, not in a directory)."""
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        if explicit and not path.exists():
            yield reject(origin, None, "no such file or directory")
        else:
            what = f"'{suffix}'" if suffix else "without a suffix"
            reason = f"unsupported file type {what} (expected {_suffix_list()} or a directory)"
            if suffix == ".parquet":  # what `newsgraph spark` writes
                reason += "; records extracted elsewhere are stored with `newsgraph ingest --extracted`"
            yield reject(origin, None, reason)
        return
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                yield from read_jsonl(stream, origin=origin, max_chars=max_chars, published=published)
            return
        size = path.stat().st_size
        if suffix in TEXT_SUFFIXES and size > 4 * max_chars + 4:  # a character takes 4 bytes at most
            yield reject(origin, None, f"too long: {size:,} bytes (the limit is {max_chars:,} characters)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield reject(origin, None, _os_reason(exc))
        return
    if not data.strip():
        yield reject(origin, None, "empty file")
    elif suffix in HTML_SUFFIXES:
        yield read_html(data, id=path.stem, origin=origin, max_chars=max_chars, published=published)
    else:
        yield read_text(data, id=path.stem, origin=origin, max_chars=max_chars, published=published)


def read_text(
    data: bytes, *, id: str, origin: str, max_chars: int, published: date | None = None
) -> Article | Rejection:
    """One plain-text article from raw bytes (decoded by :func:`~newsgraph.ingest.decode.decode_text`)."""
    try:
        text = decode_text(data)
    except UndecodableError as exc:
        return reject(origin, None, str(exc))
    return build_article(id=id, text=text, origin=origin, line=None, max_chars=max_chars, published=published)


def read_stdin(stream: BinaryIO, *, published: date | None, max_chars: int) -> Iterator[Article | Rejection]:
    """stdin: JSON Lines if the first non-blank line is a JSON object, else one plain-text article."""
    head: list[bytes] = []
    for raw in stream:
        head.append(raw)
        if raw.strip():
            break
    lines = itertools.chain(head, stream)
    if head and _is_json_object(head[-1]):
        yield from read_jsonl(lines, origin=STDIN, max_chars=max_chars, published=published)
        return
    data = b"".join(lines)
    if not data.strip():
        yield reject(STDIN, None, "empty input")
        return
    from newsgraph.api import content_id  # imported late: ingest sits upstream of the API

    try:
        text = decode_text(data)
    except UndecodableError as exc:
        yield reject(STDIN, None, str(exc))
        return
    yield build_article(
        id=content_id(text), text=text, origin=STDIN, line=None, max_chars=max_chars, published=published
    )


def _is_json_object(raw: bytes) -> bool:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(record, dict)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {exc.strerror or exc}"


def _suffix_list() -> str:
    return ", ".join(sorted(SUPPORTED_SUFFIXES))
