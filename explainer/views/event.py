"""`events/<id>/`: one event with everything the data says about it."""

from __future__ import annotations

from urllib.parse import quote

from explainer.markup import escape, html_block, link, render_markdown
from explainer.model import Event
from explainer.views.base import View, event_path
from explainer.views.snippets import event_item, figure_item


def _url(url: str) -> str:
    return quote(url, safe=":/?#[]@!$&'*+,;=%~").replace("(", "%28").replace(")", "%29")


class EventView(View):
    in_nav = False

    def __init__(self, ctx, event: Event) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.event = event
        self.path = event_path(event.id)

    def title(self) -> str:
        return self.ctx.text(self.event.title)

    def description(self) -> str:
        return self.ctx.text(self.event.summary)

    def facts(self) -> list[str]:
        ctx, event = self.ctx, self.event
        facts = [
            (ctx.t("event.date"), ctx.l10n.date(event.date)),
            (ctx.t("event.type"), ctx.t(f"type.{event.type}")),
            (ctx.t("event.status"), ctx.t(f"status.{event.status}")),
        ]
        if event.time and event.timezone:
            facts.append((ctx.t("event.time"), ctx.l10n.time(event.time, event.timezone)))
        if event.place:
            facts.append((ctx.t("event.place"), ctx.text(event.place)))
        return [f"- **{escape(name)}:** {escape(value)}" for name, value in facts]

    def body(self) -> str:
        ctx, event, here = self.ctx, self.event, self.path
        story = ctx.story
        out = [*self.facts(), "", f"**{escape(ctx.text(event.summary))}**", ""]
        if event.body:
            out.append(html_block(render_markdown(ctx.text(event.body)), "explainer-body"))

        out += [f"## {escape(ctx.t('event.participants'))}", ""]
        for actor_id in event.participants:
            actor = story.actors[actor_id]
            role = ctx.t("separator") + escape(ctx.text(actor.role)) if actor.role else ""
            out.append(f"- {ctx.actor_link(here, actor_id)}{role}")
        out.append("")

        if event.quotes:
            out += [f"## {escape(ctx.t('event.quotes'))}", ""]
            for quote in event.quotes:
                out += [
                    f"> {escape(ctx.quoted(ctx.text(quote.text)))}",
                    ">",
                    f"> {ctx.t('quote.by', actor=ctx.actor_link(here, quote.by))}",
                    "",
                    # Markdown would merge consecutive quotes into one; a comment separates them
                    "<!-- -->",
                    "",
                ]

        if event.figures:
            out += [f"## {escape(ctx.t('event.figures'))}", ""]
            out += [figure_item(ctx, here, figure) for figure in event.figures]
            out.append("")

        if event.terms:
            out += [f"## {escape(ctx.t('event.terms'))}", ""]
            out += [f"- {ctx.term_link(here, term_id)}" for term_id in event.terms]
            out.append("")

        related = story.related_events(event.id)
        if related:
            out += [f"## {escape(ctx.t('event.related'))}", ""]
            out += [event_item(ctx, here, other) for other in related]
            out.append("")

        if event.sources:
            out += [f"## {escape(ctx.t('event.sources'))}", ""]
            for source in event.sources:
                title = escape(ctx.text(source.title))
                parts = [f"[{title}]({_url(source.url)})" if source.url else title]
                if source.publisher:
                    parts.append(escape(ctx.text(source.publisher)))
                if source.date:
                    parts.append(escape(ctx.l10n.iso_date(source.date)))
                out.append("- " + ", ".join(parts))
            out.append("")

        out += [f"## {escape(ctx.t('event.in_time'))}", ""]
        previous, following = story.previous_event(event.id), story.next_event(event.id)
        if previous:
            out.append(f"- {escape(ctx.t('event.previous'))}: {ctx.event_link(here, previous.id)}")
        if following:
            out.append(f"- {escape(ctx.t('event.next'))}: {ctx.event_link(here, following.id)}")
        out.append(f"- {link(escape(ctx.t('event.all')), here, 'timeline.md', anchor=event.id)}")
        return "\n".join(out)
