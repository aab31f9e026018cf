"""Where pages and outputs live (the spec's "Pages and URLs") and the relative links
between them, which must reach their target from wherever the site is served."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer.urls import SiteUrls, relative_url

URLS = SiteUrls(("en", "de"))


@pytest.mark.parametrize(
    ("lang", "source", "url"),
    [
        ("en", "events/first-call.md", "events/first-call/"),
        ("de", "events/first-call.md", "de/events/first-call/"),
        ("en", "timeline.md", "timeline/"),
        ("de", "glossary.md", "de/glossary/"),
        ("en", "index.md", ""),
        ("de", "index.md", "de/"),
        ("en", "actors/index.md", "actors/"),
        ("de", "actors/index.md", "de/actors/"),
        # a page whose name only ends in "index" is a page of its own
        ("en", "reindex.md", "reindex/"),
        ("de", "actors/reindex.md", "de/actors/reindex/"),
        # hand-written pages may be named anything
        ("en", "Xylophone.md", "Xylophone/"),
        ("de", "about/Index-cards.md", "de/about/Index-cards/"),
    ],
)
def test_page_urls(lang: str, source: str, url: str) -> None:
    assert URLS.page(lang, source) == url


def test_the_first_language_is_the_default_at_the_root() -> None:
    urls = SiteUrls(("de", "en", "pt-BR"))
    assert [urls.page(lang, "timeline.md") for lang in ("de", "en", "pt-BR")] == [
        "timeline/",
        "en/timeline/",
        "pt-BR/timeline/",
    ]
    assert [urls.output(lang, "feed.xml") for lang in ("de", "en")] == ["feed.xml", "en/feed.xml"]


def test_outputs_and_absolute_urls() -> None:
    assert URLS.output("en", "events.ics") == "events.ics"
    assert URLS.output("de", "events.json") == "de/events.json"
    assert URLS.absolute("de/events/x/") is None  # no site_url: nothing absolute
    published = SiteUrls(("en", "de"), "https://example.org/explainer/")
    assert published.absolute("de/events/x/") == "https://example.org/explainer/de/events/x/"
    assert published.absolute("") == "https://example.org/explainer/"


@pytest.mark.parametrize(
    ("target", "from_page", "link"),
    [
        ("events/x/", "events/y/", "../x/"),
        ("events/x/", "", "events/x/"),
        ("", "events/x/", "../../"),
        ("", "", "./"),
        ("de/", "de/", "./"),
        ("events/x/", "events/x/", "./"),
        ("de/", "de/events/x/", "../../"),
        ("de/glossary/", "de/events/x/", "../../glossary/"),
        ("feed.xml", "events/x/", "../../feed.xml"),
        ("de/feed.xml", "de/", "feed.xml"),
        ("de/events.ics", "", "de/events.ics"),
        # from a file rather than a directory page (the 404 page)
        ("de/", "404.html", "de/"),
        ("", "404.html", "./"),
        ("assets/x.css", "de/feed.xml", "../assets/x.css"),
        # hand-written pages may be named anything, capitals too
        ("", "de/X/", "../../"),
    ],
)
def test_relative_urls_reach_their_target(target: str, from_page: str, link: str) -> None:
    assert relative_url(target, from_page) == link
    # as a browser resolves it, wherever the site is served
    for base in ("https://example.org/", "https://example.org/project/"):
        assert urljoin(base + from_page, link) == base + target


_URL_SEGMENT = st.sampled_from(
    ["de", "events", "x.y", "feed.xml", "", ".", "..", "a:b", "?q", "#f", "Über", "_x", "~u"]
)


@given(
    st.lists(_URL_SEGMENT, max_size=5),
    st.sampled_from(["https://example.org/", "https://example.org/project/", "http://h:8000/a/"]),
)
def test_absolute_urls_are_those_of_urljoin(segments: list[str], site_url: str) -> None:
    path = "/".join(segments)
    assert SiteUrls(("en", "de"), site_url).absolute(path) == urljoin(site_url, path)
