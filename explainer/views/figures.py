"""`figures/`: every number someone claimed, attributed and linked to its event
(figures.html)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from explainer.rendering import Links
from explainer.views.base import FIGURES, View
from explainer.visuals.figures_chart import figures_chart


class FiguresView(View):
    path = FIGURES
    template = "figures.html"

    def title(self) -> str:
        return self.ctx.t("figures.title")

    def description(self) -> str:
        return self.ctx.t("figures.intro")

    def context(self) -> dict[str, Any]:
        ctx = self.ctx
        chart = None
        if ctx.story.figures:
            href = Links(ctx, self.path).address
            chart = Markup(figures_chart(ctx, href, "viz-figures"))
        return {"chart": chart, "figures": ctx.story.figures}
