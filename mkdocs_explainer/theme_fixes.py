"""Corrections to Material's HTML that the W3C Nu HTML Checker and the browser tests found.

Pure string functions on a finished page; the MkDocs hooks apply them to every page.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*type="checkbox"[^>]*?)\s+autocomplete="off"')
_TOC_LABEL = re.compile(r'(<label\b[^>]*?)\s+for="__toc"')
_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')
_SEARCH_LABEL = re.compile(r'class="md-search__input"[^>]*?aria-label="([^"]*)"')
_LANGUAGE_LINK = re.compile(
    r'<a\b(?![^>]*\blang=)([^>]*\bhreflang="([^"]+)"[^>]*\bclass="md-select__link")'
)
_HREFLANG_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def drop_checkbox_autocomplete(page: str) -> str:
    """`autocomplete` is not allowed on checkboxes (Material's drawer and search toggles)."""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", page)


def drop_dangling_toc_label(page: str) -> str:
    """A page outside the navigation has no `__toc` toggle for its table-of-contents label."""
    if 'id="__toc"' in page:
        return page
    return _TOC_LABEL.sub(r"\1", page)


def name_search_dialog(page: str) -> str:
    """Material's search dialog has no accessible name; it takes the search field's label
    (already in the page's language)."""
    label = _SEARCH_LABEL.search(page)
    if label is None or "aria-label" in (_SEARCH_DIALOG.search(page) or [""])[0]:
        return page
    return _SEARCH_DIALOG.sub(rf'\1 aria-label="{label.group(1)}">', page, count=1)


def mark_language_names(page: str) -> str:
    """Each entry of Material's language menu names its language in that language
    ("Deutsch" on an English page): `lang` tells screen readers to say it so (WCAG 3.1.2)."""
    return _LANGUAGE_LINK.sub(r'<a lang="\2"\1', page)


def replace_hreflang_links(page: str, links: str) -> str:
    """Material's hreflang links (relative, one per language) give way to `links`."""
    head, end, body = page.partition("</head>")
    if not end:
        return page
    return _HREFLANG_LINK.sub("", head) + links + "\n" + end + body


#: where Material's page content starts; everything fix_page corrects stands before it
_CONTENT = '<div class="md-content"'


def fix_page(page: str) -> str:
    """The corrections, applied to the header, navigation and sidebars only: the page's
    content comes from the data (or an editor) and is never rewritten here."""
    shell, start, content = page.partition(_CONTENT)
    fixed = name_search_dialog(drop_dangling_toc_label(drop_checkbox_autocomplete(shell)))
    fixed = mark_language_names(fixed)
    return fixed + start + content
