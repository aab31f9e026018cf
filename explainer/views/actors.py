"""`actors/`: every actor, grouped by kind (actors.html)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from explainer.views.base import ACTORS, View
from explainer.visuals.network_chart import network_chart

_KINDS = ("person", "institution", "group")


class ActorsIndexView(View):
    path = ACTORS
    template = "actors.html"

    def title(self) -> str:
        return self.ctx.t("actors.title")

    def description(self) -> str:
        return self.ctx.t("actors.intro")

    def context(self) -> dict[str, Any]:
        ctx = self.ctx
        groups = []
        for kind in _KINDS:
            actors = [a for a in ctx.story.actors.values() if a.kind == kind]
            if not actors:
                continue
            listed = []
            for actor in sorted(actors, key=lambda a: ctx.l10n.sort_key(ctx.text(a.name))):
                details = []
                if actor.role:
                    details.append(ctx.text(actor.role))
                if actor.country:
                    details.append(ctx.l10n.country(actor.country))
                listed.append((actor, ", ".join(details)))
            groups.append((kind, listed))
        href = lambda path, anchor: ctx.page_href(self.path, path, anchor)  # noqa: E731
        return {"chart": Markup(network_chart(ctx, href, "viz-network")), "groups": groups}
