"""The generated pages of one language pass as MkDocs files and pages, each with its
counterparts in the other languages (`alternates`), and the feed, calendar and export as
files whose content is filled in just before MkDocs copies them.

A generated page arrives as HTML with its table of contents (the core renders it from
templates): `RenderedPage` hands both to MkDocs instead of converting Markdown, the way
Material's blog plugin hands over its views. Python-Markdown took 35 to 45 % of a build
on pages our own code had just written (bench/PROFILE.md). Material still renders the
page shell, navigation, search and language switcher; the hooks' per-page events (glossary
links, "appears in", head tags) run as for any page."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from explainer.templating import Heading
from explainer.views.base import GeneratedPage
from mkdocs_explainer import i18n


def toc_tokens(headings: Iterable[Heading]) -> list[dict[str, Any]]:
    """The core's table of contents as Python-Markdown's `toc_tokens` (names are HTML)."""
    return [
        {
            "level": h.level,
            "id": h.id,
            "name": html.escape(h.title, quote=False),
            "children": toc_tokens(h.children),
        }
        for h in headings
    ]


def _anchors(headings: Iterable[Heading]) -> set[str]:
    found: set[str] = set()
    for heading in headings:
        found.add(heading.id)
        found |= _anchors(heading.children)
    return found


class RenderedPage(Page):
    """A generated page: its HTML and table of contents come from the core."""

    def __init__(self, file: File, config: MkDocsConfig, generated: GeneratedPage) -> None:
        self.generated = generated
        super().__init__(None, file, config)

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", dict(self.generated.meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self.generated.html
        self.toc = get_toc(toc_tokens(self.generated.toc))
        self.present_anchor_ids = _anchors(self.generated.toc)


def counterpart(config: MkDocsConfig, path: str, language: str, default: str) -> File:
    """The file of the page at `path` in another language: only its address is used."""
    file = File(f"{language}/{path}", None, config.site_dir, config.use_directory_urls)
    return i18n.localize(file, path, language, default, config.use_directory_urls)


def page_file(
    config: MkDocsConfig, page: GeneratedPage, language: str, languages: list[str]
) -> File:
    """A generated page of `language` as a file MkDocs builds. Event and actor pages stay
    out of the navigation: Material renders the whole navigation into every page, so
    listing them would make a build grow with the square of the events."""
    default = languages[0]
    inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, f"{language}/{page.path}", content=page.html, inclusion=inclusion)
    i18n.localize(file, page.path, language, default, config.use_directory_urls)
    RenderedPage(file, config, page)
    file.alternates = {  # type: ignore[attr-defined]
        other: file if other == language else counterpart(config, page.path, other, default)
        for other in sorted(languages)
    }
    return file


def output_file(config: MkDocsConfig, language: str, name: str, dest_uri: str) -> File:
    """A feed, calendar or export file; its content is set at `on_env`."""
    file = File.generated(config, f"{language}/{name}", content=b"")
    file.dest_uri = dest_uri
    return file
