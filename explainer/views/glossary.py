"""`glossary/`: every term in the language's alphabetical order, anchored by id."""

from __future__ import annotations

from explainer.markup import escape, html_block, render_markdown
from explainer.views.base import GLOSSARY, View


class GlossaryView(View):
    path = GLOSSARY

    def title(self) -> str:
        return self.ctx.t("glossary.title")

    def body(self) -> str:
        ctx, here = self.ctx, self.path
        terms = sorted(
            ctx.story.glossary.values(), key=lambda t: ctx.l10n.sort_key(ctx.text(t.term))
        )
        out = [escape(ctx.t("glossary.intro")), ""]
        for term in terms:
            out += [f"## {escape(ctx.text(term.term))} {{ #{term.id} }}", ""]
            out.append(
                html_block(render_markdown(ctx.text(term.definition)), "explainer-definition")
            )
            if term.see_also:
                links = ", ".join(ctx.term_link(here, other) for other in term.see_also)
                out += [f"*{escape(ctx.t('glossary.see_also'))}:* {links}", ""]
            events = ctx.story.events_naming_term(term.id)
            if events:
                links = ", ".join(ctx.event_link(here, e.id) for e in events)
                out += [f"*{escape(ctx.t('glossary.appears_in'))}:* {links}", ""]
        return "\n".join(out)
