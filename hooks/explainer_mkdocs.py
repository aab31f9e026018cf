"""MkDocs hooks for the explainer core: they only adapt MkDocs events to `explainer.site`.

Name this file under `hooks:` in mkdocs.yml. The data is loaded and validated once per
build (on the first language pass); every language pass adds that language's generated
pages after the i18n plugin has sorted the hand-written ones (priority -101 < -100).
"""

from __future__ import annotations

import gc
import html
import json
import logging
import re
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

_PROJECT = Path(__file__).resolve().parent.parent
if str(_PROJECT) not in sys.path:
    sys.path.insert(0, str(_PROJECT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from explainer.background import Background, Result  # noqa: E402
from explainer.outputs.sitemap import gzipped, language_sitemap  # noqa: E402
from explainer.problems import DataError  # noqa: E402
from explainer.site import STYLESHEET_SOURCE, ConfigError, Explainer, PageRef, SiteConfig  # noqa: E402
from explainer.strings import StringsError  # noqa: E402
from explainer.theme_fixes import fix_page, replace_hreflang_links  # noqa: E402
from explainer.urls import OUTPUTS  # noqa: E402
from explainer.views.base import GLOSSARY, GeneratedPage  # noqa: E402

log = logging.getLogger("mkdocs.hooks.explainer")
_REQUIRED_EXTENSIONS = ("attr_list", "md_in_html")
STYLESHEET = "assets/explainer.css"
#: page events (a page's content, then its finished HTML: two a page) between two full
#: collections whose survivors are then frozen
FREEZE_EVERY = 1000


class _Build:
    """What one build (all its language passes) shares."""

    def __init__(self) -> None:
        self.explainer: Explainer | None = None
        #: language -> source path -> (title, url, glossary terms its text mentions)
        self.pages: dict[str, dict[str, tuple[str, str, tuple[str, ...]]]] = {}
        #: the default language's 404 page, which every language pass writes at the root
        self.not_found: str | None = None
        #: `mkdocs build` writes into a staging folder that replaces site/ only on success
        self.command: str | None = None
        self.dirty = False
        self.target: Path | None = None
        self.staging: Path | None = None
        self.succeeded = False
        self.rendered = 0
        #: pages and outputs made meanwhile by a worker process (`explainer.background`)
        self.background: Background | None = None
        self.coming_pages: dict[str, Result[list[GeneratedPage]]] = {}
        #: this language pass's output files, and their content still being made
        self.outputs: list[tuple[File, str, Result[dict[str, bytes]]]] = []

    def stop_background(self) -> None:
        if self.background is not None:
            self.background.close()
        self.background = None
        self.coming_pages = {}
        self.outputs = []


_build = _Build()


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def _languages(config: MkDocsConfig) -> list[str]:
    i18n = _i18n(config)
    if i18n is None:
        return [config.theme.get("language") or "en"]
    default = i18n.default_language
    return [default] + [lang for lang in i18n.build_languages if lang != default]


def _current_language(config: MkDocsConfig) -> str:
    i18n = _i18n(config)
    return i18n.current_language if i18n is not None else _languages(config)[0]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = _i18n(config)
    if i18n is not None and i18n.config.docs_structure != "folder":
        raise PluginError("explainer: set `docs_structure: folder` for the i18n plugin")
    if i18n is None or not i18n.building:  # the first language pass of a new build
        gc.unfreeze()  # the last build's objects (`mkdocs serve` never shuts down between)
        _build.stop_background()
        _build.explainer = None
        _build.pages = {}
        _build.not_found = None
        try:
            site = SiteConfig.from_settings(
                Path(config.config_file_path).parent,
                _languages(config),
                Path(config.docs_dir),
                config.extra.get("explainer"),
                config.site_url,
            )
            _build.explainer = Explainer.load(site)
            # a forked worker only for a build (`mkdocs serve` rebuilds while its server
            # threads run); whether it may fork is checked again when it does
            _build.background = Background(_build.explainer, use_worker=_build.command == "build")
            story = _build.explainer.story
            log.info(
                f"explainer: {site.data_path.name} loaded and validated: {len(story.events)} "
                f"events, {len(story.actors)} actors, {len(story.glossary)} terms"
            )
        except DataError as error:
            sys.stderr.write(error.report() + "\n")
            sys.stderr.flush()
            raise PluginError(
                f"{error}: the site was not built and the previous site/ is untouched; "
                "fix the lines above (`make validate` checks the data alone)"
            ) from None
        except (ConfigError, StringsError) as error:
            raise PluginError(f"explainer: {error}") from None
    if (i18n is None or not i18n.building) and _build.command == "build" and not _build.dirty:
        _stage(config)
    for extension in _REQUIRED_EXTENSIONS:
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    # glossary links show their definition on hover and keyboard focus
    features = config.theme.get("features")
    if isinstance(features, list) and "content.tooltips" not in features:
        features.append("content.tooltips")
    return config


def on_startup(command: str, dirty: bool) -> None:
    _build.command, _build.dirty = command, dirty


def _stage(config: MkDocsConfig) -> None:
    """Build into `<site_dir>.partial`; on_shutdown puts it in place only if the build
    succeeded, so a failed build (data, strict warnings, a crash) leaves site/ as it was."""
    target = Path(config.site_dir)
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    config.site_dir = str(staging)
    _build.target, _build.staging, _build.succeeded = target, staging, False


def on_build_error(error: Exception) -> None:
    _build.succeeded = False
    _build.stop_background()
    if _build.staging is not None:
        _build.target = None  # never put a failed build in place


def on_shutdown() -> None:
    try:
        _build.stop_background()
    finally:
        _put_in_place()


def _put_in_place() -> None:
    """A build that succeeded replaces site/; a failed one is removed."""
    gc.unfreeze()
    staging, target = _build.staging, _build.target
    _build.staging = _build.target = None
    if staging is None:
        return
    if target is None or not _build.succeeded:
        shutil.rmtree(staging, ignore_errors=True)
        return
    previous = target.with_name(target.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)


def _page_file(
    config: MkDocsConfig, path: str, language: str, default: str, page: GeneratedPage | None = None
) -> File:
    """The File of a generated page in one language; with `page`, one MkDocs will build."""
    src_uri = f"{language}/{path}"
    if page is None:
        file = File(src_uri, None, config.site_dir, config.use_directory_urls)
    else:
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, src_uri, content=page.markdown, inclusion=inclusion)
    neutral = File(path, None, config.site_dir, config.use_directory_urls).dest_uri
    file.dest_uri = neutral if language == default else f"{language}/{neutral}"
    # what the i18n plugin reads for the switcher, hreflang and the sitemap
    file.locale = language  # type: ignore[attr-defined]
    file.locale_alternate_of = language  # type: ignore[attr-defined]
    file.localization = language  # type: ignore[attr-defined]
    file.norm_src_uri = path  # type: ignore[attr-defined]
    return file


@event_priority(-101)  # after the i18n plugin (-100) has sorted the hand-written files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    explainer, background = _build.explainer, _build.background
    assert explainer is not None and background is not None, "on_config did not load the data"
    languages = _languages(config)
    default, language = languages[0], _current_language(config)
    # What this pass needs only at on_env, and the pages of the passes to come, go to the
    # worker first, so that it makes them while this pass goes on.
    outputs = background.outputs(language, config.site_name)
    coming = _build.coming_pages
    if not coming:  # the first language pass
        coming.update((other, background.pages(other)) for other in languages if other != language)
        if background.forked:
            log.debug("explainer: a worker process makes outputs and the other languages' pages")
    pages = coming.pop(language).result() if language in coming else explainer.pages(language)
    generated = []
    for page in pages:
        file = _page_file(config, page.path, language, default, page)
        file.alternates = {  # type: ignore[attr-defined]
            other: file if other == language else _page_file(config, page.path, other, default)
            for other in sorted(languages)
        }
        files.append(file)
        generated.append(file)
    i18n = _i18n(config)
    if i18n is not None:
        i18n.i18n_files_per_language.setdefault(language, []).extend(generated)
    _build.outputs = []
    for name in OUTPUTS:  # their content is set in on_env, before MkDocs copies them
        output = File.generated(config, f"{language}/{name}", content=b"")
        output.dest_uri = explainer.urls.output(language, name)
        files.append(output)
        _build.outputs.append((output, name, outputs))
    if files.get_file_from_path(STYLESHEET) is None:
        files.append(File.generated(config, STYLESHEET, content=STYLESHEET_SOURCE.read_bytes()))
    # The data, the files and MkDocs' state live until the build ends: keep Python's
    # cyclic garbage collector from walking them again at every collection while the
    # pages are rendered (a seventh of a 5,000-event build, growing faster than the
    # build). The next build's on_config, or on_shutdown, hands them back.
    gc.freeze()
    return files


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """The feed, calendar and export of this language pass, made meanwhile, as the
    content of their files: MkDocs copies them right after this event."""
    for file, name, content in _build.outputs:
        file.content_bytes = content.result()[name]
    _build.outputs = []
    if not _build.coming_pages and _build.background is not None:
        _build.background.close()  # this was its last work: every language pass has begun
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    explainer = _build.explainer
    if explainer is None or getattr(page.file, "generated_by", None) is not None:
        return markdown
    language = getattr(page.file, "locale", None) or _current_language(config)
    path = getattr(page.file, "norm_src_uri", page.file.src_uri)
    source = page.file.abs_src_path or page.file.src_uri
    return explainer.expand_blocks(language, markdown, path, source)


def _source_path(page: Page) -> str:
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def _limit_toc(page: Page) -> None:
    """`toc_depth: N` in a page's front matter: its table of contents lists headings down
    to level N only (the timeline lists months, not every event)."""
    depth = page.meta.get("toc_depth")
    if depth is None:
        return
    if isinstance(depth, bool) or not isinstance(depth, int) or not 1 <= depth <= 6:
        raise PluginError(
            f"{page.file.src_uri}: toc_depth: {depth!r} is not a heading level from 1 to 6"
        )

    def prune(items: Any) -> None:
        for item in items:
            if item.level >= depth:
                item.children = []
            else:
                prune(item.children)

    prune(page.toc)


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Link glossary terms; remember which terms the page mentions for the glossary."""
    _limit_toc(page)
    explainer = _build.explainer
    if explainer is None:
        return content
    languages = _languages(config)
    language = getattr(page.file, "locale", None) or _current_language(config)
    path = _source_path(page)
    glossary_url = _page_file(config, GLOSSARY, language, languages[0]).url
    href = "" if path == GLOSSARY else get_relative_url(glossary_url, page.url)
    linked = explainer.link_terms(language, content, href)
    mentioned = tuple(linked.mentioned)
    title = html.unescape(page.title or path)  # MkDocs page titles are HTML
    _build.pages.setdefault(language, {})[path] = (title, page.url, mentioned)
    _page_done()
    return linked.html


@event_priority(0)  # after the i18n plugin (50), which leaves home pages on absolute links
def on_page_context(context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    """Fill the glossary's "appears in" lines (every page's content is known by now), and
    point every language switcher entry and hreflang link at the counterpart page."""
    explainer = _build.explainer
    if explainer is not None and _source_path(page) == GLOSSARY and page.content:
        language = getattr(page.file, "locale", None) or _current_language(config)
        refs = [
            PageRef(path, title, get_relative_url(url, page.url), mentioned)
            for path, (title, url, mentioned) in _build.pages.get(language, {}).items()
        ]
        page.content = explainer.fill_appears_in(language, page.content, refs)
    alternates = getattr(page.file, "alternates", None)
    # The i18n plugin sets `config.extra.alternate` as an attribute, which the templates
    # read before the mapping item of the same name.
    entries = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    for entry in entries:
        if alternates and entry.get("lang") in alternates:
            entry["link"] = alternates[entry["lang"]].url
    return context


_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Add the page's <head> metadata; point a translated page's search at its language."""
    explainer = _build.explainer
    if explainer is None:
        return output
    language = getattr(page.file, "locale", None) or _current_language(config)
    head = explainer.head_html(
        language,
        site_name=config.site_name,
        source_path=_source_path(page),
        title=html.unescape(page.title or config.site_name),
        description=html.unescape(page.meta.get("description") or config.site_description or ""),
    )
    output = replace_hreflang_links(fix_page(output), head)
    prefix = explainer.urls.prefix(language)
    if prefix:
        # Material loads `<base>/search/search_index.json`: the language's own index
        def rebase(match: re.Match[str]) -> str:
            settings = json.loads(match.group(2))
            settings["base"] = settings["base"].rstrip("/") + "/" + prefix
            return match.group(1) + json.dumps(settings) + match.group(3)

        output = _CONFIG_BASE.sub(rebase, output, count=1)
    _page_done()
    return output


def _page_done() -> None:
    """MkDocs keeps every page it has converted (content, table of contents, search
    entries) until the build ends, so each full collection walked more of them than the
    last (52 passes took 9.8 s of a 10,000-event build, 0.3 s at 1,000 events).
    Collecting every FREEZE_EVERY page events (every 500 pages) and freezing what
    survives leaves each later pass only the pages since."""
    _build.rendered += 1
    if _build.rendered % FREEZE_EVERY == 0:
        gc.collect()
        gc.freeze()


@event_priority(-101)  # after the i18n plugin merged every language's search entries
def on_post_build(config: MkDocsConfig) -> None:
    """One search index per language: only its pages, read with that language's lunr
    support (German stop words for German). Material's own pipeline (no stemmer) is kept
    on purpose: with lunr's stemmer added, Material 9.8.1 found nothing for words typed
    in full ("seizures": 0 results instead of 4, measured in Chromium), as it filters
    results by unstemmed prefixes; prefix matching on unstemmed words finds them."""
    explainer, i18n = _build.explainer, _i18n(config)
    if i18n is None or not i18n.building:
        _build.succeeded = True  # the last language pass is done (strict mode may still fail)
    if explainer is None or i18n is None:
        return
    if not i18n.building:
        _write_language_sitemaps(config, explainer)
    index = Path(config.site_dir) / "search" / "search_index.json"
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    urls = explainer.urls
    if i18n.building:  # a translated language's pass: the index holds its pages only
        language = i18n.current_language
        prefix = urls.prefix(language)
        docs = [
            {**doc, "location": doc["location"].removeprefix(prefix)}
            for doc in data["docs"]
            if doc["location"].startswith(prefix)
        ]
        target = Path(config.site_dir) / prefix / "search" / "search_index.json"
    else:  # the default language's pass ends last, with every language merged
        language = urls.default
        others = tuple(urls.prefix(lang) for lang in urls.languages if lang != language)
        docs = [doc for doc in data["docs"] if not doc["location"].startswith(others)]
        target = index
    data["docs"] = docs
    data["config"]["lang"] = [language]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _write_language_sitemaps(config: MkDocsConfig, explainer: Explainer) -> None:
    full = Path(config.site_dir) / "sitemap.xml"
    if not full.is_file():
        return
    packed = full.with_name("sitemap.xml.gz")
    if packed.is_file():  # stamped by MkDocs with today's date: use the data's time
        packed.write_bytes(gzipped(full.read_bytes(), "sitemap.xml", explainer.timestamp()))
    text = full.read_text(encoding="utf-8")
    urls = explainer.urls
    for language in urls.languages[1:]:
        root = urls.absolute(urls.prefix(language)) or f"/{urls.prefix(language)}"
        target = Path(config.site_dir) / urls.prefix(language) / "sitemap.xml"
        target.write_bytes(language_sitemap(text, root))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """GitHub Pages serves the root 404.html for every language: keep the default
    language's, with a link to each language's home page in that language."""
    explainer = _build.explainer
    if template_name != "404.html" or explainer is None:
        return output
    if _build.not_found is not None:  # a later language pass would put its own at the root
        return _build.not_found
    base = urlsplit(config.site_url).path if config.site_url else "/"
    links = explainer.not_found_links(base.rstrip("/") + "/")
    _build.not_found = fix_page(output.replace("</h1>", "</h1>\n" + links, 1))
    return _build.not_found


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    explainer = _build.explainer
    if explainer is not None:
        server.watch(str(explainer.config.data_path))
        for directory in explainer.config.strings_dirs:
            server.watch(str(directory))
    return server
