"""The coupling with mkdocs-static-i18n: which languages there are, which pass is being
built, and the per-language file attributes the plugin reads for the language switcher,
hreflang links and the sitemap.

The i18n plugin builds the default language first, then re-runs the build for each other
language (`building` is true during those passes). Generated pages are added after it has
sorted the hand-written files (priority -101 < -100) and registered in its per-language
file list, with `alternates` set, so that they get a switcher, hreflang and sitemap
entries like any hand-written page.
"""

from __future__ import annotations

import html
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page


def plugin(config: MkDocsConfig) -> Any:
    """The i18n plugin of this build, or None for a one-language site without it."""
    return config.plugins.get("i18n")


def check(config: MkDocsConfig) -> None:
    i18n = plugin(config)
    if i18n is not None and i18n.config.docs_structure != "folder":
        raise PluginError("explainer: set `docs_structure: folder` for the i18n plugin")


def languages(config: MkDocsConfig) -> list[str]:
    """Every language built, the default first."""
    i18n = plugin(config)
    if i18n is None:
        return [config.theme.get("language") or "en"]
    default = i18n.default_language
    return [default] + [lang for lang in i18n.build_languages if lang != default]


def current_language(config: MkDocsConfig) -> str:
    i18n = plugin(config)
    return i18n.current_language if i18n is not None else languages(config)[0]


def first_pass(config: MkDocsConfig) -> bool:
    """Whether this is the first language pass of a build (a new build begins)."""
    i18n = plugin(config)
    return i18n is None or not i18n.building


def localize(file: File, path: str, language: str, default: str, use_directory_urls: bool) -> File:
    """Give `file` (a language's copy of the page at neutral `path`) the address and the
    attributes the i18n plugin reads."""
    neutral = File(path, None, "", use_directory_urls).dest_uri
    file.dest_uri = neutral if language == default else f"{language}/{neutral}"
    file.locale = language  # type: ignore[attr-defined]
    file.locale_alternate_of = language  # type: ignore[attr-defined]
    file.localization = language  # type: ignore[attr-defined]
    file.norm_src_uri = path  # type: ignore[attr-defined]
    return file


def file_language(file: File, config: MkDocsConfig) -> str:
    return getattr(file, "locale", None) or current_language(config)


def neutral_path(file: File) -> str:
    """The language-neutral source path (`events/x.md`) of a page of any language."""
    return getattr(file, "norm_src_uri", file.src_uri)


def register(config: MkDocsConfig, language: str, files: list[File]) -> None:
    """Add generated files to the plugin's per-language list (sitemap alternates)."""
    i18n = plugin(config)
    if i18n is not None:
        i18n.i18n_files_per_language.setdefault(language, []).extend(files)


def point_switcher_at_counterparts(config: MkDocsConfig, file: File) -> None:
    """Every language switcher entry (and hreflang link) leads to this page's counterpart.

    The i18n plugin sets `config.extra.alternate` as an attribute, which the templates read
    before the mapping item of the same name."""
    alternates = getattr(file, "alternates", None)
    entries = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    for entry in entries:
        if alternates and entry.get("lang") in alternates:
            entry["link"] = alternates[entry["lang"]].url


def point_switcher_at_homes(config: MkDocsConfig, homes: dict[str, str]) -> None:
    """Every language switcher entry leads to that language's home page (`homes`: the
    language's absolute path): on the 404 page, which has no counterparts, and whose
    entries would otherwise keep the last page's."""
    entries = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    for entry in entries:
        if entry.get("lang") in homes:
            entry["link"] = homes[entry["lang"]]


def language_names(config: MkDocsConfig) -> list[tuple[str, str, bool]]:
    """(locale, name, is_default) of every language built, in the order of mkdocs.yml; []
    without the i18n plugin."""
    i18n = plugin(config)
    if i18n is None:
        return []
    default = i18n.default_language
    return [
        (entry.locale, entry.name or entry.locale, entry.locale == default)
        for entry in i18n.config.languages
        if entry.build
    ]


def shared_title(page: Page, config: MkDocsConfig) -> str:
    """A page's title where it stands alone (share previews, cards, the head's tags): a
    language's home page by the site's name, since its entry in the menu may call it
    "Home" (R68 read a shared home page titled "Home" / "Startseite"), any other page by
    its title."""
    if neutral_path(page.file) == "index.md" or not page.title:
        return html.unescape(config.site_name)
    return html.unescape(page.title)
