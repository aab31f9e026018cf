"""Where a line must not break in running text, per language: inside a date ("16. Januar
2026", "January 16, 2026"), between a number and its unit ("320 Tonnen", "50 percent",
"−40 %"), and before a dash that sets off a phrase, the opening one and the closing one
("Gewalt – etwa Anschlägen und Morden –, die": no line starts with "–" or "–,"). In English,
a full date in mid-sentence takes a comma after its year (AP, Chicago: "on Jan. 23, 2026,
and"), as `year_commas` adds where a word follows. A date's month is CLDR's name or the UI
table's own word for it (`months.in_dates`: AP's "Jan.", "Sept."), which callers pass.

The generator writes its own dates and figures with no-break spaces (`l10n`); this pass
does the same for the words editors write, in the data's texts and the hand-written pages,
so that an editor never types a no-break space. The forms come from CLDR through Babel:
the language's long date pattern and its month-and-day and month-and-year skeletons, its
month names, and the long names of the units the data knows. Only text is changed, never
markup, code, scripts or styles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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
#: text names as such ("2000 US-Pfund", "2000 amerikanischen Pfund"; CLDR has "Pfund" and
#: the English "Short Ton"), the declined metric ton, and the short ton in words
_MORE_UNITS = {
    "en": ("short ton", "short tons", "U.S. pounds"),
    "de": (
        "US-Pfund",
        "US-Tonne",
        "US-Tonnen",
        "amerikanische Pfund",
        "amerikanischen Pfund",
        "amerikanische Tonne",
        "amerikanische Tonnen",
        "amerikanischen Tonnen",
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
#: the languages whose full date (month, day, year) in mid-sentence is set off by a comma
#: after the year, as by one before it (Chicago 6.41: "on January 23, 2026, and"): a full
#: date followed by a space and a word gets it; a month and year ("February 2026") does not
_COMMA_AFTER_YEAR = frozenset({"en"})
#: the inline elements a date may end in before the sentence goes on ("<a>…2026</a> and")
_INLINE_END = r"(?:</(?:a|em|strong|span|time|abbr|b|i)>)*"
#: what may follow a dash that closes a parenthetical phrase: closing punctuation and
#: quotation marks ("Morden –, die", "agents —)")
_AFTER_CLOSING_DASH = re.escape(",.;:!?)]}…\"'’”“»«›‹")
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


def _date_months(language: str, months: tuple[str, ...]) -> str:
    """CLDR's month names and the UI table's own words for them in a date with a day
    (`months.in_dates`: AP's "Jan.", "Sept."), as alternatives of a regular expression."""
    return _alternatives(set(month_names(language)) | set(months))


@cache
def _keep_together(language: str, months: tuple[str, ...] = ()) -> re.Pattern[str]:
    locale = Locale.parse(language.replace("-", "_"))
    in_dates = _date_months(language, months)
    months_only = _alternatives(set(month_names(language)))
    dates = [
        _pattern_regex(locale.date_formats["long"].pattern, in_dates),
        _pattern_regex(locale.datetime_skeletons["MMMMd"].pattern, in_dates),
        _pattern_regex(locale.datetime_skeletons["yMMMM"].pattern, months_only),
    ]
    units: set[str] = {"%"}
    for unit in _UNITS:
        for value in (1, 5):
            shown = format_unit(value, unit, length="long", locale=locale)
            units.add(shown.replace(str(value), "", 1).strip(" \u00a0\u202f"))
    units.update(_MORE_UNITS.get(language.split("-")[0].lower(), ()))
    number = r"(?<![\w.,])[−+-]?\d(?:[\d.,\u00a0\u202f]*\d)?"
    amount = rf"{number} (?:{_alternatives(units)})(?!\w)"
    # an opening dash ("Gewalt – etwa") and a closing one, followed by punctuation ("Morden
    # –, die"; "agents —.") or ending the text before a tag: no line starts with "–," (R28/R29)
    dash = rf"(?<=\S) [–—](?=\s|[{_AFTER_CLOSING_DASH}]|\Z)"
    return re.compile("|".join(f"(?:{p})" for p in [*filter(None, dates), amount, dash]))


@cache
def _year_comma(language: str, months: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    if language.split("-")[0].lower() not in _COMMA_AFTER_YEAR:
        return None
    locale = Locale.parse(language.replace("-", "_"))
    date = _pattern_regex(locale.date_formats["long"].pattern, _date_months(language, months))
    return re.compile(rf"(?<!\w)(?:{date})(?!\d){_INLINE_END}(?=[ \u00a0][^\W\d_])")


def year_commas(text: str, language: str, months: Sequence[str] = ()) -> str:
    """`text` (or HTML, whose inline elements a date may end in) with a comma after the
    year of each full date a word follows, in the languages that set one (English).
    `months`: the UI table's words for the months in a day's date, besides CLDR's."""
    pattern = _year_comma(language, tuple(months))
    if pattern is None or not _HAS_DIGIT.search(text):
        return text
    return pattern.sub(lambda match: match.group() + ",", text)


def year_commas_html(html: str, language: str, months: Sequence[str] = ()) -> str:
    """The same in an HTML page or fragment, outside code, scripts and styles and outside
    tags (a date in an attribute is left alone)."""
    if _year_comma(language, tuple(months)) is None:
        return html
    parts = _NOT_PROSE_ELEMENT.split(html)
    # split gives the prose, an element that is not prose, its name, the prose, …
    for index in range(0, len(parts), 3):
        parts[index] = _year_commas_outside_tags(parts[index], language, months)
    return "".join(part for index, part in enumerate(parts) if index % 3 != 2)


def _year_commas_outside_tags(html: str, language: str, months: Sequence[str]) -> str:
    # a date in an attribute ends before a quotation mark, never before a space and a word
    # outside its tag, but "title=\"… January 23, 2026 was …\"" would: mask the tags' insides
    tags: list[str] = []

    def keep(match: re.Match[str]) -> str:
        if match.group().startswith("</"):
            return match.group()  # a closing tag has no attributes, and a date may end in one
        tags.append(match.group())
        return f"\x00{len(tags) - 1}\x00"

    masked = year_commas(_TAG.sub(keep, html), language, months)
    return re.sub("\x00(\\d+)\x00", lambda m: tags[int(m.group(1))], masked)


_HAS_DIGIT = re.compile(r"\d")
_NOT_PROSE_ELEMENT = re.compile(
    rf"(<({'|'.join(_NOT_PROSE)})\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL
)

#: what every date, amount and dash this pass keeps together has: a digit or a dash (most
#: texts, names and titles, have neither, and a search for them costs a tenth of the pass)
_MAY_NEED_IT = re.compile(r"[0-9–—]")


def keep_together(text: str, language: str, months: Sequence[str] = ()) -> str:
    """`text` with no-break spaces inside its dates and amounts and before its dashes.
    `months`: the UI table's words for the months in a day's date ("Jan.", "Sept.";
    `months.in_dates`), recognized besides CLDR's names."""
    if " " not in text or not _MAY_NEED_IT.search(text):
        return text
    return year_commas(
        _keep_together(language, tuple(months)).sub(
            lambda match: match.group().replace(" ", NO_BREAK_SPACE), text
        ),
        language,
        months,
    )


def keep_together_html(html: str, language: str, months: Sequence[str] = ()) -> str:
    """The same in the text of an HTML fragment, outside code, scripts and styles (and the
    comma after a year that ends in a link, "<a>January 23, 2026</a>, and")."""
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
            parts[index] = keep_together(part, language, months)
    return year_commas_html("".join(parts), language, months)
