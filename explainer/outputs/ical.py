"""`events.ics`: the events of a language as an RFC 5545 calendar.

Stable UIDs (`<event id>@<site host>`), STATUS from the event's status (held: CONFIRMED,
scheduled and unconfirmed: TENTATIVE, cancelled: CANCELLED; the description says the
status in words), LANGUAGE on every text, VTIMEZONE for events with a time.

The calendar holds the dated events (the spec's words) and leaves out those known only by
their month. RFC 5545 has no way to say "a day within this month": a VEVENT's DTSTART is
a day or a moment (3.8.2.4); one with a DATE and no DTEND lasts that one day (3.6.1), and
one from the month's first day to the next month's would last the whole month. Each says
something the sources do not, and a calendar application shows it as fact (it ignores an
X- property that would say otherwise). The pages, the feed and events.json keep them.

The events' content lines are written here, byte for byte as icalendar 7.3 wrote them
(property order, TEXT escaping, parameters, dates, folding): icalendar took a third of a
second a language at 1,000 events, most of it folding character by character and building
a property object for every value. icalendar still names each zone's TZID and makes its
VTIMEZONE, once per zone and process (it asks to be cached).
"""

from __future__ import annotations

import datetime
import functools
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Timezone
from icalendar.timezone.tzid import tzid_from_tzinfo

from explainer.model import Event, Story
from explainer.outputs.common import event_start, reference_time
from explainer.rendering import RenderContext, status_sentence, title_with_status
from explainer.urls import SiteUrls
from explainer.vocabulary import event_path

#: RFC 5545 (3.8.1.11) has three words for an event: TENTATIVE, CONFIRMED (definite) and
#: CANCELLED. A scheduled event is not definite until it has taken place (the sources say
#: it was agreed, not that it will happen), so it stays TENTATIVE; so is an unconfirmed one,
#: whose date has passed without a source saying whether it took place.
STATUS = {
    "held": "CONFIRMED",
    "scheduled": "TENTATIVE",
    "cancelled": "CANCELLED",
    "unconfirmed": "TENTATIVE",
}
_STATUS_LINES = {status: f"STATUS:{value}".encode() for status, value in STATUS.items()}

#: the octets of a line before icalendar folds it: it folds before the octet that would
#: make a line 75 long, so every line, continuations after their leading space too, has 74
_LINE = 74


def _text(value: str) -> str:
    """A TEXT value escaped as icalendar escapes it: `\\N` is a newline (RFC 5545 reads it
    so), then backslash, semicolon, comma, and every line end (CRLF, LF, lone CR) as `\\n`."""
    return (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


_PARAM_ESCAPE = re.compile(r'\^|\r\n|\r|\n|"')
_PARAM_ESCAPES = {"^": "^^", "\r\n": "^n", "\r": "^n", "\n": "^n", '"': "^'"}
_PARAM_QUOTED = re.compile("[,;:\u2019]")  # the last: a typographic apostrophe


def _param(value: str) -> str:
    """A parameter value as icalendar writes it: RFC 6868 escapes (`^^`, `^n`, `^'`), in
    double quotes if it has `,` `;` `:` or a typographic apostrophe."""
    value = _PARAM_ESCAPE.sub(lambda m: _PARAM_ESCAPES[m.group(0)], value)
    return f'"{value}"' if _PARAM_QUOTED.search(value) else value


def _date(day: datetime.date) -> str:
    return f"{day.year:04}{day.month:02}{day.day:02}"


def _date_time(moment: datetime.datetime) -> str:
    return f"{_date(moment)}T{moment.hour:02}{moment.minute:02}{moment.second:02}"


def _all_day(first: datetime.date, after: datetime.date) -> tuple[bytes, bytes]:
    return (
        f"DTSTART;VALUE=DATE:{_date(first)}".encode(),
        f"DTEND;VALUE=DATE:{_date(after)}".encode(),
    )


def _fold(line: str) -> bytes:
    """A content line in UTF-8, folded as icalendar folds: before the character that would
    make the line longer than 74 octets (never inside one), a backslash or caret that ends
    a piece moved to the next so that no escape is split."""
    data = line.encode()
    pieces = []
    start = 0
    while len(data) - start > _LINE:
        end = start + _LINE
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation octet: back to its first
            end -= 1
        # a piece has 71 octets at least, so more than one character, as icalendar asks
        if data[end - 1] in b"\\^":
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


@functools.cache
def _zone(name: str) -> tuple[str | None, str, str]:
    """The TZID icalendar gives a zone (None: UTC by any name, which has no VTIMEZONE), and
    what comes before and after the local time in a DTSTART in it."""
    tzid = tzid_from_tzinfo(ZoneInfo(name))
    if tzid == "UTC":
        return None, "DTSTART:", "Z"
    return tzid, f"DTSTART;TZID={_param(tzid)}:", ""


@functools.cache
def _vtimezone(tzid: str) -> tuple[str, bytes]:
    """The VTIMEZONE of a TZID and the TZID it has, by icalendar as `add_missing_timezones`
    makes it (which skipped zones icalendar does not know: the data's are checked against
    the zones zoneinfo knows, which icalendar reads): costly, so once a process."""
    zone = Timezone.from_tzid(tzid)
    return str(zone["TZID"]), zone.to_ical()


def dated(story: Story) -> list[Event]:
    """The events the calendar holds: those known to the day (with a time or without)."""
    return [event for event in story.chronological if event.date.day is not None]


def calendar(ctx: RenderContext, urls: SiteUrls, site_name: str) -> bytes:
    lang = ctx.language
    host = urlsplit(urls.site_url).hostname if urls.site_url else None
    # reference_time is in UTC, which add() converted DTSTAMP to
    stamp = f"DTSTAMP:{_date_time(reference_time(ctx.story))}Z".encode()
    text = f";LANGUAGE={_param(lang)}:"
    # lines of text are folded; the others are short ASCII
    lines = [
        b"BEGIN:VCALENDAR",
        b"VERSION:2.0",
        _fold("PRODID:" + _text(f"-//explainer//{site_name}//{lang.upper()}")),
        b"CALSCALE:GREGORIAN",
        b"METHOD:PUBLISH",
        # an X- property's value is TEXT (RFC 5545, 3.8.8.2): escaped like every text
        # ("cooperation\\, January 2026"), which icalendar does for a vText it is given
        _fold("X-WR-CALNAME" + text + _text(site_name)),
    ]
    events: list[bytes] = []
    tzids: set[str] = set()
    for event in dated(ctx.story):
        description = [ctx.text(event.summary)]
        status = status_sentence(ctx, event)
        if status:
            description.insert(0, status)
        if event.time and event.timezone:
            start = event_start(event)
            if start.fold:
                # the second of a time the clocks show twice (`utc_offset`): RFC 5545 reads
                # a local time as the first, so this one is written in UTC
                dates = (f"DTSTART:{_date_time(start.astimezone(datetime.UTC))}Z".encode(),)
            else:
                tzid, before, after = _zone(event.timezone)
                dates = (_fold(before + _date_time(start) + after),)
                if tzid:
                    tzids.add(tzid)
        else:
            day = event.date.first_day
            dates = _all_day(day, day + datetime.timedelta(days=1))
        # icalendar's order: SUMMARY, DTSTART, DTEND, DTSTAMP, UID, then by name
        events += (b"BEGIN:VEVENT", _fold("SUMMARY" + text + _text(title_with_status(ctx, event))))
        events += (*dates, stamp, _fold("UID:" + _text(f"{event.id}@{host or 'explainer'}")))
        events.append(_fold("CATEGORIES" + text + _text(ctx.type_words(event))))
        page = urls.absolute(urls.page(lang, event_path(event.id)))
        if page:
            description.append(page)
        events.append(_fold("DESCRIPTION" + text + _text("\n\n".join(description))))
        if event.place:
            events.append(_fold("LOCATION" + text + _text(ctx.text(event.place))))
        events += (_STATUS_LINES[event.status], b"TRANSP:TRANSPARENT")
        if page:
            events.append(_fold("URL:" + page))
        events.append(b"END:VEVENT")
    # icalendar added zones in the order of a set, which changes from run to run (string
    # hashing): sorted by TZID, two builds of one commit give the same file
    lines += (ical.removesuffix(b"\r\n") for _, ical in sorted(map(_vtimezone, tzids)))
    lines += events
    lines += (b"END:VCALENDAR", b"")
    return b"\r\n".join(lines)
