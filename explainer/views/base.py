"""What every view shares: the render context, the page it produces, page paths."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from explainer.l10n import Localizer
from explainer.markup import escape, link
from explainer.model import Story
from explainer.strings import Strings
from explainer.urls import SiteUrls, relative_url

TIMELINE = "timeline.md"
GLOSSARY = "glossary.md"
FIGURES = "figures.md"
ACTORS = "actors/index.md"


def event_path(event_id: str) -> str:
    return f"events/{event_id}.md"


def actor_path(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


@dataclass(frozen=True)
class GeneratedPage:
    """A page's Markdown source at a language-neutral path (`events/x.md`)."""

    path: str
    title: str
    markdown: str
    in_nav: bool


@dataclass
class RenderContext:
    """The story seen in one language."""

    story: Story
    language: str
    strings: Strings
    l10n: Localizer
    urls: SiteUrls = field(default_factory=lambda: SiteUrls(("en",)))

    def page_href(self, from_path: str, to_path: str, anchor: str | None = None) -> str:
        """The URL of a page (source path) from another, for raw HTML such as SVG, where
        MkDocs does not rewrite `.md` links."""
        target = relative_url(
            self.urls.page(self.language, to_path), self.urls.page(self.language, from_path)
        )
        return f"{target}#{anchor}" if anchor else target

    def text(self, localized: Mapping[str, str]) -> str:
        return localized[self.language]

    def t(self, key: str, **values: Any) -> str:
        return self.strings(key, **values)

    def actor_name(self, actor_id: str) -> str:
        return self.text(self.story.actors[actor_id].name)

    def actor_link(self, from_path: str, actor_id: str) -> str:
        return link(escape(self.actor_name(actor_id)), from_path, actor_path(actor_id))

    def event_link(self, from_path: str, event_id: str) -> str:
        event = self.story.events[event_id]
        return link(escape(self.text(event.title)), from_path, event_path(event_id))

    def term_link(self, from_path: str, term_id: str) -> str:
        term = self.story.glossary[term_id]
        return link(escape(self.text(term.term)), from_path, GLOSSARY, anchor=term_id)

    def quoted(self, text: str) -> str:
        return self.t("quote", text=text)


def front_matter(title: str, description: str | None, toc_depth: int | None = None) -> str:
    """YAML front matter with the page title and description (JSON strings are valid YAML),
    and the deepest heading level its table of contents lists, if not all.

    Both are HTML-escaped: MkDocs treats a page title as HTML (a title taken from a
    Markdown heading is), and Material prints both into the page unescaped."""
    lines = [f"title: {json.dumps(html.escape(title), ensure_ascii=False)}"]
    if description:
        text = html.escape(" ".join(description.split()), quote=True)
        lines.append(f"description: {json.dumps(text, ensure_ascii=False)}")
    if toc_depth is not None:
        lines.append(f"toc_depth: {toc_depth}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


class View:
    """A generated page kind. Subclasses set `path` and write `title` and `body`."""

    path: str
    in_nav: bool = True
    #: the deepest heading level the page's table of contents lists (None: every level)
    toc_depth: int | None = None

    def __init__(self, ctx: RenderContext) -> None:
        self.ctx = ctx

    def title(self) -> str:
        raise NotImplementedError

    def body(self) -> str:
        raise NotImplementedError

    def description(self) -> str | None:
        """The page's meta description (search results, link previews)."""
        return None

    def render(self) -> GeneratedPage:
        title = self.title()
        head = front_matter(title, self.description(), self.toc_depth)
        markdown = head + f"# {escape(title)}\n\n" + self.body().strip() + "\n"
        return GeneratedPage(self.path, title, markdown, self.in_nav)
