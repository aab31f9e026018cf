"""Translation drift: a text changed in some languages but not in the others; and a
published correction removed.

Compares every localized text of the data file with its version on a base (usually the
pull request's target branch). A text whose English changed while its German stayed the
same probably needs a new translation; each such text gets a warning on the line of the
language that did not change. A correction the base publishes and the current file lacks
(matched by its date) gets a warning on the event's corrections: once published, a
correction is never deleted.

Drift cannot be judged when the data file does not load as a mapping: `find_drift` then
raises `UnreadableData` (for the current file, with every located problem), never
reporting "no drift" for data it could not compare.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from explainer.loader import LoadedData, load_text
from explainer.problems import WARNING, NodePath, Problem, format_path
from explainer.schema import check_schema


class _LocatedWarning:
    """A warning on a line of the data file, printed and annotated as the validator's
    warnings are (`explainer.problems.Problem`)."""

    file: str
    line: int
    column: int
    path: str  # the node's, as `events.x.summary.de`

    @property
    def detail(self) -> str:
        raise NotImplementedError

    @property
    def message(self) -> str:
        return f"{self.path}: {self.detail}"

    def problem(self) -> Problem:
        return Problem(self.file, self.line, self.column, self.path, self.detail, WARNING)

    def __str__(self) -> str:
        return str(self.problem())

    def github_annotation(self) -> str:
        return self.problem().github_annotation()


@dataclass(frozen=True)
class Drift(_LocatedWarning):
    file: str
    line: int
    column: int
    path: str
    changed: tuple[str, ...]
    unchanged: str

    @property
    def detail(self) -> str:
        changed = ", ".join(self.changed)
        return f"changed in {changed} but not in {self.unchanged}; check the translation"


@dataclass(frozen=True)
class RemovedCorrection(_LocatedWarning):
    """A correction the base publishes and the current file no longer has."""

    file: str
    line: int
    column: int
    event_id: str
    date: str

    @property
    def path(self) -> str:
        return f"events.{self.event_id}.corrections"

    @property
    def detail(self) -> str:
        return (
            f"the correction of {self.date} was removed; a published correction is never "
            "deleted: put it back (its wording may be corrected)"
        )


class UnreadableData(Exception):
    """The base or the current data file cannot be read as data: no drift can be judged."""

    def __init__(self, side: str, problems: Sequence[Problem]) -> None:
        self.side = side  # "base" or "current"
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


def _unreadable(loaded: LoadedData, languages: Sequence[str]) -> list[Problem]:
    """Why `loaded` cannot be compared: the loader's problems, or its top level is no mapping."""
    if loaded.errors:
        return loaded.errors
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


def _correction_dates(data: Any) -> dict[str, list[str]]:
    """The dates of each event's corrections, by event id."""
    events = data.get("events") if isinstance(data, dict) else None
    found: dict[str, list[str]] = {}
    for event_id, event in (events if isinstance(events, dict) else {}).items():
        corrections = event.get("corrections") if isinstance(event, dict) else None
        found[event_id] = [
            str(correction.get("date"))
            for correction in (corrections if isinstance(corrections, list) else [])
            if isinstance(correction, dict)
        ]
    return found


def removed_corrections(base: LoadedData, current: LoadedData) -> list[RemovedCorrection]:
    """Corrections of the base that the current file no longer has, by date, for the
    events it still has (a removed event takes its page and corrections with it)."""
    now = _correction_dates(current.data)
    removed = []
    for event_id, dates in _correction_dates(base.data).items():
        if event_id not in now:
            continue
        left = list(now[event_id])
        for date in dates:
            if date in left:
                left.remove(date)
                continue
            path: NodePath = ("events", event_id, "corrections")
            # on the `corrections:` key, or on the event's id if the field is gone
            loc = current.where(path if path in current.keys else path[:2], key=True)
            removed.append(
                RemovedCorrection(current.display_name, loc.line, loc.column, event_id, date)
            )
    return removed


def find_drift(
    base_text: str, current: LoadedData, languages: Sequence[str], *, base_name: str = "base"
) -> list[Drift | RemovedCorrection]:
    """Texts of `current` that changed in some configured languages but not in others, and
    corrections the base has and `current` no longer has.

    Raises UnreadableData if `current` has any loading problem (syntax, duplicate keys…)
    or if the base does not load as a mapping (a base with lesser problems is compared)."""
    problems = _unreadable(current, languages)
    if problems:
        raise UnreadableData("current", problems)
    base = load_text(base_text, base_name)
    if not isinstance(base.data, dict):
        raise UnreadableData("base", _unreadable(base, languages))
    before = dict(_localized_texts(base.data, languages))
    drifts: list[Drift | RemovedCorrection] = list(removed_corrections(base, current))
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
