"""The tests pass whatever the caller's shell exports (tests/conftest.py: known_environment).

A maintainer who follows the README exports SITE_URL for canonical links, or
SOURCE_DATE_EPOCH as reproducible-build setups do; a runner may set GIT_DIR or a global git
configuration that signs every commit. None of it may reach a test."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CONTROLLED, KNOWN, REPO, RUN_OWN, controlled

pytestmark = pytest.mark.build

#: A small build test that reads SOURCE_DATE_EPOCH and site_url, and a CLI test that runs
#: git (the drift example of CONTRIBUTING.md).
INNER_TESTS = [
    "tests/test_build.py::test_the_compressed_sitemap_carries_no_build_date",
    "tests/test_cli_contributing.py::test_the_guide_quotes_what_the_tools_print",
]


def hostile_environment(tmp_path: Path) -> dict[str, str]:
    signing = tmp_path / "gitconfig"
    signing.write_text(
        "[commit]\n\tgpgsign = true\n[user]\n\tsigningkey = no-such-key\n"
        "[core]\n\thooksPath = /nonexistent\n",
        encoding="utf-8",
    )
    return {
        **os.environ,
        "SITE_URL": "https://hostile.example.org/elsewhere/",
        "REPO_URL": "https://hostile.example.org/repo",
        "SOURCE_DATE_EPOCH": "1768521600",
        "EXPLAINER_WORKER": "0",
        "EXPLAINER_DATA": "/nonexistent/events.yaml",
        "NO_MKDOCS_2_WARNING": "",
        "GIT_DIR": str(tmp_path / "not-a-repository"),
        "GIT_CONFIG_GLOBAL": str(signing),
        "GIT_AUTHOR_DATE": "not a date",
        "TZ": "Pacific/Kiritimati",
        "LC_ALL": "de_DE.UTF-8",
        "LANG": "de_DE.UTF-8",
    }


def test_a_build_test_and_a_cli_test_pass_under_a_hostile_environment(tmp_path: Path) -> None:
    env = hostile_environment(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *INNER_TESTS],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    # every case ran: the sitemap test with and without SOURCE_DATE_EPOCH, and each of
    # the guide's examples
    passed = re.search(r"(\d+) passed", result.stdout)
    assert passed and int(passed.group(1)) >= 3 and "skipped" not in result.stdout, result.stdout


def test_each_test_starts_from_the_known_environment() -> None:
    leaked = sorted(
        name for name in os.environ if controlled(name) and name not in {*KNOWN, *RUN_OWN}
    )
    assert leaked == []
    # the share cards of the run's builds are kept in its own folder, not the repository's
    assert not Path(os.environ["EXPLAINER_CARD_CACHE"]).is_relative_to(REPO)
    for name, value in KNOWN.items():
        assert os.environ[name] == value
    assert "SITE_URL" in CONTROLLED and "SOURCE_DATE_EPOCH" in CONTROLLED
