"""`timeline/`: every event, oldest first, grouped by month."""

from __future__ import annotations

from itertools import groupby

from explainer.markup import escape
from explainer.model import EventDate
from explainer.views.base import TIMELINE, View, event_path
from explainer.views.snippets import event_meta


class TimelineView(View):
    path = TIMELINE

    def title(self) -> str:
        return self.ctx.t("timeline.title")

    def body(self) -> str:
        ctx = self.ctx
        lines = [escape(ctx.t("timeline.intro")), ""]
        by_month = groupby(ctx.story.chronological, key=lambda e: (e.date.year, e.date.month))
        for (year, month), events in by_month:
            lines += [f"## {escape(ctx.l10n.date(EventDate(year, month)))}", ""]
            for event in events:
                title = escape(ctx.text(event.title))
                lines += [
                    f"### [{title}]({event_path(event.id)}) {{ #{event.id} }}",
                    "",
                    f"*{event_meta(ctx, event)}*",
                    "",
                    escape(ctx.text(event.summary)),
                    "",
                ]
        return "\n".join(lines)
