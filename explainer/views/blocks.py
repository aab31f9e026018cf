"""Blocks that hand-written pages place with `<!-- explainer:NAME -->` on a line of their own.

The build replaces each marker with Markdown rendered from the data, so the home page's key
figures and upcoming meetings never drift from `data/events.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from explainer.markup import escape, link
from explainer.model import Event
from explainer.problems import Problem
from explainer.views.base import CHANGES, RenderContext, event_path
from explainer.views.changes import (
    and_list,
    correction_anchor,
    day,
    told_changes,
    what_changed,
)
from explainer.views.snippets import event_item, figures_table
from explainer.visuals.figures_chart import figures_chart
from explainer.visuals.timeline_chart import timeline_chart
from explainer.vocabulary import DEFAULT_STATUS

MARKER = re.compile(r"^[ \t]*<!--\s*explainer:([A-Za-z0-9_-]*)\s*-->[ \t]*$", re.MULTILINE)


class BlockError(Exception):
    """A hand-written page names a block that does not exist."""


def _as_of(ctx: RenderContext, page_path: str) -> str:
    """How far the account reaches, in prose: its latest event known to have taken place,
    named by its type and date with its headline linked beside it ("the statement of
    January 16, 2026 (…)"); the events scheduled after it, a sentence for each status,
    counted by their type ("Two meetings were scheduled after it: one on January 23, 2026
    (…) and one in February 2026 (…)"); then the story's last update from the history
    (without history, the events only). All of it changes only with the data and its
    commits, never with the day."""
    events = ctx.story.chronological
    if not events:
        return ""
    token = "\x00"  # where a link goes: escape() leaves it, and only it, alone

    def linked(sentence: str, links: str) -> str:
        return escape(capitalized(sentence)).replace(token, links)

    def headline(event: Event) -> str:
        return ctx.event_link(page_path, event.id)

    def noun(alike: list[Event]) -> str:
        """Their type, or "event" for types that differ."""
        types = {e.type for e in alike}
        return types.pop() if len(types) == 1 else "event"

    def kind(alike: list[Event]) -> str:
        """What they are, counted: "one meeting", "two events" (types that differ)."""
        return ctx.t(f"as_of.what.{noun(alike)}", count=len(alike))

    def dated(alike: list[Event]) -> str:
        """As "one on January 23, 2026 (…) and one in February 2026 (…)"."""
        said = []
        for e in alike:
            precision = "day" if e.date.day is not None else "month"
            on = ctx.t(f"as_of.when.{precision}", date=ctx.l10n.date(e.date))
            item = escape(ctx.t("as_of.event", when=on, event=token, count=len(alike)))
            said.append(item.replace(token, headline(e)))
        return and_list(ctx, said)

    held = [e for e in events if e.status == DEFAULT_STATUS]
    # the latest one that took place, of those no other one is known to follow; an event
    # known only by its month is not known to be later than its month's dated ones, so a
    # dated one is named where both could be the latest (as previous and next do)
    latest = [e for e in held if not any(e.known_before(other) for other in held)]
    named = next((e for e in reversed(latest) if e.date.day is not None), None)
    named = named or (latest[-1] if latest else None)
    lines = []
    if named:  # "Of the events with an exact date, the latest … is the statement of …"
        key = "as_of.held" if named.date.day is not None else "as_of.held.month"
        the = ctx.t(f"as_of.the.{named.type}")
        sentence = ctx.t(key, the=the, event=token, date=ctx.l10n.date(named.date))
        lines.append(linked(sentence, headline(named)))
    later = [
        e for e in events if e.status != DEFAULT_STATUS and (named is None or named.known_before(e))
    ]
    # a sentence per status, in the order the events come, the status said once for all
    situation = "later" if named else "only"
    for status in dict.fromkeys(e.status for e in later):
        alike = [e for e in later if e.status == status]
        sentence = ctx.t(
            f"as_of.{situation}.{status}", what=kind(alike), events=token, count=len(alike)
        )
        lines.append(linked(sentence, dated(alike)))
    # those that took place, known only by their month, that may have come after the named
    # one: it is the latest *dated* one, and the block must not read as if nothing that
    # took place could follow it (last, with its date, so no "after it" above is ambiguous)
    maybe_later = [e for e in latest if e is not named]
    if named and named.date.day is not None and maybe_later:  # else none is dated
        # statements are issued, not held: "may have been issued after …"
        said = "as_of.maybe_later.statement" if noun(maybe_later) == "statement" else None
        sentence = ctx.t(
            said or "as_of.maybe_later",
            what=kind(maybe_later),
            events=token,
            count=len(maybe_later),
            date=ctx.l10n.date(named.date),
        )
        headlines = ctx.t("list.separator").join(headline(e) for e in maybe_later)
        lines.append(linked(sentence, headlines))
    updated = ctx.story.last_update
    if updated is not None:
        lines.append(escape(ctx.t("as_of.updated", date=ctx.l10n.date(day(updated)))))
    return " ".join(lines)


def capitalized(sentence: str) -> str:
    """A sentence that begins with a counted noun ("{what} were scheduled") begins with a
    capital letter."""
    return sentence[:1].upper() + sentence[1:]


def _key_figures(ctx: RenderContext, page_path: str) -> str:
    if not ctx.story.figures:
        return escape(ctx.t("figures.none"))
    return figures_table(ctx, page_path, ctx.story.figures)


def _upcoming(ctx: RenderContext, page_path: str) -> str:
    events = ctx.story.planned
    if not events:
        return escape(ctx.t("upcoming.none"))
    return "\n".join(event_item(ctx, page_path, e, summary=True) for e in events)


def _latest(ctx: RenderContext, page_path: str) -> str:
    held = [e for e in ctx.story.chronological if e.status == "held"][-3:]
    return "\n".join(event_item(ctx, page_path, e, summary=True) for e in reversed(held))


#: how many corrections and updates the home page's `changes` block lists
LATEST_CHANGES = 5


def _changes(ctx: RenderContext, page_path: str) -> str:
    """The latest corrections and updates, each linked to its event (an update with what it
    changed), then the page that lists them all."""
    # every language lists the same changes of fact; a revision of another language's
    # wording only is not told (told_changes)
    changes = told_changes(ctx)[:LATEST_CHANGES]
    if not changes:
        return escape(ctx.t("changes.none"))
    # entries under one label ("Updated March 7, 2026:") are listed under it once
    groups: dict[str, list[tuple[str, str | None]]] = {}
    for change in changes:
        event, correction = change.event, change.correction
        title = escape(ctx.text(event.title))
        told = None
        if correction is None:
            label = ctx.t("changes.updated", date=ctx.l10n.date(day(change.day)))
            target = link(title, page_path, event_path(event.id))
            told = what_changed(ctx, event.what_changed)
        else:
            label = ctx.t("correction.label", date=ctx.l10n.date(correction.date))
            anchor = correction_anchor(change.number)
            target = link(title, page_path, event_path(event.id), anchor=anchor)
        groups.setdefault(label, []).append((target, told))
    lines = []
    for label, entries in groups.items():
        if len(entries) == 1:
            [(target, told)] = entries
            lines.append(f"- **{escape(label)}** {target}")
            if told:
                lines[-1] += f"  \n  {escape(told)}"
            continue
        lines.append(f"- **{escape(label)}**")
        for target, told in entries:
            lines.append(f"    - {target}")
            if told:
                lines[-1] += f"  \n      {escape(told)}"
    lines.append("")
    lines.append(link(escape(ctx.t("changes.all")), page_path, CHANGES))
    return "\n".join(lines)


def _timeline_chart(ctx: RenderContext, page_path: str) -> str:
    """On a hand-written page (the home page), with no list of events beside it."""
    return timeline_chart(
        ctx,
        lambda path, anchor: ctx.page_href(page_path, path, anchor),
        "viz-timeline",
        alternative="viz.alternative.timeline",
    )


def _figures_chart(ctx: RenderContext, page_path: str) -> str:
    return figures_chart(
        ctx, lambda path, anchor: ctx.page_href(page_path, path, anchor), "viz-figures"
    )


def _repository(ctx: RenderContext, page_path: str) -> str:
    """Where the site's text and data are kept, linked, and how readers report an error
    there, when the site names its repository (`repo_url`, which the deploy workflow
    sets); nothing otherwise, so that a page can place it without promising a link, or a
    way to report, that a build may not have."""
    url = ctx.repo_url
    if not url or not url.startswith(("https://", "http://")):
        return ""
    shown = url.split("://", 1)[1].rstrip("/")
    token = "\x00"  # where the link goes: escape() leaves it, and only it, alone
    sentence = escape(ctx.t("repository.sentence", link=token))
    linked = sentence.replace(token, f"[{escape(shown)}](<{url}>)")
    # how to report an error there: said only where "there" is linked
    return f"{linked} {escape(ctx.t('repository.report'))}"


BLOCKS: dict[str, Callable[[RenderContext, str], str]] = {
    "as-of": _as_of,
    "timeline-chart": _timeline_chart,
    "figures-chart": _figures_chart,
    "key-figures": _key_figures,
    "upcoming": _upcoming,
    "latest": _latest,
    "changes": _changes,
    "repository": _repository,
}


def unknown_blocks(markdown: str, source_name: str) -> list[Problem]:
    """A located problem for each marker that names no block."""
    problems = []
    for match in MARKER.finditer(markdown):
        if match.group(1) not in BLOCKS:
            line = markdown.count("\n", 0, match.start()) + 1
            column = match.start() - (markdown.rfind("\n", 0, match.start()) + 1) + 1
            problems.append(
                Problem(
                    source_name,
                    line,
                    column,
                    "",
                    f"unknown block `explainer:{match.group(1)}`; "
                    f"known blocks: {', '.join(BLOCKS)}",
                )
            )
    return problems


def check_pages(docs_dir: Path, display: Callable[[Path], str]) -> list[Problem]:
    """Block markers in every hand-written page under `docs_dir`."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        problems += unknown_blocks(path.read_text(encoding="utf-8-sig"), display(path))
    return problems


def expand_blocks(ctx: RenderContext, markdown: str, page_path: str, source_name: str) -> str:
    """Replace every block marker; an unknown block name is a located BlockError."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in BLOCKS:
            raise BlockError("\n".join(map(str, unknown_blocks(markdown, source_name))))
        return "\n" + BLOCKS[name](ctx, page_path) + "\n"

    return MARKER.sub(replace, markdown)
