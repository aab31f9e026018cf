"""Translation drift: a text changed in some languages but not in the others.

Compares every localized text of the data file with its version on a base (usually the
pull request's target branch). A text whose English changed while its German stayed the
same probably needs a new translation; each such text gets a warning on the line of the
language that did not change.

Drift cannot be judged when the data file does not load as a mapping: `find_drift` then
raises `UnreadableData` (for the current file, with every located problem), never
reporting "no drift" for data it could not compare.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from explainer.loader import LoadedData, load_text
from explainer.problems import NodePath, Problem, escape_data, escape_property, format_path
from explainer.schema import check_schema


@dataclass(frozen=True)
class Drift:
    file: str
    line: int
    column: int
    path: str
    changed: tuple[str, ...]
    unchanged: str

    @property
    def message(self) -> str:
        return (
            f"{self.path}: changed in {', '.join(self.changed)} but not in {self.unchanged}; "
            "check the translation"
        )

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"

    def github_annotation(self) -> str:
        where = f"file={escape_property(self.file)},line={self.line},col={self.column}"
        return f"::warning {where}::{escape_data(self.message)}"


class UnreadableData(Exception):
    """The base or the current data file cannot be read as data: no drift can be judged."""

    def __init__(self, side: str, problems: Sequence[Problem]) -> None:
        self.side = side  # "base" or "current"
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


def _unreadable(loaded: LoadedData, languages: Sequence[str]) -> list[Problem]:
    """Why `loaded` cannot be compared: the loader's problems, or its top level is no mapping."""
    if loaded.problems:
        return list(loaded.problems)
    if isinstance(loaded.data, dict):
        return []
    problems = [p for p in check_schema(loaded, languages) if not p.path]
    return problems or [loaded.problem((), "expected a mapping of `key: value` lines")]


def _localized_texts(
    value: Any, languages: Sequence[str], path: NodePath = ()
) -> Iterator[tuple[NodePath, dict[str, str]]]:
    if isinstance(value, dict):
        if (
            value
            and set(value) <= set(languages)
            and all(isinstance(v, str) for v in value.values())
        ):
            yield path, value
            return
        for key, item in value.items():
            yield from _localized_texts(item, languages, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _localized_texts(item, languages, (*path, index))


def find_drift(
    base_text: str, current: LoadedData, languages: Sequence[str], *, base_name: str = "base"
) -> list[Drift]:
    """Texts of `current` that changed in some configured languages but not in others.

    Raises UnreadableData if `current` has any loading problem (syntax, duplicate keys…)
    or if the base does not load as a mapping (a base with lesser problems is compared)."""
    problems = _unreadable(current, languages)
    if problems:
        raise UnreadableData("current", problems)
    base = load_text(base_text, base_name)
    if not isinstance(base.data, dict):
        raise UnreadableData("base", _unreadable(base, languages))
    before = dict(_localized_texts(base.data, languages))
    drifts = []
    for path, texts in _localized_texts(current.data, languages):
        old = before.get(path)
        if old is None:
            continue
        changed = tuple(lang for lang in languages if texts.get(lang) != old.get(lang))
        if not changed or len(changed) == len(languages):
            continue
        for lang in languages:
            if lang in changed or lang not in texts:
                continue
            loc = current.where((*path, lang))
            drifts.append(
                Drift(
                    current.display_name,
                    loc.line,
                    loc.column,
                    format_path((*path, lang)),
                    changed,
                    lang,
                )
            )
    return sorted(drifts, key=lambda d: (d.line, d.column))
