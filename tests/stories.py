"""Small stories for unit tests: tests/fixtures/minimal.yaml as the site reads it, edited
per test, turned into a Story or a loaded Explainer (validated, as a build loads it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from explainer.loader import load_text
from explainer.model import Event, EventDate, Story, build_story
from explainer.site import Explainer, SiteConfig
from tests.conftest import minimal_yaml

LANGUAGES = ("en", "de")


def minimal_data() -> dict[str, Any]:
    """A fresh copy of the minimal fixture's data (dates stay text, as the loader reads them)."""
    loaded = load_text(minimal_yaml(), "data/events.yaml")
    assert loaded.problems == []
    data: dict[str, Any] = loaded.data
    return data


def event(title: str, date: str, **fields: Any) -> dict[str, Any]:
    """An event of the minimal fixture's actors, with its title in both languages."""
    return {
        "type": "call",
        "date": date,
        "participants": ["ada"],
        "title": {"en": title, "de": f"{title} (de)"},
        "summary": {"en": f"About {title}.", "de": f"Über {title}."},
        **fields,
    }


def statement(status: str = "held", type_name: dict[str, str] | None = None) -> Event:
    """A statement of January 16, 2026, as the model holds it; `type_name` names its kind
    for readers (a press conference, a post)."""
    return Event(
        id="s",
        type="statement",
        date=EventDate(2026, 1, 16),
        participants=(),
        title={"en": "s", "de": "s"},
        summary={"en": "s", "de": "s"},
        status=status,
        type_name=type_name,
    )


def timed(title: str, date: str, time: str, **fields: Any) -> dict[str, Any]:
    """An event at a time of day in Berlin."""
    return event(title, date, time=time, timezone="Europe/Berlin", **fields)


def story(data: dict[str, Any] | None = None) -> Story:
    return build_story(data if data is not None else minimal_data(), LANGUAGES)


def load(
    tmp_path: Path,
    data: dict[str, Any] | None = None,
    site_url: str | None = None,
    languages: tuple[str, ...] = LANGUAGES,
) -> Explainer:
    """The site of `data` as a build loads it: written to a file, validated, rendered."""
    (tmp_path / "data").mkdir(exist_ok=True)
    text = yaml.safe_dump(data if data is not None else minimal_data(), allow_unicode=True)
    (tmp_path / "data" / "events.yaml").write_text(text, encoding="utf-8")
    config = SiteConfig.from_settings(tmp_path, languages, tmp_path / "docs", None, site_url)
    return Explainer.load(config)


def statuses_data(cancelled_on: str = "2026-02") -> dict[str, Any]:
    """An event of each status, all of them the minimal fixture's Ada's; Bob in none. The
    cancelled one is known by its month only, unless `cancelled_on` gives its day."""
    data = minimal_data()
    data["events"] = {
        "held": event("Held talks", "2026-01-12"),
        "planned": event("Planned talks", "2026-05-04", status="scheduled"),
        "open": event("Open talks", "2026-01-23", type="meeting", status="unconfirmed"),
        "off": event("Called-off talks", cancelled_on, status="cancelled"),
    }
    return data


#: the statuses story's titles where a reader sees only a title (a feed's entries, a
#: calendar's day view): an event not known to have taken place carries its status word
STATUS_TITLES = {
    "en": {
        "held": "Held talks",
        "planned": "Planned talks (scheduled)",
        "open": "Open talks (unconfirmed)",
        "off": "Called-off talks (canceled)",
    },
    "de": {
        "held": "Held talks (de)",
        "planned": "Planned talks (de) (angesetzt)",
        "open": "Open talks (de) (unbestätigt)",
        "off": "Called-off talks (de) (abgesagt)",
    },
}


def statuses_story(tmp_path: Path) -> Explainer:
    """An event of each status (`statuses_data`)."""
    return load(tmp_path, statuses_data())
