"""Small pieces of Markdown that several views and the hand-written pages' blocks share."""

from __future__ import annotations

from explainer.markup import escape, link
from explainer.model import Event, Figure
from explainer.views.base import RenderContext, event_path


def event_meta(ctx: RenderContext, event: Event) -> str:
    """`16 January 2026 · Statement · Scheduled`."""
    parts = [ctx.l10n.date(event.date), ctx.t(f"type.{event.type}")]
    if event.status != "held":
        parts.append(ctx.t(f"status.{event.status}"))
    return " · ".join(escape(p) for p in parts)


def event_item(ctx: RenderContext, from_path: str, event: Event, *, summary: bool = False) -> str:
    """A list item naming an event: date, linked title, type and status."""
    line = f"- {ctx.event_link(from_path, event.id)} — {event_meta(ctx, event)}"
    if summary:
        line += f"  \n  {escape(ctx.text(event.summary))}"
    return line


def figure_claim(ctx: RenderContext, from_path: str, figure: Figure) -> str:
    """`claimed by Claudia Sheinbaum in Morning press conference (16 January 2026)`."""
    event = ctx.story.events[figure.event_id]
    return ctx.t(
        "figure.claim",
        actor=ctx.actor_link(from_path, figure.by),
        event=link(escape(ctx.text(event.title)), from_path, event_path(event.id)),
        date=escape(ctx.l10n.date(event.date)),
    )


def figure_item(ctx: RenderContext, from_path: str, figure: Figure) -> str:
    value = escape(ctx.l10n.figure_value(figure))
    label = escape(ctx.text(figure.label))
    return f"- **{value}** — {label}  \n  {figure_claim(ctx, from_path, figure)}"
