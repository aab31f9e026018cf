"""`events.json`: the story resolved into one language, for reuse by others.

Every text is in the file's language, every reference carries the id and the name, every
page its URL (absolute with a site_url, else relative to the site root), every date its
ISO form and its localized text, every figure its number and its localized form. Each
event carries its corrections, and its first publication and last update from the git
history (UTC, `null` without history or update).
"""

from __future__ import annotations

import json
from typing import Any

from explainer.history import iso
from explainer.markup import render_markdown
from explainer.rendering import RenderContext, capitalized, status_label
from explainer.terms import short_definition
from explainer.urls import SiteUrls
from explainer.vocabulary import GLOSSARY, actor_path, event_path

FORMAT_VERSION = 1


def export(ctx: RenderContext, urls: SiteUrls, site_name: str) -> bytes:
    lang, story = ctx.language, ctx.story

    def url(path: str, anchor: str = "") -> str:
        page = urls.page(lang, path)
        return (urls.absolute(page) or page) + (f"#{anchor}" if anchor else "")

    def text(value: Any) -> str | None:
        return ctx.text(value) if value is not None else None

    def actor_ref(actor_id: str) -> dict[str, str]:
        return {"id": actor_id, "name": ctx.actor_name(actor_id), "url": url(actor_path(actor_id))}

    events = []
    for event in story.chronological:
        events.append(
            {
                "id": event.id,
                "url": url(event_path(event.id)),
                "type": event.type,
                "type_label": ctx.type_words(event),
                "status": event.status,
                "status_label": capitalized(status_label(ctx, event)),  # alone
                "date": event.date.iso,
                "date_text": ctx.l10n.date(event.date),
                "time": event.time,
                "timezone": event.timezone,
                "utc_offset": event.utc_offset,
                "place": text(event.place),
                "title": ctx.text(event.title),
                "summary": ctx.text(event.summary),
                "body_markdown": text(event.body),
                "body_html": render_markdown(ctx.text(event.body)) if event.body else None,
                "participants": [actor_ref(a) for a in event.participants],
                "quotes": [{"by": actor_ref(q.by), "text": ctx.text(q.text)} for q in event.quotes],
                "figures": [
                    {
                        "by": actor_ref(f.by),
                        "label": ctx.text(f.label),
                        "value": f.value,
                        "unit": f.unit,
                        "approximate": f.approximate,
                        "qualifier": f.qualifier,
                        "value_text": ctx.l10n.figure_value(f),
                    }
                    for f in event.figures
                ],
                "sources": [
                    {
                        "title": ctx.text(s.title),
                        "url": s.url,
                        "publisher": text(s.publisher),
                        "date": s.date,
                    }
                    for s in event.sources
                ],
                "related": [e.id for e in story.related_events(event.id)],
                "terms": list(event.terms),
                "published": iso(event.published) if event.published else None,
                "updated": iso(event.updated) if event.updated else None,
                "corrections": [
                    {
                        "date": c.date.iso,
                        "date_text": ctx.l10n.date(c.date),
                        "text_markdown": ctx.text(c.text),
                        "text_html": render_markdown(ctx.text(c.text)),
                    }
                    for c in event.corrections
                ],
            }
        )
    actors = [
        {
            **actor_ref(actor.id),
            "kind": actor.kind,
            "kind_label": ctx.t(f"kind.{actor.kind}"),
            "role": text(actor.role),
            "country": actor.country,
            "country_name": ctx.l10n.country(actor.country) if actor.country else None,
            "member_of": actor.member_of,
            "description_markdown": text(actor.description),
            "events": [event.id for event, _ in story.involvement(actor.id)],
        }
        for actor in story.actors.values()
    ]
    glossary = [
        {
            "id": term.id,
            "url": url(GLOSSARY, term.id),
            "term": ctx.text(term.term),
            "definition_markdown": ctx.text(term.definition),
            "short_definition": short_definition(ctx.text(term.definition), ctx.language),
            "aliases": list(term.aliases.get(lang, ())),
            "see_also": list(term.see_also),
        }
        for term in sorted(
            story.glossary.values(), key=lambda t: ctx.l10n.sort_key(ctx.text(t.term))
        )
    ]
    document = {
        "format_version": FORMAT_VERSION,
        "language": lang,
        "site": {"name": site_name, "url": urls.absolute(urls.page(lang, "index.md"))},
        "events": events,
        "actors": actors,
        "glossary": glossary,
    }
    return one_record_per_line(document).encode("utf-8")


def one_record_per_line(document: dict[str, Any]) -> str:
    """JSON with each top-level field, and each record of a top-level list, on a line of
    its own: readable in a diff, and written by json's C encoder (indented, the pure-Python
    encoder took most of the export's time; bench/PROFILE.md)."""

    def dumped(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    fields = []
    for key, value in document.items():
        if isinstance(value, list) and value:
            records = ",\n".join(f"  {dumped(item)}" for item in value)
            fields.append(f"{dumped(key)}: [\n{records}\n]")
        else:
            fields.append(f"{dumped(key)}: {dumped(value)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"
