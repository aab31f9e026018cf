"""What every view shares: the page it produces, page paths; the render context they
share with the pictures and the files is below them (`explainer.rendering`)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from explainer.rendering import RenderContext, template_values
from explainer.templating import (
    Heading,
    Headings,
    render,
    table_of_contents,
)
from explainer.typography import keep_together, year_commas_html

# the generated pages' paths, defined in the vocabulary, as the views import them
from explainer.vocabulary import ACTORS as ACTORS
from explainer.vocabulary import CHANGES as CHANGES
from explainer.vocabulary import DEFAULT_STATUS as DEFAULT_STATUS
from explainer.vocabulary import FIGURES as FIGURES
from explainer.vocabulary import GLOSSARY as GLOSSARY
from explainer.vocabulary import TIMELINE as TIMELINE
from explainer.vocabulary import actor_path as actor_path
from explainer.vocabulary import event_path as event_path


@dataclass(frozen=True)
class GeneratedPage:
    """A page's HTML content (its `<h1>` included) and table of contents, at a
    language-neutral source path (`events/x.md`)."""

    path: str
    title: str
    html: str
    toc: tuple[Heading, ...]
    in_nav: bool
    description: str | None = None
    #: the deepest heading level its table of contents lists (None: every level)
    toc_depth: int | None = None

    @property
    def meta(self) -> dict[str, Any]:
        """What a Markdown page would say in its front matter. Title and description are
        HTML-escaped: MkDocs treats a page title as HTML (a title taken from a Markdown
        heading is), and Material prints both into the page unescaped."""
        meta: dict[str, Any] = {"title": html.escape(self.title)}
        if self.description:
            # white space folded, its no-break spaces kept (str.split() would split at them)
            folded = re.sub(r"[ \t\r\n]+", " ", self.description).strip()
            meta["description"] = html.escape(folded, quote=True)
        if self.toc_depth is not None:
            meta["toc_depth"] = self.toc_depth
        return meta


class View:
    """A generated page kind: a template and what it shows. Subclasses set `path` and
    `template`, and write `title` and `context`."""

    path: str
    template: str
    in_nav: bool = True
    #: the deepest heading level the page's table of contents lists (None: every level)
    toc_depth: int | None = None

    def __init__(self, ctx: RenderContext) -> None:
        self.ctx = ctx

    def title(self) -> str:
        raise NotImplementedError

    def context(self) -> dict[str, Any]:
        """The template's variables besides those every page has."""
        raise NotImplementedError

    def description(self) -> str | None:
        """The page's meta description (search results, link previews)."""
        return None

    def anchors(self) -> Iterable[str]:
        """Heading ids the page sets itself (events, terms): never given to another."""
        return ()

    def render(self) -> GeneratedPage:
        ctx, title, description = self.ctx, self.title(), self.description()
        headings = Headings(ctx.headings, ctx.t("heading.permalink"), self.anchors())
        values = {
            "title": title,
            "heading": headings,
            **template_values(ctx, self.path),
            **self.context(),
        }
        # the language's comma after a date's year, also where the date ends in a link
        content = year_commas_html(
            render(self.template, ctx.templates, values), ctx.language, ctx.date_months
        )
        return GeneratedPage(
            self.path,
            title,
            content,
            table_of_contents(content),
            self.in_nav,
            # the meta description (search results, link previews) set as the page is
            keep_together(description, ctx.language, ctx.date_months) if description else None,
            self.toc_depth,
        )
