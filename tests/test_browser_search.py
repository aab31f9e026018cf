"""In Chromium: search on German pages finds German pages only, on English pages English
pages only, the 404 pages included; words typed in full, with ß and umlauts, are found."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser import browser, serve_under
from tests.conftest import SITE_URL

pytestmark = pytest.mark.browser


def search(page, base: str, url: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.goto(base + url)
    page.click(".md-search__input")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    mount = urlsplit(base).path.rstrip("/")
    return [
        path.removeprefix(mount)
        for path in page.eval_on_selector_all(
            ".md-search-result__item a", "els => els.map(a => new URL(a.href).pathname)"
        )
    ]


@pytest.fixture(scope="module")
def context(published_site: Path):  # type: ignore[no-untyped-def]
    """One browser for the module's searches; each search opens a page of its own. The site
    is served under its sub-path, as published: the 404 pages' links are absolute."""
    with serve_under(published_site, urlsplit(SITE_URL).path) as base, browser() as context:
        context.base = base  # type: ignore[attr-defined]
        yield context


@pytest.mark.parametrize(
    ("url", "query", "expected"),
    [
        ("de/events/embassy-post/", "Kartell", "/de/glossary/"),
        ("de/events/embassy-post/", "Beschlagnahmen", "/de/figures/"),
        ("de/events/embassy-post/", "Außenminister", "/de/glossary/"),
        ("events/embassy-post/", "cartels", "/events/sheinbaum-press-conference/"),
        ("events/embassy-post/", "seizures", "/figures/"),
        ("de/404.html", "Kartell", "/de/glossary/"),
        ("404.html", "cartels", "/events/sheinbaum-press-conference/"),
    ],
)
def test_search_stays_in_the_pages_language(context, url: str, query: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    german = url.startswith("de/")
    page = context.new_page()
    try:
        page.set_viewport_size({"width": 1280, "height": 900})
        found = search(page, context.base, url, query)
    finally:
        page.close()
    assert expected in found
    assert all(path.startswith("/de/") == german for path in found), found
