"""The timeline as a picture: events on a time axis, shaped and coloured by type.

Calls are circles, statements squares, meetings diamonds; scheduled events are hollow,
cancelled ones struck through; an event known only by its month is a bar across that
month. Marks that would collide stack in lanes; beyond the last lane a "+N" mark links to
the first of the hidden events in the timeline list. Wide ranges scroll sideways.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable

from explainer.model import Event, EventDate
from explainer.views.base import RenderContext
from explainer.visuals.svg import el, esc, link, num, svg_root

MONTH = 90.0  # the least width of a month; short stories spread over WIDTH
LANE = 24.0
LANES = 6
TOP = 34.0
LEFT = 16.0
R = 7.0
WIDTH = 760.0


def _month_index(date: EventDate, first: EventDate) -> int:
    return (date.year - first.year) * 12 + date.month - first.month


def shape(kind: str, x: float, y: float, css: str) -> str:
    """The mark of an event type: circle (call), square (statement), diamond (meeting)."""
    if kind == "call":
        return el("circle", css=css, cx=x, cy=y, r=R)
    if kind == "statement":
        return el("rect", css=css, x=x - R, y=y - R, width=2 * R, height=2 * R)
    d = R + 1.5
    corners = [(x, y - d), (x + d, y), (x, y + d), (x - d, y)]
    return el("polygon", css=css, points=" ".join(f"{num(a)},{num(b)}" for a, b in corners))


def strike(x: float, y: float) -> str:
    """The line through a cancelled event's mark."""
    return el("line", css="viz-strike", x1=x - R - 3, y1=y + R + 3, x2=x + R + 3, y2=y - R - 3)


def timeline_chart(
    ctx: RenderContext,
    href: Callable[[str, str | None], str],
    ident: str,
    alternative: str = "viz.alternative.here",
) -> str:
    """`href(path, anchor)` is the URL of a page (source path) as seen from this page;
    `alternative` the UI string that says where the same events are listed as text."""
    events = ctx.story.chronological
    if not events:
        return ""
    first = EventDate(events[0].date.year, events[0].date.month)
    months = _month_index(events[-1].date, first) + 1
    month_width = max(MONTH, (WIDTH - 2 * LEFT) / months)
    width = LEFT * 2 + months * month_width
    lanes_end: list[float] = []
    placed: list[tuple[Event, float, float, float]] = []  # event, x, x_end, lane
    hidden: dict[int, list[Event]] = {}
    for event in events:
        m = _month_index(event.date, first)
        start = LEFT + m * month_width
        if event.date.day is None:
            x, x_end = start + 4, start + month_width - 4
        else:
            days = calendar.monthrange(event.date.year, event.date.month)[1]
            x = start + (event.date.day - 0.5) / days * month_width
            x_end = x
        left, right = x - R - 2, x_end + R + 2
        lane = next((i for i, end in enumerate(lanes_end) if end < left), None)
        if lane is None and len(lanes_end) < LANES:
            lanes_end.append(right)
            lane = len(lanes_end) - 1
        if lane is None:
            hidden.setdefault(m, []).append(event)
            continue
        lanes_end[lane] = right
        placed.append((event, x, x_end, lane))
    lanes = max(len(lanes_end), 1)
    axis_y = TOP + lanes * LANE + 6
    height = axis_y + 64
    body = [el("line", css="viz-axis", x1=LEFT, y1=axis_y, x2=width - LEFT, y2=axis_y)]
    label_every = 1 if month_width >= 70 else 2
    for m in range(months):
        year, month = first.year + (first.month - 1 + m) // 12, (first.month - 1 + m) % 12 + 1
        x = LEFT + m * month_width
        body.append(el("line", css="viz-tick", x1=x, y1=axis_y, x2=x, y2=axis_y + 6))
        if m % label_every == 0:
            label = ctx.l10n.month_short(EventDate(year, month))
            body.append(el("text", esc(label), css="viz-label", x=x + 4, y=axis_y + 20))
    for event, x, x_end, lane in placed:
        y = TOP + lane * LANE
        title = f"{ctx.text(event.title)} ({ctx.l10n.date(event.date)})"
        css = f"viz-mark viz-{event.type} viz-{event.status}"
        if event.date.day is None:
            bar = el("rect", css=f"{css} viz-span", x=x, y=y - 4, width=x_end - x, height=8, rx=4)
            mark = bar + shape(event.type, x, y, css)
        else:
            mark = shape(event.type, x, y, css)
        if event.status == "cancelled":
            mark += strike(x, y)
        content = f"<title>{esc(title)}</title>{mark}"
        body.append(link(href(f"events/{event.id}.md", None), content))
    for m, events_here in sorted(hidden.items()):
        x = LEFT + m * month_width + month_width / 2
        label = ctx.t("viz.more", count=len(events_here))
        content = f"<title>{esc(label)}</title>" + el(
            "text", esc(label), css="viz-more", x=x, y=TOP - 14, text_anchor="middle"
        )
        body.append(link(href("timeline.md", events_here[0].id), content))
    body.append(_legend(ctx, axis_y + 36))
    description = ctx.t(
        "viz.timeline.desc",
        count=len(events),
        start=ctx.l10n.date(events[0].date),
        end=ctx.l10n.date(events[-1].date),
    )
    description += " " + ctx.t(alternative)
    return svg_root(
        width,
        height,
        css_class="explainer-viz--timeline",
        title=ctx.t("viz.timeline.title"),
        description=description,
        ident=ident,
        body=body,
    )


def _legend(ctx: RenderContext, y: float) -> str:
    items = []
    x = LEFT + 8
    entries = [(kind, "held", ctx.t(f"type.{kind}")) for kind in ("call", "statement", "meeting")]
    entries += [
        ("meeting", "scheduled", ctx.t("status.scheduled")),
        ("meeting", "cancelled", ctx.t("status.cancelled")),
    ]
    for kind, status, label in entries:
        items.append(shape(kind, x, y, f"viz-mark viz-{kind} viz-{status}"))
        if status == "cancelled":
            items.append(strike(x, y))
        items.append(el("text", esc(label), css="viz-label", x=x + 12, y=y + 4))
        x += 26 + 7.5 * len(label)
    return "".join(items)
