"""Problems found in an editor's data file: one located line each."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: A path to a node in the data file: mapping keys and list indices.
NodePath = tuple[str | int, ...]


def format_path(path: NodePath) -> str:
    """`('events', 'x', 'quotes', 0, 'by')` -> `events.x.quotes[0].by`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def did_you_mean(name: object, candidates: Iterable[str], *, cutoff: float = 0.6) -> str:
    """A ' did you mean `x`?' suffix naming the closest candidates, or ''."""
    if not isinstance(name, str):
        return ""
    close = difflib.get_close_matches(name, sorted(set(candidates)), n=3, cutoff=cutoff)
    if not close:
        return ""
    named = " or ".join(f"`{c}`" for c in close)
    return f"; did you mean {named}?"


def escape_data(text: str) -> str:
    """A workflow command's message as GitHub's runner reads it: `%`, CR and LF encoded
    (actions/toolkit `escapeData`), so a newline in the data cannot end the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (`file=...`): also `:` and `,`, which would
    otherwise end the properties or the value (actions/toolkit `escapeProperty`)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


#: how much a problem weighs: an error stops the build, a warning is reported and the
#: build goes on (`explainer validate --strict` fails on warnings too)
ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, where the editor can find it: an error, or a
    warning (something an editor should look at, which may be right as it is)."""

    file: str
    line: int
    column: int
    path: str
    message: str
    severity: str = ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity == WARNING

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        if self.is_warning:  # marked as compilers mark theirs, right after the place
            where += ": warning"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (`::warning` for a warning)."""
        text = f"{self.path}: {self.message}" if self.path else self.message
        where = f"file={escape_property(self.file)},line={self.line},col={self.column}"
        return f"::{self.severity} {where}::{escape_data(text)}"


def by_place(problems: Iterable[Problem]) -> list[Problem]:
    """In the order of the files and of the lines in them."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.column, p.path, p.message))


def errors_and_warnings(problems: Iterable[Problem]) -> tuple[list[Problem], list[Problem]]:
    """The errors, then the warnings, each in file order."""
    ordered = by_place(problems)
    return [p for p in ordered if not p.is_warning], [p for p in ordered if p.is_warning]


def counted(number: int, word: str) -> str:
    """`1 problem`, `2 problems`."""
    return f"{number} {word}{'s' if number != 1 else ''}"


class DataError(Exception):
    """The data file has errors; the site must not be built from it. Its warnings come
    along, to be reported after the errors."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems, self.warnings = errors_and_warnings(problems)
        super().__init__(f"{counted(len(self.problems), 'problem')} in the explainer data")

    def report(self) -> str:
        """Every error, then every warning, one located line each."""
        return "\n".join(str(p) for p in (*self.problems, *self.warnings))

    def summary(self) -> str:
        """`2 problems in the explainer data`, or `2 problems and 1 warning in …`."""
        if not self.warnings:
            return str(self)
        return (
            f"{counted(len(self.problems), 'problem')} and "
            f"{counted(len(self.warnings), 'warning')} in the explainer data"
        )
