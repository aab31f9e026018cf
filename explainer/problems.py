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


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, where the editor can find it."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command."""
        text = f"{self.path}: {self.message}" if self.path else self.message
        where = f"file={escape_property(self.file)},line={self.line},col={self.column}"
        return f"::error {where}::{escape_data(text)}"


class DataError(Exception):
    """The data file has problems; the site must not be built from it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(
            problems, key=lambda p: (p.file, p.line, p.column, p.path, p.message)
        )
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the explainer data")

    def report(self) -> str:
        return "\n".join(str(p) for p in self.problems)
