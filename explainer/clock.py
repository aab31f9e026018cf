"""Local times in a time zone: which moment a time on a day means, when the clocks skip
it (they jump forward) or show it twice (they go back), and from when to when they jump.

Every answer comes from zoneinfo itself (PEP 495's `fold`), never from a table: the
moment a local time means is its `fold=0` reading, or the `fold=1` one when the event
names that reading's offset (`utc_offset`).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

#: `+02:00`, `-05:30`: what `utc_offset` holds
OFFSET = re.compile(r"^([+-])([01][0-9]|2[0-3]):([0-5][0-9])$")


def parse_offset(text: str) -> datetime.timedelta | None:
    """`+02:00` -> 2 hours; None for anything else."""
    match = OFFSET.match(text)
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    offset = datetime.timedelta(hours=int(hours), minutes=int(minutes))
    return -offset if sign == "-" else offset


def format_offset(offset: datetime.timedelta) -> str:
    """2 hours -> `+02:00` (seconds, which only old local mean times have, are dropped)."""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def local_time(day: datetime.date, hhmm: str, zone: str) -> datetime.datetime:
    """The time on that day in that zone, read as zoneinfo reads it first (`fold=0`)."""
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return datetime.datetime.combine(day, datetime.time(hours, minutes), ZoneInfo(zone))


def moment(
    day: datetime.date, hhmm: str, zone: str, utc_offset: str | None = None
) -> datetime.datetime:
    """The moment a local time means: the second of a time the clocks show twice when
    `utc_offset` is that one's offset, else the first (for a time the clocks skip, the
    one before the jump, as zoneinfo reads it)."""
    first = local_time(day, hhmm, zone)
    if utc_offset is not None:
        second = first.replace(fold=1)
        if second.utcoffset() != first.utcoffset() and second.utcoffset() == parse_offset(
            utc_offset
        ):
            return second
    return first


@dataclass(frozen=True)
class Change:
    """The clocks change around a local time: they jump forward over it (`skipped`) or go
    back over it (so it happens twice), from one wall-clock time to another."""

    skipped: bool
    #: what the clocks showed just before the change, and what they showed right after
    before: datetime.datetime
    after: datetime.datetime
    #: the offsets of the two readings of the time: the first (earlier) one, the second
    first_offset: datetime.timedelta
    second_offset: datetime.timedelta


def clock_change(day: datetime.date, hhmm: str, zone: str) -> Change | None:
    """How the clocks change over this local time, or None if it happens exactly once."""
    first = local_time(day, hhmm, zone)
    second = first.replace(fold=1)
    first_offset, second_offset = first.utcoffset(), second.utcoffset()
    assert first_offset is not None and second_offset is not None
    if first_offset == second_offset:
        return None
    # a time that exists comes back from UTC as itself; one the clocks skip does not
    wall = first.replace(tzinfo=None)
    skipped = first.astimezone(datetime.UTC).astimezone(first.tzinfo).replace(tzinfo=None) != wall
    # the change happens between the two readings' instants
    earliest = min(first.astimezone(datetime.UTC), second.astimezone(datetime.UTC))
    latest = max(first.astimezone(datetime.UTC), second.astimezone(datetime.UTC))
    tz = ZoneInfo(zone)
    instant = _change_between(earliest, latest, tz)
    old = (instant - datetime.timedelta(seconds=1)).astimezone(tz).utcoffset()
    new = instant.astimezone(tz).utcoffset()
    assert old is not None and new is not None
    naive = instant.replace(tzinfo=None)
    return Change(skipped, naive + old, naive + new, first_offset, second_offset)


def _change_between(
    earliest: datetime.datetime, latest: datetime.datetime, zone: ZoneInfo
) -> datetime.datetime:
    """The first instant (to the second) after `earliest` whose offset is that of `latest`."""
    target = latest.astimezone(zone).utcoffset()
    low, high = 0, int((latest - earliest).total_seconds())
    while low < high:
        middle = (low + high) // 2
        instant = earliest + datetime.timedelta(seconds=middle)
        if instant.astimezone(zone).utcoffset() == target:
            high = middle
        else:
            low = middle + 1
    return earliest + datetime.timedelta(seconds=low)
