"""The timeline as a picture: events on a time axis, shaped and coloured by type.

Calls are circles, statements squares, meetings diamonds; scheduled events are hollow,
unconfirmed ones hollow with a dashed outline, cancelled ones struck through. An event
known only by its month is its mark in the middle of a dashed bracket over that month,
which the legend calls "date within the month unknown": a bar from the month's first day
to its last would say that the event lasted the whole month. Those marks stand below the
axis and its month labels, apart from the dated marks above it: there, marks stacked in
one column share a day, and a month-only mark stacked under the mark of the 16th read as
dated to it (R41). Above each mark stands its
number, the event's place in the timeline's list (which shows the same numbers), so that
a reader without a pointer to hover can tell which mark is which event. Marks that would
collide stack in lanes; beyond the last lane a "+N" mark links to the first of the hidden
events in the timeline list. Wide ranges scroll sideways. Two layouts (see svg.py): the
narrow one gives each month less room and wraps its legend.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable

from explainer.model import Event, EventDate
from explainer.rendering import RenderContext, capitalized, title_with_when
from explainer.visuals.svg import (
    NARROW,
    WIDE,
    Drawing,
    LegendItem,
    el,
    esc,
    legend,
    link,
    num,
    picture,
    text_width,
)
from explainer.vocabulary import DEFAULT_STATUS, EVENT_TYPES, STATUSES

#: the least width of a month in each layout; short stories spread over the whole width
MONTH = {"wide": 90.0, "narrow": 100.0}
LANE = 36.0  # a mark and its number above it
BRACKET = 5.0  # how far the ends of a month-only event's bracket reach above and below
LANES = 6
LEFT = 16.0
R = 7.0
KEY_GAP = 4.0  # between the top of a mark and the baseline of its number
MORE = 22.0  # the row of "+N more" marks, when there are any
MONTH_SAMPLE = 34.0  # the width of the legend's sample of a month-only event
FULL_MONTH_ROOM = 110.0  # the room an axis label needs for "September 2026" written out


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


def bracket(left: float, right: float, y: float) -> str:
    """The bracket over the month of an event known only by its month: short ends, a dashed
    line between them (drawn under the mark)."""
    top, bottom = num(y - BRACKET), num(y + BRACKET)
    ends = el("path", css="viz-month", d=f"M{num(left)} {top}V{bottom}M{num(right)} {top}V{bottom}")
    return ends + el("line", css="viz-month viz-month-span", x1=left, y1=y, x2=right, y2=y)


def strike(x: float, y: float) -> str:
    """The line through a cancelled event's mark."""
    return el("line", css="viz-strike", x1=x - R - 3, y1=y + R + 3, x2=x + R + 3, y2=y - R - 3)


def event_keys(ctx: RenderContext) -> dict[str, str]:
    """Each event's number: its place in the timeline (1 for the oldest), in the page's
    digits. The picture draws it above the mark, the timeline list beside each event."""
    return {e.id: ctx.l10n.number(i) for i, e in enumerate(ctx.story.chronological, start=1)}


def timeline_chart(
    ctx: RenderContext,
    href: Callable[[str, str | None], str],
    ident: str,
    alternative: str = "viz.alternative.here",
) -> str:
    """`href(path, anchor)` is the URL of a page (source path) as seen from this page;
    `alternative` the UI string that says where the same events are listed as text
    (`viz.alternative.here` or `viz.alternative.timeline`); the legend says where the
    numbers come from in the same way (`viz.key.here`, `viz.key.timeline`)."""
    events = ctx.story.chronological
    if not events:
        return ""
    keys = event_keys(ctx)
    key_note = ctx.t("viz.key." + alternative.rsplit(".", 1)[-1])
    layouts = {
        layout: _layout(ctx, href, events, keys, key_note, width, MONTH[layout])
        for layout, width in (("wide", WIDE), ("narrow", NARROW))
    }
    description = ctx.t(
        "viz.timeline.desc",
        count=len(events),
        start=ctx.l10n.date(events[0].date),
        end=ctx.l10n.date(events[-1].date),
    )
    description += " " + ctx.t(alternative)
    return picture(
        css_class="explainer-viz--timeline",
        title=ctx.t("viz.timeline.title"),
        description=description,
        ident=ident,
        wide=layouts["wide"],
        narrow=layouts["narrow"],
    )


def _layout(
    ctx: RenderContext,
    href: Callable[[str, str | None], str],
    events: list[Event],
    keys: dict[str, str],
    key_note: str,
    least_width: float,
    least_month: float,
) -> Drawing:
    first = EventDate(events[0].date.year, events[0].date.month)
    months = _month_index(events[-1].date, first) + 1
    month_width = max(least_month, (least_width - 2 * LEFT) / months)
    width = LEFT * 2 + months * month_width
    lanes_end: list[float] = []
    placed: list[tuple[Event, float, int]] = []  # event, x, lane
    hidden: dict[int, list[Event]] = {}
    rows: dict[int, int] = {}  # month-only marks below the axis, by month
    below: list[tuple[Event, float, int]] = []  # event, x, row
    for event in events:
        m = _month_index(event.date, first)
        start = LEFT + m * month_width
        if event.date.day is None:  # the mark in the middle of its month's bracket
            row = rows.get(m, 0)
            if row < LANES:
                rows[m] = row + 1
                below.append((event, start + month_width / 2, row))
            else:
                hidden.setdefault(m, []).append(event)
            continue
        # the mark or its number, whichever is wider, and a little air
        half = max(R, text_width(keys[event.id], bold=True) / 2) + 2
        days = calendar.monthrange(event.date.year, event.date.month)[1]
        x = start + (event.date.day - 0.5) / days * month_width
        left, right = x - half, x + half + 2
        lane = next((i for i, end in enumerate(lanes_end) if end < left), None)
        if lane is None and len(lanes_end) < LANES:
            lanes_end.append(right)
            lane = len(lanes_end) - 1
        if lane is None:
            hidden.setdefault(m, []).append(event)
            continue
        lanes_end[lane] = right
        placed.append((event, x, lane))
    top = 8 + (MORE if hidden else 0)

    def middle(lane: int) -> float:  # of a mark in a lane
        return top + 13 + KEY_GAP + R + lane * LANE

    lanes = max(len(lanes_end), 1)
    axis_y = middle(lanes - 1) + R + 12

    def under(row: int) -> float:  # the middle of a month-only mark, below the month labels
        return axis_y + 26 + 13 + KEY_GAP + R + row * LANE

    bottom = under(max(rows.values()) - 1) + R + BRACKET if rows else axis_y + 20
    body = [el("line", css="viz-axis", x1=LEFT, y1=axis_y, x2=width - LEFT, y2=axis_y)]
    label_every = 1 if month_width >= 70 else 2
    for m in range(months):
        year, month = first.year + (first.month - 1 + m) // 12, (first.month - 1 + m) % 12 + 1
        x = LEFT + m * month_width
        body.append(el("line", css="viz-tick", x1=x, y1=axis_y, x2=x, y2=axis_y + 6))
        if m % label_every == 0:
            # the month written out ("January 2026", as the pages write it) where the axis
            # has room for it; abbreviated ("Jan. 2026") only where it has not
            if month_width * label_every >= FULL_MONTH_ROOM:
                label = ctx.l10n.date(EventDate(year, month))
            else:
                label = ctx.l10n.month_short(EventDate(year, month))
            body.append(el("text", esc(label), css="viz-label", x=x + 4, y=axis_y + 20))
    # in the timeline's order, whichever side of the axis each stands
    drawn = {e.id: (x, middle(lane)) for e, x, lane in placed}
    drawn |= {e.id: (x, under(row)) for e, x, row in below}
    for event, (x, y) in ((e, drawn[e.id]) for e in events if e.id in drawn):
        title = title_with_when(ctx, event)
        css = f"viz-mark viz-{event.type} viz-{event.status}"
        mark = shape(event.type, x, y, css)
        if event.date.day is None:
            m = _month_index(event.date, first)
            start = LEFT + m * month_width
            mark = bracket(start + 4, start + month_width - 4, y) + mark
        if event.status == "cancelled":
            mark += strike(x, y)
        number = el(
            "text", esc(keys[event.id]), css="viz-key", x=x, y=y - R - KEY_GAP, text_anchor="middle"
        )
        body.append(
            link(href(f"events/{event.id}.md", None), f"<title>{esc(title)}</title>{mark}{number}")
        )
    for m, events_here in sorted(hidden.items()):
        x = LEFT + m * month_width + month_width / 2
        label = ctx.t("viz.more", count=len(events_here))
        content = f"<title>{esc(label)}</title>" + el(
            "text", esc(label), css="viz-more", x=x, y=8 + 13, text_anchor="middle"
        )
        body.append(link(href("timeline.md", events_here[0].id), content))
    items, last_row = legend(_legend(ctx, key_note), LEFT + 2, bottom + 24, width - 2 * LEFT)
    body.append(items)
    return Drawing(width, last_row + 16, body)


def _legend(ctx: RenderContext, key_note: str) -> list[LegendItem]:
    def mark(kind: str, status: str) -> Callable[[float, float], str]:
        def sample(x: float, y: float) -> str:
            drawn = shape(kind, x + R + 1.5, y, f"viz-mark viz-{kind} viz-{status}")
            return drawn + (strike(x + R + 1.5, y) if status == "cancelled" else "")

        return sample

    # only what the picture shows: a legend entry for a status no event has ("Canceled")
    # would tell the reader of something that is not there
    events = ctx.story.events.values()
    types, statuses = {e.type for e in events}, {e.status for e in events}
    # one entry per label the items carry, in the type's colour and shape: the type's word,
    # or each name the data gives its events (`type_name`: "Press conference", "Social
    # media post"), each once; R43 could not match "Public statement" with items labeled
    # "Press conference", and R44/R45 read one entry listing them all as telegraphic
    entries = [
        (kind, DEFAULT_STATUS, label)
        for kind in EVENT_TYPES
        if kind in types
        for label in dict.fromkeys(
            ctx.type_words(e) for e in ctx.story.chronological if e.type == kind
        )
    ]
    # a status alone, not after a type as in the lists: capitalized ("Scheduled")
    entries += [
        ("meeting", status, capitalized(ctx.t(f"status.{status}")))
        for status in STATUSES[1:]
        if status in statuses
    ]
    items = [LegendItem(mark(kind, status), 2 * R + 3, label) for kind, status, label in entries]

    def month(x: float, y: float) -> str:
        return bracket(x + 1, x + MONTH_SAMPLE - 1, y)

    if any(e.date.day is None for e in events):
        items.append(LegendItem(month, MONTH_SAMPLE, ctx.t("viz.legend.month_only")))
    one = ctx.l10n.number(1)

    def key(x: float, y: float) -> str:
        return el("text", esc(one), css="viz-key", x=x + R + 1.5, y=y + 4.5, text_anchor="middle")

    items.append(LegendItem(key, 2 * R + 3, key_note))
    return items
