"""What an editor probably meant by a date written the way people write dates; and the
day the checks take for today.

The contract wants `YYYY-MM-DD` (or `YYYY-MM`). Editors type `28.01.2026`, `01/28/2026`
or `28 January 2026`; the validator then suggests the contract's form. Where the numbers
allow two readings (`03/04/2026`: 4 March or 3 April), both are named and the editor
chooses; a reading that is no day of the calendar is never suggested.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterable
from functools import lru_cache

from babel import Locale, UnknownLocaleError

#: month names are recognized in these languages besides the site's own
_ALWAYS = ("en", "de")
_NUMBERS = re.compile(r"^\s*(\d{1,4})\s*[./-]\s*(\d{1,4})\s*(?:[./-]\s*(\d{1,4}))?\s*\.?\s*$")
_WORDS = re.compile(r"\d+|[^\W\d_]+")


@lru_cache(maxsize=16)
def _month_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Every wide and abbreviated month name of `languages`, casefolded, without a dot."""
    names: dict[str, int] = {}
    for language in dict.fromkeys(languages + _ALWAYS):
        try:
            months = Locale.parse(language).months
        except (UnknownLocaleError, ValueError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months.get(context, {}).get(width, {}).items():
                    names.setdefault(name.casefold().rstrip("."), number)
    return names


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and year >= 1000 else None


def _numeric_readings(first: str, second: str, third: str | None) -> list[tuple[str, str]]:
    if third is None:  # a month: 01/2026 or 2026/01
        if len(first) == 4:
            reading = _month(int(first), int(second))
        elif len(second) == 4:
            reading = _month(int(second), int(first))
        else:
            reading = None
        return [(reading, "")] if reading else []
    if len(first) == 4:  # 2026/01/28: year, month, day
        reading = _day(int(first), int(second), int(third))
        return [(reading, "")] if reading else []
    if len(third) != 4:  # a two-digit year: which century is a guess
        return []
    year, a, b = int(third), int(first), int(second)
    readings = [(_day(year, b, a), "day first"), (_day(year, a, b), "month first")]
    found = [(date, how) for date, how in readings if date]
    if len(found) == 2 and found[0][0] == found[1][0]:
        return [(found[0][0], "")]
    return found if len(found) == 2 else [(date, "") for date, _ in found]


def _worded_readings(text: str, languages: tuple[str, ...]) -> list[tuple[str, str]]:
    names = _month_names(languages)
    words = _WORDS.findall(text)
    months = [names[w.casefold()] for w in words if not w.isdigit() and w.casefold() in names]
    numbers = [w for w in words if w.isdigit()]
    others = [w for w in words if not w.isdigit() and w.casefold() not in names]
    if len(months) != 1 or others:
        return []
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) > 1 or len(numbers) != len(years) + len(days):
        return []
    if days:
        reading = _day(int(years[0]), months[0], int(days[0]))
    else:
        reading = _month(int(years[0]), months[0])
    return [(reading, "")] if reading else []


def readings(text: str, languages: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The contract's forms `text` can mean, each with how it was read ("day first",
    "month first", or "" where there is one reading)."""
    numeric = _NUMBERS.match(text)
    if numeric:
        return _numeric_readings(*numeric.groups())
    return _worded_readings(text, tuple(languages))


def date_suggestion(text: str, languages: Iterable[str] = (), *, days_only: bool = False) -> str:
    """`; did you mean `2026-01-28`?`, both readings where there are two, or nothing
    (`days_only`: where the month alone is not enough, it is not suggested)."""
    found = [
        (date, how) for date, how in readings(text, languages) if len(date) == 10 or not days_only
    ]
    if not found:
        return ""
    if len(found) == 1:
        return f"; did you mean `{found[0][0]}`?"
    first, second = found
    return f"; did you mean `{first[0]}` ({first[1]}) or `{second[0]}` ({second[1]})?"


def today() -> datetime.date:
    """The day the editorial checks take for today: that of `SOURCE_DATE_EPOCH` when it
    is set (a reproducible build names its own clock), else the clock's, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.datetime.now(tz=datetime.UTC).date()
