"""The rules the JSON Schema cannot express: references, calendar dates, time zones.

Each rule reads the data defensively: parts that already failed the schema are skipped,
so one run reports every problem the file has.
"""

from __future__ import annotations

import calendar
import math
import re
import zoneinfo
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from babel import Locale

from explainer.loader import LoadedData
from explainer.markup import is_safe_link, unsafe_link_targets
from explainer.problems import NodePath, Problem, did_you_mean

#: reference field -> (collection it points into, the word for one item of it)
_KINDS = {"actors": "actor", "glossary": "glossary term", "events": "event"}


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
    def __init__(self, loaded: LoadedData) -> None:
        self.loaded = loaded
        data = _mapping(loaded.data)
        self.ids = {section: set(_mapping(data.get(section))) for section in _KINDS}
        self.data = data

    def problem(self, path: NodePath, message: str) -> Problem:
        return self.loaded.problem(path, message)

    def check(self) -> Iterator[Problem]:
        for actor_id, actor in _mapping(self.data.get("actors")).items():
            yield from self._actor(actor_id, _mapping(actor))
        for term_id, term in _mapping(self.data.get("glossary")).items():
            yield from self._term(term_id, _mapping(term))
        for event_id, event in _mapping(self.data.get("events")).items():
            yield from self._event(event_id, _mapping(event))

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


def check_rules(loaded: LoadedData) -> list[Problem]:
    """Every semantic problem of `loaded.data`."""
    checker = _RuleChecker(loaded)
    return [*checker.check(), *_markdown_links(checker)]
