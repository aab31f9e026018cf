"""The key figures as bars, grouped by unit; each bar says its value and who claimed it,
and links to the event where the claim was made. A drop (negative value) points left."""

from __future__ import annotations

from collections.abc import Callable

from explainer.views.base import RenderContext
from explainer.visuals.svg import el, esc, link, svg_root

WIDTH = 560.0
LEFT = 12.0
ROW = 56.0
UNITS = ("percent", "tonnes", "count")


def figures_chart(ctx: RenderContext, href: Callable[[str, str | None], str], ident: str) -> str:
    figures = ctx.story.figures
    if not figures:
        return ""
    body: list[str] = []
    y = 8.0
    for unit in UNITS:
        group = [f for f in figures if f.unit == unit]
        if not group:
            continue
        y += 18
        body.append(el("text", esc(ctx.t(f"viz.unit.{unit}")), css="viz-heading", x=LEFT, y=y))
        largest = max(abs(f.value) for f in group) or 1
        negative = any(f.value < 0 for f in group)
        span = WIDTH - 2 * LEFT
        zero = LEFT + span / 2 if negative else LEFT
        scale = (span / 2 if negative else span) / largest
        top = y + 12
        for figure in group:
            y += 12
            value = ctx.l10n.figure_value(figure)
            label = f"{ctx.text(figure.label)}: {value}"
            byline = ctx.t("figure.claimed_by", actor=ctx.actor_name(figure.by))
            length = abs(figure.value) * scale
            direction = "down" if figure.value < 0 else "up"
            text = el("tspan", esc(value), css="viz-value") + " " + esc(ctx.text(figure.label))
            content = (
                el("title", f"{esc(label)} ({esc(byline)})")
                + el("text", text, css="viz-label", x=LEFT, y=y)
                + el(
                    "rect",
                    css=f"viz-bar viz-bar--{direction}",
                    x=zero - length if figure.value < 0 else zero,
                    y=y + 6,
                    width=max(length, 2),
                    height=12,
                )
                + el("text", esc(byline), css="viz-byline", x=LEFT, y=y + 32)
            )
            body.append(link(href(f"events/{figure.event_id}.md", None), content))
            y += ROW - 12
        if negative:
            body.append(el("line", css="viz-axis", x1=zero, y1=top, x2=zero, y2=y - 12))
        y += 8
    return svg_root(
        WIDTH,
        y + 8,
        css_class="explainer-viz--figures",
        title=ctx.t("viz.figures.title"),
        description=ctx.t("viz.figures.desc", count=len(figures)),
        ident=ident,
        body=body,
    )
