"""Read a YAML data file into plain Python values, remembering where every node stands.

The file is read with the YAML 1.2 core schema rules, not PyYAML's YAML 1.1 defaults:
`NO`, `yes`, `on` and `12:30` stay text, and dates stay text (`2026-01-16`), so that
country codes, times and dates reach the validator exactly as the editor typed them.
Only `true`/`false`, `null`/`~`, decimal, octal (`0o`) and hex (`0x`) integers and floats
are read as something else than text.

Duplicate keys are problems (plain PyYAML silently keeps the last one). Anchors, aliases
and merge keys (`<<`) work; an alias bomb is stopped after a bounded amount of work.
libyaml's C parser is used when present (about six times faster than the pure-Python one).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from explainer.problems import ERROR, WARNING, NodePath, Problem, format_path

try:
    from yaml._yaml import CParser as _FastParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _FastParser = None

_TAG = "tag:yaml.org,2002:"
#: the contract's deepest value is 6 levels down (`events.ID.figures[0].label.en`)
MAX_DEPTH = 64
_TOO_DEEP = (
    f"lists and mappings are nested more than {MAX_DEPTH} levels deep here; "
    "no field of the data file needs more than 6"
)
#: characters no page, feed or calendar can carry: C0 controls but tab and line breaks,
#: DEL, lone surrogates and the non-characters U+FFFE/U+FFFF (YAML escapes such as
#: "\x01" or "\ud800" produce them; XML writers and UTF-8 encoders then fail)
_FORBIDDEN_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
#: direction controls (embeddings, overrides, isolates): they reorder the text around them,
#: so a page would read differently from the YAML an editor reviewed; an error
DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: the invisible format characters (Unicode's category Cf, less those that print a sign,
#: such as the Arabic number signs): a warning. Nobody sees them in a review either, but
#: some are wanted (a soft hyphen, a joiner in an emoji), which the editor can judge.
_INVISIBLE = (
    "\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
#: a character that is no part of any page (found by one search per text, as most have none)
_SUSPECT_CHARACTER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069"
    + _INVISIBLE
    + "]"
)
#: zero-width non-joiner and joiner: how Persian, the Indic scripts and emoji sequences
#: are written, and how German keeps a ligature out of `Auflage`; allowed between two
#: characters they can join or part (letters, marks, symbols)
_JOINERS = frozenset("\u200c\u200d")
_JOINABLE = ("L", "M", "So", "Sk")
#: the tag characters that spell a subdivision's flag after U+1F3F4 (🏴 of Scotland)
_FLAG, _TAGS = "\U0001f3f4", range(0xE0020, 0xE0080)
#: where YAML starts a new line (its marks count lines so)
_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
#: the double-quoted YAML escapes that write a character by its number: digits they take
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}


class _CoreSchemaResolver(BaseResolver):
    """Implicit types of the YAML 1.2 core schema (and merge keys)."""


for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("merge", r"^(?:<<)$", "<"),
):
    _CoreSchemaResolver.add_implicit_resolver(_TAG + _tag, re.compile(_pattern), list(_first))


class _PurePythonComposer(Reader, Scanner, Parser, Composer, _CoreSchemaResolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _CoreSchemaResolver.__init__(self)


if _FastParser is not None:

    class _FastComposer(_FastParser, _CoreSchemaResolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: str) -> None:
            _FastParser.__init__(self, stream)
            _CoreSchemaResolver.__init__(self)

    _Composer: type = _FastComposer
else:  # pragma: no cover
    _Composer = _PurePythonComposer


@dataclass(frozen=True)
class Location:
    """1-based line and column in the editor's file."""

    line: int
    column: int


@dataclass
class LoadedData:
    """The values of a data file and the location of each of its nodes."""

    display_name: str
    data: Any = None
    values: dict[NodePath, Location] = field(default_factory=dict)
    keys: dict[NodePath, Location] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems of reading the file, less the warnings (an invisible character
        is one): what keeps its values from being used."""
        return [problem for problem in self.problems if not problem.is_warning]

    def where(self, path: NodePath, *, key: bool = False) -> Location:
        """Where the node at `path` (or its key) stands; its nearest ancestor if unknown."""
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Location(1, 1))

    def problem(
        self, path: NodePath, message: str, *, key: bool = False, label: str = ""
    ) -> Problem:
        loc = self.where(path, key=key)
        return Problem(self.display_name, loc.line, loc.column, label or format_path(path), message)


class _Budget(Exception):
    """Raised when anchors and aliases expand to more nodes than allowed."""


def _location(node: Node) -> Location:
    return Location(node.start_mark.line + 1, node.start_mark.column + 1)


def _count_distinct_nodes(root: Node) -> int:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    return len(seen)


class _Builder:
    """Turns a composed node graph into Python values, recording locations and problems."""

    def __init__(self, result: LoadedData, max_nodes: int, text: str) -> None:
        self.result = result
        self.remaining = max_nodes
        #: the source, to place a character found in a value on its own line and column
        self.text = text

    def build(self, node: Node, path: NodePath) -> Any:
        self.remaining -= 1
        if self.remaining < 0:
            raise _Budget
        self.result.values[path] = _location(node)
        if len(path) > MAX_DEPTH:
            self.result.problems.append(
                # deeper than the text nests: aliases that repeat their own ancestors
                self.result.problem(path[:MAX_DEPTH], _TOO_DEEP)
            )
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        raise AssertionError(f"unknown node {node!r}")  # pragma: no cover

    def _scalar(self, node: ScalarNode, path: NodePath) -> Any:
        tag, text = node.tag, node.value
        if tag == _TAG + "str":
            # most texts are ASCII, where only a control character can be wrong
            suspect = _FORBIDDEN_CHARACTER if text.isascii() else _SUSPECT_CHARACTER
            if suspect.search(text) is not None:
                self._characters(node, path)
            return text
        if tag == _TAG + "bool":
            return text.lower() == "true"
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "int":
            try:
                return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
            except ValueError:
                pass
        if tag == _TAG + "float":
            lowered = text.lower()
            if lowered.endswith(".inf"):
                return float("-inf") if lowered.startswith("-") else float("inf")
            if lowered == ".nan":
                return float("nan")
            try:
                return float(text)
            except ValueError:
                pass
        if tag in (_TAG + "int", _TAG + "float"):
            self.result.problems.append(
                self.result.problem(path, f"`{text}` is not a valid {tag[len(_TAG) :]}")
            )
            return text
        self.result.problems.append(
            self.result.problem(
                path,
                f"the YAML tag `{tag}` is not supported here; remove it "
                "(write the value as plain text, a number, a list or a mapping)",
            )
        )
        return text

    def _characters(self, node: ScalarNode, path: NodePath) -> None:
        """Control characters, direction controls and invisible characters in a text: each
        kind once a text, at the first place it stands (an editor removes them all)."""
        text = node.value
        bad = _FORBIDDEN_CHARACTER.search(text)
        if bad is not None:
            self.result.problems.append(
                self.result.problem(
                    path,
                    f"the text has the invisible control character U+{ord(bad.group()):04X} "
                    f"at position {bad.start() + 1}; remove it (often pasted along with text, "
                    "or written as an escape such as `\\x01`)",
                )
            )
        flagged: dict[str, list[int]] = {}  # character -> where it stands in the text
        for match in _SUSPECT_CHARACTER.finditer(text):
            character, index = match.group(), match.start()
            if character in DIRECTION_CONTROLS or not (
                _FORBIDDEN_CHARACTER.match(character) or _allowed_here(text, index)
            ):
                flagged.setdefault(character, []).append(index)
        for character, indices in flagged.items():
            severity, message = _invisible(character)
            if len(indices) > 1:
                message += f" ({len(indices)} times in this text)"
            line, column = self._place(node, character, text.count(character, 0, indices[0]))
            self.result.problems.append(
                Problem(
                    self.result.display_name, line, column, format_path(path), message, severity
                )
            )

    def _place(self, node: ScalarNode, character: str, before: int) -> tuple[int, int]:
        """1-based line and column of the occurrence of `character` in the source of
        `node` after `before` others: written as it is, or as an escape in double quotes."""
        start, end = node.start_mark.index, node.end_mark.index
        found = _occurrences(self.text, start, end, character, node.style == '"')
        offset = next((o for n, o in enumerate(found) if n == before), start)
        line, line_start = node.start_mark.line, start - node.start_mark.column
        for match in _LINE_BREAKS.finditer(self.text, start, offset):
            line, line_start = line + 1, match.end()
        return line + 1, offset - line_start + 1

    def _mapping(self, node: MappingNode, path: NodePath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Location] = {}
        merges: list[tuple[Node, Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                merges.append((key_node, value_node))
                continue
            if not isinstance(key_node, ScalarNode):
                loc = _location(key_node)
                self.result.values.setdefault(path + ("?",), loc)
                self.result.problems.append(
                    self.result.problem(
                        path + ("?",),
                        "a key must be a plain name, not a list or mapping",
                    )
                )
                continue
            key = key_node.value
            key_path = path + (key,)
            loc = _location(key_node)
            if key in first_seen:
                first = first_seen[key]
                self.result.problems.append(
                    Problem(
                        self.result.display_name,
                        loc.line,
                        loc.column,
                        format_path(key_path),
                        f"duplicate key `{key}` (first defined at line {first.line}); "
                        "every key may appear only once in a mapping",
                    )
                )
                continue
            first_seen[key] = loc
            self.result.keys[key_path] = loc
            result[key] = self.build(value_node, key_path)
        for _key_node, value_node in merges:
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for source in sources:
                if not isinstance(source, MappingNode):
                    loc = _location(source)
                    self.result.problems.append(
                        Problem(
                            self.result.display_name,
                            loc.line,
                            loc.column,
                            format_path(path),
                            "a merge key `<<` needs a mapping or a list of mappings "
                            "(usually an alias such as `*defaults`)",
                        )
                    )
                    continue
                for merged_key_node, merged_value_node in source.value:
                    if not isinstance(merged_key_node, ScalarNode):
                        continue
                    key = merged_key_node.value
                    if key in result or merged_key_node.tag == _TAG + "merge":
                        continue
                    key_path = path + (key,)
                    self.result.keys[key_path] = _location(merged_key_node)
                    result[key] = self.build(merged_value_node, key_path)
        return result


def _named(character: str) -> str:
    """`U+200B (zero width space)`."""
    name = "byte order mark" if character == "\ufeff" else unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" ({name.lower()})" if name else "")


def _invisible(character: str) -> tuple[str, str]:
    """The severity and wording of a direction control or invisible character in a text."""
    named = _named(character)
    if character in DIRECTION_CONTROLS:
        return ERROR, (
            f"the text has the direction control {named}, which reorders the text around "
            "it: the page would not read as this line does; remove it"
        )
    if character in _JOINERS:
        return WARNING, (
            f"the text has an invisible {named} that joins no letters or emoji here; remove it"
        )
    return WARNING, (
        f"the text has an invisible {named}, which pasted text often brings along; remove it "
        "unless it is meant to be there"
    )


def _allowed_here(text: str, index: int) -> bool:
    """Whether the invisible character at `index` does what the language needs there: a
    joiner between two characters it can join, a tag in a subdivision's flag."""
    character = text[index]
    if character in _JOINERS:
        if index == 0 or index == len(text) - 1:
            return False
        return all(
            unicodedata.category(text[i]).startswith(_JOINABLE) for i in (index - 1, index + 1)
        )
    if ord(character) in _TAGS:
        first = index
        while first > 0 and ord(text[first - 1]) in _TAGS:
            first -= 1
        return first > 0 and text[first - 1] == _FLAG
    return False


def _occurrences(text: str, start: int, end: int, character: str, escapes: bool) -> Iterator[int]:
    """Where `character` is written in `text[start:end]`: as itself, and in a
    double-quoted scalar (`escapes`) also as an escape (`\\u202E`), at its backslash."""
    index = start
    while index < end:
        current = text[index]
        if current == character:
            yield index
        elif escapes and current == "\\":
            digits = _HEX_DIGITS.get(text[index + 1 : index + 2], 0)
            written = text[index + 2 : index + 2 + digits]  # valid: the parser read it
            if digits and chr(int(written, 16)) == character:
                yield index
            index += 1 + digits  # past the escape: in `\\\\u202E`, `u202E` is text
        index += 1


def _decode(raw: bytes, display_name: str) -> tuple[str | None, Problem | None]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        byte = raw[error.start]
        return None, Problem(
            display_name,
            line,
            column,
            "",
            f"this is not UTF-8 text (byte 0x{byte:02x} cannot be decoded); "
            "save the file with the UTF-8 encoding",
        )


def _yaml_error_problem(error: yaml.YAMLError, text: str, display_name: str) -> Problem:
    if isinstance(error, yaml.reader.ReaderError):
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        return Problem(
            display_name,
            line,
            column,
            "",
            f"the character #x{error.character:04x} is not allowed in YAML; remove it",
        )
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    message = problem
    if context:
        message = f"{context}, {problem}"
        if context_mark is not None and context_mark is not mark:
            message += f" (the {context.split()[-1]} starts at line {context_mark.line + 1})"
    lines = text.splitlines()
    tabbed = _tab_indented(lines, line)
    if tabbed is not None:
        line, column = tabbed
        return Problem(
            display_name,
            line,
            column,
            "",
            f"line {line} is indented with a tab; YAML needs spaces (YAML syntax error: {problem})",
        )
    offending = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in offending[: column + 1]:
        message += "; YAML does not allow tabs for indentation, indent with spaces"
    return Problem(display_name, line, column, "", f"YAML syntax error: {message}")


def _tab_indented(lines: list[str], line: int) -> tuple[int, int] | None:
    """(line, column) of a tab in the indentation of the line a syntax error stands on,
    or of the non-blank line before it (the parser may stop on the line after the tab)."""
    candidates = [line]
    before = line - 1
    while before >= 1 and not lines[before - 1].strip():
        before -= 1
    if before >= 1:
        candidates.append(before)
    for number in candidates:
        text = lines[number - 1] if 0 < number <= len(lines) else ""
        indentation = text[: len(text) - len(text.lstrip(" \t"))]
        if "\t" in indentation:
            return number, indentation.index("\t") + 1
    return None


_OPENING = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSING = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _too_deep(text: str, display_name: str) -> Problem | None:
    """A problem if collections nest deeper than MAX_DEPTH.

    Checked on the parser's events before anything is composed: libyaml's parser keeps
    its own stack, but PyYAML's composer recurses on the C stack, and 200,000 nested
    `[` (a 400 kB file) crash the process instead of raising an error."""
    parser = _Composer(text)
    depth = 0
    while (event := parser.get_event()) is not None:
        kind = type(event)
        if kind in _OPENING:
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                return Problem(display_name, mark.line + 1, mark.column + 1, "", _TOO_DEEP)
        elif kind in _CLOSING:
            depth -= 1
        elif kind is yaml.StreamEndEvent:
            break
    return None


def load_text(text: str, display_name: str) -> LoadedData:
    """Compose and build `text`; problems are collected, never raised."""
    result = LoadedData(display_name)
    try:
        too_deep = _too_deep(text, display_name)
        if too_deep is not None:
            result.problems.append(too_deep)
            return result
        root = _Composer(text).get_single_node()
    except yaml.YAMLError as error:
        result.problems.append(_yaml_error_problem(error, text, display_name))
        return result
    if root is None:
        result.problems.append(
            Problem(
                display_name,
                1,
                1,
                "",
                "the file is empty; it needs the top-level keys `actors`, `glossary` and `events`",
            )
        )
        return result
    distinct = _count_distinct_nodes(root)
    builder = _Builder(result, max_nodes=10 * distinct + 100_000, text=text)
    try:
        result.data = builder.build(root, ())
    except _Budget:
        result.data = None
        result.values = {(): Location(1, 1)}
        result.keys = {}
        result.problems = [
            Problem(
                display_name,
                1,
                1,
                "",
                f"anchors and aliases expand this file to more than {10 * distinct + 100_000:,} "
                "values (an alias bomb?); write the repeated parts out or use fewer aliases",
            )
        ]
    return result


def load_file(path: Path, display_name: str | None = None) -> LoadedData:
    """Read `path` (UTF-8, an optional byte-order mark, any line endings)."""
    name = display_name or str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        result = LoadedData(name)
        result.problems.append(
            Problem(name, 1, 1, "", f"cannot read the data file: {error.strerror or error}")
        )
        return result
    text, problem = _decode(raw, name)
    if problem is not None:
        result = LoadedData(name)
        result.problems.append(problem)
        return result
    assert text is not None
    return load_text(text, name)
