"""The key figures as bars, grouped by unit; each bar says its value and who claimed it,
and links to the event where the claim was made. A drop (negative value) points left.
Labels wrap to the layout's width (see svg.py), so the narrow layout keeps the same text
size on more lines."""

from __future__ import annotations

from collections.abc import Callable

from explainer.rendering import RenderContext
from explainer.visuals.svg import NARROW, WIDE, Drawing, el, esc, link, picture, wrap
from explainer.vocabulary import UNITS

LEFT = 12.0
LINE = 17.0  # from one line of a label to the next
BAR = 12.0


def figures_chart(ctx: RenderContext, href: Callable[[str, str | None], str], ident: str) -> str:
    figures = ctx.story.figures
    if not figures:
        return ""
    # each figure's value, label and byline, formatted once for both layouts
    texts = {
        id(f): (
            ctx.l10n.figure_value(f),
            ctx.text(f.label),
            ctx.t("figure.claimed_by", actor=ctx.actor_name(f.by)),
        )
        for f in figures
    }
    return picture(
        css_class="explainer-viz--figures",
        title=ctx.t("viz.figures.title"),
        description=ctx.t("viz.figures.desc", count=len(figures)),
        ident=ident,
        wide=_layout(ctx, href, WIDE, texts),
        narrow=_layout(ctx, href, NARROW, texts),
    )


def _layout(
    ctx: RenderContext,
    href: Callable[[str, str | None], str],
    width: float,
    texts: dict[int, tuple[str, str, str]],
) -> Drawing:
    figures = ctx.story.figures
    span = width - 2 * LEFT
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
        zero = LEFT + span / 2 if negative else LEFT
        scale = (span / 2 if negative else span) / largest
        y += 10
        for figure in group:
            value, label, byline = texts[id(figure)]
            lines = wrap([value, *label.split(" ")], span, first_bold=True)
            # the tooltip runs as text: the label first ("Drugs seized at sea: 51 metric
            # tons, according to …"), no capital after the value (R20)
            said = f"{ctx.t('label', label=label)} {value}, {byline}"
            content = [el("title", esc(said))]
            for i, line in enumerate(lines):
                y += LINE
                if i == 0:  # the value, in bold, then the label
                    rest = line[len(value) :]
                    text = el("tspan", esc(value), css="viz-value") + esc(rest)
                else:
                    text = esc(line)
                content.append(el("text", text, css="viz-label", x=LEFT, y=y))
            length = abs(figure.value) * scale
            content.append(
                el(
                    "rect",
                    css=f"viz-bar viz-bar--{'down' if figure.value < 0 else 'up'}",
                    x=zero - length if figure.value < 0 else zero,
                    y=y + 6,
                    width=max(length, 2),
                    height=BAR,
                )
            )
            if negative:  # the zero line, across the bar only (not through the labels)
                content.append(
                    el("line", css="viz-axis", x1=zero, y1=y + 2, x2=zero, y2=y + 10 + BAR)
                )
            y += 6 + BAR
            for line in wrap(byline.split(" "), span):
                y += LINE
                content.append(el("text", esc(line), css="viz-byline", x=LEFT, y=y))
            body.append(link(href(f"events/{figure.event_id}.md", None), "".join(content)))
            y += 14
        y += 8
    return Drawing(width, y + 8, body)
