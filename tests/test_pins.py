"""Hashed installs: every pin carries the hashes pip checks its download against
(`--require-hashes`), written by pip-tools from the `.in` files (`make lock`), and every
install in the Makefile, .ci/run and the workflows, this repository's and a new site's,
uses them. The one package installed without a hash is the generator itself, from this
folder or from the address a new site names (a git commit names its content)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from explainer.starter import FILES, PINS
from tests.conftest import REPO
from tests.locks import locked, pins_of, unhashed_lines

LOCKS = {
    "requirements.txt": "requirements.in",
    "requirements-mutation.txt": "requirements-mutation.in",
    "requirements-lowest.txt": "requirements-lowest.in",
}
#: the files that install packages: this repository's and a new site's (skeleton)
INSTALLERS = [
    REPO / "Makefile",
    REPO / ".ci" / "run",
    *sorted((REPO / ".github").rglob("*.yml")),
    FILES / "Makefile",
    FILES / "dot-ci" / "run",
    *sorted((FILES / "dot-github").rglob("*.yml")),
]


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_pin_has_hashes_and_follows_its_in_file(lock: str) -> None:
    path = REPO / lock
    assert unhashed_lines(path) == []
    pins = locked(path)
    assert pins and all(hashes for _, hashes in pins.values())
    wanted = pins_of(REPO / LOCKS[lock])
    if lock == "requirements-mutation.txt":  # `-r requirements.in` and mutmut
        wanted |= pins_of(REPO / "requirements.in")
    assert {name: pins[name][0] for name in wanted if name in pins} == wanted
    assert not set(wanted) - set(pins), "a pin of the .in file is missing: run make lock"


def test_the_mutation_pins_are_the_sites_pins_and_mutmut() -> None:
    main, mutation = locked(REPO / "requirements.txt"), locked(REPO / "requirements-mutation.txt")
    assert {name: mutation[name] for name in main} == main


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_new_sites_pins_are_the_site_extra_with_this_repositorys_hashes(engine: str) -> None:
    """What `explainer new` writes into a site's requirements.txt: the `site` extra (and
    ProperDocs for that engine), each package with the hashes requirements.txt has."""
    site = locked(PINS / f"{engine}.txt")
    assert unhashed_lines(PINS / f"{engine}.txt") == []
    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    wanted = {
        canonicalize_name(Requirement(r).name): next(iter(Requirement(r).specifier)).version
        for r in extras["site"]
    }
    if engine == "properdocs":
        wanted["properdocs"] = locked(REPO / "requirements.txt")["properdocs"][0]
    assert {name: version for name, (version, _) in site.items()} == wanted
    main = locked(REPO / "requirements.txt")
    assert {name: main[name] for name in site} == site


def _commands(path: Path) -> list[str]:
    """The shell commands of a Makefile, script or workflow, continuation lines joined."""
    return re.sub(r"\\\n\s*", " ", path.read_text(encoding="utf-8")).splitlines()


@pytest.mark.parametrize("path", INSTALLERS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_install_checks_hashes(path: Path) -> None:
    installs = [line.strip() for line in _commands(path) if re.search(r"pip\"? install", line)]
    for command in installs:
        hashed = "--require-hashes" in command
        # the generator alone: this folder (editable), or the address a site names
        generator = "--no-deps" in command and re.search(r"(-e \.|-r requirements\.in)$", command)
        assert hashed or generator, f"{path.name}: {command}"
    if path.name == "Makefile":
        assert any("--require-hashes" in command for command in installs)
