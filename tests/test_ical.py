"""`events.ics` of a language, made without a build and read back with icalendar: what a
calendar application shows for each event (day or month, time and zone, texts, status)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest

from explainer.outputs.ical import calendar
from explainer.strings import load_strings
from tests.stories import event, load, minimal_data

STRINGS = load_strings(("en", "de"))
SITE_URL = "https://example.org/explainer/"


def read(
    tmp_path: Path, lang: str, data: dict[str, Any] | None = None, site_url: str | None = None
):  # type: ignore[no-untyped-def]
    explainer = load(tmp_path, data, site_url)
    raw = calendar(explainer.context(lang), explainer.urls, "Test explainer")
    return icalendar.Calendar.from_ical(raw)


def events_of(cal) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {str(e["uid"]).split("@")[0]: e for e in cal.walk("VEVENT")}


def text(entry, name: str, lang: str) -> str:  # type: ignore[no-untyped-def]
    """A text property, checked to carry the calendar's language."""
    value = entry[name]
    assert value.params["LANGUAGE"] == lang, name
    return str(value)


def test_the_calendar_and_its_events_in_german(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = minimal_data()
    data["events"]["cancelled-visit"] = event("A visit", "2026-03-05", status="cancelled")
    cal = read(tmp_path, "de", data, SITE_URL)
    assert str(cal["prodid"]) == "-//explainer//Test explainer//DE"
    assert str(cal["version"]) == "2.0"
    assert str(cal["calscale"]) == "GREGORIAN"
    assert str(cal["method"]) == "PUBLISH"
    assert text(cal, "x-wr-calname", "de") == "Test explainer"

    entries = cal.walk("VEVENT")
    # oldest first, the month-only event after the dated days of its month
    assert [str(e["uid"]) for e in entries] == [
        "statement@example.org",
        "first-call@example.org",
        "cancelled-visit@example.org",
        "council-meeting@example.org",
    ]
    stamp = datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.UTC)
    assert all(e.decoded("dtstamp") == stamp for e in entries)
    statement, call, visit, meeting = entries

    page = SITE_URL + "de/events/statement/"
    assert text(statement, "summary", "de") == "Bob spricht"
    assert text(statement, "description", "de") == f"Bob gibt eine Erklärung ab.\n\n{page}"
    assert str(statement["url"]) == page
    assert statement.decoded("dtstart") == datetime.date(2026, 2, 28)
    assert statement.decoded("dtend") == datetime.date(2026, 3, 1)
    assert "x-explainer-date-precision" not in statement
    assert "location" not in statement
    assert str(statement["status"]) == "CONFIRMED"
    assert str(statement["transp"]) == "TRANSPARENT"
    assert statement["categories"].params["LANGUAGE"] == "de"
    assert [str(c) for c in statement["categories"].cats] == [STRINGS["de"]("type.statement")]

    assert [str(c) for c in call["categories"].cats] == [STRINGS["de"]("type.call")]
    assert str(visit["status"]) == "CANCELLED"

    # known only to the month (with a time, but no day for it): the whole month, all day
    month_only = STRINGS["de"]("calendar.month_only", month="März 2026")
    assert text(meeting, "description", "de") == (
        f"{month_only}\n\nDer Stadtrat stimmt ab.\n\n{SITE_URL}de/events/council-meeting/"
    )
    assert meeting.decoded("dtstart") == datetime.date(2026, 3, 1)
    assert meeting.decoded("dtend") == datetime.date(2026, 4, 1)
    assert str(meeting["x-explainer-date-precision"]) == "MONTH"
    assert text(meeting, "location", "de") == "Rathaus"
    assert str(meeting["status"]) == "TENTATIVE"
    assert [str(c) for c in meeting["categories"].cats] == [STRINGS["de"]("type.meeting")]


def test_english_calendar_says_english(tmp_path: Path) -> None:
    cal = read(tmp_path, "en", site_url=SITE_URL)
    assert str(cal["prodid"]) == "-//explainer//Test explainer//EN"
    assert text(cal, "x-wr-calname", "en") == "Test explainer"
    statement = events_of(cal)["statement"]
    assert text(statement, "summary", "en") == "Bob speaks"
    assert str(statement["url"]) == SITE_URL + "events/statement/"
    meeting = events_of(cal)["council-meeting"]
    month_only = STRINGS["en"]("calendar.month_only", month="March 2026")
    assert text(meeting, "description", "en").startswith(f"{month_only}\n\nThe council votes.")


def test_without_a_site_url_no_links_and_uids_of_their_own(tmp_path: Path) -> None:
    entries = read(tmp_path, "de").walk("VEVENT")
    assert [str(e["uid"]) for e in entries] == [
        "statement@explainer",
        "first-call@explainer",
        "council-meeting@explainer",
    ]
    assert all("url" not in e for e in entries)
    assert str(entries[0]["description"]) == "Bob gibt eine Erklärung ab."


@pytest.mark.parametrize(
    ("month", "end"),
    [
        ("2026-12", datetime.date(2027, 1, 1)),  # into the next year
        ("2026-11", datetime.date(2026, 12, 1)),
        ("2028-02", datetime.date(2028, 3, 1)),
        ("2026-01", datetime.date(2026, 2, 1)),
    ],
)
def test_a_month_only_event_spans_its_whole_month(
    tmp_path: Path, month: str, end: datetime.date
) -> None:
    data = minimal_data()
    data["events"]["later"] = event("Later", month)
    later = events_of(read(tmp_path, "en", data))["later"]
    year, number = (int(p) for p in month.split("-"))
    assert later.decoded("dtstart") == datetime.date(year, number, 1)
    assert later.decoded("dtend") == end
    assert str(later["x-explainer-date-precision"]) == "MONTH"


def test_a_timed_event_starts_at_its_local_time_in_its_zone(tmp_path: Path) -> None:
    data = minimal_data()
    data["events"]["first-call"].update(time="18:30", timezone="America/Mexico_City")
    cal = read(tmp_path, "en", data)
    call = events_of(cal)["first-call"]
    start = call.decoded("dtstart")
    assert start == datetime.datetime(2026, 3, 2, 18, 30, tzinfo=ZoneInfo("America/Mexico_City"))
    assert call["dtstart"].params["TZID"] == "America/Mexico_City"
    assert "dtend" not in call and "x-explainer-date-precision" not in call
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["America/Mexico_City"]


def test_a_zone_without_a_time_is_a_whole_day(tmp_path: Path) -> None:
    data = minimal_data()
    data["events"]["first-call"]["timezone"] = "America/Mexico_City"
    cal = read(tmp_path, "en", data)
    call = events_of(cal)["first-call"]
    assert call.decoded("dtstart") == datetime.date(2026, 3, 2)
    assert call.decoded("dtend") == datetime.date(2026, 3, 3)
    assert cal.walk("VTIMEZONE") == []


def test_time_zones_are_written_in_the_order_of_their_names(tmp_path: Path) -> None:
    """The same data gives the same file: icalendar adds zones in a set's order."""
    data = minimal_data()
    zones = ["Europe/Berlin", "Asia/Tokyo", "America/Mexico_City", "Africa/Lagos"]
    data["events"] = {
        f"e{n}": event(f"E{n}", f"2026-03-0{n + 1}", time="10:00", timezone=zone)
        for n, zone in enumerate(zones)
    }
    cal = read(tmp_path, "en", data)
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == [
        "Africa/Lagos",
        "America/Mexico_City",
        "Asia/Tokyo",
        "Europe/Berlin",
    ]
