"""``newsgraph claims``: every "who says what" of news articles, as claim records (JSON Lines)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from datetime import date

import typer

from newsgraph.cli.options import (
    PROG,
    BatchSizeOption,
    InputsArgument,
    ModelOption,
    PublishedOption,
    day_of,
    settings_or_exit,
)
from newsgraph.cli.progress import Reporter
from newsgraph.config import Settings
from newsgraph.errors import NewsgraphError
from newsgraph.records import Article, Rejection


def claims(
    inputs: InputsArgument,
    published: PublishedOption = None,
    model: ModelOption = None,
    batch_size: BatchSizeOption = None,
) -> None:
    """Print the claims of news articles (source, cue, content, form, stance, the events inside),
    one JSON record per line (../shared/contract/claims.md).

    Rejected inputs are reported on stderr, one line each (path:line: reason), and the rest is
    processed; the exit status is then 1.
    """
    settings = settings_or_exit(model=model, batch_size=batch_size, workers=None)
    raise typer.Exit(run_claims(inputs, published=day_of(published), settings=settings))


def run_claims(inputs: Sequence[str], *, published: date | None, settings: Settings) -> int:
    """Stream inputs through ingest, extraction and claim finding to stdout; returns the exit status."""
    from newsgraph.api import iter_claims
    from newsgraph.ingest import read_inputs

    reporter = Reporter()
    counts = {"articles": 0, "claims": 0, "rejected": 0}

    def accepted() -> Iterator[Article]:
        for item in read_inputs(inputs, published=published, settings=settings):
            if isinstance(item, Article):
                yield item
            else:
                failed(item)

    def failed(rejection: Rejection) -> None:
        counts["rejected"] += 1
        reporter.message(f"{PROG}: {rejection.message()}")

    def summary() -> str:
        return (f"{counts['claims']} claim{'' if counts['claims'] == 1 else 's'} from {counts['articles']} "
                f"article{'' if counts['articles'] == 1 else 's'}; {counts['rejected']} input"
                f"{'' if counts['rejected'] == 1 else 's'} rejected")

    with reporter:
        try:
            for article, found in iter_claims(accepted(), settings=settings, on_error=failed):
                counts["articles"] += 1
                counts["claims"] += len(found)
                for claim in found:
                    sys.stdout.write(json.dumps(claim.to_dict(), ensure_ascii=False) + "\n")
                reporter.update(f"{summary()} (last: {article.id})")
        except NewsgraphError as exc:
            reporter.message(f"{PROG}: error: {exc}")
            return 1
        except KeyboardInterrupt:
            reporter.message(f"{PROG}: interrupted ({summary()})")
            return 130
    reporter.message(f"{PROG}: {summary()}")
    return 1 if counts["rejected"] else 0


def register(app: typer.Typer) -> None:
    app.command("claims")(claims)
