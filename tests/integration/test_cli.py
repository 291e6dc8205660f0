"""`newsgraph extract` end to end: the real model, every input kind, every format, bad input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph import __version__
from newsgraph.api import content_id
from newsgraph.cli.app import app
from newsgraph.ingest import read_inputs
from newsgraph.records import Article

FIXTURES = Path(__file__).parents[1] / "fixtures"
ARTICLES = FIXTURES / "articles"
MIXED = FIXTURES / "bad" / "mixed.jsonl"
SEED = Path(__file__).parents[2] / "../shared" / "seed" / "articles.jsonl"

NOT_ENGLISH = "not English (identified as 'fr' with probability 1.00; English 0.00)"
SUMMARY = re.compile(r"(\d+) events? from (\d+) articles?; (\d+) inputs? rejected")


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, input: str | bytes | None = None) -> Any:
    result = runner.invoke(app, list(args), input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def texts_of(*paths: Path) -> dict[str, str]:
    """The article texts the CLI sees (for HTML: the extracted text), by id."""
    return {a.id: a.text for a in read_inputs([str(p) for p in paths]) if isinstance(a, Article)}


def jsonl(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def check_events(events: list[dict[str, Any]], texts: dict[str, str]) -> None:
    """The contract every event keeps: its article is known and its offsets index that text."""
    for event in events:
        assert event["schema_version"] == 1
        text = texts[event["article_id"]]
        evidence = event["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]
        trigger = evidence["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]


def summary(stream: str) -> tuple[int, int, int]:
    match = SUMMARY.search(stream)
    assert match, stream
    events, articles, rejected = (int(g) for g in match.groups())
    return events, articles, rejected


# --- usage --------------------------------------------------------------------------------------


def test_version(runner: CliRunner) -> None:
    result = invoke(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"newsgraph {__version__}"


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["extract"],
        ["extract", str(ARTICLES), "--published", "04/09/2023"],
        ["extract", str(ARTICLES), "--format", "xml"],
        ["extract", str(ARTICLES), "--batch-size", "0"],
        ["extract", str(ARTICLES), "--no-such-option"],
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    result = invoke(runner, *args)
    assert result.exit_code == 2
    assert result.stdout == "" or "Usage" in result.stdout


def test_bad_environment_setting_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", str(ARTICLES)], env={"NEWSGRAPH_BATCH_SIZE": "many"})
    assert result.exit_code == 2
    assert result.stderr.startswith("newsgraph: error: invalid setting")


def test_library_error_is_one_clean_line(runner: CliRunner) -> None:
    result = invoke(runner, "extract", str(ARTICLES / "supply.txt"), "--model", "no_such_model_xyz")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("newsgraph: error: ") and "no_such_model_xyz" in lines[0]


# --- every input kind ---------------------------------------------------------------------------


def test_txt(runner: CliRunner) -> None:
    path = ARTICLES / "supply.txt"
    result = invoke(runner, "extract", str(path), "--published", "2024-03-05")
    assert result.exit_code == 0, result.stderr
    events = jsonl(result.stdout)
    check_events(events, texts_of(path))
    assert {e["article_id"] for e in events} == {"supply"}
    assert summary(result.stderr) == (len(events), 1, 0)


def test_min_confidence_keeps_only_the_surer_events(runner: CliRunner) -> None:
    path = ARTICLES / "supply.txt"
    every = jsonl(invoke(runner, "extract", str(path), "--published", "2024-03-05").stdout)
    scores = sorted({e["confidence"] for e in every})
    assert len(scores) >= 2, "the fixture's events should differ in confidence"
    threshold = f"{(scores[0] + scores[-1]) / 2:.3f}"
    result = invoke(runner, "extract", str(path), "--published", "2024-03-05", "--min-confidence", threshold)
    assert result.exit_code == 0, result.stderr
    sure = jsonl(result.stdout)
    assert [e["id"] for e in sure] == [e["id"] for e in every if e["confidence"] >= float(threshold)]
    assert 0 < len(sure) < len(every)
    assert summary(result.stderr)[0] == len(sure)
    assert invoke(runner, "extract", str(path), "--min-confidence", "2").exit_code == 2


def test_jsonl(runner: CliRunner) -> None:
    path = ARTICLES / "wire.jsonl"
    result = invoke(runner, "extract", str(path))
    assert result.exit_code == 0, result.stderr
    events = jsonl(result.stdout)
    check_events(events, texts_of(path))
    assert {e["article_id"] for e in events} <= {"wire-1", "wire-2"}
    assert summary(result.stderr)[1:] == (2, 0)
    assert "\\u" not in result.stdout  # ensure_ascii=False: "Kyiv’s" stays as written


def test_html(runner: CliRunner) -> None:
    path = ARTICLES / "sub" / "talks.html"
    result = invoke(runner, "extract", str(path))
    assert result.exit_code == 0, result.stderr
    events = jsonl(result.stdout)
    check_events(events, texts_of(path))  # offsets index the extracted text
    assert {e["article_id"] for e in events} <= {"talks"}


def test_directory_as_json(runner: CliRunner) -> None:
    result = invoke(runner, "extract", str(ARTICLES), "--format", "json", "--published", "2024-03-05")
    assert result.exit_code == 0, result.stderr
    events = json.loads(result.stdout)
    assert isinstance(events, list)
    check_events(events, texts_of(ARTICLES))
    assert summary(result.stderr) == (len(events), 4, 0)
    assert events, "no event found in any of the fixture articles"


def test_directory_as_jsonl_matches_json(runner: CliRunner) -> None:
    as_json = json.loads(invoke(runner, "extract", str(ARTICLES), "-f", "json").stdout)
    as_jsonl = jsonl(invoke(runner, "extract", str(ARTICLES), "-f", "jsonl").stdout)
    assert as_json == as_jsonl


def test_output_is_stable(runner: CliRunner) -> None:
    first = invoke(runner, "extract", str(ARTICLES)).stdout
    assert invoke(runner, "extract", str(ARTICLES)).stdout == first


def test_table(runner: CliRunner) -> None:
    result = invoke(runner, "extract", str(ARTICLES), "--format", "table", "--published", "2024-03-05")
    assert result.exit_code == 0, result.stderr
    for article_id in ("talks", "supply", "wire-1", "wire-2"):
        assert article_id in result.stdout
    assert "Japan and South Korea agree to hold military talks" in result.stdout  # the HTML title
    events, articles, rejected = summary(result.stdout)
    assert (articles, rejected) == (4, 0)
    if events:
        assert "source → target" in result.stdout and "according to" in result.stdout
    assert result.stderr == ""


def test_stdin_text(runner: CliRunner) -> None:
    text = (ARTICLES / "supply.txt").read_text(encoding="utf-8")
    result = invoke(runner, "extract", "-", "--published", "2024-03-05", input=text)
    assert result.exit_code == 0, result.stderr
    events = jsonl(result.stdout)
    check_events(events, {content_id(text): text})
    assert summary(result.stderr)[1:] == (1, 0)


def test_stdin_jsonl(runner: CliRunner) -> None:
    result = invoke(runner, "extract", "-", input=(ARTICLES / "wire.jsonl").read_bytes())
    assert result.exit_code == 0, result.stderr
    check_events(jsonl(result.stdout), texts_of(ARTICLES / "wire.jsonl"))
    assert summary(result.stderr)[1:] == (2, 0)


def test_seed_article() -> None:
    """The seed article through the installed entry point, as the README's scoring recipe runs it."""
    if not SEED.exists():
        pytest.skip("../shared is not beside the repository")
    done = subprocess.run(
        [sys.executable, "-m", "newsgraph", "extract", str(SEED), "--format", "jsonl"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr
    events = jsonl(done.stdout)
    assert events and {e["article_id"] for e in events} == {"seed"}
    check_events(events, texts_of(SEED))


# --- bad input ----------------------------------------------------------------------------------


def test_bad_inputs_are_reported_and_the_rest_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    missing = tmp_path / "missing.txt"
    result = invoke(runner, "extract", str(MIXED), str(binary), str(missing), str(ARTICLES / "supply.txt"))
    assert result.exit_code == 1
    messages = [line for line in result.stderr.splitlines() if not SUMMARY.search(line)]
    assert messages == [
        f"newsgraph: {MIXED}:2: not valid JSON: Invalid control character (column 39)",
        f"newsgraph: {MIXED}:3: no 'text' field",
        f"newsgraph: {MIXED}:4: empty text",
        f"newsgraph: {MIXED}:5: 'text' must be a string, got a number",
        f"newsgraph: {MIXED}:6: bad 'published': '04/09/2023' is not a date: "
        "expected YYYY-MM-DD or an ISO 8601 datetime",
        f"newsgraph: {MIXED}:8: expected a JSON object, got an array",
        f"newsgraph: {MIXED}:9: {NOT_ENGLISH}",
        f"newsgraph: {binary}: binary file (contains NUL bytes), not text",
        f"newsgraph: {missing}: no such file or directory",
    ]
    events = jsonl(result.stdout)
    check_events(events, texts_of(MIXED, ARTICLES / "supply.txt"))
    assert summary(result.stderr) == (len(events), 3, 9)  # good-1, good-2 and supply processed


def test_bad_inputs_in_table_format(runner: CliRunner) -> None:
    result = invoke(runner, "extract", str(MIXED), "--format", "table")
    assert result.exit_code == 1
    assert "good-1" in result.stdout and "good-2" in result.stdout
    assert summary(result.stdout)[1:] == (2, 7)
    assert len(result.stderr.splitlines()) == 7


def test_only_bad_input(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = invoke(runner, "extract", str(empty), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert result.stderr.splitlines()[0] == f"newsgraph: {empty}: empty file"


def test_console_script_and_python_m() -> None:
    for command in ([sys.executable, "-m", "newsgraph"], [str(Path(sys.executable).parent / "newsgraph")]):
        if not Path(command[0]).exists():
            continue
        done = subprocess.run([*command, "--version"], capture_output=True, text=True, check=False)
        assert (done.returncode, done.stdout.strip()) == (0, f"newsgraph {__version__}")
        done = subprocess.run([*command, "extract"], capture_output=True, text=True, check=False)
        assert done.returncode == 2


def test_stdin_through_a_real_pipe() -> None:
    text = (ARTICLES / "supply.txt").read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "newsgraph", "extract", "-", "nope.txt", "--published", "2024-03-05"],
        input=text,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1
    stderr = done.stderr.decode("utf-8")
    assert stderr.splitlines()[0] == "newsgraph: nope.txt: no such file or directory"
    assert "Traceback" not in stderr
    check_events(jsonl(done.stdout.decode("utf-8")), {content_id(text.decode()): text.decode()})


def test_tables_never_pass_terminal_escapes_through(runner: CliRunner, tmp_path: Path) -> None:
    record = {"id": "esc\x1b[2J", "title": "T\x1b]0;pwned\x07", "published": "2024-03-05",
              "text": "Peru sold rice to Chile \x1b[31mon Monday\x1b[0m, Peruvian officials said."}
    src = tmp_path / "esc.jsonl"
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    table = invoke(runner, "extract", str(src), "--format", "table")
    assert table.exit_code == 0, table.stderr
    assert "rice" in table.stdout and "\x1b" not in table.stdout and "\x07" not in table.stdout
    db = tmp_path / "esc.db"
    assert invoke(runner, "ingest", str(src), "--db", str(db)).exit_code == 0
    stored = invoke(runner, "events", "--db", str(db))
    assert "rice" in stored.stdout and "\x1b" not in stored.stdout
