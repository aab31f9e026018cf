"""The pictures as a reader sees them, on a phone (390 px) and a desktop (1280 px), in
headless Chromium: one layout shown at a time, no text
smaller than 12 CSS px and none outside its picture, every timeline mark numbered as its
event in the list, and the actors' relations drawn in three kinds, each its own way."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import browser, serve_under
from tests.test_quality import open_in_scheme

pytestmark = pytest.mark.browser

PICTURES = {  # page: the pictures it shows
    "": ["timeline"],
    "timeline/": ["timeline"],
    "figures/": ["figures"],
    "actors/": ["network"],
}
PAGES = [prefix + url for prefix in ("", "de/") for url in PICTURES]
WIDTHS = {390: "narrow", 1280: "wide"}

#: every picture's layout that shows, and each of its texts: rendered size, box, content
_SHOWN = """() => [...document.querySelectorAll('.explainer-viz')].map(frame => {
  const shown = [...frame.querySelectorAll('svg')].filter(s => s.getClientRects().length);
  return { kind: [...frame.classList].find(c => c.startsWith('explainer-viz--')).slice(15),
    layouts: shown.map(s => s.getAttribute('class')),
    scrolls: frame.scrollWidth > frame.clientWidth,
    texts: shown.flatMap(svg => { const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')].map(t => { const r = t.getBoundingClientRect();
        const m = t.getScreenCTM();
        return { text: t.textContent,
          size: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
          outside: r.left < box.left - 1 || r.right > box.right + 1
            || r.top < box.top - 1 || r.bottom > box.bottom + 1 }; }); }) }; })"""


@pytest.fixture(scope="module")
def viewer(published_site: Path):  # type: ignore[no-untyped-def]
    with serve_under(published_site, "explainer") as base, browser() as context:
        page = context.new_page()  # type: ignore[attr-defined]
        page.base = base
        yield page


def look(page, url: str, width: int, scheme: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": width, "height": 900})
    open_in_scheme(page, url, scheme)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", PAGES)
def test_picture_text_is_at_least_12_px_and_inside_its_picture(
    viewer,  # type: ignore[no-untyped-def]
    url: str,
    width: int,
) -> None:
    """In the light scheme: the dark one changes colours only (no rule of the dark scheme
    sets a size, a font or a position: tests/test_stylesheet.py), and its contrast is
    test_quality's."""
    look(viewer, url, width, "light")
    frames = viewer.evaluate(_SHOWN)
    assert sorted(f["kind"] for f in frames) == PICTURES[url.removeprefix("de/")]
    for frame in frames:
        # one layout at a time: the narrow one on a phone, the wide one on a desktop
        assert frame["layouts"] == [f"viz-{WIDTHS[width]}"], frame["kind"]
        assert not frame["scrolls"], frame["kind"]  # the seed story fits either way
        assert len(frame["texts"]) > 5
        small = [(t["text"], round(t["size"], 2)) for t in frame["texts"] if t["size"] < 12]
        assert small == [], frame["kind"]
        assert [t["text"] for t in frame["texts"] if t["outside"]] == [], frame["kind"]


_MARKS = """() => { const svg = [...document.querySelectorAll('.explainer-viz--timeline svg')]
  .find(s => s.getClientRects().length);
  return [...svg.querySelectorAll('a')].filter(a => a.getAttribute('href').includes('events/'))
    .map(a => { const key = a.querySelector('text.viz-key'); const r = key.getBoundingClientRect();
      return { event: a.getAttribute('href').split('/').filter(Boolean).pop(),
        key: key.textContent, seen: r.width > 0 && r.height > 0 }; }); }"""
_LIST = """() => Object.fromEntries([...document.querySelectorAll('.explainer-event')].map(e =>
  [e.querySelector('h3').id,
   getComputedStyle(e.querySelector('[data-key]'), '::before').content]))"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("prefix", ["", "de/"])
def test_each_timeline_mark_shows_the_number_of_its_event_in_the_list(
    viewer,  # type: ignore[no-untyped-def]
    seed_story,  # type: ignore[no-untyped-def]
    prefix: str,
    width: int,
) -> None:
    """No hover needed: the number above each mark is the one beside its event in the
    timeline's list (1 for the oldest), on the timeline page and on the home page."""
    order = [event.id for event in seed_story.story.chronological]
    expected = {event_id: str(n) for n, event_id in enumerate(order, start=1)}
    look(viewer, prefix + "timeline/", width, "light")
    marks = viewer.evaluate(_MARKS)
    assert {m["event"]: m["key"] for m in marks} == expected
    assert all(m["seen"] for m in marks)
    listed = viewer.evaluate(_LIST)
    # the list shows the same number before each event's date, for the eye only (its
    # alternative text is empty: the picture is hidden from assistive technology too)
    assert listed == {event_id: f'"{key}" / ""' for event_id, key in expected.items()}
    look(viewer, prefix, width, "light")
    assert {m["event"]: m["key"] for m in viewer.evaluate(_MARKS)} == expected


_RELATIONS = """() => { const svg = [...document.querySelectorAll('.explainer-viz--network svg')]
  .find(s => s.getClientRects().length);
  const drawn = [...svg.querySelectorAll('.viz-rel')].filter(e => e.querySelector('title'));
  return { texts: [...svg.querySelectorAll('text')].map(t => t.textContent),
    arrows: svg.querySelectorAll('.viz-arrow').length,
    desc: svg.querySelector('desc').textContent,
    relations: drawn.map(e => { const s = getComputedStyle(e);
      return { kind: e.getAttribute('class').split('--')[1],
        title: e.querySelector('title').textContent,
        dash: s.strokeDasharray, colour: s.stroke }; }) }; }"""

LEGEND = {
    "": ["Same event", "Belongs to", "Related events"],
    "de/": ["Gemeinsames Ereignis", "Gehört zu", "Zusammenhängende Ereignisse"],
}
#: how the text alternative counts shared events and joins a pair, per language
_EVENTS = {
    "": ("one event", "two events", "three events"),
    "de/": ("ein Ereignis", "zwei Ereignisse", "drei Ereignisse"),
}
_AND = {"": " and ", "de/": " und "}
_SHARED_INTRO = {"": "the more events they share, the thicker the line: ", "de/": "desto dicker): "}
DESCRIBED = {
    "": [
        # R10: from the member to the body, never "it" of a person
        "from a person to their institution: Marco Rubio → U.S. State Department.",
        # R10, R26/R27: a pair sharing an event is not joined again as in related events
        "Dotted lines join those who appear in related events: ",
    ],
    "de/": [
        "der Organisation, der er angehört: Marco Rubio → US-Außenministerium.",
        "Gepunktete Linien verbinden Akteure, die an zusammenhängenden Ereignissen "
        "beteiligt sind: ",
    ],
}


def shared_events_sentence(story, prefix: str) -> str:  # type: ignore[no-untyped-def]
    """The pairs of actors who take part in the same events, as the data gives them (so
    an editor's new event changes them), by the pair's ids: "A and B (two events); …";
    only events known to have taken place (R24/R25: not the unconfirmed meeting)."""
    lang = "de" if prefix else "en"
    shared: dict[tuple[str, str], int] = {}
    for event in story.events.values():
        if event.status != "held":
            continue
        people = sorted(set(event.participants))
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                shared[(a, b)] = shared.get((a, b), 0) + 1
    named = [
        story.actors[a].name[lang]
        + _AND[prefix]
        + story.actors[b].name[lang]
        + f" ({_EVENTS[prefix][n - 1]})"
        for (a, b), n in sorted(shared.items())
    ]
    return _SHARED_INTRO[prefix] + "; ".join(named) + "."


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("prefix", ["", "de/"])
def test_the_actors_picture_draws_every_relation_each_kind_its_own_way(
    viewer,  # type: ignore[no-untyped-def]
    seed_story,  # type: ignore[no-untyped-def]
    prefix: str,
    width: int,
    scheme: str,
) -> None:
    """Taking part in the same event, `member_of` and related events: 7 relations on the
    seed site (Sheinbaum's press conference answers the State Department's message; the
    pairs that share a call have that line only, R26/R27), each kind with its own dash
    pattern and colour, the part-of line with an arrow, each named in the legend and in the
    text alternative."""
    look(viewer, prefix + "actors/", width, scheme)
    found = viewer.evaluate(_RELATIONS)
    kinds = [r["kind"] for r in found["relations"]]
    assert len(kinds) == 7 and sorted(set(kinds)) == ["event", "member", "related"]
    assert (kinds.count("event"), kinds.count("member"), kinds.count("related")) == (2, 1, 4)
    style = {r["kind"]: (r["dash"], r["colour"]) for r in found["relations"]}
    assert len({dash for dash, _ in style.values()}) == 3  # a line style per kind
    assert len({colour for _, colour in style.values()}) == 3
    assert found["arrows"] == 2  # the part-of line points at the body (and in the legend)
    assert set(LEGEND[prefix]) <= set(found["texts"])
    for sentence in [shared_events_sentence(seed_story.story, prefix), *DESCRIBED[prefix]]:
        assert sentence in found["desc"]
    titles = {r["title"] for r in found["relations"]}
    # a pair that shares an event has that line alone (R26/R27 found both tooltips)
    event_titles = [r["title"] for r in found["relations"] if r["kind"] == "event"]
    related_titles = [r["title"] for r in found["relations"] if r["kind"] == "related"]
    for title in event_titles:
        pair = title.split(":")[0]
        assert not any(t.startswith(pair + ":") for t in related_titles), pair
    if prefix == "":
        assert "Claudia Sheinbaum and U.S. State Department: related events" in titles
        assert "U.S. State Department: Marco Rubio, U.S. secretary of state" in titles
    else:  # the member by role (R9: „gehört dazu“ read wrong of the department's head)
        assert "US-Außenministerium: Marco Rubio, US-Außenminister" in titles
