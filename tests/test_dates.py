"""Dates written the way people write them get the contract's form as a suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.dates import date_suggestion
from explainer.validate import display_name, find_problems
from tests.conftest import minimal_yaml


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [
        # one reading
        ("28.01.2026", "; did you mean `2026-01-28`?"),
        ("01/28/2026", "; did you mean `2026-01-28`?"),
        ("28 January 2026", "; did you mean `2026-01-28`?"),
        ("January 28, 2026", "; did you mean `2026-01-28`?"),
        ("28. Januar 2026", "; did you mean `2026-01-28`?"),
        ("28. Jan. 2026", "; did you mean `2026-01-28`?"),
        ("2026/01/28", "; did you mean `2026-01-28`?"),
        ("2026-1-28", "; did you mean `2026-01-28`?"),
        ("5.5.2026", "; did you mean `2026-05-05`?"),
        ("März 2026", "; did you mean `2026-03`?"),
        ("01/2026", "; did you mean `2026-01`?"),
        # two readings: both named, the editor chooses
        ("03/04/2026", "; did you mean `2026-04-03` (day first) or `2026-03-04` (month first)?"),
        ("12.01.2026", "; did you mean `2026-01-12` (day first) or `2026-12-01` (month first)?"),
        # no reading: nothing is guessed
        ("31.02.2026", ""),
        ("30/02/2026", ""),
        ("28.01.26", ""),  # which century is a guess
        ("next Tuesday", ""),
        ("28 January", ""),  # no year
        ("January February 2026", ""),
        ("13/13/2026", ""),
    ],
)
def test_a_date_written_otherwise_gets_the_contracts_form(written: str, suggestion: str) -> None:
    assert date_suggestion(written) == suggestion


def test_a_full_date_field_is_never_offered_a_month_alone() -> None:
    assert date_suggestion("Januar 2026", days_only=True) == ""
    assert date_suggestion("28 January 2026", days_only=True) == "; did you mean `2026-01-28`?"


def test_month_names_of_the_sites_languages_are_read() -> None:
    assert date_suggestion("28 janvier 2026") == ""
    assert date_suggestion("28 janvier 2026", ["fr"]) == "; did you mean `2026-01-28`?"


def _validate(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = find_problems(path, ("en", "de"))
    return [str(problem) for problem in problems]


def test_the_validator_locates_the_date_and_names_both_readings(tmp_path: Path) -> None:
    data = minimal_yaml()
    assert "    date: 2026-03-02\n" in data
    text = data.replace("    date: 2026-03-02\n", "    date: 02.03.2026\n", 1)
    line = text[: text.index("date: 02.03.2026")].count("\n") + 1
    path = tmp_path / "events.yaml"
    assert [p for p in _validate(tmp_path, text) if "02.03.2026" in p] == [
        f"{display_name(path)}:{line}:11: events.first-call.date: `02.03.2026` is not a "
        "date: write YYYY-MM-DD, or YYYY-MM when only the month is known; "
        "did you mean `2026-03-02` (day first) or `2026-02-03` (month first)?"
    ]
