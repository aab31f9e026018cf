"""The story seen in one language, and what every kind of output renders from it: the
views' pages, the pictures (`visuals/`) and the files (`outputs/`) all start here, below
each of them."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import jinja2
from markupsafe import Markup
from markupsafe import escape as escape_html

from explainer.history import iso
from explainer.l10n import Localizer, date_months
from explainer.markup import render_markdown
from explainer.mentions import Mentions
from explainer.model import Correction, Event, EventDate, Story
from explainer.strings import Strings
from explainer.templating import HeadingStyle, environment
from explainer.terms import LABELS_ATTRIBUTE
from explainer.typography import keep_together
from explainer.urls import SiteUrls, relative_url
from explainer.vocabulary import DEFAULT_STATUS, GLOSSARY, actor_path, event_path


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

    def text(self, localized: Mapping[str, str]) -> str:
        """A text of the data in this language, set for reading: no line break inside its
        dates and amounts or before its dashes (`typography`), so that editors never type
        a no-break space. Once for each text: the cost is the data's, not the pages'."""
        value = localized[self.language]
        shown = self._typeset.get(value)
        if shown is None:
            shown = self._typeset[value] = keep_together(value, self.language, self.date_months)
        return shown

    @cached_property
    def date_months(self) -> tuple[str, ...]:
        """The table's words for the months in a day's date (`months.in_dates`), which
        the texts' dates are recognized by besides CLDR's names: read once, as every text
        the context sets and every page it renders asks for them."""
        return date_months(self.strings)

    def t(self, key: str, **values: Any) -> str:
        return self.strings(key, **values)

    def actor_name(self, actor_id: str) -> str:
        return self.text(self.story.actors[actor_id].name)

    def quoted(self, text: str) -> str:
        return self.t("quote", text=text)

    def type_words(self, event: Event) -> str:
        """The event's kind as readers are told it: its `type_name` where the data gives
        one ("Press conference"), else its type's ("Statement"); R20 read "Type:
        Statement" over a press conference and a social media post. The type itself still
        drives filters, colours, the calendar and the legend."""
        if event.type_name is not None:
            return self.text(event.type_name)
        return self.t(f"type.{event.type}")

    def t_html(self, key: str, **values: Any) -> Markup:
        """A UI string as HTML: its text escaped, Markup values (links) kept as they are."""
        tokens = {name: f"\x00{name}\x00" for name, v in values.items() if isinstance(v, Markup)}
        text = str(Markup.escape(self.t(key, **{**values, **tokens})))
        for name, token in tokens.items():
            text = text.replace(token, str(values[name]))
        return Markup(text)


def named(ctx: RenderContext, event: Event) -> str:
    """The event as a sentence names it: its short name (`name` in the data, in the
    nominative, the one form the strings put it in), else its headline in quotation marks
    (R15 read headlines pasted into sentences; R13 rejected naming an event by its type,
    "the statement of" a press conference)."""
    if event.name is not None:
        return ctx.text(event.name)
    return ctx.quoted(ctx.text(event.title))


def capitalized(text: str) -> str:
    """A phrase as the start of a sentence or a fact: its first letter upper-case."""
    return text[:1].upper() + text[1:]


def fact_rows(rows: list[tuple[str, str | Markup]]) -> list[tuple[str, str | Markup]]:
    """A fact box's lines (label, value), each value starting with a capital as a
    label's value does ("Role: President of Mexico"): the data writes roles and
    descriptions in lower case, for use after a name ("Claudia Sheinbaum, president of
    Mexico"), which R42/R43 read as lower-case slips in the box. A link (Markup) names
    a page, already as it is written."""
    return [
        (name, value if isinstance(value, Markup) else capitalized(value)) for name, value in rows
    ]


def precision(event: Event) -> str:
    """How exactly the event is dated, as the status words' keys name it: `day`, or
    `month` for one known only by its month ("für den 23." / "für Februar")."""
    return "month" if event.date.day is None else "day"


def when(ctx: RenderContext, event: Event, short: bool = False) -> str:
    """An event's date as a held event has it (`January 23, 2026`); for any other status,
    its date and status in words that stay true whenever they are read: `scheduled for
    January 23, 2026; the sources do not say whether it took place` (`unconfirmed`).
    `short` for an item among others (a picture's texts, a list): an unconfirmed event
    gets its status word only (`scheduled for January 23, 2026; unconfirmed`), as R28/R29
    read the full clause five times on one page; its own page says it in full."""
    date = ctx.l10n.date(event.date)
    if event.status == DEFAULT_STATUS:
        return date
    if short and event.status == "unconfirmed":
        return ctx.t(f"when.unconfirmed.short.{precision(event)}", date=date)
    return ctx.t(f"when.{event.status}.{precision(event)}", date=date)


def named_statement(event: Event) -> bool:
    """A statement that took place and that the data names otherwise (`type_name`: a
    press conference, a post), which words for "the statement" would misname."""
    return event.status == DEFAULT_STATUS and held_kind(event) == "statement.named"


def held_kind(event: Event) -> str:
    """What a held event's status word depends on (`status.held.<kind>`,
    `changes.status.held.<kind>`): its type, or `statement.named` for a statement the data
    names otherwise (`type_name`: a press conference, a post), beside which "issued" read
    wrong (R24/R25): it took place, as a meeting does."""
    return "statement.named" if event.type == "statement" and event.type_name else event.type


def title_with_status(ctx: RenderContext, event: Event) -> str:
    """An event's headline where nothing beside it says its status, as a calendar's or a
    feed reader's list shows an entry: with its status word in parentheses when it is not
    known to have taken place ("Meeting of the … (unconfirmed)"; `event.title.status`),
    so that no reader of the list takes it for one that did."""
    title = ctx.text(event.title)
    if event.status == DEFAULT_STATUS:
        return title
    return ctx.t("event.title.status", title=title, status=ctx.t(f"status.{event.status}"))


def title_with_when(ctx: RenderContext, event: Event) -> str:
    """An event's headline with its date, and its status when it is not known to have
    taken place, where nothing beside the headline says when the event was: a feed
    reader's list of entries, which shows each entry's publication date (R58, R59 read the
    January call listed as an item of November), and the timeline picture's tooltips
    ("Meeting of the … (scheduled for Jan. 23, 2026; unconfirmed)"; `event.title.when`)."""
    return ctx.t("event.title.when", title=ctx.text(event.title), when=when(ctx, event, short=True))


def status_label(ctx: RenderContext, event: Event) -> str:
    """An event's status as a word after its type, in lower case: `scheduled`; one that
    took place as its kind needs it (`held_kind`: a statement is `issued`, a meeting or a
    press conference `took place`)."""
    if event.status == DEFAULT_STATUS:
        return ctx.t(f"status.{DEFAULT_STATUS}.{held_kind(event)}")
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
    """` · scheduled` / ` · canceled` / ` · unconfirmed`, the status
    as a visible badge after the event's type; nothing for held events. The status is a
    word of the label, in the case the language gives it there ("Treffen · angesetzt")."""
    if status == DEFAULT_STATUS:
        return Markup("")
    label = escape_html(ctx.t(f"status.{status}"))
    return Markup(
        f'{LABEL_SEPARATOR}<span class="explainer-status explainer-status--{status}" '
        f"{LABELS_ATTRIBUTE}>{label}</span>"
    )


def event_meta(ctx: RenderContext, event: Event, kind: bool = True) -> Markup:
    """`<em>16 January 2026 · Meeting</em> · scheduled`: date and type, and the status as
    a badge unless it took place; labels, never linked to the glossary. A list whose
    events are all of one type leaves the type out (`kind=False`): R18 read "Meeting of
    the … Group — January 23, 2026 · Meeting" under "Planned meetings"."""
    labels = f"<em {LABELS_ATTRIBUTE}>{escape_html(ctx.l10n.date(event.date))}"
    if kind:
        labels += f"{LABEL_SEPARATOR}{escape_html(ctx.type_words(event))}"
    labels += "</em>"
    return Markup(labels) + status_badge(ctx, event.status)


class Links:
    """Links from one generated page to the others, as HTML for the templates."""

    def __init__(self, ctx: RenderContext, here: str) -> None:
        self.ctx, self.here = ctx, here

    def href(self, to_path: str, anchor: str | None = None) -> str:
        """The address of a page (source path) from this one, for HTML, where MkDocs does
        not rewrite `.md` links; a place on this page by its fragment alone."""
        if to_path == self.here and anchor:
            return f"#{anchor}"
        return self.address(to_path, anchor)

    def address(self, to_path: str, anchor: str | None = None) -> str:
        """The address of a page (source path) from this one, even of this one (the
        pictures link so)."""
        urls, language = self.ctx.urls, self.ctx.language
        target = relative_url(urls.page(language, to_path), urls.page(language, self.here))
        return f"{target}#{anchor}" if anchor else target

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

    def event(self, event_id: str, anchor: str | None = None) -> Markup:
        title = self.ctx.text(self.ctx.story.events[event_id].title)
        return self.page(event_path(event_id), title, anchor)

    def event_named(self, event_id: str) -> Markup:
        """A link to an event's page that reads as a sentence names the event (`named`):
        "Sheinbaum’s press conference", its headline in its title attribute."""
        return self.event_as(event_id, named(self.ctx, self.ctx.story.events[event_id]))

    def event_short(self, event_id: str) -> Markup:
        """A link to an event's page by its short name, its first letter upper-case, as a
        table cell or a list item begins ("Sheinbaum’s press conference"), else by its
        headline: R17 read a 14-word headline four times over in the figures table's event
        column. The headline is in the link's title attribute."""
        event = self.ctx.story.events[event_id]
        if event.name is None:
            return self.event(event_id)
        return self.event_as(event_id, capitalized(self.ctx.text(event.name)))

    def event_as(self, event_id: str, label: Any) -> Markup:
        """A link to an event's page that reads as `label` ("Sheinbaum’s press
        conference"), the event's headline in its title attribute, for prose that names the
        event rather than quoting its headline."""
        title = self.ctx.text(self.ctx.story.events[event_id].title)
        return Markup(
            f'<a href="{escape_html(self.href(event_path(event_id)))}" '
            f'title="{escape_html(title)}">{escape_html(label)}</a>'
        )

    def event_occasion(self, event_id: str) -> Markup:
        """A link to an event's page by its kind and date ("press conference, January 16,
        2026"; `figures.shared.occasion`), for a sentence that has just named the event's one
        participant: its short name, "Sheinbaum’s press conference", would name her twice."""
        event = self.ctx.story.events[event_id]
        label = self.ctx.t(
            "figures.shared.occasion",
            type=Word(self.ctx.type_words(event)),
            date=self.ctx.l10n.date(event.date),
        )
        return self.event_as(event_id, label)

    def term(self, term_id: str) -> Markup:
        term = self.ctx.story.glossary[term_id]
        return self.page(GLOSSARY, self.ctx.text(term.term), anchor=term_id)


class Word:
    """A word put into a UI string: `{name}` as it is written ("Deutsch", "Press
    conference"); `{name:lower}` in lower case, for an adjective ("deutschen");
    `{name:mid}` as a language that writes nouns in lower case sets a label mid-sentence,
    its first letter lower-case unless it opens an abbreviation ("press conference", "UN
    summit")."""

    def __init__(self, word: str) -> None:
        self.word = word

    def __format__(self, spec: str) -> str:
        if spec == "lower":
            return self.word.lower()
        if spec == "mid" and not self.word[1:2].isupper():
            return self.word[:1].lower() + self.word[1:]
        return self.word


def and_list(ctx: RenderContext, items: list[str]) -> str:
    """`title and sources`, `title, summary and sources`: as the language's table joins
    a list (`list.and` between two items, `list.and.last` before the last of more; the
    English table's house style, AP's, has no serial comma)."""
    if len(items) < 2:
        return "".join(items)
    if len(items) == 2:
        return items[0] + ctx.t("list.and") + items[1]
    return ", ".join(items[:-1]) + ctx.t("list.and.last") + items[-1]


def and_list_html(ctx: RenderContext, items: list[Markup]) -> Markup:
    """HTML items (links) joined as the language joins a list (`A, B and C`)."""
    tokens = [f"\x00{index}\x00" for index in range(len(items))]
    joined = str(escape_html(and_list(ctx, tokens)))
    for token, item in zip(tokens, items, strict=True):
        joined = joined.replace(token, str(item))
    return Markup(joined)


def day(moment: datetime.datetime | datetime.date) -> EventDate:
    """A committer date (UTC) or a correction's day as a date the pages write out."""
    return EventDate(moment.year, moment.month, moment.day)


def dated(ctx: RenderContext, key: str, moment: datetime.datetime | datetime.date) -> Markup:
    """A UI string with `{date}` written out in a `<time>` element (machine-readable)."""
    shown = escape_html(ctx.l10n.date(day(moment)))
    return ctx.t_html(key, date=Markup(f'<time datetime="{iso(moment)}">{shown}</time>'))


def correction_html(ctx: RenderContext, correction: Correction) -> Markup:
    """The correction's text as HTML, its first paragraph led by "Correction, January 21,
    2026:" in bold."""
    label = Markup("<strong>") + dated(ctx, "correction.label", correction.date.first_day)
    label += Markup("</strong>")
    text = render_markdown(ctx.text(correction.text))
    if text.startswith("<p>"):
        return Markup(f"<p>{label} {text[len('<p>') :]}")
    return Markup(f"<p>{label}</p>\n{text}")


def template_values(ctx: RenderContext, here: str) -> dict[str, Any]:
    """What every template has, a generated page's or a hand-written page's block, at the
    page `here` (a language-neutral source path)."""
    return {
        "links": Links(ctx, here),
        "t": ctx.strings,
        "t_html": ctx.t_html,
        "text": ctx.text,
        "l10n": ctx.l10n,
        "story": ctx.story,
        "event_meta": lambda event, kind=True: event_meta(ctx, event, kind),
        "labels_attribute": Markup(LABELS_ATTRIBUTE),
        "language": ctx.language,
    }
