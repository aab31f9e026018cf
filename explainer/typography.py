"""Where a line must not break in running text, per language: inside a date ("16. Januar
2026", "January 16, 2026"), between a number and its unit ("320 Tonnen", "50 percent",
"−40 %"), and before a dash that sets off a phrase (no line starts with "–").

The generator writes its own dates and figures with no-break spaces (`l10n`); this pass
does the same for the words editors write, in the data's texts and the hand-written pages,
so that an editor never types a no-break space. The forms come from CLDR through Babel:
the language's long date pattern and its month-and-day and month-and-year skeletons, its
month names, and the long names of the units the data knows. Only text is changed, never
markup, code, scripts or styles.
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale
from babel.units import format_unit

NO_BREAK_SPACE = "\u00a0"
#: the CLDR units whose names keep to their number: the data's units, the short ton English
#: articles may say ("320 tons"), and the weights and distances news texts give
_UNITS = (
    "concentr-percent",
    "mass-tonne",
    "mass-ton",
    "mass-kilogram",
    "mass-gram",
    "mass-pound",
    "length-kilometer",
    "length-meter",
    "length-mile",
)
#: unit names news texts use that CLDR's long names lack, by language: the US units a German
#: text names as such ("2000 US-Pfund"; CLDR has "Pfund" and the English "Short Ton"), the
#: declined metric ton, and the short ton in words
_MORE_UNITS = {
    "en": ("short ton", "short tons", "U.S. pounds"),
    "de": (
        "US-Pfund",
        "US-Tonne",
        "US-Tonnen",
        "kurze Tonne",
        "kurze Tonnen",
        "kurzen Tonnen",
        "metrische Tonne",
        "metrische Tonnen",
        "metrischen Tonnen",
    ),
    "fr": ("tonne métrique", "tonnes métriques"),
    "es": ("tonelada métrica", "toneladas métricas"),
}
#: a CLDR pattern's fields and quoted literals
_PATTERN_PART = re.compile(r"'([^']*)'|([a-zA-Z])\2*|([^a-zA-Z']+)")
#: the elements whose text is not prose
_NOT_PROSE = ("script", "style", "pre", "code", "textarea")
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


def _alternatives(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _pattern_regex(pattern: str, months: str) -> str:
    """A CLDR date pattern (`d. MMMM y`, `d 'de' MMMM 'de' y`) as a regular expression
    that matches it in a text, written with ordinary spaces."""
    parts = []
    for literal, field, other in (m.groups() for m in _PATTERN_PART.finditer(pattern)):
        if field is not None:
            letter = field[0]
            if letter == "M":
                parts.append(f"(?:{months})")
            elif letter == "d":
                parts.append(r"\d{1,2}")
            elif letter == "y":
                parts.append(r"\d{4}")
            else:  # a field the dates of a text do not have (weekday, era): no match
                return ""
        else:
            text = literal if literal is not None else other
            parts.append(re.escape(text).replace(r"\ ", " ").replace(" ", "[ \u00a0]"))
    return "".join(parts)


@cache
def month_names(language: str) -> frozenset[str]:
    """The language's full month names, as in a date and standing alone, also with a
    capital letter (at a sentence's start)."""
    locale = Locale.parse(language.replace("-", "_"))
    names: set[str] = set()
    for context in ("format", "stand-alone"):
        names.update(locale.months[context]["wide"].values())
    return frozenset(names | {name[:1].upper() + name[1:] for name in names})


@cache
def _keep_together(language: str) -> re.Pattern[str]:
    locale = Locale.parse(language.replace("-", "_"))
    months = _alternatives(set(month_names(language)))
    dates = [
        _pattern_regex(locale.date_formats["long"].pattern, months),
        _pattern_regex(locale.datetime_skeletons["MMMMd"].pattern, months),
        _pattern_regex(locale.datetime_skeletons["yMMMM"].pattern, months),
    ]
    units: set[str] = {"%"}
    for unit in _UNITS:
        for value in (1, 5):
            shown = format_unit(value, unit, length="long", locale=locale)
            units.add(shown.replace(str(value), "", 1).strip(" \u00a0\u202f"))
    units.update(_MORE_UNITS.get(language.split("-")[0].lower(), ()))
    number = r"(?<![\w.,])[−+-]?\d(?:[\d.,\u00a0\u202f]*\d)?"
    amount = rf"{number} (?:{_alternatives(units)})(?!\w)"
    dash = r"(?<=\S) [–—](?=\s)"
    return re.compile("|".join(f"(?:{p})" for p in [*filter(None, dates), amount, dash]))


#: what every date, amount and dash this pass keeps together has: a digit or a dash (most
#: texts, names and titles, have neither, and a search for them costs a tenth of the pass)
_MAY_NEED_IT = re.compile(r"[0-9–—]")


def keep_together(text: str, language: str) -> str:
    """`text` with no-break spaces inside its dates and amounts and before its dashes."""
    if " " not in text or not _MAY_NEED_IT.search(text):
        return text
    return _keep_together(language).sub(
        lambda match: match.group().replace(" ", NO_BREAK_SPACE), text
    )


def keep_together_html(html: str, language: str) -> str:
    """The same in the text of an HTML fragment, outside code, scripts and styles."""
    parts = _TAG.split(html)
    closed_by: list[str] = []  # the open elements whose text is not prose
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            name = _TAG_NAME.match(part)
            if name is None or name.group(1).lower() not in _NOT_PROSE:
                continue
            if part.startswith("</"):
                if closed_by and closed_by[-1] == name.group(1).lower():
                    closed_by.pop()
            elif not part.endswith("/>"):
                closed_by.append(name.group(1).lower())
        elif part and not closed_by and " " in part:
            parts[index] = keep_together(part, language)
    return "".join(parts)
