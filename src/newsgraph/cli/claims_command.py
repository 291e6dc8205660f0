"""``newsgraph claims``: every "who says what" of news articles, as claim records (JSON Lines)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Annotated

import typer

from newsgraph.cli.options import (
    PROG,
    BatchSizeOption,
    ModelOption,
    PublishedOption,
    WorkersOption,
    day_of,
    fail,
    plural,
    settings_or_exit,
)
from newsgraph.cli.progress import Reporter
from newsgraph.config import Settings
from newsgraph.errors import NewsgraphError

OptionalInputs = Annotated[
    list[str] | None,
    typer.Argument(metavar="[INPUT]...", show_default=False,
                   help="Articles to read (as for extract); none with --db, which reads the stored claims."),
]


def claims(
    inputs: OptionalInputs = None,
    db: Annotated[str | None, typer.Option("--db", metavar="PATH",
                                           help="Read the claims stored by `ingest` instead of extracting.")] = None,
    source: Annotated[str | None, typer.Option(metavar="TEXT", help="With --db: the source's name or words "
                                               "contain TEXT (any case).")] = None,
    named: Annotated[bool | None, typer.Option("--named/--anonymous", help="With --db: named or anonymous "
                                               "sources only.", show_default=False)] = None,
    about: Annotated[str | None, typer.Option(metavar="ACTOR", help="With --db: an event inside the claim has "
                                              "this actor (name, or ISO country code).")] = None,
    limit: Annotated[int | None, typer.Option(min=1, metavar="N", help="With --db: at most N claims.")] = None,
    published: PublishedOption = None,
    model: ModelOption = None,
    batch_size: BatchSizeOption = None,
    workers: WorkersOption = None,
) -> None:
    """Print the claims of news articles (source, cue, content, form, stance, the events inside),
    one JSON record per line (../shared/contract/claims.md); with --db, the claims stored by
    `ingest`, filtered by source, named or anonymous, and actor.

    Rejected inputs are reported on stderr, one line each (path:line: reason), and the rest is
    processed; the exit status is then 1.
    """
    if db is not None:
        if inputs:
            fail("give either INPUT files or --db, not both", code=2)
        raise typer.Exit(stored_claims(db, source=source, named=named, about=about, limit=limit))
    if not inputs:
        fail("no INPUT given (or --db to read stored claims)", code=2)
    if source is not None or named is not None or about is not None or limit is not None:
        fail("--source, --named/--anonymous, --about and --limit filter stored claims: use them with --db", code=2)
    settings = settings_or_exit(model=model, batch_size=batch_size, workers=workers)
    raise typer.Exit(run_claims(inputs, published=day_of(published), settings=settings))


def stored_claims(db: str, *, source: str | None, named: bool | None, about: str | None, limit: int | None) -> int:
    """Write the stored claim records that match to stdout; returns the exit status."""
    from newsgraph.store import Store
    from newsgraph.store.queries import ClaimFilters, select_claims

    try:
        with Store(db, read_only=True) as store:
            n = 0
            for record in select_claims(store.conn, ClaimFilters(source=source, named=named, about=about,
                                                                  limit=limit)):
                n += 1
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    except NewsgraphError as exc:
        fail(str(exc), code=1)
    sys.stderr.write(f"{PROG}: {plural(n, 'claim')}\n")
    return 0


def run_claims(inputs: Sequence[str], *, published: date | None, settings: Settings) -> int:
    """Stream inputs through ingest, extraction and claim finding to stdout; returns the exit status."""
    from newsgraph.api import iter_claims
    from newsgraph.ingest import read_inputs

    reporter = Reporter()
    articles = claims = 0

    def summary() -> str:
        return (f"{plural(claims, 'claim')} from {plural(articles, 'article')}; "
                f"{plural(reporter.rejected, 'input')} rejected")

    inputs_read = reporter.articles(read_inputs(inputs, published=published, settings=settings))
    with reporter, reporter.guard(summary):
        for article, found in iter_claims(inputs_read, settings=settings, on_error=reporter.reject):
            articles += 1
            claims += len(found)
            for claim in found:
                sys.stdout.write(json.dumps(claim.to_dict(), ensure_ascii=False) + "\n")
            reporter.update(f"{summary()} (last: {article.id})")
    if reporter.exit_code is not None:
        return reporter.exit_code
    reporter.message(f"{PROG}: {summary()}")
    return 1 if reporter.rejected else 0


def register(app: typer.Typer) -> None:
    app.command("claims")(claims)
