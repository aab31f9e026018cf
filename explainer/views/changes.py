"""`changes/`: every correction and every event's last update, newest first, each linked to
its event (changes.html); and what the event pages and the feed say about them."""

from __future__ import annotations

import datetime
from typing import Any

from markupsafe import Markup
from markupsafe import escape as escape_html

from explainer.history import iso
from explainer.markup import render_markdown
from explainer.model import Correction, EventDate
from explainer.views.base import CHANGES, RenderContext, View, event_path


def correction_anchor(number: int) -> str:
    """The id of a correction on its event's page: `correction-1` for the oldest."""
    return f"correction-{number}"


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


class ChangesView(View):
    path = CHANGES
    template = "changes.html"

    def title(self) -> str:
        return self.ctx.t("changes.title")

    def description(self) -> str:
        return self.ctx.t("changes.intro")

    def context(self) -> dict[str, Any]:
        ctx = self.ctx
        entries = []
        for change in ctx.story.changes:
            event, correction = change.event, change.correction
            if correction is None:
                assert event.updated is not None
                entries.append(
                    {
                        "kind": "update",
                        "event": event,
                        "path": event_path(event.id),
                        "label": dated(ctx, "changes.updated", event.updated),
                        "anchor": None,
                        "text": None,
                    }
                )
            else:
                entries.append(
                    {
                        "kind": "correction",
                        "event": event,
                        "path": event_path(event.id),
                        "label": dated(ctx, "correction.label", correction.date.first_day),
                        "anchor": correction_anchor(change.number),
                        "text": Markup(render_markdown(ctx.text(correction.text))),
                    }
                )
        return {"changes": entries}
