"""Turning data text into page Markdown safely.

Plain text (titles, summaries, names) is escaped so that no character means anything to
Markdown or HTML. Markdown fields (bodies, descriptions, definitions) are rendered here
to HTML with raw HTML and headings switched off: `<b>` in the data shows as the text
`<b>`, and links may only point to http, https, mailto or relative targets.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as ET
from functools import lru_cache

import markdown
from markdown.treeprocessors import Treeprocessor

# Characters that mean something to Markdown (or its extensions: attr_list `{}`, tables
# `|`) or to HTML anywhere in a line; `#` too, since closing hashes of a heading vanish.
_SPECIAL = re.compile(r"[\\`*_{}\[\]<>&|#]")
# ... and what only means something at the start of a line: list markers, quotes,
# headings, numbered lists (`1986. A year` would start a list).
_LEADING = re.compile(r"^(?:[-+=>~:]|\d+[.)])")
_LINE_BREAKS = re.compile(r"[ \t\r\n\f\v\u2028\u2029]+")


def _entity(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(c)};" for c in match.group())


def escape(text: str) -> str:
    """Plain text -> Markdown that renders to exactly this text (on one line).

    Only characters that could mean something are written as numeric entities, so the
    Markdown stays short (Python-Markdown handles every entity as an inline pattern)."""
    text = _LINE_BREAKS.sub(" ", text).strip(" ")
    text = _SPECIAL.sub(_entity, text)
    leading = _LEADING.match(text)
    if leading is not None:  # the character that makes it a list, quote or fence
        end = leading.end()
        text = text[: end - 1] + f"&#{ord(text[end - 1])};" + text[end:]
    return text


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


def html_block(html: str, css_class: str, attributes: str = "") -> str:
    """Rendered HTML as a raw block that Markdown passes through unchanged."""
    return f'\n<div class="{css_class}"{attributes}>\n{html}\n</div>\n'


def relative(from_path: str, to_path: str, anchor: str | None = None) -> str:
    """Link from one page source path (`events/x.md`) to another (`glossary.md`)."""
    if to_path == from_path and anchor:
        return f"#{anchor}"
    target = _relative_path(posixpath.dirname(from_path), to_path)
    return f"{target}#{anchor}" if anchor else target


@lru_cache(maxsize=65536)
def _relative_path(from_dir: str, to_path: str) -> str:
    return posixpath.relpath(to_path, from_dir or ".")


def link(label_markdown: str, from_path: str, to_path: str, anchor: str | None = None) -> str:
    return f"[{label_markdown}]({relative(from_path, to_path, anchor)})"
