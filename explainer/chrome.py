"""What the theme's own parts of a page say, in the page's language: the publisher's
footer links (`extra.explainer.footer` in mkdocs.yml), the theme credit, the tab title's
separator and short name (`extra.explainer.short_name`) and the 404 page's words.

The settings are read and checked here, without MkDocs; the MkDocs integration hands one
`Chrome` per language to the theme's templates (mkdocs_explainer/overrides/).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from babel import Locale

from explainer.problems import did_you_mean
from explainer.strings import Strings
from explainer.urls import SiteUrls

SETTING = "extra.explainer.footer"
#: the site's short name in the browser's tab, one per language
SHORT_NAME = "extra.explainer.short_name"
#: its most characters: a tab shows little more than the page's own title (R47, R54)
SHORT_NAME_LENGTH = 40
#: the keys of one footer link
LINK_KEYS = ("text", "url", "page")
#: where a footer link may lead outside the site
URL_SCHEMES = ("https", "http", "mailto")

#: the UI table keys that replace the theme's own words: `theme.<the theme's key>`
THEME_PREFIX = "theme."


class FooterError(ValueError):
    """The footer links or the short name of mkdocs.yml cannot work; the message names
    the setting."""


@dataclass(frozen=True)
class FooterLink:
    """One link of the publisher's footer, as configured: its text in every language and
    either an address (one for all languages, or one per language) or a page of the site
    (`about.md`: each language's own)."""

    text: Mapping[str, str]
    url: Mapping[str, str] | None = None
    page: str | None = None


def parse_footer(value: Any, languages: Sequence[str]) -> tuple[FooterLink, ...]:
    """`extra.explainer.footer`, checked: every problem raises FooterError, located by
    the setting's path (`extra.explainer.footer[1].text: no text for `de``)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FooterError(
            f"{SETTING}: must be a list of links, each with `text` and `url` or `page` "
            '(README, "Footer links")'
        )
    return tuple(_parse_link(item, f"{SETTING}[{i}]", languages) for i, item in enumerate(value))


def _parse_link(item: Any, where: str, languages: Sequence[str]) -> FooterLink:
    if not isinstance(item, dict):
        raise FooterError(f"{where}: must be a link with `text` and `url` or `page`")
    for key in item:
        if key not in LINK_KEYS:
            hint = did_you_mean(key, LINK_KEYS) or f"; a link has {', '.join(LINK_KEYS)}"
            raise FooterError(f"{where}.{key}: unknown key{hint}")
    if "text" not in item:
        raise FooterError(f"{where}: no `text` (the link's words, one per language)")
    if ("url" in item) == ("page" in item):
        raise FooterError(
            f"{where}: give either `url` (an address) or `page` (a page of this site)"
            + (", not both" if "url" in item else "")
        )
    text = _per_language(item["text"], f"{where}.text", languages, "text")
    if "page" in item:
        return FooterLink(text, page=_page_path(item["page"], f"{where}.page"))
    url = item["url"]
    if isinstance(url, str):
        check_url(url, f"{where}.url")
        return FooterLink(text, url=dict.fromkeys(languages, url))
    urls = _per_language(url, f"{where}.url", languages, "address")
    for language, address in urls.items():
        check_url(address, f"{where}.url.{language}")
    return FooterLink(text, url=urls)


def parse_short_name(value: Any, languages: Sequence[str]) -> dict[str, str]:
    """`extra.explainer.short_name`, checked: a text of at most SHORT_NAME_LENGTH
    characters for every language (`{}`: none is set, the tabs name the site in full).
    Every problem raises FooterError, located (`extra.explainer.short_name.de: …`)."""
    if value is None:
        return {}
    names = _per_language(value, SHORT_NAME, languages, "text")
    for language, name in names.items():
        if len(name) > SHORT_NAME_LENGTH:
            raise FooterError(
                f"{SHORT_NAME}.{language}: `{name}` is {len(name)} characters long; at most "
                f"{SHORT_NAME_LENGTH} are allowed (a tab shows little more than the page's title)"
            )
    return names


def _per_language(value: Any, where: str, languages: Sequence[str], what: str) -> dict[str, str]:
    """A mapping with a non-empty text for each of the site's languages, and no other."""
    listed = ", ".join(languages)
    if not isinstance(value, dict):
        example = ", ".join(f"{language}: …" for language in languages)
        raise FooterError(f"{where}: must give one {what} per language ({{{example}}})")
    for language in value:
        if language not in languages:
            raise FooterError(
                f"{where}.{language}: `{language}` is not a language of this site ({listed})"
            )
    for language in languages:
        if language not in value:
            raise FooterError(f"{where}: no {what} for `{language}` (every language needs one)")
        text = value[language]
        if not isinstance(text, str) or not text.strip():
            raise FooterError(f"{where}.{language}: must be a {what}, not {text!r}")
    return {language: value[language].strip() for language in languages}


#: a host name: labels of letters (any script), digits and hyphens, with at least one dot
_HOST = re.compile(r"[^\W_]([\w-]*[^\W_])?(\.[^\W_]([\w-]*[^\W_])?)+\.?")


def check_url(url: Any, where: str, *, in_config: bool = True) -> str:
    """An address a reader's browser can follow from any page: https:// or http:// with a
    host, or mailto: with an address. Raises FooterError otherwise."""
    problem = _url_problem(url, in_config)
    if problem:
        raise FooterError(f"{where}: {problem}")
    return url


def _url_problem(url: Any, in_config: bool) -> str | None:
    if not isinstance(url, str):
        return f"must be an address (https://…), not {url!r}"
    if not url or any(c.isspace() or ord(c) < 32 for c in url):
        return f"`{url}` is not an address: it is empty or has a space in it"
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in URL_SCHEMES:
        hint = (
            " (a page of this site is linked with `page: about.md`)"
            if in_config and not scheme and not url.startswith("//")
            else ""
        )
        return f"`{url}` is not an address a link can go to: use https://, http:// or mailto:{hint}"
    if scheme == "mailto":
        return None if "@" in parts.path else f"`{url}` names no e-mail address after mailto:"
    if not parts.hostname or not (_HOST.fullmatch(parts.hostname) or parts.hostname == "localhost"):
        return f"`{url}` names no host (https://example.org/…)"
    return None


def _page_path(value: Any, where: str) -> str:
    """A Markdown page's path under docs/<language>/ (`about.md`, `legal/imprint.md`)."""
    if not isinstance(value, str) or not value.endswith(".md"):
        raise FooterError(f"{where}: must be a page under docs/<language>/, such as about.md")
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or "\\" in value:
        raise FooterError(
            f"{where}: `{value}` must be a path inside docs/<language>/, such as about.md"
        )
    return path.as_posix()


# --- what one language's pages show -------------------------------------------------------


@dataclass(frozen=True)
class ShownLink:
    """A link as a page shows it. `href` is an absolute address, or for a page of the
    site its path from the site's root (`de/about/`), which the theme makes relative to
    each page (`site_page`)."""

    text: str
    href: str
    site_page: bool
    #: the language of the page it leads to, where it is another's (`hreflang`)
    hreflang: str | None = None


@dataclass(frozen=True)
class Chrome:
    """The words of the theme's parts of every page in one language."""

    language: str
    #: the language's folder from the site's root: `de/`, and `` for the default language
    folder: str
    #: the publisher's links in the footer, and the accessible name of their navigation
    footer_links: tuple[ShownLink, ...]
    footer_label: str
    #: the theme credit's words before and after the theme's name ("Made with {theme}")
    credit: tuple[str, str]
    #: between a page's title and the site's name in the browser's tab
    title_separator: str
    not_found_title: str
    #: the 404 page's first line: a sentence sending the reader to its language's home, as
    #: the words before the link, the link ("home page" alone, R33) and the words after it
    not_found_home: tuple[str, ShownLink, str]
    #: its second line, in the page's language ("This site is also available in another
    #: language: German."): text, and links to the other languages' homes, each named in
    #: the page's language, as a sentence names a language (R15 read „… in einer anderen
    #: Sprache: English.“; the language menu keeps each language's own name); every
    #: language's 404 page has both, so that none tells its readers more than another
    not_found_others: tuple[str | ShownLink, ...]
    #: for the default language's 404 page: the other languages' folders (`de/`), whose
    #: missing addresses get their own language's 404 page
    other_prefixes: tuple[str, ...]
    #: the theme's own words that the UI table words otherwise, by the theme's key
    #: (`theme.search.result.term.missing` in the table: `search.result.term.missing`)
    theme_words: Mapping[str, str] = field(default_factory=dict)
    #: the site's name in the tab of every page but the home page, where it is set
    #: (`extra.explainer.short_name`); None: the full name, `site_name`
    short_name: str | None = None


@cache
def language_name(language: str) -> str:
    """A language's name in itself, as a language switch shows it: `Deutsch`, `Français`."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


@cache
def language_name_in(language: str, in_language: str) -> str:
    """A language's name as a sentence in `in_language` writes it (CLDR, through Babel):
    `German` in English, `Englisch` in German, `anglais` in French."""
    return Locale.parse(in_language).languages.get(language) or language_name(language)


def _joined(t: Strings, links: list[ShownLink]) -> list[str | ShownLink]:
    """Links joined as the language joins a list (`list.and`, `list.and.last`)."""
    parts: list[str | ShownLink] = []
    for index, shown in enumerate(links):
        if index:
            last = index == len(links) - 1
            parts.append(t("list.and.last" if len(links) > 2 else "list.and") if last else ", ")
        parts.append(shown)
    return parts


def chrome(
    language: str,
    strings: Mapping[str, Strings],
    urls: SiteUrls,
    footer: Sequence[FooterLink],
    short_name: Mapping[str, str] | None = None,
) -> Chrome:
    t = strings[language]
    before, _, after = t("footer.credit", theme="\0").partition("\0")
    links = tuple(
        ShownLink(link.text[language], urls.page(language, link.page), site_page=True)
        if link.page is not None
        else ShownLink(link.text[language], (link.url or {})[language], site_page=False)
        for link in footer
    )
    default = language == urls.default
    others = [
        ShownLink(
            language_name_in(other, language), urls.prefix(other), site_page=True, hreflang=other
        )
        for other in urls.languages
        if other != language
    ]
    # only the words "home page" are the link: the whole sentence was (R33)
    lead_home, _, tail_home = t("notfound.message", home="\0").partition("\0")
    not_found_others: tuple[str | ShownLink, ...] = ()
    if others:
        said = t("notfound.languages", languages="\0", count=len(others))
        lead, _, tail = said.partition("\0")
        not_found_others = (lead, *_joined(t, others), tail)
    return Chrome(
        language=language,
        folder=urls.prefix(language),
        footer_links=links,
        footer_label=t("footer.links"),
        credit=(before, after),
        title_separator=t("title.separator"),
        not_found_title=t("notfound.title"),
        not_found_home=(
            lead_home,
            ShownLink(t("notfound.home"), urls.prefix(language), site_page=True),
            tail_home,
        ),
        not_found_others=not_found_others,
        other_prefixes=tuple(urls.prefix(other) for other in urls.languages[1:]) if default else (),
        theme_words={
            key.removeprefix(THEME_PREFIX): t(key)
            for key in t.table
            if key.startswith(THEME_PREFIX)
        },
        short_name=(short_name or {}).get(language),
    )
