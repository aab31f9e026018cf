"""MkDocs hooks for the explainer: the table of MkDocs events, each handed to the small
modules of `mkdocs_explainer`, which adapt them to the core (`explainer`).

A site's hooks file (named under `hooks:` in mkdocs.yml) is `from mkdocs_explainer.hooks
import *`: MkDocs finds these `on_*` functions in it. The data is loaded and validated
once per build (on the first language pass); every language pass adds that language's
generated pages after the i18n plugin has sorted the hand-written ones (priority
-101 < -100).
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from explainer.performance import freeze_heap_before_exit
from explainer.templating import TemplateError
from explainer.typography import keep_together_html
from explainer.views.base import GLOSSARY
from mkdocs_explainer import (
    head,
    i18n,
    loading,
    pages,
    parallel,
    search,
    sitemaps,
    theme,
)
from mkdocs_explainer.state import Session
from mkdocs_explainer.toc import TocDepthError, limit_toc, retitle_toc, toc_depth

log = logging.getLogger("mkdocs.hooks.explainer")
_session = Session()


# --- start: the build, its data and its staging folder ------------------------------------


def on_startup(command: str, dirty: bool) -> None:
    _session.command, _session.dirty = command, dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n.check(config)
    theme.configure(config)
    if i18n.first_pass(config):  # a new build: the previous one ends (`mkdocs serve`)
        _session.end()
        build = _session.begin(loading.load(config))
        if _session.command == "build" and not _session.dirty:
            config.site_dir = build.staging.start(config.site_dir)
        languages = i18n.languages(config)
        if parallel.allowed(_session.command, _session.dirty, languages):
            build.passes.start(config, i18n.plugin(config), languages)
            log.debug("explainer: each other language is built by a process of its own")
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """After every plugin's `on_config`: the i18n plugin has set the pass's language."""
    theme.prefer_own_sitemap(config)
    strings = _session.current().explainer.strings[i18n.current_language(config)]
    theme.localize_markdown(config, strings("heading.permalink"))


# --- generate: each language pass's pages and outputs --------------------------------------


@event_priority(-101)  # after the i18n plugin (-100) has sorted the hand-written files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _session.current()
    explainer = build.explainer
    languages, language = i18n.languages(config), i18n.current_language(config)
    try:
        made = explainer.pages(language)
    except TemplateError as error:  # most likely a site's own template
        raise PluginError(f"explainer: {error}") from None
    generated = [pages.page_file(config, page, language, languages) for page in made]
    for file in generated:
        files.append(file)
    i18n.register(config, language, generated)
    build.outputs = []
    for name in build.explainer.output_names:
        file = pages.output_file(config, language, name, explainer.urls.output(language, name))
        files.append(file)
        build.outputs.append((file, name))
    if files.get_file_from_path(theme.STYLESHEET) is None:
        files.append(File.generated(config, theme.STYLESHEET, content=theme.stylesheet()))
    search.index_generated_pages_lightly(config, pages.RenderedPage)
    return files


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """The feed, calendar and export of this language pass, as the content of their
    files: MkDocs copies them right after this event."""
    theme.reuse_compiled_templates(env)
    build = _session.current()
    language = i18n.current_language(config)
    # what the theme's templates say in this pass's language
    env.globals["explainer_chrome"] = build.explainer.chrome(language)
    if build.outputs:
        made = build.explainer.outputs(language, config.site_name, stylesheet=theme.STYLESHEET)
        for file, name in build.outputs:
            file.content_bytes = made[name]
    build.outputs = []
    return env


# --- pages: blocks, glossary links, "appears in", head tags --------------------------------


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if getattr(page.file, "generated_by", None) is not None:
        return markdown
    explainer = _session.current().explainer
    language = i18n.file_language(page.file, config)
    source = page.file.abs_src_path or page.file.src_uri
    try:
        return explainer.expand_blocks(language, markdown, i18n.neutral_path(page.file), source)
    except TemplateError as error:  # a site's own block template
        raise PluginError(f"explainer: {error}") from None


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Link glossary terms; remember which terms the page mentions for the glossary; keep
    dates, amounts and dashes from breaking across lines; mark words of another language."""
    try:
        depth = toc_depth(page.meta, page.file.src_uri)
    except TocDepthError as error:
        raise PluginError(str(error)) from None
    if depth is not None:
        limit_toc(page.toc, depth)
    build = _session.current()
    languages, language = i18n.languages(config), i18n.file_language(page.file, config)
    path = i18n.neutral_path(page.file)
    glossary_url = build.glossary_urls.get(language)
    if glossary_url is None:  # once per language, not once per page
        glossary_url = pages.counterpart(config, GLOSSARY, language, languages[0]).url
        build.glossary_urls[language] = glossary_url
    href = "" if path == GLOSSARY else get_relative_url(glossary_url, page.url)
    linked = build.explainer.link_terms(language, content, href)
    title = html.unescape(page.title or path)  # MkDocs page titles are HTML
    build.mentions.record(language, path, title, page.url, tuple(linked.mentioned))
    explainer = build.explainer
    if getattr(page.file, "generated_by", None) is not None:
        # its texts of the data are set already (RenderContext.text); the words of another
        # language marked in its headings' contents too, as on the page
        retitle_toc(page.toc, lambda title: explainer.mark_foreign(language, title))
        return explainer.mark_foreign(language, linked.html)
    # a hand-written page, after its terms are linked (found with ordinary spaces); its
    # table of contents as its headings; its words of another language marked last, so
    # that no span comes between a number and its unit
    months = explainer.date_months(language)

    def typeset(page_html: str) -> str:
        together = keep_together_html(page_html, language, months)
        return explainer.mark_foreign(language, together)

    retitle_toc(page.toc, typeset)
    return typeset(linked.html)


@event_priority(0)  # after the i18n plugin (50), which leaves home pages on absolute links
def on_page_context(context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    """Fill the glossary's "appears in" lines (every page's content is known by now), and
    point every language switcher entry and hreflang link at the counterpart page."""
    if i18n.neutral_path(page.file) == GLOSSARY and page.content:
        build, language = _session.current(), i18n.file_language(page.file, config)
        refs = build.mentions.refs(language, page.url)
        page.content = build.explainer.fill_appears_in(language, page.content, refs)
    i18n.point_switcher_at_counterparts(config, page.file)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    build = _session.current()
    explainer = build.explainer
    language = i18n.file_language(page.file, config)
    card = build.cards.page_head(page, config, explainer, language)
    output = head.finish_page(output, page, config, explainer, card)
    return search.point_search_at_language(output, explainer.urls.prefix(language))


def on_template_context(context: Any, template_name: str, config: MkDocsConfig) -> Any:
    if template_name == "404.html":
        explainer = _session.current().explainer
        site_path = urlsplit(config.site_url or "/").path  # as MkDocs' base_url for it
        homes = {lang: site_path + explainer.urls.prefix(lang) for lang in i18n.languages(config)}
        i18n.point_switcher_at_homes(config, homes)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    build = _session.current()
    folder = build.explainer.urls.prefix(i18n.current_language(config))
    output = search.point_search_at_language(output, folder)
    return build.not_found.render(output, folder, config.site_dir)


# --- finish: per-language search and sitemaps, the staged site put in place ---------------


@event_priority(-101)  # after the i18n plugin merged every language's search entries
def on_post_build(config: MkDocsConfig) -> None:
    build, first = _session.current(), i18n.first_pass(config)
    if first:  # the last language pass is done (strict mode may still fail the build)
        build.staging.succeeded = True
    if i18n.plugin(config) is None:
        return
    explainer = build.explainer
    site_dir = Path(config.site_dir)
    if first:
        sitemaps.write_language_sitemaps(site_dir, explainer.urls, explainer.timestamp())
    # the default language's pass ends last, after the nested passes of the others
    language = explainer.urls.default if first else i18n.current_language(config)
    search.write_language_index(site_dir, explainer.urls, language)
    build.cards.finish(language)


def on_build_error(error: Exception) -> None:
    if _session.build is not None:  # None: its data did not load
        _session.build.failed()


def on_shutdown() -> None:
    try:
        _session.end()
    finally:
        freeze_heap_before_exit()


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    if _session.build is not None:  # None: the first build's data did not load
        site = _session.build.explainer.config
        server.watch(str(site.data_path))
        for directory in site.strings_dirs:
            server.watch(str(directory))
    return server
