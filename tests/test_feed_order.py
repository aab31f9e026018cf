"""The order of events in the feed (newest first) and the JSON export (oldest first), with
same-day events by time and month-only events after their month's days, written out by
hand rather than sorted with the key the code sorts with; and their links without a
site_url."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import feedparser

from explainer.outputs.atom import atom_feed
from explainer.outputs.export import export
from tests.stories import event, load, minimal_data, timed


def crowded() -> dict[str, Any]:
    """Events in a file order that is not their order in time."""
    data = minimal_data()
    data["events"] = {
        "afternoon": timed("Afternoon", "2026-03-02", "14:00"),
        "month": event("Some day in March", "2026-03"),
        "morning": timed("Morning", "2026-03-02", "09:30"),
        "april": event("April", "2026-04-01"),
        "last-of-march": event("Last of March", "2026-03-31"),
        "february": event("February", "2026-02-28"),
        "ten": timed("Ten", "2026-03-02", "10:00"),
    }
    return data


OLDEST_FIRST = ["february", "morning", "ten", "afternoon", "last-of-march", "month", "april"]


def test_the_feed_is_newest_first(tmp_path: Path) -> None:
    explainer = load(tmp_path, crowded())
    feed = feedparser.parse(atom_feed(explainer.context("en"), explainer.urls, "Site"))
    assert [e.link.split("/")[-2] for e in feed.entries] == OLDEST_FIRST[::-1]


def test_the_export_is_oldest_first(tmp_path: Path) -> None:
    explainer = load(tmp_path, crowded())
    data = json.loads(export(explainer.context("en"), explainer.urls, "Site"))
    assert [e["id"] for e in data["events"]] == OLDEST_FIRST


def test_without_a_site_url_feed_links_are_relative_to_the_feed(tmp_path: Path) -> None:
    explainer = load(tmp_path)
    german = feedparser.parse(atom_feed(explainer.context("de"), explainer.urls, "Site"))
    assert [e.link for e in german.entries] == [
        "events/council-meeting/",
        "events/first-call/",
        "events/statement/",
    ]
    links = {link.rel: link.href for link in german.feed.links}
    assert links == {"self": "feed.xml", "alternate": "./"}
    english = feedparser.parse(atom_feed(explainer.context("en"), explainer.urls, "Site"))
    assert english.entries[0].link == "events/council-meeting/"


def test_with_a_site_url_feed_links_are_absolute(tmp_path: Path) -> None:
    explainer = load(tmp_path, site_url="https://example.org/explainer")
    german = feedparser.parse(atom_feed(explainer.context("de"), explainer.urls, "Site"))
    assert german.entries[0].link == "https://example.org/explainer/de/events/council-meeting/"
    assert german.entries[0].id == german.entries[0].link
    links = {link.rel: link.href for link in german.feed.links}
    assert links == {
        "self": "https://example.org/explainer/de/feed.xml",
        "alternate": "https://example.org/explainer/de/",
    }


def test_the_feed_follows_the_timeline_where_the_sources_place_an_event_before_another(
    tmp_path: Path,
) -> None:
    """The R9 review: the feed, "newest first", listed the embassy's post (January, placed
    before the meeting of January 23 with `before:`) above that meeting, while the timeline
    lists it before the meeting. The feed is the timeline's order reversed."""
    data = crowded()
    data["events"]["month"]["before"] = "morning"
    explainer = load(tmp_path, data)
    feed = feedparser.parse(atom_feed(explainer.context("en"), explainer.urls, "Site"))
    timeline = [e.id for e in explainer.story.chronological]
    assert timeline.index("month") < timeline.index("morning")
    assert [e.link.split("/")[-2] for e in feed.entries] == timeline[::-1]
