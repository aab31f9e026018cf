"""UI strings: one table per language, looked up by key.

The tables ship in `explainer/strings/<lang>.yaml`; a site can add or override tables in
directories named in `extra.explainer.strings` (a third language needs no code change).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.numbers import format_decimal

BUILTIN_DIR = Path(__file__).with_name("strings")
#: the plural categories of the Unicode CLDR, which Babel's plural rules return
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
#: a UI string: one text, or one text per plural category (`{one: ..., other: ...}`)
Text = str | dict[str, str]
#: the key of the number words a string may ask for with `{count:words}`
NUMBER_WORDS = "number.words"


class _Number:
    """A whole number in a UI string: `{count}` shows its digits as the language writes
    them ("1.000"); `{count:words}` its word where the language's `number.words` has one
    (newspapers spell out small numbers: "two pairs", „zwei Paare“), `{count:Words}` the
    same with a capital letter, for the start of a sentence."""

    def __init__(self, digits: str, word: str | None) -> None:
        self.digits, self.word = digits, word

    def __format__(self, spec: str) -> str:
        if spec in ("words", "Words") and self.word is not None:
            return self.word[:1].upper() + self.word[1:] if spec == "Words" else self.word
        if spec in ("", "words", "Words"):
            return self.digits
        raise StringsError(f"`{spec}` is no way to show a number (use words or Words)")


class StringsError(Exception):
    """A language has no UI string table, or a table lacks keys."""


class Strings:
    """The UI strings of one language.

    A counted string has one text per CLDR plural category of the language and picks the
    one for its `count` by the language's plural rules (Babel): English and German have
    `one` and `other`, French `one` (0 and 1), `many` and `other`, Polish `one`, `few`,
    `many` and `other`. Whole numbers in the values are formatted for the language
    ("1.000").
    """

    def __init__(self, language: str, table: Mapping[str, Text]) -> None:
        self.language = language
        self.table = dict(table)
        # Remembered: Babel takes microseconds for a plural rule and more for a number,
        # and every page asks for the same few counts (a heading over its list).
        self._forms: dict[int, str] = {}
        self._numbers: dict[int, str] = {}

    @cached_property
    def _locale(self) -> Locale:
        return babel_locale(self.language)

    def __call__(self, key: str, **values: Any) -> str:
        try:
            text = self.table[key]
        except KeyError:
            raise StringsError(
                f"the UI string `{key}` is missing for language `{self.language}`"
            ) from None
        if isinstance(text, dict):
            count = values.get("count")
            if not isinstance(count, int):
                raise StringsError(f"the UI string `{key}` has plural forms and needs a count")
            text = text.get(self.plural_form(count), text["other"])
        if not values or "{" not in text:  # a heading takes a count but does not show it
            return text
        shown = {
            name: _Number(self._number(value), self._words.get(value))
            if isinstance(value, int) and not isinstance(value, bool)
            else value
            for name, value in values.items()
        }
        return text.format(**shown)

    @cached_property
    def _words(self) -> dict[int, str]:
        """`number.words` ("two three four…": the words from two on) by their number."""
        words = self.table.get(NUMBER_WORDS)
        return dict(enumerate(words.split(), start=2)) if isinstance(words, str) else {}

    def other(self, key: str) -> str:
        """The `other` form of a counted string (its text if it has none): what a
        counted heading's anchor is made of, so that the anchor stays the same whether
        the list under it has one item or many."""
        text = self.table.get(key)
        return text["other"] if isinstance(text, dict) else self(key)

    def plural_form(self, count: int) -> str:
        """The CLDR plural category of `count` in this language (`one`, `other`...)."""
        form = self._forms.get(count)
        if form is None:
            form = self._forms[count] = self._locale.plural_form(count)
        return form

    def _number(self, value: int) -> str:
        shown = self._numbers.get(value)
        if shown is None:
            shown = self._numbers[value] = format_decimal(value, locale=self._locale)
        return shown


def _read_table(path: Path) -> dict[str, Text]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise StringsError(f"{path}: a UI string table must map keys to texts")
    for key, value in data.items():
        if isinstance(value, str):
            continue
        if (
            not isinstance(value, dict)
            or "other" not in value
            or not all(isinstance(v, str) for v in value.values())
            or not set(value) <= set(PLURAL_CATEGORIES)
        ):
            raise StringsError(
                f"{path}: `{key}` must be a text, or plural forms (CLDR categories "
                f"{', '.join(PLURAL_CATEGORIES)}; `other` is required) mapped to texts"
            )
    return {str(k): v for k, v in data.items()}


def babel_locale(language: str) -> Locale:
    """`de`, `pt-BR` or `pt_BR` -> a Babel locale."""
    return Locale.parse(language.replace("-", "_"))


#: counts to show as an example of each plural category in an error message
_EXAMPLE_COUNTS = (0, 1, 2, 3, 5, 6, 11, 21, 22, 100, 101, 1_000_000)


def plural_categories(language: str) -> tuple[str, ...]:
    """The CLDR plural categories a language's counted strings need, in CLDR's order:
    `one`, `other` for English and German; `one`, `many`, `other` for French and Spanish
    (`many` for whole millions: "1 000 000 d’événements")."""
    used = babel_locale(language).plural_form.tags | {"other"}
    return tuple(c for c in PLURAL_CATEGORIES if c in used)


def _check_plural_forms(language: str, key: str, text: Text, counted: bool, path: Path) -> None:
    """A counted string (plural forms in the built-in English table) has exactly the
    forms the language's CLDR plural rules use; any other string has one text."""
    if not counted:
        if isinstance(text, dict):
            raise StringsError(
                f"{path}: `{key}` is never counted: give it one text, not plural forms"
            )
        return
    needed = plural_categories(language)
    if not isinstance(text, dict):
        raise StringsError(
            f"{path}: `{key}` depends on a count: give it one text per plural form of "
            f"`{language}` ({', '.join(needed)})"
        )
    rule = babel_locale(language).plural_form
    for category in needed:
        if category not in text:
            example = next((n for n in _EXAMPLE_COUNTS if rule(n) == category), None)
            also = f", as for {example}" if example is not None else ""
            raise StringsError(
                f"{path}: `{key}` lacks the plural form `{category}`, which `{language}` "
                f"uses{also} (CLDR plural rules; its forms: {', '.join(needed)})"
            )
    for category in text:
        if category not in needed:
            raise StringsError(
                f"{path}: `{key}` has the plural form `{category}`, which `{language}` "
                f"never uses (its forms: {', '.join(needed)})"
            )


def load_strings(languages: Sequence[str], extra_dirs: Sequence[Path] = ()) -> dict[str, Strings]:
    """The tables of all languages, each complete (same keys as the built-in English table)
    and with the plural forms each counted string needs in its language."""
    reference = _read_table(BUILTIN_DIR / "en.yaml")
    result = {}
    for language in languages:
        table: dict[str, Text] = {}
        origin: dict[str, Path] = {}  # the file each string comes from
        found = []
        for directory in (BUILTIN_DIR, *extra_dirs):
            path = Path(directory) / f"{language}.yaml"
            if path.is_file():
                read = _read_table(path)
                table.update(read)
                origin.update(dict.fromkeys(read, path))
                found.append(path)
        if not found:
            searched = ", ".join(str(d) for d in (BUILTIN_DIR, *extra_dirs))
            raise StringsError(
                f"no UI strings for language `{language}`: add `{language}.yaml` "
                f"(copy `{BUILTIN_DIR / 'en.yaml'}` and translate it) to one of: {searched}"
            )
        missing = sorted(set(reference) - set(table))
        if missing:
            raise StringsError(
                f"the UI strings of `{language}` ({', '.join(map(str, found))}) "
                f"lack: {', '.join(missing)}"
            )
        for key, text in table.items():
            if key in reference:
                counted = isinstance(reference[key], dict)
                _check_plural_forms(language, key, text, counted, origin[key])
        result[language] = Strings(language, table)
    return result
