"""`actors/`: every actor, grouped by kind (actors.html)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from explainer.model import Actor
from explainer.rendering import Links, RenderContext
from explainer.views.base import ACTORS, View
from explainer.visuals.network_chart import network_chart
from explainer.vocabulary import ACTOR_KINDS


def role_and_country(ctx: RenderContext, actor: Actor, fallback: str = "") -> str:
    """`Foreign minister of Mexico` / `US secretary of state` / `Prime minister (Canada)`:
    the role (or `fallback`), then the country in parentheses unless the role already
    names it; the country alone for want of both. Parentheses, not a comma: a role that
    has commas of its own ("…, formally the Department of State, United States") read as
    if the country were part of it (R30/R31), and they read as a fact added in all four
    languages."""
    role = ctx.text(actor.role) if actor.role else fallback
    if not actor.country or (role and ctx.l10n.names_country(role, actor.country)):
        return role
    country = ctx.l10n.country(actor.country)
    return f"{role} ({country})" if role else country


class ActorsIndexView(View):
    path = ACTORS
    template = "actors.html"

    def title(self) -> str:
        return self.ctx.t("actors.title")

    def description(self) -> str:
        return self.intro()

    def intro(self) -> str:
        """ "The people and organizations in the story", naming only the kinds it has
        (`actors.intro`, `.people`, `.organizations`): R39 read "people, institutions, and
        groups" over one group."""
        kinds = {actor.kind for actor in self.ctx.story.actors.values()}
        if kinds == {"person"}:
            return self.ctx.t("actors.intro.people")
        if "person" not in kinds:
            return self.ctx.t("actors.intro.organizations")
        return self.ctx.t("actors.intro")

    def context(self) -> dict[str, Any]:
        ctx = self.ctx
        groups = []
        for kind in ACTOR_KINDS:
            actors = [a for a in ctx.story.actors.values() if a.kind == kind]
            if not actors:
                continue
            listed = []
            for actor in sorted(actors, key=lambda a: ctx.l10n.sort_key(ctx.text(a.name))):
                listed.append((actor, role_and_country(ctx, actor)))
            groups.append((kind, listed))
        href = Links(ctx, self.path).address
        chart = Markup(network_chart(ctx, href, "viz-network"))
        return {"chart": chart, "groups": groups, "intro": self.intro()}
