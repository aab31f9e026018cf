"""The glossary's "appears in" lines: the events that name or mention a term in time order
(not file order, not alphabetical), then the other pages that mention it in the language's
dictionary order; never the glossary itself, never an event page the build did not make."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from explainer.site import PageRef
from tests.stories import event, load, minimal_data


def test_events_in_time_order_then_pages_in_dictionary_order(tmp_path: Path) -> None:
    data = minimal_data()
    data["events"] = {
        "april": event("April", "2026-04-01", terms=["tax"]),
        "ten": event("Ten", "2026-03-02", terms=["tax"]),
        "february": event("February", "2026-02-28", terms=["tax"]),
        "morning": event("Morning", "2026-03-01"),
        "quiet": event("Quiet", "2026-01-01"),
    }
    explainer = load(tmp_path, data)
    [glossary] = [p for p in explainer.pages("de") if p.path == "glossary.md"]

    def ref(path: str, title: str, *mentioned: str) -> PageRef:
        return PageRef(path, title, f"../{path.removesuffix('.md')}/", mentioned)

    pages = [
        ref("zoll.md", "Zoll", "tax"),
        ref("events/april.md", "April (de)"),
        ref("glossary.md", "Glossar", "tax", "budget"),
        ref("about.md", "Über uns", "tax"),
        ref("events/morning.md", "Morning (de)", "tax"),
        ref("events/february.md", "February (de)"),
        ref("aerger.md", "Ärger", "tax", "budget"),
        ref("events/quiet.md", "Quiet (de)"),
        # `ten` names the term, but this build made no page for it
    ]
    content = explainer.fill_appears_in("de", glossary.html, pages)
    filled = lxml.html.fromstring(f"<div>{content}</div>")
    found = [
        [(a.text_content(), a.get("href")) for a in p.iter("a")]
        for p in filled.cssselect("p.explainer-appears-in")
    ]
    assert found == [
        # budget (Haushalt) comes first in the German glossary
        [("Ärger", "../aerger/")],
        [
            ("February (de)", "../events/february/"),
            ("Morning (de)", "../events/morning/"),
            ("April (de)", "../events/april/"),
            ("Ärger", "../aerger/"),
            ("Über uns", "../about/"),
            ("Zoll", "../zoll/"),
        ],
    ]
    # titles may hold commas: the items are set apart by semicolons
    listed = filled.cssselect("p.explainer-appears-in")[1].text_content()
    assert "February (de); Morning (de); April (de); Ärger; Über uns; Zoll" in listed


def test_the_home_page_is_named_home_page_not_by_the_sites_title(tmp_path: Path) -> None:
    """The R9 review: "Appears in: …; Mexico and the United States: security tensions and
    cooperation, January 2026" named the home page by the site's title."""
    explainer = load(tmp_path)
    said = {"en": "Home", "de": "Startseite"}  # as the menu names it (R76, R77)
    for lang, home in said.items():
        [glossary] = [p for p in explainer.pages(lang) if p.path == "glossary.md"]
        pages = [
            PageRef("index.md", "A long site title: and more", "../", ("tax",)),
            PageRef("about.md", "About", "../about/", ("tax",)),
        ]
        content = explainer.fill_appears_in(lang, glossary.html, pages)
        filled = lxml.html.fromstring(f"<div>{content}</div>")
        names = [a.text_content() for a in filled.cssselect("p.explainer-appears-in a")]
        assert home in names and "A long site title: and more" not in names
