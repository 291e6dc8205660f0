"""Browser tests: `newsgraph serve` over a store built from real extraction, driven by headless Chromium.

Chromium is Debian's (/usr/bin/chromium, installed by .ci/run), launched through
Playwright's Python API; nothing is downloaded. Every page a test opens is
watched: console errors, dialogs (an executed payload would open one) and
requests to any host but the test server fail the test.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fixture_store import build_store
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Playwright, Request, Route, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
START_TIMEOUT = 30.0


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "explorer.db")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def base_url(store_path: Path) -> Iterator[str]:
    """`newsgraph serve DB --port N` in a subprocess, until the session ends."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", str(store_path), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while True:
            if proc.poll() is not None:
                output = proc.stdout.read() if proc.stdout else ""
                pytest.fail(f"newsgraph serve exited with {proc.returncode}:\n{output}")
            try:
                with urllib.request.urlopen(f"{url}/-/versions.json", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"newsgraph serve did not answer on {url} within {START_TIMEOUT:.0f} s")
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install -y chromium`, see .ci/run)")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class Watch:
    """What a page did that it should not: console errors, dialogs, requests leaving the test server."""

    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser: Browser, base_url: str, watch: Watch) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})

    def only_local(route: Route, request: Request) -> None:
        if request.url.startswith(base_url):
            route.continue_()
        else:
            watch.outside.append(request.url)
            route.abort()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watch.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_dialog(dialog: Dialog) -> None:
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    context.route("**/*", only_local)
    page = context.new_page()
    page.on("console", on_console)
    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: watch.console_errors.append(f"uncaught: {exc}"))
    yield page
    context.close()
    assert watch.dialogs == [], "a dialog opened: some untrusted text ran as script"
    assert watch.console_errors == []
    assert watch.outside == [], "the page fetched something from outside the server (CDN, tiles, …)"


@pytest.fixture(scope="session")
def screenshot() -> Callable[[Page, str], Path]:
    """Save a full-page screenshot under tests/browser/artifacts/ (for people to look at)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page: Page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
