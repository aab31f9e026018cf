"""What each page's <head> adds: its language's feed and calendar, OpenGraph, and for
event pages schema.org `Event` JSON-LD (markup in the data can never leave its script)."""

from __future__ import annotations

import html
import json
from typing import Any

from babel.core import LOCALE_ALIASES

from explainer.history import iso
from explainer.model import Event
from explainer.outputs.common import event_start
from explainer.rendering import RenderContext
from explainer.urls import CALENDAR, FEED, SiteUrls, relative_url

#: schema.org has no word for "not known whether it took place": EventScheduled (the
#: default, "taking place or has taken place as scheduled") is the nearest, as for a
#: scheduled event; the page's text says that it is not confirmed
EVENT_STATUS = {
    "held": "https://schema.org/EventScheduled",
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "unconfirmed": "https://schema.org/EventScheduled",
}


def _og_locale(language: str) -> str:
    return LOCALE_ALIASES.get(language, language).replace("-", "_")


def script_json(data: Any) -> str:
    """JSON that is safe inside <script>: no `<`, `>` or `&` survive literally."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def event_json_ld(ctx: RenderContext, urls: SiteUrls, event_id: str) -> dict[str, Any]:
    event = ctx.story.events[event_id]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": ctx.text(event.title),
        "description": ctx.text(event.summary),
        "startDate": (
            event_start(event).isoformat() if event.time and event.timezone else event.date.iso
        ),
        "eventStatus": EVENT_STATUS[event.status],
        "inLanguage": ctx.language,
    }
    if event.place:
        data["location"] = {"@type": "Place", "name": ctx.text(event.place)}
    data["performer"] = [
        {
            "@type": "Person" if ctx.story.actors[a].kind == "person" else "Organization",
            "name": ctx.actor_name(a),
        }
        for a in event.participants
    ]
    page = urls.absolute(urls.page(ctx.language, f"events/{event.id}.md"))
    if page:
        data["url"] = page
    webpage = _webpage(event, page, ctx.language)
    if webpage:
        data["subjectOf"] = webpage
    return data


def _webpage(event: Event, url: str | None, language: str) -> dict[str, Any] | None:
    """The event's page, with the dates schema.org defines for creative works (not for
    events): first publication and last change (an update, or a correction's day)."""
    modified = [iso(c.date.first_day) for c in event.corrections]
    if event.published is None and not modified:
        return None
    page: dict[str, Any] = {"@type": "WebPage", "inLanguage": language}
    if url:
        page["url"] = url
    if event.published is not None:
        page["datePublished"] = iso(event.published)
        modified.append(iso(event.updated or event.published))
    page["dateModified"] = max(modified)
    return page


def hreflang_links(urls: SiteUrls, source_path: str, page_url: str) -> list[str]:
    """The page in every language, absolute when the site URL is known, and x-default.

    The rel value is written `"alternate "`: the same token for HTML and search engines,
    but Material's script, which fetches `sitemap.xml` next to every `link[rel=alternate]`
    (a failed request for each page), does not select it."""
    links = []
    targets = [(lang, urls.page(lang, source_path)) for lang in urls.languages]
    targets.append(("x-default", urls.page(urls.default, source_path)))
    for lang, target in targets:
        href = urls.absolute(target) or relative_url(target, page_url)
        links.append(
            f'<link rel="alternate " hreflang="{lang}" href="{html.escape(href, quote=True)}">'
        )
    return links


def head_html(
    ctx: RenderContext,
    urls: SiteUrls,
    *,
    site_name: str,
    source_path: str,
    page_url: str,
    title: str,
    description: str | None,
) -> str:
    """The tags for one page; `page_url` is its URL relative to the site root."""
    lang = ctx.language

    def attr(value: str) -> str:
        return html.escape(value, quote=True)

    og_type = "article" if source_path.startswith("events/") else "website"
    feed = relative_url(urls.output(lang, FEED), page_url)
    calendar = relative_url(urls.output(lang, CALENDAR), page_url)
    tags = [
        f'<link rel="alternate" type="application/atom+xml" href="{attr(feed)}" '
        f'title="{attr(ctx.t("feed.link"))}">',
        f'<link rel="alternate" type="text/calendar" href="{attr(calendar)}" '
        f'title="{attr(ctx.t("calendar.link"))}">',
        f'<meta property="og:site_name" content="{attr(site_name)}">',
        f'<meta property="og:title" content="{attr(title)}">',
        f'<meta property="og:type" content="{og_type}">',
        f'<meta property="og:locale" content="{attr(_og_locale(lang))}">',
    ]
    tags += [
        f'<meta property="og:locale:alternate" content="{attr(_og_locale(other))}">'
        for other in urls.languages
        if other != lang
    ]
    if description:
        tags.append(f'<meta property="og:description" content="{attr(description)}">')
    absolute = urls.absolute(page_url)
    if absolute:
        tags.append(f'<meta property="og:url" content="{attr(absolute)}">')
    tags += hreflang_links(urls, source_path, page_url)
    event_id = source_path.removeprefix("events/").removesuffix(".md")
    if source_path.startswith("events/") and event_id in ctx.story.events:
        data = script_json(event_json_ld(ctx, urls, event_id))
        tags.append(f'<script type="application/ld+json">{data}</script>')
    return "\n".join(tags)
