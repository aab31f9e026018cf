"""Generated pages (HTML from the templates) and the Markdown of hand-written pages'
blocks: escaping, cross-links both ways, order, attribution."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from explainer.l10n import Localizer
from explainer.markup import is_safe_link, render_markdown, unsafe_link_targets
from explainer.model import Actor, Event, EventDate, Figure, Story
from explainer.rendering import RenderContext, and_list
from explainer.site import Explainer, SiteConfig
from explainer.strings import load_strings
from explainer.urls import SiteUrls
from explainer.views.actor import involvement_line
from explainer.views.blocks import BlockError
from explainer.vocabulary import (
    CLAIMED_FIGURE,
    DEFAULT_STATUS,
    EVENT_TYPES,
    PARTICIPANT,
    QUOTED,
    STATUSES,
)
from tests.conftest import minimal_yaml
from tests.site_markdown import render
from tests.stories import event, load, minimal_data, statuses_story


def site(tmp_path: Path, text: str | None = None) -> Explainer:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "events.yaml").write_text(text or minimal_yaml(), encoding="utf-8")
    config = SiteConfig.from_settings(tmp_path, ("en", "de"), tmp_path / "docs", None)
    return Explainer.load(config)


def page(explainer: Explainer, lang: str, path: str) -> str:
    """A generated page's HTML content, as the core hands it to MkDocs."""
    [found] = [p for p in explainer.pages(lang) if p.path == path]
    return found.html


def html(md_text: str) -> str:
    """As the site renders a hand-written page's Markdown (its extensions, front matter
    taken off)."""
    return render(md_text)


def visible(content: str) -> str:
    """The text a reader sees in HTML, whitespace folded."""
    text = lxml.html.fromstring(f"<div>{content}</div>").text_content()
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def links(content: str) -> set[tuple[str, str]]:
    root = lxml.html.fromstring(f"<div>{content}</div>")
    return {(" ".join(a.text_content().split()), a.get("href")) for a in root.iter("a")}


def test_markdown_fields_keep_markdown_but_not_html() -> None:
    out = render_markdown(
        "A *b* <b>c</b>\n\n<div onclick=x>d</div>\n\n"
        "[ok](https://a.example) [bad](javascript:alert(1))"
    )
    assert "<em>b</em>" in out
    assert "&lt;b&gt;c&lt;/b&gt;" in out and "&lt;div onclick=x&gt;" in out
    assert 'href="https://a.example"' in out
    assert "javascript:" not in out


@pytest.mark.parametrize(
    ("target", "safe"),
    [
        ("https://x", True),
        ("http://x", True),
        ("mailto:a@b", True),
        ("../a.md", True),
        ("#x", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:x", False),
        (" java\tscript:x", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        # character references, which the browser decodes in the href attribute
        ("jav&#x61;script:x", False),
        ("jav&#97;script:x", False),
        ("java&#9;script:x", False),
        ("javascript&colon;x", False),
        ("&#x6A;avascript:x", False),
        ("\x01javascript:x", False),
        ("java\x00script:x", False),
        ("https://x/?a=1&amp;b=2", True),
    ],
)
def test_link_schemes(target: str, safe: bool) -> None:
    assert is_safe_link(target) is safe


@pytest.mark.parametrize(
    "target", ["jav&#x61;script:alert(1)", "java&#9;script:alert(1)", "javascript&colon;alert(1)"]
)
def test_rendered_markdown_keeps_no_encoded_script_link(target: str) -> None:
    rendered = render_markdown(f"[click]({target}) and ![i]({target})")
    assert "href" not in rendered and "src" not in rendered
    assert unsafe_link_targets(f"[click]({target})") == [target]


def test_every_page_exists_in_every_language(tmp_path: Path) -> None:
    explainer = site(tmp_path)
    expected = {"timeline.md", "figures.md", "glossary.md", "actors/index.md", "changes.md"}
    expected |= {f"events/{e}.md" for e in ("first-call", "council-meeting", "statement")}
    expected |= {f"actors/{a}.md" for a in ("ada", "bob", "council")}
    for lang in ("en", "de"):
        assert {p.path for p in explainer.pages(lang)} == expected
    in_nav = {p.path for p in explainer.pages("en") if p.in_nav}
    assert in_nav == {"timeline.md", "figures.md", "glossary.md", "actors/index.md", "changes.md"}


def test_event_page_links_participants_terms_related_and_neighbours(tmp_path: Path) -> None:
    explainer = site(tmp_path)
    md = page(explainer, "en", "events/first-call.md")
    found = links(md)
    assert {("Ada Example", "../../actors/ada/"), ("Bob Sample", "../../actors/bob/")} <= found
    assert ("Budget", "../../glossary/#budget") in found
    # related is declared on council-meeting only, but shows on both pages
    assert ("Council meets", "../council-meeting/") in found
    assert ("Ada calls Bob", "../first-call/") in links(
        page(explainer, "en", "events/council-meeting.md")
    )
    # previous / next as the timeline lists them; the council meets some day in March,
    # which the data does not place before or after 2 March: said beside it, once
    assert "Previous: Bob speaks" in visible(md)
    assert "Next: Council meets (order unknown)" in visible(md)
    assert "Also in March" not in visible(md)
    assert ("Bob speaks", "../statement/") in found
    assert ("All events in the timeline", "../../timeline/#first-call") in found
    assert "“We agree.”" in visible(md)
    assert "„Wir sind uns einig.“" in visible(page(explainer, "de", "events/first-call.md"))


def test_a_statements_participants_are_those_who_issued_it(tmp_path: Path) -> None:
    """R17 read "Participant" over the issuer of a statement: a statement's heading says
    who issued it; a call's and a meeting's keep "Participants", counted; the anchor is
    the same for every type."""
    explainer = site(tmp_path)
    headings = {
        (lang, path): [
            (h.text_content().strip("¶ "), h.get("id"))
            for h in lxml.html.fromstring(f"<div>{page(explainer, lang, path)}</div>").iter("h2")
        ]
        for lang in ("en", "de")
        for path in ("events/statement.md", "events/first-call.md")
    }
    assert ("Who spoke", "participants") in headings["en", "events/statement.md"]
    assert ("Wer sich äußerte", "teilnehmer") in headings["de", "events/statement.md"]
    assert ("Participants", "participants") in headings["en", "events/first-call.md"]
    assert ("Teilnehmer", "teilnehmer") in headings["de", "events/first-call.md"]
    for (_, path), found in headings.items():
        if path == "events/statement.md":
            assert not any(text.startswith(("Participant", "Teilnehmer")) for text, _ in found)


def test_a_single_participant_is_headed_in_the_singular(tmp_path: Path) -> None:
    """R36/R37 read „Beteiligte“ over the one participant of a meeting as a plural: the
    heading is counted in each language's plural forms (German „Teilnehmer“ is both), and
    its anchor stays the plural's, whatever the count; R38–R41 rejected „Beteiligt“."""
    raw = minimal_data()
    raw["events"] = {
        "alone": event("Alone", "2026-01-12", type="meeting"),
        "pair": event("Pair", "2026-01-13", participants=["ada", "bob"]),
    }
    explainer = load(tmp_path, raw)
    for lang, one, other, anchor in (
        ("en", "Participant", "Participants", "participants"),
        ("de", "Teilnehmer", "Teilnehmer", "teilnehmer"),
    ):
        for path, heading in (("events/alone.md", one), ("events/pair.md", other)):
            root = lxml.html.fromstring(f"<div>{page(explainer, lang, path)}</div>")
            found = [(h.text_content().strip("¶ "), h.get("id")) for h in root.iter("h2")]
            assert (heading, anchor) in found, (lang, path, found)


def test_an_event_not_known_to_have_taken_place_has_expected_participants(
    tmp_path: Path,
) -> None:
    """R42/R43 read "Participants" / „Teilnehmer“ over an unconfirmed meeting against the
    actor pages' "Was due to take part": an event not known to have taken place heads its
    participants as expected or planned ones, under the same anchor as a held event's."""
    raw = minimal_data()
    raw["events"] = {
        status: event(status.title(), "2026-01-12", type="meeting", status=status)
        for status in ("held", "scheduled", "unconfirmed", "cancelled")
    }
    raw["events"]["held"]["participants"] = ["ada", "bob"]
    explainer = load(tmp_path, raw)
    expected = {
        "en": {
            "held": "Participants",
            "scheduled": "Expected participant",
            "unconfirmed": "Expected participant",
            "cancelled": "Planned participant",
        },
        "de": {
            "held": "Teilnehmer",
            "scheduled": "Vorgesehener Teilnehmer",
            "unconfirmed": "Vorgesehener Teilnehmer",
            "cancelled": "Vorgesehener Teilnehmer",
        },
    }
    anchors = {"en": "participants", "de": "teilnehmer"}
    for lang, headings in expected.items():
        for status, heading in headings.items():
            md = page(explainer, lang, f"events/{status}.md")
            root = lxml.html.fromstring(f"<div>{md}</div>")
            found = [(h.text_content().strip("¶ "), h.get("id")) for h in root.iter("h2")]
            assert (heading, anchors[lang]) in found, (lang, status, found)


def test_a_meeting_of_groups_alone_heads_its_list_by_their_kind(tmp_path: Path) -> None:
    """R44/R45 read "Expected participant: Bilateral Security Implementation Group" as if
    a body took part in its own meeting: where every participant is a group, the list is
    headed by the kind's own word ("Group" / „Gremium“, counted), whatever the status,
    under the participants' anchor; a meeting with a person among them keeps its heading."""
    raw = minimal_data()
    raw["actors"]["panel"] = {"name": {"en": "Panel", "de": "Panel"}, "kind": "group"}
    raw["actors"]["board"] = {"name": {"en": "Board", "de": "Beirat"}, "kind": "group"}
    raw["events"] = {
        "one": event("One", "2026-01-12", type="meeting", participants=["panel"]),
        "later": event(
            "Later", "2026-03-12", type="meeting", status="scheduled", participants=["panel"]
        ),
        "both": event("Both", "2026-01-13", type="meeting", participants=["panel", "board"]),
        "mixed": event("Mixed", "2026-01-14", type="meeting", participants=["panel", "ada"]),
    }
    explainer = load(tmp_path, raw)
    expected = {
        "en": {"one": "Group", "later": "Group", "both": "Groups", "mixed": "Participants"},
        "de": {"one": "Gremium", "later": "Gremium", "both": "Gremien", "mixed": "Teilnehmer"},
    }
    anchors = {"en": "participants", "de": "teilnehmer"}
    for lang, headings in expected.items():
        for key, heading in headings.items():
            root = lxml.html.fromstring(f"<div>{page(explainer, lang, f'events/{key}.md')}</div>")
            found = [(h.text_content().strip("¶ "), h.get("id")) for h in root.iter("h2")]
            assert (heading, anchors[lang]) in found, (lang, key, found)


def test_the_timeline_filter_names_the_plain_types_even_where_the_data_names_events(
    tmp_path: Path,
) -> None:
    """R44/R45 read "Statements (press conference, social media post)" / „Erklärungen
    (auch Pressekonferenz, …)“ as telegraphic: the filter buttons are the plain plural type
    words, whatever names (`type_name`) the data gives the type's events; the picture's
    legend is where those names are matched."""
    raw = minimal_data()
    press = {"en": "Press conference", "de": "Pressekonferenz"}
    raw["events"] = {
        "press": event("Press", "2026-01-12", type="statement", type_name=press),
        "post": event(
            "Post",
            "2026-01-14",
            type="statement",
            type_name={"en": "Social media post", "de": "Beitrag in sozialen Medien"},
        ),
        "call": event("Call", "2026-01-15"),
    }
    explainer = load(tmp_path, raw)
    expected = {
        "en": ["Phone calls", "Public statements", "Meetings"],
        "de": ["Telefonate", "Erklärungen", "Treffen"],
    }
    for lang, labels in expected.items():
        root = lxml.html.fromstring(f"<div>{page(explainer, lang, 'timeline.md')}</div>")
        found = [label.text_content() for label in root.cssselect(".explainer-filter label")]
        assert found[1:] == labels, found


def test_related_events_have_their_own_heading_not_the_glossarys_see_also(
    tmp_path: Path,
) -> None:
    """R26/R27: „Siehe auch“ headed an event's related events as well as the glossary's
    and the actors' cross-references; the related events are headed as what they are, in
    every language, with an anchor of their own."""
    explainer = site(tmp_path)
    expected = {
        "en": ("Related event", "related-events"),
        # R34/R37 read „Zusammenhängende(s) Ereignis(se)“ as clumsy, R40/R41 „Weiteres
        # Ereignis dazu“ as colloquial
        "de": ("Mehr zum Thema", "mehr-zum-thema"),
    }
    for lang, heading in expected.items():
        md = page(explainer, lang, "events/first-call.md")
        found = [
            (h.text_content().strip("¶ "), h.get("id"))
            for h in lxml.html.fromstring(f"<div>{md}</div>").iter("h2")
        ]
        assert heading in found
        assert not any(text.startswith(("Siehe auch", "Zusammenhängend")) for text, _ in found)


def test_a_month_only_event_says_so_and_its_neighbours_are_the_timelines(
    tmp_path: Path,
) -> None:
    text = minimal_yaml().replace("date: 2026-02-28", "date: 2026-03-31")  # Bob speaks
    explainer = site(tmp_path, text)
    for lang, said in (
        ("en", "The exact date is not known. The timeline lists this event under March\u00a02026"),
        ("de", "Das genaue Datum ist nicht bekannt. Die Chronik ordnet das Ereignis dem März"),
    ):
        md = page(explainer, lang, "events/council-meeting.md")
        assert said in visible(md)
        # the timeline lists it last, after Bob's statement of 31 March
        assert "Next:" not in visible(md) and "Danach:" not in visible(md)
        # the neighbour's bracket says that the order is unknown, not its date (R12 read
        # "date within the month unknown" as if Bob's date were unknown; R14 read a bare
        # "Previous:" as saying the post came after the speech of its month)
        previous = {
            "en": "Previous: Bob speaks (order unknown)",
            "de": "Davor: Bob spricht (Reihenfolge unklar)",
        }[lang]
        assert previous in visible(md)
        assert "(date within the month unknown)" not in visible(md)
        # and Bob's page says the same of the same link, in the same words (R32/R33)
        statement = page(explainer, lang, "events/statement.md")
        next_ = {
            "en": "Next: Council meets (order unknown)",
            "de": "Danach: Der Stadtrat tagt (Reihenfolge unklar)",
        }[lang]
        assert next_ in visible(statement)
        # the timeline says the same at the entry, listed below the events it may precede
        # (R26/R27: "some of" the events, and the German sentence with its noun)
        note = {
            "en": "may have come before some of the events listed above it.",
            "de": "kann also auch vor einigen der darüber aufgeführten Ereignisse liegen.",
        }[lang]
        entries = lxml.html.fromstring(f"<div>{page(explainer, lang, 'timeline.md')}</div>")
        noted = [
            entry.get("data-type")
            for entry in entries.cssselect(".explainer-event")
            if note in visible(lxml.html.tostring(entry, encoding="unicode"))
        ]
        assert noted == ["meeting"]  # the council's, only
        month = "march-2026" if lang == "en" else "marz-2026"
        assert f'href="../../timeline/#{month}"' in md
        timeline = page(explainer, lang, "timeline.md")
        assert f'<h2 id="{month}">' in timeline  # the link finds its month
    # the dated events of March name it as of their month; the last one as its next too
    md = page(explainer, "en", "events/statement.md")
    assert "Previous: Ada calls Bob" in visible(md)
    assert "Next: Council meets (order unknown)" in visible(md)
    # an earlier event of the month names it as of its month: it is not its neighbour
    german = page(explainer, "de", "events/first-call.md")
    assert "Ebenfalls im März\u00a02026, genaues Datum unbekannt: Der Stadtrat tagt" in visible(
        german
    )


def test_neighbours_whose_order_is_unknown_say_why(tmp_path: Path) -> None:
    """R11: a bare "(order not known)" beside previous or next was cryptic: two events of
    one day say so; beside a neighbour known only by its month, "order unknown" as its own
    page says of the same link (R32/R33 read "date within the month unknown" on one page
    and "order unknown" on the other as two things)."""
    text = minimal_yaml().replace("date: 2026-02-28", "date: 2026-03-02")  # Bob speaks
    explainer = site(tmp_path, text)
    said = {
        "en": ("Next: Bob speaks (same day; order unknown)", "Council meets (order unknown)"),
        "de": (
            "Danach: Bob spricht (am selben Tag; Reihenfolge unklar)",
            "Der Stadtrat tagt (Reihenfolge unklar)",
        ),
    }
    for lang, (same_day, month) in said.items():
        text = visible(page(explainer, lang, "events/first-call.md"))
        assert same_day in text, lang
        assert "order not known" not in text and "nicht bekannt)" not in text
        assert month in visible(page(explainer, lang, "events/statement.md")), lang


def test_a_month_only_event_placed_before_a_dated_one_says_why_not_that_it_is_dated(
    tmp_path: Path,
) -> None:
    """R11: "The sources place this event earlier than the meeting of January 23, 2026"
    overstated: neither report dates the embassy's post; they speak of the meeting as
    still to come and of the post as published. The note says that."""
    data = minimal_data()
    data["events"]["council-meeting"]["before"] = "first-call"
    data["events"]["first-call"]["name"] = {"en": "Ada’s call to Bob", "de": "Adas Anruf bei Bob"}
    explainer = load(tmp_path, data)
    said = {
        # R12: „Die Berichte sprechen von diesem Ereignis als bereits geschehen“ was no German;
        # R13: "had already happened while the call of … was still to come" was clumsy, and
        # "the call of" named the event by its type; R15: its headline after a colon read
        # as pasted in: its short name, mid-sentence, in the nominative; R44: "speak of this
        # event as past" was unidiomatic
        "en": "The exact date is not known. The reports refer to this event in the past "
        "tense and to Ada’s call to Bob (March\u00a02,\u00a02026) as still to come. The timeline "
        "therefore lists this event just before that one, under March\u00a02026.",
        "de": "Das genaue Datum ist nicht bekannt. In den Berichten liegt dieses Ereignis "
        "bereits zurück, Adas Anruf bei Bob (2.\u00a0März\u00a02026) steht dagegen noch "
        "bevor. Die Chronik ordnet dieses Ereignis daher dem März\u00a02026 zu und führt es "
        "unmittelbar vor dem anderen auf.",
    }
    for lang, sentence in said.items():
        html = page(explainer, lang, "events/council-meeting.md")
        text = visible(html)
        assert sentence in text, lang
        assert "earlier than" not in text and "früher ein" not in text
        assert "already" not in text and "bereits geschehen" not in text
        # the headline is the link to the event
        assert 'href="../first-call/"' in html


def test_a_month_only_event_says_it_follows_dated_events_only_where_its_month_has_some(
    tmp_path: Path,
) -> None:
    explainer = site(tmp_path)  # the council meets some day in March, after 2 March's call
    after = ", after the events whose date is known."
    assert after in visible(page(explainer, "en", "events/council-meeting.md"))
    alone = minimal_yaml().replace('date: "2026-03"', 'date: "2026-05"')  # May has no other
    explainer = site(tmp_path, alone)
    md = visible(page(explainer, "en", "events/council-meeting.md"))
    assert "The timeline lists this event under May\u00a02026." in md and after not in md
    german = visible(page(explainer, "de", "events/council-meeting.md"))
    assert "ordnet das Ereignis dem Mai\u00a02026 zu." in german
    assert "genau datierten" not in german
    # the call of 2 March names the May meeting as its next, and the meeting names the call
    assert "Previous: Ada calls Bob" in md
    assert "Next: Council meets" in visible(page(explainer, "en", "events/first-call.md"))


def test_a_months_anchor_steps_aside_for_an_event_of_that_name(tmp_path: Path) -> None:
    text = minimal_yaml().replace("date: 2026-02-28", "date: 2026-03-31")
    text = text.replace("  statement:\n", "  march-2026:\n")  # an event named like the month
    explainer = site(tmp_path, text)
    md = page(explainer, "en", "events/council-meeting.md")
    assert 'href="../../timeline/#march-2026_1"' in md
    timeline = page(explainer, "en", "timeline.md")
    assert '<h2 id="march-2026_1">' in timeline  # the link still finds its month
    assert 'id="march-2026"' in timeline  # the event keeps its own id


def test_actors_list_names_the_country_unless_the_role_does(tmp_path: Path) -> None:
    def listed(explainer: Explainer, lang: str) -> list[str]:
        return [
            visible(lxml.html.tostring(li, encoding="unicode"))
            for li in lxml.html.fromstring(page(explainer, lang, "actors/index.md")).iter("li")
        ]

    plain = site(tmp_path)
    # a no-break space before the dash: no line starts with it
    assert "Ada Example\u00a0— Mayor of Exampleton (Germany)" in listed(plain, "en")
    assert "Bob Sample\u00a0— United States" in listed(plain, "en")  # no role: the country alone
    assert "Ada Example\u00a0– Bürgermeisterin von Exampleton (Deutschland)" in listed(plain, "de")
    text = minimal_yaml().replace(
        'role: {en: "Mayor of Exampleton", de: "Bürgermeisterin von Exampleton"}',
        'role: {en: "German mayor", de: "Bürgermeisterin in Deutschland"}',
    )
    named = site(tmp_path, text)
    assert "Ada Example\u00a0— German mayor" in listed(named, "en")
    assert "Ada Example\u00a0– Bürgermeisterin in Deutschland" in listed(named, "de")


def test_event_page_shows_month_only_date_time_place_status_and_sources(tmp_path: Path) -> None:
    md = page(site(tmp_path), "de", "events/council-meeting.md")
    text = visible(md)
    assert "Datum: März\u00a02026" in text and "Ort: Rathaus" in text
    # the status in words that stay true after the date: "scheduled for", not "will meet"
    assert "Status: Für März\u00a02026 angesetzt" in text
    assert "Uhrzeit: 10:00" in text
    assert ("Minutes", "https://example.org/minutes") in links(md)
    assert "Minutes, Stadt, 1.\u00a0März\u00a02026" in text


def test_body_markdown_is_rendered_inside_the_page(tmp_path: Path) -> None:
    out = page(site(tmp_path), "en", "events/statement.md")
    assert "Bob <em>said</em> things." in out and "<p>More things.</p>" in out


def test_actor_page_lists_every_way_of_taking_part(tmp_path: Path) -> None:
    explainer = site(tmp_path)
    md = page(explainer, "en", "actors/ada.md")
    # her part in sentences, as a newspaper's who's who: what a participant did, by the
    # event's type, then that she is quoted and how many figures she cited (R14 read "took
    # part in the call, was quoted, and gave a figure" as a database's list)
    assert "Took part in the call; was quoted directly and cited a figure." in md
    assert "Nahm am Telefonat teil; wurde wörtlich zitiert und nannte eine Zahl." in page(
        explainer, "de", "actors/ada.md"
    )
    # the council is its own meeting, still scheduled: it is due to meet, not to take part
    assert "Due to meet." in page(explainer, "en", "actors/council.md")
    assert "Soll zusammenkommen." in page(explainer, "de", "actors/council.md")
    assert ("City council", "../council/") in links(md)  # member_of
    council = page(explainer, "de", "actors/council.md")
    assert ("Ada Example", "../ada/") in links(council)  # members, the other way

    # in a sentence, with the role that says how she belongs (a minister heads his
    # ministry: "Part of" was wrong for him, and so was "Member", the R9 review found; R13
    # read "Affiliated actor" as a calque, R14 a heading "Person" as a database's label)
    def headings(html: str) -> list[str]:
        return [h.text for h in lxml.html.fromstring(f"<div>{html}</div>").iter("h2")]

    assert "Siehe auch: Ada Example, Bürgermeisterin von Exampleton." in visible(council)
    assert "Person" not in headings(council) and "Mitglied" not in council
    english = page(explainer, "en", "actors/council.md")
    assert "See also: Ada Example, " in visible(english) and "Person" not in headings(english)
    # what she belongs to, labeled by its kind: "Affiliation" read as a form's (R24/R25)
    assert "Institution: City council" in visible(page(explainer, "en", "actors/ada.md"))
    assert "Affiliation" not in page(explainer, "en", "actors/ada.md")
    # the kind is no fact of its own ("Type: Person"): the role says what she is
    assert "Type" not in visible(page(explainer, "en", "actors/ada.md"))
    assert "Deutschland" in council


def test_the_timeline_names_the_feed_the_calendar_and_the_data_in_its_language(
    tmp_path: Path,
) -> None:
    """A reader finds where to follow the story without reading the page's <head>."""
    explainer = site(tmp_path)
    assert {
        ("Atom feed", "../feed.xml"),
        ("iCalendar file", "../events.ics"),
        ("JSON file", "../events.json"),
    } <= links(page(explainer, "en", "timeline.md"))
    german = page(explainer, "de", "timeline.md")
    assert {("Atom-Feed", "../feed.xml"), ("JSON-Datei", "../events.json")} <= links(german)
    assert (
        "in einen Kalender übernehmen (iCalendar-Datei; nur Ereignisse mit genauem Datum)"
        in visible(german)
    )


def test_timeline_is_oldest_first_and_month_only_dates_come_after_their_month(
    tmp_path: Path,
) -> None:
    text = minimal_yaml().replace('date: "2026-03"', 'date: "2026-02"')
    md = page(site(tmp_path, text), "en", "timeline.md")
    positions = [
        md.index(f'href="../events/{e}/"') for e in ("statement", "council-meeting", "first-call")
    ]
    assert positions == sorted(positions)
    assert md.index('<h2 id="february-2026">February\u00a02026') < md.index('<h2 id="march-2026">')


def table_rows(content: str) -> list[list[str]]:
    root = lxml.html.fromstring(f"<div>{content}</div>")
    return [[c.text_content() for c in row.iter("th", "td")] for row in root.iter("tr")]


#: a date as the pages write it: never broken across lines
MARCH_2 = "2.\u00a0März\u00a02026"


def test_figures_are_attributed(tmp_path: Path) -> None:
    md = page(site(tmp_path), "de", "figures.md")
    # both figures are of one call: the event is said once, before the table
    assert table_rows(md) == [
        ["Zahl", "Was die Zahl angibt", "Genannt von"],
        ["12,5\u00a0%", "Haushaltswachstum", "Ada Example"],
        ["etwa 1.500\u00a0Tonnen", "Getreide", "Bob Sample"],
    ]
    assert f"Alle diese Zahlen stammen aus demselben Ereignis: „Ada ruft Bob an“ ({MARCH_2})." in (
        visible(md)
    )
    assert {
        ("Ada Example", "../actors/ada/"),
        ("„Ada ruft Bob an“", "../events/first-call/"),
    } <= links(md)
    event = page(site(tmp_path), "de", "events/first-call.md")
    # the label first, as a sentence runs (R20 read a capital after the dash)
    assert "Haushaltswachstum: 12,5\u00a0% laut Ada Example" in visible(event)
    english = site(tmp_path)
    assert table_rows(page(english, "en", "figures.md"))[0] == [
        "Figure",
        "What it refers to",
        "Cited by",
    ]
    shown = visible(page(english, "en", "events/first-call.md"))
    # "according to", not "claimed by": the same neutral attribution as the German "laut"
    assert "Budget growth: 12.5% according to Ada Example" in shown
    assert "claimed" not in shown


def test_glossary_sorted_with_anchors_see_also_and_appears_in(tmp_path: Path) -> None:
    from explainer.site import PageRef

    explainer = site(tmp_path)
    md = page(explainer, "de", "glossary.md")
    root = lxml.html.fromstring(f"<div>{md}</div>")
    # each heading's text, then the permalink the site's toc extension adds
    assert [(h.get("id"), h.text, h[0].get("href")) for h in root.iter("h2")] == [
        ("budget", "Haushalt", "#budget"),
        ("tax", "Steuer", "#tax"),
    ]
    assert ("Steuer", "#tax") in links(md)
    assert "Siehe auch: Steuer" in visible(md)
    # "appears in": the events naming a term in `terms:`, then pages mentioning it
    refs = [
        PageRef("events/first-call.md", "Ada ruft Bob an", "../events/first-call/"),
        PageRef("about.md", "Über uns", "../about/", ("tax",)),
        PageRef("events/statement.md", "Bob spricht", "../events/statement/", ("tax",)),
    ]
    filled = explainer.fill_appears_in("de", md, refs)
    assert ("Ada ruft Bob an", "../events/first-call/") in links(filled)
    assert "Kommt vor in: Ada ruft Bob an" in visible(filled)
    assert "Kommt vor in: Bob spricht; Über uns" in visible(filled)


def test_blocks_in_hand_written_pages(tmp_path: Path) -> None:
    explainer = site(tmp_path)
    md = explainer.expand_blocks(
        "en",
        "# Home\n\n<!-- explainer:key-figures -->\n\n<!-- explainer:upcoming -->\n",
        "index.md",
        "docs/en/index.md",
    )
    assert ["12.5%", "Budget growth", "Ada Example"] in table_rows(html(md))
    assert ("“Ada calls Bob”", "events/first-call/") in links(html(md))
    assert ("Council meets", "events/council-meeting/") in links(html(md))
    # the one planned event's type left out, as a list of one type does
    shown = "Council meets\u00a0— March\u00a02026\u00a0· scheduled The council votes."
    assert shown in visible(html(md))
    with pytest.raises(
        BlockError, match=r"docs/en/index.md:3:1: unknown block `explainer:key-figure`"
    ):
        explainer.expand_blocks(
            "en", "# Home\n\n<!-- explainer:key-figure -->\n", "index.md", "docs/en/index.md"
        )


def test_a_language_babel_does_not_know_is_a_config_error(tmp_path: Path) -> None:
    from explainer.site import ConfigError

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "events.yaml").write_text(minimal_yaml(), encoding="utf-8")
    config = SiteConfig.from_settings(tmp_path, ("en", "qq"), tmp_path / "docs", None)
    with pytest.raises(ConfigError, match="`qq` is not a locale Babel knows"):
        Explainer.load(config)


# --- time, honestly: words that stay true whenever they are read ---------------------------


def test_an_actor_page_says_took_part_only_of_events_that_took_place(tmp_path: Path) -> None:
    explainer = statuses_story(tmp_path)
    # the status a word of the label after the type, in lower case: "Meeting · scheduled"
    items = {
        "en": [
            "Held talks\u00a0— Jan.\u00a012,\u00a02026\u00a0· Phone call Took part in the call.",
            "Open talks\u00a0— Jan.\u00a023,\u00a02026\u00a0· Meeting\u00a0· unconfirmed "
            "Was due to take part.",
            "Called-off talks\u00a0— February\u00a02026\u00a0· Phone call\u00a0· canceled "
            "Was due to take part.",
            "Planned talks\u00a0— May\u00a04,\u00a02026\u00a0· Phone call\u00a0· scheduled "
            "Due to take part.",
        ],
        "de": [
            "Held talks (de)\u00a0– 12.\u00a0Januar\u00a02026\u00a0· Telefonat Nahm am Telefonat "
            "teil.",
            "Open talks (de)\u00a0– 23.\u00a0Januar\u00a02026\u00a0· Treffen\u00a0· "
            "unbestätigt Sollte teilnehmen.",
            "Called-off talks (de)\u00a0– Februar\u00a02026\u00a0· Telefonat\u00a0· abgesagt "
            "Sollte teilnehmen.",
            "Planned talks (de)\u00a0– 4.\u00a0Mai\u00a02026\u00a0· Telefonat\u00a0· angesetzt "
            "Soll teilnehmen.",
        ],
    }
    for lang, expected in items.items():
        root = lxml.html.fromstring(f"<div>{page(explainer, lang, 'actors/ada.md')}</div>")
        assert [visible(lxml.html.tostring(li, encoding="unicode")) for li in root.iter("li")][
            -4:
        ] == expected


def test_a_list_gives_an_unconfirmed_event_its_status_word_its_own_page_the_clause(
    tmp_path: Path,
) -> None:
    # R28/R29 read "the reports do not say whether it took place" five times on one page,
    # once for each of the picture's items: among others, the status word says it; the
    # event's page, where the reader meets the status explained, says it in full
    explainer = statuses_story(tmp_path)
    said = {
        "en": (
            "Open talks (scheduled for Jan.\u00a023,\u00a02026; unconfirmed)",
            "the sources do not say whether it took place",
        ),
        "de": (
            "Open talks (de) (für den 23.\u00a0Januar\u00a02026 angesetzt; unbestätigt)",
            "ob es stattfand, geht aus den Quellen nicht hervor",
        ),
    }
    for lang, (short, full) in said.items():
        timeline = lxml.html.fromstring(f"<div>{page(explainer, lang, 'timeline.md')}</div>")
        items = {t.text_content() for t in timeline.iter("title")}
        assert short in items, (lang, items)
        assert full not in timeline.text_content(), lang
        assert full in visible(page(explainer, lang, "events/open.md")), lang


#: an institution of the stories below that no event lists as a participant
CENTRAL_OFFICE = {"name": {"en": "Central Office", "de": "Zentralamt"}, "kind": "institution"}


def test_an_unconfirmed_event_says_in_words_that_its_date_has_passed_unconfirmed(
    tmp_path: Path,
) -> None:
    explainer = statuses_story(tmp_path)
    said = {
        # no source says whether it took place: "has not been confirmed" read, under
        # "Updated …", as if nobody had checked (R20)
        # led by the label's word, so label and facts agree (R24/R25)
        "en": "Status: Unconfirmed\u00a0— scheduled for Jan.\u00a023,\u00a02026; the "
        "sources do not say whether it took place",
        "de": "Status: Unbestätigt\u00a0– für den 23.\u00a0Januar\u00a02026 angesetzt; ob es "
        "stattfand, geht aus den Quellen nicht hervor",
    }
    for lang, words in said.items():
        assert words in visible(page(explainer, lang, "events/open.md")), lang
    # a month: "für Februar", not "für den Februar"; "canceled" said once, first
    off = visible(page(explainer, "de", "events/off.md"))
    assert "Status: Abgesagt\u00a0– für Februar\u00a02026 angesetzt" in off
    assert "abgesagt" not in off.split("Status: Abgesagt", 1)[1]
    assert "Status: Canceled\u00a0— scheduled for February\u00a02026" in visible(
        page(explainer, "en", "events/off.md")
    )
    assert "Status: Scheduled for May\u00a04,\u00a02026" in visible(
        page(explainer, "en", "events/planned.md")
    )
    # one that took place shows no status: its date says it (R11: "Status: Took place"
    # read as bureaucratic in every wording)
    assert "Status" not in visible(page(explainer, "en", "events/held.md"))
    assert "Status" not in visible(page(explainer, "de", "events/held.md"))
    timeline = page(explainer, "en", "timeline.md")
    root = lxml.html.fromstring(f"<div>{timeline}</div>")
    [badge] = root.cssselect(".explainer-status--unconfirmed")
    assert badge.text_content() == "unconfirmed"  # after the type


def mentioned_story(tmp_path: Path) -> Explainer:
    """Ada takes part in both events; the texts name Bob, the Central Office (by an alias
    in German only, by a link to its page, in a definition) and never the Archive."""
    data = minimal_data()
    data["actors"]["office"] = {**CENTRAL_OFFICE, "aliases": {"de": ["Zentralamts"]}}
    data["actors"]["archive"] = {"name": "Archive", "kind": "institution"}
    data["actors"]["council"]["description"] = {
        "en": "Works with [the office](../actors/office.md).",
        "de": "Arbeitet mit [dem Amt](../actors/office.md).",
    }
    data["glossary"]["tax"]["definition"] = {
        "en": "Money the Central Office collects.",
        "de": "Geld, das das Zentralamt einzieht.",
    }
    data["events"] = {
        "talks": event(
            "Talks",
            "2026-01-12",
            summary={"en": "Ada met Bob Sample.", "de": "Ada traf Bob Sample."},
        ),
        "plan": event(
            "Plan",
            "2026-01-20",
            body={
                "en": "The plan came from elsewhere.",
                "de": "Der Plan kam aus dem Umfeld des Zentralamts.",
            },
        ),
    }
    return load(tmp_path, data)


def test_mentioned_elsewhere_is_headed_alike_over_one_page_or_several(tmp_path: Path) -> None:
    """R41 read "Mentioned on these pages" over a single page; "this page" would read as
    the page one is on: the heading holds for one page and for several."""
    data = minimal_data()
    data["events"]["statement"]["body"] = {
        "en": "Bob thanked Ada Example.",
        "de": "Bob dankte Ada Example.",
    }
    explainer = load(tmp_path, data)
    for lang, heading in (("en", "Mentioned elsewhere"), ("de", "An anderer Stelle erwähnt")):
        root = lxml.html.fromstring(f"<div>{page(explainer, lang, 'actors/ada.md')}</div>")
        assert len(root.cssselect("ul.explainer-mentioned-in > li")) == 1, lang
        assert heading in [h.text_content().strip("¶ ") for h in root.iter("h2")]
        assert "these pages" not in visible(str(lxml.html.tostring(root, encoding="unicode")))


def test_an_actor_only_mentioned_in_the_texts_links_where_it_is_mentioned(
    tmp_path: Path,
) -> None:
    explainer = mentioned_story(tmp_path)
    for lang, fact, heading in (
        (
            "en",
            # in the fact box, a label and its value: it names the event that mentions the
            # actor (R26/R27 read the bare "Not involved in any of the events described
            # here." as a database's fragment); R42, R44 and R46 read it as a sentence
            # under the box ("Took no part … but is mentioned in connection with …") as
            # subjectless
            # R55, R60, R63: lower case after the colon, no sentence following
            "Events: none; mentioned only in connection with “Plan”",
            "Mentioned elsewhere",
        ),
        (
            "de",
            # neither the actor's gender nor a case of the event's name: a headline in
            # quotation marks follows „mit“ as it is (R36/R37 read „der Name fällt“ as
            # colloquial and the colon as clumsy)
            "Ereignisse: keine; nur im Zusammenhang mit „Plan (de)“ erwähnt",
            "An anderer Stelle erwähnt",
        ),
    ):
        office = page(explainer, lang, "actors/office.md")
        root = lxml.html.fromstring(f"<div>{office}</div>")
        assert [h.text for h in root.iter("h2")] == [heading]
        facts = [visible(lxml.html.tostring(li, encoding="unicode")) for li in root.iter("li")]
        assert fact in [line.replace("\u00a0", " ") for line in facts]
        assert "Took no part" not in visible(office) and "War an keinem" not in visible(office)
        # the event (named in German only, inflected: an alias), the actor whose
        # description links its page, the term whose definition names it
        # as a sentence names it: its headline in quotation marks, for want of a name
        title = "“Plan”" if lang == "en" else "„Plan (de)“"
        council = "City council" if lang == "en" else "Stadtrat"
        term = "Tax" if lang == "en" else "Steuer"
        assert [a.get("href") for a in root.cssselect("ul.explainer-mentioned-in a")] == [
            "../../events/plan/",
            "../council/",
            "../../glossary/#tax",
        ]
        assert [a.text_content() for a in root.cssselect("ul.explainer-mentioned-in a")] == [
            title,
            council,
            term,
        ]
        # one line for each kind of page, a label and its value: R43/R46 read events and
        # actors in one list as a jumble; the terms in one line, "Glossary: …", not
        # an item each that reads as a second page of an actor's name (R18)
        items = [
            visible(lxml.html.tostring(li, encoding="unicode")).replace("\u00a0", " ")
            for li in root.cssselect("ul.explainer-mentioned-in li")
        ]
        assert (
            items
            == {
                "en": [
                    "Event: “Plan”",
                    "Who’s who: City council",
                    "Glossary: Tax",
                ],
                "de": [
                    "Ereignis: „Plan (de)“",
                    "Wer ist wer: Stadtrat",
                    "Glossar: Steuer",
                ],
            }[lang]
        )
        assert "No event in this story lists" not in visible(office)
    bob = page(explainer, "en", "actors/bob.md")
    assert ("“Talks”", "../../events/talks/") in links(bob)
    # an actor the texts never name says it takes part in nothing, and nothing more
    archive = visible(page(explainer, "en", "actors/archive.md"))
    assert "Events: None" in archive.replace("\u00a0", " ")
    assert "Events¶" not in archive and "mentioned in connection" not in archive


def test_an_actor_mentioned_by_several_events_names_each_where_it_says_so(
    tmp_path: Path,
) -> None:
    """The sentence of an actor in no event counts the events that mention it in the
    language's plural and names each, linked, as a sentence names an event (its short name,
    else its headline in quotation marks), in the timeline's order (R26/R27)."""
    raw = minimal_data()
    raw["actors"]["office"] = dict(CENTRAL_OFFICE)
    raw["events"] = {
        "review": event(
            "Review",
            "2026-02-03",
            summary={"en": "The Central Office reviewed it.", "de": "Das Zentralamt prüfte."},
        ),
        "plan": event(
            "Plan",
            "2026-01-20",
            summary={"en": "The Central Office drew up a plan.", "de": "Das Zentralamt plante."},
        ),
        "talks": event("Talks", "2026-01-12"),
    }
    raw["events"]["review"]["name"] = {"en": "the review", "de": "die Prüfung"}
    explainer = load(tmp_path, raw)
    said = {
        "en": "Events: none; mentioned only in connection with “Plan” and the review",
        # a name with its article stays in the nominative after the colon, where „mit“
        # would need „der Prüfung“
        "de": "Ereignisse: keine; nur im Zusammenhang mit "
        "diesen Ereignissen erwähnt: „Plan (de)“ und die Prüfung",
    }
    for lang, fact in said.items():
        office = page(explainer, lang, "actors/office.md")
        root = lxml.html.fromstring(f"<div>{office}</div>")
        [line] = [
            li
            for li in root.iter("li")
            if li.text_content().startswith(("Events: none", "Ereignisse: keine"))
        ]
        assert visible(lxml.html.tostring(line, encoding="unicode")).replace("\u00a0", " ") == fact
        assert [a.get("href") for a in line.iter("a")] == [
            "../../events/plan/",
            "../../events/review/",
        ]
    # without the article, the same names follow „mit“: no colon where none is needed
    raw["events"]["review"]["name"] = {"en": "the review", "de": "Prüfung des Zentralamts"}
    office = page(load(tmp_path, raw), "de", "actors/office.md")
    assert (
        "keine; nur im Zusammenhang mit „Plan (de)“ und Prüfung des Zentralamts erwähnt"
        in visible(office).replace("\u00a0", " ")
    )
    assert "diesen Ereignissen:" not in visible(office)
    # an actor that takes part in an event says nothing of the kind
    ada = visible(page(explainer, "en", "actors/ada.md"))
    assert "Events: None" not in ada.replace("\u00a0", " ")


def test_an_actors_own_events_are_not_repeated_as_mentions(tmp_path: Path) -> None:
    explainer = mentioned_story(tmp_path)
    ada = lxml.html.fromstring(f"<div>{page(explainer, 'en', 'actors/ada.md')}</div>")
    assert [h.text for h in ada.iter("h2")] == ["Events"]
    assert ada.cssselect("ul.explainer-mentioned-in") == []


def test_an_event_that_took_place_shows_no_status_fact(tmp_path: Path) -> None:
    """The R9 review: "Status: Took place" / „Hat stattgefunden“ on a statement; the R11
    review: "Status: Issued" / „Abgegeben“ bureaucratic too. A statement that was issued, a
    call or a meeting that took place has no status fact: its date says it; the JSON export
    keeps its status ("Issued" for a statement, never "Took place")."""
    data = minimal_data()
    data["events"] = {
        "said": event("A statement", "2026-01-12", type="statement"),
        "met": event("A meeting", "2026-01-13", type="meeting"),
    }
    explainer = load(tmp_path, data)
    for lang in ("en", "de"):
        for held in ("said", "met"):
            text = visible(page(explainer, lang, f"events/{held}.md"))
            assert "Status" not in text, (lang, held)
            assert "stattgefunden" not in text and "Took place" not in text


def test_the_timeline_says_reports_as_every_other_page_does(tmp_path: Path) -> None:
    """R12: the timeline's intro (and so the embed page's) said "the sources" / „die
    Quellen“ where every other page says "the reports" / „die Berichte“."""
    explainer = site(tmp_path, minimal_yaml())
    for lang, said in (
        ("en", "unless the reports place it before one of them"),
        ("de", "es sei denn, die Berichte ordnen es früher ein"),
    ):
        assert said in visible(page(explainer, lang, "timeline.md")), lang


def test_the_actors_page_is_called_whos_who_in_every_language(tmp_path: Path) -> None:
    """R14: "Actors" read as performers in English newspaper copy, „Akteure“ as jargon; the
    page keeps its address, actors/."""
    explainer = site(tmp_path)
    for lang, title in {"en": "Who’s who", "de": "Wer ist wer"}.items():
        [found] = [p for p in explainer.pages(lang) if p.path == "actors/index.md"]
        assert found.title == title and found.in_nav
        [h1] = lxml.html.fromstring(f"<div>{found.html}</div>").iter("h1")
        assert h1.text_content().startswith(title)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_actors_page_intro_names_only_the_kinds_it_lists(tmp_path: Path, lang: str) -> None:
    """R39 read "people, institutions, and groups" over one group: the intro says "people
    and organizations", or only the one it has."""

    def intro(data: dict[str, Any], folder: str) -> str:
        (tmp_path / folder).mkdir()
        html = page(load(tmp_path / folder, data), lang, "actors/index.md")
        return lxml.html.fromstring(html).cssselect("p")[0].text_content()

    data = minimal_data()  # Ada and Bob, people; the council, an institution
    assert (
        intro(data, "both")
        == {
            "en": "The people and organizations in the story.",
            "de": "Die Personen und Organisationen, um die es in diesem Überblick geht.",
        }[lang]
    )
    data["actors"]["council"]["kind"] = "person"
    assert (
        intro(data, "people")
        == {
            "en": "The people in the story.",
            "de": "Die Personen, um die es in diesem Überblick geht.",
        }[lang]
    )
    for actor in data["actors"].values():
        actor["kind"] = "group"
    assert (
        intro(data, "organizations")
        == {
            "en": "The organizations in the story.",
            "de": "Die Organisationen, um die es in diesem Überblick geht.",
        }[lang]
    )


ALL_LANGUAGES = ("en", "de", "fr", "es")


def empty_story_context(lang: str) -> RenderContext:
    """A page's context in `lang` of a story with nothing in it, every table loaded."""
    strings = load_strings(ALL_LANGUAGES)
    return RenderContext(
        Story(ALL_LANGUAGES, {}, {}, {}),
        lang,
        strings[lang],
        Localizer(lang, strings[lang]),
        SiteUrls(ALL_LANGUAGES),
    )


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Issued the statement."),
        # „Äußerte sich“ did not say what the ministry did, nor match the English (R28/R29);
        # „Gab die Erklärung ab“ named it by a third word beside the type's and the
        # event's name („Erklärung“, „die Mitteilung …“), R32; „Äußerung“ R37–R39
        ("de", "Veröffentlichte die Erklärung."),
        ("fr", "A fait la déclaration."),
        ("es", "Hizo la declaración."),
    ],
)
def test_the_issuer_of_a_statement_is_said_to_have_issued_it(lang: str, said: str) -> None:
    names = {language: "Ada" for language in ALL_LANGUAGES}
    ctx = empty_story_context(lang)
    event = Event("e", "statement", EventDate.parse("2026-01-15"), ("ada",), names, names)
    ministry = Actor("ada", names, "institution")
    line = involvement_line(ctx, event, {PARTICIPANT}, ministry)
    assert line == said
    # the thing issued is called by the type's own word, shown just above the line
    # ("Public statement", „Erklärung“), not by a word of its own
    assert line.rstrip(".").split()[-1].lower() in ctx.t("type.statement").lower()


@pytest.mark.parametrize(
    ("lang", "three", "two"),
    [
        # AP: no serial comma before the last item of a simple series
        ("en", "cartels, fentanyl and arms", "cartels and fentanyl"),
        ("de", "cartels, fentanyl und arms", "cartels und fentanyl"),
    ],
)
def test_a_list_joins_its_last_item_as_the_language_does(lang: str, three: str, two: str) -> None:
    ctx = empty_story_context(lang)
    assert and_list(ctx, ["cartels", "fentanyl", "arms"]) == three
    assert and_list(ctx, ["cartels", "fentanyl"]) == two
    assert and_list(ctx, ["cartels"]) == "cartels"


@pytest.mark.parametrize("lang", ALL_LANGUAGES)
def test_every_part_an_actor_can_play_reads_as_one_sentence(lang: str) -> None:
    """R16 read "Made the statement. Quoted, citing four figures." as database output: the
    line under each event of an actor's page is one sentence, whatever the event's type
    and status, the actor's kind, and whether it took part, is quoted or cited figures."""
    strings = load_strings(ALL_LANGUAGES)
    names = {language: "Ada" for language in ALL_LANGUAGES}
    story = Story(ALL_LANGUAGES, {}, {}, {})
    ctx = RenderContext(
        story, lang, strings[lang], Localizer(lang, strings[lang]), SiteUrls(ALL_LANGUAGES)
    )
    semicolon = {"fr": "\u202f; "}.get(lang, "; ")
    seen = set()
    # an event the data names otherwise (`type_name`, "Press conference") is never called
    # "the statement" (R20)
    named = {language: "Press conference" for language in ALL_LANGUAGES}
    statement = strings[lang]("actor.way.participant.statement")
    for kind, type_name in [
        (k, n) for k in ("person", "institution", "group") for n in (None, named)
    ]:
        actor = Actor("ada", names, kind)
        for event_type in EVENT_TYPES:
            for status in STATUSES:
                for figures in (0, 1, 4):
                    event = Event(
                        "e",
                        event_type,
                        EventDate.parse("2026-01-23"),
                        ("ada",),
                        names,
                        names,
                        status=status,
                        type_name=type_name,
                        figures=tuple(
                            Figure("e", "ada", names, float(n), "") for n in range(figures)
                        ),
                    )
                    for took_part in (True, False):
                        for quoted in (True, False):
                            ways = {PARTICIPANT} if took_part else set()
                            ways |= {QUOTED} if quoted else set()
                            ways |= {CLAIMED_FIGURE} if figures else set()
                            if not ways:
                                continue
                            line = involvement_line(ctx, event, ways, actor)
                            seen.add(line)
                            # one sentence: a capital, one full stop at its end, at most one
                            # semicolon joining the part to what the page quotes
                            assert line[:1].isupper(), line
                            assert line.endswith(".") and line.count(".") == 1, line
                            # a press conference or a post: what the page quotes and cites
                            # is their part, no verb presumes speaking (R22/R23)
                            named_part = (
                                type_name is not None
                                and event_type == "statement"
                                and status == DEFAULT_STATUS
                            )
                            joined = took_part and (quoted or figures > 0) and not named_part
                            assert line.count(";") == (1 if joined else 0), line
                            if joined:
                                after = line.split(semicolon, 1)[1]
                                assert after[:1].islower(), line  # no capital mid-sentence
                            assert "{" not in line and "  " not in line, line
                            if type_name is not None:
                                assert statement not in line, line
                                assert not line.startswith(("Spoke", "Äußerte")), line
    # the combinations read differently: the figures' count and the quotation are said
    assert len(seen) > 20
