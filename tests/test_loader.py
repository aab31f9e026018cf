"""The loader keeps locations, refuses duplicate keys and reads YAML as editors mean it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from explainer import loader
from explainer.loader import Location, load_file, load_text


def test_locations_of_values_and_keys() -> None:
    loaded = load_text("events:\n  a-b:\n    type: call\n    participants:\n      - x\n", "f.yaml")
    assert loaded.problems == []
    assert loaded.where(("events", "a-b", "type")) == Location(3, 11)
    assert loaded.where(("events", "a-b", "type"), key=True) == Location(3, 5)
    assert loaded.where(("events", "a-b", "participants", 0)) == Location(5, 9)
    # an unknown path falls back to its nearest known ancestor
    assert loaded.where(("events", "a-b", "nothing", 3)) == Location(3, 5)


def test_duplicate_key_is_a_located_problem_not_a_silent_overwrite() -> None:
    loaded = load_text("a:\n  date: 1\n  date: 2\n", "f.yaml")
    [problem] = loaded.problems
    assert (problem.line, problem.column, problem.path) == (3, 3, "a.date")
    assert "duplicate key `date` (first defined at line 2)" in problem.message
    assert loaded.data == {"a": {"date": 1}}


def test_yaml_1_1_surprises_stay_text() -> None:
    loaded = load_text(
        "country: NO\nanswer: yes\nswitch: on\ntime: 12:30\ndate: 2026-01-16\nmonth: 2026-01\n",
        "f.yaml",
    )
    assert loaded.data == {
        "country": "NO",
        "answer": "yes",
        "switch": "on",
        "time": "12:30",
        "date": "2026-01-16",
        "month": "2026-01",
    }


def test_core_schema_types() -> None:
    loaded = load_text("a: true\nb: ~\nc: -50\nd: 0x1f\ne: 1.5\nf: .inf\ng: 'true'\n", "f.yaml")
    assert loaded.data == {
        "a": True,
        "b": None,
        "c": -50,
        "d": 31,
        "e": 1.5,
        "f": float("inf"),
        "g": "true",
    }


def test_anchors_aliases_and_merge_keys() -> None:
    text = "base: &b {kind: person, name: X}\nactor:\n  <<: *b\n  name: Y\nlist: [*b]\n"
    loaded = load_text(text, "f.yaml")
    assert loaded.problems == []
    assert loaded.data["actor"] == {"name": "Y", "kind": "person"}
    assert loaded.data["list"] == [{"kind": "person", "name": "X"}]


def test_alias_bomb_is_stopped_quickly_with_a_clear_error() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]")
    start = time.monotonic()
    loaded = load_text("\n".join(lines) + "\n", "f.yaml")
    assert time.monotonic() - start < 10
    [problem] = loaded.problems
    assert "alias bomb" in problem.message
    assert loaded.data is None


def test_syntax_error_is_located(tmp_path: Path) -> None:
    loaded = load_text("a:\n  b: [1, 2\n", "f.yaml")
    [problem] = loaded.problems
    assert problem.message.startswith("YAML syntax error")
    assert problem.line >= 2


def test_tab_indentation_explains_itself_before_the_parser_does() -> None:
    loaded = load_text("a:\n\tb: 1\n", "f.yaml")
    [problem] = loaded.problems
    assert (problem.line, problem.column) == (2, 1)
    assert problem.message.startswith("line 2 is indented with a tab; YAML needs spaces (")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # a tab after spaces: the column is the tab's
        ("a:\n  b:\n  \t c: 1\n", (3, 3)),
        # the parser stops on the line after a tab-indented one
        ("a:\n  b: x\n\tc\n", (3, 1)),
        ("a:\n  b: one\n\t two\n", (3, 1)),
    ],
)
def test_the_tab_message_names_the_line_and_column_of_the_tab(
    text: str, where: tuple[int, int]
) -> None:
    [problem] = load_text(text, "f.yaml").problems
    assert (problem.line, problem.column) == where
    assert problem.message.startswith(f"line {where[0]} is indented with a tab; YAML needs spaces")


def test_a_syntax_error_without_a_tab_keeps_the_parser_wording() -> None:
    [problem] = load_text("a:\n  b: [1, 2\n", "f.yaml").problems
    assert problem.message.startswith("YAML syntax error: ")
    assert "tab" not in problem.message


def test_empty_file() -> None:
    [problem] = load_text("", "f.yaml").problems
    assert "the file is empty" in problem.message
    [problem] = load_text("# only a comment\n", "f.yaml").problems
    assert "the file is empty" in problem.message


def test_not_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    [problem] = load_file(path, "events.yaml").problems
    assert (problem.line, problem.column) == (2, 7)
    assert "not UTF-8" in problem.message and "0xe9" in problem.message


def test_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb:\r\n  c: x\r\n")
    loaded = load_file(path, "events.yaml")
    assert loaded.problems == []
    assert loaded.data == {"a": 1, "b": {"c": "x"}}
    assert loaded.where(("b", "c")) == Location(3, 6)


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    [problem] = load_file(tmp_path / "nope.yaml", "nope.yaml").problems
    assert "cannot read the data file" in problem.message


def test_libyaml_is_used_when_present() -> None:
    assert yaml.__with_libyaml__, "the pinned PyYAML wheel ships libyaml"
    assert loader._Composer.__name__ == "_FastComposer"


def test_pure_python_fallback_reads_the_same(tmp_path: Path) -> None:
    from tests.conftest import minimal_yaml

    fast = load_text(minimal_yaml(), "f.yaml")
    original = loader._Composer
    loader._Composer = loader._PurePythonComposer
    try:
        slow = load_text(minimal_yaml(), "f.yaml")
    finally:
        loader._Composer = original
    assert slow.data == fast.data
    assert slow.values == fast.values
