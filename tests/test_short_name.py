"""The site's short name in the browser's tab (`extra.explainer.short_name` in mkdocs.yml):
what a site may write, and one clear line naming the setting for what it may not. The
tab titles of the built pages are checked in tests/test_page_language.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from explainer.cli import main
from explainer.site import ConfigError, SiteConfig
from tests.conftest import make_site, minimal_yaml, mkdocs_build

LANGUAGES = ("en", "de")
SHORT = {"en": "Mexico, the U.S. and security", "de": "Mexiko, die USA und die Sicherheit"}

#: each mistake, and the line that names it
MISTAKES = [
    pytest.param(
        {"en": SHORT["en"]},
        "extra.explainer.short_name: no text for `de` (every language needs one)",
        id="missing-language",
    ),
    pytest.param(
        {**SHORT, "de": "  "},
        "extra.explainer.short_name.de: must be a text, not '  '",
        id="empty",
    ),
    pytest.param(
        {**SHORT, "de": "Mexiko und die USA: Spannungen und Zusammenarbeit"},
        "extra.explainer.short_name.de: `Mexiko und die USA: Spannungen und Zusammenarbeit` "
        "is 49 characters long; at most 40 are allowed",
        id="too-long",
    ),
    pytest.param(
        "Mexico and the U.S.",
        "extra.explainer.short_name: must give one text per language ({en: …, de: …})",
        id="not-a-mapping",
    ),
    pytest.param(
        {**SHORT, "fr": "Le Mexique et les États-Unis"},
        "extra.explainer.short_name.fr: `fr` is not a language of this site (en, de)",
        id="unknown-language",
    ),
]


def short_name(tmp_path: Path, value: object) -> SiteConfig:
    settings = {"short_name": value}
    return SiteConfig.from_settings(tmp_path, LANGUAGES, tmp_path / "docs", settings)


def test_a_text_per_language_and_none_without_the_setting(tmp_path: Path) -> None:
    padded = {"en": f" {SHORT['en']} ", "de": SHORT["de"]}
    assert short_name(tmp_path, padded).short_name == SHORT
    assert short_name(tmp_path, None).short_name == {}
    forty = {"en": "x" * 40, "de": "ü" * 40}  # characters, not bytes
    assert short_name(tmp_path, forty).short_name == forty


@pytest.mark.parametrize(("value", "message"), MISTAKES)
def test_a_bad_short_name_is_one_located_line(tmp_path: Path, value: object, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        short_name(tmp_path, value)


@pytest.mark.build
@pytest.mark.parametrize(("value", "message"), MISTAKES)
def test_the_build_stops_on_a_bad_short_name_with_one_line(
    tmp_path: Path, value: object, message: str
) -> None:
    settings = yaml.safe_dump({"short_name": value}, allow_unicode=True)
    extra = "".join(f"    {line}\n" for line in settings.splitlines())
    config = make_site(tmp_path, minimal_yaml(), extra_settings=extra)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"explainer: {message}" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_new_site_has_the_setting_commented_out_with_an_example_that_works(
    tmp_path: Path,
) -> None:
    languages = ("en", "de", "fr", "es")
    root = tmp_path / "new"
    assert main(["new", str(root), "--languages", ",".join(languages)]) == 0
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n    short_name:" not in text  # not set: every tab names the site in full
    # uncommented, as an editor does, the example is a setting the build accepts
    example = re.search(r"^    # short_name:.*\n(    #   .*\n)*", text, re.MULTILINE)
    assert example is not None
    uncommented = re.sub(r"^    # ", "    ", example.group(), flags=re.MULTILINE)
    extra = yaml.safe_load("extra:\n  explainer:\n" + uncommented)["extra"]["explainer"]
    config = SiteConfig.from_settings(root, languages, root / "docs", extra)
    assert set(config.short_name) == set(languages)
    assert all(0 < len(name) <= 40 for name in config.short_name.values())
