"""`toc_depth: N` in a page's front matter (an extension of ours): its table of contents
lists headings down to level N only; deeper ones stay on the page. The generated timeline
lists its months, not every event."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class TocDepthError(ValueError):
    """`toc_depth` is not a heading level."""


def toc_depth(meta: dict[str, Any], source: str) -> int | None:
    """The page's `toc_depth`, checked; None where it sets none."""
    depth = meta.get("toc_depth")
    if depth is None:
        return None
    if isinstance(depth, bool) or not isinstance(depth, int) or not 1 <= depth <= 6:
        raise TocDepthError(f"{source}: toc_depth: {depth!r} is not a heading level from 1 to 6")
    return depth


def limit_toc(items: Any, depth: int) -> None:
    """Drop the entries below level `depth` from a MkDocs table of contents, in place."""
    for item in items:
        if item.level >= depth:
            item.children = []
        else:
            limit_toc(item.children, depth)


def retitle_toc(items: Any, fix: Callable[[str], str]) -> None:
    """Pass each entry's title of a MkDocs table of contents through `fix`, in place: the
    toc extension takes the titles from the headings before the page's typography keeps
    dates together ("January\u00a015"), so the sidebar would break a date the heading
    keeps whole (R35/R37/R39)."""
    for item in items:
        item.title = fix(item.title)
        retitle_toc(item.children, fix)
