"""`glossary/`: every term in the language's alphabetical order, anchored by id.

"Appears in" needs every page's text, so the view leaves a marker per term that
`fill_appears_in` replaces once all pages are known (the MkDocs hooks do that after
every page is rendered; the command line fills in the events that name the term).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

from markupsafe import Markup

from explainer.markup import render_markdown
from explainer.rendering import RenderContext
from explainer.terms import OWN_TERM_ATTRIBUTE
from explainer.views.base import GLOSSARY, View

_APPEARS_IN = re.compile(r"<!-- explainer:appears-in:([a-z0-9-]+) -->")


class GlossaryView(View):
    path = GLOSSARY
    template = "glossary.html"

    def title(self) -> str:
        return self.ctx.t("glossary.title")

    def description(self) -> str:
        return self.ctx.t("glossary.intro")

    def anchors(self) -> Iterable[str]:
        return self.ctx.story.glossary

    def context(self) -> dict[str, Any]:
        ctx = self.ctx
        terms = sorted(
            ctx.story.glossary.values(), key=lambda t: ctx.l10n.sort_key(ctx.text(t.term))
        )
        return {
            "terms": [(t, Markup(render_markdown(ctx.text(t.definition)))) for t in terms],
            "own_term_attribute": OWN_TERM_ATTRIBUTE,
        }


def fill_appears_in(
    ctx: RenderContext, content: str, pages_by_term: dict[str, Sequence[tuple[str, str]]]
) -> str:
    """Replace each term's marker with links (title, href) to the pages that use it."""
    label = html.escape(ctx.t("label", label=ctx.t("glossary.appears_in")))

    def replace(match: re.Match[str]) -> str:
        pages = pages_by_term.get(match.group(1), ())
        if not pages:
            return ""
        # a semicolon: the titles themselves may hold commas
        links = ctx.t("list.separator").join(
            f'<a href="{html.escape(href)}">{html.escape(title, quote=False)}</a>'
            for title, href in pages
        )
        return f'<p class="explainer-appears-in"><em>{label}</em> {links}</p>'

    return _APPEARS_IN.sub(replace, content)
