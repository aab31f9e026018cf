"""The embeddable timeline (issue 29): `embed/timeline/` in every language, a document of
its own for other sites' frames, whose links open the full site outside the frame; the
timeline page offers its code; another site's page embeds it at 320 and 1280 px and
follows the height it reports (and from 300 px, the narrowest the page is made for)."""

from __future__ import annotations

import html
import tempfile
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest

from explainer.views.embed import FRAME_HEIGHT, HEIGHT_MESSAGE, LISTENER
from tests.browser import browser, serve, serve_under
from tests.conftest import SITE_URL

LANGUAGES = {"": "en", "de/": "de"}
TITLES = {"en": "Timeline of the events", "de": "Chronik der Ereignisse"}


def parse(path: Path):  # type: ignore[no-untyped-def]
    return lxml.html.parse(str(path)).getroot()


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_the_embed_page_stands_alone_in_its_language(published_site: Path, prefix: str) -> None:
    page = parse(published_site / prefix / "embed" / "timeline" / "index.html")
    timeline = parse(published_site / prefix / "timeline" / "index.html")
    assert page.get("lang") == LANGUAGES[prefix]
    # no header, navigation, search or footer of the site
    assert page.cssselect("header, nav, footer, .md-header, .md-sidebar, .md-footer") == []
    # the picture and every event of the list, as on the timeline page
    assert len(page.cssselect(".explainer-viz svg")) == 2  # wide and narrow layouts
    events = [e.get("data-type") for e in page.cssselect(".explainer-event")]
    assert events == [e.get("data-type") for e in timeline.cssselect(".explainer-event")]
    # robots: not indexed, the timeline page is the canonical one
    [robots] = page.cssselect('meta[name="robots"]')
    assert robots.get("content") == "noindex"
    [canonical] = page.cssselect('link[rel="canonical"]')
    assert canonical.get("href") == f"{SITE_URL}{prefix}timeline/"
    # nothing from elsewhere: the script is inline, the one file loaded is the site's CSS
    assert page.cssselect("[src], link[rel=preload]") == []
    [css] = page.cssselect("link[rel=stylesheet]")
    assert (published_site / prefix / "embed" / "timeline" / css.get("href")).resolve() == (
        published_site / "assets" / "explainer.css"
    ).resolve()
    # without script every event shows: the filter starts at "all"
    [checked] = page.cssselect(".explainer-filter input[checked]")
    assert checked.get("value") == "all"
    # the site it belongs to, its title in the language's quotation marks (R11: "gehört zu
    # Mexiko und die USA: …" read as a broken sentence)
    [source] = page.cssselect(".explainer-embed-source")
    [site] = source.cssselect("a")
    said = {
        "en": "This timeline is part of the explainer “{}.”",
        "de": "Diese Chronik gehört zum Überblick „{}“.",
    }
    assert source.text_content() == said[LANGUAGES[prefix]].format(site.text_content())


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_every_link_of_the_embed_page_opens_outside_the_frame(
    published_site: Path, prefix: str
) -> None:
    page = parse(published_site / prefix / "embed" / "timeline" / "index.html")
    links = page.xpath("//a[@href] | //*[local-name()='a'][@href]")
    leaving = [a for a in links if not a.get("href").startswith("#")]
    assert len(leaving) > 10
    assert [a.get("href") for a in leaving if a.get("target") != "_top"] == []
    # in-page links (the picture's "+N more" to its list) stay in the frame
    assert all(a.get("target") is None for a in links if a.get("href").startswith("#"))


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_the_timeline_page_offers_the_embed_code_in_its_language(
    published_site: Path, prefix: str
) -> None:
    language = LANGUAGES[prefix]
    page = parse(published_site / prefix / "timeline" / "index.html")
    codes = [html.unescape(c.text_content()) for c in page.cssselect(".explainer-embed-code code")]
    frame = lxml.html.fragment_fromstring(codes[0])
    assert frame.tag == "iframe"
    assert frame.get("src") == f"{SITE_URL}{prefix}embed/timeline/"
    assert frame.get("title") == TITLES[language]
    assert (frame.get("width"), frame.get("height")) == ("100%", str(FRAME_HEIGHT))
    assert codes[1] == LISTENER


HOST = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A newsroom article</title></head>
<body style="margin:0"><p>An article that embeds the timeline.</p>
{frame}
<p id="after">The article goes on.</p>
{listener}
</body></html>"""


@pytest.fixture(scope="module")
def host(published_site: Path):  # type: ignore[no-untyped-def]
    """The site served as GitHub Pages serves it, and another site's page (another origin)
    that embeds its German timeline with the code the timeline page offers."""
    page = parse(published_site / "de" / "timeline" / "index.html")
    frame, listener = (
        html.unescape(c.text_content()) for c in page.cssselect(".explainer-embed-code code")
    )
    with (
        serve_under(published_site, "explainer") as base,
        tempfile.TemporaryDirectory() as folder,
    ):
        frame = frame.replace(SITE_URL, base)
        (Path(folder) / "index.html").write_text(
            HOST.format(frame=frame, listener=listener), encoding="utf-8"
        )
        with serve(Path(folder)) as host_base, browser() as context:
            yield context, host_base, base


def frame_height(page) -> float:  # type: ignore[no-untyped-def]
    return page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")


@pytest.mark.browser
@pytest.mark.parametrize("width", [300, 320, 1280])
def test_another_site_embeds_the_timeline_and_follows_its_height(host, width: int) -> None:  # type: ignore[no-untyped-def]
    context, host_base, base = host
    page = context.new_page()
    try:
        messages: list[object] = []
        page.expose_function("record", lambda data: messages.append(data))
        page.add_init_script(
            "addEventListener('message', e => { if (e.data && e.data.type) record(e.data) })"
        )
        page.set_viewport_size({"width": width, "height": 700})
        page.goto(host_base)
        # the frame reports its height, and the listener gives the frame that height
        page.wait_for_function("document.querySelector('iframe').style.height !== ''", polling=100)
        frame = page.frame_locator("iframe")
        inner = page.frames[1]
        content = inner.evaluate(
            "Math.ceil(document.documentElement.getBoundingClientRect().height)"
        )
        assert {"type": HEIGHT_MESSAGE, "height": content} in messages
        assert abs(frame_height(page) - content) <= 1
        assert content > FRAME_HEIGHT  # the whole timeline, taller than the default frame
        # the frame's page fits the frame's width (the picture scrolls in its own box)
        assert inner.evaluate("document.documentElement.scrollWidth") <= width
        assert inner.evaluate("document.documentElement.lang") == "de"
        # a link opens the full site in the whole window, not in the frame
        event = frame.locator(".explainer-event h3 a").first
        href = event.get_attribute("href")
        with page.expect_navigation():
            event.click()
        assert page.url == urljoin(base + "de/embed/timeline/", href)
        assert page.evaluate("document.documentElement.lang") == "de"
        assert page.locator(".md-header").count() == 1  # the full site, with its header
    finally:
        page.close()


@pytest.mark.browser
def test_the_type_filter_works_by_address_and_without_script(host) -> None:  # type: ignore[no-untyped-def]
    context, _, base = host
    page = context.new_page()
    address = base + "de/embed/timeline/?type=call"
    try:
        page.goto(address)
        page.wait_for_function("document.getElementById('explainer-type-call').checked")
        shown = page.locator(".explainer-event:visible")
        assert {shown.nth(i).get_attribute("data-type") for i in range(shown.count())} == {"call"}
        every = page.locator(".explainer-event").count()
        assert every > shown.count()

        # the same address without the page's script: every event shows
        def without_script(route) -> None:  # type: ignore[no-untyped-def]
            body = route.fetch().text()
            body = body[: body.index("<script>")] + body[body.index("</script>") + 9 :]
            route.fulfill(body=body, content_type="text/html; charset=utf-8")

        page.route(address, without_script)
        page.goto(address)
        assert page.locator("script").count() == 0
        assert page.locator(".explainer-event:visible").count() == every
    finally:
        page.close()


def _timeline_page(language: str, site_url: str | None):  # type: ignore[no-untyped-def]
    from explainer.l10n import Localizer
    from explainer.model import Story
    from explainer.rendering import RenderContext
    from explainer.strings import load_strings
    from explainer.urls import SiteUrls
    from explainer.views.timeline import TimelineView

    strings = load_strings(("en", "de"))
    ctx = RenderContext(
        Story(("en", "de"), {}, {}, {}),
        language,
        strings[language],
        Localizer(language, strings[language]),
        SiteUrls(("en", "de"), site_url),
    )
    return lxml.html.fragment_fromstring(TimelineView(ctx, embed=True).render().html, "div")


@pytest.mark.parametrize(("language", "prefix"), [("en", ""), ("de", "de/")])
def test_the_embed_code_is_absolute_with_a_site_url(language: str, prefix: str) -> None:
    page = _timeline_page(language, "https://example.org/explainer/")
    [code, _] = page.cssselect(".explainer-embed-code code")
    frame = lxml.html.fragment_fromstring(html.unescape(code.text_content()))
    assert frame.get("src") == f"https://example.org/explainer/{prefix}embed/timeline/"


@pytest.mark.parametrize("language", ["en", "de"])
def test_without_a_site_url_the_timeline_page_offers_no_embed_code(language: str) -> None:
    """A relative address works on no other site, and a note asking the maintainer to set
    site_url is not for readers: without the site's address the page offers no code."""
    page = _timeline_page(language, None)
    assert page.cssselect(".explainer-embed-code") == []
    assert "site_url" not in page.text_content()
