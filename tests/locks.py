"""Reading the pip-tools files: a requirements `.in` (one `name==version` a line) and the
lock pip-compile writes from it (`name==version \\` then one `--hash=sha256:...` a line)."""

from __future__ import annotations

import re
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

_ENTRY = re.compile(
    r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})*)", re.M
)


def pins_of(path: Path) -> dict[str, str]:
    """The `name==version` lines of a requirements file (comments and options left out)."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            requirement = Requirement(line)
            [specifier] = requirement.specifier
            assert specifier.operator == "==", f"{path.name}: {line} is not an exact pin"
            pins[canonicalize_name(requirement.name)] = specifier.version
    return pins


def locked(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """Each package of a lock: its version and the hashes pip may accept for it."""
    text = path.read_text(encoding="utf-8")
    return {
        canonicalize_name(name): (version, frozenset(re.findall(r"sha256:([0-9a-f]{64})", hashes)))
        for name, version, hashes in _ENTRY.findall(text)
    }


def unhashed_lines(path: Path) -> list[str]:
    """The requirement lines of a lock that carry no hash (pip refuses them with
    --require-hashes); pip-compile ends each hashed one with a backslash."""
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
        and not line[:1].isspace()
        and not line.startswith("#")
        and not line.rstrip().endswith("\\")
    ]
