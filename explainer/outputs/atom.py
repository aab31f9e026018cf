"""`feed.xml`: an Atom feed of a language's events, newest first: the timeline's order
reversed (feedgen).

An entry stands on its own, away from the event's page: its summary says an event's
status in words when it has not simply taken place, and its content carries, after the
corrections and the body, the quotes and figures the body may point to ("see the full
quote below")."""

from __future__ import annotations

import datetime
import html

from feedgen.feed import FeedGenerator

from explainer.markup import render_markdown
from explainer.model import Event
from explainer.outputs.common import event_start, stable_id
from explainer.rendering import (
    RenderContext,
    correction_html,
    status_sentence,
    title_with_when,
)
from explainer.urls import FEED, SiteUrls, relative_url
from explainer.vocabulary import event_path


def atom_feed(ctx: RenderContext, urls: SiteUrls, site_name: str) -> bytes:
    lang = ctx.language
    feed_path = urls.output(lang, FEED)

    def href(target: str) -> str:
        """Absolute with a site_url; otherwise relative to the feed itself."""
        return urls.absolute(target) or relative_url(target, feed_path)

    # the timeline's order, newest first: an event placed with `before:` stands after the
    # one it precedes (the R9 review found the embassy's post above the January 23 meeting)
    events = list(reversed(ctx.story.chronological))
    feed = FeedGenerator()
    feed.id(urls.absolute(feed_path) or stable_id(site_name, lang, FEED))
    feed.title(site_name)
    feed.subtitle(ctx.t("feed.subtitle"))
    feed.language(lang)
    feed.author({"name": site_name})
    feed.link(href=href(feed_path), rel="self", type="application/atom+xml")
    feed.link(href=href(urls.page(lang, "index.md")), rel="alternate", type="text/html")
    feed.generator("explainer")
    dates = [entry_dates(e) for e in events]
    if dates:
        feed.updated(max(updated for _, updated in dates))
    for event, (published, updated) in zip(events, dates, strict=True):
        page = urls.page(lang, event_path(event.id))
        entry = feed.add_entry(order="append")
        entry.id(urls.absolute(page) or stable_id(site_name, lang, "events", event.id))
        entry.title(title_with_when(ctx, event))
        entry.link(href=href(page), rel="alternate", type="text/html")
        summary = ctx.text(event.summary)
        status = status_sentence(ctx, event)
        if status:
            summary = f"{status} {summary}"
        if event.corrections:
            latest = ctx.l10n.date(event.corrections[-1].date)
            summary = ctx.t("feed.corrected", summary=summary, date=latest)
        entry.summary(summary)
        content = [correction_html(ctx, c) for c in event.corrections]
        if event.body:
            content.append(render_markdown(ctx.text(event.body)))
        content += quotes_and_figures(ctx, event)
        if content:
            entry.content("\n".join(content), type="html")
        entry.published(published)
        entry.updated(updated)
        entry.category(term=event.type, label=ctx.type_words(event))
    return feed.atom_str(pretty=True)


def quotes_and_figures(ctx: RenderContext, event: Event) -> list[str]:
    """The event's quotes and figures as HTML, each attributed (by name: a feed entry has
    no pages to link to that it could rely on)."""
    parts = []
    if event.quotes:
        parts.append(f"<h3>{html.escape(ctx.t('event.quotes', count=len(event.quotes)))}</h3>")
        for quote in event.quotes:
            said = html.escape(ctx.quoted(ctx.text(quote.text)))
            by = html.escape(ctx.t("quote.by", actor=ctx.actor_name(quote.by)))
            parts.append(f"<blockquote><p>{said}</p><p>{by}</p></blockquote>")
    if event.figures:
        parts.append(f"<h3>{html.escape(ctx.t('event.figures', count=len(event.figures)))}</h3>")
        items = []
        for figure in event.figures:
            # the label first, as on the event page ("Drugs seized at sea: 51 metric tons")
            value = html.escape(ctx.l10n.figure_value(figure))
            label = html.escape(ctx.t("label", label=ctx.text(figure.label)))
            source = html.escape(ctx.t("figure.claimed_by", actor=ctx.actor_name(figure.by)))
            items.append(f"<li>{label} <strong>{value}</strong><br>{source}</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")
    return parts


def entry_dates(event: Event) -> tuple[datetime.datetime, datetime.datetime]:
    """An entry's `published` and `updated`: the event's first publication and last update
    from the history, else its start; a correction's day counts as an update too."""
    published = event.published or event_start(event)
    corrected = [
        datetime.datetime.combine(c.date.first_day, datetime.time(), datetime.UTC)
        for c in event.corrections
    ]
    return published, max([published, *filter(None, [event.updated]), *corrected])
