"""`figures/`: every number someone claimed, attributed and linked to its event."""

from __future__ import annotations

from explainer.markup import escape
from explainer.views.base import FIGURES, View
from explainer.views.snippets import figures_table
from explainer.visuals.figures_chart import figures_chart


class FiguresView(View):
    path = FIGURES

    def title(self) -> str:
        return self.ctx.t("figures.title")

    def description(self) -> str:
        return self.ctx.t("figures.intro")

    def body(self) -> str:
        ctx = self.ctx
        out = [escape(ctx.t("figures.intro")), ""]
        if ctx.story.figures:
            href = lambda path, anchor: ctx.page_href(self.path, path, anchor)  # noqa: E731
            out += [figures_chart(ctx, href, "viz-figures"), ""]
            out.append(figures_table(ctx, self.path, ctx.story.figures))
        else:
            out.append(escape(ctx.t("figures.none")))
        return "\n".join(out)
