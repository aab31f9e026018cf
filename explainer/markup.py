"""The Markdown fields of the data, rendered safely.

Markdown fields (bodies, descriptions, definitions) are rendered here to HTML with raw
HTML and headings switched off: `<b>` in the data shows as the text `<b>`, and links may
only point to http, https, mailto or relative targets. Plain text (titles, summaries,
names) never passes through Markdown: the templates escape it as HTML.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from functools import lru_cache

import markdown
from markdown.treeprocessors import Treeprocessor

_ALLOWED_SCHEMES = ("http:", "https:", "mailto:")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")


#: what a browser's URL parser drops from a URL: ASCII tab and newlines anywhere, C0
#: controls and spaces at the ends (WHATWG URL); any whitespace is dropped here, to be safe
_DROPPED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f\s]+")


def is_safe_link(target: str) -> bool:
    """http, https, mailto and relative targets only, judged as a browser reads the
    attribute: character references decoded (`jav&#x61;script:` is `javascript:`, and
    Python-Markdown keeps references in link targets), then control characters and
    whitespace dropped (`java&#9;script:`)."""
    decoded = _DROPPED_BY_BROWSERS.sub("", html.unescape(target)).lower()
    return not _SCHEME.match(decoded) or decoded.startswith(_ALLOWED_SCHEMES)


class _SafeLinks(Treeprocessor):
    """Removes link and image targets with other schemes; remembers them for the rules."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.removed: list[str] = []

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not is_safe_link(value):
                    self.removed.append(value)
                    del element.attrib[attribute]


def _safe_markdown() -> tuple[markdown.Markdown, _SafeLinks]:
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # a heading in a text field would break the page's outline: `#` stays text
    md.parser.blockprocessors.deregister("hashheader")
    md.parser.blockprocessors.deregister("setextheader")
    links = _SafeLinks(md)
    md.treeprocessors.register(links, "explainer_safe_links", 0)
    return md, links


_MD, _LINKS = _safe_markdown()


def _convert(text: str) -> str:
    _LINKS.removed = []
    _MD.reset()
    return _MD.convert(text)


@lru_cache(maxsize=65536)
def render_markdown(text: str) -> str:
    """Markdown field -> HTML (raw HTML in the text is shown as text).

    Cached: a body goes into its page, the feed and the JSON export of its language."""
    return _convert(text)


def unsafe_link_targets(text: str) -> list[str]:
    """The link and image targets of a Markdown text that rendering would remove."""
    _convert(text)
    return list(_LINKS.removed)
