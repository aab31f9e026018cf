"""`feed.xml`: an Atom feed of a language's events, newest first (feedgen)."""

from __future__ import annotations

from feedgen.feed import FeedGenerator

from explainer.markup import render_markdown
from explainer.outputs.common import event_start, stable_id
from explainer.urls import FEED, SiteUrls, relative_url
from explainer.views.base import RenderContext, event_path


def atom_feed(ctx: RenderContext, urls: SiteUrls, site_name: str) -> bytes:
    lang = ctx.language
    feed_path = urls.output(lang, FEED)

    def href(target: str) -> str:
        """Absolute with a site_url; otherwise relative to the feed itself."""
        return urls.absolute(target) or relative_url(target, feed_path)

    events = sorted(ctx.story.events.values(), key=lambda e: e.sort_key, reverse=True)
    feed = FeedGenerator()
    feed.id(urls.absolute(feed_path) or stable_id(site_name, lang, FEED))
    feed.title(site_name)
    feed.subtitle(ctx.t("feed.subtitle"))
    feed.language(lang)
    feed.author({"name": site_name})
    feed.link(href=href(feed_path), rel="self", type="application/atom+xml")
    feed.link(href=href(urls.page(lang, "index.md")), rel="alternate", type="text/html")
    feed.generator("explainer")
    starts = [event_start(e) for e in events]
    if starts:
        feed.updated(max(starts))
    for event, start in zip(events, starts, strict=True):
        page = urls.page(lang, event_path(event.id))
        entry = feed.add_entry(order="append")
        entry.id(urls.absolute(page) or stable_id(site_name, lang, "events", event.id))
        entry.title(ctx.text(event.title))
        entry.link(href=href(page), rel="alternate", type="text/html")
        entry.summary(ctx.text(event.summary))
        if event.body:
            entry.content(render_markdown(ctx.text(event.body)), type="html")
        entry.published(start)
        entry.updated(start)
        entry.category(term=event.type, label=ctx.t(f"type.{event.type}"))
    return feed.atom_str(pretty=True)
