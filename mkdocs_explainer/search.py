"""One search index per language.

The i18n plugin merges every language's pages into each pass's index. Each language gets
back only its own pages, read with that language's lunr support (German stop words for
German). Material's own pipeline (no stemmer) is kept on purpose: with lunr's stemmer
added, Material 9.8.1 found nothing for words typed in full ("seizures": 0 results instead
of 4, measured in Chromium), as it filters results by unstemmed prefixes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from explainer.urls import SiteUrls


def language_index(index: dict[str, Any], urls: SiteUrls, language: str) -> dict[str, Any]:
    """`index` (Material's search_index.json) narrowed to one language's pages, with
    locations relative to that language's root."""
    if language == urls.default:
        others = tuple(urls.prefix(lang) for lang in urls.languages if lang != language)
        docs = [doc for doc in index["docs"] if not doc["location"].startswith(others)]
    else:
        prefix = urls.prefix(language)
        docs = [
            {**doc, "location": doc["location"].removeprefix(prefix)}
            for doc in index["docs"]
            if doc["location"].startswith(prefix)
        ]
    return {**index, "docs": docs, "config": {**index["config"], "lang": [language]}}


def write_language_index(site_dir: Path, urls: SiteUrls, language: str) -> None:
    """After a language pass: that language's index, under its own folder."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return
    data = language_index(json.loads(index.read_text(encoding="utf-8")), urls, language)
    target = site_dir / urls.prefix(language) / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def point_search_at_language(page_html: str, prefix: str) -> str:
    """A translated page's search loads its language's index: Material fetches
    `<base>/search/search_index.json`, so its `base` gets the language's folder."""
    if not prefix:
        return page_html

    def rebase(match: re.Match[str]) -> str:
        settings = json.loads(match.group(2))
        settings["base"] = settings["base"].rstrip("/") + "/" + prefix
        return match.group(1) + json.dumps(settings) + match.group(3)

    return _CONFIG.sub(rebase, page_html, count=1)


#: Markup in generated pages that Material's search index throws away: inline elements
#: (their text stays), permanent links (ignored in headings), the pictures' SVG elements.
#: Material's parser keeps only p, code, pre, li, ol, ul, sub and sup, and the block
#: elements decide where sections end; these tags change neither (tests compare the
#: sections with and without them on every generated page).
_DISCARDED = re.compile(
    r'<a class="headerlink"[^>]*>[^<]*</a>'
    r"|</?(?:a|strong|em|span|s|abbr|br|svg|g|line|circle|rect|polygon|polyline|path|title"
    r"|desc|text|tspan)(?:\s[^>]*)?/?>"
)


def without_discarded_markup(page_html: str) -> str:
    """A generated page's HTML as Material's search index sees it, with less to parse."""
    return _DISCARDED.sub("", page_html)


def index_generated_pages_lightly(config: MkDocsConfig, generated: type) -> None:
    """Material's search parses every page's HTML in pure Python; for pages of the type
    `generated` it gets the HTML without the markup it discards: a third of the parse
    of a generated page, the same index (bench/PROFILE.md)."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if index is None or getattr(index, "_explainer_light", False):
        return
    add_entry = index.add_entry_from_context

    def add_entry_from_context(page: Any) -> None:
        if not isinstance(page, generated):
            add_entry(page)
            return
        content = page.content
        page.content = without_discarded_markup(content)
        try:
            add_entry(page)
        finally:
            page.content = content

    index.add_entry_from_context = add_entry_from_context
    index._explainer_light = True
