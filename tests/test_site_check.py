"""The site check (`make site-check`, tools/site_check.py) and the rule that picks it over
the whole suite (tools/checks_for.py): what an editor's change to the data or the pages
can break fails it, in one plain line per problem, and nothing else does."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from explainer.loader import load_file
from tests.conftest import CHROMIUM, REPO, REQUIRE_BROWSER, copy_checkout, git_at
from tools import checks_for, site_check

SITE_URL = "https://example.org/explainer/"


def page(site: Path, path: str, body: str, lang: str = "en", head: str = "") -> None:
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(
        f'<!doctype html><html lang="{lang}"><head><title>t</title>{head}</head>'
        f"<body>{body}</body></html>",
        encoding="utf-8",
    )


def canonical(url: str) -> str:
    return f'<link rel="canonical" href="{url}">'


# --- which links are the site's own --------------------------------------------------------


def test_a_full_address_on_the_sites_host_outside_its_path_is_another_site(tmp_path: Path) -> None:
    """A newsroom's explainer under example.org/explainer/ cites example.org/call."""
    page(
        tmp_path,
        "index.html",
        '<a href="https://example.org/call">a call</a>',
        head=canonical(SITE_URL),
    )
    page(
        tmp_path,
        "events/x/index.html",
        '<a href="//example.org/news/">news</a><a href="../../">home</a>',
    )
    found = site_check.check_links(tmp_path)
    assert found.problems == []
    assert found.checked == 2  # the canonical link and the way home


def test_a_broken_link_to_the_site_is_one_line_with_the_page_and_the_link(tmp_path: Path) -> None:
    page(
        tmp_path,
        "index.html",
        '<a href="https://example.org/explainer/events/gone/">gone</a>'
        '<a href="events/x/#nowhere">x</a><a href="events/x/#here">x</a>'
        '<a href="mailto:desk@example.org">mail</a>',
        head=canonical(SITE_URL),
    )
    page(tmp_path, "de/events/x/index.html", '<a href="/about/">about</a><img src="map.png">', "de")
    page(tmp_path, "events/x/index.html", '<h2 id="here">here</h2>')
    assert [str(problem) for problem in site_check.check_links(tmp_path).problems] == [
        "/de/events/x/: link /about/ leads out of the site (https://example.org/explainer/)",
        "/de/events/x/: broken link map.png: nothing at /de/events/x/map.png",
        "/: broken link https://example.org/explainer/events/gone/: nothing at /events/gone/",
        "/: broken link events/x/#nowhere: no #nowhere on /events/x/",
    ]


def test_without_a_site_url_the_site_is_its_own_root(tmp_path: Path) -> None:
    """A preview (no SITE_URL): every full address is another site's, `/de/` is the site's."""
    page(tmp_path, "index.html", '<a href="https://example.org/">x</a><a href="/de/">de</a>')
    page(tmp_path, "404.html", '<a href="/">home</a><a href="/fr/">fr</a>')
    page(tmp_path, "de/index.html", "", "de")
    assert [str(problem) for problem in site_check.check_links(tmp_path).problems] == [
        "/404.html: broken link /fr/: nothing at /fr/"
    ]


def test_language_versions_exist_and_name_each_other(tmp_path: Path) -> None:
    def versions(en: str, de: str) -> str:
        return "".join(
            f'<link rel="alternate" hreflang="{lang}" href="{href}">'
            for lang, href in (("en", en), ("de", de), ("x-default", en))
        )

    page(tmp_path, "a/index.html", "", head=versions("./", "../de/a/"))
    page(tmp_path, "de/a/index.html", "", "de", versions("../../a/", "./"))
    page(tmp_path, "b/index.html", "", head=versions("./", "../de/b/"))
    page(tmp_path, "de/b/index.html", "", "de", versions("../../a/", "./"))
    page(tmp_path, "c/index.html", "", head=versions("./", "../de/c/"))
    assert [str(problem) for problem in site_check.check_hreflang(tmp_path)] == [
        "/b/: hreflang de: /de/b/ does not name this page as its en version",
        "/c/: hreflang de: no such page in the site",
        "/de/b/: hreflang en: /a/ does not name this page as its de version",
    ]


def test_the_nu_checkers_lines_become_the_pages_problems(tmp_path: Path) -> None:
    output = (
        f'"file:{tmp_path.resolve()}/de/events/x/index.html":12.5-12.9: error: Stray end tag “p”.\n'
        f'"file:{tmp_path.resolve()}/404.html":1.1-1.2: error: Bad.\n'
    )
    assert [str(p) for p in site_check.html_errors(tmp_path, output)] == [
        "/de/events/x/: invalid HTML (line 12): Stray end tag “p”.",
        "/404.html: invalid HTML (line 1): Bad.",
    ]


# --- which checks a change needs -----------------------------------------------------------


def repository(root: Path) -> Path:
    (root / "data").mkdir(parents=True)
    (root / "data" / "events.yaml").write_text("version: 1\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    git_at(root, "init", "-q", "-b", "main")
    git_at(root, "add", "-A")
    git_at(root, "commit", "-qm", "base")
    return root


def commit(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    git_at(root, "add", "-A")
    git_at(root, "commit", "-qm", "change")


@pytest.mark.parametrize(
    ("files", "checks"),
    [
        ({"data/events.yaml": "version: 1\n# x\n", "docs/en/about.md": "# About\n"}, "site"),
        ({"data/events.yaml": "version: 1\n# x\n", "mkdocs.yml": "site_name: y\n"}, "full"),
        ({"datasets/x.yaml": "x\n"}, "full"),  # not under data/
        ({"tests/test_x.py": "x = 1\n"}, "full"),
    ],
)
def test_content_alone_takes_the_site_check_anything_else_the_suite(
    tmp_path: Path, files: dict[str, str], checks: str
) -> None:
    root = repository(tmp_path)
    base = git_at(root, "rev-parse", "HEAD").strip()
    commit(root, files)
    changed = checks_for.changed_files(base, cwd=root)
    assert sorted(changed) == sorted(files)
    assert checks_for.checks_for(changed)[0] == checks


def test_a_moved_file_counts_where_it_was_and_where_it_is(tmp_path: Path) -> None:
    root = repository(tmp_path)
    base = git_at(root, "rev-parse", "HEAD").strip()
    (root / "docs").mkdir()
    git_at(root, "mv", "mkdocs.yml", "docs/mkdocs.yml")
    git_at(root, "commit", "-qm", "move")
    assert checks_for.checks_for(checks_for.changed_files(base, cwd=root))[0] == "full"


@pytest.mark.parametrize("base", ["", "0" * 40, "1234567890abcdef1234567890abcdef12345678"])
def test_an_unknown_base_takes_the_whole_suite(tmp_path: Path, base: str) -> None:
    """A new branch (GitHub's all-zero `before`) or a force push whose base is gone."""
    root = repository(tmp_path)
    assert checks_for.changed_files(base, cwd=root) is None
    assert checks_for.checks_for(None)[0] == "full"


def test_the_workflows_output(tmp_path: Path) -> None:
    root = repository(tmp_path)
    base = git_at(root, "rev-parse", "HEAD").strip()
    commit(root, {"docs/de/index.md": "# Start\n"})
    output = tmp_path / "github-output"
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "checks_for.py"), base, "--github-output"],
        cwd=root,
        env={**os.environ, "GITHUB_OUTPUT": str(output)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines()[0] == "site"
    assert output.read_text(encoding="utf-8") == f"checks=site\nbase={base}\n"


def test_no_code_or_configuration_lives_under_a_content_path() -> None:
    """What the site's code reads besides the story (hooks, templates, strings, the
    tests' fixtures) and what installs it must take the whole suite when it changes."""
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    content = [name for name in tracked if checks_for.is_content(name)]
    pages_and_data = (".yaml", ".json", ".md", ".png", ".jpg", ".jpeg", ".svg", ".webp")
    assert content and [name for name in content if not name.endswith(pages_and_data)] == []
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    code = [
        "mkdocs.yml",
        "requirements.txt",
        "pyproject.toml",
        "package-lock.json",
        "Makefile",
        ".ci/run",
        ".github/workflows/deploy.yml",
        "tools/checks_for.py",
        *config["hooks"],
        config["theme"]["custom_dir"] + "/",
        "explainer/",
        "mkdocs_explainer/",
        "tests/",
    ]
    assert [name for name in code if checks_for.is_content(name)] == []


# --- the check on a change to content --------------------------------------------------------


def repository_copy(root: Path) -> Path:
    """This checkout as a repository of its own, with the checkers (npm ci) beside it."""
    copy_checkout(root)
    if (REPO / "node_modules").is_dir():
        (root / "node_modules").symlink_to(REPO / "node_modules")
    git_at(root, "init", "-q", "-b", "main")
    git_at(root, "add", "-A")
    git_at(root, "commit", "-qm", "the story")
    return root


def run_site_check(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITE_URL": SITE_URL}
    if REQUIRE_BROWSER:
        env["EXPLAINER_REQUIRE_BROWSER"] = "1"
    if CHROMIUM:
        env["EXPLAINER_CHROMIUM"] = CHROMIUM
    return subprocess.run(
        [sys.executable, "tools/site_check.py", "--base", "HEAD~1"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.build
@pytest.mark.browser
def test_a_broken_link_fails_the_check_and_a_source_on_the_sites_host_passes(
    tmp_path: Path,
) -> None:
    """A data-only change: a source at https://example.org/call on a site published at
    https://example.org/explainer/, and a link to an event that does not exist written
    into the about page. The check fails on the link alone, in one line."""
    root = repository_copy(tmp_path / "repository")
    data = root / "data" / "events.yaml"
    event = next(iter(yaml.safe_load(data.read_text(encoding="utf-8"))["events"]))
    sources = load_file(data).where(("events", event, "sources"), key=True)
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    indent = " " * (sources.column + 1)
    lines.insert(
        sources.line,
        f"{indent}- title: {{en: The call, de: Das Telefonat}}\n"
        f"{indent}  url: https://example.org/call\n",
    )
    data.write_text("".join(lines), encoding="utf-8")
    about = root / "docs" / "en" / "about.md"
    broken = SITE_URL + "events/no-such-call/"
    about.write_text(
        about.read_text(encoding="utf-8") + f"\nSee [the call]({broken}).\n", encoding="utf-8"
    )
    git_at(root, "commit", "-qam", "a source and a link")
    assert checks_for.checks_for(checks_for.changed_files("HEAD~1", cwd=root))[0] == "site"

    result = run_site_check(root)
    assert result.returncode == 1, result.stdout + result.stderr
    problem, verdict = result.stdout.splitlines()[-2:]
    assert problem == f"/about/: broken link {broken}: nothing at /events/no-such-call/"
    assert re.fullmatch(r"1 problem found by the site check \(\d+ s\)\.", verdict)
    # the pages compared with the base's build: the event's, in both languages, and the
    # about page changed, and little else (the home pages' "last update", where the
    # commits fall after the site's history_since, ...)
    changed = re.search(r"(\d+) of (\d+) pages differ from HEAD~1", result.stderr)
    assert changed, result.stderr
    assert 3 <= int(changed.group(1)) < int(changed.group(2)) / 2


def test_a_missing_translation_stops_the_check_at_its_line(tmp_path: Path) -> None:
    root = repository_copy(tmp_path / "repository")
    data = root / "data" / "events.yaml"
    event = next(iter(yaml.safe_load(data.read_text(encoding="utf-8"))["events"]))
    german = load_file(data).where(("events", event, "title", "de"), key=True)
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    del lines[german.line - 1]
    data.write_text("".join(lines), encoding="utf-8")
    git_at(root, "commit", "-qam", "a title in English only")
    result = run_site_check(root)
    assert result.returncode == 1
    assert f"events.{event}.title: the `de` text is missing" in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "The site check stopped: validate failed, so no page was checked."
    )
    assert not (root / "site").exists()


def test_on_github_each_problem_is_an_annotation(capsys) -> None:  # type: ignore[no-untyped-def]
    report = site_check.Report(github=True, require=False)
    report.problems = [site_check.Problem("/x/", "broken link a%20b: nothing at /x/a%20b")] * 2
    assert report.finish() == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "::error::/x/: broken link a%2520b: nothing at /x/a%2520b"
    assert re.fullmatch(r"1 problem found by the site check \(\d+ s\)\.", lines[1])
