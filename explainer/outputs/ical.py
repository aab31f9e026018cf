"""`events.ics`: the events of a language as an RFC 5545 calendar (icalendar).

Stable UIDs (`<event id>@<site host>`), STATUS from the event's status (held: CONFIRMED,
scheduled: TENTATIVE, cancelled: CANCELLED), LANGUAGE on every text, VTIMEZONE for events
with a time. An event known only by its month spans that whole month as all-day dates and
says so in its description and in X-EXPLAINER-DATE-PRECISION:MONTH, even with a time (which
has no day to stand on).
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from explainer.outputs.common import event_start, reference_time
from explainer.urls import SiteUrls
from explainer.views.base import RenderContext, event_path

STATUS = {"held": "CONFIRMED", "scheduled": "TENTATIVE", "cancelled": "CANCELLED"}


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def calendar(ctx: RenderContext, urls: SiteUrls, site_name: str) -> bytes:
    lang = ctx.language
    host = urlsplit(urls.site_url).hostname if urls.site_url else None
    stamp = reference_time(ctx.story)
    text = {"LANGUAGE": lang}
    cal = Calendar()
    cal.add("prodid", f"-//explainer//{site_name}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", site_name, parameters=text)
    for event in ctx.story.chronological:
        entry = CalendarEvent()
        entry.add("uid", f"{event.id}@{host or 'explainer'}")
        entry.add("dtstamp", stamp)
        description = [ctx.text(event.summary)]
        if event.date.day is None:  # with a time too: its day is not known
            first = event.date.first_day
            entry.add("dtstart", first)
            entry.add("dtend", _next_month(first))
            entry.add("x-explainer-date-precision", "MONTH")
            description.insert(0, ctx.t("calendar.month_only", month=ctx.l10n.date(event.date)))
        elif event.time and event.timezone:
            entry.add("dtstart", event_start(event))
        else:
            day = event.date.first_day
            entry.add("dtstart", day)
            entry.add("dtend", day + datetime.timedelta(days=1))
        entry.add("summary", ctx.text(event.title), parameters=text)
        page = urls.absolute(urls.page(lang, event_path(event.id)))
        if page:
            entry.add("url", page)
            description.append(page)
        entry.add("description", "\n\n".join(description), parameters=text)
        if event.place:
            entry.add("location", ctx.text(event.place), parameters=text)
        entry.add("status", STATUS[event.status])
        entry.add("categories", [ctx.t(f"type.{event.type}")], parameters=text)
        entry.add("transp", "TRANSPARENT")
        cal.add_component(entry)
    cal.add_missing_timezones()
    # icalendar adds them in the order of a set, which changes from run to run (string
    # hashing): sorted by TZID, two builds of one commit give the same file
    zones = sorted(
        (c for c in cal.subcomponents if c.name == "VTIMEZONE"), key=lambda c: str(c["TZID"])
    )
    positions = [i for i, c in enumerate(cal.subcomponents) if c.name == "VTIMEZONE"]
    for position, zone in zip(positions, zones, strict=True):
        cal.subcomponents[position] = zone
    return cal.to_ical()
