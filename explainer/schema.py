"""Check the data against the JSON Schema and word each failure for an editor.

The general schema (`explainer/events.schema.json`, draft-07) accepts any language code.
Each site's own schema is it specialized for the site's languages (`site_schema`): every
localized text must then have exactly those. The build checks the data against it, and
`explainer schema` writes it next to the data file (`events.schema.json`), with messages
and descriptions that editors' YAML tools show (yaml-language-server reads
`patternErrorMessage`, `errorMessage` and `markdownDescription`). A valid file is checked
by fastjsonschema (compiled, fast); an invalid one again by jsonschema, which reports
every error with its path.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError

from explainer.contract import CONTRACT_VERSION
from explainer.dates import date_suggestion
from explainer.loader import LoadedData
from explainer.problems import NodePath, Problem, did_you_mean

SCHEMA_PATH = Path(__file__).with_name("events.schema.json")
#: the comment by which the YAML language server finds a data file's schema
MODELINE = "# yaml-language-server: $schema={schema}"

_TYPE_NAMES = {
    "object": "a mapping of `key: value` lines",
    "array": "a list of `- item` lines",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "`true` or `false`",
    "null": "nothing",
}


@lru_cache(maxsize=1)
def static_schema() -> dict[str, Any]:
    """The schema as shipped for editors' tools."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def site_schema(languages: Sequence[str]) -> dict[str, Any]:
    """The schema of a site whose languages are these (the default first): every localized
    text needs exactly these languages. Also what `explainer schema` writes for editors'
    tools, so its messages are sentences for editors."""
    languages = list(languages)
    listed = ", ".join(languages)
    schema = copy.deepcopy(static_schema())
    schema["$comment"] = (
        f"Written by `explainer schema` from mkdocs.yml (languages: {listed}) for version "
        f"{CONTRACT_VERSION} of the data contract. Do not edit: run `explainer schema` again "
        "after changing the site's languages or its generator."
    )
    schema["title"] = f"Explainer data file ({listed})"
    schema["description"] = (
        "Actors, glossary and events of this explainer site. Every localized text needs "
        f"exactly the site's languages: {listed}. The data contract, with this generator's "
        "extensions, is described in the generator's README ('The data file')."
    )
    definitions = schema["definitions"]
    version = schema["properties"]["version"]
    version["maximum"] = CONTRACT_VERSION
    version["errorMessage"] = (
        f"The data contract's version: a whole number; this generator reads {CONTRACT_VERSION}."
    )
    localized = definitions["localizedText"]
    localized.pop("minProperties", None)
    localized.pop("propertyNames", None)
    localized["properties"] = {lang: {"$ref": "#/definitions/text"} for lang in languages}
    localized["required"] = languages
    localized["additionalProperties"] = False
    localized["description"] = f"A text in each language of the site: {listed}."
    example = "\n".join(f"  {lang}: ..." for lang in languages)
    localized["markdownDescription"] = (
        f"A text in each language of the site ({listed}), one per line:\n\n"
        f"```yaml\ntitle:\n{example}\n```"
    )
    localized["errorMessage"] = (
        f"Write one text for each language of the site ({listed}) and for no other, "
        f"one per line: `{languages[0]}: ...`"
    )
    aliases = definitions["aliases"]
    aliases.pop("propertyNames", None)
    aliases["properties"] = {lang: aliases["additionalProperties"] for lang in languages}
    aliases["additionalProperties"] = False
    aliases["description"] = (
        f"Other forms of the term or name to recognise in texts, listed per language ({listed})."
    )
    aliases["errorMessage"] = f"List the other forms per language of the site: {listed}."
    corrections = definitions["event"]["properties"]["corrections"]
    texts = "\n".join(f"      {lang}: ..." for lang in languages)
    corrections["markdownDescription"] = (
        "Published corrections of this event's facts, **oldest first**: the day, and what "
        "was wrong and what is right in each language of the site (Markdown):\n\n"
        f"```yaml\ncorrections:\n  - date: YYYY-MM-DD\n    text:\n{texts}\n```\n\n"
        "Readers see each one on the event's page and on the changes page. Never remove "
        "a published correction."
    )
    definitions["text"]["patternErrorMessage"] = "Empty: write the text."
    for node in _nodes(schema):
        message = node.get("x-message")
        if isinstance(message, str) and "pattern" in node:
            # "is not a date: ..." -> "Not a date: ..."
            sentence = message.removeprefix("is ")
            node["patternErrorMessage"] = sentence[:1].upper() + sentence[1:] + "."
    return schema


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def site_schema_text(languages: Sequence[str]) -> str:
    """The site's schema as `explainer schema` writes it."""
    return json.dumps(site_schema(languages), indent=2, ensure_ascii=False) + "\n"


def schema_path(data_path: Path) -> Path:
    """Where a site's schema is written: beside its data file (`events.schema.json`)."""
    return data_path.with_name(f"{data_path.stem}.schema.json")


def stale_schema(data_path: Path, languages: Sequence[str], data_name: str) -> list[str]:
    """What keeps editors' tools from checking the data file as the build does: its
    schema missing or not the one `site_schema` makes for these languages, or a data file
    whose modeline does not name it. Empty when all is well."""
    path = schema_path(data_path)
    name = data_name.removesuffix(data_path.name) + path.name
    problems = []
    try:
        current = path.read_text(encoding="utf-8")
    except OSError:
        current = None
    if current is None:
        problems.append(f"{name} does not exist: run `explainer schema` and commit the file")
    elif current != site_schema_text(languages):
        problems.append(
            f"{name} is not the schema for this site's languages ({', '.join(languages)}) "
            "and generator: run `explainer schema` and commit the file"
        )
    modeline = MODELINE.format(schema=path.name)
    try:
        lines = data_path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    named = [line for line in lines if line.startswith(MODELINE.split("$")[0])]
    if named != [modeline] or not lines or lines[0] != modeline:
        problems.append(
            f"{data_name}:1: the first line should be `{modeline}`, the only such line, "
            "so that editors' tools check the file against the site's schema"
        )
    return problems


@lru_cache(maxsize=8)
def _validator(languages: tuple[str, ...]) -> Draft7Validator:
    schema = site_schema(languages)
    # a newer version is reported in one line before the schema is checked (contract.py)
    del schema["properties"]["version"]["maximum"]
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)


@lru_cache(maxsize=8)
def _fast_check(languages: tuple[str, ...]) -> Any:
    """The same schema compiled to Python: ~20x faster, but it stops at the first error."""
    return fastjsonschema.compile(_validator(languages).schema)


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    """A schema node with its `$ref` followed and its first `allOf` part taken."""
    definitions = static_schema()["definitions"]
    while True:
        if "$ref" in node:
            node = definitions[node["$ref"].rsplit("/", 1)[1]]
        elif "allOf" in node:
            node = node["allOf"][0]
        else:
            return node


def optional_field(path: NodePath) -> str | None:
    """The field that holds the value at `path`, if an editor may leave it out: `body` for
    `events.x.body.en`; None for `events.x.title.en` (a title is required, and so is
    every language of it)."""
    node: dict[str, Any] = static_schema()
    field: tuple[str, bool] | None = None
    for part in path:
        node = _resolve(node)
        if "anyOf" in node:  # a text, or a text per language: the mapping, below
            mappings = [_resolve(b) for b in node["anyOf"] if _resolve(b).get("type") == "object"]
            node = mappings[0] if mappings and not isinstance(part, int) else node
        if isinstance(part, int):
            node = node.get("items", {})
        elif part in node.get("properties", {}):
            field = (part, part not in node.get("required", []))
            node = node["properties"][part]
        elif isinstance(node.get("additionalProperties"), dict):
            node = node["additionalProperties"]  # an id, or a language
        else:
            return None
    return field[0] if field and field[1] else None


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number `{value}`"
    text = str(value)
    return f"`{text if len(text) <= 60 else text[:57] + '...'}`"


class _Translator:
    def __init__(self, loaded: LoadedData, languages: Sequence[str]) -> None:
        self.loaded = loaded
        self.languages = list(languages)

    def problems(self, error: ValidationError) -> Iterator[Problem]:
        path: NodePath = tuple(error.absolute_path)
        kind = error.schema.get("x-kind") if isinstance(error.schema, dict) else None
        validator = error.validator
        instance = error.instance

        if validator == "anyOf" and kind == "plain-or-localized":
            branch = 1 if isinstance(instance, dict) else 0
            sub = [e for e in error.context or [] if e.relative_schema_path[0] == branch]
            if isinstance(instance, (dict, str)) and sub:
                for child in sub:
                    yield from self.problems(child)
                return
            yield self.loaded.problem(
                path,
                f"expected text, or a text per language ({self._langs()}), "
                f"found {_describe(instance)}",
            )
            return

        if validator == "required":
            for name in error.validator_value:
                if isinstance(instance, dict) and name not in instance:
                    if kind == "localized-text":
                        message = (
                            f"the `{name}` text is missing; "
                            f"every configured language ({self._langs()}) needs one"
                        )
                    else:
                        message = f"the required field `{name}` is missing"
                    yield self.loaded.problem(path, message)
            return

        if validator == "additionalProperties" and isinstance(instance, dict):
            allowed = list(error.schema.get("properties", {}))
            for name in instance:
                if name in allowed:
                    continue
                key_path = path + (name,)
                if kind in ("localized-text", "aliases"):
                    message = (
                        f"`{name}` is not a configured language (configured: {self._langs()})"
                        + did_you_mean(name, allowed, cutoff=0.5)
                    )
                else:
                    message = f"unknown field `{name}`" + (
                        did_you_mean(name, allowed) or f"; allowed fields: {', '.join(allowed)}"
                    )
                yield self.loaded.problem(key_path, message, key=True)
            return

        schema_path = list(error.schema_path)
        if len(schema_path) >= 2 and schema_path[-2] == "propertyNames":
            key_path = path + (instance,)
            message = f"`{instance}` {error.schema.get('x-message', 'is not a valid name')}"
            yield self.loaded.problem(key_path, message, key=True)
            return

        if validator == "type":
            expected = error.validator_value
            expected_list = expected if isinstance(expected, list) else [expected]
            wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in expected_list)
            if kind == "localized-text":
                wanted = (
                    f"a text per language ({self._langs()}), like `{{{self.languages[0]}: ...}}`"
                )
            message = f"expected {wanted}, found {_describe(instance)}"
            if "string" in expected_list and isinstance(instance, (bool, int, float)):
                message += "; put the value in quotes to make it text"
            yield self.loaded.problem(path, message)
            return

        if validator == "enum":
            options = [str(o) for o in error.validator_value]
            message = f"{_describe(instance)} is not one of {', '.join(options)}" + did_you_mean(
                instance, options
            )
            yield self.loaded.problem(path, message)
            return

        if validator in ("pattern", "maxLength") and "x-message" in error.schema:
            message = f"{_describe(instance)} {error.schema['x-message']}"
            if kind in ("date", "full-date"):
                message += date_suggestion(instance, self.languages, days_only=kind == "full-date")
            yield self.loaded.problem(path, message)
            return

        if (
            validator == "pattern"
            and error.validator_value == "\\S"
            and path[:1] == ("foreign_words",)
        ):
            yield self.loaded.problem(path, "is empty; write the phrase or remove it")
            return

        if validator == "pattern" and error.validator_value == "\\S":
            field = optional_field(path)
            remove = f" or remove `{field}`" if field else ""
            yield self.loaded.problem(path, f"is empty; write the text{remove}")
            return

        if validator == "maxLength":
            yield self.loaded.problem(
                path,
                f"is {len(instance)} characters long; at most {error.validator_value} are allowed",
            )
            return

        if validator == "minimum":
            yield self.loaded.problem(
                path, f"{_describe(instance)} is less than {error.validator_value}"
            )
            return

        if validator == "minItems":
            yield self.loaded.problem(path, "needs at least one entry")
            return

        if validator == "minProperties":
            yield self.loaded.problem(path, f"needs a text for each language ({self._langs()})")
            return

        yield self.loaded.problem(path, error.message)  # pragma: no cover - a rule without wording

    def _langs(self) -> str:
        return ", ".join(self.languages)


def check_schema(loaded: LoadedData, languages: Sequence[str]) -> list[Problem]:
    """All schema problems of `loaded.data`, located and worded for editors."""
    try:
        _fast_check(tuple(languages))(loaded.data)
        return []  # valid: the usual case, and the only one that must be fast
    except fastjsonschema.JsonSchemaException:
        pass
    validator = _validator(tuple(languages))
    translator = _Translator(loaded, languages)
    problems: list[Problem] = []
    for error in validator.iter_errors(loaded.data):
        problems.extend(translator.problems(error))
    return problems
