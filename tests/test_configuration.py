"""mkdocs.yml is read once, by MkDocs' own loader: the command line, the job summary and
the build agree on the languages, the data file and the options, in every form MkDocs
accepts (plugins as a list or as a mapping, INHERIT, !ENV)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from explainer import cli
from explainer.site import ConfigError
from mkdocs_explainer.configuration import read_site_config
from tests.conftest import REPO, in_theme, make_site, minimal_yaml, mkdocs_build


def as_mapping(config: Path) -> Path:
    """The same site with `plugins:` written as a mapping of names, as MkDocs allows."""
    text = config.read_text(encoding="utf-8")
    assert "  - i18n:\n" in text
    config.write_text(text.replace("  - i18n:\n", "  search: {}\n  i18n:\n"), encoding="utf-8")
    return config


def inheriting(config: Path) -> Path:
    """The same site with its plugins and settings in a parent file (`INHERIT`)."""
    base = config.with_name("base.yml")
    config.rename(base)
    config.write_text("INHERIT: base.yml\nsite_name: Inherited\n", encoding="utf-8")
    return config


def from_environment(config: Path) -> Path:
    """The data file named through MkDocs' `!ENV` tag."""
    text = config.read_text(encoding="utf-8")
    data = "    data: data/events.yaml\n"
    assert data in text
    config.write_text(
        text.replace(data, "    data: !ENV [EXPLAINER_TEST_DATA, data/missing.yaml]\n"),
        encoding="utf-8",
    )
    return config


FORMS = {
    "plugins as a list": lambda config: config,
    "plugins as a mapping": as_mapping,
    "INHERIT": inheriting,
    "!ENV": from_environment,
}


@pytest.fixture(params=list(FORMS))
def site(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("EXPLAINER_TEST_DATA", "data/events.yaml")
    return FORMS[request.param](make_site(tmp_path, minimal_yaml()))


def test_every_form_gives_the_same_languages_data_and_options(site: Path) -> None:
    config = read_site_config(site)
    assert config.languages == ("en", "de")
    assert config.data_path == site.parent / "data" / "events.yaml"
    assert config.docs_dir == site.parent / "docs"


def test_validate_reads_every_form_as_the_build_does(site: Path, capsys) -> None:
    code = cli.main(["-f", str(site), "validate"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "in 2 languages (en, de)" in out
    assert "not a configured language" not in err


def test_the_job_summary_reads_every_form(site: Path) -> None:
    path = REPO / ".github" / "scripts" / "build_summary.py"
    spec = importlib.util.spec_from_file_location("build_summary", path)
    summary = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(summary)
    assert summary.languages(site) == [("en", "EN", True), ("de", "DE", False)]
    assert summary.data_file(site) == site.parent / "data" / "events.yaml"


def test_a_configuration_the_build_refuses_is_refused_with_mkdocs_words(
    tmp_path: Path, capsys
) -> None:
    config = make_site(tmp_path, minimal_yaml())
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  - i18n:\n", "  - no-such-plugin\n  - i18n:\n"), encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"Config value 'plugins'.*no-such-plugin"):
        read_site_config(config)
    assert cli.main(["-f", str(config), "validate"]) == 2
    assert "no-such-plugin" in capsys.readouterr().err


def explainer_settings(tmp_path: Path, settings: str) -> Path:
    """A site whose `extra.explainer` is `settings` (YAML, indented under it)."""
    config = make_site(tmp_path, minimal_yaml())
    text = config.read_text(encoding="utf-8")
    head = text[: text.index("extra:\n")]
    config.write_text(f"{head}extra:\n  explainer:\n{settings}", encoding="utf-8")
    return config


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            "    dta: data/events.yaml\n",
            "Config value 'extra.explainer.dta': Unrecognised configuration name: dta; "
            "did you mean `data`?",
        ),
        (
            "    data: 3\n",
            "Config value 'extra.explainer.data': Expected type: <class 'str'> but received: "
            "<class 'int'>",
        ),
        (
            "    strings: [data/strings, 2]\n",
            "Config value 'extra.explainer.strings': Expected type: <class 'str'> but "
            "received: <class 'int'>",
        ),
        (
            "    footer: {text: x}\n",
            "Config value 'extra.explainer.footer': Expected a list of items, but a "
            "<class 'dict'> was given.",
        ),
    ],
)
def test_the_explainer_settings_are_typed_and_errors_name_the_key(
    tmp_path: Path, settings: str, message: str, capsys
) -> None:
    config = explainer_settings(tmp_path, settings)
    with pytest.raises(ConfigError) as raised:
        read_site_config(config)
    assert str(raised.value) == message
    assert cli.main(["-f", str(config), "validate"]) == 2
    assert message in capsys.readouterr().err


def test_the_explainer_settings_take_their_defaults_and_one_path_for_a_list(
    tmp_path: Path,
) -> None:
    defaults = read_site_config(explainer_settings(tmp_path, "    {}\n"))
    assert defaults.data_path == tmp_path / "data" / "events.yaml"
    assert defaults.strings_dirs == () and defaults.footer == ()
    one = read_site_config(explainer_settings(tmp_path, "    strings: data/strings\n"))
    assert one.strings_dirs == (tmp_path / "data" / "strings",)


@pytest.mark.build
def test_the_build_and_validate_agree_on_every_form(site: Path, capsys) -> None:
    """The bug: with `plugins:` as a mapping the site built in English and German, yet
    `explainer validate` read English only and reported every German text as a problem."""
    result = mkdocs_build(site, site.parent / "site")
    assert result.returncode == 0, result.stderr
    out = site.parent / "site"
    assert (out / "timeline" / "index.html").is_file()  # the default language, at the root
    built = ["en"] + sorted(
        page.parts[-3] for page in out.glob("*/timeline/index.html") if in_theme(out, page)
    )
    assert cli.main(["-f", str(site), "validate"]) == 0
    assert f"({', '.join(built)})" in capsys.readouterr().out
    assert built == ["en", "de"]
