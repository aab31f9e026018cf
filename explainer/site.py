"""One explainer site: its settings, its story and its pages in each language.

This is the core's entry point for adapters (the MkDocs hooks, the command line). It
knows nothing of MkDocs: the adapter reads mkdocs.yml (`mkdocs_explainer.configuration`)
and hands over its settings (`SiteConfig.from_settings`).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from babel.core import UnknownLocaleError

from explainer.chrome import (
    Chrome,
    FooterError,
    FooterLink,
    chrome,
    language_name,
    parse_footer,
    parse_short_name,
)
from explainer.foreign import ForeignWords, mark_foreign
from explainer.history import History, PendingHistory
from explainer.l10n import Localizer, babel_locale, date_months
from explainer.mentions import Mentions, find_mentions
from explainer.model import Story, build_story
from explainer.outputs.atom import atom_feed
from explainer.outputs.cards import (
    Card,
    CardError,
    CardSettings,
    PageCard,
    card_path,
    own_image,
    parse_cards,
)
from explainer.outputs.common import reference_time
from explainer.outputs.export import export
from explainer.outputs.ical import calendar
from explainer.outputs.metadata import head_html
from explainer.performance import collector_paused
from explainer.problems import DataError, Problem, errors_and_warnings
from explainer.rendering import RenderContext
from explainer.strings import Strings, load_strings
from explainer.templating import HeadingStyle, environment
from explainer.terms import LinkedPage, TermMatcher, link_terms
from explainer.urls import CALENDAR, EMBED_PAGE, EXPORT, FEED, OUTPUTS, SiteUrls
from explainer.validate import display_name, find_problems
from explainer.views.actor import ActorView
from explainer.views.actors import ActorsIndexView
from explainer.views.base import GLOSSARY, GeneratedPage, View, event_path
from explainer.views.blocks import check_pages, expand_blocks
from explainer.views.changes import ChangesView
from explainer.views.embed import embed_page
from explainer.views.event import EventView
from explainer.views.figures import FiguresView
from explainer.views.glossary import GlossaryView, fill_appears_in
from explainer.views.timeline import TimelineView
from explainer.vocabulary import DEFAULT_STATUS

DEFAULT_DATA = "data/events.yaml"
#: the stylesheet of the generated pages
STYLESHEET_SOURCE = Path(__file__).with_name("assets") / "explainer.css"


class ConfigError(Exception):
    """The site's configuration cannot work."""


@dataclass(frozen=True)
class SiteConfig:
    """Where the data is and which languages the site has (the default one first)."""

    config_dir: Path
    data_path: Path
    languages: tuple[str, ...]
    docs_dir: Path
    strings_dirs: tuple[Path, ...] = ()
    site_url: str | None = None  # absolute; canonical links, feeds, JSON-LD need it
    #: folders whose templates replace the built-in ones of the same name
    template_dirs: tuple[Path, ...] = ()
    #: the generated pages' heading ids and permanent links, as the site's Markdown has them
    headings: HeadingStyle = field(default_factory=HeadingStyle)
    #: the publisher's links at the foot of every page (`extra.explainer.footer`)
    footer: tuple[FooterLink, ...] = ()
    #: the site's name in the tab of every page but the home pages, by language
    #: (`extra.explainer.short_name`); empty: the full name everywhere
    short_name: Mapping[str, str] = field(default_factory=dict)
    #: the repository the site's text and data are kept in (`repo_url`), or None
    repo_url: str | None = None
    #: share cards (`extra.explainer.cards`; None: none are made)
    cards: CardSettings | None = None
    #: whether each language has an embeddable timeline (`extra.explainer.embed`)
    embed: bool = True
    #: the day the public history starts (`extra.explainer.history_since`): earlier
    #: updates are not shown; None: all are
    history_since: datetime.date | None = None

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @classmethod
    def from_settings(
        cls,
        config_dir: Path,
        languages: Sequence[str],
        docs_dir: Path,
        settings: Mapping[str, Any] | None,
        site_url: str | None = None,
        template_dirs: Sequence[Path] = (),
        headings: HeadingStyle | None = None,
        repo_url: str | None = None,
    ) -> SiteConfig:
        """`settings`: the `extra.explainer` settings of mkdocs.yml, as the adapter has
        typed and checked them (`data`, `strings`, `footer`, `short_name`, `cards`, `embed`,
        `history_since`; absent ones take defaults)."""
        settings = dict(settings or {})
        data = settings.get("data", DEFAULT_DATA)
        strings = settings.get("strings", [])
        if not languages:
            raise ConfigError("no languages configured for the i18n plugin")
        try:
            footer = parse_footer(settings.get("footer"), languages)
            short_name = parse_short_name(settings.get("short_name"), languages)
            cards = parse_cards(settings.get("cards"), config_dir)
        except (FooterError, CardError) as error:
            raise ConfigError(str(error)) from None
        embed = settings.get("embed", True)
        history_since = settings.get("history_since")
        return cls(
            config_dir=config_dir,
            data_path=(config_dir / data),
            languages=tuple(languages),
            docs_dir=docs_dir,
            strings_dirs=tuple(config_dir / s for s in strings),
            site_url=(site_url.rstrip("/") + "/") if site_url else None,
            template_dirs=tuple(d for d in template_dirs if d.is_dir()),
            headings=headings or HeadingStyle(),
            footer=footer,
            short_name=short_name,
            repo_url=repo_url or None,
            cards=cards,
            embed=embed,
            history_since=history_since,
        )


def heading_style(toc: Mapping[str, Any] | None) -> HeadingStyle:
    """Heading ids and permanent links as Python-Markdown's `toc` extension makes them with
    these settings (MkDocs always has the extension; without settings, no links)."""
    toc = toc or {}
    permalink = toc.get("permalink", False)
    symbol = "&para;" if permalink is True else (str(permalink) if permalink else None)
    slugify = toc.get("slugify")
    return HeadingStyle(
        permalink=symbol,
        slugify=slugify if callable(slugify) else HeadingStyle().slugify,
        separator=str(toc.get("separator", "-")),
    )


@dataclass(frozen=True)
class PageRef:
    """A built page as the glossary's "appears in" lists it."""

    path: str  # language-neutral source path: `events/x.md`, `about.md`
    title: str
    href: str  # relative to the glossary page
    mentioned: tuple[str, ...] = ()  # glossary term ids its text mentions


class Explainer:
    """A loaded, validated site: render its pages per language."""

    def __init__(
        self,
        config: SiteConfig,
        story: Story,
        strings: Mapping[str, Strings],
        history: History | None = None,
        warnings: Sequence[Problem] = (),
    ) -> None:
        self.config = config
        self.story = story
        self.strings = strings
        #: what the data file's git history gave (None: it was not read)
        self.history = history
        #: what the checks found that an editor should look at, in file order: reported,
        #: never a reason to stop (`explainer validate --strict` makes them one)
        self.warnings = list(warnings)
        self._contexts: dict[str, RenderContext] = {}
        self._matchers: dict[str, TermMatcher] = {}

    @classmethod
    @collector_paused()  # the whole located document is alive until this returns
    def load(cls, config: SiteConfig, *, history: bool = True) -> Explainer:
        """Raises DataError (every located problem of data and pages, with the warnings),
        StringsError or ConfigError; the warnings of data that has no errors are kept in
        `warnings`. With `history`, the events' first publication and last update are
        read from the data file's git history (`history_note` says when they cannot)."""
        for language in config.languages:
            try:
                babel_locale(language)
            except (ValueError, UnknownLocaleError):
                raise ConfigError(
                    f"the language `{language}` is not a locale Babel knows (like `en`, `de`, "
                    "`pt-BR`); dates and numbers cannot be formatted for it"
                ) from None
        # the history pass needs only the committed file: it runs while the data is checked
        pending = PendingHistory(config.data_path, config.languages) if history else None
        try:
            strings = load_strings(config.languages, config.strings_dirs)
            loaded, problems = find_problems(config.data_path, config.languages)
            if config.docs_dir.is_dir():
                problems += check_pages(config.docs_dir, display_name)
            errors, warnings = errors_and_warnings(problems)
            if errors:
                raise DataError(problems)
            dates = pending.result().since(config.history_since) if pending is not None else None
        finally:
            if pending is not None:
                pending.cancel()
        story = build_story(loaded.data, config.languages, dates.events if dates else None)
        explainer = cls(config, story, strings, dates, warnings)
        clashes = explainer._hand_written_clashes()
        if clashes:
            raise DataError([*clashes, *warnings])
        explainer._check_footer_pages()
        return explainer

    def _check_footer_pages(self) -> None:
        """A footer link to a page needs that page in every language: hand-written
        (docs/<language>/...) or generated."""
        generated = set(self.page_paths()) if self.config.footer else set()
        for index, link in enumerate(self.config.footer):
            if link.page is None or link.page in generated:
                continue
            for language in self.config.languages:
                source = self.config.docs_dir / language / link.page
                if not source.is_file():
                    raise ConfigError(
                        f"extra.explainer.footer[{index}].page: there is no "
                        f"{display_name(source)} (a footer link's page must exist in every "
                        "language)"
                    )

    def _hand_written_clashes(self) -> list[Problem]:
        """Hand-written pages at a path the data generates would be silently replaced.
        One walk of each language's folder, not a file lookup per generated page (what
        that cost: bench/PROFILE.md, "Timings that were kept in the code")."""
        generated = self.page_paths()
        problems = []
        for language in self.config.languages:
            folder = self.config.docs_dir / language
            written = {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}
            for path in generated:
                if path in written and (folder / path).is_file():
                    problems.append(
                        Problem(
                            display_name(folder / path),
                            1,
                            1,
                            "",
                            f"`{path}` is generated from the data in every language; "
                            "remove or rename this hand-written page",
                        )
                    )
        return problems

    @property
    def history_note(self) -> str | None:
        """One line for the build's log when the events' dates could not be read."""
        if self.history is None or self.history.unavailable is None:
            return None
        name = display_name(self.config.data_path)
        return (
            f"no git history for {name} ({self.history.unavailable}): the pages show no "
            "first-publication or update dates"
        )

    def page_paths(self) -> list[str]:
        """The language-neutral paths of every generated page."""
        return [page.path for page in self._views(self.config.default_language)]

    def context(self, language: str) -> RenderContext:
        if language not in self._contexts:
            strings = self.strings[language]
            self._contexts[language] = RenderContext(
                self.story,
                language,
                strings,
                Localizer(language, strings),
                self.urls,
                self.config.headings,
                environment(self.config.template_dirs),
                self.mentions,
                self.config.repo_url,
            )
        return self._contexts[language]

    @cached_property
    def mentions(self) -> Mentions:
        """Where the texts mention each actor: one pass over the data for every language."""
        return find_mentions(self.story)

    @collector_paused()
    def pages(self, language: str) -> list[GeneratedPage]:
        """Every generated page in one language."""
        return [view.render() for view in self._views(language)]

    def _views(self, language: str) -> list[View]:
        ctx = self.context(language)
        views: list[View] = [
            TimelineView(ctx, embed=self.config.embed),
            FiguresView(ctx),
            ActorsIndexView(ctx),
            GlossaryView(ctx),
            ChangesView(ctx),
        ]
        views += [EventView(ctx, event) for event in self.story.chronological]
        views += [ActorView(ctx, actor) for actor in self.story.actors.values()]
        return views

    def expand_blocks(self, language: str, markdown: str, page_path: str, source_name: str) -> str:
        """Fill the `<!-- explainer:NAME -->` blocks of a hand-written page."""
        return expand_blocks(self.context(language), markdown, page_path, source_name)

    @property
    def urls(self) -> SiteUrls:
        return SiteUrls(self.config.languages, self.config.site_url)

    def timestamp(self) -> int:
        """The build's time in seconds, from the data (or SOURCE_DATE_EPOCH), never the clock."""
        return int(reference_time(self.story).timestamp())

    @property
    def output_names(self) -> tuple[str, ...]:
        """The files `outputs` makes for each language, by their path under its folder."""
        return OUTPUTS + ((EMBED_PAGE,) if self.config.embed else ())

    @collector_paused()
    def outputs(
        self, language: str, site_name: str, *, stylesheet: str = "assets/explainer.css"
    ) -> dict[str, bytes]:
        """The feed, calendar and JSON export of a language, and its embeddable timeline
        (which links the generated pages' `stylesheet`, a path from the site root), by
        file name."""
        ctx = self.context(language)
        made = {
            FEED: atom_feed(ctx, self.urls, site_name),
            CALENDAR: calendar(ctx, self.urls, site_name),
            EXPORT: export(ctx, self.urls, site_name),
        }
        if self.config.embed:
            short_name = self.config.short_name.get(language)
            made[EMBED_PAGE] = embed_page(ctx, site_name, stylesheet, short_name)
        return made

    def head_html(
        self,
        language: str,
        *,
        site_name: str,
        source_path: str,
        title: str,
        description: str | None,
    ) -> str:
        """Feed and calendar links, OpenGraph and JSON-LD for one page's <head>."""
        return head_html(
            self.context(language),
            self.urls,
            site_name=site_name,
            source_path=source_path,
            page_url=self.urls.page(language, source_path),
            title=title,
            description=description,
        )

    def page_card(
        self, language: str, source_path: str, *, title: str, site_name: str
    ) -> PageCard | None:
        """The share card of a page (`source_path` language-neutral): drawn from its title,
        an event's date and type, the site's name and the language, or the event's own
        image (`card` in the data). None when the site makes no cards."""
        if self.config.cards is None:
            return None
        ctx, prefix = self.context(language), self.urls.prefix(language)
        separator = ctx.t("title.separator")
        event = None
        if source_path.startswith("events/"):
            event = self.story.events.get(source_path.removeprefix("events/").removesuffix(".md"))
        kicker = ""
        if event is not None:
            parts = [ctx.l10n.date(event.date), ctx.type_words(event)]
            # an event that did not simply take place says so, as its page does
            # ("January 23, 2026 · Meeting · unconfirmed"); R16 read the card without it
            if event.status != DEFAULT_STATUS:
                parts.append(ctx.t(f"status.{event.status}"))
            kicker = " · ".join(parts)
        if event is not None and event.card:
            image = self.config.data_path.parent / event.card
            media_type, width, height = own_image(image)
            alt = separator.join(part for part in (title, kicker, site_name) if part)
            return PageCard(
                card_path(prefix, source_path, image.suffix.lower()),
                alt=alt,
                image=image,
                width=width,
                height=height,
                media_type=media_type,
            )
        # the home page's title is the site's name: the card says it once, not again below;
        # under another page's title, the short name where the site has one, as its tab
        # does (R63 read a long name cut off at "security tensions and…")
        home = title.strip() == site_name.strip()
        footer = "" if home else self.config.short_name.get(language) or site_name
        card = Card(title, kicker, footer, language_name(language))
        alt = separator.join(part for part in (card.title, card.kicker, footer) if part)
        return PageCard(card_path(prefix, source_path), alt=alt, card=card)

    def chrome(self, language: str) -> Chrome:
        """What the theme's own parts of every page say in `language`: the footer's
        links and credit, the tab title's separator and short name, the 404 page."""
        return chrome(language, self.strings, self.urls, self.config.footer, self.config.short_name)

    def date_months(self, language: str) -> tuple[str, ...]:
        """The words `language`'s table writes the months of a day's date with, besides
        CLDR's names (`months.in_dates`: "Jan.", "Sept."), for the hand-written pages."""
        return date_months(self.strings[language])

    def link_terms(self, language: str, page_html: str, glossary_href: str) -> LinkedPage:
        """Link the first mention of each glossary term in a page's HTML."""
        if language not in self._matchers:
            self._matchers[language] = TermMatcher.for_language(
                self.story, language, self.date_months(language)
            )
        return link_terms(page_html, self._matchers[language], glossary_href)

    @cached_property
    def _foreign_words(self) -> ForeignWords:
        return ForeignWords.from_lists(self.story.foreign_words)

    def mark_foreign(self, language: str, page_html: str) -> str:
        """Mark the names and terms of another language in a page's HTML (`lang`), after
        its terms are linked: the data's `foreign_words`."""
        return mark_foreign(page_html, self._foreign_words, language)

    def fill_appears_in(self, language: str, content: str, pages: Sequence[PageRef]) -> str:
        """Fill the glossary's "appears in" lines: events that name or mention a term
        (in time order), then other pages that mention it (alphabetically)."""
        ctx = self.context(language)
        by_path = {page.path: page for page in pages if page.path != GLOSSARY}
        order = {event_path(e.id): i for i, e in enumerate(self.story.chronological)}
        users: dict[str, set[str]] = {term_id: set() for term_id in self.story.glossary}
        for page in by_path.values():
            for term_id in page.mentioned:
                users[term_id].add(page.path)
        for event in self.story.events.values():
            for term_id in event.terms:
                if event_path(event.id) in by_path:
                    users[term_id].add(event_path(event.id))

        # the home page by what it is, not by the site's title that heads it (the R9 review
        # read "Appears in: … Mexico and the United States: security tensions …")
        titles = {path: page.title for path, page in by_path.items()}
        if "index.md" in titles:
            titles["index.md"] = ctx.t("glossary.home")

        def key(path: str) -> tuple[int, int, tuple[int, ...]]:
            if path in order:
                return (0, order[path], ())
            return (1, 0, ctx.l10n.sort_key(titles[path]))

        pages_by_term = {
            term_id: [(titles[p], by_path[p].href) for p in sorted(paths, key=key)]
            for term_id, paths in users.items()
        }
        return fill_appears_in(ctx, content, pages_by_term)
