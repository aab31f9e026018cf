"""`actors/`: every actor, grouped by kind."""

from __future__ import annotations

from explainer.markup import escape
from explainer.views.base import ACTORS, View
from explainer.visuals.network_chart import network_chart

_KINDS = ("person", "institution", "group")


class ActorsIndexView(View):
    path = ACTORS

    def title(self) -> str:
        return self.ctx.t("actors.title")

    def description(self) -> str:
        return self.ctx.t("actors.intro")

    def body(self) -> str:
        ctx = self.ctx
        href = lambda path, anchor: ctx.page_href(self.path, path, anchor)  # noqa: E731
        out = [escape(ctx.t("actors.intro")), "", network_chart(ctx, href, "viz-network"), ""]
        for kind in _KINDS:
            actors = [a for a in ctx.story.actors.values() if a.kind == kind]
            if not actors:
                continue
            out += [f"## {escape(ctx.t(f'kinds.{kind}'))}", ""]
            for actor in sorted(actors, key=lambda a: ctx.l10n.sort_key(ctx.text(a.name))):
                details = []
                if actor.role:
                    details.append(ctx.text(actor.role))
                if actor.country:
                    details.append(ctx.l10n.country(actor.country))
                suffix = ctx.t("separator") + escape(", ".join(details)) if details else ""
                out.append(f"- {ctx.actor_link(self.path, actor.id)}{suffix}")
            out.append("")
        return "\n".join(out)
