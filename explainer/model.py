"""The story as the views read it: validated data turned into typed, linked objects."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Protocol

from explainer.clock import moment
from explainer.history import FieldChange
from explainer.performance import collector_paused
from explainer.vocabulary import CLAIMED_FIGURE as CLAIMED_FIGURE
from explainer.vocabulary import DEFAULT_STATUS, QUALIFIERS
from explainer.vocabulary import PARTICIPANT as PARTICIPANT
from explainer.vocabulary import QUOTED as QUOTED

#: A text in each configured language.
Localized = Mapping[str, str]


def localize(value: Any, languages: Iterable[str]) -> dict[str, str]:
    """Plain-or-localized text -> a text per language."""
    if isinstance(value, str):
        return {lang: value for lang in languages}
    return dict(value)


@dataclass(frozen=True, order=True)
class EventDate:
    """A day, or only a month when the day is not known."""

    year: int
    month: int
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> EventDate:
        parts = [int(p) for p in text.split("-")]
        return cls(parts[0], parts[1], parts[2] if len(parts) == 3 else None)

    @property
    def iso(self) -> str:
        base = f"{self.year:04d}-{self.month:02d}"
        return base if self.day is None else f"{base}-{self.day:02d}"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        """The day itself; for a month-only date the month's last day."""
        if self.day is not None:
            return self.first_day
        return datetime.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """A month-only date sorts after every dated day of its month."""
        return (self.year, self.month, self.day if self.day is not None else 32)


@dataclass(frozen=True)
class Actor:
    id: str
    name: Localized
    kind: str
    role: Localized | None = None
    country: str | None = None
    member_of: str | None = None
    description: Localized | None = None
    #: other forms of the name to recognise in texts, per language (an extension)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Term:
    id: str
    term: Localized
    definition: Localized
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    by: str
    text: Localized


@dataclass(frozen=True)
class Figure:
    event_id: str
    by: str
    label: Localized
    value: float
    unit: str
    #: how the value is hedged: `about`, `nearly`, `over` (None: exact)
    qualifier: str | None = None

    @property
    def approximate(self) -> bool:
        return self.qualifier is not None


@dataclass(frozen=True)
class Source:
    title: Localized
    url: str | None = None
    publisher: Localized | None = None
    date: str | None = None


@dataclass(frozen=True)
class Correction:
    """A published correction of an event's facts: its day and what it says (Markdown)."""

    date: EventDate
    text: Localized


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    date: EventDate
    participants: tuple[str, ...]
    title: Localized
    summary: Localized
    status: str = DEFAULT_STATUS
    #: the event as a sentence names it ("Sheinbaum’s press conference"; `name:` in the
    #: data, in the nominative), or None: sentences then quote its headline
    name: Localized | None = None
    #: what readers are told the event is, in each language ("Press conference"; an
    #: extension, `type_name:` in the data), or None: its type's word ("Statement")
    type_name: Localized | None = None
    time: str | None = None
    timezone: str | None = None
    #: which of a time the clocks show twice is meant: `+02:00` (None: the first)
    utc_offset: str | None = None
    place: Localized | None = None
    body: Localized | None = None
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    sources: tuple[Source, ...] = ()
    related: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    #: oldest first
    corrections: tuple[Correction, ...] = ()
    #: from the data file's git history (None without it): the committer dates, in UTC,
    #: of the commit that added the event and of the last one that changed it after that
    published: datetime.datetime | None = None
    updated: datetime.datetime | None = None
    #: what the last update changed, field by field (from the history; empty without it)
    what_changed: tuple[FieldChange, ...] = ()
    #: for an event known only by its month: the event of that month, with an exact date,
    #: that the sources place it before (`before:` in the data; validated)
    before: Event | None = None
    #: the event page's own share image, relative to the data file's folder (None: a card
    #: is drawn for it)
    card: str | None = None

    @property
    def sort_key(self) -> tuple[tuple[int, int, int], str]:
        """The timeline's order: by date; on one day, untimed events first, then by the
        moment in UTC (09:00 in Berlin comes before 08:30 in London)."""
        if not (self.time and self.timezone and self.date.day is not None):
            return (self.date.sort_key, "")
        return (self.date.sort_key, self._moment().isoformat())

    def known_before(self, other: Event) -> bool:
        """Whether the data says this event came before `other`: it ended on an earlier day
        (a month-only date spans its month), or both are on the same day with times that
        say so. The timeline's order (month-only after the dated days, same day in file
        order) is a convention; it is not this."""
        if self.date.last_day < other.date.first_day:
            return True
        if self.before is not None and (other is self.before or self.before.known_before(other)):
            return True  # the sources place it before that one (`before:`)
        if self.date.day is None or self.date != other.date or not (self.time and other.time):
            return False
        if self.timezone == other.timezone:
            # as moments, like the timeline (sort_key): a time the clocks skip (02:30 when
            # they jump from 02:00 to 03:00) is not in the order of its digits
            return self._moment() < other._moment()
        if not (self.timezone and other.timezone):
            return False
        return self.local_start() < other.local_start()

    def _moment(self) -> datetime.datetime:
        """The event's time in UTC (two times in one zone compare by their digits)."""
        return self.local_start().astimezone(datetime.UTC)

    def local_start(self) -> datetime.datetime:
        """The moment of the event's time on its (first) day in its zone, the one
        `utc_offset` names where the clocks show that time twice (call with a time)."""
        return moment(self.date.first_day, self.time or "", self.timezone or "UTC", self.utc_offset)


@dataclass
class Story:
    """Everything one explainer tells, with the cross-references the pages need."""

    languages: tuple[str, ...]
    actors: dict[str, Actor]
    glossary: dict[str, Term]
    events: dict[str, Event]
    #: language code -> the names and terms in that language the texts use (`foreign_words`)
    foreign_words: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def chronological(self) -> list[Event]:
        """Oldest first; same day: by time, then in file order. An event known only by its
        month comes after the dated ones of its month, unless the sources place it before
        one of them (`before`): then it comes just before that one."""

        def key(event: Event) -> tuple[tuple[int, int, int], str, int]:
            if event.before is not None:
                return (*event.before.sort_key, 0)
            return (*event.sort_key, 1)

        return sorted(self.events.values(), key=key)

    @cached_property
    def _position(self) -> dict[str, int]:
        return {event.id: i for i, event in enumerate(self.chronological)}

    def previous_event(self, event_id: str) -> Event | None:
        """The event the timeline lists just before this one. Previous and next follow the
        timeline's order exactly, so that an event's next is the one whose previous it is;
        where the data does not say which came first (an event known only by its month,
        two events of one day without times), the event page says so (`order_unknown`)."""
        position = self._position[event_id]
        return self.chronological[position - 1] if position > 0 else None

    def next_event(self, event_id: str) -> Event | None:
        """The event the timeline lists just after this one (see previous_event)."""
        position = self._position[event_id] + 1
        events = self.chronological
        return events[position] if position < len(events) else None

    def order_unknown(self, event_id: str) -> list[Event]:
        """The events the data places neither before nor after this one, in timeline order:
        those of its day without times that tell, those of its month known only by their
        month (and for a month-only event, every other event of its month)."""
        event = self.events[event_id]
        date = event.date
        if date.day is None:
            candidates = self._by_month[(date.year, date.month)]
        else:  # its day, then the month-only events of its month (as the timeline lists them)
            candidates = self._by_date[date] + self._by_date.get(
                EventDate(date.year, date.month), []
            )
        return [
            other
            for other in candidates
            if other is not event and not (other.known_before(event) or event.known_before(other))
        ]

    @cached_property
    def _by_month(self) -> dict[tuple[int, int], list[Event]]:
        months: dict[tuple[int, int], list[Event]] = {}
        for event in self.chronological:
            months.setdefault((event.date.year, event.date.month), []).append(event)
        return months

    @cached_property
    def _by_date(self) -> dict[EventDate, list[Event]]:
        """Events by their date as written: a day, or a month for month-only ones."""
        dates: dict[EventDate, list[Event]] = {}
        for event in self.chronological:
            dates.setdefault(event.date, []).append(event)
        return dates

    @cached_property
    def _related(self) -> dict[str, list[str]]:
        both: dict[str, set[str]] = {event_id: set() for event_id in self.events}
        for event in self.events.values():
            for other in event.related:
                both[event.id].add(other)
                both[other].add(event.id)
        return {
            event_id: sorted(others, key=lambda o: self._position[o])
            for event_id, others in both.items()
        }

    def related_events(self, event_id: str) -> list[Event]:
        """Events related either way, in time order."""
        return [self.events[o] for o in self._related[event_id]]

    @cached_property
    def _involvement(self) -> dict[str, dict[str, set[str]]]:
        result: dict[str, dict[str, set[str]]] = {actor_id: {} for actor_id in self.actors}
        for event in self.chronological:
            for actor_id in event.participants:
                result[actor_id].setdefault(event.id, set()).add(PARTICIPANT)
            for quote in event.quotes:
                result[quote.by].setdefault(event.id, set()).add(QUOTED)
            for figure in event.figures:
                result[figure.by].setdefault(event.id, set()).add(CLAIMED_FIGURE)
        return result

    def involvement(self, actor_id: str) -> list[tuple[Event, set[str]]]:
        """Every event the actor took part in, was quoted in or claimed a figure in."""
        return [
            (self.events[event_id], ways) for event_id, ways in self._involvement[actor_id].items()
        ]

    def members(self, actor_id: str) -> list[Actor]:
        return [a for a in self.actors.values() if a.member_of == actor_id]

    @cached_property
    def figures(self) -> list[Figure]:
        return [figure for event in self.chronological for figure in event.figures]

    @property
    def planned(self) -> list[Event]:
        """Events agreed on and not known to have taken place or been cancelled: scheduled
        ones, and unconfirmed ones (their date has passed; no source says what came of
        them)."""
        return [e for e in self.chronological if e.status in ("scheduled", "unconfirmed")]

    @property
    def unchanged_since_first_publication(self) -> bool:
        """Whether every event was first published on the day the first one was and none
        has been updated since (False without history): the story's last date is then its
        publication, not an update."""
        published = [e.published for e in self.events.values() if e.published]
        if not published or any(e.updated for e in self.events.values()):
            return False
        return len({moment.date() for moment in published}) == 1

    @property
    def last_update(self) -> datetime.datetime | None:
        """When the story last changed, from the history: the latest first publication or
        update of an event (None without history)."""
        dates = [d for e in self.events.values() for d in (e.published, e.updated) if d]
        return max(dates, default=None)

    @cached_property
    def changes(self) -> list[Change]:
        """Every correction and every event's last update, newest first; on one day,
        corrections before updates, then in timeline order."""
        changes = [
            Change(correction.date.first_day, event, correction, number)
            for event in self.chronological
            for number, correction in enumerate(event.corrections, start=1)
        ]
        changes += [
            Change(event.updated.date(), event, None)
            for event in self.chronological
            if event.updated is not None
        ]
        position = {event.id: i for i, event in enumerate(self.chronological)}
        return sorted(
            changes,
            key=lambda c: (-c.day.toordinal(), c.correction is None, position[c.event.id]),
        )


@dataclass(frozen=True)
class Change:
    """A correction of an event, or (without `correction`) its last update."""

    day: datetime.date
    event: Event
    correction: Correction | None = None
    #: the correction's place among its event's, from 1 for the oldest
    number: int = 0


def _tuple_of(items: Any) -> tuple[Any, ...]:
    return tuple(items or ())


def _aliases(entry: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(words) for lang, words in (entry.get("aliases") or {}).items()}


def figure_qualifier(figure: dict[str, Any]) -> str | None:
    """`qualifier` (an extension of the contract), or `about` for `approximate: true`."""
    return figure.get("qualifier") or (QUALIFIERS[0] if figure.get("approximate") else None)


class Dates(Protocol):
    """An event's dates from the data file's history (explainer.history.EventHistory)."""

    @property
    def published(self) -> datetime.datetime: ...

    @property
    def updated(self) -> datetime.datetime | None: ...

    @property
    def changes(self) -> tuple[FieldChange, ...]: ...


def build_story(
    data: dict[str, Any], languages: tuple[str, ...], dates: Mapping[str, Dates] | None = None
) -> Story:
    """Turn validated data into a Story (call only on data without problems); `dates`
    are the events' dates from the history, by event id."""
    # not a decorator: `make mutation` (mutmut) leaves decorated functions unmutated
    with collector_paused():
        return _build_story(data, languages, dates or {})


def _build_story(
    data: dict[str, Any], languages: tuple[str, ...], dates: Mapping[str, Dates]
) -> Story:
    def loc(value: Any) -> dict[str, str] | None:
        return None if value is None else localize(value, languages)

    actors = {
        actor_id: Actor(
            id=actor_id,
            name=localize(a["name"], languages),
            kind=a["kind"],
            role=loc(a.get("role")),
            country=a.get("country"),
            member_of=a.get("member_of"),
            description=loc(a.get("description")),
            aliases=_aliases(a),
        )
        for actor_id, a in data["actors"].items()
    }
    glossary = {
        term_id: Term(
            id=term_id,
            term=dict(t["term"]),
            definition=dict(t["definition"]),
            aliases=_aliases(t),
            see_also=_tuple_of(t.get("see_also")),
        )
        for term_id, t in data["glossary"].items()
    }
    events = {}
    for event_id, e in data["events"].items():
        history = dates.get(event_id)
        events[event_id] = Event(
            id=event_id,
            type=e["type"],
            date=EventDate.parse(e["date"]),
            participants=tuple(e["participants"]),
            title=dict(e["title"]),
            summary=dict(e["summary"]),
            name=loc(e.get("name")),
            type_name=loc(e.get("type_name")),
            status=e.get("status", DEFAULT_STATUS),
            time=e.get("time"),
            timezone=e.get("timezone"),
            utc_offset=e.get("utc_offset"),
            card=e.get("card"),
            place=loc(e.get("place")),
            body=loc(e.get("body")),
            quotes=tuple(Quote(q["by"], dict(q["text"])) for q in e.get("quotes") or ()),
            figures=tuple(
                Figure(
                    event_id=event_id,
                    by=f["by"],
                    label=dict(f["label"]),
                    value=f["value"],
                    unit=f["unit"],
                    qualifier=figure_qualifier(f),
                )
                for f in e.get("figures") or ()
            ),
            sources=tuple(
                Source(
                    title=localize(s["title"], languages),
                    url=s.get("url"),
                    publisher=loc(s.get("publisher")),
                    date=s.get("date"),
                )
                for s in e.get("sources") or ()
            ),
            related=_tuple_of(e.get("related")),
            terms=_tuple_of(e.get("terms")),
            corrections=tuple(
                Correction(EventDate.parse(c["date"]), dict(c["text"]))
                for c in e.get("corrections") or ()
            ),
            published=history.published if history else None,
            updated=history.updated if history else None,
            what_changed=history.changes if history else (),
        )
    for event_id, e in data["events"].items():
        if e.get("before"):  # validated: an event of the same month with an exact date
            events[event_id] = replace(events[event_id], before=events[e["before"]])
    foreign_words = {
        language: tuple(phrases) for language, phrases in (data.get("foreign_words") or {}).items()
    }
    return Story(
        languages=languages,
        actors=actors,
        glossary=glossary,
        events=events,
        foreign_words=foreign_words,
    )
