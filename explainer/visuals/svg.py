"""Small helpers to write SVG safely: every text is escaped, every number rounded; text
widths estimated so that labels wrap and legends flow within a layout's width.

Each picture comes in two layouts of the same data: a wide one, drawn for a desktop
column, and a narrow one, drawn for a phone's. Text is 13 user units high in both, and
each is shown only where that makes it at least 12 CSS pixels: the stylesheet shows the
narrow layout when the picture's frame is narrower than NARROW_BELOW (a container query),
and otherwise the wide one."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

#: the width wide layouts are drawn for: a desktop column with both sidebars is 688 px
WIDE = 680.0
#: the width narrow layouts are drawn for: a phone's column is 288 px (320 px screen) to
#: 382 px (414 px screen) wide
NARROW = 320.0
#: text size in user units (explainer.css sets the same on every picture)
FONT = 13.0
#: how far each layout may be scaled: the wide one down to 93 % (13 px text stays above
#: 12 px), never up; the narrow one from 90 % to 115 %. Below its least size a picture
#: scrolls sideways in its frame (a timeline of many months does).
SCALE = {"wide": (0.93, 1.0), "narrow": (0.9, 1.15)}
#: the distance between the lines of a legend entry's label that wraps
LEGEND_LINE = 16.0
#: the frame width below which the narrow layout is shown (explainer.css, @container)
NARROW_BELOW = 632

# Advance widths (in ems) of Helvetica/Arial-like faces, the fonts the site asks for; a
# rough table with a margin: a label may come out a little short of its room, never over.
_NARROW = set("ijlI.,;:'’‘!|íìïî")
_SEMI = set('ftr()[]/-"“”„‚ ')
_WIDE_LOWER = set("mw")
_WIDE_UPPER = set("MWÆŒ%—")
_MARGIN = 1.1


@lru_cache(maxsize=8192)  # labels repeat: words, names, units
def text_width(text: str, size: float = FONT, bold: bool = False) -> float:
    """An estimate of the width of `text` set in the page's font at `size`."""
    ems = 0.0
    for char in text:
        if char in _NARROW:
            ems += 0.25
        elif char in _SEMI:
            ems += 0.33
        elif char in _WIDE_LOWER:
            ems += 0.8
        elif char in _WIDE_UPPER:
            ems += 0.95
        elif char.isupper():
            ems += 0.72
        else:
            ems += 0.58
    return ems * size * _MARGIN * (1.08 if bold else 1.0)


def wrap(words: Sequence[str], width: float, first_bold: bool = False) -> list[str]:
    """`words` (split at spaces; never at a no-break space) joined into lines that fit
    `width`; a word too long for it stays whole on its own line. With `first_bold`, the
    first word is measured as bold (a figure's value, kept whole)."""
    lines: list[str] = []
    widths: list[float] = []
    for i, word in enumerate(w for w in words if w):
        size = text_width(word, bold=first_bold and i == 0)
        if lines and widths[-1] + text_width(" ") + size <= width:
            lines[-1] = f"{lines[-1]} {word}"
            widths[-1] += text_width(" ") + size
        else:
            lines.append(word)
            widths.append(size)
    return lines or [""]


def wrap_evenly(words: Sequence[str], width: float) -> list[str]:
    """As `wrap`, in as few lines, but of even length ("Embassy of Mexico / in the United
    States", not "Embassy of Mexico in the United / States"): a name, not running text."""
    lines = wrap(words, width)
    while len(lines) > 1 and width > 40:
        narrower = wrap(words, width - 8)
        if len(narrower) > len(lines):
            break
        lines, width = narrower, width - 8
    return lines


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def num(value: float) -> str:
    """A coordinate with at most one decimal, so output is stable and small."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def el(tag: str, content: str | None = None, /, **attributes: str | float) -> str:
    """An SVG element; attribute names use `_` for `-` (`text_anchor`) and `css` for
    `class`; numbers are rounded, texts escaped. `content` is markup, already escaped."""
    parts = [tag]
    for name, value in attributes.items():
        name = "class" if name == "css" else name.replace("_", "-")
        text = num(value) if isinstance(value, (int, float)) else esc(value)
        parts.append(f'{name}="{text}"')
    opening = " ".join(parts)
    return f"<{opening}/>" if content is None else f"<{opening}>{content}</{tag}>"


def link(href: str, content: str) -> str:
    """A mark that leads to a page, for pointer users (see picture)."""
    return f'<a href="{esc(href)}" tabindex="-1">{content}</a>'


@dataclass
class Drawing:
    """One layout of a picture: its size in user units and its elements."""

    width: float
    height: float
    body: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LegendItem:
    """A legend entry: a sample drawn with its left edge at x and its middle at y (markup
    from `sample(x, y)`), `sample_width` wide, then its label."""

    sample: Callable[[float, float], str]
    sample_width: float
    label: str


def legend(items: Sequence[LegendItem], x0: float, y0: float, width: float) -> tuple[str, float]:
    """The entries in rows that flow within `width` from (x0, y0), the middle of the first
    row; returns the markup and the middle of the last row."""
    parts: list[str] = []
    x, y = x0, y0
    for item in items:
        needed = item.sample_width + 6 + text_width(item.label)
        if x > x0 and x + needed > x0 + width:
            x, y = x0, y + 22
        parts.append(item.sample(x, y))
        # a label wider than a row ("Statement (press conference, social media post)" in
        # a phone's layout) wraps under itself, and the next entry starts below it
        room = width - item.sample_width - 6
        lines = [item.label] if needed <= width else wrap(item.label.split(" "), room)
        for i, line in enumerate(lines):
            parts.append(
                el(
                    "text",
                    esc(line),
                    css="viz-label",
                    x=x + item.sample_width + 6,
                    y=y + 4.5 + i * LEGEND_LINE,
                )
            )
        if len(lines) > 1:
            x, y = x0 + width, y + (len(lines) - 1) * LEGEND_LINE
        else:
            x += needed + 18
    return "".join(parts), y


def picture(
    *,
    css_class: str,
    title: str,
    description: str,
    ident: str,
    wide: Drawing,
    narrow: Drawing,
) -> str:
    """An accessible inline picture in two layouts (one shown at a time, see the module):
    each an image (role="img") named by its title and described by its description, in
    the page's language; the wide one's ids are `{ident}-title` and `{ident}-desc`.

    The drawing itself, with a link on every mark, is hidden from assistive technology
    and out of the tab order (an image must not contain controls): for them, and for
    keyboard users, the list or table beside the picture is the text alternative. Pointer
    users click the marks. The frame is focusable, so that keyboard users can scroll it
    when it scrolls."""
    svgs = []
    for layout, drawing, suffix in (("wide", wide, ""), ("narrow", narrow, "-narrow")):
        least, most = SCALE[layout]
        bounds = f"max-width:{num(drawing.width * most)}px;min-width:{num(drawing.width * least)}px"
        view_box = f"0 0 {num(drawing.width)} {num(drawing.height)}"
        name = f"{ident}{suffix}"
        svgs.append(
            f'<svg xmlns="http://www.w3.org/2000/svg" class="viz-{layout}" viewBox="{view_box}" '
            f'width="{num(drawing.width)}" height="{num(drawing.height)}" style="{bounds}">'
            f'<g role="img" aria-labelledby="{name}-title {name}-desc">'
            f'<title id="{name}-title">{esc(title)}</title>'
            f'<desc id="{name}-desc">{esc(description)}</desc></g>'
            f'<g aria-hidden="true">' + "".join(drawing.body) + "</g></svg>"
        )
    return f'<div class="explainer-viz {css_class}" tabindex="0">{"".join(svgs)}</div>'
