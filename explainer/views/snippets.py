"""Small pieces of Markdown that several views and the hand-written pages' blocks share."""

from __future__ import annotations

from explainer.markup import escape
from explainer.model import Event, Figure
from explainer.rendering import LABEL_SEPARATOR, RenderContext, status_badge
from explainer.terms import LABELS_ATTRIBUTE


def event_meta(ctx: RenderContext, event: Event) -> str:
    """`<em>16 January 2026 · Meeting</em> · scheduled` in Markdown (the text escaped
    for it), as `explainer.views.base.event_meta` writes it in HTML."""
    parts = [ctx.l10n.date(event.date), ctx.t(f"type.{event.type}")]
    labels = LABEL_SEPARATOR.join(escape(p) for p in parts)
    return f"<em {LABELS_ATTRIBUTE}>{labels}</em>{status_badge(ctx, event.status)}"


def event_item(ctx: RenderContext, from_path: str, event: Event, *, summary: bool = False) -> str:
    """A list item naming an event: date, linked title, type and status."""
    line = f"- {ctx.event_link(from_path, event.id)}{ctx.t('separator')}{event_meta(ctx, event)}"
    if summary:
        line += f"  \n  {escape(ctx.text(event.summary))}"
    return line


def figure_item(ctx: RenderContext, from_path: str, figure: Figure) -> str:
    """A list item for a figure on its own event's page: value, label, who claimed it."""
    value = escape(ctx.l10n.figure_value(figure))
    label = escape(ctx.text(figure.label))
    claimed = ctx.t("figure.claimed_by", actor=ctx.actor_link(from_path, figure.by))
    return f"- **{value}**{ctx.t('separator')}{label}  \n  {claimed}"


def figures_table(ctx: RenderContext, from_path: str, figures: list[Figure]) -> str:
    """Every figure with its value, what it counts, who claimed it and in which event."""
    head = [ctx.t(f"figures.column.{c}") for c in ("value", "what", "by", "event")]
    rows = [
        "| " + " | ".join(escape(h) for h in head) + " |",
        "| " + " | ".join(("---:", "---", "---", "---")) + " |",
    ]
    for figure in figures:
        event = ctx.story.events[figure.event_id]
        cells = [
            f"**{escape(ctx.l10n.figure_value(figure))}**",
            escape(ctx.text(figure.label)),
            ctx.actor_link(from_path, figure.by),
            f"{ctx.event_link(from_path, event.id)} ({escape(ctx.l10n.date(event.date))})",
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)
