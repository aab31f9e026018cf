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


class StringsError(Exception):
    """A language has no UI string table, or a table lacks keys."""


class Strings:
    """The UI strings of one language.

    A string with plural forms picks the form for its `count` by the language's CLDR
    plural rules (Babel): German and English have `one` and `other`, Polish also `few`
    and `many`. Whole numbers in the values are formatted for the language ("1.000").
    """

    def __init__(self, language: str, table: Mapping[str, Text]) -> None:
        self.language = language
        self.table = dict(table)

    @cached_property
    def _locale(self) -> Locale:
        return Locale.parse(self.language)

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
            text = text.get(self._locale.plural_form(count), text["other"])
        if not values:
            return text
        shown = {
            name: format_decimal(value, locale=self._locale)
            if isinstance(value, int) and not isinstance(value, bool)
            else value
            for name, value in values.items()
        }
        return text.format(**shown)


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


def load_strings(languages: Sequence[str], extra_dirs: Sequence[Path] = ()) -> dict[str, Strings]:
    """The tables of all languages, each complete (same keys as the built-in English table)."""
    reference = _read_table(BUILTIN_DIR / "en.yaml")
    result = {}
    for language in languages:
        table: dict[str, str] = {}
        found = []
        for directory in (BUILTIN_DIR, *extra_dirs):
            path = Path(directory) / f"{language}.yaml"
            if path.is_file():
                table.update(_read_table(path))
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
        result[language] = Strings(language, table)
    return result
