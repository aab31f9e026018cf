"""Translation drift: a text changed in some languages but not in the others.

Compares every localized text of the data file with its version on a base (usually the
pull request's target branch). A text whose English changed while its German stayed the
same probably needs a new translation; each such text gets a warning on the line of the
language that did not change.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from explainer.loader import LoadedData, load_text
from explainer.problems import NodePath, format_path


@dataclass(frozen=True)
class Drift:
    file: str
    line: int
    column: int
    path: str
    changed: tuple[str, ...]
    unchanged: str

    def __str__(self) -> str:
        changed = ", ".join(self.changed)
        return (
            f"{self.file}:{self.line}:{self.column}: {self.path}: changed in {changed} "
            f"but not in {self.unchanged}; check the translation"
        )

    def github_annotation(self) -> str:
        message = str(self).split(": ", 2)[2]
        return f"::warning file={self.file},line={self.line},col={self.column}::{message}"


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


def find_drift(base_text: str, current: LoadedData, languages: Sequence[str]) -> list[Drift]:
    """Texts of `current` that changed in some configured languages but not in others."""
    base = load_text(base_text, "base")
    if not isinstance(base.data, dict) or not isinstance(current.data, dict):
        return []
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
