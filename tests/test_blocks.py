"""Blocks in hand-written pages (`<!-- explainer:NAME -->`): what each one shows, in which
order, where an unknown one stands (line and column), and that nothing else of the page
changes."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import yaml

from explainer.history import EventHistory, FieldChange
from explainer.model import EventDate, build_story
from explainer.problems import DataError
from explainer.rendering import held_kind
from explainer.site import Explainer, SiteConfig
from explainer.strings import load_strings
from explainer.views.blocks import BlockError, check_pages, unknown_blocks
from tests.site_markdown import render
from tests.stories import event, load, minimal_data, statement

STRINGS = load_strings(("en", "de"))
KNOWN = "as-of, timeline-chart, figures-chart, key-figures, upcoming, latest, changes, repository"


def shown(page_markdown: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(render(page_markdown), create_parent="div")


def as_of_block(explainer: Explainer, lang: str) -> str:
    """The home page's `as-of` block in `lang`, as the page's Markdown."""
    return explainer.expand_blocks(lang, "<!-- explainer:as-of -->\n", "index.md", "d/index.md")


def items(page_markdown: str) -> list[tuple[str, str]]:
    """Each list item's linked title and where it links."""
    return [(a.text_content(), a.get("href")) for a in shown(page_markdown).cssselect("li > a")]


def unbreakable(text: str) -> str:
    """A date or a number with its unit as the pages write it: no line break inside."""
    return text.replace(" ", "\u00a0")


def item_texts(page_markdown: str) -> list[str]:
    """What each list item says, white space folded."""
    return [" ".join(li.text_content().split()) for li in shown(page_markdown).iter("li")]


def many_events() -> dict[str, Any]:
    """Five held events (in a file order that is not their order in time), one scheduled,
    one cancelled, the scheduled and cancelled ones newer than every held one."""
    data = minimal_data()
    data["events"] = {
        "third": event("Third", "2026-01-20"),
        "first": event("First", "2026-01-05"),
        "fifth": event("Fifth", "2026-02"),
        "later": event("Later", "2026-03-10", status="scheduled"),
        "second": event("Second", "2026-01-12"),
        "off": event("Off", "2026-03-01", status="cancelled"),
        "fourth": event("Fourth", "2026-02-03", time="09:00", timezone="Europe/Berlin"),
        "soon": event("Soon", "2026-03-04", status="scheduled"),
    }
    return data


def test_latest_is_the_three_most_recent_held_events_newest_first(tmp_path: Path) -> None:
    explainer = load(tmp_path, many_events())
    md = explainer.expand_blocks("en", "<!-- explainer:latest -->\n", "index.md", "d/index.md")
    assert items(md) == [
        ("Fifth", "events/fifth/"),
        ("Fourth", "events/fourth/"),
        ("Third", "events/third/"),
    ]
    assert item_texts(md) == [
        "Fifth — February 2026 · Phone call About Fifth.",
        "Fourth — Feb. 3, 2026 · Phone call About Fourth.",
        "Third — Jan. 20, 2026 · Phone call About Third.",
    ]


def test_upcoming_is_every_scheduled_event_oldest_first(tmp_path: Path) -> None:
    explainer = load(tmp_path, many_events())
    md = explainer.expand_blocks("de", "<!-- explainer:upcoming -->\n", "about.md", "d/about.md")
    assert items(md) == [("Soon (de)", "../events/soon/"), ("Later (de)", "../events/later/")]
    badge = STRINGS["de"]("status.scheduled")
    # all of one type: the type is left out, said once by the heading a site gives the
    # block (R18 read "· Meeting" after every date under "Meetings set on")
    assert item_texts(md) == [
        f"Soon (de) – 4. März 2026 · {badge} Über Soon.",
        f"Later (de) – 10. März 2026 · {badge} Über Later.",
    ]


def test_blocks_with_nothing_to_show_say_so(tmp_path: Path) -> None:
    data = minimal_data()
    data["events"] = {"only": event("Only", "2026-01-05")}
    explainer = load(tmp_path, data)
    page = "# Home\n\n<!-- explainer:key-figures -->\n\n<!-- explainer:upcoming -->\n"
    md = explainer.expand_blocks("de", page, "index.md", "docs/de/index.md")
    paragraphs = [p.text_content() for p in shown(md).iter("p")]
    assert paragraphs == [STRINGS["de"]("figures.none"), STRINGS["de"]("upcoming.none")]


def test_key_figures_in_time_order_with_who_claimed_them(tmp_path: Path) -> None:
    data = minimal_data()
    data["events"]["statement"]["figures"] = [
        {
            "by": "bob",
            "label": {"en": "Seized", "de": "Beschlagnahmt"},
            "value": 51,
            "unit": "tonnes",
        }
    ]
    explainer = load(tmp_path, data)
    md = explainer.expand_blocks("en", "<!-- explainer:key-figures -->", "about.md", "d/about.md")
    rows = [[c.text_content() for c in tr.iter("td")] for tr in shown(md).iter("tr")][1:]
    february_28, march_2 = unbreakable("Feb. 28, 2026"), unbreakable("March 2, 2026")
    assert rows == [
        [unbreakable("51 metric tons"), "Seized", "Bob Sample", f"Bob speaks ({february_28})"],
        ["12.5%", "Budget growth", "Ada Example", f"Ada calls Bob ({march_2})"],
        [
            f"about {unbreakable('1,500 metric tons')}",
            "Grain",
            "Bob Sample",
            f"Ada calls Bob ({march_2})",
        ],
    ]


def test_the_figures_table_names_an_event_by_its_short_name(tmp_path: Path) -> None:
    """R17 read a 14-word headline four times over in the event column: an event with a
    short name is named by it, its first letter upper-case as a cell begins, the headline
    kept in the link's title; one without keeps its headline."""
    data = minimal_data()
    data["events"]["first-call"]["name"] = {"en": "the call to Bob", "de": "der Anruf bei Bob"}
    # a figure of another event, so that the table has an event column
    data["events"]["statement"]["figures"] = [
        {"by": "bob", "label": {"en": "Rain", "de": "Regen"}, "value": 3, "unit": "percent"}
    ]
    explainer = load(tmp_path, data)
    march_2 = {"en": unbreakable("March 2, 2026"), "de": unbreakable("2. März 2026")}
    named = {"en": "The call to Bob", "de": "Der Anruf bei Bob"}
    for lang in ("en", "de"):
        md = explainer.expand_blocks(lang, "<!-- explainer:key-figures -->", "a.md", "d/a.md")
        cells = [list(tr.iter("td"))[-1] for tr in list(shown(md).iter("tr"))[1:]]
        assert [c.text_content() for c in cells[1:]] == [f"{named[lang]} ({march_2[lang]})"] * 2
        link = cells[1].find("a")
        assert link.get("title") == {"en": "Ada calls Bob", "de": "Ada ruft Bob an"}[lang]
        assert link.get("href").endswith("events/first-call/")


def test_a_figures_column_the_same_in_every_row_is_said_once_before_the_table(
    tmp_path: Path,
) -> None:
    """R41 read "Sheinbaum’s press conference (16 January 2026)" in every row: a column
    that would say the same in each of several rows is said once, in a sentence before
    the table, and the table drops it; a column that differs stays."""

    def table(explainer: object, lang: str) -> tuple[str, list[str]]:
        md = explainer.expand_blocks(lang, "<!-- explainer:key-figures -->", "a.md", "d/a.md")
        said = " ".join(" ".join(p.text_content().split()) for p in shown(md).iter("p"))
        return said, [" ".join(th.text_content().split()) for th in shown(md).iter("th")]

    data = minimal_data()  # Ada and Bob each cite a figure in the same call
    explainer = load(tmp_path, data)
    march_2 = {"en": "March 2, 2026", "de": "2. März 2026"}
    said, heads = table(explainer, "en")
    assert said == f"All of these figures were cited at “Ada calls Bob” ({march_2['en']})."
    assert heads == ["Figure", "What it refers to", "Cited by"]
    said, heads = table(explainer, "de")
    assert said == (
        f"Alle diese Zahlen stammen aus demselben Ereignis: „Ada ruft Bob an“ ({march_2['de']})."
    )
    assert heads == ["Zahl", "Was die Zahl angibt", "Genannt von"]
    data["events"]["first-call"]["figures"][1]["by"] = "ada"  # now one speaker too
    (tmp_path / "one").mkdir()
    explainer = load(tmp_path / "one", data)
    said, heads = table(explainer, "en")
    assert said == (
        f"All of these figures were cited by Ada Example at “Ada calls Bob” ({march_2['en']})."
    )
    assert heads == ["Figure", "What it refers to"]
    said, heads = table(explainer, "de")
    assert said.startswith("Alle diese Zahlen nannte Ada Example; Anlass war „Ada ruft Bob an“")
    # the speaker's own event (she its one participant): named by its kind and date, since
    # its name would name her twice ("cited by Claudia Sheinbaum at Sheinbaum’s …")
    data["events"]["first-call"]["participants"] = ["ada"]
    (tmp_path / "own").mkdir()
    explainer = load(tmp_path / "own", data)
    said, heads = table(explainer, "en")
    assert said == f"All of these figures were cited by Ada Example (phone call, {march_2['en']})."
    assert heads == ["Figure", "What it refers to"]
    said, _ = table(explainer, "de")
    assert said == f"Alle diese Zahlen nannte Ada Example (Telefonat, {march_2['de']})."
    # a single figure keeps its columns: there is nothing to repeat
    data["events"]["first-call"]["figures"] = data["events"]["first-call"]["figures"][:1]
    (tmp_path / "single").mkdir()
    said, heads = table(load(tmp_path / "single", data), "en")
    assert said == "" and heads == ["Figure", "What it refers to", "Cited by", "Event"]


@pytest.mark.parametrize(
    ("name", "css"), [("timeline-chart", "timeline"), ("figures-chart", "figures")]
)
def test_pictures_link_the_event_pages_from_where_they_stand(
    tmp_path: Path, name: str, css: str
) -> None:
    explainer = load(tmp_path)
    for page_path, prefix in (("index.md", ""), ("about.md", "../"), ("sub/page.md", "../../")):
        md = explainer.expand_blocks("de", f"<!-- explainer:{name} -->", page_path, "d")
        [picture] = shown(md).cssselect(f"div.explainer-viz--{css}")
        links = {a.get("href") for a in picture.iter("{http://www.w3.org/2000/svg}a", "a")}
        assert f"{prefix}events/first-call/" in links, (page_path, links)
        assert picture.cssselect(f"[id='viz-{css}-title']")


def test_a_crowded_day_links_its_hidden_events_on_the_timeline_page(tmp_path: Path) -> None:
    data = minimal_data()
    data["events"] = {f"e{n}": event(f"Event {n}", "2026-01-05") for n in range(1, 9)}
    explainer = load(tmp_path, data)
    for page_path, prefix in (("index.md", ""), ("sub/page.md", "../../")):
        md = explainer.expand_blocks("en", "<!-- explainer:timeline-chart -->", page_path, "d")
        links = [a.get("href") for a in shown(md).iter("{http://www.w3.org/2000/svg}a", "a")]
        # six lanes: the seventh and eighth event of the day are behind "+2 more", in both
        # layouts of the picture (wide, then narrow)
        shown_once = [f"{prefix}events/e{n}/" for n in range(1, 7)] + [f"{prefix}timeline/#e7"]
        assert links == shown_once * 2


def test_the_home_pages_timeline_names_the_timeline_page_as_its_alternative(
    tmp_path: Path,
) -> None:
    explainer = load(tmp_path)
    md = explainer.expand_blocks("en", "<!-- explainer:timeline-chart -->", "index.md", "d")
    assert STRINGS["en"]("viz.alternative.timeline") in shown(md).text_content()


def test_a_block_replaces_its_marker_line_and_nothing_else(tmp_path: Path) -> None:
    explainer = load(tmp_path)
    page = "Before\n  <!--  explainer:upcoming  -->\t\nAfter <!-- explainer:latest --> stays\n"
    md = explainer.expand_blocks("en", page, "index.md", "d")
    upcoming = (
        '<ul>\n<li><a href="events/council-meeting/">Council meets</a>\u00a0— '
        "<em data-explainer-labels>March\u00a02026</em>\u00a0· "
        '<span class="explainer-status explainer-status--scheduled" data-explainer-labels>'
        "scheduled</span><br />\n  The council votes.</li>\n</ul>"
    )
    assert md == f"Before\n\n{upcoming}\n\nAfter <!-- explainer:latest --> stays\n"


def test_unknown_blocks_are_located_and_name_the_known_ones(tmp_path: Path) -> None:
    page = (
        "# Home\n\nText\n<!-- explainer:latest -->\n\n"
        "  <!-- explainer:key-figure -->\n<!--explainer:-->\n"
    )
    assert [str(p) for p in unknown_blocks(page, "docs/en/index.md")] == [
        f"docs/en/index.md:6:1: unknown block `explainer:key-figure`; known blocks: {KNOWN}",
        f"docs/en/index.md:7:1: unknown block `explainer:`; known blocks: {KNOWN}",
    ]
    explainer = load(tmp_path)
    with pytest.raises(BlockError) as raised:
        explainer.expand_blocks("en", page, "index.md", "docs/en/index.md")
    assert str(raised.value).split("\n") == [
        f"docs/en/index.md:6:1: unknown block `explainer:key-figure`; known blocks: {KNOWN}",
        f"docs/en/index.md:7:1: unknown block `explainer:`; known blocks: {KNOWN}",
    ]
    assert [(p.line, p.column) for p in unknown_blocks("<!-- explainer:nope -->", "a.md")] == [
        (1, 1)
    ]
    # a page that starts with an empty line
    starts_empty = "\n<!-- explainer:nope -->\n\n<!-- explainer:nix -->"
    assert [(p.line, p.column) for p in unknown_blocks(starts_empty, "a.md")] == [(2, 1), (4, 1)]


def test_hand_written_pages_are_checked_before_the_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "de" / "sub").mkdir(parents=True)
    (docs / "en" / "index.md").write_text("# Home\n\n<!-- explainer:upcoming -->\n", "utf-8")
    # a byte order mark before the first line does not hide its marker
    (docs / "de" / "index.md").write_bytes("\ufeff<!-- explainer:soon -->\n".encode())
    (docs / "de" / "sub" / "page.md").write_text("x\n\n\n<!-- explainer:lates -->\n", "utf-8")
    (docs / "de" / "notes.txt").write_text("<!-- explainer:not-a-page -->\n", "utf-8")
    problems = check_pages(docs, lambda path: path.relative_to(tmp_path).as_posix())
    assert [(p.file, p.line, p.column) for p in problems] == [
        ("docs/de/index.md", 1, 1),
        ("docs/de/sub/page.md", 4, 1),
    ]
    assert [re.sub(r";.*", "", p.message) for p in problems] == [
        "unknown block `explainer:soon`",
        "unknown block `explainer:lates`",
    ]
    with pytest.raises(DataError) as raised:
        load(tmp_path)
    assert [
        (Path(p.file).relative_to(tmp_path).as_posix(), p.line) for p in raised.value.problems
    ] == [
        ("docs/de/index.md", 1),
        ("docs/de/sub/page.md", 4),
    ]


def corrected_story(tmp_path: Path) -> Explainer:
    """Corrections in the data and updates from the history (committer dates, UTC)."""
    data = minimal_data()
    data["events"]["first-call"]["corrections"] = [
        {"date": "2026-03-05", "text": {"en": "First fix.", "de": "Erste Korrektur."}},
        {"date": "2026-03-07", "text": {"en": "Second fix.", "de": "Zweite Korrektur."}},
    ]
    data["events"]["later"] = event("Later", "2026-04-01")
    data["events"]["statement"]["corrections"] = [
        {"date": "2026-03-07", "text": {"en": "A fix.", "de": "Eine Korrektur."}}
    ]
    loaded = load(tmp_path, data)

    def at(day: int, hour: int) -> datetime.datetime:
        return datetime.datetime(2026, 3, day, hour, tzinfo=datetime.UTC)

    history = {
        "council-meeting": EventHistory(
            at(1, 9),
            at(7, 23),
            (FieldChange("status", "changed"), FieldChange("summary", "revised", ("de",))),
        ),
        "first-call": EventHistory(at(2, 9), at(6, 8)),
        "statement": EventHistory(at(1, 8), at(4, 12)),
        "later": EventHistory(at(1, 8)),
    }
    story = build_story(data, ("en", "de"), history)
    return Explainer(loaded.config, story, loaded.strings)


def test_changes_newest_first_corrections_before_updates_then_timeline_order(
    tmp_path: Path,
) -> None:
    explainer = corrected_story(tmp_path)
    changes = [
        (c.day.isoformat(), c.event.id, c.correction is not None, c.number)
        for c in explainer.story.changes
    ]
    assert changes == [
        ("2026-03-07", "statement", True, 1),
        ("2026-03-07", "first-call", True, 2),
        ("2026-03-07", "council-meeting", False, 0),
        ("2026-03-06", "first-call", False, 0),
        ("2026-03-05", "first-call", True, 1),
        ("2026-03-04", "statement", False, 0),
    ]
    [fix, second] = explainer.story.events["first-call"].corrections
    assert (fix.date, fix.text["de"]) == (EventDate(2026, 3, 5), "Erste Korrektur.")
    assert (second.date, second.text["en"]) == (EventDate(2026, 3, 7), "Second fix.")
    meeting = explainer.story.events["council-meeting"]
    assert (meeting.published, meeting.updated) == (
        datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC),
        datetime.datetime(2026, 3, 7, 23, tzinfo=datetime.UTC),
    )
    assert explainer.story.events["later"].updated is None


def test_the_changes_block_lists_the_latest_five_and_links_them_all(tmp_path: Path) -> None:
    explainer = corrected_story(tmp_path)
    md = explainer.expand_blocks("de", "<!-- explainer:changes -->", "about.md", "d/about.md")
    de = STRINGS["de"]
    march = {day: unbreakable(f"{day}. März 2026") for day in (5, 6, 7)}
    fixed = de("correction.label", date=march[7])
    assert [
        # white space folded, the dates' no-break spaces kept
        (
            re.sub(r"[ \t\r\n]+", " ", li.text_content()).strip(),
            [a.get("href") for a in li.iter("a")],
        )
        for li in shown(md).iter("li")
    ] == [
        # two corrections of one day: under their date once (the review read the same date
        # repeated as "newest first" with no order)
        (
            f"{fixed} Bob spricht Ada ruft Bob an",
            ["../events/statement/#correction-1", "../events/first-call/#correction-2"],
        ),
        ("Bob spricht", ["../events/statement/#correction-1"]),
        ("Ada ruft Bob an", ["../events/first-call/#correction-2"]),
        (  # an update says what it changed, when the history says so
            f"{de('changes.updated', date=march[7])} Der Stadtrat tagt Der Status wurde geändert.",
            ["../events/council-meeting/"],
        ),
        (f"{de('changes.updated', date=march[6])} Ada ruft Bob an", ["../events/first-call/"]),
        (
            f"{de('correction.label', date=march[5])} Ada ruft Bob an",
            ["../events/first-call/#correction-1"],
        ),
    ]
    # the English page tells the same changes of fact, and neither tells the German
    # summary's new wording, which changed no fact (R9 read "in der englischen Fassung
    # überarbeitet" on the German pages as noise; R10 "the summary was revised" as a log of
    # copy edits)
    english = explainer.expand_blocks("en", "<!-- explainer:changes -->", "about.md", "e/about.md")
    council = [li for li in shown(english).iter("li") if "Council meets" in li.text_content()]
    assert [" ".join(li.text_content().split()) for li in council] == [
        "Updated March 7, 2026: Council meets The status was changed."
    ]
    # six changes, five shown: the block says how many of how many it shows (R13 read five
    # of seven as the whole log), the changes page linked by its title
    [everything] = [a for a in shown(md).iter("a") if a.get("href") == "../changes/"]
    assert everything.text_content() == de("changes.title")
    assert " ".join(everything.getparent().text_content().split()) == (
        "Hier stehen fünf von sechs Korrekturen und Aktualisierungen; alle führt die Seite "
        "„Korrekturen und Aktualisierungen“ auf."
    )
    # each label in bold
    assert [b.text_content() for b in shown(md).iter("strong")] == [
        fixed,
        de("changes.updated", date=march[7]),
        de("changes.updated", date=march[6]),
        de("correction.label", date=march[5]),
    ]


def test_a_changes_block_of_updates_alone_calls_them_updates(tmp_path: Path) -> None:
    """Seven updates of one day and no correction: the block shows five and says "updates",
    not "the latest five of seven corrections and updates" (R15: the changes page said no
    correction had been published, and "latest" meant nothing among changes of one day)."""
    data = minimal_data()
    for number in range(7 - len(data["events"])):
        data["events"][f"more-{number}"] = event(f"More {number}", f"2026-02-{number + 10}")
    assert len(data["events"]) == 7
    loaded = load(tmp_path, data)
    moment = datetime.datetime(2026, 3, 7, 9, tzinfo=datetime.UTC)
    history = {
        event_id: EventHistory(
            moment - datetime.timedelta(days=1),
            moment,
            (FieldChange("status", "changed", was="scheduled", now="held"),),
        )
        for event_id in data["events"]
    }
    explainer = Explainer(loaded.config, build_story(data, ("en", "de"), history), loaded.strings)
    said = {
        lang: " ".join(
            shown(explainer.expand_blocks(lang, "<!-- explainer:changes -->", "index.md", "x.md"))
            .xpath("//p[a]")[-1]
            .text_content()
            .split()
        )
        for lang in ("en", "de")
    }
    assert said == {
        "en": "Five of seven updates are shown here; the “Corrections and updates” page lists "
        "them all.",
        "de": "Hier stehen fünf von sieben Aktualisierungen; alle führt die Seite "
        "„Korrekturen und Aktualisierungen“ auf.",
    }


def test_the_changes_block_without_changes_says_so(tmp_path: Path) -> None:
    explainer = load(tmp_path)
    md = explainer.expand_blocks("en", "<!-- explainer:changes -->", "index.md", "d/index.md")
    assert shown(md).text_content().strip() == STRINGS["en"]("changes.none")


def test_as_of_says_how_far_the_account_reaches(tmp_path: Path) -> None:
    """The latest event and the story's last update from the history: both from the data
    and its commits, never the day of the build."""
    explainer = corrected_story(tmp_path)
    said = {
        "en": [
            "The latest dated event known to have taken place is “Later” on April 1, 2026.",
            "Last updated March 7, 2026.",
        ],
        "de": [
            "Das jüngste genau datierte Ereignis, das den Berichten zufolge stattgefunden hat, ist "
            "„Later (de)“ vom 1. April 2026.",
            "Zuletzt aktualisiert am 7. März 2026.",
        ],
    }
    for lang, paragraphs in said.items():
        md = as_of_block(explainer, lang)
        # the last update on a line of its own (R14 read it running into the account)
        assert [" ".join(p.text_content().split()) for p in shown(md).iter("p")] == paragraphs
        assert items(md) == [] and [a.get("href") for a in shown(md).iter("a")] == ["events/later/"]
    # without a short name, named by its headline in quotation marks, the link: R13 read
    # "the statement of January 16, 2026" for a press conference, R15 a headline after a
    # colon as pasted in
    md = as_of_block(explainer, "en")
    [link] = shown(md).iter("a")
    assert (link.text_content(), link.get("title")) == ("“Later”", "Later")


def test_as_of_says_published_while_nothing_changed_since_the_publication(
    tmp_path: Path,
) -> None:
    """R58/R59 read "Last revised Nov. 22" beside a changes page without updates as a
    contradiction: a story all of whose events were published on one day and none updated
    since says it was published then; one later addition or update makes it "Last updated"."""
    data = minimal_data()
    loaded = load(tmp_path, data)

    def last_line(history: dict[str, EventHistory], lang: str) -> str:
        story = build_story(data, ("en", "de"), history)
        md = as_of_block(Explainer(loaded.config, story, loaded.strings), lang)
        return " ".join(list(shown(md).iter("p"))[-1].text_content().split())

    morning = datetime.datetime(2026, 3, 1, 8, tzinfo=datetime.UTC)
    evening = morning + datetime.timedelta(hours=12)
    one_day = {event_id: EventHistory(morning) for event_id in data["events"]}
    one_day["statement"] = EventHistory(evening)  # later that day: still the publication
    assert last_line(one_day, "en") == "Published March 1, 2026."
    assert last_line(one_day, "de") == "Veröffentlicht am 1. März 2026."
    added = dict(one_day, statement=EventHistory(morning + datetime.timedelta(days=2)))
    assert last_line(added, "en") == "Last updated March 3, 2026."
    updated = dict(one_day, statement=EventHistory(morning, morning + datetime.timedelta(days=3)))
    assert last_line(updated, "de") == "Zuletzt aktualisiert am 4. März 2026."


def test_as_of_without_history_names_the_latest_event_and_its_status(tmp_path: Path) -> None:
    data = minimal_data()
    data["events"]["later"] = event("Later", "2026-04-09", status="unconfirmed")
    explainer = load(tmp_path, data)  # not a git repository: no history
    md = as_of_block(explainer, "en")
    assert " ".join(shown(md).text_content().split()) == (
        "The latest dated event known to have taken place is "
        "“Ada calls Bob” on March 2, 2026. A phone call had been scheduled for a later "
        "date, on April 9, 2026; the sources do not say whether it took place."
    )


def test_upcoming_lists_unconfirmed_events_too_with_their_status(tmp_path: Path) -> None:
    """A meeting whose date passed without a source saying whether it took place is still
    one the story expects news of: it stays in the list, saying so."""
    data = minimal_data()
    data["events"] = {
        "past": event("Past", "2026-01-23", status="unconfirmed"),
        "soon": event("Soon", "2026-03-04", status="scheduled", type="meeting"),
        "held": event("Held", "2026-01-05"),
    }
    explainer = load(tmp_path, data)
    md = explainer.expand_blocks("en", "<!-- explainer:upcoming -->\n", "index.md", "d/index.md")
    # of two types, each says its own
    assert item_texts(md) == [
        "Past — Jan. 23, 2026 · Phone call · unconfirmed About Past.",
        "Soon — March 4, 2026 · Meeting · scheduled About Soon.",
    ]


def test_every_language_tells_the_same_history_in_plain_words(tmp_path: Path) -> None:
    """The review read "the selection of quotations was removed" as system jargon, and
    found the two languages' logs telling different histories: a list's items are counted
    ("two quotations were removed"); a revision of wording (headline, summary, text,
    place) is told in no language (R10: newspapers log no copy edits, and the languages'
    logs differed), while a quotation's, a figure's or a source's is told in every
    language, saying which text it was."""
    from explainer.views.changes import what_changed

    explainer = corrected_story(tmp_path)
    english, german = explainer.context("en"), explainer.context("de")
    german_only = (FieldChange("title", "revised", ("de",)),)
    assert what_changed(english, german_only, "call") is None
    assert what_changed(german, german_only, "call") is None
    quote = (FieldChange("quotes", "revised", ("de",), 1),)
    assert what_changed(english, quote, "call") == "The German wording of a quotation was revised."
    assert what_changed(german, quote, "call") == (
        "Ein Zitat wurde in der deutschen Fassung überarbeitet."
    )
    # as many added as removed: they were replaced (the review read "a glossary term
    # was added; a glossary term was removed")
    placed = (FieldChange("before", "added"),)
    assert what_changed(english, placed, "call") == "The event’s place in the timeline was changed."
    assert what_changed(german, placed, "call") == "Die Einordnung in die Chronik wurde geändert."
    swapped = (FieldChange("related", "added", (), 1), FieldChange("related", "removed", (), 1))
    assert what_changed(english, swapped, "call") == "A related event was replaced."
    assert what_changed(german, swapped, "call") == "Ein zusammenhängendes Ereignis wurde ersetzt."
    uneven = (FieldChange("related", "added", (), 2), FieldChange("related", "removed", (), 1))
    assert what_changed(english, uneven, "call") == (
        "Two related events were added; a related event was removed."
    )
    # an event's glossary links are editorial apparatus, not facts: added, removed or
    # replaced, they are not told, as wording is not (R17 read "a glossary term was
    # replaced" under an intro saying changes of wording are not listed)
    terms = (FieldChange("terms", "added", (), 2), FieldChange("terms", "removed", (), 1))
    assert what_changed(english, terms, "call") is None
    assert what_changed(german, terms, "call") is None
    assert what_changed(english, (*terms, *placed), "call") == (
        "The event’s place in the timeline was changed."
    )
    both = tuple(
        FieldChange(f, "revised", ("en", "de")) for f in ("title", "summary", "body", "place")
    )
    assert what_changed(english, both, "call") is None
    assert what_changed(german, both, "call") is None
    # beside a change of fact, only the fact is told; a status from what to what, in the
    # words of the log (R13 read "The status was changed" as saying nothing)
    status = FieldChange("status", "changed", was="scheduled", now="unconfirmed")
    assert what_changed(english, (*both, status), "meeting") == (
        "The status was changed from “scheduled” to “unconfirmed.”"
    )
    assert what_changed(german, (*both, status), "meeting") == (
        "Der Status wurde von „angesetzt“ auf „unbestätigt“ geändert."
    )
    # the labels quoted as labels; U.S. English sets the full stop inside the closing mark
    # only where the sentence ends, not where a clause follows (R16)
    added = FieldChange("sources", "added", (), 1)
    told = what_changed(english, (status, added), "meeting")
    assert told is not None and "“unconfirmed”;" in told and told.endswith("added.")
    # one that took place, in its type's word: a statement is issued
    issued = FieldChange("status", "changed", was="scheduled", now="held")
    assert what_changed(english, (issued,), "statement") == (
        "The status was changed from “scheduled” to “issued.”"
    )
    assert what_changed(english, (issued,), "meeting") == (
        "The status was changed from “scheduled” to “held.”"
    )
    # a press conference (a statement the data names otherwise) is held, not issued, as
    # the export labels it (R24/R25)
    press = statement(type_name={"en": "Press conference", "de": "Pressekonferenz"})
    assert what_changed(english, (issued,), held_kind(press)) == (
        "The status was changed from “scheduled” to “held.”"
    )
    assert what_changed(german, (issued,), held_kind(press)) == (
        "Der Status wurde von „angesetzt“ auf „stattgefunden“ geändert."
    )
    # a place given where there was none is a fact
    assert what_changed(english, (FieldChange("place", "added"),), "call") == (
        "The place was added."
    )
    items = (
        FieldChange("sources", "added", (), 1),
        FieldChange("quotes", "removed", (), 2),
        FieldChange("figures", "revised", ("en", "de"), 1),
        FieldChange("date", "changed", was="2026-01-13", now="2026-01"),
    )
    # a day's date with the comma after its year in mid-sentence (Chicago), a month's none;
    # a figure revised in every language is its label ("a figure was revised" read as its
    # value, R14)
    assert what_changed(english, items, "call") == (
        "The date was changed from Jan.\u00a013,\u00a02026, to January\u00a02026; two "
        "quotations were removed; the description of a figure was revised; a source citation "
        "was added."
    )
    assert what_changed(german, items, "call") == (
        "Das Datum wurde vom 13.\u00a0Januar\u00a02026 auf Januar\u00a02026 geändert; zwei "
        "Zitate wurden entfernt; die Beschreibung einer Zahl wurde überarbeitet; eine "
        "Quellenangabe wurde ergänzt."
    )
    assert what_changed(english, (), "call") is None
    # a source citation's new title is its wording, not told (R15: "the texts of two source
    # citations were revised" under an intro saying changes of wording are not listed);
    # one given another address is a fact
    retitled = (FieldChange("sources", "revised", ("en", "de"), 2),)
    assert what_changed(english, retitled, "call") is None
    assert what_changed(german, (FieldChange("sources", "revised", ("de",), 1),), "call") is None
    # an event's short name (`name`), given or revised, is how sentences name it: wording
    named = (FieldChange("name", "added"), FieldChange("name", "revised", ("de",)))
    assert what_changed(english, named, "call") is None
    moved = (*retitled, FieldChange("sources", "changed", (), 1))
    assert what_changed(english, moved, "call") == "A source citation was changed."
    assert what_changed(german, moved, "call") == "Eine Quellenangabe wurde geändert."


def test_the_repository_block_links_the_repository_only_where_the_site_names_one(
    tmp_path: Path,
) -> None:
    """An about page can say where corrections go without promising a link, or a way to
    report an error, that a build without `repo_url` (every local one) does not have."""
    import dataclasses

    plain = load(tmp_path)
    marker = "Report it.\n\n<!-- explainer:repository -->\n"
    assert plain.expand_blocks("en", marker, "about.md", "e/about.md").strip() == "Report it."
    config = dataclasses.replace(plain.config, repo_url="https://github.com/example/explainer")
    named = Explainer.load(config)
    said = {
        "en": "The text and data of this explainer, and every change made to them, are public: "
        "github.com/example/explainer. Readers who find an error can report it there,",
        "de": "Text und Daten dieses Überblicks sind mit jeder Änderung öffentlich einsehbar: "
        "github.com/example/explainer. Wer einen Fehler findet, kann ihn dort melden",
    }
    for lang, sentence in said.items():
        md = named.expand_blocks(lang, marker, "about.md", "e/about.md")
        assert " ".join(shown(md).text_content().split()).startswith(f"Report it. {sentence}")
        hrefs = [a.get("href") for a in shown(md).iter("a")]
        assert hrefs == ["https://github.com/example/explainer"]


def test_as_of_names_a_dated_event_where_a_month_only_one_may_be_later_and_lists_what_follows(
    tmp_path: Path,
) -> None:
    """An event known only by its month is not known to be later than its month's dated
    ones: the dated one is named as the latest with an exact date, and the month-only one
    as possibly later (the review read "the latest event … dates from" as false while an
    undated event that took place may have come after it); then every event scheduled
    after it, each with its status."""
    data = minimal_data()
    data["events"]["post"] = event("Post", "2026-03")  # held, some day in March
    data["events"]["talks"] = event("Talks", "2026-04-09", status="unconfirmed")
    data["events"]["summit"] = event("Summit", "2026-05-02", status="scheduled")
    # each named as a sentence names it, in the one slot the strings give a name (R15 read
    # headlines pasted into sentences after a colon)
    data["events"]["first-call"]["name"] = {"en": "Ada’s call to Bob", "de": "Adas Anruf bei Bob"}
    data["events"]["post"]["name"] = {"en": "Ada’s post", "de": "Adas Beitrag"}
    explainer = load(tmp_path, data)
    said = {
        "en": "The latest dated event known to have taken place is "
        "Ada’s call to Bob on March 2, 2026. A phone call had been scheduled for a later date, on "
        "April 9, 2026; the sources do not say whether it took place. A phone call is scheduled "
        "for a later date, on May 2, 2026. No exact date is given for Ada’s post (listed under "
        "March 2026), so it may have come before or after March 2, 2026.",
        "de": "Das jüngste genau datierte Ereignis, das den Berichten zufolge stattgefunden "
        "hat, ist "
        "Adas Anruf bei Bob vom 2. März 2026. Danach sollte ein Telefonat folgen: "
        "am 9. April 2026; ob es stattfand, geht aus den Quellen nicht hervor. "
        "Für die Zeit danach ist ein Telefonat angesetzt: am 2. Mai 2026. Nicht genau "
        "datiert ist Adas Beitrag (in der Chronik dem März 2026 zugeordnet); ob das vor "
        "oder nach dem 2. März 2026 war, sagen die Quellen nicht.",
    }
    for lang, sentence in said.items():
        md = as_of_block(explainer, lang)
        assert " ".join(shown(md).text_content().split()) == sentence
        # the names are the links to their events, each headline in the link's title
        links = {a.text_content(): a.get("href") for a in shown(md).iter("a")}
        name = {"en": "Ada’s post", "de": "Adas Beitrag"}[lang]
        assert links[name] == "events/post/"


def test_as_of_says_when_the_latest_event_that_took_place_is_dated_only_to_its_month(
    tmp_path: Path,
) -> None:
    data = minimal_data()
    # two of one month: one is named, and nothing is said to have come after a month
    data["events"] = {"post": event("Post", "2026-03"), "other": event("Other", "2026-03")}
    explainer = load(tmp_path, data)
    md = as_of_block(explainer, "en")
    assert " ".join(shown(md).text_content().split()) == (
        "The latest event known to have taken place is “Post” (March 2026); "
        "only its month is known."
    )


def test_as_of_says_what_follows_in_sentences_a_newspaper_would_print(tmp_path: Path) -> None:
    """The reviewer read "After it:" / "Danach:" and a list: events of the same status
    are named in one sentence, joined as the language joins a list, with the status said
    once for all of them."""
    data = minimal_data()
    data["events"]["talks"] = event("Talks", "2026-04-09", status="unconfirmed", type="meeting")
    data["events"]["summit"] = event("Summit", "2026-05", status="unconfirmed", type="meeting")
    explainer = load(tmp_path, data)
    # the events named by their type and date, each headline beside its date (the review
    # read headlines pasted in as nouns: "… after it: Meeting of the … (January 23, 2026)")
    said = {
        "en": "The latest dated event known to have taken place is "
        "“Ada calls Bob” on March 2, 2026. Two meetings had been scheduled for later dates: one "
        "on April 9, 2026, and one in May 2026; the sources do not say whether they took place.",
        "de": "Das jüngste genau datierte Ereignis, das den Berichten zufolge stattgefunden "
        "hat, ist "
        "„Ada ruft Bob an“ vom 2. März 2026. Danach sollten zwei "
        "Treffen folgen: am 9. April 2026 und im Mai 2026; ob sie "
        "stattfanden, geht aus den Quellen nicht hervor.",
    }
    for lang, sentence in said.items():
        md = as_of_block(explainer, lang)
        text = " ".join(shown(md).text_content().split())
        assert text == sentence
        assert "After it:" not in text and "Danach:" not in text
        # each date is the link to its event, its headline the link's title
        links = [(a.text_content(), a.get("href"), a.get("title")) for a in shown(md).iter("a")]
        dates = {"en": ("April 9, 2026", "May 2026"), "de": ("9. April 2026", "Mai 2026")}
        titles = {"en": ("Talks", "Summit"), "de": ("Talks (de)", "Summit (de)")}
        assert [(" ".join(t.split()), h, title) for t, h, title in links[1:]] == list(
            zip(dates[lang], ("events/talks/", "events/summit/"), titles[lang], strict=True)
        )


def test_data_text_in_a_block_is_shown_as_written_never_as_markup(tmp_path: Path) -> None:
    """The blocks' HTML stands in a page's Markdown: neither Markdown nor HTML in a title
    or a summary (nor a blank line, which would end a raw HTML block) reaches the page."""
    data = many_events()
    data["events"]["soon"]["title"] = {"en": "<b>Bold</b> {: .x } *not* [a](b)", "de": "x"}
    data["events"]["soon"]["summary"] = {"en": "One.\n\n## Two & </ul> `three`", "de": "x"}
    explainer = load(tmp_path, data)
    page_markdown = "# Home\n\n<!-- explainer:upcoming -->\n\nAfter\n"
    page = shown(explainer.expand_blocks("en", page_markdown, "index.md", "d"))
    assert next(a.text_content() for a in page.cssselect("li > a")) == (
        "<b>Bold</b> {: .x } *not* [a](b)"
    )
    assert len(page.cssselect("li")) == 2 and not page.cssselect("b, h2, code, em.x")
    assert "## Two & </ul> `three`" in page.cssselect("li")[0].text_content()
    assert [p.text_content() for p in page.iter("p")] == ["After"]


def test_a_site_overrides_a_block_as_it_overrides_a_page(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides" / "explainer" / "blocks"
    overrides.mkdir(parents=True)
    (overrides / "upcoming.html").write_text(
        '{% extends "builtin/blocks/upcoming.html" %}'
        "{% block list %}<ol>{% for event in events %}<li>{{ links.event(event.id) }}</li>"
        "{% endfor %}</ol>{% endblock %}",
        encoding="utf-8",
    )
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "events.yaml").write_text(
        yaml.safe_dump(many_events(), allow_unicode=True), encoding="utf-8"
    )
    config = SiteConfig.from_settings(
        tmp_path, ("en", "de"), tmp_path / "docs", None, template_dirs=[overrides.parent]
    )
    md = Explainer.load(config).expand_blocks(
        "en", "<!-- explainer:upcoming -->\n", "index.md", "d"
    )
    assert [(a.text_content(), a.get("href")) for a in shown(md).cssselect("ol > li > a")] == [
        ("Soon", "events/soon/"),
        ("Later", "events/later/"),
    ]


def test_the_key_figures_block_is_the_figures_pages_table(tmp_path: Path) -> None:
    explainer = load(tmp_path)
    """(Placed on the figures page's own address, so that their links are the same.)"""
    md = explainer.expand_blocks("de", "<!-- explainer:key-figures -->\n", "figures.md", "d")
    [page] = [p for p in explainer.pages("de") if p.path == "figures.md"]
    table = lxml.html.fragment_fromstring(page.html, create_parent="div").cssselect("table")[0]
    block = shown(md).cssselect("table")[0]
    assert len(table.cssselect("tbody tr")) == 2
    assert lxml.html.tostring(block, with_tail=False) == lxml.html.tostring(table, with_tail=False)


def test_as_of_counts_events_of_different_types_as_events(tmp_path: Path) -> None:
    """The count names the events' type where they share one, "events" where they differ,
    with the German noun's gender ("eine Erklärung", "ein Treffen")."""
    data = minimal_data()
    data["events"]["talks"] = event("Talks", "2026-04-09", status="scheduled", type="meeting")
    data["events"]["note"] = event("Note", "2026-05-02", status="scheduled", type="statement")
    explainer = load(tmp_path, data)
    said = {
        "en": "Two events are scheduled for later dates: one on April 9, 2026, and one on "
        "May 2, 2026.",
        "de": "Für die Zeit danach sind zwei Ereignisse angesetzt: am 9. April 2026 "
        "und am 2. Mai 2026.",
    }
    for lang, sentence in said.items():
        md = as_of_block(explainer, lang)
        assert " ".join(shown(md).text_content().split()).endswith(sentence)
    data["events"] = {"note": event("Note", "2026-05-02", status="scheduled", type="statement")}
    (tmp_path / "one").mkdir()
    md = as_of_block(load(tmp_path / "one", data), "de")
    assert " ".join(shown(md).text_content().split()) == (
        "Angesetzt ist eine Erklärung: am 2. Mai 2026."
    )


def test_as_of_names_a_month_only_event_that_may_be_later_by_its_headline(
    tmp_path: Path,
) -> None:
    """R9 read "a statement … may have taken place" (statements are issued); R12 "the
    statement in March 2026", which did not tell it from another; R13 „Die Stellungnahme
    (Ada Example)“, a name in brackets for want of a genitive; R15 a headline after a
    colon: each is named as a sentence names it (without a short name, its headline in
    quotation marks), linked, with its month, in words true of any type."""
    data = minimal_data()
    data["events"]["post"] = event("Post", "2026-03", type="statement")
    data["events"]["note"] = event("Note", "2026-03", type="statement")
    explainer = load(tmp_path, data)
    said = {
        "en": "No exact date is given for “Note” (listed under March 2026) and “Post” "
        "(listed under March 2026), so they may have come before or after March 2, 2026.",
        "de": "Nicht genau datiert sind „Note (de)“ (in der Chronik dem März 2026 "
        "zugeordnet) und „Post (de)“ (in der Chronik dem März 2026 zugeordnet); ob "
        "das vor oder nach dem 2. März 2026 war, sagen die Quellen nicht.",
    }
    for lang, sentence in said.items():
        md = as_of_block(explainer, lang)
        text = " ".join(shown(md).text_content().split())
        assert text.endswith(sentence), lang
        assert "(Ada Example)" not in text and "statement" not in text.lower()
        *_, note, post = shown(md).iter("a")
        assert [note.get("href"), post.get("href")] == ["events/note/", "events/post/"]


def test_an_update_that_only_revised_wording_is_listed_in_no_language(
    tmp_path: Path,
) -> None:
    """R9: the German pages said "die Zusammenfassung wurde in der englischen Fassung
    überarbeitet"; R10: the English log told "the headline, the summary, and the text were
    revised" where the German told other revisions. An update that only reworded a text
    changed no fact: as newspapers log no copy edits, it is left out of the changes page
    and the home page's block in every language; a change of fact stays on all of them."""
    from explainer.views.changes import told_changes

    data = minimal_data()
    loaded = load(tmp_path, data)

    def at(day: int) -> datetime.datetime:
        return datetime.datetime(2026, 3, day, 9, tzinfo=datetime.UTC)

    history = {
        "council-meeting": EventHistory(at(1), at(7), (FieldChange("date", "changed"),)),
        "first-call": EventHistory(at(1), at(6), (FieldChange("summary", "revised", ("en",)),)),
        "statement": EventHistory(at(1)),
    }
    story = build_story(data, ("en", "de"), history)
    explainer = Explainer(loaded.config, story, loaded.strings)
    told = {
        lang: [c.event.id for c in told_changes(explainer.context(lang))] for lang in ("en", "de")
    }
    assert told == {"en": ["council-meeting"], "de": ["council-meeting"]}
    german = explainer.expand_blocks("de", "<!-- explainer:changes -->", "about.md", "e/about.md")
    assert "Ada ruft Bob an" not in shown(german).text_content()
    assert "Der Stadtrat tagt" in shown(german).text_content()
    [page] = [p for p in explainer.pages("de") if p.path == "changes.md"]
    assert "Ada ruft Bob an" not in page.html and "Der Stadtrat tagt" in page.html
    english = explainer.expand_blocks("en", "<!-- explainer:changes -->", "about.md", "e/about.md")
    assert "Ada calls Bob" not in shown(english).text_content()
    assert "Council meets" in shown(english).text_content()
