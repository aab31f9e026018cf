"""Blocks that hand-written pages place with `<!-- explainer:NAME -->` on a line of their own.

The build replaces each marker with HTML rendered from the data, so the home page's key
figures and upcoming meetings never drift from `data/events.yaml`. Each block is a
template, `blocks/<NAME>.html`, rendered with the same variables and macros as the
generated pages, and a site overrides it the same way (`overrides/explainer/blocks/`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from explainer.model import Event
from explainer.problems import Problem
from explainer.rendering import (
    Links,
    RenderContext,
    and_list_html,
    capitalized,
    day,
    held_kind,
    template_values,
)
from explainer.templating import render
from explainer.typography import year_commas_html
from explainer.views.changes import correction_anchor, told_changes, what_changed
from explainer.visuals.figures_chart import figures_chart
from explainer.visuals.timeline_chart import timeline_chart
from explainer.vocabulary import DEFAULT_STATUS

MARKER = re.compile(r"^[ \t]*<!--\s*explainer:([A-Za-z0-9_-]*)\s*-->[ \t]*$", re.MULTILINE)


#: an HTML tag at the start of a text (a sentence that begins with a link)
_LEADING_TAG = re.compile(r"<[^>]*>")


class BlockError(Exception):
    """A hand-written page names a block that does not exist."""


def _as_of(ctx: RenderContext, page_path: str) -> dict[str, Any]:
    """How far the account reaches, in prose: its latest event known to have taken place,
    as a sentence names it (its short name, else its quoted headline), the link to its
    page, and its date ("The latest dated event known to have taken place is Sheinbaum’s
    press conference on January 16, 2026."); the events scheduled after it, a sentence
    for each status, counted by their type, each date the link to its event ("Two meetings
    are scheduled for later dates: one on January 23, 2026 and one in February 2026");
    then, on a line of its own, the story's last update from the history (without history,
    the events only).
    All of it changes only with the data and its commits, never with the day."""
    events = ctx.story.chronological
    if not events:
        return {"sentences": [], "updated": None}
    links = Links(ctx, page_path)

    def said(key: str, **values: Any) -> Markup:
        """A sentence that begins with a counted noun ("{what} were scheduled") or a link
        begins with a capital."""
        sentence = ctx.t_html(key, **values)
        tag = _LEADING_TAG.match(sentence)
        start = tag.end() if tag else 0
        return Markup(sentence[:start] + capitalized(sentence[start:]))

    def named(event: Event, key: str = "event.named") -> Markup:
        """The event as a sentence names it, linked, and its date: "the Mexican Embassy’s
        post (January 2026)" (`rendering.named`: its short name, else its quoted headline;
        R15 read headlines pasted into sentences after a colon)."""
        return ctx.t_html(key, event=links.event_named(event.id), date=ctx.l10n.date(event.date))

    def noun(alike: list[Event]) -> str:
        """Their type, or "event" for types that differ."""
        types = {e.type for e in alike}
        return types.pop() if len(types) == 1 else "event"

    def kind(alike: list[Event]) -> str:
        """What they are, counted: "one meeting", "two events" (types that differ)."""
        return ctx.t(f"as_of.what.{noun(alike)}", count=len(alike))

    def dated(alike: list[Event]) -> Markup:
        """As "one on January 23, 2026 and one in February 2026", each date linked."""
        items = []
        for e in alike:
            precision = "day" if e.date.day is not None else "month"
            date = links.event_as(e.id, ctx.l10n.date(e.date))
            on = ctx.t_html(f"as_of.when.{precision}", date=date)
            items.append(ctx.t_html("as_of.event", when=on, count=len(alike)))
        return and_list_html(ctx, items)

    held = [e for e in events if e.status == DEFAULT_STATUS]
    # the latest one that took place, of those no other one is known to follow; an event
    # known only by its month is not known to be later than its month's dated ones, so a
    # dated one is named where both could be the latest (as previous and next do)
    latest = [e for e in held if not any(e.known_before(other) for other in held)]
    latest_held = next((e for e in reversed(latest) if e.date.day is not None), None)
    latest_held = latest_held or (latest[-1] if latest else None)
    sentences = []
    if latest_held:  # "The latest dated event known to have taken place is <name> on …"
        key = "as_of.held" if latest_held.date.day is not None else "as_of.held.month"
        sentences.append(
            said(
                key,
                event=links.event_named(latest_held.id),
                date=ctx.l10n.date(latest_held.date),
            )
        )
    later = [
        e
        for e in events
        if e.status != DEFAULT_STATUS and (latest_held is None or latest_held.known_before(e))
    ]
    # a sentence per status, in the order the events come, the status said once for all
    situation = "later" if latest_held else "only"
    for status in dict.fromkeys(e.status for e in later):
        alike = [e for e in later if e.status == status]
        sentences.append(
            said(
                f"as_of.{situation}.{status}",
                what=kind(alike),
                events=dated(alike),
                count=len(alike),
            )
        )
    # those that took place, known only by their month, that may have come after the named
    # one: it is the latest *dated* one, and the block must not read as if nothing that
    # took place could follow it (last, with its date, so no "after it" above is ambiguous)
    maybe_later = [e for e in latest if e is not latest_held]
    if latest_held and latest_held.date.day is not None and maybe_later:  # else none is dated
        sentences.append(
            said(
                "as_of.maybe_later",
                events=and_list_html(
                    ctx, [named(e, "as_of.maybe_later.named") for e in maybe_later]
                ),
                count=len(maybe_later),
                date=ctx.l10n.date(latest_held.date),
            )
        )
    # the last update on a line of its own: R14 read it as running into the account; a
    # story nothing was added to or changed in since its publication says it was
    # published then (R58/R59 read "Last revised" beside a changes page without updates
    # as a contradiction)
    updated = ctx.story.last_update
    key = "as_of.published" if ctx.story.unchanged_since_first_publication else "as_of.updated"
    return {
        "sentences": sentences,
        "updated": None if updated is None else ctx.t_html(key, date=ctx.l10n.date(day(updated))),
    }


def _key_figures(ctx: RenderContext, page_path: str) -> dict[str, Any]:
    return {}


def _upcoming(ctx: RenderContext, page_path: str) -> dict[str, Any]:
    return {"events": ctx.story.planned}


def _latest(ctx: RenderContext, page_path: str) -> dict[str, Any]:
    held = [e for e in ctx.story.chronological if e.status == "held"][-3:]
    return {"events": list(reversed(held))}


#: how many corrections and updates the home page's `changes` block lists
LATEST_CHANGES = 5


def _changes(ctx: RenderContext, page_path: str) -> dict[str, Any]:
    """The latest corrections and updates, each linked to its event (an update with what it
    changed), those under one label ("Updated March 7, 2026:") listed under it once; then
    the page that lists them all, saying how many of them the block shows where it shows
    fewer."""
    # every language lists the same changes of fact; a revision of wording is not told
    # (told_changes)
    groups: dict[str, list[dict[str, Any]]] = {}
    told = told_changes(ctx)
    for change in told[:LATEST_CHANGES]:
        event, correction = change.event, change.correction
        if correction is None:
            label = ctx.t("changes.updated", date=ctx.l10n.date(day(change.day)))
            anchor, what = None, what_changed(ctx, event.what_changed, held_kind(event))
        else:
            label = ctx.t("correction.label", date=ctx.l10n.date(correction.date))
            anchor, what = correction_anchor(change.number), None
        groups.setdefault(label, []).append({"event": event, "anchor": anchor, "what": what})
    # a list cut short says so (R13: five of seven read as the whole log), naming what the
    # log holds: "five of seven updates" where it has no correction (R15 read "corrections
    # and updates" beside a log that said none had been published); not "the latest five",
    # which means nothing when they share one day (and German "die letzten" also "the last")
    shown = min(len(told), LATEST_CHANGES)
    corrections = sum(change.correction is not None for change in told)
    kind = "updates" if corrections == 0 else "corrections" if corrections == len(told) else "both"
    return {"groups": list(groups.items()), "shown": shown, "total": len(told), "kind": kind}


def _timeline_chart(ctx: RenderContext, page_path: str) -> dict[str, Any]:
    """On a hand-written page (the home page), with no list of events beside it."""
    chart = timeline_chart(
        ctx,
        Links(ctx, page_path).address,
        "viz-timeline",
        alternative="viz.alternative.timeline",
    )
    return {"chart": Markup(chart)}


def _figures_chart(ctx: RenderContext, page_path: str) -> dict[str, Any]:
    return {"chart": Markup(figures_chart(ctx, Links(ctx, page_path).address, "viz-figures"))}


def _repository(ctx: RenderContext, page_path: str) -> dict[str, Any]:
    """Where the site's text and data are kept, linked, and how readers report an error
    there, when the site names its repository (`repo_url`, which the deploy workflow
    sets); nothing otherwise, so that a page can place it without promising a link, or a
    way to report, that a build may not have."""
    url = ctx.repo_url
    if not url or not url.startswith(("https://", "http://")):
        return {"url": None, "shown": None}
    return {"url": url, "shown": url.split("://", 1)[1].rstrip("/")}


#: each block's variables besides those every template has, by its name (and template's)
BLOCKS: dict[str, Callable[[RenderContext, str], dict[str, Any]]] = {
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


def render_block(ctx: RenderContext, name: str, page_path: str) -> str:
    """One block's HTML on the page `page_path`, from its template (a site's own first)."""
    values = {**template_values(ctx, page_path), **BLOCKS[name](ctx, page_path)}
    html = render(f"blocks/{name}.html", ctx.templates, values).strip("\n")
    # its sentences put dates in links ("on <a>January 23, 2026</a> and"): the language's
    # comma after the year goes after the link
    return year_commas_html(html, ctx.language, ctx.date_months)


def expand_blocks(ctx: RenderContext, markdown: str, page_path: str, source_name: str) -> str:
    """Replace every block marker; an unknown block name is a located BlockError."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in BLOCKS:
            raise BlockError("\n".join(map(str, unknown_blocks(markdown, source_name))))
        return "\n" + render_block(ctx, name, page_path) + "\n"

    return MARKER.sub(replace, markdown)
