"""`timeline/`: every event, oldest first, grouped by month, narrowed by type on request.

The filter is a set of radio buttons; explainer.css hides the other types with `:has()`,
so it works without JavaScript and with the keyboard.
"""

from __future__ import annotations

import html
from itertools import groupby

from explainer.markup import escape
from explainer.model import EventDate
from explainer.views.base import TIMELINE, View, event_path
from explainer.views.snippets import event_meta
from explainer.visuals.timeline_chart import timeline_chart

TYPES = ("call", "statement", "meeting")


class TimelineView(View):
    path = TIMELINE
    # Each event is a heading (screen readers move by headings), but the table of contents
    # lists the months only: one entry per event would make it as long as the page, and
    # Material's search plugin looks up every heading in it (quadratic in the events).
    toc_depth = 2

    def title(self) -> str:
        return self.ctx.t("timeline.title")

    def filter_form(self) -> str:
        ctx = self.ctx
        choices = [("all", ctx.t("timeline.filter.all"))]
        choices += [(kind, ctx.t(f"timeline.filter.{kind}")) for kind in TYPES]
        inputs = []
        for value, label in choices:
            checked = " checked" if value == "all" else ""
            inputs.append(
                f'<input type="radio" name="explainer-type" id="explainer-type-{value}" '
                f'value="{value}"{checked}><label for="explainer-type-{value}">'
                f"{html.escape(label)}</label>"
            )
        legend = html.escape(ctx.t("timeline.filter.legend"))
        return (
            f'<form class="explainer-filter">\n<fieldset>\n<legend>{legend}</legend>\n'
            + "\n".join(inputs)
            + "\n</fieldset>\n</form>"
        )

    def description(self) -> str:
        return self.ctx.t("timeline.intro")

    def body(self) -> str:
        ctx = self.ctx
        chart = timeline_chart(
            ctx, lambda path, anchor: ctx.page_href(self.path, path, anchor), "viz-timeline"
        )
        lines = [escape(ctx.t("timeline.intro")), "", chart, "", self.filter_form(), ""]
        by_month = groupby(ctx.story.chronological, key=lambda e: (e.date.year, e.date.month))
        for (year, month), events in by_month:
            lines += [
                '<section class="explainer-month" markdown>',
                "",
                f"## {escape(ctx.l10n.date(EventDate(year, month)))}",
                "",
            ]
            for event in events:
                title = f"[{escape(ctx.text(event.title))}]({event_path(event.id)})"
                if event.status == "cancelled":
                    title = f"<s>{title}</s>"
                lines += [
                    f'<div class="explainer-event explainer-event--{event.status}" '
                    f'data-type="{event.type}" markdown>',
                    "",
                    f"### {title} {{ #{event.id} }}",
                    "",
                    event_meta(ctx, event),
                    "",
                    escape(ctx.text(event.summary)),
                    "",
                    "</div>",
                    "",
                ]
            lines += ["</section>", ""]
        return "\n".join(lines)
