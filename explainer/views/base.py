"""What every view shares: the render context, the page it produces, page paths."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markupsafe import Markup
from markupsafe import escape as escape_html

from explainer.l10n import Localizer
from explainer.markup import escape, link
from explainer.mentions import Mentions
from explainer.model import Event, Story
from explainer.strings import Strings
from explainer.templating import (
    Heading,
    Headings,
    HeadingStyle,
    environment,
    render,
    table_of_contents,
)
from explainer.terms import LABELS_ATTRIBUTE
from explainer.typography import keep_together
from explainer.urls import SiteUrls, relative_url

# the generated pages' paths, defined in the vocabulary, as the views import them
from explainer.vocabulary import ACTORS as ACTORS
from explainer.vocabulary import CHANGES as CHANGES
from explainer.vocabulary import DEFAULT_STATUS, actor_path, event_path
from explainer.vocabulary import FIGURES as FIGURES
from explainer.vocabulary import GLOSSARY as GLOSSARY
from explainer.vocabulary import TIMELINE as TIMELINE


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


@dataclass
class RenderContext:
    """The story seen in one language."""

    story: Story
    language: str
    strings: Strings
    l10n: Localizer
    urls: SiteUrls = field(default_factory=lambda: SiteUrls(("en",)))
    headings: HeadingStyle = field(default_factory=HeadingStyle)
    templates: jinja2.Environment = field(default_factory=environment)
    #: where the texts mention each actor (the same in every language)
    mentions: Mentions = field(default_factory=Mentions)
    #: the repository the site's text and data are kept in, or None
    repo_url: str | None = None
    #: each text of the data as readers see it (`text`): a page shows the same few many times
    _typeset: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def page_href(self, from_path: str, to_path: str, anchor: str | None = None) -> str:
        """The URL of a page (source path) from another, for raw HTML such as SVG, where
        MkDocs does not rewrite `.md` links."""
        target = relative_url(
            self.urls.page(self.language, to_path), self.urls.page(self.language, from_path)
        )
        return f"{target}#{anchor}" if anchor else target

    def text(self, localized: Mapping[str, str]) -> str:
        """A text of the data in this language, set for reading: no line break inside its
        dates and amounts or before its dashes (`typography`), so that editors never type
        a no-break space. Once for each text: the cost is the data's, not the pages'."""
        value = localized[self.language]
        shown = self._typeset.get(value)
        if shown is None:
            shown = self._typeset[value] = keep_together(value, self.language)
        return shown

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

    def t_html(self, key: str, **values: Any) -> Markup:
        """A UI string as HTML: its text escaped, Markup values (links) kept as they are."""
        tokens = {name: f"\x00{name}\x00" for name, v in values.items() if isinstance(v, Markup)}
        text = str(Markup.escape(self.t(key, **{**values, **tokens})))
        for name, token in tokens.items():
            text = text.replace(token, str(values[name]))
        return Markup(text)


def capitalized(text: str) -> str:
    """A phrase as the start of a sentence or a fact: its first letter upper-case."""
    return text[:1].upper() + text[1:]


def when(ctx: RenderContext, event: Event) -> str:
    """An event's date as a held event has it (`January 23, 2026`); for any other status,
    its date and status in words that stay true whenever they are read: `scheduled for
    January 23, 2026; it is not known whether it took place` (`unconfirmed`)."""
    date = ctx.l10n.date(event.date)
    if event.status == DEFAULT_STATUS:
        return date
    precision = "month" if event.date.day is None else "day"  # "für den 23." / "für Februar"
    return ctx.t(f"when.{event.status}.{precision}", date=date)


def status_label(ctx: RenderContext, event: Event) -> str:
    """An event's status as a word after its type, in lower case: `scheduled`; one that
    took place as its type needs it (a statement is `issued`, a meeting `took place`)."""
    if event.status == DEFAULT_STATUS:
        return ctx.t(f"status.{DEFAULT_STATUS}.{event.type}")
    return ctx.t(f"status.{event.status}")


def status_sentence(ctx: RenderContext, event: Event) -> str | None:
    """`Scheduled for January 23, 2026.` for texts read away from the pages (the feed, the
    calendar); None for a held event, whose date says it all."""
    if event.status == DEFAULT_STATUS:
        return None
    return capitalized(when(ctx, event)) + "."


#: between the parts of a label ("16 January 2026 · Meeting · scheduled"): a line may break
#: after the dot, never before it
LABEL_SEPARATOR = "\u00a0· "


def status_badge(ctx: RenderContext, status: str) -> Markup:
    """` · scheduled` / ` · canceled` / ` · not known to have taken place`, the status
    as a visible badge after the event's type; nothing for held events. The status is a
    word of the label, in the case the language gives it there ("Treffen · geplant")."""
    if status == DEFAULT_STATUS:
        return Markup("")
    label = escape_html(ctx.t(f"status.{status}"))
    return Markup(
        f'{LABEL_SEPARATOR}<span class="explainer-status explainer-status--{status}" '
        f"{LABELS_ATTRIBUTE}>{label}</span>"
    )


def event_meta(ctx: RenderContext, event: Event) -> Markup:
    """`<em>16 January 2026 · Meeting</em> · scheduled`: date and type, and the status as
    a badge unless it took place; labels, never linked to the glossary."""
    date, kind = escape_html(ctx.l10n.date(event.date)), escape_html(ctx.t(f"type.{event.type}"))
    labels = f"<em {LABELS_ATTRIBUTE}>{date}{LABEL_SEPARATOR}{kind}</em>"
    return Markup(labels) + status_badge(ctx, event.status)


class Links:
    """Links from one generated page to the others, as HTML for the templates."""

    def __init__(self, ctx: RenderContext, here: str) -> None:
        self.ctx, self.here = ctx, here

    def href(self, to_path: str, anchor: str | None = None) -> str:
        if to_path == self.here and anchor:
            return f"#{anchor}"
        return self.ctx.page_href(self.here, to_path, anchor)

    def page(self, to_path: str, label: Any, anchor: str | None = None) -> Markup:
        # f-strings: Markup.format costs ten times as much, on every link of every page
        return Markup(
            f'<a href="{escape_html(self.href(to_path, anchor))}">{escape_html(label)}</a>'
        )

    def output(self, name: str, label: Any) -> Markup:
        """A link to one of the language's files (`feed.xml`, `events.ics`...)."""
        urls, language = self.ctx.urls, self.ctx.language
        target = relative_url(urls.output(language, name), urls.page(language, self.here))
        return Markup(f'<a href="{escape_html(target)}">{escape_html(label)}</a>')

    def actor(self, actor_id: str) -> Markup:
        return self.page(actor_path(actor_id), self.ctx.actor_name(actor_id))

    def event(self, event_id: str) -> Markup:
        return self.page(event_path(event_id), self.ctx.text(self.ctx.story.events[event_id].title))

    def term(self, term_id: str) -> Markup:
        term = self.ctx.story.glossary[term_id]
        return self.page(GLOSSARY, self.ctx.text(term.term), anchor=term_id)


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
            "links": Links(ctx, self.path),
            "t": ctx.strings,
            "t_html": ctx.t_html,
            "text": ctx.text,
            "l10n": ctx.l10n,
            "story": ctx.story,
            "event_meta": lambda event: event_meta(ctx, event),
            "labels_attribute": Markup(LABELS_ATTRIBUTE),
            "language": ctx.language,
            **self.context(),
        }
        content = render(self.template, ctx.templates, values)
        return GeneratedPage(
            self.path,
            title,
            content,
            table_of_contents(content),
            self.in_nav,
            # the meta description (search results, link previews) set as the page is
            keep_together(description, ctx.language) if description else None,
            self.toc_depth,
        )
