"""`python -m explainer validate --github`: one GitHub Actions `::error` workflow command per
problem on stdout, escaped as GitHub's runner reads them (actions/toolkit's `escapeData` and
`escapeProperty`): in the message `%` -> `%25`, CR -> `%0D`, LF -> `%0A`; in a property
value (`file=`) also `:` -> `%3A` and `,` -> `%2C`."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.cli import main
from explainer.problems import Problem
from tests.conftest import BEFORE_THE_FIXTURE_EPOCH, minimal_yaml

FIELDS = "allowed fields: name, kind, role, country, member_of, description, aliases"


def write_site(root: Path, data_file: str, data: str) -> None:
    (root / data_file).parent.mkdir(parents=True, exist_ok=True)
    (root / data_file).write_text(data, encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)  # MkDocs reads no configuration without it
    (root / "mkdocs.yml").write_text(
        "site_name: T\ntheme: {name: material}\nplugins:\n  - i18n:\n      docs_structure: folder\n"
        "      languages:\n        - {locale: en, name: EN, default: true, build: true}\n"
        "        - {locale: de, name: DE, build: true}\n"
        f"extra:\n  explainer:\n    data: '{data_file}'\n",
        encoding="utf-8",
    )


def with_bad_key(key_yaml: str) -> tuple[str, int]:
    """minimal.yaml with an unknown field in Bob's entry; the text and that field's line."""
    text = minimal_yaml()
    bob = "    kind: person\n    country: US\n"
    assert text.count(bob) == 1
    before = text[: text.index(bob)]
    return text.replace(bob, f"    {key_yaml}: person\n{bob}"), before.count("\n") + 1


def validate_github(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, list[str], str]:
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BEFORE_THE_FIXTURE_EPOCH)
    code = main(["validate", "--github"])
    out, err = capsys.readouterr()
    return code, out.split("\n")[:-1], err


def test_a_problem_becomes_one_error_annotation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, line = with_bad_key("knd")
    write_site(tmp_path, "data/events.yaml", data)
    code, out, err = validate_github(tmp_path, capsys, monkeypatch)
    assert code == 1
    assert out == [
        f"::error file=data/events.yaml,line={line},col=5::"
        "actors.bob.knd: unknown field `knd`; did you mean `kind`?"
    ]
    # the human-readable report stays on stderr, the same problem in the same place
    assert err.splitlines() == [
        f"data/events.yaml:{line}:5: {out[0].split('::', 2)[2]}",
        "1 problem in the explainer data.",
    ]


def test_percent_cr_lf_comma_and_colon_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a key with `%`, CR and LF (a YAML double-quoted string) in a file whose name has
    # `,`, `:` and `%`: unescaped, the newline would end the command and the `,`/`:` would
    # cut the file name short
    data, line = with_bad_key('"50%\\r\\nknd"')
    write_site(tmp_path, "data/a,b:c%.yaml", data)
    code, out, err = validate_github(tmp_path, capsys, monkeypatch)
    assert code == 1
    assert out == [
        f"::error file=data/a%2Cb%3Ac%25.yaml,line={line},col=5::"
        f"actors.bob.50%25%0D%0Aknd: unknown field `50%25%0D%0Aknd`; {FIELDS}"
    ]
    # stderr has the raw text, which is why the annotation has to escape it
    assert f"data/a,b:c%.yaml:{line}:5: actors.bob.50%\r\nknd: unknown field" in err


def test_escaping_follows_github_for_every_special_character() -> None:
    problem = Problem("d/%\r\n:,x.yaml", 3, 7, "a.b", "100%\r\nc: d, e")
    assert problem.github_annotation() == (
        "::error file=d/%25%0D%0A%3A%2Cx.yaml,line=3,col=7::a.b: 100%25%0D%0Ac: d, e"
    )
    # `%` first: an escape sequence already in the text is not decoded by the runner
    assert Problem("f", 1, 1, "", "%0A").github_annotation() == "::error file=f,line=1,col=1::%250A"
