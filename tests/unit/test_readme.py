"""The README's command table names exactly the commands the CLI has, with options that exist."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from newsgraph.cli.app import app

REPO = Path(__file__).resolve().parents[2]


def _readme_commands() -> dict[str, set[str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text[text.index("## Command line") : text.index("INPUT is any mix of")]
    found: dict[str, set[str]] = {}
    for cmd, rest in re.findall(r"^\| `newsgraph (\w+)([^`]*)`", table, flags=re.M):
        found[cmd] = set(re.findall(r"--[a-z-]+", rest))
    return found


def test_readme_lists_every_command_with_real_options() -> None:
    click_app = typer.main.get_command(app)
    commands = click_app.commands  # type: ignore[attr-defined]
    documented = _readme_commands()
    assert set(documented) == set(commands)
    for name, options in documented.items():
        real = {opt for param in commands[name].params
                for opt in (*getattr(param, "opts", []), *getattr(param, "secondary_opts", []))}  # --named/--anonymous
        assert options <= real, (name, options - real)
