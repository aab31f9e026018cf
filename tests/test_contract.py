"""The data contract's version (`explainer/contract.py`): a file says which version it is
written for; one for a newer version than the generator reads gets one located line, one
for an older version a located line for every change to make."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from explainer import contract
from explainer.loader import LoadedData
from explainer.problems import Problem
from explainer.validate import find_problems
from tests.conftest import BEFORE_THE_FIXTURE, minimal_yaml


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    _, found = find_problems(path, ("en", "de"), today=BEFORE_THE_FIXTURE)
    return [f"{p.line}:{p.column}: {p.path}: {p.message}" for p in found]


def test_a_file_without_a_version_and_one_of_this_version_are_read_alike(tmp_path: Path) -> None:
    assert contract.CONTRACT_VERSION == 1
    assert problems(tmp_path, minimal_yaml()) == []
    assert problems(tmp_path, "version: 1\n" + minimal_yaml()) == []


def test_a_file_for_a_newer_contract_gets_one_located_line_and_nothing_else(
    tmp_path: Path,
) -> None:
    # a field this generator does not know, as a newer contract might add
    text = minimal_yaml() + "\nversion: 2\nsettings: {unknown: true}\n"
    [line] = problems(tmp_path, text)
    number = text.splitlines().index("version: 2") + 1
    assert line.startswith(f"{number}:10: version: this file is written for version 2 of")
    assert "reads version 1: take a newer generator" in line
    assert "requirements.in, then `make lock`" in line


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "version: the number `0` is less than 1"),
        ('"1"', "version: expected a whole number, found `1`"),
        ("1.5", "version: expected a whole number, found the number `1.5`"),
        ("true", "version: expected a whole number, found `true`"),
    ],
)
def test_a_version_that_is_not_a_whole_number_from_1_is_located(
    tmp_path: Path, value: str, message: str
) -> None:
    assert problems(tmp_path, f"version: {value}\n" + minimal_yaml()) == [f"1:10: {message}"]


def test_a_file_for_an_older_contract_is_told_each_change_where_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The steps a future contract brings: here an imagined version 2 that renamed
    `place` to `venue` (a real rename would break the contract; this only tries the
    machinery)."""

    def rename_place(loaded: LoadedData) -> Iterator[Problem]:
        for event_id, event in loaded.data["events"].items():
            if "place" in event:
                yield loaded.problem(
                    ("events", event_id, "place"), "version 2 calls this `venue`", key=True
                )

    monkeypatch.setattr(contract, "CONTRACT_VERSION", 2)
    monkeypatch.setattr(contract, "MIGRATIONS", {2: rename_place})
    text = "version: 1\n" + minimal_yaml()
    found = problems(tmp_path, text)
    place = next(i for i, line in enumerate(text.splitlines(), 1) if "place:" in line)
    assert found == [
        "1:10: version: this file is written for version 1 of the data contract; this "
        "generator reads version 2: make the changes listed, then write `version: 2` "
        "(CHANGELOG.md says what changed)",
        f"{place}:5: events.council-meeting.place: version 2 calls this `venue`",
    ]
    # a file that declares no version is read as version 1
    [first, *_] = problems(tmp_path, text.removeprefix("version: 1\n"))
    assert "does not say which version of the data contract it is written for" in first
    assert "(read as version 1)" in first
