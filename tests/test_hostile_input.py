"""Broken and odd data files, through the command editors and CI run: every problem is
one located line, exit status 1, never a traceback; valid oddities just work."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.cli import main
from explainer.loader import load_text
from explainer.validate import find_problems
from tests.conftest import BEFORE_THE_FIXTURE_EPOCH, minimal_yaml

LINE = re.compile(r"^data/events\.yaml:\d+:\d+: (?:[^:]+: )?.+$")


def write_site(root: Path, data: bytes) -> None:
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data" / "events.yaml").write_bytes(data)
    (root / "docs").mkdir(exist_ok=True)  # MkDocs reads no configuration without it
    (root / "mkdocs.yml").write_text(
        "site_name: T\ntheme: {name: material}\nplugins:\n  - i18n:\n      docs_structure: folder\n"
        "      languages:\n        - {locale: en, name: EN, default: true, build: true}\n"
        "        - {locale: de, name: DE, build: true}\n",
        encoding="utf-8",
    )


def validate(
    root: Path, data: bytes, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, list[str]]:
    write_site(root, data)
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BEFORE_THE_FIXTURE_EPOCH)
    code = main(["validate"])
    err = capsys.readouterr().err.splitlines()
    return code, err


def mutate(old: str, new: str) -> str:
    text = minimal_yaml()
    assert old in text
    return text.replace(old, new, 1)


BOMB = "\n".join(
    ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
)

BROKEN = {
    "duplicate key": (
        mutate("    type: call\n", "    type: call\n    type: meeting\n"),
        "duplicate key `type`",
    ),
    "tab": (
        mutate("    type: call\n", "\ttype: call\n"),
        "is indented with a tab; YAML needs spaces",
    ),
    "wrong type": (mutate("value: 12.5,", "value: [12.5],"), "expected a number"),
    "list for mapping": (
        mutate(
            '    role: {en: "Mayor of Exampleton", de: "Bürgermeisterin von Exampleton"}\n',
            "    role: [Mayor]\n",
        ),
        "expected a text per language",
    ),
    "unknown field": (
        mutate("    kind: person\n    country: US", "    knd: person\n    country: US"),
        "did you mean `kind`?",
    ),
    "unknown language": (
        mutate(
            'title: {en: "Ada calls Bob", de: "Ada ruft Bob an"}',
            'title: {en: "A", de: "B", fr: "C"}',
        ),
        "`fr` is not a configured language",
    ),
    "30 February": (
        mutate("    date: 2026-03-02\n", "    date: 2026-02-30\n"),
        "is not a day of the calendar",
    ),
    "empty file": ("", "the file is empty"),
    "only comments": ("# nothing here\n", "the file is empty"),
    "alias bomb": (BOMB, "alias bomb"),
    "NO and yes stay text; a duplicate is found": (
        mutate("    country: US\n", "    country: NO\n    name: {en: yes}\n"),
        "duplicate key `name`",
    ),
    "top level list": ("- a\n- b\n", "expected a mapping"),
    "syntax error": ("actors: {\n", "YAML syntax error"),
    "two documents": (minimal_yaml() + "---\nactors: {}\n", "expected a single document"),
    "control character": (
        mutate('title: {en: "Ada calls Bob"', 'title: {en: "Ada \\x01calls Bob"'),
        "control character U+0001 at position 5",
    ),
    "lone surrogate": (
        mutate('title: {en: "Ada calls Bob"', 'title: {en: "Ada \\ud800calls Bob"'),
        "YAML syntax error",
    ),
    "figure not a number": (mutate("value: 12.5,", "value: .nan,"), "cannot be shown"),
    "figure infinite": (mutate("value: 12.5,", "value: -.inf,"), "cannot be shown"),
    "figure too large": (mutate("value: 12.5,", "value: 1e308,"), "cannot be shown"),
    # PyYAML's C composer recursed on the C stack: this crashed the process
    "deep flow nesting": (
        minimal_yaml() + "extra: " + "[" * 200_000 + "]" * 200_000 + "\n",
        "nested more than 64 levels",
    ),
    "deep block nesting": ("- " * 200_000 + "x\n", "nested more than 64 levels"),
    "unknown tag": (
        mutate(
            "    kind: person\n    country: US", "    kind: !!python/object person\n    country: US"
        ),
        "is not supported here",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_data_gets_located_lines_and_exit_1(
    tmp_path: Path, capsys, monkeypatch, case: str
) -> None:  # type: ignore[no-untyped-def]
    text, expected = BROKEN[case]
    start = time.monotonic()
    code, lines = validate(tmp_path, text.encode("utf-8"), capsys, monkeypatch)
    assert time.monotonic() - start < 20
    assert code == 1
    problems = [line for line in lines if LINE.match(line)]
    assert problems, lines
    assert any(expected in line for line in problems), problems
    assert lines[-1].endswith("in the explainer data.")
    assert all(LINE.match(line) for line in lines[:-1]), lines


def test_non_utf8_bytes(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data = minimal_yaml().encode("utf-8").replace(b"Bob Sample", b"Bob S\xe4mple")
    code, lines = validate(tmp_path, data, capsys, monkeypatch)
    assert code == 1
    assert re.match(r"data/events\.yaml:\d+:\d+: this is not UTF-8 text \(byte 0xe4", lines[0])


def test_yaml_1_1_words_are_read_as_written(tmp_path: Path) -> None:
    loaded = load_text(mutate("    country: US\n", "    country: NO\n"), "f.yaml")
    assert loaded.data["actors"]["bob"]["country"] == "NO"  # Norway, not false


@pytest.mark.parametrize(
    "variant",
    ["bom", "crlf", "bom+crlf", "anchors", "long texts"],
)
def test_valid_oddities(tmp_path: Path, capsys, monkeypatch, variant: str) -> None:  # type: ignore[no-untyped-def]
    text = minimal_yaml()
    if "anchors" in variant:
        text = text.replace("  council:\n    name:", "  council: &council\n    name:").replace(
            "  bob:\n    name: Bob Sample\n    kind: person\n    country: US\n",
            "  bob:\n    <<: *council\n    name: Bob Sample\n    kind: person\n",
        )
    if "long" in variant:
        body = "A long paragraph. " * 20000  # 360,000 characters
        text = text.replace('body: {en: "Bob *said* things.', f'body: {{en: "{body}')
    data = text.encode("utf-8")
    if "crlf" in variant:
        data = data.replace(b"\n", b"\r\n")
    if "bom" in variant:
        data = b"\xef\xbb\xbf" + data
    code, lines = validate(tmp_path, data, capsys, monkeypatch)
    assert code == 0, lines


def test_a_ten_megabyte_file_validates(tmp_path: Path) -> None:
    base = yaml.safe_load(minimal_yaml())
    event = base["events"]["statement"]
    events = {}
    for i in range(4000):
        copy = dict(
            event,
            body={"en": f"Event {i}. " + "Text. " * 200, "de": f"Ereignis {i}. " + "Text. " * 200},
        )
        events[f"event-{i}"] = copy
    base["events"] = events
    path = tmp_path / "events.yaml"
    path.write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    assert path.stat().st_size > 10_000_000
    loaded, problems = find_problems(path, ("en", "de"))
    assert problems == []
    assert len(loaded.data["events"]) == 4000


# ---- fuzzing ------------------------------------------------------------------------

BASE = yaml.safe_load(minimal_yaml())


def _paths(value, prefix=()):  # type: ignore[no-untyped-def]
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


PATHS = [p for p in _paths(BASE) if p]
REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.just([]),
    st.just({}),
    st.just({"en": "x"}),
    st.just(["ada", "zz"]),
    st.just("2026-02-30"),
)


def _get(data, path):  # type: ignore[no-untyped-def]
    for part in path:
        data = data[part]
    return data


def _mutate(data, path, action, value, other):  # type: ignore[no-untyped-def]
    parent = _get(data, path[:-1])
    key = path[-1]
    if action == "delete":
        del parent[key]
    elif action == "retype":
        parent[key] = value
    elif action == "duplicate":
        if isinstance(parent, list):
            parent.insert(key, parent[key])
        else:
            parent[f"{key}-copy" if isinstance(key, str) else key] = parent[key]
    elif action == "swap":
        target_parent = _get(data, other[:-1])
        target_parent[other[-1]], parent[key] = parent[key], target_parent[other[-1]]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    mutations=st.lists(
        st.tuples(
            st.sampled_from(PATHS),
            st.sampled_from(["delete", "retype", "duplicate", "swap"]),
            REPLACEMENTS,
            st.sampled_from(PATHS),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_fuzzed_data_passes_or_gets_located_problems(mutations) -> None:  # type: ignore[no-untyped-def]
    import copy

    data = copy.deepcopy(BASE)
    for path, action, value, other in mutations:
        try:
            _mutate(data, path, action, value, other)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or reshaped the node
    text = yaml.safe_dump(data, allow_unicode=True)
    loaded = load_text(text, "data/events.yaml")
    from explainer.rules import check_rules
    from explainer.schema import check_schema

    problems = list(loaded.problems)
    if loaded.data is not None:
        problems += check_schema(loaded, ("en", "de")) + check_rules(loaded)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message
    if not any(not problem.is_warning for problem in problems):  # valid: it must render
        from explainer.model import build_story

        build_story(loaded.data, ("en", "de"))


@settings(max_examples=100, deadline=None)
@given(
    cuts=st.lists(st.integers(0, len(minimal_yaml().splitlines()) - 1), min_size=1, max_size=5),
    dup=st.booleans(),
)
def test_fuzzed_lines_pass_or_get_located_problems(cuts, dup) -> None:  # type: ignore[no-untyped-def]
    lines = minimal_yaml().splitlines()
    for cut in sorted(set(cuts), reverse=True):
        if dup:
            lines.insert(cut, lines[cut])
        else:
            del lines[cut]
    loaded = load_text("\n".join(lines) + "\n", "data/events.yaml")
    from explainer.rules import check_rules
    from explainer.schema import check_schema

    if loaded.data is not None:
        check_schema(loaded, ("en", "de"))
        check_rules(loaded)
    for problem in loaded.problems:
        assert problem.line >= 1
