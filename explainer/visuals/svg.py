"""Small helpers to write SVG safely: every text is escaped, every number rounded."""

from __future__ import annotations

import html
from collections.abc import Iterable

#: the least a picture is scaled down before its frame scrolls instead
SHRINK = 0.75


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


def svg_root(
    view_width: float,
    view_height: float,
    *,
    css_class: str,
    title: str,
    description: str,
    ident: str,
    body: Iterable[str],
) -> str:
    """An accessible inline SVG: one image (role="img") named by its title and described by
    its description, in the page's language.

    The drawing itself, with a link on every mark, is hidden from assistive technology
    and out of the tab order (an image must not contain controls): for them, and for
    keyboard users, the list or table beside the picture is the text alternative. Pointer
    users click the marks."""
    view_box = f"0 0 {num(view_width)} {num(view_height)}"
    # Never wider than drawn; narrower columns shrink it down to SHRINK of its size (text
    # stays readable), narrower still it scrolls: the wrapper is then a scrollable region,
    # focusable so that keyboard users can scroll it too.
    bounds = f"max-width:{num(view_width)}px;min-width:{num(view_width * SHRINK)}px"
    return (
        f'<div class="explainer-viz {css_class}" tabindex="0">'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}" '
        f'width="{num(view_width)}" height="{num(view_height)}" style="{bounds}">'
        f'<g role="img" aria-labelledby="{ident}-title {ident}-desc">'
        f'<title id="{ident}-title">{esc(title)}</title>'
        f'<desc id="{ident}-desc">{esc(description)}</desc></g>'
        f'<g aria-hidden="true">' + "".join(body) + "</g></svg></div>"
    )


def link(href: str, content: str) -> str:
    """A mark that leads to a page, for pointer users (see svg_root)."""
    return f'<a href="{esc(href)}" tabindex="-1">{content}</a>'
