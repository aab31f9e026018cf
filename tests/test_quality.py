"""What readers get on every kind of page in both languages: accessibility (axe-core, WCAG
2.2 A and AA), keyboard use, privacy (no third-party requests, no console errors), valid
HTML (W3C Nu checker), no broken links, and a light home page."""

from __future__ import annotations

import gzip
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from tests.browser import browser, serve_under
from tests.conftest import REQUIRE_BROWSER, SITE_URL
from tools import site_check
from tools.site_check import AXE, VNU

KINDS = [
    "",
    "timeline/",
    "events/sheinbaum-press-conference/",
    "actors/sheinbaum/",
    "actors/",
    "glossary/",
    "figures/",
    "about/",
]
PAGES = [prefix + kind for prefix in ("", "de/") for kind in KINDS + ["404.html"]]
#: each language's embeddable timeline: a document of its own, without the theme's shell
#: (no language menu, search or skip link to reach), checked for what applies to it
EMBEDS = ["embed/timeline/", "de/embed/timeline/"]


def require(path: Path, what: str) -> Path:
    """A checker; missing, it skips the test locally and fails it in CI."""
    if not path.exists():
        if REQUIRE_BROWSER:
            pytest.fail(f"{what} is missing (`npm ci` installs the checkers)")
        pytest.skip(f"{what} is missing (`npm ci` installs the checkers)")
    return path


@pytest.fixture(scope="module")
def reader(published_site: Path):  # type: ignore[no-untyped-def]
    """One Chromium page on the site as GitHub Pages serves it (under /explainer/), with
    every request and console error recorded."""
    with serve_under(published_site, "explainer") as base, browser() as context:
        page = context.new_page()  # type: ignore[attr-defined]
        page.requests, page.errors = [], []
        page.on("request", lambda request: page.requests.append(request.url))
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.base = base
        yield page


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """axe-core's WCAG 2.2 A and AA violations on the open page, one line each, as the
    site check finds them (tools/site_check.py)."""
    require(AXE, "axe-core")
    return site_check.axe_violations(page)


def open_in_scheme(page, url: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    """Open `url` as a reader whose system prefers the light or dark scheme."""
    page.emulate_media(color_scheme=scheme)
    page.goto(page.base + url)
    # Material remembers the scheme of earlier visits; forget it, follow the system's
    page.evaluate(
        "Object.keys(localStorage).filter(k => k.endsWith('__palette'))"
        ".forEach(k => localStorage.removeItem(k))"
    )
    page.reload()
    expected = "slate" if scheme == "dark" else "default"
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{expected}'")


@pytest.mark.browser
@pytest.mark.parametrize("url", PAGES + EMBEDS)
def test_no_accessibility_violations(reader, url: str) -> None:  # type: ignore[no-untyped-def]
    reader.goto(reader.base + url)
    assert axe_violations(reader) == []


@pytest.mark.browser
@pytest.mark.parametrize("url", PAGES + EMBEDS)
def test_no_third_party_request_and_no_console_error(reader, url: str) -> None:  # type: ignore[no-untyped-def]
    reader.goto(reader.base + url)
    # a first visit's state (Material keeps fetched facts in session storage) must not
    # hide a request that every new reader's browser makes
    reader.evaluate("sessionStorage.clear(); localStorage.clear()")
    reader.requests.clear()
    reader.errors.clear()
    reader.reload()
    reader.wait_for_load_state("networkidle")
    host = urlsplit(reader.base).netloc
    assert [r for r in reader.requests if urlsplit(r).netloc != host] == []
    assert reader.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("url", [u for u in PAGES if not u.endswith("404.html")])
def test_switcher_lands_on_the_same_page_in_the_other_language(reader, url: str) -> None:  # type: ignore[no-untyped-def]
    reader.goto(reader.base + url)
    german = url.startswith("de/")
    assert reader.get_attribute("html", "lang") == ("de" if german else "en")
    target = reader.locator(f'a.md-select__link[hreflang="{"en" if german else "de"}"]')
    reader.hover(".md-header__option .md-select")
    target.click()
    reader.wait_for_load_state()
    expected = url.removeprefix("de/") if german else "de/" + url
    assert reader.url == reader.base + expected
    assert reader.get_attribute("html", "lang") == ("en" if german else "de")


def tab_until(page, selector: str, limit: int = 80) -> list[str]:  # type: ignore[no-untyped-def]
    """Press Tab until the focused element matches; every stop's outline style on the way."""
    outlines = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        outlines.append(page.evaluate("getComputedStyle(document.activeElement).outlineStyle"))
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return outlines
    pytest.fail(f"{selector} cannot be reached with the Tab key")


@pytest.mark.browser
# every page but the 404s, which have no table of contents and so no skip link in Material
@pytest.mark.parametrize("url", [u for u in PAGES if not u.endswith("404.html")])
def test_keyboard_skip_link_language_switcher_search_and_visible_focus(reader, url: str) -> None:  # type: ignore[no-untyped-def]
    reader.set_viewport_size({"width": 1280, "height": 900})
    reader.goto(reader.base + url)
    reader.keyboard.press("Tab")
    assert reader.evaluate("document.activeElement.classList.contains('md-skip')")
    assert reader.is_visible("a.md-skip")  # shown when focused
    outlines = tab_until(reader, "a.md-select__link")
    assert reader.is_visible(".md-select__link")  # the language menu opens for the keyboard
    outlines += tab_until(reader, "input.md-search__input")
    assert "none" not in outlines[1:]  # every stop after the skip link shows its focus


def test_valid_html_on_every_page(published_site: Path) -> None:
    java = shutil.which("java")
    if java is None:
        require(Path("/nonexistent/java"), "Java (for the Nu HTML Checker)")
    result = subprocess.run(
        [
            java,
            "-jar",
            str(require(VNU, "vnu-jar")),
            "--errors-only",
            "--format",
            "gnu",
            "--skip-non-html",
            str(published_site),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[:3000]
    assert result.stderr.strip() == ""


def test_no_broken_internal_link_or_fragment(published_site: Path) -> None:
    """Every link to the site itself resolves, with its #fragment: relative links, the
    full addresses under SITE_URL (canonical, hreflang, alternates) and the 404 page's
    links from the site root (it is served at every missing address), by the site
    check's rule of what is the site's own (tools/site_check.py)."""
    found = site_check.check_links(published_site, SITE_URL)
    assert found.checked > 1000 and found.absolute > 100
    assert [str(problem) for problem in found.problems] == []


def test_every_page_names_its_language_versions_and_they_name_it_back(
    published_site: Path,
) -> None:
    """hreflang, as the site check reads it: each version exists, a page's own language
    names the page itself, every other version names it back, x-default is there."""
    assert [str(problem) for problem in site_check.check_hreflang(published_site, SITE_URL)] == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["", "de/"])
def test_home_page_weighs_under_150_kb(reader, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Everything the home page loads, gzip-compressed as GitHub Pages sends text."""
    sizes: dict[str, int] = {}

    def record(response) -> None:  # type: ignore[no-untyped-def]
        body = response.body()
        kind = response.headers.get("content-type", "")
        textual = any(t in kind for t in ("text", "javascript", "json", "xml", "svg"))
        sizes[response.url] = len(gzip.compress(body)) if textual else len(body)

    reader.on("response", record)
    try:
        reader.goto(reader.base + lang)
        reader.wait_for_load_state("networkidle")
    finally:
        reader.remove_listener("response", record)
    total = sum(sizes.values())
    assert total < 150_000, sorted(sizes.items(), key=lambda item: -item[1])[:5]


def test_search_dialog_has_a_name_in_the_pages_language(published_site: Path) -> None:
    """Lighthouse's aria-dialog-name: Material's search dialog had no accessible name."""
    for prefix, name in (("", "Search"), ("de/", "Suche")):
        root = lxml.html.parse(str(published_site / prefix / "index.html")).getroot()
        [dialog] = root.cssselect('[role="dialog"]')
        assert dialog.get("aria-label") == name


@pytest.mark.browser
@pytest.mark.parametrize("url", ["", "timeline/", "de/figures/", "de/actors/"])
def test_no_accessibility_violations_in_the_dark_scheme(reader, url: str) -> None:  # type: ignore[no-untyped-def]
    """The pictures have colours for both schemes; the dark one must pass too."""
    try:
        open_in_scheme(reader, url, "dark")
        violations = axe_violations(reader)
    finally:
        reader.emulate_media(color_scheme="light")
    assert violations == []


def _rgba(css: str) -> tuple[float, float, float, float] | None:
    """`rgb(1, 2, 3)` / `rgba(1, 2, 3, 0.5)` as numbers; None for `none` or transparent."""
    if not css.startswith("rgb"):
        return None
    parts = [float(p) for p in css[css.index("(") + 1 : -1].split(",")]
    alpha = parts[3] if len(parts) == 4 else 1.0
    return (parts[0], parts[1], parts[2], alpha) if alpha > 0 else None


def _over(color: tuple[float, float, float, float], opacity: float, background):  # type: ignore[no-untyped-def]
    """The colour seen: `color` at its alpha times `opacity`, over an opaque background."""
    alpha = color[3] * opacity
    return tuple(
        c * alpha + b * (1 - alpha) for c, b in zip(color[:3], background[:3], strict=True)
    )


def _contrast(a, b) -> float:  # type: ignore[no-untyped-def]
    """WCAG 2 contrast ratio of two opaque sRGB colours."""

    def luminance(color) -> float:  # type: ignore[no-untyped-def]
        channels = [c / 255 for c in color]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


_DRAWN = """() => [...document.querySelectorAll('.explainer-viz svg [aria-hidden] *')]
  .filter(e => ['text', 'circle', 'rect', 'polygon', 'line', 'path'].includes(e.tagName))
  .map(e => { const s = getComputedStyle(e); return {
    what: e.tagName + '.' + (e.getAttribute('class') || ''),
    fill: s.fill, fillOpacity: +s.fillOpacity, stroke: s.stroke,
    strokeOpacity: +s.strokeOpacity, strokeWidth: parseFloat(s.strokeWidth) }; })"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", ["", "figures/", "de/actors/"])
def test_pictures_have_enough_contrast_in_both_schemes(reader, url: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    """axe leaves SVG text as 'incomplete', so the pictures' colours are measured here:
    text at least 4.5:1 (WCAG 1.4.3), each mark's fill or outline at least 3:1 (1.4.11)."""
    try:
        open_in_scheme(reader, url, scheme)
        background = _rgba(reader.evaluate("getComputedStyle(document.body).backgroundColor"))
        drawn = reader.evaluate(_DRAWN)
    finally:
        reader.emulate_media(color_scheme="light")
    assert background is not None and len(drawn) > 5
    weak = []
    for item in drawn:
        fill, stroke = _rgba(item["fill"]), _rgba(item["stroke"])
        ratios = []
        if fill is not None:
            ratios.append(_contrast(_over(fill, item["fillOpacity"], background), background))
        if stroke is not None and item["strokeWidth"] > 0 and item["what"][:4] != "text":
            ratios.append(_contrast(_over(stroke, item["strokeOpacity"], background), background))
        if not ratios:
            continue  # nothing painted
        needed = 4.5 if item["what"].startswith("text") else 3.0
        if max(ratios) < needed:
            weak.append(f"{item['what']}: {max(ratios):.2f} < {needed}")
    assert weak == []


@pytest.mark.browser
@pytest.mark.parametrize("url", ["", "de/", "timeline/", "de/figures/", "actors/", "de/glossary/"])
def test_no_accessibility_violations_on_a_phone(reader, url: str) -> None:  # type: ignore[no-untyped-def]
    """At 320 px the pictures show their narrow layouts, which fit the column: no frame
    scrolls (a timeline of many months would, in a frame that takes keyboard focus, as
    axe's scrollable-region-focusable asks), and nothing else breaks."""
    reader.set_viewport_size({"width": 320, "height": 640})
    try:
        reader.goto(reader.base + url)
        violations = axe_violations(reader)
        frames = reader.evaluate(
            "[...document.querySelectorAll('.explainer-viz')]"
            ".filter(f => f.scrollWidth > f.clientWidth).length"
        )
    finally:
        reader.set_viewport_size({"width": 1280, "height": 900})
    assert violations == []
    assert frames == 0  # the narrow layout fits a phone
