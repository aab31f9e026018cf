"""The two engines a site may build with (README, "Engines"): MkDocs 1.6 and ProperDocs,
the continuation of MkDocs 1.x by its former maintainers. Built from the same mkdocs.yml,
in the same environment, they write the same files, byte for byte; the one line allowed to
differ is the `<meta name="generator">` tag, which names the engine."""

from __future__ import annotations

import re
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import REPO, REPO_URL, SITE_URL, building, run

GENERATOR_TAG = re.compile(rb'^[ \t]*<meta name="generator" content="([^"]*)">\r?\n', re.M)


def files_of(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.mark.build
def test_properdocs_builds_the_seed_site_as_mkdocs_does(
    published_site: Path, tmp_path: Path
) -> None:
    """The seed site as the deploy workflow builds it (SITE_URL, REPO_URL), once with
    MkDocs (the shared build) and once with ProperDocs."""
    building()
    result = run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--config-file",
         str(REPO / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")],
        cwd=REPO,
        env_extra={"SITE_URL": SITE_URL, "REPO_URL": REPO_URL},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    by_mkdocs, by_properdocs = files_of(published_site), files_of(tmp_path / "site")
    assert sorted(by_properdocs) == sorted(by_mkdocs)
    engines = set()
    for name, content in by_mkdocs.items():
        other = by_properdocs[name]
        engines.update(GENERATOR_TAG.findall(content) + GENERATOR_TAG.findall(other))
        assert GENERATOR_TAG.sub(b"", other) == GENERATOR_TAG.sub(b"", content), name
    # every page names its engine, so the tags did differ and the comparison saw pages
    named = {f"mkdocs-{version('mkdocs')}", f"mkdocs-ProperDocs {version('properdocs')}"}
    assert {tag.split(b",")[0].decode() for tag in engines} == named
