"""The pictures read as data: one mark per event, links that resolve, labels in the page's
language, a shape per type (never colour alone), and a layout that scales and repeats."""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from explainer.l10n import Localizer
from explainer.model import Actor, Event, EventDate, Story
from explainer.rendering import RenderContext
from explainer.site import Explainer
from explainer.strings import load_strings
from explainer.urls import SiteUrls
from explainer.visuals.network_chart import network_chart
from explainer.visuals.timeline_chart import timeline_chart
from tests.conftest import make_site, minimal_yaml, mkdocs_build

SVG = "{http://www.w3.org/2000/svg}"
SHAPES = {"call": "circle", "statement": "rect", "meeting": "polygon"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("visuals")
    text = minimal_yaml().replace("    status: scheduled\n", "    status: scheduled\n", 1)
    text = text.replace(
        "  statement:\n    type: statement\n",
        "  statement:\n    type: statement\n    status: cancelled\n",
    )
    config = make_site(root, text)
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def picture(site: Path, url: str, kind: str, layout: str = "wide") -> lxml.etree._Element:
    """One layout of a picture: `wide` (shown on desktops) or `narrow` (on phones)."""
    root = lxml.html.parse(str(site / url / "index.html")).getroot()
    [div] = root.cssselect(f".explainer-viz--{kind}")
    assert [svg.get("class") for svg in div] == ["viz-wide", "viz-narrow"]
    svg = lxml.etree.fromstring(lxml.html.tostring(div[0 if layout == "wide" else 1]))
    image, drawing = svg.findall(f"{SVG}g")
    assert image.get("role") == "img"  # one image for assistive technology, named and described
    title, desc = image.find(f"{SVG}title"), image.find(f"{SVG}desc")
    assert image.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert drawing.get("aria-hidden") == "true"  # the marks and their links: for pointers only
    return svg


def marks(svg: lxml.etree._Element) -> dict[str, lxml.etree._Element]:
    return {a.get("href"): a for a in svg.iter(f"{SVG}a")}


def resolves(site: Path, page_url: str, href: str) -> bool:
    target = (site / page_url / href.split("#")[0]).resolve()
    return (target / "index.html").is_file()


@pytest.mark.build
@pytest.mark.parametrize(
    ("prefix", "months"),
    # months written out where the axis has room, as the pages write them ("Feb." was
    # the reviewers' complaint: the house style abbreviates only on a crowded axis)
    [
        ("", ["March\u00a02026", "February\u00a02026"]),
        ("de/", ["März\u00a02026", "Februar\u00a02026"]),
    ],
)
def test_timeline_picture(site: Path, prefix: str, months: list[str]) -> None:
    for url in (prefix + "timeline",):
        svg = picture(site, url, "timeline")
        found = marks(svg)
        assert len(found) == 3  # one mark per event
        for href, mark in found.items():
            assert resolves(site, url, href), href
            assert mark.get("tabindex") == "-1"  # the list below is the keyboard path
        by_id = {href.rstrip("/").rsplit("/", 1)[1]: mark for href, mark in found.items()}
        # the type by shape: call = circle, statement = square, meeting = diamond
        assert by_id["first-call"].find(f"{SVG}circle") is not None
        assert by_id["statement"].find(f"{SVG}rect") is not None
        assert by_id["council-meeting"].find(f"{SVG}polygon") is not None
        # cancelled: struck through; scheduled: hollow
        assert by_id["statement"].find(f"{SVG}line[@class='viz-strike']") is not None
        assert "viz-scheduled" in by_id["council-meeting"].find(f"{SVG}polygon").get("class")
        labels = [t.text for t in svg.iter(f"{SVG}text")]
        for month in months:
            assert month in labels


@pytest.mark.build
def test_timeline_legend_and_title_in_the_pages_language(site: Path) -> None:
    svg = picture(site, "de/timeline", "timeline")
    assert svg.find(f"{SVG}g/{SVG}title").text == "Die Ereignisse auf einer Zeitachse"
    assert "Drei Ereignisse" in svg.find(f"{SVG}g/{SVG}desc").text
    labels = {t.text for t in svg.iter(f"{SVG}text")}
    assert {"Telefonat", "Erklärung", "Treffen", "Angesetzt", "Abgesagt"} <= labels
    assert "Genauer Tag unbekannt" in labels
    # the legend names only what the picture shows: no event of this story is unconfirmed
    assert "Unbestätigt" not in labels


@pytest.mark.build
def test_a_month_only_event_is_a_mark_in_a_bracket_over_its_month_not_a_bar(
    site: Path,
) -> None:
    """A bar from the first to the last day would say the council met all March. The mark
    stands in the middle of the month, in a dashed bracket the legend explains, and its
    tooltip gives the month and the status in words."""
    svg = picture(site, "timeline", "timeline")
    [meeting] = [a for a in svg.iter(f"{SVG}a") if "council-meeting" in a.get("href")]
    assert meeting.find(f"{SVG}rect") is None  # no bar
    [ends] = meeting.findall(f"{SVG}path[@class='viz-month']")
    assert ends.get("d").count("M") == 2  # an upright stroke at each end
    [span] = meeting.findall(f"{SVG}line[@class='viz-month viz-month-span']")
    left, right = float(span.get("x1")), float(span.get("x2"))
    [mark] = meeting.findall(f"{SVG}polygon")
    middle = sum(float(p.split(",")[0]) for p in mark.get("points").split()) / 4
    assert left < middle < right and abs(middle - (left + right) / 2) < 1
    # the bracket spans the month: the axis ticks of March and April stand at its ends
    ticks = sorted(
        float(t.get("x1")) for t in svg.iter(f"{SVG}line") if t.get("class") == "viz-tick"
    )
    march = next(i for i, x in enumerate(ticks) if x > left - 6)
    assert abs(ticks[march] + 4 - left) < 1
    assert meeting.find(f"{SVG}title").text == "Council meets (scheduled for March\u00a02026)"
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Date within the month unknown" in labels


@pytest.mark.build
@pytest.mark.parametrize("layout", ["wide", "narrow"])
def test_a_month_only_mark_stands_below_the_axis_not_in_a_column_of_dated_marks(
    site: Path, layout: str
) -> None:
    """Dated marks stacked in one column share a day: R41 read the month-only post, stacked
    under the press conference of January 16, as dated to it. Month-only marks stand below
    the axis and its month labels; dated marks above it."""
    svg = picture(site, "timeline", "timeline", layout)
    [axis] = [line for line in svg.iter(f"{SVG}line") if line.get("class") == "viz-axis"]
    axis_y = float(axis.get("y1"))
    labels = [t for t in svg.iter(f"{SVG}text") if t.get("class") == "viz-label"]
    month_labels = [float(t.get("y")) for t in labels if "2026" in (t.text or "")]
    for href, link in marks(svg).items():
        if "events/" not in href:
            continue
        [number] = [t for t in link.iter(f"{SVG}text") if t.get("class") == "viz-key"]
        top = float(number.get("y")) - 10  # the number stands above its mark
        if "council-meeting" in href:  # March 2026, no day
            assert top > max(month_labels), layout  # below the axis and its labels
        else:
            assert float(number.get("y")) < axis_y, (href, layout)


@pytest.mark.build
def test_figures_picture(site: Path) -> None:
    svg = picture(site, "de/figures", "figures")
    found = marks(svg)
    assert len(list(svg.iter(f"{SVG}a"))) == 2  # a bar per figure, both from the same event
    texts = " ".join("".join(t.itertext()) for t in svg.iter(f"{SVG}text"))
    assert "12,5\u00a0% Haushaltswachstum" in texts and "laut Ada Example" in texts
    assert "Prozent" in texts and "Tonnen" in texts  # grouped by unit
    # the tooltip runs as text, the label first: no capital after the value (R20)
    tips = {a.findtext(f"{SVG}title") for a in svg.iter(f"{SVG}a")}
    assert "Haushaltswachstum: 12,5\u00a0%, laut Ada Example" in tips, tips
    for href in found:
        assert resolves(site, "de/figures", href)


@pytest.mark.build
def test_network_picture(site: Path) -> None:
    svg = picture(site, "actors", "network")
    found = marks(svg)
    assert {href.rstrip("/").rsplit("/", 1)[-1] for href in found} == {"ada", "bob", "council"}
    for href in found:
        assert resolves(site, "actors", href)
    # a line per relation: ada and bob took part in the call; ada is part of the council;
    # the council's meeting names the call as related, so the council and each of ada and
    # bob took part in related events
    for layout in ("wide", "narrow"):
        drawn = picture(site, "actors", "network", layout)
        edges = {
            e.findtext(f"{SVG}title"): e.get("class")
            for e in drawn.iter(f"{SVG}line", f"{SVG}path")
            if "viz-rel" in (e.get("class") or "") and e.find(f"{SVG}title") is not None
        }
        assert edges == {
            "Ada Example and Bob Sample: one event together": "viz-rel viz-rel--event",
            # the member by her role (R9: "belongs to it" read wrong of a department's head)
            "City council: Ada Example, Mayor of Exampleton": "viz-rel viz-rel--member",
            "Ada Example and City council: related events": "viz-rel viz-rel--related",
            "Bob Sample and City council: related events": "viz-rel viz-rel--related",
        }
        # the part-of line ends in an arrow; each kind is named in the legend
        assert drawn.find(f".//{SVG}polygon[@class='viz-arrow']") is not None
        texts = {t.text for t in drawn.iter(f"{SVG}text")}
        # "Belongs to", as the actor page labels what an actor belongs to (R26/R27)
        assert {"Same event", "Belongs to", "Related events"} <= texts
        assert "Affiliation" not in texts
    desc = svg.findtext(f"{SVG}g/{SVG}desc")
    assert desc.startswith("Three people and organizations; lines show how they are connected.")
    # "share an event", not "took part": true of an event that is only scheduled as well
    # few relations are named, pair by pair, for a screen reader
    assert "A solid line joins a pair who share an event: Ada Example and Bob Sample" in desc
    assert (
        # from a person to their institution (R21 read "from a member to the organization")
        "A dashed line with an arrow points from a person to their institution: "
        "Ada Example → City council." in desc
    )
    assert (
        "Dotted lines join those who appear in related events: Ada Example and City council; "
        "Bob Sample and City council." in desc
    )
    # kinds by shape: people circles, institutions squares
    council = next(a for h, a in found.items() if "council" in h)
    assert council.find(f"{SVG}rect") is not None


def _sharing_and_related_ctx(lang: str) -> RenderContext:
    """Ada and Bob share a call; Bob's statement and Cy's meeting are related to it, so
    Ada and Bob also appear in related events, and each of them with Cy."""
    actors = {
        key: Actor(key, {"en": name, "de": name}, "person")
        for key, name in (("a", "Ada"), ("b", "Bob"), ("c", "Cy"))
    }

    def held(key: str, kind: str, day: int, who: tuple[str, ...], **fields) -> Event:  # type: ignore[no-untyped-def]
        return Event(
            id=key,
            type=kind,
            date=EventDate(2026, 1, day),
            participants=who,
            title={"en": key, "de": key},
            summary={"en": "s", "de": "s"},
            **fields,
        )

    events = {
        "call": held("call", "call", 1, ("a", "b")),
        "reply": held("reply", "statement", 2, ("b",), related=("call",)),
        "meeting": held("meeting", "meeting", 3, ("c",), related=("call",)),
    }
    story = Story(("en", "de"), actors, {}, events)
    strings = load_strings(("en", "de"))
    return RenderContext(
        story, lang, strings[lang], Localizer(lang, strings[lang]), SiteUrls(("en", "de"))
    )


@pytest.mark.parametrize(
    ("lang", "shared", "related"),
    [
        (
            "en",
            "Ada and Bob: one event together",
            "Dotted lines join those who appear in related events: Ada and Cy; Bob and Cy.",
        ),
        (
            "de",
            "Ada und Bob: ein gemeinsames Ereignis",
            "Gepunktete Linien verbinden Akteure, die an zusammenhängenden Ereignissen beteiligt "
            "sind: Ada\u00a0– Cy; Bob\u00a0– Cy.",
        ),
    ],
)
def test_a_pair_sharing_an_event_has_only_that_line_not_a_related_events_one_too(
    lang: str, shared: str, related: str
) -> None:
    """R10 read de la Fuente and Rubio, Sheinbaum and Trump named under related events
    after being named as sharing one; R26/R27 still found both a "one event together" and
    a "related events" line and tooltip on each pair. A pair that shares an event gets that
    line alone, and the text names each pair once, with no "besides the pairs above"."""
    ctx = _sharing_and_related_ctx(lang)
    svg = lxml.etree.fromstring(
        network_chart(ctx, lambda path, anchor: path + (f"#{anchor}" if anchor else ""), "n")
    )
    titles = [
        e.findtext(f"{SVG}title")
        for e in svg.iter(f"{SVG}line", f"{SVG}path")
        if "viz-rel" in (e.get("class") or "") and e.find(f"{SVG}title") is not None
    ]
    with_bob = [t for t in titles if "Ada" in t and "Bob" in t]
    assert set(with_bob) == {shared}  # both layouts, the shared event only
    assert any("Cy" in t for t in titles)  # the related pairs keep their dotted lines
    desc = svg.findtext(f".//{SVG}desc")
    assert related in desc
    assert "besides" not in desc.lower() and "außer" not in desc


def test_timeline_scales_to_3000_events_with_clusters() -> None:
    rng = random.Random(7)
    actors = {"a": Actor("a", {"en": "A", "de": "A"}, "person")}
    events = {}
    for i in range(3000):
        day = datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 3))
        events[f"e{i}"] = Event(
            id=f"e{i}",
            type=rng.choice(["call", "statement", "meeting"]),
            date=EventDate(day.year, day.month, day.day),
            participants=("a",),
            title={"en": f"Event {i}", "de": f"Ereignis {i}"},
            summary={"en": "s", "de": "s"},
        )
    story = Story(("en", "de"), actors, {}, events)
    strings = load_strings(("en", "de"))
    ctx = RenderContext(
        story, "en", strings["en"], Localizer("en", strings["en"]), SiteUrls(("en", "de"))
    )
    svg_text = timeline_chart(
        ctx, lambda path, anchor: path + (f"#{anchor}" if anchor else ""), "t"
    )
    frame = lxml.etree.fromstring(svg_text)
    svg, narrow = frame
    links = [a.get("href") for a in svg.iter(f"{SVG}a")]
    single = [h for h in links if h.startswith("events/")]
    clusters = [a for a in svg.iter(f"{SVG}a") if a.get("href").startswith("timeline.md#")]
    hidden = sum(int(a.findtext(f"{SVG}title").split()[0].lstrip("+")) for a in clusters)
    assert clusters and len(single) + hidden == 3000
    assert float(svg.get("width")) == pytest.approx(16 * 2 + 36 * 90)  # 36 months, scrollable
    # shown at its size at most, shrunk to 93 % at least (its 13 px text stays above 12 px);
    # beyond that its frame scrolls and takes keyboard focus, so it can be scrolled without
    # a mouse
    assert svg.get("style") == "max-width:3272px;min-width:3043px"
    # the narrow layout gives a month 100 units, and may grow to 115 % or shrink to 90 %
    assert float(narrow.get("width")) == pytest.approx(16 * 2 + 36 * 100)
    assert narrow.get("style") == "max-width:4176.8px;min-width:3268.8px"
    for layout in (svg, narrow):  # each layout shows or counts every event
        marks = [a for a in layout.iter(f"{SVG}a") if a.get("href").startswith("events/")]
        more = [a for a in layout.iter(f"{SVG}a") if a.get("href").startswith("timeline.md#")]
        hidden = sum(int(a.findtext(f"{SVG}title").split()[0].lstrip("+")) for a in more)
        assert len(marks) + hidden == 3000
    assert frame.get("tabindex") == "0" and "explainer-viz" in frame.get("class")
    # the same data gives the same picture
    assert svg_text == timeline_chart(
        ctx, lambda path, anchor: path + (f"#{anchor}" if anchor else ""), "t"
    )


def test_seed_site_shows_all_three_pictures(published_site: Path, seed_story: Explainer) -> None:
    for prefix in ("", "de/"):
        assert len(marks(picture(published_site, prefix + "timeline", "timeline"))) == len(
            seed_story.story.events
        )
        assert len(marks(picture(published_site, prefix.rstrip("/"), "timeline"))) == len(
            seed_story.story.events
        )
        assert marks(picture(published_site, prefix + "figures", "figures"))
        assert len(marks(picture(published_site, prefix + "actors", "network"))) == len(
            seed_story.story.actors
        )
    # the description names the text alternative where it is: beside the timeline's
    # picture, the list; the home page has no list, so it names the timeline page
    described = {
        url: picture(published_site, url, "timeline").findtext(f".//{SVG}desc")
        for url in ("timeline", "", "de/timeline", "de")
    }
    assert described["timeline"].endswith("The list on this page gives the same information.")
    assert described[""].endswith("The timeline page lists the same events.")
    assert described["de/timeline"].endswith(
        "Die Liste auf dieser Seite enthält dieselben Angaben."
    )
    assert described["de"].endswith("Die Chronik führt dieselben Ereignisse auf.")


def test_a_crowded_network_draws_its_closest_relations_and_says_so() -> None:
    """30 actors at one meeting are 435 pairs: the picture draws 300 relations, part of
    first, and its text alternative says so."""
    ids = [f"a{i:02d}" for i in range(30)]
    actors = {
        a: Actor(
            a, {"en": a.upper(), "de": a.upper()}, "person", member_of="a00" if a == "a29" else None
        )
        for a in ids
    }
    meeting = Event(
        id="m",
        type="meeting",
        date=EventDate(2026, 1, 5),
        participants=tuple(ids),
        title={"en": "Meeting", "de": "Treffen"},
        summary={"en": "s", "de": "s"},
    )
    story = Story(("en", "de"), actors, {}, {"m": meeting})
    strings = load_strings(("en", "de"))
    ctx = RenderContext(
        story, "en", strings["en"], Localizer("en", strings["en"]), SiteUrls(("en", "de"))
    )
    frame = lxml.etree.fromstring(network_chart(ctx, lambda path, anchor: path, "n"))
    for svg in frame:
        drawn = [
            e for e in svg.iter(f"{SVG}line", f"{SVG}path") if e.find(f"{SVG}title") is not None
        ]
        assert len(drawn) == 300
        assert "A00: A29" in {e.findtext(f"{SVG}title") for e in drawn}  # A29 belongs to A00
    desc = frame[0].findtext(f"{SVG}g/{SVG}desc")
    assert "435 pairs share one event each" in desc
    assert desc.endswith(
        "Only the 300 closest connections are drawn: memberships first, then the pairs with"
        " the most events in common."
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            # R62: not "thicker for more shared events, join those who share events"
            "Solid lines link those who took part in the same event; the more events they"
            " share, the thicker the line: A and B (two events); C and D (one event).",
        ),
        (
            "de",
            # R10: no comma splice ("…, je mehr Ereignisse, desto dicker:")
            "Durchgezogene Linien verbinden Akteure mit gemeinsamen Ereignissen (je mehr"
            " gemeinsame Ereignisse, desto dicker): A und B (zwei Ereignisse); C und D (ein"
            " Ereignis).",
        ),
    ],
)
def test_the_network_says_how_many_events_each_pair_shares(lang: str, said: str) -> None:
    """The seed's reviewer read "Two pairs share an event" where one pair shares two, and
    the next one "One pair shares two events and one pair shares one event" as machine-made:
    a few pairs are named, each with the events it shares."""
    actors = {a: Actor(a, {"en": a.upper(), "de": a.upper()}, "person") for a in "abcd"}

    def call(ident: str, day: int, who: tuple[str, ...]) -> Event:
        return Event(
            id=ident,
            type="call",
            date=EventDate(2026, 1, day),
            participants=who,
            title={"en": ident, "de": ident},
            summary={"en": "s", "de": "s"},
        )

    events = {e.id: e for e in (call("x", 1, ("a", "b")), call("y", 2, ("a", "b")))}
    events["z"] = call("z", 3, ("c", "d"))
    story = Story(("en", "de"), actors, {}, events)
    strings = load_strings(("en", "de"))
    ctx = RenderContext(
        story, lang, strings[lang], Localizer(lang, strings[lang]), SiteUrls(("en", "de"))
    )
    frame = lxml.etree.fromstring(network_chart(ctx, lambda path, anchor: path, "n"))
    assert said in frame[0].findtext(f"{SVG}g/{SVG}desc")


@pytest.mark.parametrize("status", ["unconfirmed", "scheduled", "cancelled"])
def test_a_meeting_not_known_to_have_taken_place_is_no_event_the_pair_shared(
    status: str,
) -> None:
    """R24/R25 read "(two events)" for two ministers who shared a call and a meeting whose
    taking place the reports do not confirm: a solid line counts only events known to
    have taken place, and the text says so; a pair who only were to meet gets none."""
    actors = {a: Actor(a, {"en": a.upper(), "de": a.upper()}, "person") for a in "abc"}

    def talks(ident: str, kind: str, who: tuple[str, ...], status: str = "held") -> Event:
        return Event(
            id=ident,
            type=kind,
            date=EventDate(2026, 1, 1),
            participants=who,
            title={"en": ident, "de": ident},
            summary={"en": "s", "de": "s"},
            status=status,
        )

    events = {
        "call": talks("call", "call", ("a", "b")),
        "meeting": talks("meeting", "meeting", ("a", "b", "c"), status),
    }
    strings = load_strings(("en", "de"))

    def text(events: dict[str, Event], lang: str) -> str:
        story = Story(("en", "de"), actors, {}, events)
        ctx = RenderContext(
            story, lang, strings[lang], Localizer(lang, strings[lang]), SiteUrls(("en", "de"))
        )
        frame = lxml.etree.fromstring(network_chart(ctx, lambda path, anchor: path, "n"))
        return frame[0].findtext(f"{SVG}g/{SVG}desc")

    english = text(events, "en")
    assert "A solid line joins a pair who share an event: A and B (one event)." in english
    assert "Only events known to have taken place are counted." in english
    assert "A and C (" not in english and "two events" not in english
    assert "Gezählt werden nur Ereignisse, von denen bekannt ist, dass sie stattgefunden " in (
        text(events, "de")
    )
    # held, the meeting is one they shared, and nothing needs saying
    held = text({**events, "meeting": talks("meeting", "meeting", ("a", "b", "c"))}, "en")
    assert "A and B (two events)" in held and "known to have taken place" not in held


@pytest.mark.parametrize(
    ("lang", "statements"),
    [
        ("en", ["Public statement", "Press conference", "Social media post"]),
        ("de", ["Erklärung", "Pressekonferenz", "Beitrag in sozialen Medien"]),
    ],
)
def test_the_timeline_legend_has_an_entry_for_each_label_its_items_carry(
    lang: str, statements: list[str]
) -> None:
    """R43 could not match the legend's "Public statement" with the items labeled "Press
    conference" and "Social media post"; R44/R45 read one entry listing them in
    parentheses as telegraphic. The legend has one entry per label the items carry (the
    type's word, or each `type_name`), each once, in the order of the events, all in the
    statement's shape; every line stays within the picture, on a phone too."""
    from explainer.visuals.svg import text_width

    actors = {"a": Actor("a", {"en": "A", "de": "A"}, "person")}
    names = {
        "plain": None,
        "press": {"en": "Press conference", "de": "Pressekonferenz"},
        "post": {"en": "Social media post", "de": "Beitrag in sozialen Medien"},
        "again": {"en": "Press conference", "de": "Pressekonferenz"},
    }
    events = {
        f"s-{key}": Event(
            id=f"s-{key}",
            type="statement",
            type_name=name,
            date=EventDate(2026, 1, day),
            participants=("a",),
            title={"en": key, "de": key},
            summary={"en": "s", "de": "s"},
        )
        for day, (key, name) in enumerate(names.items(), start=2)
    }
    events["call"] = Event(
        id="call",
        type="call",
        date=EventDate(2026, 1, 1),
        participants=("a",),
        title={"en": "c", "de": "c"},
        summary={"en": "s", "de": "s"},
    )
    story = Story(("en", "de"), actors, {}, events)
    strings = load_strings(("en", "de"))
    ctx = RenderContext(
        story, lang, strings[lang], Localizer(lang, strings[lang]), SiteUrls(("en", "de"))
    )
    call = {"en": "Phone call", "de": "Telefonat"}[lang]
    frame = lxml.etree.fromstring(timeline_chart(ctx, lambda path, anchor: path, "t"))
    for layout in frame:
        labels = [t for t in layout.iter(f"{SVG}text") if t.get("class") == "viz-label"]
        shown = [t.text for t in labels]
        legend = shown[shown.index(call) : shown.index(call) + 4]
        assert legend == [call, *statements], shown
        marks = [
            m.get("class")
            for m in layout.iter()
            if "viz-mark" in (m.get("class") or "") and "viz-statement" in m.get("class")
        ]
        # the statement's mark in the legend beside each of its three labels
        legend_marks = [c for c in marks if "viz-held" in c]
        assert len(legend_marks) >= 3 + len(names), legend_marks
        for label in labels:  # every line of the legend within the picture
            right = float(label.get("x")) + text_width(label.text)
            assert right <= float(layout.get("width")), (label.text, layout.get("width"))
