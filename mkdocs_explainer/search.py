"""One search index per language.

The i18n plugin merges every language's pages into each pass's index. Each language gets
back only its own pages, read with that language's lunr support (German stop words for
German). Material's own pipeline (no stemmer) is kept on purpose: with lunr's stemmer
added, Material 9.8.1 found nothing for words typed in full ("seizures": 0 results instead
of 4, measured in Chromium), as it filters results by unstemmed prefixes."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
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


#: Whitespace in a tag: the characters that end a tag name for HTMLParser. Elsewhere its
#: `\s` matches more (vertical tab, Unicode spaces); a tag with those is left to it.
_WS = r"[ \t\n\r\f]"

#: The markup the scan is sure about: a start tag whose attributes have double-quoted
#: values or none, an end tag, a plain comment (no "--" inside, not "<!-->"). Every
#: other "<" ("<!DOCTYPE", "<![CDATA[", "<?", "<a href=x>", "<a href='x'>", "</ a>", a
#: stray "<" in text) makes the scan give the page to HTMLParser.
_MARKUP = re.compile(
    rf"<(?:([a-zA-Z][-a-zA-Z0-9]*)((?:{_WS}+[a-zA-Z_:][-a-zA-Z0-9_:.]*"
    rf'(?:{_WS}*={_WS}*"[^"]*")?)*){_WS}*(/?)>'
    rf"|/([a-zA-Z][-a-zA-Z0-9]*){_WS}*>"
    r"|!--(?!-?>)(?:[^-]|-(?!-))*-->)"
)
_ATTRIBUTE = re.compile(rf'{_WS}+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:{_WS}*={_WS}*"([^"]*)")?')

#: Elements whose content HTMLParser reads as text, not markup: script and style in
#: Python 3.11, more in later versions. A page with one goes to HTMLParser itself.
_RAW_TEXT = frozenset(
    ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
    + ("noscript", "plaintext")
)


def scan_into(parser: HTMLParser, page_html: str) -> bool:
    """Calls `parser`'s handlers as `parser.feed(page_html)` would (`convert_charrefs`
    on), with one regular expression instead of HTMLParser's pure-Python tokenizer: tag
    and attribute names lowercased, attribute values and text unescaped, attributes
    without a value as None, one `handle_data` per run of text, comments dropped,
    `<x/>` through `handle_startendtag`. False as soon as it meets markup it is not
    sure about: `parser` is then half fed, for the caller to throw away and to let
    HTMLParser read the page (tests compare the handlers' calls with HTMLParser's)."""
    starttag, startendtag = parser.handle_starttag, parser.handle_startendtag
    endtag, data = parser.handle_endtag, parser.handle_data
    pos = 0
    for match in _MARKUP.finditer(page_html):
        start = match.start()
        if start > pos:
            text = page_html[pos:start]
            if "<" in text:
                return False
            data(unescape(text))
        pos = match.end()
        tag, attributes, closed, end = match.group(1, 2, 3, 4)
        if tag is not None:
            tag = tag.lower()
            if tag in _RAW_TEXT:
                return False
            attrs = (
                [
                    (name.lower(), value if value is None else unescape(value))
                    for name, value in (m.group(1, 2) for m in _ATTRIBUTE.finditer(attributes))
                ]
                if attributes
                else []
            )
            (startendtag if closed else starttag)(tag, attrs)
        elif end is not None:
            endtag(end.lower())
    text = page_html[pos:]
    if "<" in text:
        return False
    if text:
        data(unescape(text))
    return True


def scanned_sections(page_html: str) -> list[Any] | None:
    """The sections Material's search `Parser` makes of `page_html`, fed by `scan_into`:
    Material's own code still decides sections, kept tags and whitespace. None if the
    scan was not sure. (`close` finds nothing buffered; it is called as Material does.)"""
    from material.plugins.search.plugin import Parser

    parser = Parser()
    if not scan_into(parser, page_html):
        return None
    parser.close()
    return parser.data


def add_scanned_entry(index: Any, page: Any) -> bool:
    """Material's `SearchIndex.add_entry_from_context` for `page`, step for step, with
    its sections from `scanned_sections`. False, with nothing added, if the scan was not
    sure."""
    settings = page.meta.get("search") or {}
    if settings.get("exclude"):
        return True
    sections = scanned_sections(page.content)
    if sections is None:
        return False
    for section in sections:
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)
    return True


def _is_materials_index(index: Any) -> bool:
    """Whether `index` adds pages as the Material version `add_scanned_entry` follows:
    not MkDocs' own search, not a subclass that changed how."""
    try:
        from material.plugins.search.plugin import SearchIndex
    except ImportError:  # pragma: no cover - Material is a dependency
        return False
    method = getattr(type(index), "add_entry_from_context", None)
    return isinstance(index, SearchIndex) and method is SearchIndex.add_entry_from_context


def index_generated_pages_lightly(config: MkDocsConfig, generated: type) -> None:
    """Material's search parses every page's HTML with HTMLParser, in pure Python. Pages
    of the type `generated` come from our autoescaped templates, markup a regular
    expression reads reliably: their HTML loses the markup the index discards (a third
    of the parse), then `scan_into` feeds Material's parser in place of HTMLParser's
    tokenizer (what it saves: bench/PROFILE.md). A page the scan is not sure about goes
    through Material's own path: the same index either way."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if index is None or getattr(index, "_explainer_light", False):
        return
    add_entry = index.add_entry_from_context
    scan = _is_materials_index(index)

    def add_entry_from_context(page: Any) -> None:
        if not isinstance(page, generated):
            add_entry(page)
            return
        content = page.content
        page.content = without_discarded_markup(content)
        try:
            if not (scan and add_scanned_entry(index, page)):
                add_entry(page)
        finally:
            page.content = content

    index.add_entry_from_context = add_entry_from_context
    index._explainer_light = True
