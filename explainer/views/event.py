"""`events/<id>/`: one event with everything the data says about it (event.html)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from explainer.markup import render_markdown
from explainer.model import Event
from explainer.rendering import (
    RenderContext,
    capitalized,
    correction_html,
    dated,
    fact_rows,
    precision,
    when,
)
from explainer.views.base import View, event_path
from explainer.views.changes import correction_anchor
from explainer.views.timeline import month_anchor
from explainer.vocabulary import DEFAULT_STATUS


def source_url(url: str) -> str:
    """A source's address as an `href`: spaces and parentheses percent-encoded."""
    return quote(url, safe=":/?#[]@!$&'*+,;=%~").replace("(", "%28").replace(")", "%29")


def status_words(ctx: RenderContext, event: Event) -> str | None:
    """The status in the event's facts, for an event that did not simply take place: the
    word its label uses, then its date and status in words that stay true (`Unconfirmed —
    scheduled for January 23, 2026; the sources do not say whether it took place`), so that
    label and facts visibly agree (R24/R25 read "Status: Scheduled for …" beside the label
    "unconfirmed" as two statuses). `event.status.line.<status>` joins them: {status} is
    the label's word, {when} the date and status in words, {scheduled} the date as a
    scheduled event's (a canceled one's `when` already ends in "canceled"). None for one
    that took place, whose date says it: the R11 review found every wording of "Status:
    Took place" / "Issued" bureaucratic (the JSON export keeps the status fields)."""
    if event.status == DEFAULT_STATUS:
        return None
    scheduled = ctx.t(f"when.scheduled.{precision(event)}", date=ctx.l10n.date(event.date))
    line = ctx.t(
        f"event.status.line.{event.status}",
        status=ctx.t(f"status.{event.status}"),
        when=when(ctx, event),
        scheduled=scheduled,
    )
    return capitalized(line)


def order_unknown_key(event: Event, neighbour: Event) -> str | None:
    """Why the data does not say which of two neighbours came first, as a key of the UI
    table: the same day (`.same_day`), or one of the two known only by its month (`.month`:
    "order unknown"). Both events' pages say the same of their link: R32/R33 read "(date
    within the month unknown)" on one and "(order unknown)" on the other as two things;
    R12 had read the first on the month-only event's own page as if the neighbour's date
    were unknown, and R14 the bare "Previous:" as saying it came before."""
    if neighbour.date.day is None or event.date.day is None:
        return "event.order_unknown.month"
    return "event.order_unknown.same_day"


class EventView(View):
    template = "event.html"
    in_nav = False

    def __init__(self, ctx, event: Event) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.event = event
        self.path = event_path(event.id)

    def title(self) -> str:
        return self.ctx.text(self.event.title)

    def description(self) -> str:
        return self.ctx.text(self.event.summary)

    def facts(self) -> list[tuple[str, str | Markup]]:
        ctx, event = self.ctx, self.event
        facts = [
            (ctx.t("event.date"), ctx.l10n.date(event.date)),
            (ctx.t("event.type"), ctx.type_words(event)),
        ]
        status = status_words(ctx, event)
        if status is not None:
            facts.append((ctx.t("event.status"), status))
        if event.time and event.timezone:
            facts.append((ctx.t("event.time"), ctx.l10n.time(event.time, event.timezone)))
        if event.place:
            facts.append((ctx.t("event.place"), ctx.text(event.place)))
        return fact_rows(facts)

    def context(self) -> dict[str, Any]:
        ctx, event, story = self.ctx, self.event, self.ctx.story
        unknown = story.order_unknown(event.id)
        previous, following = story.previous_event(event.id), story.next_event(event.id)
        month_only = event.date.day is None
        return {
            "event": event,
            "facts": self.facts(),
            # the page's first publication is said only beside its update ("Page
            # published …  · updated …"): alone, "Page published Nov. 22, 2026" over an
            # event of January read as an account gone stale (R54, R55), and the contract
            # asks only for the update; the JSON-LD and the feed keep both dates
            "published": dated(ctx, "history.published", event.published)
            if event.published and event.updated
            else None,
            "updated": dated(ctx, "history.updated", event.updated) if event.updated else None,
            "corrections": [
                (correction_anchor(number), correction_html(ctx, correction))
                for number, correction in enumerate(event.corrections, start=1)
            ],
            "body": Markup(render_markdown(ctx.text(event.body))) if event.body else None,
            "participants": [story.actors[actor_id] for actor_id in event.participants],
            "related": story.related_events(event.id),
            "previous": previous,
            "following": following,
            # previous or next, but the data does not say which came first: said beside it
            # with why, as the key of its words: "(same day; order unknown)", "(order
            # unknown)" where one is known only by its month, which its date shows (R11
            # read a bare "(order not known)" between two dated events as cryptic)
            "order_unknown": {
                e.id: key
                for e in unknown
                if e in (previous, following) and (key := order_unknown_key(event, e))
            },
            # the others the data does not place before or after it (the neighbours are
            # not named twice)
            "same_day": []
            if month_only
            else [e for e in unknown if e.date == event.date and e not in (previous, following)],
            "same_month": []
            if month_only
            else [e for e in unknown if e.date.day is None and e not in (previous, following)],
            "month_only": month_only,
            # the timeline lists a month-only event after its month's dated ones, or just
            # before the one the sources place it before (`before`)
            "month_has_dated": month_only and any(e.date.day is not None for e in unknown),
            "before": event.before,
            "month_anchor": month_anchor(ctx, event.date),
            "source_url": source_url,
        }
