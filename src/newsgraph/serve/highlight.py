"""Article text cut into pieces for templates: plain text runs and the marks around them.

Offsets come from the event records (evidence and trigger) or are found by
looking for a mention's text inside its evidence (actors, items, time, place:
the contract keeps their text, not their offsets).  The output is a flat list
of tokens: ``text`` runs, ``open`` and ``close`` of a mark.  Templates print the
text runs through Jinja's autoescape; nothing here produces HTML, so untrusted
article text can never become markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

# Inner marks of one evidence span, in the order they claim text when two would overlap.
MARK_KINDS: tuple[str, ...] = ("evidence", "trigger", "source", "target", "item", "time", "place")
_RANK = {kind: i for i, kind in enumerate(MARK_KINDS)}
EXCERPT_CONTEXT = 200  # characters of text kept on each side of an evidence span in excerpts


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """A link shown right after a mark closes (e.g. the clusters an evidence span belongs to)."""

    label: str
    href: str
    status: str = ""
    title: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Mark:
    """A span of the article text to highlight; ``end`` is exclusive."""

    start: int
    end: int
    kind: str
    title: str = ""
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Token:
    """One piece of the rendered text: ``op`` is "text", "open" or "close"."""

    op: str
    text: str = ""
    kind: str = ""
    title: str = ""
    links: tuple[Link, ...] = ()


def tokenize(text: str, marks: Iterable[Mark], *, start: int = 0, end: int | None = None) -> list[Token]:
    """Cut ``text[start:end]`` into text runs and properly nested marks.

    Marks are clipped to the window; a mark that crosses the end of an enclosing
    one is clipped to it, so the result always nests.  Empty marks are dropped.
    """
    stop = len(text) if end is None else min(end, len(text))
    begin = max(0, start)
    clipped = [
        replace(m, start=max(m.start, begin), end=min(m.end, stop))
        for m in marks
        if min(m.end, stop) > max(m.start, begin)
    ]
    clipped.sort(key=lambda m: (m.start, -m.end, _RANK.get(m.kind, len(_RANK))))
    out: list[Token] = []
    stack: list[Mark] = []
    pos = begin

    def emit(upto: int) -> None:
        nonlocal pos
        if upto > pos:
            out.append(Token(op="text", text=text[pos:upto]))
            pos = upto

    def close_until(limit: int) -> None:
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            emit(top.end)
            out.append(Token(op="close", kind=top.kind, links=top.links))

    for mark in clipped:
        close_until(mark.start)
        if stack and mark.end > stack[-1].end:
            mark = replace(mark, end=stack[-1].end)
        if mark.end <= mark.start:
            continue
        emit(mark.start)
        out.append(Token(op="open", kind=mark.kind, title=mark.title))
        stack.append(mark)
    close_until(stop)
    emit(stop)
    return out


def locate(text: str, needle: str, lo: int, hi: int, taken: Sequence[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """First whole-word occurrence of ``needle`` in ``text[lo:hi]`` that overlaps no taken span."""
    needle = needle.strip()
    if not needle:
        return None
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    for match in pattern.finditer(text, lo, hi):
        s, e = match.span()
        if all(e <= ts or s >= te for ts, te in taken):
            return s, e
    return None


def record_marks(text: str, record: dict[str, Any], *, evidence: bool = True) -> list[Mark]:
    """Marks for one event record: its evidence and trigger (by offset) and the mentions inside.

    Actors are marked at their offsets (older records without them: by their text); items,
    time and place are found by their text inside the evidence span;
    a mention whose text is not there is left unmarked rather than guessed elsewhere.
    """
    ev = record.get("evidence") or {}
    lo, hi = _span(text, ev)
    if lo is None or hi is None:
        return []
    marks: list[Mark] = []
    if evidence:
        marks.append(Mark(start=lo, end=hi, kind="evidence", title=_event_title(record)))
    taken: list[tuple[int, int]] = []
    ts, te = _span(text, ev.get("trigger") or {})
    if ts is not None and te is not None:
        marks.append(Mark(start=ts, end=te, kind="trigger", title=f"trigger: {record.get('type', '')}"))
        taken.append((ts, te))
    wanted: list[tuple[str, str, str]] = []
    for role in ("source", "target"):
        for actor in record.get(role) or []:
            title = f"{role}: {actor.get('name') or ''}"
            start, end = _span(text, actor)  # records since 0.1 carry the actor's offsets
            if start is not None and end is not None and lo <= start < end <= hi and (
                text[start:end] == actor.get("text")
            ):
                if all(end <= a or start >= b for a, b in taken):
                    marks.append(Mark(start=start, end=end, kind=role, title=title))
                    taken.append((start, end))
                continue
            wanted.append((role, str(actor.get("text") or ""), title))
    for item in record.get("items") or []:
        wanted.append(("item", str(item.get("text") or ""), f"item: {item.get('category') or ''}"))
    time = record.get("time") or {}
    if time.get("text"):
        when = " – ".join(str(v) for v in (time.get("start"), time.get("end")) if v)
        wanted.append(("time", str(time["text"]), f"time: {when or 'unresolved'}"))
    place = record.get("location") or {}
    if place.get("text"):
        wanted.append(("place", str(place["text"]), f"place: {place.get('name') or ''}"))
    for kind, needle, title in wanted:
        found = locate(text, needle, lo, hi, taken)
        if found is not None:
            marks.append(Mark(start=found[0], end=found[1], kind=kind, title=title))
            taken.append(found)
    return marks


def excerpt_bounds(text: str, start: int, end: int, *, context: int = EXCERPT_CONTEXT) -> tuple[int, int]:
    """A window around ``[start, end)`` widened by ``context`` characters, cut at whitespace and
    never reaching into another paragraph."""
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    newline = text.rfind("\n", lo, start)  # stay inside the evidence's paragraph
    lo = newline + 1 if newline != -1 else lo
    newline = text.find("\n", end, hi)
    hi = newline if newline != -1 else hi
    return lo, hi


def _span(text: str, span: dict[str, Any]) -> tuple[int | None, int | None]:
    """Offsets of a contract span, or (None, None) when they do not fit the text."""
    try:
        s, e = int(span["start"]), int(span["end"])
    except (KeyError, TypeError, ValueError):
        return None, None
    if not 0 <= s < e <= len(text):
        return None, None
    return s, e


def _event_title(record: dict[str, Any]) -> str:
    names = [
        " & ".join(str(a.get("name") or a.get("text") or "?") for a in record.get(role) or []) or "?"
        for role in ("source", "target")
    ]
    return f"{record.get('type', '')} ({record.get('status', '')}): {names[0]} → {names[1]}"
