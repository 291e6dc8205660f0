"""The progress line of long runs: a bar with the total and the time left when the inputs are counted."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from newsgraph.cli.progress import Reporter, count_articles


def terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=120, color_system=None), out


def test_a_known_total_shows_a_bar_with_the_count_and_the_time_left() -> None:
    console, out = terminal()
    reporter = Reporter(enabled=True, console=console)
    reporter.total = 40
    with reporter:
        reporter.update("loading the language model…", now=True)
        for _ in range(10):
            reporter.update("extracting", advance=1)
        assert reporter._progress is not None
        reporter._progress.refresh()
        task = reporter._progress.tasks[0]
        assert (task.total, task.completed) == (40, 10)
    shown = out.getvalue()
    assert "loading the language model" in shown  # shown at once, before the model has loaded
    last = shown.split("10/40", 1)[1]
    assert "articles/s" in last and ":" in last  # the rate and the time left follow the count


def test_without_a_total_a_spinner_shows_the_time_elapsed() -> None:
    console, out = terminal()
    reporter = Reporter(enabled=True, console=console)
    with reporter:
        reporter.update("extracting", advance=3, now=True)
        assert reporter._progress is not None
        assert reporter._progress.tasks[0].total is None
    assert "extracting" in out.getvalue() and "/" not in out.getvalue()


def test_a_redirected_run_shows_no_progress_line() -> None:
    out = io.StringIO()
    reporter = Reporter(console=Console(file=out, force_terminal=False))
    with reporter:
        reporter.update("extracting", advance=1, now=True)
    assert reporter._progress is None and out.getvalue() == ""


def test_articles_are_counted_from_files_lines_and_directories(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}\n', encoding="utf-8")
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "one.txt").write_text("text", encoding="utf-8")
    (folder / "two.html").write_text("<p>text</p>", encoding="utf-8")
    (folder / "skip.csv").write_text("a,b", encoding="utf-8")
    assert count_articles([str(tmp_path / "a.jsonl"), str(folder)]) == 4
    assert count_articles([str(tmp_path / "a.jsonl"), "-"]) is None
