"""This site's own checks (`make test`): the data, the editors' schema and a strict build,
each with the generator's commands as an editor runs them. Add tests of your own here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_the_data_is_valid() -> None:
    result = run("explainer", "validate")
    assert result.returncode == 0, result.stderr


def test_the_editors_schema_matches_mkdocs_yml() -> None:
    """data/events.schema.json, named in the first line of the data file, is the one
    `make schema` writes for the languages in mkdocs.yml."""
    result = run("explainer", "schema", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_site_builds_strict(tmp_path: Path) -> None:
    result = run(
        "%%ENGINE%%", "build", "--strict", "--config-file", "mkdocs.yml",
        "--site-dir", str(tmp_path / "site"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "timeline" / "index.html").is_file()
