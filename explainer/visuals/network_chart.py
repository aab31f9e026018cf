"""Who talks to whom: actors as nodes around a circle, an edge for every pair that took
part in the same events (thicker for more), each node linked to the actor's page.

The layout is a circle in a fixed order (country, kind, name): the same data always gives
the same picture. People are circles, institutions squares, groups diamonds."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from itertools import combinations

from explainer.views.base import RenderContext
from explainer.visuals.svg import el, esc, link, num, svg_root
from explainer.visuals.timeline_chart import shape

WIDTH, HEIGHT = 760.0, 470.0
RADIUS = 160.0
_KIND_SHAPE = {"person": "call", "institution": "statement", "group": "meeting"}


def network_chart(ctx: RenderContext, href: Callable[[str, str | None], str], ident: str) -> str:
    story = ctx.story
    actors = sorted(
        story.actors.values(),
        key=lambda a: (a.country or "~", a.kind, ctx.l10n.sort_key(ctx.text(a.name))),
    )
    if not actors:
        return ""
    shared: Counter[tuple[str, str]] = Counter()
    for event in story.events.values():
        for a, b in combinations(sorted(set(event.participants)), 2):
            shared[(a, b)] += 1
    centre, middle = WIDTH / 2, HEIGHT / 2
    position = {}
    for i, actor in enumerate(actors):
        angle = -math.pi / 2 + 2 * math.pi * i / len(actors)
        position[actor.id] = (centre + RADIUS * math.cos(angle), middle + RADIUS * math.sin(angle))
    body = []
    for (a, b), count in sorted(shared.items()):
        (x1, y1), (x2, y2) = position[a], position[b]
        label = ctx.t("viz.shared", a=ctx.actor_name(a), b=ctx.actor_name(b), count=count)
        body.append(
            f'<line class="viz-edge" x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
            f'stroke-width="{num(min(1 + 2 * (count - 1), 9))}"><title>{esc(label)}</title></line>'
        )
    for actor in actors:
        x, y = position[actor.id]
        name = ctx.text(actor.name)
        anchor = "start" if x > centre + 1 else "end" if x < centre - 1 else "middle"
        dx = 12 if anchor == "start" else -12 if anchor == "end" else 0
        dy = 4 if anchor != "middle" else (-12 if y < middle else 20)
        content = (
            f"<title>{esc(name)}</title>"
            + shape(_KIND_SHAPE[actor.kind], x, y, f"viz-node viz-node--{actor.kind}")
            + el("text", esc(name), css="viz-label", x=x + dx, y=y + dy, text_anchor=anchor)
        )
        body.append(link(href(f"actors/{actor.id}.md", None), content))
    return svg_root(
        WIDTH,
        HEIGHT,
        css_class="explainer-viz--network",
        title=ctx.t("viz.network.title"),
        description=ctx.t("viz.network.desc", actors=len(actors), pairs=len(shared)),
        ident=ident,
        body=body,
    )
