"""`events.ics` of a language, made without a build and read back with icalendar: what a
calendar application shows for each event (day, time and zone, texts, status), and that
events known only by their month are not in it."""

from __future__ import annotations

import datetime
import itertools
import string
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar.parser import Contentline, unescape_backslash

from explainer.outputs.common import event_start
from explainer.outputs.ical import _fold, _param, _text, calendar
from explainer.strings import load_strings
from explainer.urls import SiteUrls
from tests.stories import STATUS_TITLES, event, load, minimal_data, statuses_data

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
    data["events"]["open-meeting"] = event("Open", "2026-03-06", status="unconfirmed")
    cal = read(tmp_path, "de", data, SITE_URL)
    assert str(cal["prodid"]) == "-//explainer//Test explainer//DE"
    assert str(cal["version"]) == "2.0"
    assert str(cal["calscale"]) == "GREGORIAN"
    assert str(cal["method"]) == "PUBLISH"
    assert text(cal, "x-wr-calname", "de") == "Test explainer"

    entries = cal.walk("VEVENT")
    # oldest first; the council meeting, known only by its month, is not among them
    assert [str(e["uid"]) for e in entries] == [
        "statement@example.org",
        "first-call@example.org",
        "cancelled-visit@example.org",
        "open-meeting@example.org",
    ]
    stamp = datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.UTC)
    assert all(e.decoded("dtstamp") == stamp for e in entries)
    statement, call, visit, unconfirmed = entries

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
    # an event that has not simply taken place says its status in words, first (its date as
    # the pages write it, with no-break spaces)
    assert str(visit["status"]) == "CANCELLED"
    assert text(visit, "description", "de") == (
        "Für den 5.\u00a0März\u00a02026 angesetzt; abgesagt.\n\nÜber A visit.\n\n"
        f"{SITE_URL}de/events/cancelled-visit/"
    )
    assert str(unconfirmed["status"]) == "TENTATIVE"
    assert text(unconfirmed, "description", "de").startswith(
        "Für den 6.\u00a0März\u00a02026 angesetzt; ob es stattfand, geht aus den Quellen "
        "nicht hervor.\n\n"
    )


def test_english_calendar_says_english(tmp_path: Path) -> None:
    cal = read(tmp_path, "en", site_url=SITE_URL)
    assert str(cal["prodid"]) == "-//explainer//Test explainer//EN"
    assert text(cal, "x-wr-calname", "en") == "Test explainer"
    statement = events_of(cal)["statement"]
    assert text(statement, "summary", "en") == "Bob speaks"
    assert str(statement["url"]) == SITE_URL + "events/statement/"


@pytest.mark.parametrize("status", ["scheduled", "unconfirmed"])
def test_an_event_not_known_to_have_taken_place_is_tentative_and_says_why(
    tmp_path: Path, status: str
) -> None:
    data = minimal_data()
    data["events"]["talks"] = event("Talks", "2026-01-23", type="meeting", status=status)
    talks = events_of(read(tmp_path, "en", data))["talks"]
    assert str(talks["status"]) == "TENTATIVE"
    said = {
        "scheduled": "Scheduled for Jan.\u00a023,\u00a02026.",
        "unconfirmed": "Scheduled for Jan.\u00a023,\u00a02026; "
        "the sources do not say whether it took place.",
    }
    assert text(talks, "description", "en") == f"{said[status]}\n\nAbout Talks."


def test_a_calendar_entry_not_known_to_have_taken_place_says_so_in_its_title(
    tmp_path: Path,
) -> None:
    """A calendar's day and week views show the title alone (R42/R43): an event not known
    to have taken place carries its status word there; one that took place does not."""
    data = statuses_data(cancelled_on="2026-02-03")  # a calendar holds days only
    for lang, titles in STATUS_TITLES.items():
        entries = events_of(read(tmp_path, lang, data))
        assert {key: text(e, "summary", lang) for key, e in entries.items()} == titles


def test_without_a_site_url_no_links_and_uids_of_their_own(tmp_path: Path) -> None:
    entries = read(tmp_path, "de").walk("VEVENT")
    assert [str(e["uid"]) for e in entries] == ["statement@explainer", "first-call@explainer"]
    assert all("url" not in e for e in entries)
    assert str(entries[0]["description"]) == "Bob gibt eine Erklärung ab."


@pytest.mark.parametrize(
    "fields",
    [{}, {"time": "10:00", "timezone": "Europe/Berlin"}, {"status": "scheduled"}],
    ids=["all day", "with a time", "scheduled"],
)
def test_an_event_known_only_by_its_month_is_not_in_the_calendar(
    tmp_path: Path, fields: dict[str, str]
) -> None:
    """No VEVENT can say "some day in March": one that spans the month says it lasted the
    month, one on its first day says it was that day (RFC 5545, 3.6.1)."""
    data = minimal_data()
    data["events"]["later"] = event("Later", "2026-12", **fields)
    data["events"]["dated"] = event("Dated", "2026-12-04", **fields)
    found = events_of(read(tmp_path, "en", data))
    assert "later" not in found and "council-meeting" not in found
    assert "dated" in found
    assert all("x-explainer-date-precision" not in entry for entry in found.values())


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


def test_each_of_a_time_the_clocks_show_twice_starts_at_its_own_moment(tmp_path: Path) -> None:
    """Berlin's clocks go back from 03:00 to 02:00 on 25 October 2026: 02:30 is 00:30 UTC
    (`utc_offset: "+02:00"`) or 01:30 UTC (`"+01:00"`). A local time with a TZID is read
    as the first (RFC 5545), so a calendar application reads the second from UTC."""
    data = minimal_data()
    for offset in ("+02:00", "+01:00"):
        data["events"][f"at{offset[1:3]}"] = event(
            "Twice", "2026-10-25", time="02:30", timezone="Europe/Berlin", utc_offset=offset
        )
    found = events_of(read(tmp_path, "en", data))
    starts = {
        uid: found[uid].decoded("dtstart").astimezone(datetime.UTC) for uid in ("at02", "at01")
    }
    assert starts == {
        "at02": datetime.datetime(2026, 10, 25, 0, 30, tzinfo=datetime.UTC),
        "at01": datetime.datetime(2026, 10, 25, 1, 30, tzinfo=datetime.UTC),
    }
    assert found["at02"]["dtstart"].params["TZID"] == "Europe/Berlin"


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


# --- the writer against icalendar ------------------------------------------------------------
# calendar() writes the content lines itself; icalendar wrote them until it took a third of
# a second a language at 1,000 events. The calendar it wrote is the reference, byte for byte.


def reference_calendar(ctx, urls, site_name: str) -> bytes:  # type: ignore[no-untyped-def]
    """explainer/outputs/ical.py's calendar as icalendar 7.3 made it (commit b51244c)."""
    from urllib.parse import urlsplit

    from explainer.outputs.common import event_start, reference_time
    from explainer.rendering import status_sentence, title_with_status
    from explainer.views.base import event_path

    status = {
        "held": "CONFIRMED",
        "scheduled": "TENTATIVE",
        "cancelled": "CANCELLED",
        "unconfirmed": "TENTATIVE",
    }
    lang = ctx.language
    host = urlsplit(urls.site_url).hostname if urls.site_url else None
    stamp = reference_time(ctx.story)
    text = {"LANGUAGE": lang}
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//explainer//{site_name}//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # an X- property's value is TEXT (RFC 5545, 3.8.8.2), escaped as any text
    cal.add("x-wr-calname", icalendar.vText(site_name), parameters=text)
    for item in ctx.story.chronological:
        if item.date.day is None:  # known only by its month: not a dated event
            continue
        entry = icalendar.Event()
        entry.add("uid", f"{item.id}@{host or 'explainer'}")
        entry.add("dtstamp", stamp)
        description = [ctx.text(item.summary)]
        if status_sentence(ctx, item):
            description.insert(0, status_sentence(ctx, item))
        if item.time and item.timezone:
            start = event_start(item)
            # icalendar writes a local time, which RFC 5545 reads as the first of two:
            # the second of a time the clocks show twice is written in UTC instead
            entry.add("dtstart", start.astimezone(datetime.UTC) if start.fold else start)
        else:
            day = item.date.first_day
            entry.add("dtstart", day)
            entry.add("dtend", day + datetime.timedelta(days=1))
        entry.add("summary", title_with_status(ctx, item), parameters=text)
        page = urls.absolute(urls.page(lang, event_path(item.id)))
        if page:
            entry.add("url", page)
            description.append(page)
        entry.add("description", "\n\n".join(description), parameters=text)
        if item.place:
            entry.add("location", ctx.text(item.place), parameters=text)
        entry.add("status", status[item.status])
        entry.add("categories", [ctx.type_words(item)], parameters=text)
        entry.add("transp", "TRANSPARENT")
        cal.add_component(entry)
    cal.add_missing_timezones()
    zones = sorted(
        (c for c in cal.subcomponents if c.name == "VTIMEZONE"), key=lambda c: str(c["TZID"])
    )
    positions = [i for i, c in enumerate(cal.subcomponents) if c.name == "VTIMEZONE"]
    for position, zone in zip(positions, zones, strict=True):
        cal.subcomponents[position] = zone
    return cal.to_ical()


def unescaped(value: str) -> str:
    """A text as a calendar application reads it back: icalendar writes `\\N` and every
    line end as a newline."""
    return value.replace("\\N", "\n").replace("\r\n", "\n").replace("\r", "\n")


def assert_as_icalendar_writes(  # type: ignore[no-untyped-def]
    explainer, site_name: str = "Test explainer", urls: SiteUrls | None = None
) -> None:
    """Every language's calendar is the reference's, byte for byte, and reads back as its
    events."""
    urls = urls or explainer.urls
    for lang in explainer.config.languages:
        ctx = explainer.context(lang)
        raw = calendar(ctx, urls, site_name)
        assert raw == reference_calendar(ctx, urls, site_name), lang
        cal = icalendar.Calendar.from_ical(raw)
        assert cal.to_ical() == raw  # what icalendar reads, it writes the same
        # icalendar keeps an X- property's value as written; a calendar reads it as TEXT
        assert unescape_backslash(str(cal["x-wr-calname"])) == site_name
        entries = cal.walk("VEVENT")
        events = [e for e in ctx.story.chronological if e.date.day is not None]
        assert [str(e["uid"]).split("@")[0] for e in entries] == [e.id for e in events]
        for entry, item in zip(entries, events, strict=True):
            assert text(entry, "summary", lang).startswith(unescaped(ctx.text(item.title)))
            description = text(entry, "description", lang)
            assert unescaped(ctx.text(item.summary)) in description
            if item.place:
                assert text(entry, "location", lang) == unescaped(ctx.text(item.place))
            if item.time and item.timezone:
                # as moments: Python never finds the second of a repeated time equal to
                # a time in another zone (PEP 495)
                moment = event_start(item).astimezone(datetime.UTC)
                assert entry.decoded("dtstart").astimezone(datetime.UTC) == moment


@pytest.mark.story
def test_the_seed_calendars_are_the_ones_icalendar_wrote(seed_story) -> None:  # type: ignore[no-untyped-def]
    assert_as_icalendar_writes(seed_story)
    assert_as_icalendar_writes(seed_story, urls=SiteUrls(seed_story.urls.languages, SITE_URL))


def test_a_synthetic_storys_calendars_are_the_ones_icalendar_wrote(tmp_path: Path) -> None:
    from bench.synthetic import generate

    explainer = load(tmp_path, generate(300), SITE_URL)
    events = explainer.story.events.values()
    # what the writer has to get right is there: months (left out), times in zones, every
    # status
    assert any(e.date.day is None for e in events)
    assert len({e.timezone for e in events if e.time and e.date.day is not None}) > 1
    assert {e.status for e in events} == {"held", "scheduled", "cancelled", "unconfirmed"}
    assert_as_icalendar_writes(explainer)


#: texts that TEXT escaping and folding must get right: the escaped characters, the
#: backslash-N icalendar reads as a newline, line ends of three kinds, the caret it keeps
#: with the next character, quotes, and multi-byte UTF-8 of two, three and four octets
ODD = (
    'Komma, Semikolon; Backslash \\ und \\N und \\n\nneue Zeile\r\nCRLF\rCR ^Dach^ "Zitat" ’s',
    "Äußerst große Übergänge öffnen Türen für Ölförderung, Gemüse und Süßwaren",
    "東京都議会の予算審議について、市長が声明を発表しました；詳細は後日",
    "Wahl 🗳️ am 📅, Feier 🎉 der Familie 👩‍👩‍👧 und 🇩🇪, dann 🤝",
    "\\,\\;\\\\^\\N,;^" * 6,
)

#: (time, zone) of the hostile events: zones with summer time (north and south, and Lord
#: Howe's half hour), without, UTC by its names (written with a Z, no VTIMEZONE), the first
#: minute after Berlin's clocks jump and the second of a time they show twice
TIMES = (
    ("03:00", "Europe/Berlin"),  # 2026-03-29 in the list below: right after 02:00 became 03:00
    ("18:45", "America/New_York"),
    ("07:15", "Australia/Lord_Howe"),
    ("09:00", "Asia/Kolkata"),
    ("12:00", "UTC"),
    ("23:59", "Etc/GMT+5"),
    ("00:00", "GMT"),
    ("10:30", "Asia/Tokyo"),
    ("02:30", "Europe/Berlin"),  # 2026-10-25: twice, the second time (UTC+01:00)
    ("16:00", "America/Sao_Paulo"),
)


def hostile_data() -> dict[str, Any]:
    """The minimal story with events whose texts shift the hostile ones by 0 to 9
    characters, so that folds fall at every offset of them (inside a character of two,
    three and four octets, on a backslash and a caret)."""
    data = minimal_data()
    days = ["2026-03-29", "2026-04-01", "2026-04-05", "2026-05-01", "2026-06-30"]
    days += ["2026-07-01", "2026-08-15", "2026-09-09", "2026-10-25", "2026-12-31"]
    statuses = ("held", "scheduled", "cancelled", "unconfirmed")
    for n, (day, (time, zone)) in enumerate(zip(days, TIMES, strict=True)):
        pad = "x" * n
        odd = [f"{pad}{text} {pad}" for text in ODD[n % len(ODD) :] + ODD[: n % len(ODD)]]
        data["events"][f"odd-{n}"] = {
            "type": ("call", "statement", "meeting")[n % 3],
            "date": day[:7] if n % 4 == 3 else day,  # Kolkata's and Tokyo's: the month only
            "participants": ["ada"],
            "title": {"en": odd[0][:120], "de": odd[1][:120]},
            "summary": {"en": " ".join(odd)[:400], "de": " ".join(reversed(odd))[:400]},
            "place": {"en": odd[2], "de": odd[3] + odd[4]},
            "status": statuses[n % 4],
            **({"timezone": zone} if n == 9 else {"time": time, "timezone": zone}),
            **({"utc_offset": "+01:00"} if day == "2026-10-25" else {}),
        }
    return data


@pytest.mark.parametrize(
    "site_url", [None, SITE_URL, "https://bücher.example:8443/erklärer/"], ids=str
)
def test_a_hostile_storys_calendars_are_the_ones_icalendar_wrote(
    tmp_path: Path, site_url: str | None
) -> None:
    explainer = load(tmp_path, hostile_data(), site_url)
    # X-WR-CALNAME escaped as TEXT, as PRODID is
    site_name = "Der Erklärer, ein Test; mit \\ und 東京 🗳️ " * 3
    assert_as_icalendar_writes(explainer, site_name)
    raw = calendar(explainer.context("de"), explainer.urls, site_name)
    pieces = raw.split(b"\r\n")
    # the folds the writer had to get right are in it: at 74 octets, before a character
    # that would not fit whole, and before an escape's backslash that would end a piece
    continued = [
        len(p.removeprefix(b" ")) for p, after in itertools.pairwise(pieces) if after[:1] == b" "
    ]
    assert {74, 73, 72, 71}.issubset(continued)
    assert any(p.startswith(b" \\") for p in pieces)
    assert any(p.startswith(b" ^") for p in pieces)
    zones = [str(z["tzid"]) for z in icalendar.Calendar.from_ical(raw).walk("VTIMEZONE")]
    assert zones == sorted(zones)
    # UTC by any name has none; nor have a month's time or a zone without a time
    assert zones == ["America/New_York", "Australia/Lord_Howe", "Etc/GMT+5", "Europe/Berlin"]


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_texts_are_escaped_and_folded_as_icalendar_does(value: str) -> None:
    line = f"DESCRIPTION;LANGUAGE=de:{_text(value)}"
    assert line == f"DESCRIPTION;LANGUAGE=de:{icalendar.vText(value).to_ical().decode()}"
    assert _fold(line) == Contentline(line).to_ical()
    assert _fold(value.replace("\n", "")) == Contentline(value.replace("\n", "")).to_ical()


#: one of each kind of character: ASCII letters, digits and signs (the backslash and caret
#: icalendar keeps with the next piece among them), and UTF-8 of two, three and four octets
CHARACTERS = string.ascii_letters + string.digits + string.punctuation + " äß€東🗳"


@pytest.mark.parametrize("character", CHARACTERS)
def test_a_line_of_any_character_is_folded_as_icalendar_folds_it(character: str) -> None:
    """Lines of one character after prefixes of every length up to a line's: each fold
    falls after each character, at each of its octets' offsets."""
    for prefix in range(76):
        line = "x" * prefix + character * 160
        assert _fold(line) == Contentline(line).to_ical(), prefix


@pytest.mark.parametrize(
    "value",
    ["de", "pt-BR", "a,b", "a;b", "Europe:Berlin", "it’s", 'say "hi"', "a^b", "x\ny", "x\r\ny"]
    + ["x\ry", "", '^"\n,', "a b"],
)
def test_parameter_values_are_quoted_as_icalendar_does(value: str) -> None:
    assert f"LANGUAGE={_param(value)}".encode() == icalendar.Parameters(LANGUAGE=value).to_ical()
    assert f"TZID={_param(value)}".encode() == icalendar.Parameters(TZID=value).to_ical()


def test_the_calendar_is_stamped_with_the_storys_last_update(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """R61/R63 read DTSTAMP 2026-02-01 (a month-only event's start) beside a home page
    published in November: with the history, the stamp is the story's last update; without
    it, the latest event's start, as before."""
    from explainer.history import EventHistory
    from explainer.model import build_story
    from explainer.site import Explainer

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = minimal_data()
    loaded = load(tmp_path, data)
    updated = datetime.datetime(2026, 11, 22, 4, 31, tzinfo=datetime.UTC)
    history = {
        event_id: EventHistory(updated - datetime.timedelta(days=1)) for event_id in data["events"]
    }
    history["statement"] = EventHistory(updated - datetime.timedelta(days=1), updated)
    for story, stamp in (
        (build_story(data, ("en", "de"), history), "20261122T043100Z"),
        (loaded.story, None),
    ):
        explainer = Explainer(loaded.config, story, loaded.strings)
        cal = icalendar.Calendar.from_ical(
            calendar(explainer.context("en"), explainer.urls, "Test")
        )
        stamps = {str(e.get("dtstamp").to_ical(), "ascii") for e in cal.walk("VEVENT")}
        latest = max(event_start(e) for e in loaded.story.events.values())
        assert stamps == {stamp or latest.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")}
