"""The rules the JSON Schema cannot express: references, calendar dates, time zones and
the clocks' changes, and the editorial checks that are warnings (a quote from someone
who was not there, a `scheduled` event whose day has passed).

Each rule reads the data defensively: parts that already failed the schema are skipped,
so one run reports every problem the file has.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import math
import re
import zoneinfo
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.core import UnknownLocaleError

from explainer.clock import Change, clock_change, format_offset, local_time, parse_offset
from explainer.dates import today as todays_date
from explainer.loader import LoadedData
from explainer.markup import is_safe_link, unsafe_link_targets
from explainer.problems import WARNING, NodePath, Problem, did_you_mean

#: reference field -> (collection it points into, the word for one item of it)
_KINDS = {"actors": "actor", "glossary": "glossary term", "events": "event"}


#: the shape of a language code, as the schema checks it (`languageCode`)
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

#: the largest figure value the site formats (Babel's decimals fail far beyond it)
MAX_FIGURE = 1e15


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    return frozenset(
        code for code in Locale.parse("en").territories if len(code) == 2 and code.isalpha()
    )


@lru_cache(maxsize=1)
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


class _RuleChecker:
    def __init__(self, loaded: LoadedData, today: datetime.date) -> None:
        self.loaded = loaded
        data = _mapping(loaded.data)
        self.ids = {section: set(_mapping(data.get(section))) for section in _KINDS}
        self.data = data
        self.today = today

    def problem(self, path: NodePath, message: str) -> Problem:
        return self.loaded.problem(path, message)

    def warning(self, path: NodePath, message: str) -> Problem:
        return dataclasses.replace(self.loaded.problem(path, message), severity=WARNING)

    def check(self) -> Iterator[Problem]:
        for actor_id, actor in _mapping(self.data.get("actors")).items():
            yield from self._actor(actor_id, _mapping(actor))
        for term_id, term in _mapping(self.data.get("glossary")).items():
            yield from self._term(term_id, _mapping(term))
        for event_id, event in _mapping(self.data.get("events")).items():
            yield from self._event(event_id, _mapping(event))
        yield from self._foreign_words(_mapping(self.data.get("foreign_words")))

    # references -----------------------------------------------------------------------

    def _reference(self, path: NodePath, value: Any, section: str) -> Iterator[Problem]:
        if not isinstance(value, str) or value in self.ids[section]:
            return
        kind = _KINDS[section]
        hint = did_you_mean(value, self.ids[section])
        if not hint:
            hint = f"; no {kind} has this id" + (
                f" (add it under `{section}:`)" if section != "events" else ""
            )
        yield self.problem(path, f"unknown {kind} `{value}`{hint}")

    def _references(self, path: NodePath, values: Any, section: str) -> Iterator[Problem]:
        seen: set[str] = set()
        for index, value in enumerate(_list(values)):
            yield from self._reference(path + (index,), value, section)
            if isinstance(value, str):
                if value in seen:
                    yield self.problem(path + (index,), f"`{value}` is listed twice")
                seen.add(value)

    # sections -------------------------------------------------------------------------

    def _foreign_words(self, foreign_words: dict[str, Any]) -> Iterator[Problem]:
        """A language Babel knows for each list (the schema checked the code's shape), and
        each phrase once: one phrase in two languages would be marked as either."""
        seen: dict[str, str] = {}
        for language, phrases in foreign_words.items():
            path: NodePath = ("foreign_words", language)
            if isinstance(language, str) and _LANGUAGE_CODE.match(language):
                try:
                    Locale.parse(language, sep="-")
                except (ValueError, UnknownLocaleError):
                    yield self.loaded.problem(
                        path,
                        f"`{language}` is not a language Babel knows; write a BCP 47 code "
                        "such as `es` or `en-US`",
                        key=True,
                    )
            for index, phrase in enumerate(_list(phrases)):
                if not isinstance(phrase, str) or not phrase.strip():
                    continue  # the schema's
                key = " ".join(phrase.split())
                if key in seen:
                    where = "" if seen[key] == language else f" (under `{seen[key]}`)"
                    yield self.problem(path + (index,), f"`{phrase}` is listed twice{where}")
                seen.setdefault(key, language)

    def _actor(self, actor_id: str, actor: dict[str, Any]) -> Iterator[Problem]:
        path: NodePath = ("actors", actor_id)
        if actor_id == "index":
            yield self.loaded.problem(
                path,
                "the id `index` is reserved (actors/ lists all actors); choose another",
                key=True,
            )
        member_of = actor.get("member_of")
        if member_of == actor_id:
            yield self.problem(path + ("member_of",), "an actor cannot be a member of itself")
        else:
            yield from self._reference(path + ("member_of",), member_of, "actors")
        country = actor.get("country")
        well_formed = isinstance(country, str) and len(country) == 2 and country.isupper()
        if well_formed and country not in _country_codes():
            yield self.problem(
                path + ("country",),
                f"`{country}` is not an ISO 3166-1 alpha-2 country code"
                + did_you_mean(country, _country_codes()),
            )

    def _term(self, term_id: str, term: dict[str, Any]) -> Iterator[Problem]:
        path: NodePath = ("glossary", term_id)
        see_also = term.get("see_also")
        for index, other in enumerate(_list(see_also)):
            if other == term_id:
                yield self.problem(path + ("see_also", index), "a term cannot refer to itself")
        yield from self._references(
            path + ("see_also",), [s if s != term_id else None for s in _list(see_also)], "glossary"
        )

    def _event(self, event_id: str, event: dict[str, Any]) -> Iterator[Problem]:
        path: NodePath = ("events", event_id)
        yield from self._references(path + ("participants",), event.get("participants"), "actors")
        for section in ("quotes", "figures"):
            for index, item in enumerate(_list(event.get(section))):
                by = _mapping(item).get("by")
                yield from self._reference(path + (section, index, "by"), by, "actors")
                yield from self._who_said_it(path + (section, index, "by"), by, event)
        for index, figure in enumerate(_list(event.get("figures"))):
            figure = _mapping(figure)
            value = figure.get("value")
            if (
                isinstance(value, int | float)
                and not isinstance(value, bool)
                and not (math.isfinite(value) and abs(value) <= MAX_FIGURE)
            ):
                yield self.problem(
                    path + ("figures", index, "value"),
                    f"`{value}` cannot be shown: a figure is a finite number between "
                    f"-{MAX_FIGURE:,.0f} and {MAX_FIGURE:,.0f}",
                )
            if figure.get("approximate") is False and "qualifier" in figure:
                yield self.problem(
                    path + ("figures", index, "qualifier"),
                    "a `qualifier` makes the figure approximate: remove `approximate: false`",
                )
        related = _list(event.get("related"))
        for index, other in enumerate(related):
            if other == event_id:
                yield self.problem(
                    path + ("related", index), "an event cannot be related to itself"
                )
        yield from self._references(
            path + ("related",), [r if r != event_id else None for r in related], "events"
        )
        yield from self._references(path + ("terms",), event.get("terms"), "glossary")
        yield from self._before(path, event_id, event)
        yield from _calendar_date(self, path + ("date",), event.get("date"))
        for index, source in enumerate(_list(event.get("sources"))):
            yield from _calendar_date(
                self, path + ("sources", index, "date"), _mapping(source).get("date")
            )
        yield from self._corrections(path + ("corrections",), event.get("corrections"))
        time, timezone = event.get("time"), event.get("timezone")
        if time is not None and timezone is None:
            yield self.problem(
                path + ("time",),
                "`time` needs a `timezone` too (an IANA name such as `America/Mexico_City`)",
            )
        if isinstance(timezone, str) and timezone not in _time_zones():
            yield self.problem(
                path + ("timezone",),
                f"`{timezone}` is not an IANA time zone name"
                + did_you_mean(timezone, _time_zones()),
            )
        yield from self._clocks(path, event)
        yield from self._left_behind(path, event)

    def _before(self, path: NodePath, event_id: str, event: dict[str, Any]) -> Iterator[Problem]:
        """`before:` places an event known only by its month before an event of that
        month with an exact date, as the sources do."""
        before = event.get("before")
        if not isinstance(before, str):
            return  # absent, or the schema's problem
        path = path + ("before",)
        if before == event_id:
            yield self.problem(path, "an event cannot come before itself")
            return
        if before not in self.ids["events"]:
            yield from self._reference(path, before, "events")
            return
        date = event.get("date")
        if not (isinstance(date, str) and _MONTH.match(date)):
            yield self.problem(
                path,
                "only an event known only by its month (`date: YYYY-MM`) can be placed with "
                "`before`; this one's date says where it stands",
            )
            return
        target = _mapping(_mapping(self.data.get("events")).get(before)).get("date")
        day = _day(target)
        if day is None or f"{day.year:04d}-{day.month:02d}" != date:
            yield self.problem(
                path,
                f"`{before}` must have an exact date in {date} (`{date}-DD`) for this event to "
                f"be placed before it; its date is `{target}`",
            )

    # editorial checks -----------------------------------------------------------------

    def _who_said_it(self, path: NodePath, by: Any, event: dict[str, Any]) -> Iterator[Problem]:
        """A quote or figure is shown as said at its event: by someone who was there."""
        participants = [p for p in _list(event.get("participants")) if isinstance(p, str)]
        if not isinstance(by, str) or by not in self.ids["actors"] or by in participants:
            return  # not an actor: the reference's problem
        if not participants or not set(participants) <= self.ids["actors"]:
            return  # none, or a misspelled one: the fix may well be `by` itself
        what = "the quote as said" if path[2] == "quotes" else "the figure as given"
        yield self.warning(
            path,
            f"`{by}` is not among the participants of this event "
            f"({', '.join(f'`{p}`' for p in participants)}), yet the event's page shows {what} "
            f"there; add `{by}` to `participants` if they took part, or check `by`",
        )

    def _clocks(self, path: NodePath, event: dict[str, Any]) -> Iterator[Problem]:
        """A time the clocks skip that day is an error; so is one they show twice, unless
        `utc_offset` says which; and `utc_offset` must be the time's offset."""
        time, timezone, offset = event.get("time"), event.get("timezone"), event.get("utc_offset")
        if offset is not None and (time is None or timezone is None):
            yield self.problem(
                path + ("utc_offset",),
                "`utc_offset` needs `time` and `timezone` too: it says which moment a local "
                "time means",
            )
            return
        day = _day(event.get("date"))
        if (
            day is None
            or not isinstance(time, str)
            or not _TIME.match(time)
            or not isinstance(timezone, str)
            or timezone not in _time_zones()
        ):
            return  # no day to place the time on, or the schema's problems
        where = f"on {day.isoformat()} in {timezone}"
        change = clock_change(day, time, timezone)
        if change is not None and change.skipped:
            yield self.problem(
                path + ("time",),
                f"`{time}` does not exist {where}: the clocks jump {_jump(change, day)}; "
                "check the time",
            )
            return
        wanted = parse_offset(offset) if isinstance(offset, str) else None
        if change is not None:
            first, second = format_offset(change.first_offset), format_offset(change.second_offset)
            choice = f'`"{first}"` (the first time) or `"{second}"` (the second)'
            if offset is None:
                yield self.problem(
                    path + ("time",),
                    f"`{time}` happens twice {where}: the clocks go back "
                    f"{_jump(change, day)}; say which with `utc_offset`: {choice}",
                )
            elif wanted is not None and wanted not in (change.first_offset, change.second_offset):
                yield self.problem(
                    path + ("utc_offset",),
                    f"`{offset}` is neither offset of `{time}` {where}, which happens twice: "
                    f"write {choice}",
                )
            return
        actual = local_time(day, time, timezone).utcoffset()
        if wanted is not None and wanted != actual:
            assert actual is not None
            yield self.problem(
                path + ("utc_offset",),
                f"`{offset}` is not the offset of `{time}` {where}, which is "
                f'`"{format_offset(actual)}"`; write that, or remove `utc_offset`',
            )

    def _left_behind(self, path: NodePath, event: dict[str, Any]) -> Iterator[Problem]:
        """A `scheduled` event whose day (or month) has passed: the status is the editor's
        to set, never the clock's, so this is a warning and changes no page."""
        date = event.get("date")
        if event.get("status") != "scheduled" or not isinstance(date, str):
            return
        last_day = _last_day(date)
        if last_day is None or last_day >= self.today:
            return
        what = "month" if _MONTH.match(date) else "date"
        yield self.warning(
            path + ("status",),
            f"the event is still `scheduled`, but its {what} ({date}) has passed (today is "
            f"{self.today.isoformat()}); set `status` to `held`, `cancelled` or "
            "`unconfirmed`, or move the date",
        )

    def _corrections(self, path: NodePath, corrections: Any) -> Iterator[Problem]:
        """Each correction on a day of the calendar, oldest first (as readers see them)."""
        latest: str | None = None
        for index, correction in enumerate(_list(corrections)):
            date = _mapping(correction).get("date")
            if not isinstance(date, str) or not _FULL_DATE.match(date):
                continue  # the schema says what is wrong with it
            if not_a_calendar_day(date) is not None:
                yield from _calendar_date(self, path + (index, "date"), date)
                continue
            if latest is not None and date < latest:
                yield self.problem(
                    path + (index, "date"),
                    f"corrections are listed oldest first, and this one ({date}) is older "
                    f"than the one above it ({latest}); move it up",
                )
            latest = max(latest or date, date)


#: a date as the schema's `fullDate` has it
_FULL_DATE = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
#: a month as the schema's `date` has it when the day is not known
_MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")
#: a time as the schema has it
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def _day(value: Any) -> datetime.date | None:
    """The day of a well-formed `YYYY-MM-DD` that is on the calendar, else None."""
    if not isinstance(value, str) or not _FULL_DATE.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _last_day(value: str) -> datetime.date | None:
    """The day, or a month's last day; None for what is no date."""
    if _MONTH.match(value):
        year, month = (int(part) for part in value.split("-"))
        return datetime.date(year, month, calendar.monthrange(year, month)[1])
    return _day(value)


def _jump(change: Change, day: datetime.date) -> str:
    """`from 02:00 to 03:00`: what the clocks show before and after, with the dates when
    the change reaches another day (Samoa skipped 30 December 2011 whole)."""
    dated = change.before.date() != day or change.after.date() != day
    shown = [
        (f"{moment.date().isoformat()} " if dated else "")
        + moment.strftime("%H:%M:%S" if moment.second else "%H:%M")
        for moment in (change.before, change.after)
    ]
    return f"from {shown[0]} to {shown[1]}"


def not_a_calendar_day(value: Any) -> str | None:
    """Why a `YYYY-MM-DD` date that matches the pattern is no day of the calendar
    (30 February); None for any other value. Shared with the new-event scaffold."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        year, month, day = (int(part) for part in value.split("-"))
    except ValueError:
        return None
    if not 1 <= month <= 12:
        return None
    days = calendar.monthrange(year, month)[1]
    if day <= days:
        return None
    month_name = calendar.month_name[month]
    return f"`{value}` is not a day of the calendar ({month_name} {year} has {days} days)"


def _calendar_date(checker: _RuleChecker, path: NodePath, value: Any) -> Iterator[Problem]:
    reason = not_a_calendar_day(value)
    if reason is not None:
        yield checker.problem(path, reason)


#: link targets as Markdown writes them: `](target)`, `](<target>)`, `]: target`
_LINK_TARGET = re.compile(r"\]\(\s*(<[^>]*>|[^\s)]*)|\]:\s*(<[^>]*>|\S*)")
_ANGLE_SCHEME = re.compile(r"<\s*[a-zA-Z][\w+.-]*:")


def _may_hide_a_bad_link(text: str) -> bool:
    """Whether a text needs rendering to find its bad links (rarely: most links are
    http(s) or relative, and most texts have none)."""
    for match in _LINK_TARGET.finditer(text):
        target = (match.group(1) or match.group(2) or "").strip("<>")
        if not is_safe_link(target):
            return True
    return bool(_ANGLE_SCHEME.search(text))


#: (section, field) of every text that is read as Markdown
_MARKDOWN_FIELDS = (("actors", "description"), ("glossary", "definition"), ("events", "body"))


def _markdown_texts(data: dict[str, Any]) -> Iterator[tuple[NodePath, Any]]:
    """(path, localized text) of every field read as Markdown."""
    for section, field in _MARKDOWN_FIELDS:
        for item_id, item in _mapping(data.get(section)).items():
            yield (section, item_id, field), _mapping(item).get(field)
    for event_id, event in _mapping(data.get("events")).items():
        for index, correction in enumerate(_list(_mapping(event).get("corrections"))):
            path = ("events", event_id, "corrections", index, "text")
            yield path, _mapping(correction).get("text")


def _markdown_links(checker: _RuleChecker) -> Iterator[Problem]:
    """A link to `javascript:`, `data:` or another scheme would be dropped silently."""
    for path, localized in _markdown_texts(checker.data):
        for language, text in _mapping(localized).items():
            if not isinstance(text, str) or not _may_hide_a_bad_link(text):
                continue
            for target in unsafe_link_targets(text):
                yield checker.problem(
                    (*path, language),
                    f"the link target `{target}` is not allowed; links may only go to "
                    "http:, https:, mailto: or relative addresses",
                )


def check_rules(loaded: LoadedData, *, today: datetime.date | None = None) -> list[Problem]:
    """Every semantic problem of `loaded.data`, warnings too. `today` is the day a
    `scheduled` event must not lie before (default: `explainer.dates.today()`)."""
    checker = _RuleChecker(loaded, today or todays_date())
    return [*checker.check(), *_markdown_links(checker)]
