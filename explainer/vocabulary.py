"""The words of the data contract and the site, defined once.

Event types, statuses, actor kinds, figure units and qualifiers, the ways an actor takes
part in an event, and the paths of the generated pages. The JSON Schema, the scaffold, the
views and templates, the pictures, the outputs and the stylesheet's class names all use
these; tests/test_vocabulary.py ties the schema, the model and the stylesheet to them.
"""

from __future__ import annotations

#: `type` of an event, in the order the timeline's filter and legends list them
EVENT_TYPES = ("call", "statement", "meeting")
#: `status` of an event; the first is the default. `unconfirmed`: the date has passed and no
#: source says whether the event took place (an editorial fact, never set by the clock)
STATUSES = ("held", "scheduled", "cancelled", "unconfirmed")
DEFAULT_STATUS = STATUSES[0]
#: `kind` of an actor, in the order the actors page groups them
ACTOR_KINDS = ("person", "institution", "group")
#: `unit` of a figure
UNITS = ("percent", "tonnes", "count")
#: `qualifier` of a figure: how the claim hedges its number; `approximate: true` is `about`
QUALIFIERS = ("about", "nearly", "over")

#: how an actor takes part in an event, in the order an actor's page lists them
PARTICIPANT, QUOTED, CLAIMED_FIGURE = "participant", "quoted", "figure"
WAYS = (PARTICIPANT, QUOTED, CLAIMED_FIGURE)

#: the generated pages' language-neutral source paths (the spec's "Pages and URLs")
TIMELINE = "timeline.md"
GLOSSARY = "glossary.md"
FIGURES = "figures.md"
ACTORS = "actors/index.md"
CHANGES = "changes.md"
#: the timeline for other sites' frames, a document of its own (not in the theme's shell)
EMBED_TIMELINE = "embed/timeline.md"


def event_path(event_id: str) -> str:
    return f"events/{event_id}.md"


def actor_path(actor_id: str) -> str:
    return f"actors/{actor_id}.md"
