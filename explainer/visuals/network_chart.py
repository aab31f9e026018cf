"""How the actors are connected: each node an actor (linked to their page), each line a
relation the data holds:

- **same event**: two actors took part in the same event, one known to have taken place
  (a meeting that was only scheduled, or whose taking place the reports do not confirm,
  is no event they shared: R24/R25); a solid line, thicker for more;
- **part of**: `member_of`; a dashed line with an arrow to the body;
- **related events**: one took part in an event that names, or is named by, an event the
  other took part in as `related` (the State Department's message and Sheinbaum's press
  conference that answers it); a dotted line, only between actors who share no event
  (R26/R27 read a pair with both lines as contradicting the text, which names the pairs
  sharing an event apart).

Each kind has its own line style and colour and, for `part of`, an arrow: never colour
alone. Two actors related in several ways get one line per way, side by side. People are
circles, institutions squares, groups diamonds.

The wide layout puts the actors on a circle, the narrow one (for phones) lists them down
the picture with their names beside them and draws the relations as arcs on the left (an
arc diagram). Both place them in the same order, which keeps related actors close: the
most connected first, then its neighbours, each group in the order country, kind, name.
The same data always gives the same picture."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from explainer.model import Actor, Event, Story
from explainer.rendering import RenderContext, and_list, capitalized
from explainer.visuals.svg import (
    NARROW,
    WIDE,
    Drawing,
    LegendItem,
    el,
    esc,
    legend,
    link,
    num,
    picture,
    wrap_evenly,
)
from explainer.visuals.timeline_chart import R, shape
from explainer.vocabulary import ACTOR_KINDS, DEFAULT_STATUS

_KIND_SHAPE = {"person": "call", "institution": "statement", "group": "meeting"}
#: the kinds of relation, in the order the legend and the description name them
KINDS = ("event", "member", "related")
LINE = 16.0  # from one line of a name to the next
GAP = 5.0  # between the lines of two actors related in several ways
Href = Callable[[str, str | None], str]


@dataclass(frozen=True)
class Relation:
    """`a` and `b` took part in `count` events together (`event`), or in related events
    (`related`, `count` pairs of events); or `a` is part of `b` (`member`)."""

    kind: str
    a: str
    b: str
    count: int = 1


def relations(story: Story) -> list[Relation]:
    """Every relation between two actors, by kind, then by the actors' ids."""
    shared: Counter[tuple[str, str]] = Counter()
    for event in held_events(story):
        for pair in combinations(sorted(set(event.participants)), 2):
            shared[pair] += 1
    linked = {tuple(sorted((e.id, other))) for e in story.events.values() for other in e.related}
    related: Counter[tuple[str, str]] = Counter()
    for first, second in sorted(linked):
        one, two = story.events[first].participants, story.events[second].participants
        for pair in {tuple(sorted((a, b))) for a in one for b in two if a != b}:
            if pair not in shared:  # a pair sharing an event has that line alone
                related[pair] += 1  # type: ignore[index]
    found = [Relation("event", a, b, n) for (a, b), n in sorted(shared.items())]
    found += [
        Relation("member", actor.id, actor.member_of)
        for actor in sorted(story.actors.values(), key=lambda actor: actor.id)
        if actor.member_of
    ]
    found += [Relation("related", a, b, n) for (a, b), n in sorted(related.items())]
    return found


def held_events(story: Story) -> list[Event]:
    """The events a solid line counts: those known to have taken place."""
    return [event for event in story.events.values() if event.status == DEFAULT_STATUS]


def uncounted(story: Story) -> bool:
    """Whether an event that did not (knowingly) take place had participants a solid line
    would otherwise join: then the text says only events that took place count."""
    return any(
        len(set(event.participants)) > 1
        for event in story.events.values()
        if event.status != DEFAULT_STATUS
    )


def network_chart(ctx: RenderContext, href: Href, ident: str) -> str:
    story = ctx.story
    actors = sorted(
        story.actors.values(),
        key=lambda a: (a.country or "~", a.kind, ctx.l10n.sort_key(ctx.text(a.name))),
    )
    if not actors:
        return ""
    found = relations(story)
    drawn = closest(found)
    actors = _close_together(actors, drawn)
    description = describe(ctx, len(actors), found)
    if len(drawn) < len(found):
        description += " " + ctx.t("viz.network.most", count=len(drawn))
    return picture(
        css_class="explainer-viz--network",
        title=ctx.t("viz.network.title"),
        description=description,
        ident=ident,
        wide=_circle(ctx, href, actors, drawn),
        narrow=_arcs(ctx, href, actors, drawn),
    )


#: the most relations a picture draws: more only hide each other (and weigh megabytes)
MOST = 300
_CLOSENESS = {"member": 0, "event": 1, "related": 2}


def closest(found: list[Relation], most: int = MOST) -> list[Relation]:
    """At most `most` relations, the closest ones: `part of` first, then taking part in
    the same events, then in related events, more events before fewer; in their order."""
    if len(found) <= most:
        return found
    chosen = set(sorted(found, key=lambda r: (_CLOSENESS[r.kind], -r.count))[:most])
    return [relation for relation in found if relation in chosen]


def _close_together(actors: list[Actor], found: list[Relation]) -> list[Actor]:
    """The actors in an order that keeps related ones near each other (fewer crossing
    lines, shorter arcs): from the actor with the most relations, breadth first, each
    actor's neighbours in the given order; then the next group, and so on."""
    rank = {actor.id: i for i, actor in enumerate(actors)}
    neighbours: dict[str, set[str]] = {actor.id: set() for actor in actors}
    for relation in found:
        neighbours[relation.a].add(relation.b)
        neighbours[relation.b].add(relation.a)
    ordered: list[str] = []
    placed: set[str] = set()
    by_degree = sorted(rank, key=lambda a: (-len(neighbours[a]), rank[a]))
    for start in by_degree:
        if start in placed:
            continue
        queue = [start]
        placed.add(start)
        while queue:
            current = queue.pop(0)
            ordered.append(current)
            for other in sorted(neighbours[current] - placed, key=rank.__getitem__):
                placed.add(other)
                queue.append(other)
    by_id = {actor.id: actor for actor in actors}
    return [by_id[a] for a in ordered]


def describe(ctx: RenderContext, actors: int, found: list[Relation]) -> str:
    """The text alternative: how many actors, each kind of relation with its count and
    how it is drawn, and where the same is told in words."""
    parts = [ctx.t("viz.network.desc", count=actors)]
    for kind in KINDS:
        count = sum(1 for r in found if r.kind == kind)
        if not count:
            continue
        if count <= NAMED_MOST:
            # few enough to name: "Juan Ramón de la Fuente and Marco Rubio (two events)"
            # tells a screen reader what the lines show, where counts of pairs do not
            of_kind = [r for r in found if r.kind == kind]
            key = f"viz.network.{kind}.named"
            pairs = ctx.t("viz.network.pairs.join").join(_pair(ctx, r) for r in of_kind)
            parts.append(ctx.t(key, count=len(of_kind), pairs=pairs))
        elif kind == "event":
            # the pairs counted by how many events each shares, most first: "One pair
            # shares two events and one pair shares one event", never "two pairs share an
            # event" when one of them shares two
            by_events = Counter(r.count for r in found if r.kind == kind)
            pairs = and_list(
                ctx,
                [
                    ctx.t(
                        "viz.network.event.pairs",
                        count=n,
                        shared=ctx.t("viz.network.event.shared", count=shared),
                    )
                    for shared, n in sorted(by_events.items(), reverse=True)
                ],
            )
            parts.append(ctx.t("viz.network.event", count=count, pairs=capitalized(pairs)))
        else:
            parts.append(ctx.t(f"viz.network.{kind}", count=count))
        if kind == "event" and uncounted(ctx.story):
            parts.append(ctx.t("viz.network.event.held"))
    parts.append(ctx.t("viz.network.alternative"))
    return " ".join(parts)


#: up to how many relations of a kind the text alternative names one by one
NAMED_MOST = 12


def _pair(ctx: RenderContext, relation: Relation) -> str:
    """A relation as the text alternative names it: "Marco Rubio and Juan Ramón de la
    Fuente (two events)", "Marco Rubio → U.S. State Department" (member to body)."""
    a, b = ctx.actor_name(relation.a), ctx.actor_name(relation.b)
    if relation.kind == "event":
        shared = ctx.t("viz.network.event.shared", count=relation.count)
        return ctx.t("viz.network.event.pair", a=a, b=b, shared=shared)
    return ctx.t(f"viz.network.{relation.kind}.pair", a=a, b=b)


def _tooltip(ctx: RenderContext, relation: Relation) -> str:
    a, b = ctx.actor_name(relation.a), ctx.actor_name(relation.b)
    if relation.kind == "event":
        return ctx.t("viz.shared", a=a, b=b, count=relation.count)
    if relation.kind == "member":
        # what the member is, by its role ("Marco Rubio, U.S. secretary of state"): the data
        # does not say who heads what, and "belongs to it" read wrong of a department's head
        role = ctx.story.actors[relation.a].role
        if role is not None:
            return ctx.t("viz.member.role", a=a, b=b, role=ctx.text(role))
        return ctx.t("viz.member", a=a, b=b)
    return ctx.t("viz.related", a=a, b=b)


def _style(relation: Relation) -> dict[str, str | float]:
    """The class of a relation's line, and the width of a `same event` line."""
    style: dict[str, str | float] = {"css": f"viz-rel viz-rel--{relation.kind}"}
    if relation.kind == "event":
        style["stroke_width"] = min(2 + 1.5 * (relation.count - 1), 8)
    return style


def _arrow(tip_x: float, tip_y: float, dx: float, dy: float) -> str:
    """An arrowhead whose tip is at (tip_x, tip_y), pointing along (dx, dy)."""
    length = math.hypot(dx, dy) or 1
    ux, uy = dx / length, dy / length
    back_x, back_y = tip_x - 9 * ux, tip_y - 9 * uy
    corners = [
        (tip_x, tip_y),
        (back_x - 4.5 * uy, back_y + 4.5 * ux),
        (back_x + 4.5 * uy, back_y - 4.5 * ux),
    ]
    return el("polygon", css="viz-arrow", points=" ".join(f"{num(x)},{num(y)}" for x, y in corners))


def _by_pair(found: list[Relation]) -> dict[frozenset[str], list[Relation]]:
    pairs: dict[frozenset[str], list[Relation]] = {}
    for relation in found:
        pairs.setdefault(frozenset((relation.a, relation.b)), []).append(relation)
    return pairs


def _node(ctx: RenderContext, href: Href, actor: Actor, x: float, y: float, label: str) -> str:
    """An actor's mark and name (`label`: text elements), linked to their page."""
    content = (
        f"<title>{esc(ctx.text(actor.name))}</title>"
        + shape(_KIND_SHAPE[actor.kind], x, y, f"viz-node viz-node--{actor.kind}")
        + label
    )
    return link(href(f"actors/{actor.id}.md", None), content)


def _legend_items(ctx: RenderContext, kinds: set[str], actors: list[Actor]) -> list[LegendItem]:
    def line(kind: str) -> Callable[[float, float], str]:
        def sample(x: float, y: float) -> str:
            style = _style(Relation(kind, "", ""))
            drawn = el("line", x1=x, y1=y, x2=x + 30, y2=y, **style)
            return drawn + (_arrow(x + 32, y, 1, 0) if kind == "member" else "")

        return sample

    def node(kind: str) -> Callable[[float, float], str]:
        def sample(x: float, y: float) -> str:
            return shape(_KIND_SHAPE[kind], x + R + 1.5, y, f"viz-node viz-node--{kind}")

        return sample

    items = [
        LegendItem(node(kind), 2 * R + 3, ctx.t(f"kind.{kind}"))
        for kind in ACTOR_KINDS
        if any(actor.kind == kind for actor in actors)
    ]
    items += [
        LegendItem(line(kind), 32, ctx.t(f"viz.legend.{kind}")) for kind in KINDS if kind in kinds
    ]
    return items


def _circle(ctx: RenderContext, href: Href, actors: list[Actor], found: list[Relation]) -> Drawing:
    """Actors on a circle, names outside it (wrapped), relations as straight lines."""
    radius, centre = 156.0, WIDE / 2
    angles = {a.id: -math.pi / 2 + 2 * math.pi * i / len(actors) for i, a in enumerate(actors)}

    def room(t: float) -> float:
        """The width a name has beside (or above, below) its mark, up to 220."""
        x = centre + radius * math.cos(t)
        if abs(math.cos(t)) < 0.2:
            return min(220.0, 2 * min(x, WIDE - x) - 16)
        return min(220.0, (WIDE - x if math.cos(t) > 0 else x) - 14 - 8)

    names = {a.id: wrap_evenly(ctx.text(a.name).split(" "), room(angles[a.id])) for a in actors}
    # room above and below the circle for the names there
    above = max((len(names[a]) * LINE for a in angles if math.sin(angles[a]) < -0.9), default=LINE)
    middle = 12 + above + radius
    position = {
        a: (centre + radius * math.cos(t), middle + radius * math.sin(t)) for a, t in angles.items()
    }
    body: list[str] = []
    for pair_relations in _by_pair(found).values():
        for i, relation in enumerate(pair_relations):
            (x1, y1), (x2, y2) = position[relation.a], position[relation.b]
            dx, dy = x2 - x1, y2 - y1
            length = math.hypot(dx, dy) or 1
            shift = (i - (len(pair_relations) - 1) / 2) * GAP
            ox, oy = -dy / length * shift, dx / length * shift
            x1, y1, x2, y2 = x1 + ox, y1 + oy, x2 + ox, y2 + oy
            title = f"<title>{esc(_tooltip(ctx, relation))}</title>"
            if relation.kind == "member":  # stop at the body's mark, where the arrow points
                tip_x, tip_y = x2 - dx / length * (R + 3), y2 - dy / length * (R + 3)
                line = el(
                    "line",
                    title,
                    x1=x1,
                    y1=y1,
                    x2=tip_x - dx / length * 6,
                    y2=tip_y - dy / length * 6,
                    **_style(relation),
                )
                body.append(line + _arrow(tip_x, tip_y, dx, dy))
            else:
                body.append(el("line", title, x1=x1, y1=y1, x2=x2, y2=y2, **_style(relation)))
    lowest = 0.0
    for actor in actors:
        x, y = position[actor.id]
        lines = names[actor.id]
        cos, sin = math.cos(angles[actor.id]), math.sin(angles[actor.id])
        if abs(cos) < 0.2:  # top or bottom: centred, above or below the mark
            anchor, dx = "middle", 0.0
            first = y - R - 6 - (len(lines) - 1) * LINE if sin < 0 else y + R + 16
        else:  # a side: beside the mark, the lines centred on it
            anchor, dx = ("start", 14.0) if cos > 0 else ("end", -14.0)
            first = y + 4.5 - (len(lines) - 1) * LINE / 2
        label = "".join(
            el("text", esc(line), css="viz-label", x=x + dx, y=first + i * LINE, text_anchor=anchor)
            for i, line in enumerate(lines)
        )
        lowest = max(lowest, first + (len(lines) - 1) * LINE, y + R)
        body.append(_node(ctx, href, actor, x, y, label))
    kinds = {relation.kind for relation in found}
    items, last_row = legend(_legend_items(ctx, kinds, actors), 14, lowest + 34, WIDE - 28)
    body.append(items)
    return Drawing(WIDE, last_row + 16, body)


def _arcs(ctx: RenderContext, href: Href, actors: list[Actor], found: list[Relation]) -> Drawing:
    """Actors down the picture, names beside them, relations as arcs on the left."""
    node_x = 112.0
    label_x = node_x + 14
    names = {a.id: wrap_evenly(ctx.text(a.name).split(" "), NARROW - label_x - 8) for a in actors}
    position: dict[str, float] = {}
    y = 16.0
    body: list[str] = []
    for actor in actors:
        lines = names[actor.id]
        y += (len(lines) - 1) * LINE / 2
        position[actor.id] = y
        first = y + 4.5 - (len(lines) - 1) * LINE / 2
        label = "".join(
            el("text", esc(line), css="viz-label", x=label_x, y=first + i * LINE)
            for i, line in enumerate(lines)
        )
        body.append(_node(ctx, href, actor, node_x, y, label))
        y += (len(lines) - 1) * LINE / 2 + 34
    arcs = []
    for pair_relations in _by_pair(found).values():
        for i, relation in enumerate(pair_relations):
            ya, yb = position[relation.a], position[relation.b]
            top, bottom = min(ya, yb), max(ya, yb)
            rx = min(node_x - 14 - 2 * GAP, 14 + (bottom - top) * 0.3) + i * 2 * GAP
            ry = (bottom - top) / 2
            title = f"<title>{esc(_tooltip(ctx, relation))}</title>"
            start_x = node_x - R - 2
            if relation.kind == "member":  # the arrow points at the body (`b`)
                tip = yb
                start, end = (ya, yb)
                path = (
                    f"M {num(start_x)} {num(start)} "
                    f"A {num(rx)} {num(ry)} 0 0 {0 if start < end else 1} "
                    f"{num(start_x - 9)} {num(end)}"
                )
                arcs.append(el("path", title, d=path, **_style(relation)))
                arcs.append(_arrow(start_x, tip, 1, 0))
            else:
                path = (
                    f"M {num(start_x)} {num(top)} A {num(rx)} {num(ry)} 0 0 0 "
                    f"{num(start_x)} {num(bottom)}"
                )
                arcs.append(el("path", title, d=path, **_style(relation)))
    kinds = {relation.kind for relation in found}
    items, last_row = legend(_legend_items(ctx, kinds, actors), 14, y + 10, NARROW - 28)
    return Drawing(NARROW, last_row + 16, arcs + body + [items])
