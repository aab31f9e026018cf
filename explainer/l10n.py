"""Dates, numbers, units and country names in the reader's language, through Babel."""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

import pyuca
from babel.dates import format_date, format_skeleton, format_time, get_timezone, get_timezone_name
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit

from explainer.model import EventDate, Figure
from explainer.strings import Strings, babel_locale

#: data unit -> CLDR unit
_CLDR_UNITS = {"tonnes": "mass-tonne"}
#: Babel's minus sign before a digit: the hyphen-minus, which typesetting replaces with
#: the real minus sign U+2212 (as wide as a plus and aligned with it)
_MINUS = re.compile(r"-(?=\d)")
#: the words of a text: runs of letters
_WORDS = re.compile(r"[^\W\d_]+")
# a country that its adjective does not name (`American` is not `United States`): the
# names its adjectives come from, in the four tables' languages, matched as a country's
# own name is (R30/R31 asked that „amerikanisch“ count for the United States)
_ALSO_NAMED = {"US": ("America", "Amerika", "américain", "estadounidense")}


def minus_sign(text: str) -> str:
    """`-50 %` -> `−50 %`: a formatted number with the typographic minus sign."""
    return _MINUS.sub("\u2212", text)


def unbreakable(text: str) -> str:
    """`16. Januar 2026` -> `16.\u00a0Januar\u00a02026`: a formatted date or number with
    unit that no line break may split. Spaces become no-break spaces; the no-break and
    narrow no-break spaces Babel already writes (`50\u00a0%`, `12\u202f345` in French,
    `10:30\u202fAM`) are the language's own (CLDR) and stay as they are."""
    return text.replace(" ", "\u00a0")


def date_months(strings: Strings) -> tuple[str, ...]:
    """A UI table's twelve words for the months in a day's date (`months.in_dates`), or
    none where the table leaves CLDR's names."""
    words = tuple(strings("months.in_dates").split())
    return words if len(words) == 12 else ()


class Localizer:
    """Formats values for one language."""

    def __init__(self, language: str, strings: Strings) -> None:
        self.language = language
        self.locale = babel_locale(language)
        self.strings = strings
        self._dates: dict[EventDate, str] = {}
        self._figures: dict[tuple[float, str, str | None], str] = {}

    def date(self, value: EventDate) -> str:
        """`16 January 2026` in the language's long form; month-only as `January 2026`;
        never broken across lines (no-break spaces). A day's date names its month as the
        UI table's `months.in_dates` does (twelve words), where the table has them: AP's
        English writes "Jan. 16, 2026", "March 2, 2026", a month alone in full.

        Remembered: a page lists the same few dates many times, and Babel parses its
        pattern on every call."""
        found = self._dates.get(value)
        if found is None:
            if value.day is None:
                found = format_skeleton("yMMMM", value.first_day, locale=self.locale)
            else:
                found = self._own_month(
                    format_date(value.first_day, "long", locale=self.locale),
                    "wide",
                    "months.in_dates",
                    value.month,
                )
            found = unbreakable(found)
            self._dates[value] = found
        return found

    def month_short(self, value: EventDate) -> str:
        """`Jan. 2026` (Chicago), `Jan. 2026`, `janv. 2026`: labels of a crowded axis. CLDR's form,
        its month's abbreviation replaced by the UI table's (`months.abbreviated`, twelve
        words), where the table has one: CLDR's English says "Jan", "Sep"."""
        shown = format_skeleton("yMMM", value.first_day, locale=self.locale)
        return unbreakable(self._own_month(shown, "abbreviated", "months.abbreviated", value.month))

    def _own_month(self, shown: str, width: str, key: str, month: int) -> str:
        """`shown` (CLDR's form) with its month name of `width` replaced by the UI
        table's word for it under `key` (twelve words); as it is where the table's entry
        is empty."""
        ours = self.strings(key).split()
        if len(ours) == 12:
            for context in ("format", "stand-alone"):
                theirs = self.locale.months[context][width][month]
                if theirs in shown:
                    return shown.replace(theirs, ours[month - 1], 1)
        return shown

    def iso_date(self, text: str) -> str:
        return self.date(EventDate.parse(text))

    def time(self, hhmm: str, timezone: str) -> str:
        """`10:30 Central Standard Time`-like: the local time and the zone's name."""
        hours, minutes = (int(p) for p in hhmm.split(":"))
        local = format_time(datetime.time(hours, minutes), "short", locale=self.locale)
        zone = get_timezone_name(get_timezone(timezone), width="long", locale=self.locale)
        return f"{local} ({zone})"

    def number(self, value: float) -> str:
        return minus_sign(format_decimal(value, locale=self.locale))

    def figure_value(self, figure: Figure) -> str:
        """`−50 %` (with U+2212), `320 Tonnen`, `about 320 metric tons`, `fast 320 Tonnen`;
        no line break between the number and its unit. Remembered, as dates are: the figures
        table, the chart and the event page each show it."""
        key = (figure.value, figure.unit, figure.qualifier)
        found = self._figures.get(key)
        if found is None:
            found = self._figures[key] = self._figure_value(figure)
        return found

    def _figure_value(self, figure: Figure) -> str:
        if figure.unit == "percent":
            text = format_percent(
                figure.value / 100, locale=self.locale, decimal_quantization=False
            )
        elif figure.unit in _CLDR_UNITS:
            text = format_unit(
                figure.value, _CLDR_UNITS[figure.unit], length="long", locale=self.locale
            )
        else:
            text = format_decimal(figure.value, locale=self.locale)
        text = unbreakable(minus_sign(text))
        if figure.qualifier:
            text = self.strings(f"figure.{figure.qualifier}", value=text)
        return text

    def country(self, code: str) -> str:
        return self.locale.territories.get(code, code)

    def names_country(self, text: str, code: str) -> bool:
        """Whether `text` (a role) already names the country, so that a list need not add
        it: its code as a word (`US-Außenminister`) or with periods (`U.S.`), or each word
        of its name in this language at the start of consecutive words, which allows for
        endings and the adjective (`Mexico’s`, `Mexican`; `Präsidentin Mexikos`, `der
        Vereinigten Staaten`; `amerikanisch` through `_ALSO_NAMED`). Words of five letters
        or more lose their last one first (`mexic`, `vereinigt`); shorter ones must match
        whole (`Iran` is not found in `Iraq`)."""
        words = _WORDS.findall(text)
        if code in words or re.search(r"(?<!\w)" + r"\.".join(code) + r"\.", text):
            return True  # the code as a word, or with periods (`U.S. secretary of state`)
        folded = [word.casefold() for word in words]
        return any(
            self._starts_words(folded, name)
            for name in (self.country(code), *_ALSO_NAMED.get(code, ()))
        )

    @staticmethod
    def _starts_words(folded: list[str], name: str) -> bool:
        """Whether each word of `name` begins consecutive words of `folded`, less its last
        letter if it has five or more."""
        stems = [w[:-1] if len(w) >= 5 else w for w in _WORDS.findall(name.casefold())]
        return bool(stems) and any(
            all(word.startswith(stem) for word, stem in zip(folded[i:], stems, strict=False))
            for i in range(len(folded) - len(stems) + 1)
        )

    def sort_key(self, text: str) -> tuple[int, ...]:
        """Alphabetical order by the Unicode Collation Algorithm (DUCET).

        That is the order of English and of German dictionaries (DIN 5007-1: Ä with A,
        ß as ss); languages whose alphabet tailors it (Spanish ñ, Swedish å) would need ICU.
        """
        return _collator().sort_key(text)


@lru_cache(maxsize=1)
def _collator() -> pyuca.Collator:
    return pyuca.Collator()
