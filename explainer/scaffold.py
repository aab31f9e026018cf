"""A new event, with every required field in every configured language, ready to fill in.

The texts are left empty on purpose: until an editor writes them, `validate` reports each
one with its line, so a scaffold can never be published half-written by mistake.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from explainer.dates import date_suggestion
from explainer.loader import LoadedData, load_text
from explainer.problems import did_you_mean
from explainer.rules import not_a_calendar_day
from explainer.vocabulary import EVENT_TYPES

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TYPES = EVENT_TYPES
DATE = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$")


class ScaffoldError(Exception):
    """The new event cannot be added as asked."""


def _localized(name: str, languages: Sequence[str], indent: str) -> list[str]:
    lines = [f"{indent}{name}:"]
    lines += [f'{indent}  {lang}: ""' for lang in languages]
    return lines


def event_yaml(
    event_id: str, event_type: str, date: str, participants: Sequence[str], languages: Sequence[str]
) -> str:
    """The YAML of a new event (two-space indented under `events:`), with one source to
    name (the pull request's checklist asks for a source of every fact), its title one text
    per language as the other sources have it."""
    lines = [
        f"  {event_id}:",
        f"    type: {event_type}",
        f"    date: {json.dumps(date)}",
        f"    participants: [{', '.join(participants)}]",
    ]
    lines += _localized("title", languages, "    ")
    lines += _localized("summary", languages, "    ")
    lines += _localized("body", languages, "    ")
    lines += ["    sources:", "      - title:"]
    lines += [f'          {lang}: ""' for lang in languages]
    lines += ["    terms: []"]
    return "\n".join(lines) + "\n"


def _timeline_key(date: object) -> str:
    """Where a date stands in the file's order, oldest first: an event known only by its
    month follows the dated events of that month (the README's timeline order)."""
    text = str(date)
    return text if len(text) == 10 else text + "-32"


def _insertion_line(loaded: LoadedData, lines: list[str], date: str) -> tuple[int, bool]:
    """Where the new event's block goes: (1-based line, True) before the first event that
    is later than `date` (after those of the same day, which keep their order), with the
    comment lines right above that event; or (the line after the last event, False)."""
    events = loaded.data["events"]
    events_line = loaded.where(("events",), key=True).line
    new_key = _timeline_key(date)
    for event_id, event in events.items():
        when = event.get("date") if isinstance(event, dict) else None
        if when is None or _timeline_key(when) <= new_key:
            continue
        line = loaded.where(("events", event_id), key=True).line
        while line - 1 > events_line and lines[line - 2].lstrip().startswith("#"):
            line -= 1  # a comment above an event belongs to it
        return line, True
    # the events block ends where the next top-level key begins (or at the end of the file)
    later = [
        loc.line for key, loc in loaded.keys.items() if len(key) == 1 and loc.line > events_line
    ]
    end = min(later) - 1 if later else len(lines)
    while end > events_line and not lines[end - 1].strip():
        end -= 1  # keep blank lines that separate the next section
    return end + 1, False


def add_event(
    path: Path,
    languages: Sequence[str],
    event_id: str,
    event_type: str,
    date: str,
    participants: Sequence[str],
) -> int:
    """Insert a new event where the file's order puts it (oldest first); returns the line
    it starts on."""
    if not ID.match(event_id) or len(event_id) > 80:
        raise ScaffoldError(f"`{event_id}` is not a valid id (lowercase letters, digits, hyphens)")
    if event_type not in TYPES:
        raise ScaffoldError(
            f"`{event_type}` is not a type: {', '.join(TYPES)}" + did_you_mean(event_type, TYPES)
        )
    if not DATE.match(date):
        raise ScaffoldError(
            f"`{date}` is not a date: write YYYY-MM-DD, or YYYY-MM" + date_suggestion(date)
        )
    reason = not_a_calendar_day(date)  # the pattern allows 31 days in every month
    if reason is not None:
        raise ScaffoldError(reason)
    text = path.read_text(encoding="utf-8-sig")
    loaded = load_text(text, str(path))
    data = loaded.data if isinstance(loaded.data, dict) else None
    if data is None or not isinstance(data.get("events"), dict):
        raise ScaffoldError(f"{path}: fix the file first (`validate`), it has no `events:` mapping")
    if event_id in data["events"]:
        line = loaded.where(("events", event_id), key=True).line
        raise ScaffoldError(f"{path}:{line}: an event `{event_id}` exists already")
    actors = data.get("actors") if isinstance(data.get("actors"), dict) else {}
    for actor in participants:
        if actor not in actors:
            raise ScaffoldError(f"unknown actor `{actor}`" + did_you_mean(actor, actors))
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    start, before_an_event = _insertion_line(loaded, lines, date)
    block = event_yaml(event_id, event_type, date, participants, languages)
    if before_an_event:
        lines[start - 1 : start - 1] = [block, "\n"]
        first = start
    else:
        lines[start - 1 : start - 1] = ["\n", block]
        first = start + 1
    path.write_text("".join(lines), encoding="utf-8")
    return first
