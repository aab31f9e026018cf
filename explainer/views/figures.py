"""`figures/`: every number someone claimed, attributed and linked to its event."""

from __future__ import annotations

from explainer.markup import escape
from explainer.views.base import FIGURES, View
from explainer.views.snippets import figure_item


class FiguresView(View):
    path = FIGURES

    def title(self) -> str:
        return self.ctx.t("figures.title")

    def body(self) -> str:
        ctx = self.ctx
        out = [escape(ctx.t("figures.intro")), ""]
        if not ctx.story.figures:
            out.append(escape(ctx.t("figures.none")))
        out += [figure_item(ctx, self.path, figure) for figure in ctx.story.figures]
        return "\n".join(out)
