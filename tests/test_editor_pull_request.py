"""An editor's pull request stays green: the suite's tests of the live story pass after
the change an editor typically makes, whatever it moves in the data file.

The change, as CONTRIBUTING.md describes it: a new event through the scaffold, its texts
filled in both languages and related to a meeting; a glossary term added in the middle of
the glossary and used in the event; and a German-only wording change of another event.
It is made in a copy of the repository, where every test marked `story` runs again (in three
parts, which `make test` runs side by side): those
that read data/events.yaml, docs/ or the site built from them (tests/conftest.py marks the
ones using the shared fixtures). The other tests read no part of the story, so the change
cannot reach them. A failure is told as the failed tests' one-line summaries."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from explainer.cli import main
from explainer.loader import load_file
from tests.conftest import IN_CI, REPO, REQUIRE_BROWSER, copy_checkout

pytestmark = [pytest.mark.build, pytest.mark.slow]

NEW_EVENT = "ministers-follow-up-call"
NEW_TERM = "extradition"
TEXTS = {
    "title": {"en": "Ministers follow up by phone", "de": "Minister telefonieren erneut"},
    "summary": {
        "en": "The foreign ministers discuss extradition requests before their meeting.",
        "de": "Die Außenminister sprechen vor ihrem Treffen über Auslieferung.",
    },
    "body": {
        "en": "They speak about *extradition* and the agenda of the meeting.",
        "de": "Sie sprechen über *Auslieferung* und die Tagesordnung des Treffens.",
    },
}
TERM = f"""\
  {NEW_TERM}:
    term:
      en: extradition
      de: Auslieferung
    definition:
      en: >-
        The handing over of a suspect by one state to another for trial.
      de: >-
        Die Übergabe einer verdächtigen Person von einem Staat an einen anderen.

"""


def copy_repository(target: Path) -> None:
    """The checkout, and the browser tests' checkers (npm ci) where they are installed."""
    copy_checkout(target)
    if (REPO / "node_modules").is_dir():  # the browser tests' checkers (npm ci)
        (target / "node_modules").symlink_to(REPO / "node_modules")


def _replace_value(data: Path, path: tuple[str | int, ...], text: str) -> None:
    """Write `text` as the value at `path`, which stands on one line (the scaffold's "")."""
    loaded = load_file(data)
    where = loaded.where(path)
    assert loaded.where(path[:-1]) != where, f"{path} is not in the file"
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    line = lines[where.line - 1]
    lines[where.line - 1] = line[: where.column - 1] + json.dumps(text, ensure_ascii=False) + "\n"
    data.write_text("".join(lines), encoding="utf-8")


def _rewrite_german(data: Path, event_id: str, field: str, text: str) -> None:
    """Replace the German text of a field, whatever style it was written in, with `text`
    on one line, as an editor rewording it would."""
    loaded = load_file(data)
    key = loaded.where(("events", event_id, field, "de"), key=True)
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    end = key.line  # the key's line, then its block's continuation lines
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip(" ")) >= key.column
    ):
        end += 1
    while not lines[end - 1].strip():
        end -= 1  # the blank lines after it belong to what follows
    indent = " " * (key.column - 1)
    lines[key.line - 1 : end] = [f"{indent}de: {json.dumps(text, ensure_ascii=False)}\n"]
    data.write_text("".join(lines), encoding="utf-8")


def make_the_editors_change(root: Path) -> None:
    data = root / "data" / "events.yaml"
    story = yaml.safe_load(data.read_text(encoding="utf-8"))
    meetings = [eid for eid, event in story["events"].items() if event["type"] == "meeting"]
    glossary = list(story["glossary"])
    # a German-only wording change of an event that says "und"
    reworded = next(
        (eid, event["summary"]["de"])
        for eid, event in story["events"].items()
        if " und " in event["summary"]["de"]
    )
    # 1. the scaffold, as the guide's `make new-event` runs it
    status = main(
        [
            "-f",
            str(root / "mkdocs.yml"),
            "new-event",
            NEW_EVENT,
            "--type",
            "call",
            "--date",
            "2026-02-03",
            "--participant",
            "rubio",
            "--participant",
            "de-la-fuente",
        ]
    )
    assert status == 0
    # 2. its texts, a source, the related meeting and the new term
    for field, texts in TEXTS.items():
        for lang, text in texts.items():
            _replace_value(data, ("events", NEW_EVENT, field, lang), text)
    for lang, title in (("en", "Foreign ministry note"), ("de", "Note des Außenministeriums")):
        _replace_value(data, ("events", NEW_EVENT, "sources", 0, "title", lang), title)
    text = data.read_text(encoding="utf-8")
    block = text.index(f"  {NEW_EVENT}:\n")
    terms = text.index("    terms: []\n", block)
    text = (
        text[:terms]
        + f"    related: [{meetings[-1]}]\n    terms: [{NEW_TERM}]\n"
        + text[terms + len("    terms: []\n") :]
    )
    # 3. a term in the middle of the glossary
    middle = text.index(f"\n  {glossary[len(glossary) // 2]}:\n") + 1
    text = text[:middle] + TERM + text[middle:]
    data.write_text(text, encoding="utf-8")
    # 4. the German-only wording change
    event_id, german = reworded
    _rewrite_german(data, event_id, "summary", german.replace(" und ", " sowie ", 1))
    # the editor checked: the data is valid, and the change is what was meant
    assert main(["-f", str(root / "mkdocs.yml"), "validate"]) == 0
    changed = yaml.safe_load(data.read_text(encoding="utf-8"))
    assert changed["events"][event_id]["summary"]["de"] != german
    assert (
        changed["events"][event_id]["summary"]["en"] == story["events"][event_id]["summary"]["en"]
    )
    assert list(changed["glossary"]).index(NEW_TERM) == len(glossary) // 2
    new_at = list(changed["events"]).index(NEW_EVENT)
    assert 0 < new_at < len(changed["events"]) - 1, "the scaffold put it between events"


@pytest.fixture(scope="module")
def changed_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("editor") / "repository"
    copy_repository(root)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        make_the_editors_change(root)  # what the scaffold and validate print is not needed
    return root


#: The story tests in three parts, which the parallel processes of `make test` run side by
#: side (each alone would be the suite's longest test): `-m story`, less the browser tests
#: that an edit of the data cannot change, which the suite runs on the seed site: the dark
#: scheme (the same pages in other colours), the language switcher and keyboard path (the
#: theme's, the same on every page), and the third-party requests (the theme's and the
#: templates' assets: the data names no asset on another host, and hostile data is the
#: injection test's; each page's check waits for the network to be idle). The parts cost
#: a fifth of `.ci/run`'s five minutes.
DATA_BLIND = "not dark and not switcher and not keyboard and not third_party"
PARTS = {
    "the pages in a browser": [
        "-m",
        "story and browser",
        "-k",
        DATA_BLIND,
        "tests/test_quality.py",
    ],
    "the rest in a browser": [
        "-m",
        "story and browser",
        "-k",
        DATA_BLIND,
        "--ignore",
        "tests/test_quality.py",
    ],
    "no browser": ["-m", "story and not browser"],
}


@pytest.mark.parametrize("part", PARTS)
def test_the_story_tests_pass_after_an_editors_change(changed_copy: Path, part: str) -> None:
    env = {**os.environ, **({"EXPLAINER_REQUIRE_BROWSER": "1"} if REQUIRE_BROWSER else {})}
    if IN_CI:
        env["CI"] = "true"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--tb=no", "-rfE"]
        + PARTS[part],
        cwd=changed_copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    lines = result.stdout.splitlines()
    failed = [line for line in lines if line.startswith(("FAILED ", "ERROR "))]
    assert failed == [] and result.returncode == 0, "\n".join(failed or lines[-3:])
    assert re.fullmatch(r"\d+ passed.* in .*", lines[-1]), lines[-1]
