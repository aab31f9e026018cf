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
