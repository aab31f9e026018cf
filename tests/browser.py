"""Headless Chromium for tests a reader would notice: Debian's `chromium`, driven by Playwright.

Without a Chromium on the machine the browser tests are skipped, unless
EXPLAINER_REQUIRE_BROWSER=1 (CI sets it), which makes that a failure.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.conftest import CHROMIUM, REQUIRE_BROWSER
from tools import site_check
from tools.site_check import serve, serve_under

__all__ = ["browser", "chromium_path", "serve", "serve_under"]


def chromium_path() -> str:
    path = CHROMIUM or shutil.which("chromium")
    if path is None:
        if REQUIRE_BROWSER:
            pytest.fail("Chromium is required (EXPLAINER_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    return path


@contextmanager
def browser() -> Iterator[object]:
    with site_check.browser(chromium_path()) as context:
        # a bound on every wait for a condition, not a wait: generous, so that a machine
        # busy with the parallel suite (a page load of several seconds) does not fail it
        context.set_default_timeout(180_000)  # type: ignore[attr-defined]
        yield context
