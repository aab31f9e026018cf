"""`timeline/`: every event, oldest first, grouped by month, narrowed by type on request
(timeline.html)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from typing import Any

from markdown.extensions.toc import unique
from markupsafe import Markup

from explainer.model import EventDate
from explainer.rendering import Links, RenderContext
from explainer.views.base import TIMELINE, View
from explainer.visuals.timeline_chart import event_keys, timeline_chart
from explainer.vocabulary import EVENT_TYPES


def embed_code(ctx: RenderContext) -> Any:
    from explainer.views.embed import embed_code  # the embed page's view extends this one

    return embed_code(ctx)


def month_anchor(ctx: RenderContext, date: EventDate) -> str:
    """The id the timeline page gives its heading for the month of `date` (`january-2026`):
    slugified like every heading, and never the same as an event's id."""
    month = EventDate(date.year, date.month)
    slug = ctx.headings.slugify(ctx.l10n.date(month), ctx.headings.separator)
    if slug and slug not in ctx.story.events:  # the usual case: no need to copy the ids
        return slug  # (a copy per event page made building the pages quadratic in events)
    return unique(slug, set(ctx.story.events))


class TimelineView(View):
    path = TIMELINE
    template = "timeline.html"
    # Each event is a heading (screen readers move by headings), but the table of contents
    # lists the months only: one entry per event would make it as long as the page, and
    # Material's search plugin looks up every heading in it (quadratic in the events).
    toc_depth = 2

    def __init__(self, ctx: RenderContext, *, embed: bool = False) -> None:
        super().__init__(ctx)
        #: whether the page offers the code that embeds the timeline in other sites
        self.embed = embed

    def title(self) -> str:
        return self.ctx.t("timeline.title")

    def description(self) -> str:
        return self.ctx.t("timeline.intro")

    def anchors(self) -> Iterable[str]:
        return self.ctx.story.events

    def context(self) -> dict[str, Any]:
        ctx = self.ctx
        chart = timeline_chart(ctx, Links(ctx, self.path).address, "viz-timeline")
        filters = [("all", ctx.t("timeline.filter.all"))]
        filters += [(kind, ctx.t(f"timeline.filter.{kind}")) for kind in EVENT_TYPES]
        by_month = groupby(ctx.story.chronological, key=lambda e: (e.date.year, e.date.month))
        months = [
            (ctx.l10n.date(EventDate(year, month)), list(events))
            for (year, month), events in by_month
        ]
        story = ctx.story
        return {
            "chart": Markup(chart),
            "filters": filters,
            "months": months,
            # an event known only by its month that may have come before some listed above
            # it: said at the entry (R14 read the list's order as saying it came after them)
            "may_be_earlier": {
                event.id
                for position, event in enumerate(story.chronological)
                if event.date.day is None
                and any(
                    other in story.chronological[:position]
                    for other in story.order_unknown(event.id)
                )
            },
            "keys": event_keys(ctx),
            # only with the site's address: a frame's address must be absolute to work on
            # another site, and readers never see a note for the maintainer
            "embed": embed_code(ctx) if self.embed and ctx.urls.site_url else None,
            "embedded": False,
        }
