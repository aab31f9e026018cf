"""What the outputs share: dates as datetimes, stable ids, the build's reference time."""

from __future__ import annotations

import datetime
import os
import uuid

from explainer.model import Event, Story


def event_start(event: Event) -> datetime.datetime:
    """The event's start: its local time in its zone, else midnight UTC of its (first) day."""
    if event.time and event.timezone:
        return event.local_start()
    day = event.date.first_day
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


def reference_time(story: Story) -> datetime.datetime:
    """A timestamp that depends on the data only (SOURCE_DATE_EPOCH wins if set): outputs
    of the same commit are byte-identical. With the data file's history, the story's last
    update (its calendars' DTSTAMP, its sitemaps' date); without it, its latest event's
    start (R61, R63 read a calendar stamped Feb. 1, the start of a month-only event,
    beside a home page published in November)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    if story.last_update is not None:
        return story.last_update.astimezone(datetime.UTC)
    starts = [event_start(e).astimezone(datetime.UTC) for e in story.events.values()]
    return max(starts, default=datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC))


def stable_id(*parts: str) -> str:
    """A URN that stays the same for the same parts, build after build."""
    return uuid.uuid5(uuid.NAMESPACE_URL, "explainer:" + "/".join(parts)).urn
