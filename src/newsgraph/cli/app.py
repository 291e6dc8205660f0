"""The ``newsgraph`` command line: thin commands that parse, validate and call the library.

Exit status: 0 when every input was used; 1 when an input was rejected or the
run failed (a clean one-line message, never a traceback, for newsgraph's own
errors); 2 for usage errors (bad options, bad NEWSGRAPH_* settings); 130 when
interrupted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import Annotated

import typer
from rich.console import Console

from newsgraph import __version__
from newsgraph.cli.options import (
    PROG,
    BatchSizeOption,
    InputsArgument,
    MinConfidenceOption,
    ModelOption,
    PublishedOption,
    WorkersOption,
    day_of,
    settings_or_exit,
)
from newsgraph.cli.progress import Reporter, count_articles
from newsgraph.cli.render import Counts, OutputFormat, make_renderer
from newsgraph.config import Settings
from newsgraph.ingest import read_inputs

TABLE_WIDTH = 160  # columns for tables written to a file or a pipe (no terminal to measure)

app = typer.Typer(
    name=PROG,
    help="Sourced, time-aware event data from news articles: who did what to whom, when, where, "
    "with what, and according to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def cli(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Sourced, time-aware event data from news articles."""


@app.command()
def extract(
    inputs: InputsArgument,
    published: PublishedOption = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="jsonl: one event a line; json: one array; table: for reading; "
                     "records: one article a line with its events and claims (for ingest --extracted)."),
    ] = OutputFormat.jsonl,
    model: ModelOption = None,
    batch_size: BatchSizeOption = None,
    workers: WorkersOption = None,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Extract PLOVER event records from news articles.

    Rejected inputs are reported on stderr, one line each (path:line: reason), and
    the rest is processed; the exit status is then 1.
    """
    settings = settings_or_exit(model=model, batch_size=batch_size, workers=workers)
    code = run_extract(inputs, published=day_of(published), settings=settings, fmt=output_format,
                       min_confidence=min_confidence)
    raise typer.Exit(code)


def run_extract(
    inputs: Sequence[str],
    *,
    published: date | None,
    settings: Settings,
    fmt: OutputFormat,
    min_confidence: float | None = None,
) -> int:
    """Stream inputs through ingest and extraction into the chosen format (only events with at least
    ``min_confidence`` when given); returns the exit status."""
    counts = Counts()
    stdout = Console(highlight=False, width=None if sys.stdout.isatty() else _table_width())
    renderer = make_renderer(fmt, sys.stdout, stdout)
    reporter = Reporter()

    def summary() -> str:
        counts.rejected = reporter.rejected
        return counts.summary()

    articles = reporter.articles(read_inputs(inputs, published=published, settings=settings))
    if reporter.enabled:  # a terminal: a bar with the total and the time left
        reporter.total = count_articles(inputs)
    with reporter, reporter.guard(summary):
        reporter.update("loading the language model…", now=True)
        from newsgraph.api import iter_extracted  # spaCy loads here, not for --help or store queries

        for article, found, claims in iter_extracted(articles, settings=settings, on_error=reporter.reject):
            events = [e for e in found if min_confidence is None or e.confidence >= min_confidence]
            counts.articles += 1
            counts.events += len(events)
            renderer.article(article, events, claims)
            reporter.update(f"{summary()} (last: {article.id})", advance=1)
    counts.rejected = reporter.rejected
    renderer.close(counts)  # also after a failure: what was written stays well-formed
    if reporter.exit_code is not None:
        return reporter.exit_code
    if fmt is not OutputFormat.table:
        reporter.message(f"{PROG}: {counts.summary()}")
    return 1 if reporter.rejected else 0


def _table_width() -> int:
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        return TABLE_WIDTH



def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point (``newsgraph``, ``python -m newsgraph``)."""
    app(args=list(argv) if argv is not None else None, prog_name=PROG)


# Store commands (ingest, events, actor, clusters) live in their own module.
from newsgraph.cli import store_commands as _store_commands  # noqa: E402

_store_commands.register(app)

# The web explorer (`serve`) lives in its own module.
from newsgraph.cli import serve_command as _serve_command  # noqa: E402

_serve_command.register(app)

# Exports (`export`) live in their own module.
from newsgraph.cli import export_command as _export_command  # noqa: E402

_export_command.register(app)

# Temporal expressions (`timex`) live in their own module.
from newsgraph.cli import timex as _timex  # noqa: E402

_timex.register(app)

# Claims (`claims`) live in their own module.
from newsgraph.cli import claims_command as _claims_command  # noqa: E402

_claims_command.register(app)

# Extraction on Spark (`spark`, the optional `spark` extra) lives in its own module.
from newsgraph.cli import spark_command as _spark_command  # noqa: E402

_spark_command.register(app)
