"""A progress line on stderr for long runs, and the one-line messages printed around it.

The progress line appears only when stderr is a terminal, and only once a run has
taken longer than :data:`DELAY` seconds (or at once for a known slow step: "loading the
language model…"), so short runs and redirected output stay clean. When the number of
articles is known beforehand (:func:`count_articles`: files and directories, not standard
input) it is a bar with the count done, the total, the rate and the time left; else a spinner
with the time elapsed. While it shows, messages go through its console so they are printed
above it rather than through it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from newsgraph.cli.options import PROG
from newsgraph.errors import NewsgraphError
from newsgraph.records import Article, Rejection

DELAY = 1.0  # seconds before the spinner appears


class _RateColumn(ProgressColumn):
    """Articles per second, once Rich has measured a rate."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} articles/s" if task.speed else "")


class Reporter:
    """Messages and (for long runs on a terminal) a live count of the work done."""

    def __init__(self, *, enabled: bool | None = None, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True, highlight=False, soft_wrap=True)
        self.enabled = self.console.is_terminal if enabled is None else enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._started = time.monotonic()
        self.rejected = 0  # inputs rejected (``reject``)
        self.exit_code: int | None = None  # set when ``guard`` ends a run early
        self.total: int | None = None  # articles expected, when known (a bar with the time left)
        self.done = 0  # articles (and rejections) read so far

    def __enter__(self) -> Reporter:
        self._started = time.monotonic()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def reject(self, rejection: Rejection) -> None:
        """Count a rejected input and name it on stderr."""
        self.rejected += 1
        self.done += 1
        self.message(f"{PROG}: {rejection.message()}")

    def articles(self, items: Iterable[Article | Rejection]) -> Iterator[Article]:
        """The articles of an input stream; its rejections are counted and named (``reject``)."""
        for item in items:
            if isinstance(item, Article):
                yield item
            else:
                self.reject(item)

    @contextmanager
    def guard(self, interrupted: Callable[[], str]) -> Iterator[None]:
        """A command's run: an error or an interrupt ends it with a message (``interrupted()`` says
        what was done) and sets :attr:`exit_code` to 1 or 130, never a traceback."""
        try:
            yield
        except NewsgraphError as exc:
            self.message(f"{PROG}: error: {exc}")
            self.exit_code = 1
        except KeyboardInterrupt:
            self.message(f"{PROG}: interrupted ({interrupted()})")
            self.exit_code = 130

    def message(self, line: str) -> None:
        """One line on stderr, as is (no markup)."""
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr, flush=True)

    def update(self, description: str, *, advance: int = 0, now: bool = False) -> None:
        """Show ``description`` on the progress line, ``advance`` articles more done (starting the
        line once the run is long enough, or at once with ``now``)."""
        self.done += advance
        if not self.enabled:
            return
        if self._progress is None:
            if not now and time.monotonic() - self._started < DELAY:
                return
            self._start(description)
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=description, completed=self.done)

    def _start(self, description: str = "extracting") -> None:
        columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}")]
        if self.total is not None:  # "[####    ] 120/949 · 14.2 articles/s · 0:00:58 left"
            columns += [BarColumn(), MofNCompleteColumn(), _RateColumn(), TimeRemainingColumn()]
        else:
            columns.append(TimeElapsedColumn())
        self._progress = Progress(
            *columns,
            console=self.console,
            transient=True,
            # Output written to stdout goes above the spinner when both are the terminal;
            # redirected stdout must never be captured.
            redirect_stdout=sys.stdout.isatty(),
            redirect_stderr=False,
        )
        self._task = self._progress.add_task(description, total=self.total, completed=self.done)
        self._progress.start()


def count_articles(paths: Iterable[str]) -> int | None:
    """How many articles ``paths`` hold, counted cheaply (lines of JSON Lines files, other files one
    each, directories walked), for a progress bar's total; None when standard input is among them."""
    from newsgraph.ingest.files import JSONL_SUFFIXES, STDIN, SUPPORTED_SUFFIXES, iter_directory

    total = 0
    for name in paths:
        if name == STDIN:
            return None
        path = Path(name)
        for file in iter_directory(path) if path.is_dir() else [path]:
            if file.suffix.lower() not in JSONL_SUFFIXES:
                total += 1 if file.suffix.lower() in SUPPORTED_SUFFIXES or not path.is_dir() else 0
                continue
            try:
                with file.open("rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            except OSError:
                total += 1  # read (and rejected) as one input
    return total
