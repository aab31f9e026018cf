"""Each site's own schema (`explainer schema`): exactly the site's languages in every
localized text, written beside the data file, named by its modeline, checked for
staleness against mkdocs.yml, and worded for editors' tools."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from explainer.cli import main
from explainer.loader import load_text
from explainer.schema import site_schema, site_schema_text, static_schema
from tests.conftest import REPO, make_site, minimal_yaml

MODELINE = "# yaml-language-server: $schema=events.schema.json\n"


def read(path: Path) -> object:
    """As the build reads it (YAML 1.2: dates stay text)."""
    return load_text(path.read_text(encoding="utf-8"), path.name).data


def errors(schema: dict, data: object) -> list[str]:
    return sorted(
        f"{'.'.join(map(str, error.absolute_path))}: {error.message}"
        for error in Draft7Validator(schema).iter_errors(data)
    )


@pytest.mark.story
def test_this_sites_written_schema_rejects_a_missing_translation() -> None:
    """What an editor's YAML language server reads: data/events.schema.json, as written."""
    schema = json.loads((REPO / "data" / "events.schema.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    data = read(REPO / "data" / "events.yaml")
    assert errors(schema, data) == []
    event_id, event = next(iter(data["events"].items()))
    broken = copy.deepcopy(data)
    del broken["events"][event_id]["title"]["de"]
    assert errors(schema, broken) == [f"events.{event_id}.title: 'de' is a required property"]
    broken = copy.deepcopy(data)
    broken["events"][event_id]["summary"]["fr"] = event["summary"]["en"]
    [message] = errors(schema, broken)
    assert message.startswith(f"events.{event_id}.summary: Additional properties")
    # the general schema, which knows no site's languages, accepts both
    assert errors(static_schema(), broken) == []


def test_a_sites_schema_requires_exactly_its_languages() -> None:
    data = load_text(minimal_yaml(), "minimal.yaml").data
    assert errors(site_schema(["en", "de"]), data) == []
    missing = errors(site_schema(["en", "de", "fr"]), data)
    assert "events.first-call.title: 'fr' is a required property" in missing
    assert "actors.ada.role: 'fr' is a required property" in missing
    aliases = "glossary.budget.aliases: Additional properties are not allowed ('de' was "
    assert aliases + "unexpected)" in errors(site_schema(["en"]), data)


def test_the_schema_speaks_to_editors_in_their_tools() -> None:
    """yaml-language-server shows `patternErrorMessage` and `errorMessage` instead of its
    own wording, `markdownDescription` on hover."""
    schema = site_schema(["fr", "es"])
    definitions = schema["definitions"]
    assert definitions["id"]["patternErrorMessage"].startswith(
        "Not a valid id: use lowercase ASCII letters and digits"
    )
    assert definitions["date"]["patternErrorMessage"] == (
        "Not a date: write YYYY-MM-DD, or YYYY-MM when only the month is known."
    )
    assert definitions["text"]["patternErrorMessage"] == "Empty: write the text."
    localized = definitions["localizedText"]
    assert localized["required"] == ["fr", "es"]
    assert localized["errorMessage"] == (
        "Write one text for each language of the site (fr, es) and for no other, "
        "one per line: `fr: ...`"
    )
    assert "```yaml\ntitle:\n  fr: ...\n  es: ...\n```" in localized["markdownDescription"]
    assert "fr, es" in schema["$comment"] and "explainer schema" in schema["$comment"]
    assert schema["properties"]["version"]["maximum"] == 1


def test_explainer_schema_writes_it_and_check_fails_when_mkdocs_yml_changed(
    tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    config = make_site(tmp_path, MODELINE + minimal_yaml())
    monkeypatch.chdir(tmp_path)
    assert main(["schema", "--check"]) == 1
    assert capsys.readouterr().err == (
        "data/events.schema.json does not exist: run `explainer schema` and commit the file\n"
    )
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == (
        "wrote data/events.schema.json: the schema of data/events.yaml for en, de\n"
    )
    written = tmp_path / "data" / "events.schema.json"
    assert written.read_text(encoding="utf-8") == site_schema_text(["en", "de"])
    assert main(["schema", "--check"]) == 0
    # a third language in mkdocs.yml: the written schema is stale
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "hooks:\n", "        - locale: fr\n          name: FR\n          build: true\nhooks:\n"
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["schema", "--check"]) == 1
    assert capsys.readouterr().err == (
        "data/events.schema.json is not the schema for this site's languages (en, de, fr) "
        "and generator: run `explainer schema` and commit the file\n"
    )


def test_check_wants_the_modeline_on_the_first_line(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_site(tmp_path, "# yaml-language-server: $schema=../elsewhere.json\n" + minimal_yaml())
    monkeypatch.chdir(tmp_path)
    assert main(["schema"]) == 1  # written, and the modeline named
    assert capsys.readouterr().err == (
        "data/events.yaml:1: the first line should be "
        "`# yaml-language-server: $schema=events.schema.json`, the only such line, so that "
        "editors' tools check the file against the site's schema\n"
    )
    (tmp_path / "data" / "events.yaml").write_text(MODELINE + minimal_yaml(), encoding="utf-8")
    assert main(["schema", "--check"]) == 0
