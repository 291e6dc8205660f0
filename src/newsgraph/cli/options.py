"""Options shared by the commands that read articles (``extract``, ``ingest``, ``timex``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, NoReturn

import typer

from newsgraph.config import DEFAULT_MODEL, Settings
from newsgraph.errors import ConfigError

PROG = "newsgraph"

InputsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="INPUT",
        help="A .txt, .html/.htm or .jsonl file, a directory of them (read recursively), "
        "or - for stdin (JSON Lines if its first line is a JSON object, else plain text).",
        show_default=False,
    ),
]
PublishedOption = Annotated[
    datetime | None,
    typer.Option(
        formats=["%Y-%m-%d"],
        metavar="YYYY-MM-DD",
        help="Publication date for inputs that carry none (relative times are resolved against it).",
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        metavar="NAME",
        help=f"spaCy model package or path (default: $NEWSGRAPH_MODEL, else {DEFAULT_MODEL}).",
        show_default=False,
    ),
]
BatchSizeOption = Annotated[
    int | None,
    typer.Option(
        min=1,
        metavar="N",
        help=f"Articles per spaCy batch (default: $NEWSGRAPH_BATCH_SIZE, else {Settings().batch_size}).",
        show_default=False,
    ),
]


WorkersOption = Annotated[
    int | None,
    typer.Option(
        min=1,
        metavar="N",
        help="Extraction processes (default: $NEWSGRAPH_WORKERS, else auto: 1 for fewer than 200 articles, "
        "else the cores, at most 4); each loads the model (~1 GB).",
        show_default=False,
    ),
]


MinConfidenceOption = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        metavar="P",
        help="Only events whose confidence is at least P (0–1; default: every event). Confidence is the "
        "rules' own score, not a calibrated probability: see README, Limits.",
        show_default=False,
    ),
]


def settings_or_exit(*, model: str | None, batch_size: int | None = None, workers: int | None = None) -> Settings:
    """Settings from the environment and flags; a bad value is a usage error (exit 2)."""
    try:
        return Settings.from_env(model=model, batch_size=batch_size, workers=workers)
    except (ValueError, TypeError, ConfigError) as exc:
        typer.echo(f"{PROG}: error: invalid setting (check the NEWSGRAPH_* environment variables): {exc}", err=True)
        raise typer.Exit(2) from None


def day_of(published: datetime | None) -> date | None:
    return published.date() if published is not None else None


def fail(message: str, *, code: int) -> NoReturn:
    """One clean error line on stderr, then exit with ``code``."""
    typer.echo(f"{PROG}: error: {message}", err=True)
    raise typer.Exit(code)


def plural(n: int, word: str) -> str:
    """ "1 event", "2 events"."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
