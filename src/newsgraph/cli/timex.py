"""``newsgraph timex``: every temporal expression of the inputs, normalised against the publication date.

Registered on the main app by :func:`register`. Inputs, rejections and exit status work as for
``newsgraph extract``: rejected inputs are reported on stderr, one line each, the rest is
processed, and the exit status is then 1 (2 for usage errors, 130 when interrupted).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli.options import (
    PROG,
    InputsArgument,
    ModelOption,
    PublishedOption,
    day_of,
    plural,
    settings_or_exit,
)
from newsgraph.cli.progress import Reporter
from newsgraph.config import Settings
from newsgraph.ingest import read_inputs
from newsgraph.records import Article

if TYPE_CHECKING:
    from newsgraph.extract.timex import Timex


class TimexFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def timex(
    inputs: InputsArgument,
    published: PublishedOption = None,
    output_format: Annotated[
        TimexFormat,
        typer.Option("--format", "-f", help="jsonl: one expression a line; table: for reading."),
    ] = TimexFormat.jsonl,
    model: ModelOption = None,
) -> None:
    """List every temporal expression (TIMEX3-style: type, value, first and last day, precision).

    JSON Lines: one {article_id, text, start, end, type, value, start_date, end_date,
    precision} object a line; start/end are character offsets into the article text.
    """
    settings = settings_or_exit(model=model)
    raise typer.Exit(run_timex(inputs, published=day_of(published), settings=settings, fmt=output_format))


def run_timex(inputs: Sequence[str], *, published: date | None, settings: Settings, fmt: TimexFormat) -> int:
    """Stream inputs through ingest, the nlp pipeline and the time normalizer; returns the exit status."""
    from newsgraph.nlp import build_nlp  # loading spaCy is slow: only when the command runs

    reporter = Reporter()
    articles = found = 0

    def summary() -> str:
        return (f"{plural(found, 'temporal expression')} from {plural(articles, 'article')}; "
                f"{plural(reporter.rejected, 'input')} rejected")

    console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    pairs = ((a.text, a) for a in reporter.articles(read_inputs(inputs, published=published, settings=settings)))
    with reporter, reporter.guard(summary):
        from newsgraph.extract.timex import find_timexes  # spaCy loads only to read articles

        nlp = build_nlp(settings.model)
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
            timexes = find_timexes(doc, article.published)
            articles += 1
            found += len(timexes)
            if fmt is TimexFormat.table:
                _print_table(console, article, timexes)
            else:
                for t in timexes:
                    sys.stdout.write(json.dumps(t.to_dict(article.id), ensure_ascii=False) + "\n")
                sys.stdout.flush()
            reporter.update(f"{summary()} (last: {article.id})")
    if reporter.exit_code is not None:
        return reporter.exit_code
    if fmt is TimexFormat.table:
        console.print(summary())
    else:
        reporter.message(f"{PROG}: {summary()}")
    return 1 if reporter.rejected else 0


def _print_table(console: Console, article: Article, timexes: list[Timex]) -> None:
    when = article.published.isoformat() if article.published else "no publication date"
    table = Table(title=f"{article.id} ({when})", title_justify="left", expand=True)
    for name in ("text", "type", "value", "start_date", "end_date", "precision", "offsets"):
        table.add_column(name, ratio=3 if name == "text" else 1)
    for t in timexes:
        table.add_row(
            t.text, t.type, t.value or "—", str(t.start_date or "—"), str(t.end_date or "—"),
            t.precision or "—", f"{t.start}–{t.end}",
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the ``timex`` command to the ``newsgraph`` app."""
    app.command(name="timex")(timex)
