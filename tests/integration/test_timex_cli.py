"""`newsgraph timex` end to end: the real model, JSON Lines and tables, page dates, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph.cli.app import app

FIXTURES = Path(__file__).parents[1] / "fixtures"
HTML = FIXTURES / "articles" / "sub" / "talks.html"  # page metadata: published 2024-03-05 (a Tuesday)
KEYS = ["article_id", "text", "start", "end", "type", "value", "start_date", "end_date", "precision"]


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def rows(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def write_jsonl(path: Path, *records: dict[str, Any] | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_lists_every_expression_with_offsets_into_the_text(runner: CliRunner, tmp_path: Path) -> None:
    text = "Envoys met on Monday and will meet again next month. The ceasefire has held since 2021."
    path = write_jsonl(tmp_path / "a.jsonl", {"id": "x1", "published": "2024-06-12", "text": text})
    result = invoke(runner, "timex", str(path))
    assert result.exit_code == 0, result.output
    found = rows(result.stdout)
    assert [list(r) for r in found] == [KEYS] * len(found)
    assert [(r["text"], r["value"]) for r in found] == [
        ("Monday", "2024-06-10"), ("next month", "2024-07"), ("since 2021", "2021/PRESENT_REF"),
    ]
    for r in found:
        assert text[r["start"]:r["end"]] == r["text"]
        assert r["article_id"] == "x1"
    assert found[2]["start_date"] == "2021-01-01" and found[2]["end_date"] == "2024-06-12"
    assert "3 temporal expressions from 1 article; 0 inputs rejected" in result.stderr


def test_published_option_fills_in_a_missing_date(runner: CliRunner, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"id": "x2", "text": "Talks collapsed last week in the capital."})
    dated = rows(invoke(runner, "timex", str(path), "--published", "2024-06-12").stdout)
    assert [(r["value"], r["start_date"], r["end_date"]) for r in dated] == [("2024-W23", "2024-06-03", "2024-06-09")]
    undated = rows(invoke(runner, "timex", str(path)).stdout)
    assert [(r["text"], r["value"], r["start_date"]) for r in undated] == [("last week", None, None)]


def test_the_page_date_wins_over_the_published_option(runner: CliRunner) -> None:
    result = invoke(runner, "timex", str(HTML), "--published", "2000-01-01")
    assert result.exit_code == 0, result.output
    found = {r["text"]: r for r in rows(result.stdout)}
    assert found["Monday"]["value"] == "2024-03-04"  # the day before the page's date
    assert found["April"]["value"] == "2024-04"  # "scheduled for April": the coming one


def test_rejected_inputs_are_reported_and_the_rest_is_processed(runner: CliRunner, tmp_path: Path) -> None:
    good = {"id": "ok", "published": "2024-06-12", "text": "The bridge reopened in 2019 after repairs."}
    path = write_jsonl(tmp_path / "mixed.jsonl", good, "{not json", {"id": "no-text"})
    result = invoke(runner, "timex", str(path))
    assert result.exit_code == 1
    assert [r["text"] for r in rows(result.stdout)] == ["2019"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("newsgraph: ") and ":2:" in line]
    assert len(errors) == 1 and "not valid JSON" in errors[0]
    assert "2 inputs rejected" in result.stderr


def test_table_format(runner: CliRunner, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"id": "t1", "published": "2024-06-12", "text": "Rain is due tomorrow."})
    result = invoke(runner, "timex", str(path), "--format", "table")
    assert result.exit_code == 0
    assert "tomorrow" in result.stdout and "2024-06-13" in result.stdout
    assert "1 temporal expression from 1 article" in result.stdout


def test_bad_usage_exits_2(runner: CliRunner) -> None:
    result = invoke(runner, "timex", str(HTML), "--published", "12/06/2024")
    assert result.exit_code == 2
