"""Output formats of ``newsgraph extract``: JSON Lines, a JSON array, or Rich tables.

Every renderer streams: it is given one article and its events at a time and
writes them at once, so memory does not grow with the number of articles.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.cli.options import plural
from newsgraph.records import ActorMention, Article, Claim, ClaimSource, Event

EVIDENCE_CHARS = 400  # longer evidence is shortened around its trigger in tables


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    records = "records"


@dataclass(slots=True)
class Counts:
    articles: int = 0
    events: int = 0
    rejected: int = 0

    def summary(self) -> str:
        return (
            f"{plural(self.events, 'event')} from {plural(self.articles, 'article')}; "
            f"{plural(self.rejected, 'input')} rejected"
        )


class Renderer(Protocol):
    def article(self, article: Article, events: list[Event], claims: Sequence[Claim] = ()) -> None: ...

    def close(self, counts: Counts) -> None:
        """Finish the output (also after an error, so what was written stays well-formed)."""


class JsonlRenderer:
    """One ``event.to_dict()`` a line."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def article(self, article: Article, events: list[Event], claims: Sequence[Claim] = ()) -> None:
        for event in events:
            self.out.write(_dumps(event.to_dict()) + "\n")
        self.out.flush()

    def close(self, counts: Counts) -> None:
        self.out.flush()


class JsonRenderer:
    """One JSON array of events, written element by element."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.started = False

    def article(self, article: Article, events: list[Event], claims: Sequence[Claim] = ()) -> None:
        for event in events:
            self.out.write(",\n" if self.started else "[\n")
            self.out.write(textwrap.indent(_dumps(event.to_dict(), indent=2), "  "))
            self.started = True
        self.out.flush()

    def close(self, counts: Counts) -> None:
        self.out.write("\n]\n" if self.started else "[]\n")
        self.out.flush()


class RecordsRenderer:
    """One article a line with its events and claim records, ``{"article", "events", "claims"}``:
    what ``newsgraph ingest --extracted`` stores without NLP."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def article(self, article: Article, events: list[Event], claims: Sequence[Claim] = ()) -> None:
        record = {"article": article.to_dict(), "events": [e.to_dict() for e in events],
                  "claims": [c.to_dict() for c in claims]}
        self.out.write(_dumps(record) + "\n")
        self.out.flush()

    def close(self, counts: Counts) -> None:
        self.out.flush()


class TableRenderer:
    """A Rich table per article for a reader, and the count summary at the end."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def article(self, article: Article, events: list[Event], claims: Sequence[Claim] = ()) -> None:
        heading = _heading(article)
        if not events:
            self.console.print(heading.append("  no events", style="dim"))
            self.console.print()
            return
        table = Table(title=heading, title_justify="left", show_lines=True, expand=True)
        table.add_column("#", justify="right", style="dim", no_wrap=True)
        table.add_column("event", no_wrap=True)
        table.add_column("source → target", ratio=2)
        table.add_column("items", ratio=2)
        table.add_column("when / where", ratio=2)
        table.add_column("according to", ratio=2)
        table.add_column("evidence (trigger underlined)", ratio=5)
        numbers = {event.id: number for number, event in enumerate(events, start=1)}
        for number, event in enumerate(events, start=1):
            cell = event_cell(event)
            if event.exchange_with in numbers:
                cell.append(f"\n⇄ exchange with #{numbers[event.exchange_with or '']}", style="cyan")
            table.add_row(
                str(number),
                cell,
                actors_cell(event),
                Text(printable("\n".join(_item(i.text, i.category, i.quantity) for i in event.items) or "—")),
                when_where_cell(event),
                Text(printable("\n".join(_claim_source(c) for c in event.attribution) or "—")),
                evidence_cell(event),
            )
        self.console.print(table)
        for line in exchange_lines(events, numbers):
            self.console.print(line)
        self.console.print()

    def close(self, counts: Counts) -> None:
        self.console.print(counts.summary())


def make_renderer(fmt: OutputFormat, out: TextIO, console: Console) -> Renderer:
    if fmt is OutputFormat.jsonl:
        return JsonlRenderer(out)
    if fmt is OutputFormat.json:
        return JsonRenderer(out)
    if fmt is OutputFormat.records:
        return RecordsRenderer(out)
    return TableRenderer(console)


# --- table cells --------------------------------------------------------------------------------

_STATUS_STYLES = {"asserted": "green", "negated": "red", "hypothetical": "magenta"}


def event_cell(event: Event) -> Text:
    cell = Text(event.type, style="bold")
    if event.mode:
        cell.append(f" ({event.mode})")
    cell.append("\n")
    cell.append(event.status, style=_STATUS_STYLES.get(event.status, "yellow"))
    cell.append(f"\nconfidence {event.confidence:.2f}", style="dim")
    return cell


def actors_cell(event: Event) -> Text:
    arrow = " ↔ " if event.symmetric else " → "
    source = ", ".join(_actor(m) for m in event.source) or "—"
    target = ", ".join(_actor(m) for m in event.target) or "—"
    return Text(printable(source + arrow + target))


def exchange_lines(events: list[Event], numbers: dict[str, int]) -> list[Text]:
    """One line per quid pro quo: "exchange #3 ⇄ #5: PRK → RUS artillery shells ⇄ RUS → PRK technology"."""
    by_id = {e.id: e for e in events}
    lines: list[Text] = []
    for event in events:
        other = by_id.get(event.exchange_with or "")
        if other is None or numbers[event.id] > numbers[other.id]:
            continue
        halves = []
        for half in (event, other):
            sides = " → ".join(", ".join(m.actor.country or m.actor.name for m in side) or "—"
                               for side in (half.source, half.target))
            halves.append(f"{sides}: {', '.join(i.text for i in half.items)} ({half.status})")
        line = Text(f"exchange #{numbers[event.id]} ⇄ #{numbers[other.id]}: ", style="cyan")
        line.append("  ⇄  ".join(halves))
        lines.append(line)
    return lines


def when_where_cell(event: Event) -> Text:
    lines: list[str] = []
    if event.time is not None:
        time = event.time
        span = ""
        if time.start is not None:
            end = f"..{time.end.isoformat()}" if time.end is not None and time.end != time.start else ""
            span = f" [{time.start.isoformat()}{end}]"
        lines.append(f"{time.text}{span}")
    if event.location is not None:
        place = event.location
        country = f" ({place.country})" if place.country else ""
        facility = f"{place.facility}, " if place.facility and place.facility != place.name else ""
        lines.append(f"in {facility}{place.name}{country}")
    if event.route:
        lines.append("via " + ", ".join(p.name for p in event.route))
    return Text(printable("\n".join(lines) or "—"))


def evidence_cell(event: Event) -> Text:
    """The evidence text with the trigger underlined, shortened around it when long."""
    text = printable(event.evidence.text)
    start = event.trigger.start - event.evidence.start
    end = event.trigger.end - event.evidence.start
    if not (0 <= start <= end <= len(text)) or text[start:end] != printable(event.trigger.text):
        return Text(_shorten(text)).append(f"\n[trigger: {printable(event.trigger.text)}]", style="dim")
    prefix, suffix = "", ""
    if len(text) > EVIDENCE_CHARS:
        left = max(0, start - EVIDENCE_CHARS // 2)
        right = min(len(text), max(end, left + EVIDENCE_CHARS))
        prefix, suffix = ("…" if left else ""), ("…" if right < len(text) else "")
        text, start, end = text[left:right], start - left, end - left
    cell = Text(prefix + text[:start])
    cell.append(text[start:end], style="bold underline")
    cell.append(text[end:] + suffix)
    return cell


def _heading(article: Article) -> Text:
    heading = Text(printable(article.id), style="bold")
    if article.title:
        heading.append(f"  {printable(article.title)}")
    details = [d for d in (article.source, article.published and article.published.isoformat()) if d]
    details.append(article.origin)
    heading.append(printable("  (" + ", ".join(details) + ")"), style="dim")
    return heading


def _actor(mention: ActorMention) -> str:
    actor = mention.actor
    code = f" [{actor.country}]" if actor.country else ""
    return f"{actor.name}{code}"


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters (terminal escapes among them) shown as U+FFFD, one for one,
    so article text can never drive the reader's terminal; newlines and tabs stay."""
    return _CONTROL.sub("\ufffd", text)


def _item(text: str, category: str, quantity: str | None) -> str:
    return f"{text} ({category}, {quantity})" if quantity else f"{text} ({category})"


def _claim_source(claim: ClaimSource) -> str:
    country = f" [{claim.country}]" if claim.country else ""
    basis = f" ({claim.basis})" if claim.basis not in ("statement", "unknown") else ""
    return f"{claim.name}{country}{basis}"


def _shorten(text: str) -> str:
    return text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 1] + "…"


def _dumps(record: dict[str, Any], indent: int | None = None) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


