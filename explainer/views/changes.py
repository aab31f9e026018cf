"""`changes/`: every correction and every event's last update, newest first, grouped by
day, each linked to its event and saying what changed (changes.html); and what the event
pages and the feed say about them."""

from __future__ import annotations

import json
from typing import Any

from babel import Locale
from markupsafe import Markup

from explainer.history import FieldChange
from explainer.markup import render_markdown
from explainer.model import Change, EventDate, Figure, figure_qualifier
from explainer.rendering import RenderContext, Word, and_list, capitalized, dated, held_kind
from explainer.views.base import CHANGES, View, event_path
from explainer.vocabulary import DEFAULT_STATUS

#: the word (`changes.field.<word>`) for each field of an event, in the order a sentence
#: names them (what readers see first, first); a field not listed is "other details". A
#: list's items are counted (ITEM_WORDS); its word says only that its order changed
FIELD_WORDS = {
    "title": "title",
    # never told (NAMING): how sentences name the event, a kind of headline
    "name": "title",
    "summary": "summary",
    "body": "body",
    "type": "type",
    # never told (NAMING): what readers are told the event is, wording of its type
    "type_name": "type",
    "date": "date",
    "time": "time",
    "timezone": "time",
    "utc_offset": "time",
    "status": "status",
    "before": "before",
    "place": "place",
    "card": "card",
    "participants": "participants",
    "quotes": "quotes",
    "figures": "figures",
    "sources": "sources",
    "related": "related",
    "terms": "terms",
    "corrections": "corrections",
}
_ORDER = {name: i for i, name in enumerate(FIELD_WORDS)}


#: the word (`changes.item.<word>`, counted) for an item of each list: "a source was
#: added", "two quotations were removed"
ITEM_WORDS = {
    "participants": "participant",
    "quotes": "quote",
    "figures": "figure",
    "sources": "source",
    "related": "related",
    "terms": "term",
    "corrections": "correction",
}


#: the items whose revision in every language is told by the texts revised
#: (`changes.item.revised.<word>`): a figure's label, a quotation's text
REVISED_TEXTS = frozenset({"figure", "quote"})


#: the fields that are wording: a revision of their texts, in any language, changes no
#: fact (quotations and figures are facts, told in every language, saying which
#: language's text was revised). A source citation is `revised` where its title alone
#: changed (history): its title is its wording (R15 read "the texts of two source citations
#: were revised" under an intro saying changes of wording are not listed); one added,
#: removed, or given another address is `added`, `removed` or `changed`, a fact
WORDING = frozenset({"title", "summary", "body", "place", "sources"})
#: the fields that are wording whatever happened to them: an event's short name (`name`),
#: given, revised or taken away, changes how sentences name it, no fact; its glossary
#: links (`terms`), added or removed, are editorial apparatus, no fact of the event (R17
#: read "a glossary term was replaced" under an intro saying changes of wording are not
#: listed)
NAMING = frozenset({"name", "type_name", "terms"})


def told(changes: tuple[FieldChange, ...]) -> tuple[FieldChange, ...]:
    """What of an update readers are told, the same in every language: a revision of
    wording (the headline, the summary, the text, the place, a source citation's title, a
    quotation's closing full stop or initial capital) is not told at all, as a newspaper
    logs no copy edits. The R10 review read "The headline, the summary, and the text were
    revised" as system language, beside a German log that listed other revisions; changes
    of fact (a date, a status, the participants, a quotation's words, a figure, a source
    added or moved, a related event) are told in every language alike; an event's short
    name and its glossary terms are never told."""
    return tuple(
        change
        for change in changes
        if not (change.how == "revised" and change.field in WORDING)
        and change.how != "repunctuated"
        and change.field not in NAMING
    )


def told_changes(ctx: RenderContext) -> list[Change]:
    """The story's corrections and last updates, newest first, as the pages list them: an
    update that only revised wording is left out (one the history says nothing about is
    listed, as "Updated"); the same list in every language."""
    return [
        change
        for change in ctx.story.changes
        if change.correction is not None
        or not change.event.what_changed
        or told(change.event.what_changed)
    ]


def _only_in(ctx: RenderContext, change: FieldChange) -> tuple[str, ...]:
    """The languages a revision touched, where it did not touch them all (else none)."""
    if change.how != "revised" or set(ctx.story.languages) <= set(change.languages):
        return ()
    return change.languages


def what_changed(
    ctx: RenderContext, changes: tuple[FieldChange, ...], event_type: str
) -> str | None:
    """An update in words: `The status was changed from scheduled to canceled; the German
    wording of a quotation was revised; a source was added; two quotations were removed.`
    The status and the date from what to what, then the other whole fields, grouped by
    what happened to them, then a list's items, counted (None when the history says
    nothing of it, or nothing readers are told: `told`). `event_type`: the event's
    `held_kind`, whose word a status that took place takes ("held", "issued")."""
    order = sorted(told(changes), key=lambda c: _ORDER.get(c.field, len(_ORDER)))
    clauses = [_from_to(ctx, change, event_type) for change in order if change.was]
    groups: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for change in order:
        if change.items or change.was:
            continue
        # a place in the timeline given or taken away (`before`) is one changed
        how = "changed" if change.field == "before" else change.how
        words = groups.setdefault((how, _only_in(ctx, change)), [])
        word = FIELD_WORDS.get(change.field, "other")
        if word not in words:  # time and timezone are both the time
            words.append(word)
    clauses += [
        _clause(
            ctx, how, only, and_list(ctx, [ctx.t(f"changes.field.{w}") for w in words]), len(words)
        )
        for (how, only), words in groups.items()
    ]
    listed = [change for change in order if change.items and not change.was]
    for change in listed:
        how = change.how
        if how in ("added", "removed"):
            # as many added as removed from one list: they were replaced ("a related event
            # was replaced", not "a related event was added; a related event was removed")
            other = "removed" if how == "added" else "added"
            twin = [c for c in listed if c.field == change.field and c.how == other]
            if twin and twin[0].items == change.items:
                if how == "removed":
                    continue  # told with the addition
                how = "replaced"
        word = ITEM_WORDS.get(change.field, "other")
        # an item revised in every language is one whose texts alone changed: say which
        # texts ("the descriptions of two figures"); "two figures were revised" read as if
        # their values had (R14)
        key = f"changes.item.{word}"
        if how == "revised" and not _only_in(ctx, change) and word in REVISED_TEXTS:
            key = f"changes.item.revised.{word}"
        items = ctx.t(key, count=change.items)
        clauses.append(_clause(ctx, how, _only_in(ctx, change), items, change.items))
    if not clauses:
        return None
    return _full_stop(ctx, capitalized(ctx.t("changes.what.join").join(clauses)))


def _full_stop(ctx: RenderContext, sentence: str) -> str:
    """`sentence` with its full stop, which U.S. English sets inside a closing quotation
    mark ('… from “scheduled” to “unconfirmed.”'), as `quote.end` places it."""
    mark = "\0"
    opening, closing = ctx.t("quote", text=mark).split(mark)
    if closing and sentence.endswith(closing):
        start = sentence.rfind(opening, 0, len(sentence) - len(closing))
        if start >= 0:
            quoted = sentence[start + len(opening) : len(sentence) - len(closing)]
            return sentence[:start] + ctx.t("quote.end", text=quoted)
    return sentence + "."


def _from_to(ctx: RenderContext, change: FieldChange, event_type: str) -> str:
    """ "the status was changed from scheduled to canceled", "the date was changed from
    January 13, 2026, to January 12, 2026", "a figure was changed from nearly 320 metric
    tons to 300 metric tons", in the words the pages use; the same in
    every language, as every change of fact is."""
    if change.field == "figures":  # a figure's value, as the pages show it

        def shown(value: str) -> str:
            figure = json.loads(value)
            return ctx.l10n.figure_value(
                Figure(
                    "", "", {}, figure["value"], figure.get("unit", ""), figure_qualifier(figure)
                )
            )

        return ctx.t("changes.what.figure", was=shown(change.was), now=shown(change.now))
    if change.field == "status":

        def word(status: str) -> str:
            key = f"changes.status.{status}"
            return ctx.t(f"{key}.{event_type}" if status == DEFAULT_STATUS else key)

        # the labels the pages show, quoted as labels
        return ctx.t(
            "changes.what.status",
            was=ctx.t("quote", text=word(change.was)),
            now=ctx.t("quote", text=word(change.now)),
        )

    def date(text: str, side: str) -> str:
        value = EventDate.parse(text)
        precision = "day" if value.day is not None else "month"
        return ctx.t(f"changes.date.{side}.{precision}", date=ctx.l10n.date(value))

    return ctx.t("changes.what.date", was=date(change.was, "was"), now=date(change.now, "now"))


def _clause(ctx: RenderContext, how: str, only: tuple[str, ...], fields: str, count: int) -> str:
    """ "the summary was revised", or for a revision of some languages' texts only, "the
    English wording of the summary was revised" / "die Zusammenfassung wurde in der
    deutschen Fassung überarbeitet" (each language named in the page's language, as
    `changes.language` forms it from the language's name: {name}, or {name:lower})."""
    if not only:
        return ctx.t(f"changes.what.{how}", fields=fields, count=count)
    names = Locale.parse(ctx.language).languages
    languages = and_list(
        ctx, [ctx.t("changes.language", name=Word(names.get(lang, lang))) for lang in only]
    )
    return ctx.t("changes.what.revised.only", fields=fields, count=count, languages=languages)


def correction_anchor(number: int) -> str:
    """The id of a correction on its event's page: `correction-1` for the oldest."""
    return f"correction-{number}"


class ChangesView(View):
    path = CHANGES
    template = "changes.html"

    def title(self) -> str:
        return self.ctx.t("changes.title")

    def description(self) -> str:
        return self.ctx.t(self.intro_key())

    def intro_key(self) -> str:
        """The intro promises what the page lists: corrections only if there are any (R14
        read "Every correction published" above a log of updates alone)."""
        story = self.ctx.story
        if any(event.corrections for event in story.events.values()):
            return "changes.intro"
        return "changes.intro.no_corrections"

    def context(self) -> dict[str, Any]:
        ctx = self.ctx
        days: list[dict[str, Any]] = []
        for change in told_changes(ctx):  # newest first
            event, correction = change.event, change.correction
            if not days or days[-1]["day"] != change.day:
                days.append(
                    {
                        "day": change.day,
                        "title": dated(ctx, "changes.day", change.day),
                        "changes": [],
                    }
                )
            if correction is None:
                assert event.updated is not None
                told = what_changed(ctx, event.what_changed, held_kind(event))
                entry = {
                    "kind": "update",
                    "event": event,
                    "path": event_path(event.id),
                    "label": ctx.t("changes.update"),
                    "anchor": None,
                    "what": told,
                    "text": None,
                }
            else:
                entry = {
                    "kind": "correction",
                    "event": event,
                    "path": event_path(event.id),
                    "label": ctx.t("changes.correction"),
                    "anchor": correction_anchor(change.number),
                    "what": None,
                    "text": Markup(render_markdown(ctx.text(correction.text))),
                }
            days[-1]["changes"].append(entry)
        corrections = any(c["kind"] == "correction" for d in days for c in d["changes"])
        return {"days": days, "corrections": corrections, "intro": ctx.t(self.intro_key())}
