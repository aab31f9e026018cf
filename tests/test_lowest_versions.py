"""The lower bounds pyproject.toml declares are the versions `make test-lowest` installs
(requirements-lowest.in, compiled with hashes into requirements-lowest.txt), so each bound
is one the fast tests and a strict build have passed with; .ci/run runs that target."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import REPO
from tests.locks import locked, pins_of, unhashed_lines

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
LOWEST_IN = REPO / "requirements-lowest.in"
LOWEST_TXT = REPO / "requirements-lowest.txt"


def lower_bound(text: str) -> tuple[str, Version]:
    requirement = Requirement(text)
    [bound] = [s.version for s in requirement.specifier if s.operator == ">="]
    return canonicalize_name(requirement.name), Version(bound)


def test_every_dependency_is_installed_at_its_lower_bound() -> None:
    """A bound moved in pyproject.toml without requirements-lowest.in (or the other way
    round) is named here."""
    bounds = dict(lower_bound(text) for text in PYPROJECT["project"]["dependencies"])
    build_name, build_bound = lower_bound(PYPROJECT["build-system"]["requires"][0])
    pins = {name: Version(version) for name, version in pins_of(LOWEST_IN).items()}
    assert {name: pins.get(name) for name in bounds} == bounds
    assert pins[build_name] == build_bound  # setuptools, which installs the generator


def test_the_lowest_lock_is_compiled_from_its_pins_with_hashes() -> None:
    lock = locked(LOWEST_TXT)
    assert unhashed_lines(LOWEST_TXT) == []
    assert all(hashes for _, hashes in lock.values())
    assert {name: lock[name][0] for name in pins_of(LOWEST_IN)} == pins_of(LOWEST_IN)


def test_ci_runs_the_lowest_versions_with_hashes() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    target = makefile.split("\ntest-lowest:\n", 1)[1].split("\n\n", 1)[0]
    assert re.search(r"--require-hashes \\\n\s+-r requirements-lowest.txt", target)
    assert '-m "not build and not browser and not pinned"' in target
    assert "mkdocs build --strict" in target
    assert re.search(r"^\s*make test-lowest\b", (REPO / ".ci/run").read_text(), re.M)
