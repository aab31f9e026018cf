"""In Chromium: the timeline narrows to one type of event, with the mouse or the keyboard."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from tests.browser import browser, serve

pytestmark = pytest.mark.browser


def visible_types(page) -> set[str]:  # type: ignore[no-untyped-def]
    return set(
        page.eval_on_selector_all(
            ".explainer-event",
            "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.type)",
        )
    )


def shown_months(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The anchors of the month headings the reader sees, in page order."""
    return page.eval_on_selector_all(
        ".explainer-month h2", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"
    )


def months_with(timeline: Path, kind: str | None = None) -> list[str]:
    """The page's month anchors that have an event of `kind`, in page order (read from the
    HTML, without CSS: which months the filter must leave)."""
    root = lxml.html.parse(str(timeline)).getroot()
    return [
        month.cssselect("h2")[0].get("id")
        for month in root.cssselect(".explainer-month")
        if month.cssselect(f'.explainer-event[data-type="{kind}"]' if kind else ".explainer-event")
    ]


def test_timeline_filter_by_click_and_by_keyboard(seed_site: Path) -> None:
    with serve(seed_site) as base, browser() as context:
        page = context.new_page()  # type: ignore[attr-defined]
        page.goto(base + "de/timeline/")
        assert visible_types(page) == {"call", "statement", "meeting"}
        page.click("label[for=explainer-type-call]")
        assert visible_types(page) == {"call"}
        # a month with no call disappears with its heading; the others stay
        timeline = seed_site / "de" / "timeline" / "index.html"
        calls = months_with(timeline, "call")
        assert calls and shown_months(page) == calls
        # keyboard: focus the checked radio, move with the arrow keys
        page.focus("#explainer-type-call")
        page.keyboard.press("ArrowRight")
        assert page.is_checked("#explainer-type-statement")
        assert visible_types(page) == {"statement"}
        page.keyboard.press("ArrowRight")
        assert visible_types(page) == {"meeting"}
        assert shown_months(page) == months_with(timeline, "meeting")
        # the focused choice is visibly outlined
        outline = page.eval_on_selector(
            "label[for=explainer-type-meeting]", "el => getComputedStyle(el).outlineStyle"
        )
        assert outline != "none"
        page.click("label[for=explainer-type-all]")
        assert visible_types(page) == {"call", "statement", "meeting"}
        assert shown_months(page) == months_with(timeline)
