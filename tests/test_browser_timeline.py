"""In Chromium: the timeline narrows to one type of event, with the mouse or the keyboard."""

from __future__ import annotations

from pathlib import Path

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


def test_timeline_filter_by_click_and_by_keyboard(seed_site: Path) -> None:
    with serve(seed_site) as base, browser() as context:
        page = context.new_page()  # type: ignore[attr-defined]
        page.goto(base + "de/timeline/")
        assert visible_types(page) == {"call", "statement", "meeting"}
        page.click("label[for=explainer-type-call]")
        assert visible_types(page) == {"call"}
        # the February section has no call: it disappears with its heading
        months = page.eval_on_selector_all(
            ".explainer-month", "els => els.filter(e => e.offsetParent !== null).length"
        )
        assert months == 1
        # keyboard: focus the checked radio, move with the arrow keys
        page.focus("#explainer-type-call")
        page.keyboard.press("ArrowRight")
        assert page.is_checked("#explainer-type-statement")
        assert visible_types(page) == {"statement"}
        page.keyboard.press("ArrowRight")
        assert visible_types(page) == {"meeting"}
        # the focused choice is visibly outlined
        outline = page.eval_on_selector(
            "label[for=explainer-type-meeting]", "el => getComputedStyle(el).outlineStyle"
        )
        assert outline != "none"
        page.click("label[for=explainer-type-all]")
        assert visible_types(page) == {"call", "statement", "meeting"}
