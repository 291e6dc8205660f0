"""A progress line on stderr for long runs, and the one-line messages printed around it.

The spinner appears only when stderr is a terminal, and only once a run has
taken longer than :data:`DELAY` seconds, so short runs and redirected output
stay clean. While it shows, messages go through its console so they are
printed above it rather than through it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from types import TracebackType

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

from newsgraph.cli.options import PROG
from newsgraph.errors import NewsgraphError
from newsgraph.records import Article, Rejection

DELAY = 1.0  # seconds before the spinner appears


class Reporter:
    """Messages and (for long runs on a terminal) a live count of the work done."""

    def __init__(self, *, enabled: bool | None = None) -> None:
        self.console = Console(stderr=True, highlight=False, soft_wrap=True)
        self.enabled = self.console.is_terminal if enabled is None else enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._started = time.monotonic()
        self.rejected = 0  # inputs rejected (``reject``)
        self.exit_code: int | None = None  # set when ``guard`` ends a run early

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

    def update(self, description: str) -> None:
        """Show ``description`` on the progress line (starting it once the run is long enough)."""
        if not self.enabled:
            return
        if self._progress is None:
            if time.monotonic() - self._started < DELAY:
                return
            self._start()
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=description)

    def _start(self) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
            # Output written to stdout goes above the spinner when both are the terminal;
            # redirected stdout must never be captured.
            redirect_stdout=sys.stdout.isatty(),
            redirect_stderr=False,
        )
        self._task = self._progress.add_task("extracting", total=None)
        self._progress.start()
