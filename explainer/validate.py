"""Load -> locate -> validate -> model: the data file becomes a Story or a list of problems."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

from explainer.contract import migration_problems, newer_version
from explainer.loader import LoadedData, load_file
from explainer.model import Story, build_story
from explainer.performance import collector_paused
from explainer.problems import DataError, Problem
from explainer.rules import check_rules
from explainer.schema import check_schema


def display_name(path: Path) -> str:
    """The path as an editor would type it: relative to the working directory if inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@collector_paused()
def find_problems(
    path: Path, languages: Sequence[str], *, today: datetime.date | None = None
) -> tuple[LoadedData, list[Problem]]:
    """Every problem of the data file, errors and warnings, in file order. `today` is the
    day the checks take for today (default: `explainer.dates.today()`)."""
    loaded = load_file(path, display_name(path))
    problems = list(loaded.problems)
    newer = newer_version(loaded) if loaded.data is not None else None
    if newer is not None:  # the rest is a newer contract's to judge
        problems.append(newer)
    elif loaded.data is not None:
        problems += migration_problems(loaded)
        problems += check_schema(loaded, languages)
        problems += check_rules(loaded, today=today)
        flagged = {problem.path for problem in problems}  # a path the schema refused
        problems += [p for p in card_images(loaded, path.parent) if p.path not in flagged]
    unique = sorted(set(problems), key=lambda p: (p.line, p.column, p.path, p.message))
    return loaded, unique


def card_images(loaded: LoadedData, folder: Path) -> list[Problem]:
    """An event's own share image (`card`) must be a PNG or JPEG file beside the data."""
    from explainer.outputs.cards import own_image

    problems = []
    events = loaded.data.get("events") if isinstance(loaded.data, dict) else None
    for event_id, event in (events or {}).items() if isinstance(events, dict) else ():
        card = event.get("card") if isinstance(event, dict) else None
        if not isinstance(card, str):
            continue
        where = ("events", event_id, "card")
        try:
            own_image(folder / card)
        except FileNotFoundError:
            problems.append(loaded.problem(where, f"there is no file `{card}` beside the data"))
        except (OSError, ValueError) as error:
            reason = str(error) if isinstance(error, ValueError) else "is not an image"
            problems.append(loaded.problem(where, f"`{card}` {reason}"))
    return problems


def load_story(path: Path, languages: Sequence[str]) -> Story:
    """The validated story (warnings do not stop it), or DataError with every problem."""
    loaded, problems = find_problems(path, languages)
    if any(not problem.is_warning for problem in problems):
        raise DataError(problems)
    return build_story(loaded.data, tuple(languages))
