"""`explainer new`: what it writes, what it refuses, and the new repository's workflows.

The builds of a new site, with the generator installed from its wheel, are in
tests/test_packaging.py."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from explainer import starter
from explainer.cli import main
from explainer.loader import load_text
from explainer.site import ConfigError, SiteConfig
from explainer.strings import BUILTIN_DIR
from explainer.validate import find_problems
from tests.conftest import REPO
from tests.locks import locked, unhashed_lines
from tests.test_workflows import steps_of, tool, triggers, write_scopes

GENERATOR = "git+https://github.com/example/explainer@v0.1.0"
LENGTHS = {"title": 120, "summary": 400}


def new(tmp_path: Path, languages: str, *extra: str) -> Path:
    site = tmp_path / "site"
    assert main(["new", str(site), "--languages", languages, "--generator", GENERATOR, *extra]) == 0
    return site


def texts(language: str) -> dict[str, str]:
    return yaml.safe_load((starter.TEXTS / f"{language}.yaml").read_text(encoding="utf-8"))


def localized_texts(value: object, path: str = "") -> list[tuple[str, str, str]]:
    """(path, language, text) of every localized text in the data."""
    found = []
    if isinstance(value, dict):
        for key, child in value.items():
            if (
                isinstance(child, dict)
                and child
                and all(isinstance(v, str) for v in child.values())
            ):
                found += [(f"{path}{key}", lang, text) for lang, text in child.items()]
            else:
                found += localized_texts(child, f"{path}{key}.")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += localized_texts(child, f"{path}{index}.")
    return found


def test_the_built_in_languages_have_ui_strings_and_example_texts() -> None:
    assert starter.built_in_languages() == ["de", "en", "es", "fr"]
    keys = set(texts("en"))
    for language in starter.built_in_languages():
        table = texts(language)
        assert set(table) == keys, language
        assert (BUILTIN_DIR / f"{language}.yaml").is_file()
        marker = table["marker"]
        for key, text in table.items():
            if key.startswith(("palette.", "footer.", "marker")):  # real words, not examples
                continue
            if key.startswith("page."):
                assert text.count(marker) >= 1 and text.startswith("# "), (language, key)
            else:
                assert text.startswith(marker + " "), (language, key)
            kind = key.rsplit(".", 1)[-1]
            assert len(text) <= LENGTHS.get(kind, 10_000), (language, key)


@pytest.mark.parametrize("languages", [("en", "de"), ("fr", "es", "en"), ("de",)])
def test_the_example_data_is_valid_and_every_text_is_a_placeholder(
    tmp_path: Path, languages: tuple[str, ...]
) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(starter.data_yaml(languages), encoding="utf-8")
    # on a day before its scheduled meeting: the example has nothing to warn of then
    loaded, problems = find_problems(path, languages, today=datetime.date(2026, 1, 1))
    assert problems == []
    data = loaded.data
    assert data["version"] == 1
    assert {a["kind"] for a in data["actors"].values()} == {"person", "institution", "group"}
    assert {e["type"] for e in data["events"].values()} == {"call", "statement", "meeting"}
    assert len(data["glossary"]) == 1
    assert [len(e.get("figures", [])) for e in data["events"].values()] == [0, 1, 0]
    found = localized_texts(data)
    assert {(p, lang) for p, lang, _ in found} == {
        (p, lang) for p, _, _ in found for lang in languages
    }
    for where, language, text in found:
        assert text.startswith(texts(language)["marker"] + " "), (where, language)
    # what the YAML says is what the texts say: wrapping keeps every word and paragraph
    body = data["events"]["example-call"]["body"]
    assert body == {lang: texts(lang)["call.body"] for lang in languages}


def test_new_writes_a_complete_repository(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    site = new(tmp_path, "en,de", "--title", "Budget talks 2026")
    out = capsys.readouterr().out
    assert out.startswith(f"wrote 24 files into {site}: an explainer in en, de\n")
    assert "note:" not in out  # the generator comes from a git address CI can reach
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert files == [
        ".ci/run",
        ".github/actions/check/action.yml",
        ".github/dependabot.yml",
        ".github/pull_request_template.md",
        ".github/workflows/deploy.yml",
        ".github/workflows/pr.yml",
        ".gitignore",
        ".vscode/settings.json",
        "CONTRIBUTING.md",
        "Makefile",
        "README.md",
        "data/events.schema.json",
        "data/events.yaml",
        "docs/de/about.md",
        "docs/de/index.md",
        "docs/en/about.md",
        "docs/en/index.md",
        "hooks/explainer_mkdocs.py",
        "mkdocs.yml",
        "overrides/README.md",
        "pytest.ini",
        "requirements.in",
        "requirements.txt",
        "tests/test_site.py",
    ]
    assert (site / ".ci" / "run").stat().st_mode & 0o111
    requirements = (site / "requirements.in").read_text(encoding="utf-8").splitlines()
    assert [line for line in requirements if not line.startswith("#")] == [
        f"explainer[site] @ {GENERATOR}"
    ]
    # every other package, pinned with its hashes: the generator's pins for MkDocs
    assert locked(site / "requirements.txt") == locked(starter.PINS / "mkdocs.txt")
    assert "properdocs" not in locked(site / "requirements.txt")
    makefile = (site / "Makefile").read_text(encoding="utf-8")
    assert "\nENGINE ?= mkdocs\n" in makefile
    hooks = (site / "hooks" / "explainer_mkdocs.py").read_text(encoding="utf-8")
    assert "from mkdocs_explainer.hooks import *" in hooks and "sys.path" not in hooks
    config = yaml.load((site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)
    assert config["site_name"] == "Budget talks 2026"
    [i18n] = [p["i18n"] for p in config["plugins"] if isinstance(p, dict)]
    assert [(lang["locale"], lang["name"]) for lang in i18n["languages"]] == [
        ("en", "English"),
        ("de", "Deutsch"),
    ]
    assert config["hooks"] == ["hooks/explainer_mkdocs.py"]
    assert config["extra"] == {"explainer": {"data": "data/events.yaml"}}
    for language in ("en", "de"):
        index = (site / "docs" / language / "index.md").read_text(encoding="utf-8")
        assert index.startswith("# Budget talks 2026\n")
        for block in ("timeline-chart", "key-figures", "upcoming", "latest"):
            assert f"<!-- explainer:{block} -->" in index
    settings = json.loads((site / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"data/events.schema.json": ["data/events.yaml"]}
    readme = (site / "README.md").read_text(encoding="utf-8")
    assert "# Budget talks 2026\n" in readme and "in English and German" in readme
    assert 'grep -rnF -e "[Placeholder]" -e "[Platzhalter]" mkdocs.yml' in readme
    assert f"```text\nexplainer[site] @ {GENERATOR}\n```" in readme
    assert "%%" not in readme + (site / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert '  en: "…"\n  de: "…"' in (site / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_without_a_title_each_language_has_its_placeholder(tmp_path: Path) -> None:
    site = new(tmp_path, "de,fr")
    assert (
        (site / "docs" / "de" / "index.md")
        .read_text(encoding="utf-8")
        .startswith("# [Platzhalter] Titel des Erklärstücks\n")
    )
    assert (
        (site / "docs" / "fr" / "index.md")
        .read_text(encoding="utf-8")
        .startswith("# [À remplacer] Titre du dossier\n")
    )
    config = yaml.load((site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)
    assert config["site_name"] == "[Platzhalter] Titel des Erklärstücks"
    assert config["theme"]["language"] == "de"
    [i18n] = [p["i18n"] for p in config["plugins"] if isinstance(p, dict)]
    french = i18n["languages"][1]
    assert (french["name"], french["site_name"]) == ("Français", "[À remplacer] Titre du dossier")


def test_a_language_without_ui_strings_gets_one_line_naming_the_file(
    tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "site"
    assert main(["new", str(target), "--languages", "en,it"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"explainer new: no UI strings for `it` (built in: de, en, es, fr): translate "
        f"{BUILTIN_DIR / 'en.yaml'} into it.yaml, then add `it` to the new site as its "
        'README says ("Languages")\n'
    )
    assert not target.exists()


@pytest.mark.parametrize(
    ("languages", "message"),
    [
        ("", "name at least one language, e.g. --languages en,de"),
        ("en,EN", "`EN` is not a language code such as `en` or `de`"),
        ("en,de,en", "`en` is named twice in --languages"),
    ],
)
def test_bad_languages_are_refused(tmp_path: Path, capsys, languages: str, message: str) -> None:  # type: ignore[no-untyped-def]
    assert main(["new", str(tmp_path / "x"), "--languages", languages]) == 2
    assert capsys.readouterr().err == f"explainer new: {message}\n"


def test_new_never_overwrites(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    assert main(["new", str(tmp_path), "--languages", "en", "--generator", GENERATOR]) == 2
    assert capsys.readouterr().err == (
        f"explainer new: {tmp_path} is not an empty folder; explainer new writes only into "
        "an empty or a new one, and never overwrites a file\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "mine\n"
    # an empty folder is fine
    (tmp_path / "empty").mkdir()
    assert (
        main(["new", str(tmp_path / "empty"), "--languages", "en", "--generator", GENERATOR]) == 0
    )


#: a commented-out line of the footer's and the short name's examples: `# footer:`,
#: `# - text: ...`, `#   url: ...`, `# short_name:`, `#   en: ...`
EXAMPLE_LINE = re.compile(r"^(\s*)# ((?:footer|short_name|\s*- text|\s*url|\s+[a-z]{2}):.*)$")


def uncommented(text: str) -> str:
    """mkdocs.yml as an editor leaves it who deletes "# " from the footer's example (and
    from the short name's, which follows it)."""
    return "\n".join(EXAMPLE_LINE.sub(r"\1\2", line) for line in text.splitlines()) + "\n"


def test_the_publishers_links_are_written_in_every_language(tmp_path: Path) -> None:
    site = new(
        tmp_path,
        "de,en",
        "--imprint=https://example.org/impressum",
        "--contact=mailto:redaktion@example.org",
    )
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=_Tolerant)
    assert config["extra"]["explainer"]["footer"] == [
        {"text": {"de": "Impressum", "en": "Legal notice"}, "url": "https://example.org/impressum"},
        {"text": {"de": "Kontakt", "en": "Contact"}, "url": "mailto:redaktion@example.org"},
    ]
    # the privacy policy, not given, is there to fill in, marked as every example is
    assert (
        "      # [Platzhalter] uncomment, with the privacy address:\n"
        '      # - text: {de: "Datenschutz", en: "Privacy policy"}\n'
        '      #   url: "https://…"\n'
    ) in text
    filled = yaml.load(uncommented(text), Loader=_Tolerant)
    links = filled["extra"]["explainer"]["footer"]
    assert [link["text"]["de"] for link in links] == ["Impressum", "Datenschutz", "Kontakt"]
    # uncommented but not filled in, it stops the build with a clear line
    with pytest.raises(ConfigError, match=r"footer\[1\].url: `https://…` names no host"):
        SiteConfig.from_settings(site, ("de", "en"), site / "docs", filled["extra"]["explainer"])


def test_without_links_the_footer_is_left_marked_to_fill_in(tmp_path: Path) -> None:
    site = new(tmp_path, "fr,es,en")
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "footer" not in yaml.load(text, Loader=_Tolerant)["extra"]["explainer"]
    assert "    # [À remplacer] The publisher's links at the foot of every page" in text
    filled = yaml.load(uncommented(text), Loader=_Tolerant)
    links = filled["extra"]["explainer"]["footer"]
    assert [link["text"] for link in links] == [
        {"fr": "Mentions légales", "es": "Aviso legal", "en": "Legal notice"},
        {
            "fr": "Politique de confidentialité",
            "es": "Política de privacidad",
            "en": "Privacy policy",
        },
        {"fr": "Contact", "es": "Contacto", "en": "Contact"},
    ]
    assert [link["url"] for link in links] == ["https://…", "https://…", "mailto:…"]


def test_a_bad_footer_address_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "site"
    assert main(["new", str(target), "--languages", "en,de", "--privacy", "example.org/p"]) == 2
    assert capsys.readouterr().err == (
        "explainer new: --privacy: `example.org/p` is not an address a link can go to: "
        "use https://, http:// or mailto:\n"
    )
    assert not target.exists()


class _FakeDistribution:
    def __init__(self, direct_url: dict | None) -> None:
        self.direct_url = direct_url
        self.version = "0.1.0"

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return None if self.direct_url is None else json.dumps(self.direct_url)


@pytest.mark.parametrize(
    ("direct_url", "line", "local"),
    [
        (None, "explainer[site]==0.1.0", False),  # from a package index
        (
            {
                "url": "https://github.com/example/explainer",
                "vcs_info": {"vcs": "git", "commit_id": "a" * 40, "requested_revision": "v0.1.0"},
            },
            f"explainer[site] @ git+https://github.com/example/explainer@{'a' * 40}",
            False,
        ),
        (
            {"url": "file:///tmp/dist/explainer-0.1.0-py3-none-any.whl", "archive_info": {}},
            "explainer[site] @ file:///tmp/dist/explainer-0.1.0-py3-none-any.whl",
            True,
        ),
        (
            {"url": "file:///src/explainer", "dir_info": {"editable": True}},
            "explainer[site] @ file:///src/explainer",
            True,
        ),
    ],
)
def test_the_new_site_installs_the_generator_from_where_this_one_came(
    monkeypatch: pytest.MonkeyPatch, direct_url: dict | None, line: str, local: bool
) -> None:
    monkeypatch.setattr(starter, "distribution", lambda name: _FakeDistribution(direct_url))
    found, note = starter.requirement()
    assert found == line
    assert (note is not None) == local
    if note:
        assert "the site's CI cannot reach" in note


def test_the_generator_can_be_named(monkeypatch: pytest.MonkeyPatch) -> None:
    assert starter.requirement(GENERATOR) == (f"explainer[site] @ {GENERATOR}", None)
    whole = "explainer[site] @ git+https://example.org/e.git@abc"
    assert starter.requirement(whole) == (whole, None)


def test_a_new_site_holds_no_copy_of_a_theme_template() -> None:
    """The generator's templates reach every site from the installed package, so that an
    upgrade brings their fixes; this repository keeps none either."""
    for folder in (starter.FILES / "overrides", REPO / "overrides"):
        assert [p.name for p in folder.rglob("*") if p.is_file()] == ["README.md"], folder


# --- the new repository's workflows: as strict as this repository's ----------------------


@pytest.fixture(scope="module", params=starter.ENGINES)
def github(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("new") / "site"
    starter.write_site(site, ("en", "de"), None, GENERATOR, engine=request.param)
    return site / ".github"


@pytest.mark.pinned
def test_zizmor_finds_nothing_in_the_new_workflows(github: Path) -> None:
    result = subprocess.run(
        [str(tool("zizmor")), "--offline", "--no-progress", "--format", "json", str(github)],
        cwd=github.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    findings = json.loads(result.stdout or "null")
    assert findings == [], json.dumps(findings, indent=1)[:4000]
    assert result.returncode == 0, result.stderr


@pytest.mark.pinned
def test_actionlint_is_silent_on_the_new_workflows(github: Path) -> None:
    """With shellcheck where it is installed (CI installs it), as for this repository's."""
    result = subprocess.run(
        [
            str(tool("actionlint")),
            f"-shellcheck={shutil.which('shellcheck') or ''}",
            ".github/workflows/pr.yml",
            ".github/workflows/deploy.yml",
        ],
        cwd=github.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def step_named(steps: list[dict], name: str) -> dict:
    [step] = [step for step in steps if step.get("name", "").startswith(name)]
    return step


def test_the_new_workflows_have_our_least_privilege_and_pins(github: Path) -> None:
    pr = yaml.safe_load((github / "workflows" / "pr.yml").read_text(encoding="utf-8"))
    deploy = yaml.safe_load((github / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    assert set(triggers(pr)) == {"pull_request"}
    assert pr["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in pr["jobs"].values())
    assert set(triggers(deploy)) == {"push", "workflow_dispatch"}
    assert deploy["permissions"] == {}
    assert deploy["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert write_scopes(deploy["jobs"]["build"]["permissions"]) == set()
    assert deploy["jobs"]["deploy"]["needs"] == "build"
    ours = {}
    for path in (REPO / ".github").rglob("*.yml"):
        ours.update(
            re.findall(r"uses: ([\w./-]+)@([0-9a-f]{40})", path.read_text(encoding="utf-8"))
        )
    steps = [
        step
        for path in [*(github / "workflows").glob("*.yml"), github / "actions/check/action.yml"]
        for step in steps_of(path)
    ]
    for step in steps:
        uses = step.get("uses", "")
        if uses.startswith("actions/"):
            action, sha = uses.split("@")
            assert ours.get(action) == sha, f"{action}: not the commit this repository pins"
        if uses.startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
            assert step["with"]["fetch-depth"] == 0  # the history: the events' dates
    names = [step.get("name") for step in steps_of(github / "workflows" / "pr.yml")]
    assert (
        names.index("Translation drift (warnings on the changed lines)")
        < names.index("Upload the site as a preview")
        < names.index("Test")
    )
    action = (github / "actions" / "check" / "action.yml").read_text(encoding="utf-8")
    assert "explainer validate --github" in action
    # the engine the site's Makefile builds and serves with
    [engine] = re.findall(r"^ENGINE \?= (\S+)$", (github.parent / "Makefile").read_text(), re.M)
    assert f".venv/bin/{engine} build --strict --config-file mkdocs.yml" in action
    # the virtual environment, keyed on the pins, saved by the deploy alone (as ours)
    # and the share cards, restored from and saved by main's deployments alone
    restore = [
        s for s in steps_of(github / "actions/check/action.yml") if "cache" in s.get("uses", "")
    ]
    assert [s["uses"].split("@")[0] for s in restore] == ["actions/cache/restore"] * 2
    assert [s["with"]["path"] for s in restore] == [".venv", ".cache/explainer-cards"]
    assert "hashFiles('requirements.txt', 'requirements.in')" in restore[0]["with"]["key"]
    saves = [s for s in steps if s.get("uses", "").startswith("actions/cache/save@")]
    build = deploy["jobs"]["build"]["steps"]
    kept = [step_named(build, "Keep the virtual environment"), step_named(build, "Save the share")]
    assert saves == kept


# --- the engine ----------------------------------------------------------------------------


def test_a_site_built_with_properdocs_installs_and_uses_it_everywhere(tmp_path: Path) -> None:
    site = new(tmp_path, "en,de", "--engine", "properdocs")
    requirements = (site / "requirements.in").read_text(encoding="utf-8").splitlines()
    assert [line for line in requirements if not line.startswith("#")] == [
        f"explainer[site,properdocs] @ {GENERATOR}"
    ]
    pins = locked(site / "requirements.txt")
    assert unhashed_lines(site / "requirements.txt") == []
    assert pins == locked(starter.PINS / "properdocs.txt") and pins["properdocs"][1]
    assert "\nENGINE ?= properdocs\n" in (site / "Makefile").read_text(encoding="utf-8")
    [build] = [
        step
        for step in steps_of(site / ".github" / "actions" / "check" / "action.yml")
        if step.get("name") == "Build the site (strict)"
    ]
    assert build["run"] == ".venv/bin/properdocs build --strict --config-file mkdocs.yml"
    test = (site / "tests" / "test_site.py").read_text(encoding="utf-8")
    assert '"properdocs", "build", "--strict"' in test and '"mkdocs"' not in test
    readme = (site / "README.md").read_text(encoding="utf-8")
    assert "The site is built and served by properdocs" in readme


@pytest.mark.parametrize(
    ("spec", "line"),
    [
        (GENERATOR, f"explainer[site,properdocs] @ {GENERATOR}"),
        (f"explainer[site] @ {GENERATOR}", f"explainer[site,properdocs] @ {GENERATOR}"),
        (f"explainer[properdocs,site] @ {GENERATOR}", f"explainer[properdocs,site] @ {GENERATOR}"),
        ("explainer==0.1.0", "explainer[properdocs]==0.1.0"),
    ],
)
def test_the_engine_is_added_to_the_generators_extras(spec: str, line: str) -> None:
    assert starter.requirement(spec, "properdocs") == (line, None)
    assert starter.requirement(spec, "mkdocs")[0] == (
        spec if spec.startswith("explainer") else f"explainer[site] @ {spec}"
    )


def test_the_note_about_a_local_generator_names_an_address_with_the_engine() -> None:
    line, note = starter.requirement("file:///src/explainer", "properdocs")
    assert line == "explainer[site,properdocs] @ file:///src/explainer"
    assert note is not None
    assert "such as `explainer[site,properdocs] @ git+https://github.com/OWNER/" in note


def test_an_unknown_engine_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        main(["new", str(tmp_path / "site"), "--languages", "en", "--engine", "zensical"])
    assert "invalid choice: 'zensical'" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()
    with pytest.raises(starter.NewSiteError, match="no engine `hugo`: mkdocs, properdocs"):
        starter.write_site(tmp_path / "other", ("en",), None, GENERATOR, None, "hugo")
    assert not (tmp_path / "other").exists()


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml's `!ENV` and `!!python/name:` tags."""


_Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)
_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def test_the_new_data_is_read_as_the_build_reads_it(tmp_path: Path) -> None:
    site = new(tmp_path, "es")
    data = load_text((site / "data" / "events.yaml").read_text(encoding="utf-8"), "x").data
    assert data["events"]["example-meeting"]["date"] == "2026-02"
