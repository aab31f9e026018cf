"""events.json: valid JSON, one record per line (readable in a diff)."""

from __future__ import annotations

import json

from explainer.l10n import Localizer
from explainer.model import Story
from explainer.outputs.export import one_record_per_line
from explainer.rendering import RenderContext, capitalized, status_label
from explainer.strings import load_strings
from explainer.urls import SiteUrls
from tests.stories import statement


def test_each_record_stands_on_a_line_of_its_own() -> None:
    document = {
        "format_version": 1,
        "events": [{"id": "a", "title": "Über „x“"}, {"id": "b", "related": ["a"]}],
        "actors": [],
        "site": {"name": "S", "url": None},
    }
    text = one_record_per_line(document)
    assert json.loads(text) == document
    assert text.splitlines() == [
        "{",
        '"format_version": 1,',
        '"events": [',
        '  {"id": "a", "title": "Über „x“"},',
        '  {"id": "b", "related": ["a"]}',
        "],",
        '"actors": [],',
        '"site": {"name": "S", "url": null}',
        "}",
    ]


def test_a_press_conference_took_place_where_a_plain_statement_was_issued() -> None:
    """R24/R25 read "Issued" / „Abgegeben“ as the status of a press conference in
    events.json: a statement the data names otherwise (`type_name`) took place, as a
    meeting does; a plain statement is still issued; a scheduled one keeps its word."""

    press = {"en": "Press conference", "de": "Pressekonferenz"}
    strings = load_strings(("en", "de"))
    said = {
        "en": ("Took place", "Issued", "Scheduled"),
        "de": ("Hat stattgefunden", "Abgegeben", "Angesetzt"),
    }
    for lang, (named, plain, scheduled) in said.items():
        story = Story(("en", "de"), {}, {}, {})
        ctx = RenderContext(
            story, lang, strings[lang], Localizer(lang, strings[lang]), SiteUrls(("en", "de"))
        )
        assert capitalized(status_label(ctx, statement(type_name=press))) == named
        assert capitalized(status_label(ctx, statement())) == plain
        assert capitalized(status_label(ctx, statement("scheduled", press))) == scheduled
