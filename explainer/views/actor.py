"""`actors/<id>/`: one actor, and every event they took part in, were quoted or claimed a
figure in."""

from __future__ import annotations

from explainer.markup import escape, html_block, render_markdown
from explainer.model import CLAIMED_FIGURE, PARTICIPANT, QUOTED, Actor
from explainer.views.base import View, actor_path
from explainer.views.snippets import event_meta

_WAYS = (PARTICIPANT, QUOTED, CLAIMED_FIGURE)


class ActorView(View):
    in_nav = False

    def __init__(self, ctx, actor: Actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.actor = actor
        self.path = actor_path(actor.id)

    def title(self) -> str:
        return self.ctx.text(self.actor.name)

    def description(self) -> str:
        ctx, actor = self.ctx, self.actor
        parts = [ctx.text(actor.role) if actor.role else ctx.t(f"kind.{actor.kind}")]
        if actor.country:
            parts.append(ctx.l10n.country(actor.country))
        return f"{ctx.text(actor.name)}: {', '.join(parts)}"

    def body(self) -> str:
        ctx, actor, here = self.ctx, self.actor, self.path
        facts = [f"- **{escape(ctx.t('actor.kind'))}:** {escape(ctx.t(f'kind.{actor.kind}'))}"]
        if actor.role:
            facts.append(f"- **{escape(ctx.t('actor.role'))}:** {escape(ctx.text(actor.role))}")
        if actor.country:
            country = ctx.l10n.country(actor.country)
            facts.append(f"- **{escape(ctx.t('actor.country'))}:** {escape(country)}")
        if actor.member_of:
            facts.append(
                f"- **{escape(ctx.t('actor.member_of'))}:** {ctx.actor_link(here, actor.member_of)}"
            )
        out = [*facts, ""]
        if actor.description:
            out.append(html_block(render_markdown(ctx.text(actor.description)), "explainer-body"))

        members = ctx.story.members(actor.id)
        if members:
            out += [f"## {escape(ctx.t('actor.members'))}", ""]
            out += [f"- {ctx.actor_link(here, member.id)}" for member in members]
            out.append("")

        out += [f"## {escape(ctx.t('actor.events'))}", ""]
        involvement = ctx.story.involvement(actor.id)
        if not involvement:
            out.append(escape(ctx.t("actor.no_events")))
        for event, ways in involvement:
            how = ", ".join(ctx.t(f"actor.way.{way}") for way in _WAYS if way in ways)
            out.append(
                f"- {ctx.event_link(here, event.id)}{ctx.t('separator')}{event_meta(ctx, event)}"
                f"  \n  {escape(how)}"
            )
        return "\n".join(out)
