"""UI strings: one table per language, looked up by key.

The tables ship in `explainer/strings/<lang>.yaml`; a site can add or override tables in
directories named in `extra.explainer.strings` (a third language needs no code change).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

BUILTIN_DIR = Path(__file__).with_name("strings")


class StringsError(Exception):
    """A language has no UI string table, or a table lacks keys."""


class Strings:
    """The UI strings of one language."""

    def __init__(self, language: str, table: dict[str, str]) -> None:
        self.language = language
        self.table = table

    def __call__(self, key: str, **values: Any) -> str:
        try:
            text = self.table[key]
        except KeyError:
            raise StringsError(
                f"the UI string `{key}` is missing for language `{self.language}`"
            ) from None
        return text.format(**values) if values else text


def _read_table(path: Path) -> dict[str, str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise StringsError(f"{path}: a UI string table must map keys to texts")
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
