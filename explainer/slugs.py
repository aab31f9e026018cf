"""Heading ids a reader can read in any of the site's languages.

Python-Markdown's `toc` slugify drops every letter outside ASCII after taking accents off:
„Außenministerium“ becomes `auenministerium`, „erwähnt“ `erwahnt`, so that the address a
reader copies from a heading's permanent link holds misspelt words (R59, R60). This one
first spells out the letters German writes in two when it cannot write them (ä → ae,
ß → ss), then slugs as Python-Markdown does (accents off: „mañanera“ → `mananera`). A site
sets it in mkdocs.yml (`toc: slugify: !!python/name:explainer.slugs.slugify`); the
generated pages take their ids from the same setting (explainer.site.heading_style).
"""

from __future__ import annotations

from markdown.extensions.toc import slugify as markdown_slugify

#: letters that German spells out where they cannot be written
_SPELLED_OUT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)


def slugify(value: str, separator: str) -> str:
    """`US-Außenministerium` → `us-aussenministerium`; `Zu diesem Überblick` →
    `zu-diesem-ueberblick`; other accented letters lose their accent."""
    return markdown_slugify(value.translate(_SPELLED_OUT), separator)
