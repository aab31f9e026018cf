"""The publisher's footer links (`extra.explainer.footer` in mkdocs.yml): what a site may
write, and one clear line naming the setting for what it may not. The links on the
built pages are checked in tests/test_page_language.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from explainer.site import ConfigError, Explainer, SiteConfig
from tests.conftest import make_site, minimal_yaml, mkdocs_build

LANGUAGES = ("en", "de")
IMPRINT = {"text": {"en": "Legal notice", "de": "Impressum"}, "url": "https://example.org/i"}


def footer(tmp_path: Path, links: object) -> SiteConfig:
    return SiteConfig.from_settings(tmp_path, LANGUAGES, tmp_path / "docs", {"footer": links})


def test_links_to_addresses_and_to_pages_of_the_site(tmp_path: Path) -> None:
    config = footer(
        tmp_path,
        [
            IMPRINT,
            {
                "text": {"de": "Datenschutz", "en": "Privacy"},
                "url": {"en": "https://example.org/privacy", "de": "https://example.org/ds"},
            },
            {"text": {"en": "Write to us", "de": "Schreiben Sie uns"}, "url": "mailto:a@b.org"},
            {"text": {"en": "About", "de": "Über uns"}, "page": "about.md"},
        ],
    )
    imprint, privacy, mail, about = config.footer
    assert imprint.url == {"en": "https://example.org/i", "de": "https://example.org/i"}
    assert privacy.text == {"en": "Privacy", "de": "Datenschutz"}
    assert privacy.url == {"en": "https://example.org/privacy", "de": "https://example.org/ds"}
    assert mail.url == {"en": "mailto:a@b.org", "de": "mailto:a@b.org"}
    assert (about.page, about.url) == ("about.md", None)
    assert footer(tmp_path, None).footer == ()


@pytest.mark.parametrize(
    ("links", "message"),
    [
        ({"text": "Imprint"}, "extra.explainer.footer: must be a list of links"),
        (["Impressum"], r"extra.explainer.footer\[0\]: must be a link with `text`"),
        (
            [{**IMPRINT, "text": {"en": "Legal notice"}}],
            r"extra.explainer.footer\[0\].text: no text for `de` \(every language needs one\)",
        ),
        (
            [{**IMPRINT, "text": "Impressum"}],
            r"footer\[0\].text: must give one text per language \(\{en: …, de: …\}\)",
        ),
        (
            [{**IMPRINT, "text": {"en": "Legal notice", "de": " "}}],
            r"extra.explainer.footer\[0\].text.de: must be a text, not ' '",
        ),
        (
            [{**IMPRINT, "text": {"en": "Legal notice", "de": "Impressum", "fr": "Mentions"}}],
            r"extra.explainer.footer\[0\].text.fr: `fr` is not a language of this site \(en, de\)",
        ),
        (
            [IMPRINT, {"text": IMPRINT["text"]}],
            r"extra.explainer.footer\[1\]: give either `url` \(an address\) or `page`",
        ),
        (
            [{**IMPRINT, "page": "imprint.md"}],
            r"extra.explainer.footer\[0\]: give either `url` .* or `page` .*, not both",
        ),
        ([{"url": "https://example.org/"}], r"extra.explainer.footer\[0\]: no `text`"),
        (
            [{**IMPRINT, "link": "x"}],
            r"extra.explainer.footer\[0\].link: unknown key; a link has text, url, page",
        ),
        ([{**IMPRINT, "pgae": "x.md"}], r"footer\[0\].pgae: unknown key; did you mean `page`\?"),
        (
            [{**IMPRINT, "url": "www.example.org/impressum"}],
            r"footer\[0\].url: `www.example.org/impressum` is not an address a link can go to: "
            r"use https://, http:// or mailto: \(a page of this site is linked with `page: ",
        ),
        (
            [{**IMPRINT, "url": "javascript:alert(1)"}],
            r"footer\[0\].url: `javascript:alert\(1\)` is not an address a link can go to",
        ),
        ([{**IMPRINT, "url": "https:///impressum"}], r"footer\[0\].url: .* names no host"),
        ([{**IMPRINT, "url": "mailto:"}], r"footer\[0\].url: `mailto:` names no e-mail address"),
        ([{**IMPRINT, "url": "https://example.org/a b"}], r"footer\[0\].url: .* has a space"),
        (
            [{**IMPRINT, "url": {"en": "https://example.org/", "de": "ftp://example.org/"}}],
            r"footer\[0\].url.de: `ftp://example.org/` is not an address",
        ),
        (
            [{**IMPRINT, "url": {"en": "https://example.org/"}}],
            r"footer\[0\].url: no address for `de`",
        ),
        (
            [{"text": IMPRINT["text"], "page": "about"}],
            r"footer\[0\].page: must be a page under docs/<language>/",
        ),
        ([{"text": IMPRINT["text"], "page": "../x.md"}], r"footer\[0\].page: `../x.md` must be"),
    ],
)
def test_a_misconfigured_link_is_one_clear_line(
    tmp_path: Path, links: object, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        footer(tmp_path, links)


def test_a_linked_page_must_exist_in_every_language(tmp_path: Path) -> None:
    make_site(tmp_path, minimal_yaml())
    (tmp_path / "docs" / "en" / "imprint.md").write_text("# Legal notice\n", encoding="utf-8")
    links = [{"text": IMPRINT["text"], "page": "imprint.md"}]
    config = SiteConfig.from_settings(tmp_path, LANGUAGES, tmp_path / "docs", {"footer": links})
    with pytest.raises(ConfigError, match=r"footer\[0\].page: there is no .*docs/de/imprint.md"):
        Explainer.load(config, history=False)
    # a generated page is in every language
    links = [{"text": {"en": "Timeline", "de": "Chronik"}, "page": "timeline.md"}]
    config = SiteConfig.from_settings(tmp_path, LANGUAGES, tmp_path / "docs", {"footer": links})
    assert Explainer.load(config, history=False).config.footer[0].page == "timeline.md"


@pytest.mark.build
def test_the_build_stops_on_a_bad_link_with_one_line(tmp_path: Path) -> None:
    settings = yaml.safe_dump({"footer": [{**IMPRINT, "url": "example.org"}]}, allow_unicode=True)
    extra = "".join(f"    {line}\n" for line in settings.splitlines())
    config = make_site(tmp_path, minimal_yaml(), extra_settings=extra)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        "explainer: extra.explainer.footer[0].url: `example.org` is not an address a link "
        "can go to" in result.stderr
    )
