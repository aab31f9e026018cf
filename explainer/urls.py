"""Where each page and output of a language lives (the spec's "Pages and URLs" table).

The default language is at the site root, every other under `/<lang>/`; pages use
directory URLs (`events/<id>/`). All paths here are relative to the site root.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin

FEED = "feed.xml"
CALENDAR = "events.ics"
EXPORT = "events.json"
#: every file `Explainer.outputs` makes for a language
OUTPUTS = (FEED, CALENDAR, EXPORT)
#: the embeddable timeline, a whole document written as an output (views/embed.py)
EMBED_PAGE = "embed/timeline/index.html"


@dataclass(frozen=True)
class SiteUrls:
    languages: tuple[str, ...]  # the default first
    site_url: str | None = None  # absolute, ends with "/", or None

    @property
    def default(self) -> str:
        return self.languages[0]

    def prefix(self, language: str) -> str:
        return "" if language == self.default else f"{language}/"

    @lru_cache(maxsize=1 << 16)  # noqa: B019 - bounded: `mkdocs serve` makes one a build
    def page(self, language: str, source_path: str) -> str:
        """`events/x.md` -> `de/events/x/`; `index.md` -> `de/`."""
        stem = source_path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            stem = stem.removesuffix("index")
        else:
            stem += "/"
        return self.prefix(language) + stem.lstrip("/")

    def output(self, language: str, name: str) -> str:
        """`feed.xml` of a language -> `de/feed.xml`."""
        return self.prefix(language) + name

    def absolute(self, path: str) -> str | None:
        if not self.site_url:
            return None
        if _PLAIN_PATH.fullmatch(path):  # what this module makes: no need to resolve it
            return self.site_url + path
        return urljoin(self.site_url, path)


#: a relative path of plain segments (no `.` or `..`, no empty segment, no query, fragment
#: or scheme), which urljoin would only append to the site URL; it ran for every link of
#: every output and page head
_PLAIN_PATH = re.compile(r"(?:[\w~-][\w.~-]*/)*(?:[\w~-][\w.~-]*)?", re.ASCII)


def _relpath(target: str, base: str) -> str:
    """`posixpath.relpath` for two site-relative paths, without its detour through the
    working directory (it ran for every link of every generated page)."""
    base, target = posixpath.normpath(base), posixpath.normpath(target)
    if target.startswith(("/", "..")) or base.startswith(("/", "..")):  # not a page's
        return posixpath.relpath(target, base)
    target_parts = [p for p in target.split("/") if p not in ("", ".")]
    base_parts = [p for p in base.split("/") if p not in ("", ".")]
    common = 0
    for a, b in zip(target_parts, base_parts, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(base_parts) - common) + target_parts[common:]
    return "/".join(parts) or "."


def relative_url(target: str, from_page: str) -> str:
    """A root-relative target as seen from a root-relative page URL (`de/events/x/`)."""
    base = posixpath.dirname(from_page) if not from_page.endswith("/") else from_page
    result = _relpath(target or ".", base.rstrip("/") or ".")
    if result == ".":
        return "./"
    if (target == "" or target.endswith("/")) and not result.endswith("/"):
        result += "/"
    return result
