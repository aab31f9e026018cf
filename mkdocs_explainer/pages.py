"""The generated pages of one language pass as MkDocs files, each with its counterparts in
the other languages (`alternates`), and the feed, calendar and export as files whose
content is filled in just before MkDocs copies them."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from explainer.views.base import GeneratedPage
from mkdocs_explainer import i18n


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
    file = File.generated(
        config, f"{language}/{page.path}", content=page.markdown, inclusion=inclusion
    )
    i18n.localize(file, page.path, language, default, config.use_directory_urls)
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
