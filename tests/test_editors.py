"""The editor's tools: a new event scaffold, the translation drift report, the schema
wiring for editors' YAML tools, and the README's minimal configuration."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from explainer.cli import main
from explainer.drift import find_drift
from explainer.loader import load_text
from explainer.scaffold import ScaffoldError, add_event
from explainer.validate import find_problems
from tests.conftest import (
    BEFORE_THE_FIXTURE,
    HOOK,
    REPO,
    make_site,
    minimal_yaml,
    mkdocs_build,
)


def test_new_event_has_every_required_field_in_every_language(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(minimal_yaml(), encoding="utf-8")
    line = add_event(path, ("en", "de"), "budget-vote", "meeting", "2026-04-01", ["council", "ada"])
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[line - 1] == "  budget-vote:"
    data = yaml.safe_load(text)
    event = data["events"]["budget-vote"]
    assert event["participants"] == ["council", "ada"] and event["date"] == "2026-04-01"
    for field in ("title", "summary", "body"):
        assert event[field] == {"en": "", "de": ""}
    # the rest of the file is unchanged, comments included
    assert text.startswith(minimal_yaml().rstrip("\n"))
    # until the texts are written, validation lists each one with its line
    _, problems = find_problems(path, ("en", "de"), today=BEFORE_THE_FIXTURE)
    assert [p.path for p in problems] == [
        f"events.budget-vote.{field}.{lang}"
        for field in ("title", "summary", "body")
        for lang in ("en", "de")
    ] + [f"events.budget-vote.sources[0].title.{lang}" for lang in ("en", "de")]
    assert [p.message for p in problems] == ["is empty; write the text"] * 4 + [
        "is empty; write the text or remove `body`"
    ] * 2 + ["is empty; write the text"] * 2


ORDERED = """\
actors:
  ada: {name: Ada, kind: person}
glossary: {}
events:
  early:
    date: 2026-01-10
  same-month:
    date: 2026-01
  # a comment about the next event belongs to it
  later:
    date: 2026-02-05
"""


@pytest.mark.parametrize(
    ("date", "order"),
    [
        ("2026-01-09", ["new", "early", "same-month", "later"]),
        # the same day: after the events already there
        ("2026-01-10", ["early", "new", "same-month", "later"]),
        # a month-only event follows the dated events of its month
        ("2026-01-31", ["early", "new", "same-month", "later"]),
        ("2026-01", ["early", "same-month", "new", "later"]),
        ("2026-02-05", ["early", "same-month", "later", "new"]),
        ("2027-01-01", ["early", "same-month", "later", "new"]),
    ],
)
def test_new_event_goes_where_the_files_order_puts_it(
    tmp_path: Path, date: str, order: list[str]
) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(ORDERED, encoding="utf-8")
    line = add_event(path, ("en", "de"), "new", "call", date, ["ada"])
    text = path.read_text(encoding="utf-8")
    assert list(yaml.safe_load(text)["events"]) == order
    assert text.splitlines()[line - 1] == "  new:"


def test_new_event_keeps_blank_lines_and_comments_with_their_events(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(ORDERED, encoding="utf-8")
    add_event(path, ("en",), "new", "call", "2026-02-01", ["ada"])
    before, after = ORDERED.split("  # a comment", 1)
    assert path.read_text(encoding="utf-8") == (
        before
        + "  new:\n"
        + "    type: call\n"
        + '    date: "2026-02-01"\n'
        + "    participants: [ada]\n"
        + '    title:\n      en: ""\n'
        + '    summary:\n      en: ""\n'
        + '    body:\n      en: ""\n'
        + '    sources:\n      - title:\n          en: ""\n'
        + "    terms: []\n"
        + "\n"
        + "  # a comment"
        + after
    )


def test_new_event_leaves_a_source_to_name(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(ORDERED, encoding="utf-8")
    add_event(path, ("en", "de"), "new", "call", "2026-03-01", ["ada"])
    event = yaml.safe_load(path.read_text(encoding="utf-8"))["events"]["new"]
    # its title in the form the other sources have: one text per language
    assert event["sources"] == [{"title": {"en": "", "de": ""}}]


def test_new_event_goes_at_the_end_of_events_when_another_section_follows(tmp_path: Path) -> None:
    text = minimal_yaml()
    events = text.index("events:")
    glossary = text.index("glossary:")
    reordered = text[:glossary] + text[events:] + "\n" + text[glossary:events]
    path = tmp_path / "events.yaml"
    path.write_text(reordered, encoding="utf-8")
    add_event(path, ("en", "de"), "late-call", "call", "2026-05", ["bob"])
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(data["events"])[-1] == "late-call" and set(data["glossary"]) == {"budget", "tax"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Bad_Id", "call", "2026-01-01", ["ada"]), "is not a valid id"),
        (("x", "meting", "2026-01-01", ["ada"]), "did you mean `meeting`?"),
        (
            ("x", "call", "28.01.2026", ["ada"]),
            "`28.01.2026` is not a date: write YYYY-MM-DD, or YYYY-MM; did you mean `2026-01-28`?",
        ),
        (("x", "call", "2026-02-30", ["ada"]), "`2026-02-30` is not a day of the calendar"),
        (("x", "call", "2025-02-29", ["ada"]), "(February 2025 has 28 days)"),
        (("x", "call", "2026-04-31", ["ada"]), "(April 2026 has 30 days)"),
        (("x", "call", "2026-13", ["ada"]), "`2026-13` is not a date"),
        (("x", "call", "2026-01-01", ["adda"]), "unknown actor `adda`; did you mean `ada`?"),
        (("statement", "call", "2026-01-01", ["ada"]), "an event `statement` exists already"),
    ],
)
def test_new_event_refuses_bad_requests_and_writes_nothing(
    tmp_path: Path, args, message: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "events.yaml"
    path.write_text(minimal_yaml(), encoding="utf-8")
    with pytest.raises(ScaffoldError, match=re.escape(message)):
        add_event(path, ("en", "de"), *args)
    assert path.read_text(encoding="utf-8") == minimal_yaml()


def test_new_event_command_refuses_an_impossible_date(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_site(tmp_path, minimal_yaml())
    monkeypatch.chdir(tmp_path)
    args = ["new-event", "x", "--type", "call", "--participant", "ada", "--date"]
    assert main([*args, "2026-02-30"]) == 1
    err = capsys.readouterr().err
    assert "`2026-02-30` is not a day of the calendar (February 2026 has 28 days)" in err
    assert main([*args, "2026-13"]) == 1
    assert "`2026-13` is not a date" in capsys.readouterr().err
    assert (tmp_path / "data" / "events.yaml").read_text(encoding="utf-8") == minimal_yaml()
    assert main([*args, "2024-02-29"]) == 0  # a leap day is a day


def test_drift_flags_the_language_that_did_not_change() -> None:
    base = minimal_yaml()
    current = base.replace(
        'summary: {en: "They talk about the budget."',
        'summary: {en: "They argue about the budget."',
    )
    current = current.replace(
        'title: {en: "Council meets", de: "Der Stadtrat tagt"}',
        'title: {en: "Council meets again", de: "Der Stadtrat tagt erneut"}',
    )
    loaded = load_text(current, "data/events.yaml")
    [drift] = find_drift(base, loaded, ("en", "de"))
    assert drift.path == "events.first-call.summary.de"
    assert drift.changed == ("en",) and drift.unchanged == "de"
    line = current[: current.index("They argue")].count("\n") + 1
    assert drift.line == line
    assert str(drift).endswith("changed in en but not in de; check the translation")
    assert drift.github_annotation().startswith(f"::warning file=data/events.yaml,line={line},col=")


CORRECTIONS = """\
    corrections:
      - {date: 2026-03-04, text: {en: "It was Tuesday.", de: "Es war Dienstag."}}
      - {date: 2026-03-06, text: {en: "Ada spoke first.", de: "Ada sprach zuerst."}}
"""


def test_drift_warns_when_a_published_correction_is_removed() -> None:
    anchor = "    terms: [budget]\n"
    base = minimal_yaml().replace(anchor, anchor + CORRECTIONS, 1)
    kept = base.replace('"It was Tuesday."', '"It was Wednesday."')  # reworded
    [drift] = find_drift(base, load_text(kept, "data/events.yaml"), ("en", "de"))
    assert drift.message.startswith("events.first-call.corrections[0].text.de: changed in en")
    removed = base.replace(
        '      - {date: 2026-03-04, text: {en: "It was Tuesday.", de: "Es war Dienstag."}}\n', ""
    )
    [warning] = find_drift(base, load_text(removed, "data/events.yaml"), ("en", "de"))
    line = removed[: removed.index("    corrections:")].count("\n") + 1
    assert str(warning) == (
        f"data/events.yaml:{line}:5: warning: events.first-call.corrections: the correction of "
        "2026-03-04 was removed; a published correction is never deleted: put it back (its "
        "wording may be corrected)"
    )
    assert warning.github_annotation().startswith(
        f"::warning file=data/events.yaml,line={line},col=5::events.first-call.corrections:"
    )
    gone = minimal_yaml()  # both removed, and the field with them: on the event's line
    warnings = find_drift(base, load_text(gone, "data/events.yaml"), ("en", "de"))
    line = gone[: gone.index("  first-call:")].count("\n") + 1
    assert [(w.line, w.column, w.date) for w in warnings] == [
        (line, 3, "2026-03-04"),
        (line, 3, "2026-03-06"),
    ]
    without_event = base.replace(
        base[base.index("  first-call:") : base.index("  council-meeting:")], ""
    )
    without_event = without_event.replace("related: [first-call]", "related: []")
    assert find_drift(base, load_text(without_event, "data/events.yaml"), ("en", "de")) == []


def test_drift_command_against_a_git_base(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_site(tmp_path, minimal_yaml())
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=T"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=tmp_path, check=True)
    data = tmp_path / "data" / "events.yaml"
    data.write_text(
        minimal_yaml().replace("Der Stadtrat stimmt ab.", "Der Stadtrat entscheidet."),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["drift", "--base", "main", "--github"]) == 0
    out, err = capsys.readouterr()
    assert "events.council-meeting.summary.en: changed in de but not in en" in err
    assert out.startswith("::warning file=data/events.yaml,line=")
    assert main(["drift", "--base", "no-such-branch"]) == 2


def _git_site(root: Path, committed: str | None) -> Path:
    """A site in a new git repository whose `main` holds `committed` as its data file
    (no data file at all if None); returns the data file's path."""
    make_site(root, minimal_yaml())
    data = root / "data" / "events.yaml"
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=T"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    if committed is None:
        data.unlink()
    else:
        data.write_text(committed, encoding="utf-8")
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=root, check=True)
    return data


def test_drift_command_counts_removed_corrections(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    anchor = "    terms: [budget]\n"
    _git_site(tmp_path, minimal_yaml().replace(anchor, anchor + CORRECTIONS, 1))
    (tmp_path / "data" / "events.yaml").write_text(minimal_yaml(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["drift", "--base", "main"]) == 0  # a warning, as drift is
    out, err = capsys.readouterr()
    assert err.count("was removed; a published correction is never deleted") == 2
    assert out.splitlines() == [
        "0 texts changed in only some languages (compared with main).",
        "2 published corrections removed (compared with main); put them back.",
    ]


def test_drift_refuses_a_current_data_file_it_cannot_read(
    tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    data = _git_site(tmp_path, minimal_yaml())
    broken = minimal_yaml().replace("    kind: person\n", "\tkind: person\n", 1)
    data.write_text(broken, encoding="utf-8")
    line = broken[: broken.index("\tkind")].count("\n") + 1
    monkeypatch.chdir(tmp_path)
    assert main(["drift", "--base", "main", "--github"]) == 1
    out, err = capsys.readouterr()
    assert re.search(
        rf"^data/events\.yaml:{line}:1: line {line} is indented with a tab; YAML needs spaces \(",
        err,
        re.M,
    ), err
    assert "changed in only some languages" not in out + err
    assert out.startswith(f"::error file=data/events.yaml,line={line},col=")


def test_drift_says_so_when_the_base_data_file_cannot_be_read(
    tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    broken = minimal_yaml().replace("    kind: person\n", "\tkind: person\n", 1)
    _git_site(tmp_path, broken).write_text(minimal_yaml(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["drift", "--base", "main"]) == 0
    out, err = capsys.readouterr()
    [line] = err.splitlines()
    assert line.startswith("the data file at main cannot be read: ")
    assert "YAML syntax error" in line and line.endswith("; no drift report")
    assert "changed in only some languages" not in out


def test_drift_of_a_pull_request_that_adds_the_data_file(
    tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _git_site(tmp_path, None).write_text(minimal_yaml(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["drift", "--base", "main", "--github"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "data/events.yaml does not exist at main (a new data file): no drift report\n"
    assert main(["drift", "--base", "no-such-branch"]) == 2
    assert "no-such-branch" in capsys.readouterr().err


@pytest.mark.story
def test_editors_tools_find_the_sites_own_schema(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The data file's modeline and VS Code's settings name the schema `explainer schema`
    writes beside it for this site's languages, and that schema is current."""
    first_line = (REPO / "data" / "events.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=events.schema.json"
    assert (REPO / "data" / "events.schema.json").is_file()
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"data/events.schema.json": ["data/events.yaml"]}
    monkeypatch.chdir(REPO)
    assert main(["schema", "--check"]) == 0, capsys.readouterr().err


@pytest.mark.build
def test_the_readme_minimal_config_builds_a_new_explainer_strict(tmp_path: Path) -> None:
    """The README's minimal mkdocs.yml and hooks file, with the generator importable (the
    tests' PYTHONPATH stands for its installation)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("Without `explainer new`, a folder") :]
    config_text = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]
    hooks_text = re.search(r"```python\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]
    assert hooks_text == HOOK.read_text(encoding="utf-8").split('"""\n\n')[-1]
    config = yaml.safe_load(config_text)
    assert config["hooks"] == ["hooks/explainer_mkdocs.py"]
    languages = tuple(lang["locale"] for lang in config["plugins"][0]["i18n"]["languages"])
    make_site(tmp_path, minimal_yaml(), languages=languages)
    (tmp_path / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "explainer_mkdocs.py").write_text(hooks_text, encoding="utf-8")
    result = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "de" / "events" / "council-meeting" / "index.html").is_file()


@pytest.mark.parametrize(
    ("path", "field"),
    [
        (("events", "x", "title", "en"), None),
        (("events", "x", "summary", "de"), None),
        (("events", "x", "body", "en"), "body"),
        (("events", "x", "place", "de"), "place"),
        (("events", "x", "sources", 0, "title"), None),
        (("events", "x", "sources", 0, "title", "en"), None),
        (("events", "x", "sources", 0, "publisher", "de"), "publisher"),
        (("events", "x", "quotes", 1, "text", "en"), None),
        (("actors", "a", "name"), None),
        (("actors", "a", "role", "de"), "role"),
        (("glossary", "t", "definition", "en"), None),
    ],
)
def test_an_empty_text_is_offered_removal_only_where_its_field_is_optional(
    path: tuple[str | int, ...], field: str | None
) -> None:
    from explainer.schema import optional_field

    assert optional_field(path) == field


def test_the_readme_names_every_block() -> None:
    """An editor looks up the blocks in the README; `timeline-chart` was missing there.
    (Here, not in test_blocks.py: mutation testing copies no README.)"""
    from explainer.views.blocks import BLOCKS
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    listed = readme[readme.index("**Blocks in hand-written pages.**") :].split("\n\n")[0]
    assert [name for name in BLOCKS if f"`{name}`" not in listed] == []
