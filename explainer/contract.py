"""The version of the data contract (`shared/specs/events-yaml.md`) a data file is written
for, and what a file written for another version must change.

A data file says which version it is written for with a top-level `version: N` (an
extension of the contract; a file without it is read as version 1, the contract as this
generator first shipped it). This generator reads `CONTRACT_VERSION`. A file written for
a newer version gets one located line saying to take a newer generator (nothing else in
it is judged: its fields may be ones this generator does not know). A file written for an
older version gets, from each step in `MIGRATIONS`, a located line for every place that
must change, and one at `version:` saying which version to write once done. CHANGELOG.md
names the contract version of every release.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as installed_version
from typing import Any

from explainer.loader import LoadedData
from explainer.problems import Problem

#: the version of the data contract this generator reads
CONTRACT_VERSION = 1

#: A step from version N-1 to N: a located problem for every place of an older file
#: that must change to be read as version N.
Migration = Callable[[LoadedData], Iterator[Problem]]
#: the steps, keyed by the version they lead to (none yet: version 1 is the first)
MIGRATIONS: dict[int, Migration] = {}


def generator_version() -> str:
    """This generator's release, as installed (`explainer 0.1.0`)."""
    try:
        return installed_version("explainer")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "from a checkout"


def declared_version(data: Any) -> int | None:
    """The `version:` a data file declares, if it is a whole number (a wrong type is the
    schema's to report); 1 when it declares none."""
    if not isinstance(data, dict) or "version" not in data:
        return 1
    value = data["version"]
    return value if type(value) is int else None


def newer_version(loaded: LoadedData) -> Problem | None:
    """One located problem if the file is written for a newer contract than this
    generator reads."""
    declared = declared_version(loaded.data)
    if declared is None or declared <= CONTRACT_VERSION:
        return None
    return loaded.problem(
        ("version",),
        f"this file is written for version {declared} of the data contract; this generator "
        f"(explainer {generator_version()}) reads version {CONTRACT_VERSION}: take a newer "
        "generator (change the `explainer` line in requirements.in, then `make lock`; see its "
        "CHANGELOG.md)",
    )


def migration_problems(loaded: LoadedData) -> list[Problem]:
    """What a file written for an older contract must change, each where it must change."""
    declared = declared_version(loaded.data)
    if declared is None or declared < 1 or declared >= CONTRACT_VERSION:
        return []
    problems = []
    for step in range(declared + 1, CONTRACT_VERSION + 1):
        migration = MIGRATIONS.get(step)
        if migration is not None:
            problems.extend(migration(loaded))
    written = (
        f"this file is written for version {declared} of the data contract"
        if isinstance(loaded.data, dict) and "version" in loaded.data
        else "this file does not say which version of the data contract it is written for "
        "(read as version 1)"
    )
    problems.append(
        loaded.problem(
            ("version",),
            f"{written}; this generator reads version {CONTRACT_VERSION}: "
            + ("make the changes listed, then " if problems else "")
            + f"write `version: {CONTRACT_VERSION}` (CHANGELOG.md says what changed)",
        )
    )
    return problems
