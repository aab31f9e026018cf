"""Where the story's texts mention its actors: the "mentioned in" lines of actor pages.

An actor's page lists the events it takes part in, is quoted in or gives a figure in. The
texts also name actors that take part in none (the CIA in a president's statement), and
name others in events they have no part in. A text mentions an actor where it names it
(its name or one of its `aliases`, found as glossary terms are: case-insensitive, whole
words, longest form first) or links its page (`actors/<id>.md`).

The texts are the data's: an event's title, summary, body, quotes and corrections, an
actor's description, a term's definition, in every language. An event mentions an actor
if any of its languages does, so that every language lists the same pages, however a
language inflects a name ("des US-Außenministeriums").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from explainer.model import Event, Localized, Story
from explainer.terms import TermMatcher

#: a link to an actor's page (vocabulary.actor_path) in Markdown: `actors/cia.md`, also
#: `../actors/cia.md#x`
_ACTOR_LINK = re.compile(r"\bactors/([a-z0-9]+(?:-[a-z0-9]+)*)\.md\b")


@dataclass(frozen=True)
class Mentions:
    """The texts that mention each actor, outside its own part in the story: events it
    does not take part in (timeline order), and other actors' and terms' entries (in
    the data file's order; the pages sort them by name)."""

    events: dict[str, tuple[str, ...]] = field(default_factory=dict)
    actors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def of(self, actor_id: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """The events, actors and terms that mention the actor."""
        return (
            self.events.get(actor_id, ()),
            self.actors.get(actor_id, ()),
            self.terms.get(actor_id, ()),
        )


def find_mentions(story: Story) -> Mentions:
    """One pass over the texts: each language's with the names and aliases of that
    language (the texts of 1,000 events take about a tenth of a second)."""
    matchers = {
        language: TermMatcher.from_forms(
            {
                actor.id: [actor.name[language], *actor.aliases.get(language, ())]
                for actor in story.actors.values()
            },
            {},
        )
        for language in story.languages
    }

    def named(texts: Iterable[Localized]) -> set[str]:
        found: set[str] = set()
        for text in texts:
            for language, matcher in matchers.items():
                found.update(actor_id for _, actor_id in matcher.mentions(text[language]))
                if "actors/" in text[language]:  # rare: no regular expression for the rest
                    found.update(m.group(1) for m in _ACTOR_LINK.finditer(text[language]))
        return found & story.actors.keys()

    events: dict[str, list[str]] = {}
    for event in story.chronological:
        involved = {*event.participants, *(q.by for q in event.quotes)}
        involved |= {figure.by for figure in event.figures}
        for actor_id in sorted(named(_event_texts(event)) - involved):
            events.setdefault(actor_id, []).append(event.id)
    actors: dict[str, list[str]] = {}
    for actor in story.actors.values():
        if actor.description:
            for actor_id in sorted(named([actor.description]) - {actor.id}):
                actors.setdefault(actor_id, []).append(actor.id)
    terms: dict[str, list[str]] = {}
    for term in story.glossary.values():
        for actor_id in sorted(named([term.definition])):
            terms.setdefault(actor_id, []).append(term.id)
    return Mentions(
        {k: tuple(v) for k, v in events.items()},
        {k: tuple(v) for k, v in actors.items()},
        {k: tuple(v) for k, v in terms.items()},
    )


def _event_texts(event: Event) -> Iterator[Localized]:
    yield event.title
    yield event.summary
    if event.body:
        yield event.body
    for quote in event.quotes:
        yield quote.text
    for correction in event.corrections:
        yield correction.text
