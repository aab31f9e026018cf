"""The generator as others install it: a wheel built by `python -m build`, installed into a
fresh virtual environment, whose `explainer` command writes a new site that builds strict,
validates and passes its own tests as written.

Nothing is downloaded: the wheel is built without isolation (setuptools and build are
pinned in requirements.txt), pip installs it alone (`--no-deps`, `--no-index`) into an
environment made by the running interpreter, and only then does a `.pth` line let that
environment import the pinned packages of the running one. `explainer` and
`mkdocs_explainer` come from the wheel, never from this checkout (checked).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from importlib.metadata import distribution
from pathlib import Path

import lxml.html
import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import REPO, copy_checkout
from tests.locks import locked

#: what the generator needs at run time (pyproject.toml), a site's tests and its `make lock`
RUNTIME = [
    Requirement(r).name
    for r in tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
] + ["pytest", "pip-tools"]


def env() -> dict[str, str]:
    """The test's environment, without a PYTHONPATH that could reach this checkout."""
    variables = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return {**variables, "NO_MKDOCS_2_WARNING": "1"}


def run(args: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env(), capture_output=True, text=True, timeout=600
    )


def pins() -> dict[str, str]:
    return {name: version for name, (version, _) in locked(REPO / "requirements.txt").items()}


@pytest.mark.pinned
def test_the_site_extra_pins_exactly_what_a_site_installs_as_requirements_txt_does() -> None:
    """`explainer[site]`, the one line of a new site's requirements.in, brings every
    package the generator, a site's tests and its `make lock` need, at this repository's
    pinned versions."""
    extra = tomllib.loads((REPO / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]["site"]
    pinned = {canonicalize_name(Requirement(r).name): str(Requirement(r).specifier) for r in extra}
    needed, todo = set(), list(RUNTIME)
    while todo:  # the installed dependency closure (on this platform)
        name = canonicalize_name(todo.pop())
        if name in needed:
            continue
        needed.add(name)
        for text in distribution(name).requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    assert set(pinned) == needed
    assert pinned == {name: f"=={pins()[name]}" for name in needed}


# --- the wheel ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("build")
    copy_checkout(root / "src")
    # `python -m build`: an sdist, then the wheel built from that sdist
    result = run([sys.executable, "-m", "build", "--no-isolation", "--outdir", root / "dist",
                  root / "src"], cwd=root)  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    [built] = (root / "dist").glob("explainer-*.whl")
    assert len(list((root / "dist").glob("explainer-*.tar.gz"))) == 1
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed; returns its bin/."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    result = run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=venv.parent)
    assert result.returncode == 0, result.stderr
    python = venv / "bin" / "python"
    result = run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet",
                  "--no-deps", "--no-index", "--disable-pip-version-check", wheel],
                 cwd=venv.parent)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    purelib = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                  cwd=venv.parent).stdout.strip()  # fmt: skip
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "_pinned_packages.pth").write_text("\n".join(sorted(ours)) + "\n")
    return venv / "bin"


@pytest.mark.build
def test_the_wheel_holds_both_packages_and_every_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    top = {name.split("/")[0] for name in names if ".dist-info/" not in name}
    assert top == {"explainer", "mkdocs_explainer"}
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "explainer",
         "mkdocs_explainer"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    shipped = [path for path in listed if (REPO / path).is_file()]
    assert {"explainer/strings/fr.yaml", "explainer/assets/explainer.css"} <= set(shipped)
    assert [path for path in shipped if path not in names] == []
    [metadata] = [n for n in names if n.endswith(".dist-info/METADATA")]
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Requires-Dist: mkdocs<2,>=1.6" in text and "Provides-Extra: site" in text
    [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert "explainer = explainer.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def _new_site_from_the_wheel(
    bin_dir: Path, wheel: Path, tmp_path: Path, languages: str, engine: str = "mkdocs"
) -> None:
    codes = languages.split(",")
    site = tmp_path / "site"
    # the installed command and packages, not this checkout's
    result = run([bin_dir / "python", "-c", "import explainer, mkdocs_explainer.hooks as h; "
                  "print(explainer.__file__); print(h.__file__)"], cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    for module in result.stdout.split():
        assert Path(module).is_relative_to(bin_dir.parent), module
    result = run(
        [bin_dir / "explainer", "new", site, "--languages", languages, "--engine", engine],
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "note: requirements.in names this generator by a path on this computer" in (
        result.stdout
    )
    extras = "site,properdocs" if engine == "properdocs" else "site"
    assert f"explainer[{extras}] @ {wheel.as_uri()}\n" in (site / "requirements.in").read_text()

    result = run([bin_dir / "explainer", "validate"], cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"data/events.yaml: OK: 3 events, 3 actors, 1 glossary terms in {len(codes)} "
        f"languages ({', '.join(codes)})\n"
    )
    out = tmp_path / "built"
    result = run(
        [bin_dir / "python", "-m", engine, "build", "--strict", "-f", "mkdocs.yml", "-d", out],
        cwd=site,
    )
    assert result.returncode == 0, result.stderr
    for index, language in enumerate(codes):
        prefix = out if index == 0 else out / language
        for page in ("", "timeline/", "events/example-call/", "actors/example-group/",
                     "glossary/", "figures/", "about/"):  # fmt: skip
            root = lxml.html.parse(str(prefix / page / "index.html")).getroot()
            assert root.get("lang") == language, (language, page)
        home = lxml.html.parse(str(prefix / "index.html")).getroot()
        text = " ".join(home.text_content().split())
        assert "40" in text  # the key figure, from the block in the hand-written home page
        assert "explainer:" not in text
    # the new site's own tests, as written (they validate and build it again, with its engine)
    result = run([bin_dir / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=site)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "3 passed" in result.stdout


@pytest.mark.build
def test_an_installed_generator_makes_an_english_and_german_site(
    installed: Path, wheel: Path, tmp_path: Path
) -> None:
    _new_site_from_the_wheel(installed, wheel, tmp_path, "en,de")


@pytest.mark.build
def test_an_installed_generator_makes_a_site_in_other_languages(
    installed: Path, wheel: Path, tmp_path: Path
) -> None:
    """French as the default language, with Spanish and English; built with ProperDocs."""
    _new_site_from_the_wheel(installed, wheel, tmp_path, "fr,es,en", engine="properdocs")
