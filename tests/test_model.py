"""The story the pages are made of: every field of the data where the views expect it, and
the orders a reader sees (timeline, previous/next, related, an actor's events)."""

from __future__ import annotations

from typing import Any

import pytest

from explainer.model import (
    CLAIMED_FIGURE,
    PARTICIPANT,
    QUOTED,
    Actor,
    Event,
    EventDate,
    Figure,
    Quote,
    Source,
    Term,
)
from tests.stories import event, minimal_data, story, timed

BOTH = ("en", "de")


def same(text: str) -> dict[str, str]:
    """A plain text, as each language reads it."""
    return dict.fromkeys(BOTH, text)


def test_the_minimal_file_becomes_exactly_this_story() -> None:
    data = minimal_data()
    data["actors"]["bob"]["description"] = {"en": "A *speaker*.", "de": "Ein *Redner*."}
    data["events"]["council-meeting"]["sources"].append(
        {"title": {"en": "Report", "de": "Bericht"}, "publisher": "Reuters"}
    )
    result = story(data)

    assert list(result.actors) == ["ada", "council", "bob"]
    assert result.actors == {
        "ada": Actor(
            id="ada",
            name=same("Ada Example"),
            kind="person",
            role={"en": "Mayor of Exampleton", "de": "Bürgermeisterin von Exampleton"},
            country="DE",
            member_of="council",
        ),
        "council": Actor(
            id="council",
            name={"en": "City council", "de": "Stadtrat"},
            kind="institution",
            country="DE",
        ),
        "bob": Actor(
            id="bob",
            name=same("Bob Sample"),
            kind="person",
            country="US",
            description={"en": "A *speaker*.", "de": "Ein *Redner*."},
        ),
    }
    assert result.glossary == {
        "budget": Term(
            id="budget",
            term={"en": "Budget", "de": "Haushalt"},
            definition={
                "en": "A plan of income and spending. It is voted on yearly.",
                "de": "Ein Plan der Einnahmen und Ausgaben. Er wird jährlich beschlossen.",
            },
            aliases={"en": ("budgets",), "de": ("Haushalts",)},
            see_also=("tax",),
        ),
        "tax": Term(
            id="tax",
            term={"en": "Tax", "de": "Steuer"},
            definition={
                "en": "Money paid to the state.",
                "de": "Geld, das an den Staat gezahlt wird.",
            },
        ),
    }
    assert list(result.events) == ["first-call", "council-meeting", "statement"]
    assert result.events["first-call"] == Event(
        id="first-call",
        type="call",
        date=EventDate(2026, 3, 2),
        participants=("ada", "bob"),
        title={"en": "Ada calls Bob", "de": "Ada ruft Bob an"},
        summary={"en": "They talk about the budget.", "de": "Sie sprechen über den Haushalt."},
        quotes=(Quote("ada", {"en": "We agree.", "de": "Wir sind uns einig."}),),
        figures=(
            Figure(
                "first-call",
                "ada",
                {"en": "Budget growth", "de": "Haushaltswachstum"},
                12.5,
                "percent",
            ),
            Figure("first-call", "bob", {"en": "Grain", "de": "Getreide"}, 1500, "tonnes", "about"),
        ),
        terms=("budget",),
    )
    assert result.events["council-meeting"] == Event(
        id="council-meeting",
        type="meeting",
        date=EventDate(2026, 3),
        participants=("council",),
        title={"en": "Council meets", "de": "Der Stadtrat tagt"},
        summary={"en": "The council votes.", "de": "Der Stadtrat stimmt ab."},
        status="scheduled",
        time="10:00",
        timezone="Europe/Berlin",
        place={"en": "Town hall", "de": "Rathaus"},
        sources=(
            Source(
                title=same("Minutes"),
                url="https://example.org/minutes",
                publisher={"en": "City", "de": "Stadt"},
                date="2026-03-01",
            ),
            Source(title={"en": "Report", "de": "Bericht"}, publisher=same("Reuters")),
        ),
        related=("first-call",),
    )
    assert result.events["statement"] == Event(
        id="statement",
        type="statement",
        date=EventDate(2026, 2, 28),
        participants=("bob",),
        title={"en": "Bob speaks", "de": "Bob spricht"},
        summary={"en": "Bob makes a statement.", "de": "Bob gibt eine Erklärung ab."},
        body={
            "en": "Bob *said* things.\n\nMore things.",
            "de": "Bob *sagte* Dinge.\n\nWeitere Dinge.",
        },
    )


@pytest.mark.parametrize(
    ("fields", "qualifier"),
    [
        ({}, None),
        ({"approximate": False}, None),
        ({"approximate": True}, "about"),
        ({"qualifier": "nearly"}, "nearly"),
        ({"qualifier": "over"}, "over"),
        # the qualifier says how; `approximate: true` beside it adds nothing
        ({"qualifier": "nearly", "approximate": True}, "nearly"),
    ],
)
def test_a_qualifier_wins_over_approximate(fields: dict[str, Any], qualifier: str | None) -> None:
    data = minimal_data()
    data["events"]["statement"]["figures"] = [
        {"by": "bob", "label": same("Tons"), "value": 320, "unit": "tonnes", **fields}
    ]
    [figure] = story(data).events["statement"].figures
    assert figure.qualifier == qualifier
    assert figure.approximate is (qualifier is not None)


@pytest.mark.parametrize(
    ("text", "date", "iso"),
    [
        ("2026-03-02", EventDate(2026, 3, 2), "2026-03-02"),
        ("2026-03", EventDate(2026, 3), "2026-03"),
        ("0987-01-05", EventDate(987, 1, 5), "0987-01-05"),
    ],
)
def test_dates_read_and_written(text: str, date: EventDate, iso: str) -> None:
    assert EventDate.parse(text) == date
    assert date.iso == iso


def test_a_month_only_date_sorts_after_every_day_of_its_month() -> None:
    dates = [
        EventDate(2026, 4, 1),
        EventDate(2026, 3),
        EventDate(2026, 3, 31),
        EventDate(2025, 12),
        EventDate(2026, 1, 1),
        EventDate(2026, 3, 1),
    ]
    assert sorted(dates, key=lambda d: d.sort_key) == [
        EventDate(2025, 12),
        EventDate(2026, 1, 1),
        EventDate(2026, 3, 1),
        EventDate(2026, 3, 31),
        EventDate(2026, 3),
        EventDate(2026, 4, 1),
    ]


def ordered_story() -> dict[str, Any]:
    """Events in a file order that is not their order in time."""
    data = minimal_data()
    data["events"] = {
        "afternoon": timed("Afternoon", "2026-03-02", "14:00"),
        "month": event("Some day in March", "2026-03"),
        "morning": timed("Morning", "2026-03-02", "09:30"),
        "also-morning": timed("Also at half past nine", "2026-03-02", "09:30"),
        "april": event("April", "2026-04-01"),
        "last-of-march": event("Last of March", "2026-03-31"),
        "february": event("February", "2026-02-28"),
        "ten": timed("Ten", "2026-03-02", "10:00"),
    }
    return data


CHRONOLOGICAL = [
    "february",
    "morning",
    "also-morning",
    "ten",
    "afternoon",
    "last-of-march",
    "month",
    "april",
]


def test_chronological_same_day_by_time_then_file_order() -> None:
    assert [e.id for e in story(ordered_story()).chronological] == CHRONOLOGICAL


def test_on_one_day_the_timeline_orders_times_by_the_moment_across_zones() -> None:
    """09:00 in Berlin (08:00 UTC) comes before 08:30 in London (08:30 UTC); an untimed
    event of that day comes first, and previous and next follow the same order."""
    data = minimal_data()
    data["events"] = {
        "london": event("London", "2026-03-02", time="08:30", timezone="Europe/London"),
        "untimed": event("Some time that day", "2026-03-02"),
        "berlin": event("Berlin", "2026-03-02", time="09:00", timezone="Europe/Berlin"),
        "new-york": event("New York", "2026-03-02", time="03:45", timezone="America/New_York"),
    }
    told = story(data)
    assert [e.id for e in told.chronological] == ["untimed", "berlin", "london", "new-york"]
    assert told.next_event("berlin").id == "london"  # type: ignore[union-attr]
    assert told.previous_event("london").id == "berlin"  # type: ignore[union-attr]
    assert told.next_event("london").id == "new-york"  # type: ignore[union-attr]


def test_a_time_the_clocks_skip_keeps_previous_and_next_in_the_timelines_order() -> None:
    """Berlin's clocks jump from 02:00 to 03:00 on 29 March 2026: 02:30 is read as 01:30
    UTC, after 03:10 (01:10 UTC). The timeline and previous/next agree on that order."""
    data = minimal_data()
    data["events"] = {
        "skipped": event("Skipped", "2026-03-29", time="02:30", timezone="Europe/Berlin"),
        "after-the-jump": event("After", "2026-03-29", time="03:10", timezone="Europe/Berlin"),
    }
    told = story(data)
    assert [e.id for e in told.chronological] == ["after-the-jump", "skipped"]
    assert told.next_event("after-the-jump").id == "skipped"  # type: ignore[union-attr]
    assert told.previous_event("skipped").id == "after-the-jump"  # type: ignore[union-attr]
    assert told.next_event("skipped") is None
    assert told.previous_event("after-the-jump") is None


def test_utc_offset_places_a_time_the_clocks_show_twice_in_the_timeline() -> None:
    """Berlin's clocks go back from 03:00 to 02:00 on 25 October 2026: the second 02:30
    (UTC+01:00) comes after 02:45 of the first hour (UTC+02:00)."""
    data = minimal_data()
    data["events"] = {
        "second": timed("Second", "2026-10-25", "02:30", utc_offset="+01:00"),
        "first-hour": timed("First hour", "2026-10-25", "02:45", utc_offset="+02:00"),
        "first": timed("First", "2026-10-25", "02:30", utc_offset="+02:00"),
    }
    told = story(data)
    assert [e.id for e in told.chronological] == ["first", "first-hour", "second"]
    assert told.next_event("first-hour").id == "second"  # type: ignore[union-attr]
    assert told.events["second"].local_start().isoformat() == "2026-10-25T02:30:00+01:00"
    assert told.events["first"].local_start().isoformat() == "2026-10-25T02:30:00+02:00"


def test_the_timelines_order_does_not_depend_on_the_machines_time_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """05:30 and 06:10 UTC on 1 November 2026 are 01:30 and 01:10 in New York, whose clocks
    go back that night: a build there lists them as a build anywhere else does."""
    import time

    data = minimal_data()
    data["events"] = {
        "later": event("Later", "2026-11-01", time="06:10", timezone="Etc/UTC"),
        "earlier": event("Earlier", "2026-11-01", time="05:30", timezone="Etc/UTC"),
    }
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        told = story(data)
        assert [e.id for e in told.chronological] == ["earlier", "later"]
        assert told.next_event("earlier").id == "later"  # type: ignore[union-attr]
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_previous_and_next_follow_the_timelines_order_exactly() -> None:
    """A reader paging through the events meets them as the timeline lists them: an
    event's next is the one whose previous it is, a month-only event included (the event
    page says separately which events the data does not place before or after it)."""
    result = story(ordered_story())
    previous = {e: getattr(result.previous_event(e), "id", None) for e in CHRONOLOGICAL}
    following = {e: getattr(result.next_event(e), "id", None) for e in CHRONOLOGICAL}
    assert [e.id for e in result.chronological] == CHRONOLOGICAL
    assert previous == dict(zip(CHRONOLOGICAL, [None, *CHRONOLOGICAL[:-1]], strict=True))
    assert following == dict(zip(CHRONOLOGICAL, [*CHRONOLOGICAL[1:], None], strict=True))
    for event_id, after in following.items():
        if after is not None:
            assert previous[after] == event_id
    assert following["last-of-march"] == "month"  # the timeline lists `month` next
    assert previous["april"] == "month"


def test_the_data_says_which_events_it_does_not_place_before_or_after() -> None:
    result = story(ordered_story())
    unknown = {e: [o.id for o in result.order_unknown(e)] for e in CHRONOLOGICAL}
    assert unknown == {
        "february": [],
        "morning": ["also-morning", "month"],
        "also-morning": ["morning", "month"],
        "ten": ["month"],
        "afternoon": ["month"],
        "last-of-march": ["month"],
        "month": ["morning", "also-morning", "ten", "afternoon", "last-of-march"],
        "april": [],
    }


def test_same_day_events_are_ordered_only_by_times_that_tell() -> None:
    data = ordered_story()
    events = data["events"]
    events["untimed"] = event("No time", "2026-03-02")
    # 09:00 in New York is 15:00 in Berlin: after Berlin's 14:00, whatever the digits say
    events["new-york"] = event("New York", "2026-03-02", time="09:00", timezone="America/New_York")
    result = story(data)
    # the timeline lists that day's times by the moment: New York's 09:00 last
    day = ["morning", "also-morning", "ten", "afternoon", "new-york"]
    assert [e.id for e in result.order_unknown("untimed")] == [*day, "month"]
    by_id = result.events
    assert by_id["afternoon"].known_before(by_id["new-york"])
    assert not by_id["new-york"].known_before(by_id["afternoon"])
    assert not by_id["untimed"].known_before(by_id["morning"])
    assert not by_id["morning"].known_before(by_id["untimed"])
    assert result.events["february"].known_before(result.events["untimed"])


def test_related_events_show_on_both_sides_in_time_order() -> None:
    data = ordered_story()
    data["events"]["month"]["related"] = ["april", "february"]
    data["events"]["ten"]["related"] = ["month"]
    result = story(data)
    related = {e: [r.id for r in result.related_events(e)] for e in ("month", "april", "ten")}
    assert related == {
        "month": ["february", "ten", "april"],
        "april": ["month"],
        "ten": ["month"],
    }
    assert result.related_events("morning") == []


def test_involvement_in_time_order_with_every_way_of_taking_part() -> None:
    data = ordered_story()
    events = data["events"]
    events["april"]["participants"] = ["bob"]
    events["april"]["quotes"] = [{"by": "ada", "text": same("Yes.")}]
    events["morning"]["participants"] = ["bob"]
    events["morning"]["figures"] = [
        {"by": "ada", "label": same("Share"), "value": 3, "unit": "percent"}
    ]
    events["month"]["quotes"] = [{"by": "ada", "text": same("No.")}]
    events["month"]["figures"] = [
        {"by": "ada", "label": same("Tons"), "value": 1, "unit": "tonnes"}
    ]
    result = story(data)
    ada = [(e.id, ways) for e, ways in result.involvement("ada")]
    assert ada == [
        ("february", {PARTICIPANT}),
        ("morning", {CLAIMED_FIGURE}),
        ("also-morning", {PARTICIPANT}),
        ("ten", {PARTICIPANT}),
        ("afternoon", {PARTICIPANT}),
        ("last-of-march", {PARTICIPANT}),
        ("month", {PARTICIPANT, QUOTED, CLAIMED_FIGURE}),
        ("april", {QUOTED}),
    ]
    assert [(e.id, ways) for e, ways in result.involvement("bob")] == [
        ("morning", {PARTICIPANT}),
        ("april", {PARTICIPANT}),
    ]
    assert result.involvement("council") == []


def test_members_in_file_order_and_figures_in_time_order() -> None:
    data = ordered_story()
    data["actors"]["bob"]["member_of"] = "council"
    data["events"]["april"]["figures"] = [
        {"by": "bob", "label": same("First of April"), "value": 1, "unit": "count"},
        {"by": "ada", "label": same("Second of April"), "value": 2, "unit": "count"},
    ]
    data["events"]["february"]["figures"] = [
        {"by": "bob", "label": same("February"), "value": 3, "unit": "count"}
    ]
    result = story(data)
    assert [a.id for a in result.members("council")] == ["ada", "bob"]
    assert result.members("ada") == []
    assert [(f.event_id, f.label["en"]) for f in result.figures] == [
        ("february", "February"),
        ("april", "First of April"),
        ("april", "Second of April"),
    ]


def test_planned_events_scheduled_or_unconfirmed_in_time_order() -> None:
    data = ordered_story()
    for event_id in ("april", "morning"):
        data["events"][event_id]["status"] = "scheduled"
    data["events"]["february"]["status"] = "unconfirmed"
    data["events"]["ten"]["status"] = "cancelled"
    assert [e.id for e in story(data).planned] == ["february", "morning", "april"]


@pytest.mark.parametrize(
    ("first", "second", "before", "after"),
    [
        # the same instant in two zones (London is an hour behind Berlin in March)
        (
            ("2026-03-02", "10:00", "Europe/Berlin"),
            ("2026-03-02", "09:00", "Europe/London"),
            False,
            False,
        ),
        # minutes count: 10:15 in Berlin is before 09:30 in London (10:30 in Berlin)
        (
            ("2026-03-02", "10:15", "Europe/Berlin"),
            ("2026-03-02", "09:30", "Europe/London"),
            True,
            False,
        ),
        # a later day with an earlier clock time
        (
            ("2026-03-03", "09:00", "Europe/Berlin"),
            ("2026-03-02", "10:00", "Europe/Berlin"),
            False,
            True,
        ),
        # a zone but no time: its time of day is not known
        (
            ("2026-03-02", None, "Europe/Berlin"),
            ("2026-03-02", "10:00", "Europe/Berlin"),
            False,
            False,
        ),
        # two events known only by the same month, with times: their days are not known
        (
            ("2026-03", "09:00", "Europe/Berlin"),
            ("2026-03", "10:00", "Europe/Berlin"),
            False,
            False,
        ),
    ],
)
def test_what_the_data_says_about_before_and_after(
    first: tuple[str, str | None, str],
    second: tuple[str, str | None, str],
    before: bool,
    after: bool,
) -> None:
    def make(name: str, date: str, time: str | None, zone: str) -> dict[str, Any]:
        return event(name, date, **({"time": time} if time else {}), timezone=zone)

    data = minimal_data()
    data["events"] = {"one": make("One", *first), "two": make("Two", *second)}
    result = story(data)
    one, two = result.events["one"], result.events["two"]
    assert (one.known_before(two), two.known_before(one)) == (before, after)


def test_a_month_only_event_the_sources_place_before_a_dated_one_comes_just_before_it() -> None:
    """The embassy's post is known only by its month, yet the reports speak of it as
    published and of the meeting of January 23 as still to come: `before:` lists it just
    before that meeting (the review found it after the meeting, "order not known"), and
    previous and next know the order of the two."""
    data = ordered_story()
    data["events"]["month"]["before"] = "ten"
    result = story(data)
    order = [e.id for e in result.chronological]
    assert order == [
        "february",
        "morning",
        "also-morning",
        "month",
        "ten",
        "afternoon",
        "last-of-march",
        "april",
    ]
    assert result.next_event("month").id == "ten"
    assert result.previous_event("ten").id == "month"
    month, ten = result.events["month"], result.events["ten"]
    assert month.known_before(ten) and not ten.known_before(month)
    # and before what follows that one; what comes earlier the sources do not say
    assert month.known_before(result.events["april"])
    assert month.known_before(result.events["last-of-march"])
    assert [e.id for e in result.order_unknown("month")] == ["morning", "also-morning"]
    assert [e.id for e in result.order_unknown("ten")] == []
