"""Shared helpers: the repository, small data files, and real MkDocs builds."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
HOOK = REPO / "hooks" / "explainer_mkdocs.py"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
#: where a build forks its worker process (explainer/background.py), said independently of it
CAN_FORK = (
    sys.platform == "linux"
    and len(os.sched_getaffinity(0)) > 1
    and os.environ.get("EXPLAINER_WORKER") != "0"
)
FORKS = pytest.mark.skipif(
    not CAN_FORK, reason="the worker is forked on Linux with 2+ cores, unless EXPLAINER_WORKER=0"
)


def minimal_yaml() -> str:
    return (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")


def run(
    args: list[str], cwd: Path, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**ENV, "PYTHONPATH": str(REPO), **(env_extra or {})}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def mkdocs_build(
    config: Path, site_dir: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
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


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed story built once with the repository's own mkdocs.yml."""
    site = tmp_path_factory.mktemp("seed") / "site"
    result = mkdocs_build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def seed_story():
    from explainer.site import Explainer, SiteConfig

    return Explainer.load(SiteConfig.from_mkdocs_yml(REPO / "mkdocs.yml"))


SITE_URL = "https://example.org/explainer/"
REPO_URL = "https://github.com/example/explainer"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed story built as the deploy workflow builds it: with a site_url under a
    project sub-path."""
    site = tmp_path_factory.mktemp("published") / "site"
    result = run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=REPO,
        env_extra={"SITE_URL": SITE_URL, "REPO_URL": REPO_URL},
    )
    assert result.returncode == 0, result.stderr
    return site
