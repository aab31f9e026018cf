"""Headless Chromium for tests a reader would notice: Debian's `chromium`, driven by Playwright.

Without a Chromium on the machine the browser tests are skipped, unless
EXPLAINER_REQUIRE_BROWSER=1 (CI sets it), which makes that a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, REQUIRE_BROWSER

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = CHROMIUM or shutil.which("chromium")
    if path is None:
        if REQUIRE_BROWSER:
            pytest.fail("Chromium is required (EXPLAINER_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port); yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_under(directory: Path, mount: str) -> Iterator[str]:
    """Serve a site at `/<mount>/`, as GitHub Pages serves a project site; yields that URL."""
    with tempfile.TemporaryDirectory() as root:
        os.symlink(directory.resolve(), Path(root) / mount)
        with serve(Path(root)) as base:
            yield f"{base}{mount}/"


@contextmanager
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        try:
            yield context
        finally:
            context.close()
