"""In Chromium: a glossary link shows its short definition on keyboard focus, in German."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.terms import short_definition
from tests.browser import browser, serve

pytestmark = pytest.mark.browser


def test_term_tooltip_appears_on_keyboard_focus(seed_site: Path, seed_story) -> None:  # type: ignore[no-untyped-def]
    definition = seed_story.story.glossary["cartel"].definition["de"]
    with serve(seed_site) as base, browser() as context:
        page = context.new_page()  # type: ignore[attr-defined]
        page.goto(base + "de/events/sheinbaum-press-conference/")
        link = page.locator('a.explainer-term[href$="#cartel"]')
        assert link.count() == 1
        # reach it with the Tab key, as a keyboard user would
        for _ in range(200):
            page.keyboard.press("Tab")
            if page.evaluate(
                "document.activeElement.matches('a.explainer-term[href$=\"#cartel\"]')"
            ):
                break
        else:
            pytest.fail("the term link cannot be reached with the Tab key")
        # the tooltip of this link (the previous link's may still be fading out)
        short = short_definition(definition)
        tooltip = page.locator(".md-tooltip2--active", has_text=short)
        tooltip.wait_for(state="visible", timeout=5000)
        assert definition.startswith(" ".join(tooltip.inner_text().split()))
        # the link leads to the term's entry in the German glossary
        link.press("Enter")
        page.wait_for_url("**/de/glossary/#cartel")
        assert page.locator("h2#cartel").is_visible()
