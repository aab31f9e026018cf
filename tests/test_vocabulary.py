"""One vocabulary (explainer/vocabulary.py): the JSON Schema, the model, the outputs and the
stylesheet say the same words, so that none of them drifts from the others."""

from __future__ import annotations

import dataclasses
import re

from explainer import model, vocabulary
from explainer.outputs.ical import STATUS as CALENDAR_STATUS
from explainer.outputs.metadata import EVENT_STATUS
from explainer.schema import static_schema
from explainer.site import STYLESHEET_SOURCE
from explainer.strings import load_strings
from explainer.views.changes import FIELD_WORDS, ITEM_WORDS

SCHEMA = static_schema()["definitions"]


def _enum(definition: str, field: str) -> tuple[str, ...]:
    return tuple(SCHEMA[definition]["properties"][field]["enum"])


def test_the_schema_allows_exactly_the_vocabulary() -> None:
    assert _enum("event", "type") == vocabulary.EVENT_TYPES
    assert _enum("event", "status") == vocabulary.STATUSES
    assert _enum("actor", "kind") == vocabulary.ACTOR_KINDS
    assert _enum("figure", "unit") == vocabulary.UNITS
    assert _enum("figure", "qualifier") == vocabulary.QUALIFIERS


#: fields the model derives from the data under another name, or adds
DERIVED = {
    # first publication and last update come from the git history, not the data
    "event": {"id": None, "date": "date", "published": None, "updated": None, "what_changed": None},
    "figure": {"event_id": None, "approximate": "qualifier"},
    "actor": {"id": None},
    "term": {"id": None},
}


def _model_fields(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def test_the_schemas_fields_are_the_models_fields() -> None:
    for definition, cls in (
        ("event", model.Event),
        ("actor", model.Actor),
        ("term", model.Term),
        ("figure", model.Figure),
        ("quote", model.Quote),
        ("source", model.Source),
        ("correction", model.Correction),
    ):
        renamed = DERIVED.get(definition, {})
        in_schema = {renamed.get(name, name) for name in SCHEMA[definition]["properties"]}
        in_model = {name for name in _model_fields(cls) if renamed.get(name, name) is not None}
        assert in_schema == in_model, definition


def test_every_status_has_its_calendar_and_schema_org_word() -> None:
    assert tuple(CALENDAR_STATUS) == vocabulary.STATUSES
    assert tuple(EVENT_STATUS) == vocabulary.STATUSES
    assert model.Event.__dataclass_fields__["status"].default == vocabulary.DEFAULT_STATUS


def test_the_stylesheet_styles_every_type_and_the_statuses_it_marks() -> None:
    css = STYLESHEET_SOURCE.read_text(encoding="utf-8")
    for kind in vocabulary.EVENT_TYPES:
        assert re.search(rf"\.viz-{kind}\b", css), kind
    assert re.search(r"\.explainer-event--cancelled\b", css)
    # the badge of every status but the default (`.explainer-status` alone, not one of
    # its modifiers), and the one status drawn apart
    assert re.search(r"\.explainer-status(?![\w-])", css)
    # every status but the default is drawn apart in the timeline picture
    for status in vocabulary.STATUSES[1:]:
        if status != "cancelled":  # struck through by a line of its own (.viz-strike)
            assert re.search(rf"\.viz-{status}\b", css), status
    assert re.search(r"\.explainer-status--unconfirmed\b", css)


def test_every_status_has_its_words_in_every_ui_table() -> None:
    """Its label, and for any status but the default its date in words that stay true (a
    day or a month), and how an actor takes part in it."""
    tables = load_strings(("en", "de", "fr", "es"))
    for language, strings in tables.items():
        for status in vocabulary.STATUSES:
            if status == vocabulary.DEFAULT_STATUS:  # by type: a statement is issued
                for kind in vocabulary.EVENT_TYPES:
                    assert strings(f"status.{status}.{kind}"), (language, kind)
                continue
            assert strings(f"status.{status}"), (language, status)
            for precision in ("day", "month"):
                assert "{date}" in strings.table[f"when.{status}.{precision}"], language
            assert strings(f"actor.way.participant.{status}"), (language, status)


def test_every_field_of_an_event_has_a_word_for_what_changed() -> None:
    fields = set(SCHEMA["event"]["properties"])
    assert fields <= set(FIELD_WORDS), fields - set(FIELD_WORDS)
    tables = load_strings(("en", "de", "fr", "es"))
    for strings in tables.values():
        for word in {*FIELD_WORDS.values(), "other"}:
            assert strings(f"changes.field.{word}")
        for word in {*ITEM_WORDS.values(), "other"}:  # "a source", "two sources"
            assert strings(f"changes.item.{word}", count=1) != strings(
                f"changes.item.{word}", count=2
            )


def test_page_paths_are_the_specs() -> None:
    assert vocabulary.event_path("x") == "events/x.md"
    assert vocabulary.actor_path("x") == "actors/x.md"
    assert (vocabulary.TIMELINE, vocabulary.GLOSSARY, vocabulary.FIGURES, vocabulary.ACTORS) == (
        "timeline.md",
        "glossary.md",
        "figures.md",
        "actors/index.md",
    )
