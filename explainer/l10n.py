"""Dates, numbers, units and country names in the reader's language, through Babel."""

from __future__ import annotations

import datetime
from functools import lru_cache

import pyuca
from babel import Locale
from babel.dates import format_date, format_skeleton, format_time, get_timezone, get_timezone_name
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit

from explainer.model import EventDate, Figure
from explainer.strings import Strings

#: data unit -> CLDR unit
_CLDR_UNITS = {"tonnes": "mass-tonne"}


def babel_locale(language: str) -> Locale:
    """`de`, `pt-BR` or `pt_BR` -> a Babel locale."""
    return Locale.parse(language.replace("-", "_"))


class Localizer:
    """Formats values for one language."""

    def __init__(self, language: str, strings: Strings) -> None:
        self.language = language
        self.locale = babel_locale(language)
        self.strings = strings

    def date(self, value: EventDate) -> str:
        """`16 January 2026` in the language's long form; month-only as `January 2026`."""
        if value.day is None:
            return format_skeleton("yMMMM", value.first_day, locale=self.locale)
        return format_date(value.first_day, "long", locale=self.locale)

    def month_short(self, value: EventDate) -> str:
        """`Jan 2026` / `Jan. 2026`: axis labels."""
        return format_skeleton("yMMM", value.first_day, locale=self.locale)

    def iso_date(self, text: str) -> str:
        return self.date(EventDate.parse(text))

    def time(self, hhmm: str, timezone: str) -> str:
        """`10:30 Central Standard Time`-like: the local time and the zone's name."""
        hours, minutes = (int(p) for p in hhmm.split(":"))
        local = format_time(datetime.time(hours, minutes), "short", locale=self.locale)
        zone = get_timezone_name(get_timezone(timezone), width="long", locale=self.locale)
        return f"{local} ({zone})"

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale)

    def figure_value(self, figure: Figure) -> str:
        """`-50 %`, `320 Tonnen`, `about 320 metric tons`, `fast 320 Tonnen`."""
        if figure.unit == "percent":
            text = format_percent(
                figure.value / 100, locale=self.locale, decimal_quantization=False
            )
        elif figure.unit in _CLDR_UNITS:
            text = format_unit(
                figure.value, _CLDR_UNITS[figure.unit], length="long", locale=self.locale
            )
        else:
            text = self.number(figure.value)
        if figure.qualifier:
            text = self.strings(f"figure.{figure.qualifier}", value=text)
        return text

    def country(self, code: str) -> str:
        return self.locale.territories.get(code, code)

    def sort_key(self, text: str) -> tuple[int, ...]:
        """Alphabetical order by the Unicode Collation Algorithm (DUCET).

        That is the order of English and of German dictionaries (DIN 5007-1: Ä with A,
        ß as ss); languages whose alphabet tailors it (Spanish ñ, Swedish å) would need ICU.
        """
        return _collator().sort_key(text)


@lru_cache(maxsize=1)
def _collator() -> pyuca.Collator:
    return pyuca.Collator()
