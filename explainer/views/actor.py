"""`actors/<id>/`: one actor, and every event they took part in, were quoted or claimed a
figure in (actor.html)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from explainer.markup import render_markdown
from explainer.model import Actor, Event
from explainer.rendering import (
    Links,
    RenderContext,
    and_list_html,
    capitalized,
    fact_rows,
    named,
    named_statement,
)
from explainer.views.actors import role_and_country
from explainer.views.base import View, actor_path
from explainer.vocabulary import CLAIMED_FIGURE, DEFAULT_STATUS, PARTICIPANT, QUOTED


def way_words(ctx: RenderContext, event: Event, way: str, actor: Actor) -> str:
    """How an actor took part in an event, as a clause true for its status: by the
    event's type in one that took place (`Took part in the call`, `Issued the statement`,
    `Attended the meeting`; a group in a meeting, or an institution alone in one, `Met`),
    `Due to take part` in a scheduled one, `Was due to take part` in an unconfirmed or
    cancelled one: a clause, which `involvement_line` ends."""
    # a group in a meeting, or an institution alone in one, is the meeting: it meets
    holds = actor.kind == "group" or (
        actor.kind == "institution" and set(event.participants) == {actor.id}
    )
    own = "meets" if event.type == "meeting" and holds else None
    if named_statement(event):
        # a statement the data names otherwise (a press conference, a post) is not called
        # "the statement" (R20): the part said without the type's noun
        return ctx.t("actor.way.participant.statement.named")
    if event.status == DEFAULT_STATUS:
        return ctx.t(f"actor.way.{own}" if own else f"actor.way.{way}.{event.type}")
    return ctx.t(f"actor.way.{own or way}.{event.status}")


def involvement_line(ctx: RenderContext, event: Event, ways: set[str], actor: Actor) -> str:
    """What an actor did in an event, as one sentence a newspaper's who's who would write:
    their part, then whether the event's page quotes them and how many of its figures they
    cited (`Issued the statement; was quoted directly and cited four figures.`). R14 read one list
    of verb phrases as a database's, R16 "Made the statement. Quoted, citing four figures."
    as its output still; each part is a clause that `actor.way.both` joins to the other or
    `actor.way.one` ends alone."""
    part = way_words(ctx, event, PARTICIPANT, actor) if PARTICIPANT in ways else None
    figures = sum(1 for figure in event.figures if figure.by == actor.id)
    said_ways = [QUOTED] if QUOTED in ways else []
    if CLAIMED_FIGURE in ways and figures:
        said_ways.append(CLAIMED_FIGURE)
    said = ctx.t("actor.way." + "_".join(said_ways), count=figures) if said_ways else None
    if said and named_statement(event):
        # a press conference or a post (`type_name`): what the page quotes and cites is
        # what they did; a verb for their part would presume speaking or issuing (R22/R23)
        part = None
    if part and said:
        return capitalized(ctx.t("actor.way.both", part=part, said=said))
    if part or said:
        return capitalized(ctx.t("actor.way.one", part=part or said))
    return ""


class ActorView(View):
    template = "actor.html"
    in_nav = False

    def __init__(self, ctx, actor: Actor) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.actor = actor
        self.path = actor_path(actor.id)

    def title(self) -> str:
        return self.ctx.text(self.actor.name)

    def description(self) -> str:
        ctx, actor = self.ctx, self.actor
        details = role_and_country(ctx, actor, fallback=ctx.t(f"kind.{actor.kind}"))
        return f"{ctx.text(actor.name)}: {details}"

    def facts(self) -> list[tuple[str, str | Markup]]:
        ctx, actor = self.ctx, self.actor
        # not its kind ("Type: Person"): the index groups by kind, and the role or the
        # description says what the actor is (R14 read "Type:" as a database's label)
        facts: list[tuple[str, str | Markup]] = []
        if actor.role:
            # a person has a role ("Funktion"); an institution or a group is described
            label = "actor.role" if actor.kind == "person" else "actor.about"
            facts.append((ctx.t(label), ctx.text(actor.role)))
        if actor.country:
            facts.append((ctx.t("actor.country"), ctx.l10n.country(actor.country)))
        if actor.member_of:
            # labeled by what it belongs to ("Institution: U.S. State Department"): the data
            # does not say whether the actor heads it, and "Affiliation" read as a form's
            # label (R24/R25)
            kind = ctx.story.actors[actor.member_of].kind
            link = Links(ctx, self.path).actor(actor.member_of)
            facts.append((ctx.t(f"actor.member_of.{kind}"), link))
        if not ctx.story.involvement(actor.id):
            # an actor in no event: the box says so, a label's value (R42, R44, R46 read
            # the sentence under the box, "Took no part … but is mentioned in connection
            # with …", as subjectless), naming the events whose texts mention it
            facts.append((ctx.strings.other("actor.events"), self.no_events()))
        return fact_rows(facts)

    def context(self) -> dict[str, Any]:
        ctx, actor = self.ctx, self.actor
        description = actor.description
        return {
            "actor": actor,
            "facts": self.facts(),
            "description": Markup(render_markdown(ctx.text(description))) if description else None,
            # each with its role, which says how it belongs ("US secretary of state")
            "members": [
                (member, ctx.text(member.role) if member.role else "")
                for member in ctx.story.members(actor.id)
            ],
            "involvement": [
                (event, involvement_line(ctx, event, ways, actor))
                for event, ways in ctx.story.involvement(actor.id)
            ],
            **self.mentioned(),
        }

    def no_events(self) -> Markup:
        """The fact box's value for an actor in no event: "None",
        and the events whose texts mention it ("…; mentioned in connection with
        Sheinbaum’s press conference"), each as a sentence names it, linked; R26/R27 read
        the first part alone as a database's fragment where the events were to be found."""
        events, _, _ = self.ctx.mentions.of(self.actor.id)
        if not events:
            return Markup.escape(self.ctx.t("actor.events.none"))
        return self.mentioned_only([self.ctx.story.events[event_id] for event_id in events])

    def mentioned_only(self, events: list[Event]) -> Markup:
        """The events an actor in no event is mentioned in, as `no_events` says it."""
        links = Links(self.ctx, self.path)
        listed = and_list_html(self.ctx, [links.event_named(event.id) for event in events])
        # a name the sentence would have to inflect after its preposition („mit der
        # Mitteilung“) stands after a colon, as it is (R36/R37 read the colon as clumsy
        # wherever it was not needed)
        declined = set(self.ctx.t("grammar.declined_openings").casefold().split())
        openings = (named(self.ctx, event).split(maxsplit=1)[:1] for event in events)
        key = "actor.events.mentioned_only"
        if any(word[0].casefold() in declined for word in openings if word):
            key = "actor.events.mentioned_only.listed"
        return self.ctx.t_html(key, events=listed, count=len(events))

    def mentioned(self) -> dict[str, Any]:
        """The texts that mention the actor outside its own part in the story, one line
        for each kind of page, as a label and its value: the events in timeline order
        ("Events: …"), then other actors ("Who’s who: …") and glossary terms ("Glossary:
        …") by name. R43/R46 read events and actors in one list as a
        jumble; R18 read an actor and a term of one name as one page listed twice."""
        ctx, story = self.ctx, self.ctx.story
        links = Links(ctx, self.path)
        events, actors, terms = ctx.mentions.of(self.actor.id)
        others = sorted(
            (story.actors[actor_id] for actor_id in actors),
            key=lambda other: ctx.l10n.sort_key(ctx.text(other.name)),
        )
        glossary = sorted(
            (story.glossary[term_id] for term_id in terms),
            key=lambda term: ctx.l10n.sort_key(ctx.text(term.term)),
        )
        lines = []
        for key, placeholder, items in (
            ("actor.mentioned.events", "events", [links.event_named(e) for e in events]),
            ("actor.mentioned.actors", "actors", [links.actor(other.id) for other in others]),
            ("actor.mentioned.glossary", "terms", [links.term(term.id) for term in glossary]),
        ):
            if items:
                listed = {placeholder: and_list_html(ctx, items)}
                lines.append(ctx.t_html(key, count=len(items), **listed))
        return {"mentioned": lines}
