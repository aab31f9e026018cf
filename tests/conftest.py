"""Shared helpers: the repository, small data files, and real MkDocs builds."""

from __future__ import annotations

import datetime
import fcntl
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
HOOK = REPO / "hooks" / "explainer_mkdocs.py"

# What the caller tells the suite itself, read once before the environment is cleaned:
#: CI=true makes a missing shellcheck a failure, EXPLAINER_REQUIRE_BROWSER=1 a missing
#: browser or checker (.ci/run sets both); elsewhere those tests are skipped
IN_CI = os.environ.get("CI", "").lower() in {"true", "1"}
REQUIRE_BROWSER = os.environ.get("EXPLAINER_REQUIRE_BROWSER") == "1"
#: another Chromium than the one on PATH
CHROMIUM = os.environ.get("EXPLAINER_CHROMIUM") or None

#: Variables that the code under test, MkDocs, git or Babel read. Every test starts without
#: them, whatever the caller's shell exports; a test that needs one sets it itself.
CONTROLLED = (
    "SITE_URL",
    "REPO_URL",
    "SOURCE_DATE_EPOCH",
    "CI",
    "NO_MKDOCS_2_WARNING",
    "DISABLE_MKDOCS_2_WARNING",
    "NO_COLOR",
    "TZ",
    "LANG",
    "LANGUAGE",
)
CONTROLLED_PREFIXES = ("EXPLAINER_", "GIT_", "GITHUB_", "RUNNER_", "MKDOCS_", "LC_")
#: The known environment every test starts from, on top of what is left of the caller's
#: (PATH, HOME, ...): git reads no user or system configuration (a signing or hook setting
#: there would change what the drift tests commit), text is UTF-8 in the C locale.
KNOWN = {
    # "true", as Material writes it into the environment when its templates are imported
    # (material/templates/__init__.py), which a test that reads mkdocs.yml in-process does:
    # the known value is the one the run keeps, whichever test ran first
    "NO_MKDOCS_2_WARNING": "true",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "LANG": "C.UTF-8",
}


def controlled(name: str) -> bool:
    return name in CONTROLLED or name.startswith(CONTROLLED_PREFIXES)


@pytest.fixture(scope="session", autouse=True)
def known_environment() -> Iterator[None]:
    """Session-wide, so that the session's shared builds (seed_site, ...) see it too: a
    session-scoped autouse fixture is set up before any other fixture of the session."""
    with pytest.MonkeyPatch.context() as patch:
        for name in [name for name in os.environ if controlled(name)]:
            patch.delenv(name)
        for name, value in KNOWN.items():
            patch.setenv(name, value)
        yield


#: what the suite sets itself for every test, to a folder of the run's own
RUN_OWN = ("EXPLAINER_CARD_CACHE",)


@pytest.fixture(scope="session", autouse=True)
def card_cache(known_environment: None, request: pytest.FixtureRequest) -> Iterator[None]:
    """The builds of one run keep their share cards in the run's own folder (shared by the
    parallel processes, as `shared_build` shares its sites), never in the repository's
    `.cache/`: no card drawn by an earlier run, or by other code, reaches a test."""
    root = request.getfixturevalue("tmp_path_factory").getbasetemp()
    if hasattr(request.config, "workerinput"):
        root = root.parent
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXPLAINER_CARD_CACHE", str(root / "card-cache"))
        yield


#: The fixtures that read the live story (data/events.yaml, docs/, mkdocs.yml): a test
#: using one is marked `story`, and so is any test marked by hand. The story tests must
#: stay green after any change an editor makes to the story
#: (tests/test_editor_pull_request.py runs them on a changed copy).
STORY_FIXTURES = frozenset({"seed_site", "seed_story", "published_site"})
#: The shared fixtures that run a real build: a test using one is marked `build`, so that
#: `-m "not build and not browser"` is the fast subset (mkdocs_build() enforces it).
BUILD_FIXTURES = frozenset({"seed_site", "published_site"})


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "story: reads the live story (data/events.yaml, docs/); runs again on an editor's change",
    )
    config.addinivalue_line("markers", "slow: takes a minute or more; runs first")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if STORY_FIXTURES & fixtures:
            item.add_marker(pytest.mark.story)
        if BUILD_FIXTURES & fixtures:
            item.add_marker(pytest.mark.build)
    # Longest first, so that the parallel processes (`make test`) end together: a test
    # marked `slow` (a minute or more) never starts last, and the unit tests fill the gaps.
    items.sort(key=weight)


def weight(item: pytest.Item) -> int:
    if item.get_closest_marker("slow"):
        return 0
    return 1 if item.get_closest_marker("build") or item.get_closest_marker("browser") else 2


#: the test being set up or run (a module or session fixture is set up for the first test
#: that asks for it), for building()
RUNNING: list[pytest.Item] = []


def running() -> list[pytest.Item]:
    """RUNNING of the one instance of this file that both its names share: pytest imports
    it as `conftest`, the tests as `tests.conftest`."""
    import tests.conftest

    return tests.conftest.RUNNING


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    running()[:] = [item]


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    running().clear()


def building() -> None:
    """Fails a test that builds a site without the `build` mark (or a shared build fixture):
    the fast subset, `-m "not build and not browser"`, must run no build."""
    test = running()[0] if running() else None
    if test is not None and test.get_closest_marker("build") is None:
        pytest.fail(f"{test.nodeid} runs a build: mark it `@pytest.mark.build`")


#: where a build forks a process per language (mkdocs_explainer/parallel.py), said
#: independently of it; the tests never inherit EXPLAINER_WORKER, so only the machine decides
CAN_FORK = sys.platform == "linux" and len(os.sched_getaffinity(0)) > 1
FORKS = pytest.mark.skipif(
    not CAN_FORK, reason="languages are built by processes of their own on Linux with 2+ cores"
)


def copy_checkout(destination: Path) -> None:
    """The working tree as `pip install <folder>` or a fresh clone sees it: the files git
    tracks or would add (not ignored), without .git, .venv or node_modules."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (entry.decode() for entry in listed)):
        source = REPO / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)


def copy_configuration(root: Path) -> None:
    """The repository's mkdocs.yml and what it names (pages, hooks, theme overrides):
    MkDocs reads no configuration whose folders are missing, and neither does the CLI."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("docs", "hooks", "overrides"):
        shutil.copytree(REPO / folder, root / folder)


def git_at(root: Path, *args: str, date: str = "2026-01-01T12:00:00Z") -> str:
    """git in `root` as an editor whose commits carry `date` (author and committer)."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    return subprocess.run(
        ["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True
    ).stdout


def minimal_yaml() -> str:
    return (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")


#: a day before the events of minimal.yaml, whose council meeting is then still to come:
#: the checks that depend on the day find nothing in the fixture. Given to the validator
#: as `today`, or to a command as SOURCE_DATE_EPOCH (the day's first second, in UTC).
BEFORE_THE_FIXTURE = datetime.date(2026, 2, 1)
BEFORE_THE_FIXTURE_EPOCH = "1769904000"


def run(
    args: list[str], cwd: Path, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    if {"mkdocs", "properdocs"} & set(map(str, args)):
        building()
    env = {**os.environ, "PYTHONPATH": str(REPO), **(env_extra or {})}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def mkdocs_build(
    config: Path, site_dir: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    building()
    return run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config),
            "-d",
            str(site_dir),
            *extra,
        ],
        cwd=config.parent,
        env_extra=env,
    )


def in_theme(site: Path, page: Path) -> bool:
    """Whether a built HTML file is a page in the theme's shell (header, language menu,
    footer): every one but each language's embeddable timeline (`embed/timeline/`), a
    document of its own for other sites' frames."""
    return "embed/timeline/" not in page.relative_to(site).as_posix()


def make_site(
    root: Path, data: str, languages: tuple[str, ...] = ("en", "de"), extra_settings: str = ""
) -> Path:
    """A new explainer as the spec's "Reuse" section describes it; returns its mkdocs.yml."""
    lang_lines = "\n".join(
        f"        - locale: {lang}\n          name: {lang.upper()}\n          build: true"
        + ("\n          default: true" if i == 0 else "")
        for i, lang in enumerate(languages)
    )
    config = root / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            """\
            site_name: Test explainer
            theme:
              name: material
            plugins:
              - i18n:
                  docs_structure: folder
                  languages:
            {langs}
            hooks:
              - {hook}
            extra:
              explainer:
                data: data/events.yaml
            """
        ).format(langs=lang_lines, hook=HOOK)
        + extra_settings,
        encoding="utf-8",
    )
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data" / "events.yaml").write_text(data, encoding="utf-8")
    for lang in languages:
        (root / "docs" / lang).mkdir(parents=True, exist_ok=True)
        (root / "docs" / lang / "index.md").write_text(
            f"# Home {lang}\n\n<!-- explainer:upcoming -->\n", encoding="utf-8"
        )
    return config


def shared_build(
    request: pytest.FixtureRequest,
    name: str,
    build: Callable[[Path], subprocess.CompletedProcess[str]],
) -> Path:
    """A site built once for the whole run, for tests that only read it: with pytest-xdist
    the first worker that asks builds it into the run's common folder, under a lock, and
    the others wait for it and read the same files. (A worker knows it is one by its
    `workerinput`, not by PYTEST_XDIST_WORKER, which a pytest it starts would inherit.)"""
    root = request.getfixturevalue("tmp_path_factory").getbasetemp()
    if hasattr(request.config, "workerinput"):
        root = root.parent  # this run's folder, above each worker's own
    site = root / f"shared-{name}" / "site"
    with (root / f"shared-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / f"shared-{name}.built").exists():
            result = build(site)
            assert result.returncode == 0, result.stderr
            (root / f"shared-{name}.built").touch()
    return site


@pytest.fixture(scope="session")
def seed_site(request: pytest.FixtureRequest) -> Path:
    """The seed story built once with the repository's own mkdocs.yml."""
    return shared_build(request, "seed", lambda site: mkdocs_build(REPO / "mkdocs.yml", site))


@pytest.fixture(scope="session")
def seed_story():
    from explainer.site import Explainer
    from mkdocs_explainer.configuration import read_site_config

    return Explainer.load(read_site_config(REPO / "mkdocs.yml"))


SITE_URL = "https://example.org/explainer/"
REPO_URL = "https://github.com/example/explainer"


@pytest.fixture(scope="session")
def published_site(request: pytest.FixtureRequest) -> Path:
    """The seed story built as the deploy workflow builds it: with a site_url under a
    project sub-path."""
    return shared_build(
        request,
        "published",
        lambda site: mkdocs_build(
            REPO / "mkdocs.yml", site, env={"SITE_URL": SITE_URL, "REPO_URL": REPO_URL}
        ),
    )
