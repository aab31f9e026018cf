"""Feeds, calendars, JSON exports, <head> metadata, 404 and search, per language, read with
real parsers and checked against the data."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import feedparser
import icalendar
import lxml.html
import pytest
import yaml

from explainer.l10n import date_months
from explainer.outputs.atom import atom_feed
from explainer.strings import load_strings
from explainer.typography import keep_together
from tests.conftest import (
    FIXTURES,
    SITE_URL,
    in_theme,
    make_site,
    minimal_yaml,
    mkdocs_build,
)
from tests.stories import load, statuses_story

pytestmark = pytest.mark.build

LANGS = {"en": "", "de": "de/"}


def html(site: Path, url: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / url / "index.html")).getroot()


#: the statuses story's feed titles: its calendar's (`STATUS_TITLES`), with the date
FEED_TITLES = {
    "en": {
        "held": "Held talks (Jan. 12, 2026)",
        "planned": "Planned talks (scheduled for May 4, 2026)",
        "open": "Open talks (scheduled for Jan. 23, 2026; unconfirmed)",
        "off": "Called-off talks (scheduled for February 2026; canceled)",
    },
    "de": {
        "held": "Held talks (de) (12. Januar 2026)",
        "planned": "Planned talks (de) (für den 4. Mai 2026 angesetzt)",
        "open": "Open talks (de) (für den 23. Januar 2026 angesetzt; unbestätigt)",
        "off": "Called-off talks (de) (für Februar 2026 angesetzt; abgesagt)",
    },
}
#: the status words a calendar's and a feed's titles add, as readers see them
STATUS_WORDS = {
    "en": {"scheduled": "scheduled", "unconfirmed": "unconfirmed", "cancelled": "canceled"},
    "de": {"scheduled": "angesetzt", "unconfirmed": "unbestätigt", "cancelled": "abgesagt"},
}


def titled(event, lang: str) -> str:  # type: ignore[no-untyped-def]
    """An event's title in a list of titles: with its status word unless it took place."""
    if event.status == "held":
        return event.title[lang]
    return f"{event.title[lang]} ({STATUS_WORDS[lang][event.status]})"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_atom_feed(published_site: Path, seed_story, lang: str) -> None:  # type: ignore[no-untyped-def]
    story = seed_story.story
    feed = feedparser.parse((published_site / LANGS[lang] / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.language == lang
    assert len(feed.entries) == len(story.events)
    # the timeline's order reversed: the embassy's post, placed before the meeting of
    # January 23 (`before`), stands below it (the R9 review found it above)
    newest_first = list(reversed(story.chronological))
    # each entry titled with the event's date, and its status where it is not known to have
    # taken place, as the timeline picture's tooltip names it (R58/R59: a feed reader lists
    # the January call as an item of November, its publication)
    picture = html(published_site, f"{LANGS[lang]}timeline")
    tooltips = {
        a.get("href").rstrip("/").rsplit("/", 1)[1]: a.find("{*}title").text
        for a in picture.iter("{*}a")
        if "/events/" in (a.get("href") or "") and a.find("{*}title") is not None
    }
    assert [e.title for e in feed.entries] == [tooltips[e.id] for e in newest_first]
    for entry, event in zip(feed.entries, newest_first, strict=True):
        assert entry.title.startswith(event.title[lang] + " (")
        assert (titled(event, lang) == event.title[lang]) or (
            STATUS_WORDS[lang][event.status] in entry.title
        )
    for entry, event in zip(feed.entries, newest_first, strict=True):
        assert entry.link == f"{SITE_URL}{LANGS[lang]}events/{event.id}/"
        assert entry.id == entry.link
        # a status other than `held` in words before it, "corrected on ..." after it
        status = {"en": "Scheduled for ", "de": "Für "}[lang] if event.status != "held" else ""
        # the summary set as the pages set it: dates and amounts kept together, also where
        # the table writes its own month ("Jan. 23, 2026")
        months = date_months(load_strings((lang,))[lang])
        summary = keep_together(event.summary[lang], lang, months)
        assert entry.summary.startswith(status) and summary in entry.summary
        page = published_site / entry.link.removeprefix(SITE_URL) / "index.html"
        assert page.is_file()
        # the first publication from the git history; without history, the event's day
        published = datetime.date(*entry.published_parsed[:3])
        if event.published is not None:
            assert published == event.published.date()
        else:
            assert published == event.date.first_day


@pytest.mark.parametrize("lang", ["en", "de"])
def test_icalendar(published_site: Path, seed_story, lang: str) -> None:  # type: ignore[no-untyped-def]
    story = seed_story.story
    raw = (published_site / LANGS[lang] / "events.ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines are folded"
    calendar = icalendar.Calendar.from_ical(raw)
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    # the dated events: the embassy post and the ministerial meeting, known only by their
    # month, are not in it
    dated = [event for event in story.events.values() if event.date.day is not None]
    assert set(events) == {f"{event.id}@example.org" for event in dated}
    assert {"embassy-post", "ministerial-security-meeting"}.isdisjoint(e.id for e in dated)
    for event in dated:
        entry = events[f"{event.id}@example.org"]
        assert str(entry["summary"]) == titled(event, lang)
        assert entry["summary"].params["LANGUAGE"] == lang
        assert entry["description"].params["LANGUAGE"] == lang
        expected = {
            "held": "CONFIRMED",
            "scheduled": "TENTATIVE",
            "cancelled": "CANCELLED",
            "unconfirmed": "TENTATIVE",
        }
        assert str(entry["status"]) == expected[event.status]
        start, end = entry.decoded("dtstart"), entry.decoded("dtend")
        assert start == event.date.first_day
        assert end - start == datetime.timedelta(days=1)
        assert str(entry["url"]) == f"{SITE_URL}{LANGS[lang]}events/{event.id}/"


def test_calendar_uids_are_stable_and_times_carry_their_zone(tmp_path: Path) -> None:
    data = minimal_yaml().replace(
        "    date: 2026-03-02\n",
        "    date: 2026-03-02\n    time: '18:30'\n    timezone: Europe/Berlin\n",
    )
    config = make_site(tmp_path, data)
    builds = []
    for name in ("one", "two"):
        assert mkdocs_build(config, tmp_path / name).returncode == 0
        builds.append((tmp_path / name / "de" / "events.ics").read_bytes())
    assert builds[0] == builds[1]
    calendar = icalendar.Calendar.from_ical(builds[0])
    entries = {str(e["uid"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    assert entries["first-call"]["dtstart"].params["TZID"] == "Europe/Berlin"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    # the meeting has a time but only its month: no day to put it on, and not in the calendar
    assert set(entries) == {"first-call", "statement"}


#: statuses.yaml: one event of each status, and what the outputs must say for it. The
#: calendar: RFC 5545 section 3.8.1.11. JSON-LD: schema.org's EventStatusType has no
#: "tentative"; EventScheduled is the event taking place (or having taken place) as planned.
STATUSES = {
    "held-call": ("held", "CONFIRMED", "https://schema.org/EventScheduled"),
    "scheduled-meeting": ("scheduled", "TENTATIVE", "https://schema.org/EventScheduled"),
    "cancelled-visit": ("cancelled", "CANCELLED", "https://schema.org/EventCancelled"),
    # no word says "not known whether it took place": the page's text says it
    "unconfirmed-talks": ("unconfirmed", "TENTATIVE", "https://schema.org/EventScheduled"),
}


@pytest.fixture(scope="module")
def statuses_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("statuses")
    data = (FIXTURES / "statuses.yaml").read_text(encoding="utf-8")
    assert {e: s["status"] for e, s in yaml.safe_load(data)["events"].items()} == {
        event_id: status for event_id, (status, _, _) in STATUSES.items()
    }
    config = make_site(root, data, extra_settings=f"site_url: {SITE_URL}\n")
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_each_status_in_the_calendar_and_the_json_ld(statuses_site: Path, lang: str) -> None:
    calendar = icalendar.Calendar.from_ical(
        (statuses_site / LANGS[lang] / "events.ics").read_bytes()
    )
    statuses = {str(e["uid"]).split("@")[0]: str(e["status"]) for e in calendar.walk("VEVENT")}
    assert statuses == {event_id: ical for event_id, (_, ical, _) in STATUSES.items()}
    for event_id, (_, _, schema_org) in STATUSES.items():
        root = html(statuses_site, f"{LANGS[lang]}events/{event_id}")
        [script] = root.cssselect('script[type="application/ld+json"]')
        data = json.loads(script.text)
        assert data["inLanguage"] == lang
        assert data["eventStatus"] == schema_org, event_id
    export = json.loads((statuses_site / LANGS[lang] / "events.json").read_text(encoding="utf-8"))
    assert {e["id"]: e["status"] for e in export["events"]} == {
        event_id: status for event_id, (status, _, _) in STATUSES.items()
    }


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_unconfirmed_event_says_so_in_words_in_every_output(
    statuses_site: Path, lang: str
) -> None:
    said = {  # the date as the pages write it, with no-break spaces
        "en": "Scheduled for April\u00a02,\u00a02026; the sources do not say whether it took "
        "place.",
        "de": "Für den 2.\u00a0April\u00a02026 angesetzt; ob es stattfand, geht aus den "
        "Quellen nicht hervor.",
    }[lang]
    feed = feedparser.parse((statuses_site / LANGS[lang] / "feed.xml").read_bytes())
    [entry] = [e for e in feed.entries if e.link.endswith("/unconfirmed-talks/")]
    assert entry.summary.startswith(said + " ")
    calendar = icalendar.Calendar.from_ical(
        (statuses_site / LANGS[lang] / "events.ics").read_bytes()
    )
    [talks] = [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("unconfirmed-")]
    assert str(talks["description"]).startswith(said + "\n\n")
    export = json.loads((statuses_site / LANGS[lang] / "events.json").read_text(encoding="utf-8"))
    [exported] = [e for e in export["events"] if e["id"] == "unconfirmed-talks"]
    label = {
        "en": "Unconfirmed",
        "de": "Unbestätigt",
    }
    assert exported["status_label"] == label[lang]
    page = html(statuses_site, f"{LANGS[lang]}events/unconfirmed-talks")
    facts = " ".join(page.cssselect("article ul")[0].text_content().split())
    # on the page, led by the label's word, so that label and facts agree (R24/R25)
    lead = {"en": "Unconfirmed — ", "de": "Unbestätigt – "}[lang]
    line = lead + said[:1].lower() + said[1:].removesuffix(".")
    assert " ".join(line.split()) in facts


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_feed_entry_carries_its_events_quotes_and_figures(
    published_site: Path, seed_story, lang: str
) -> None:  # type: ignore[no-untyped-def]
    """A body may point to the quotes and figures ("see the full quote below"): in the
    feed, as on the page, they follow it, attributed by name."""
    feed = feedparser.parse((published_site / LANGS[lang] / "feed.xml").read_bytes())
    entries = {entry.link.rsplit("/", 2)[1]: entry for entry in feed.entries}
    with_quotes = [e for e in seed_story.story.events.values() if e.quotes or e.figures]
    assert with_quotes
    for event in with_quotes:
        content = entries[event.id].content[0].value
        root = lxml.html.fragment_fromstring(content, create_parent="div")
        quoted = [" ".join(b.text_content().split()) for b in root.cssselect("blockquote")]
        assert len(quoted) == len(event.quotes), event.id
        for quote, shown in zip(event.quotes, quoted, strict=True):
            assert " ".join(quote.text[lang].split()) in shown
            # attributed by name, then whose wording it is (this site's `quote.by`)
            by = seed_story.story.actors[quote.by].name[lang]
            report = {"en": "as quoted in the English-language report"}
            report["de"] = "zitiert nach dem deutschsprachigen Bericht"
            assert shown.endswith(f"{by}, {report[lang]}"), shown
        according = {"en": "according to", "de": "laut"}[lang]
        figures = [" ".join(li.text_content().split()) for li in root.cssselect("li")]
        assert [f.rsplit(according, 1)[1].strip() for f in figures] == [
            seed_story.story.actors[figure.by].name[lang] for figure in event.figures
        ]


def test_a_feed_entry_has_the_quote_its_body_points_to(tmp_path: Path) -> None:
    data = yaml.safe_load(minimal_yaml())
    statement = data["events"]["statement"]
    statement["body"] = {
        "en": "Bob spoke at length (see the full quote below).",
        "de": "Bob sprach lange (siehe das vollständige Zitat unten).",
    }
    statement["quotes"] = [{"by": "bob", "text": {"en": "Long words.", "de": "Lange Worte."}}]
    explainer = load(tmp_path, data)
    for lang, below, quote in (("en", "below", "“Long words.”"), ("de", "unten", "„Lange Worte.“")):
        feed = feedparser.parse(atom_feed(explainer.context(lang), explainer.urls, "Test"))
        [entry] = [e for e in feed.entries if e.link.endswith("events/statement/")]
        root = lxml.html.fragment_fromstring(entry.content[0].value, create_parent="div")
        text = " ".join(root.text_content().split())
        assert text.index(below) < text.index(quote)
        [said] = root.cssselect("blockquote")
        by = "–\u00a0Bob Sample" if lang == "de" else "—\u00a0Bob Sample"  # dash kept with it
        assert [p.text_content() for p in said.iter("p")] == [quote, by]


def test_a_feed_entry_not_known_to_have_taken_place_says_so_in_its_title(
    tmp_path: Path,
) -> None:
    """A feed reader lists entries by title, as a calendar does (R42/R43): the title of an
    event not known to have taken place carries its status word, as its calendar entry's
    does; and, since a reader shows the entry's publication date beside it, every title
    says when the event was (R58/R59)."""
    explainer = statuses_story(tmp_path)
    for lang, titles in FEED_TITLES.items():
        feed = feedparser.parse(atom_feed(explainer.context(lang), explainer.urls, "Test"))
        found = {
            e.link.rstrip("/").rsplit("/", 1)[1]: e.title.replace("\u00a0", " ")
            for e in feed.entries
        }
        assert found == titles


@pytest.mark.parametrize("lang", ["en", "de"])
def test_json_export(published_site: Path, seed_story, lang: str) -> None:  # type: ignore[no-untyped-def]
    story = seed_story.story
    data = json.loads((published_site / LANGS[lang] / "events.json").read_text(encoding="utf-8"))
    assert data["language"] == lang
    assert [e["id"] for e in data["events"]] == [e.id for e in story.chronological]
    assert {a["id"] for a in data["actors"]} == set(story.actors)
    assert {t["id"] for t in data["glossary"]} == set(story.glossary)
    press = next(e for e in data["events"] if e["id"] == "sheinbaum-press-conference")
    assert press["title"] == story.events["sheinbaum-press-conference"].title[lang]
    assert len(press["figures"]) == 4
    assert press["figures"][0]["by"]["name"] == "Claudia Sheinbaum"
    assert press["url"] == f"{SITE_URL}{LANGS[lang]}events/sheinbaum-press-conference/"
    # the number stays a number; its label for readers is set as the pages set it (a
    # negative one with the minus sign U+2212: tests/test_l10n.py)
    figures = {f["value"]: f["value_text"] for f in press["figures"]}
    assert figures[50] == ("50\u00a0%" if lang == "de" else "50%")
    assert figures[320] == (
        "fast 320\u00a0Tonnen" if lang == "de" else "nearly 320\u00a0metric\u00a0tons"
    )


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_page_links_its_languages_feed_and_calendar(published_site: Path, lang: str) -> None:
    pages = [p for p in published_site.rglob("index.html") if in_theme(published_site, p)]
    pages = [
        p
        for p in pages
        if p.relative_to(published_site).as_posix().startswith("de/") == (lang == "de")
    ]
    assert len(pages) > 20
    for page in pages:
        head = lxml.html.parse(str(page)).getroot().find("head")
        for kind, name in (("application/atom+xml", "feed.xml"), ("text/calendar", "events.ics")):
            [link] = head.cssselect(f'link[rel="alternate"][type="{kind}"]')
            target = (page.parent / link.get("href")).resolve()
            assert target == (published_site / LANGS[lang] / name).resolve(), page


def test_event_pages_have_json_ld_opengraph_and_description(
    published_site: Path, seed_story
) -> None:  # type: ignore[no-untyped-def]
    for event in seed_story.story.events.values():
        root = html(published_site, f"de/events/{event.id}")
        [script] = root.cssselect('script[type="application/ld+json"]')
        data = json.loads(script.text)
        assert data["@type"] == "Event" and data["name"] == event.title["de"]
        expected = "EventCancelled" if event.status == "cancelled" else "EventScheduled"
        assert data["eventStatus"] == f"https://schema.org/{expected}"
        assert data["startDate"] == event.date.iso
        assert data["url"] == f"{SITE_URL}de/events/{event.id}/"
        meta = {
            m.get("property") or m.get("name"): m.get("content") for m in root.cssselect("meta")
        }
        # set as the page is: no line break inside a date ("12. Januar")
        assert meta["description"] == keep_together(event.summary["de"], "de")
        assert meta["og:description"].replace("\u00a0", " ") == event.summary["de"]
        assert meta["og:title"] == event.title["de"]
        assert meta["og:locale"] == "de_DE"
        assert meta["og:url"] == f"{SITE_URL}de/events/{event.id}/"


def test_a_shared_home_page_is_titled_by_the_sites_name(published_site: Path) -> None:
    """The menu calls the home page "Home" / „Startseite“; a share preview of it (R68 read
    one titled "Home") and its card name the site, in its language, as its tab does."""
    for lang in ("en", "de"):
        root = html(published_site, LANGS[lang].rstrip("/") or ".")
        meta = {
            m.get("property") or m.get("name"): m.get("content") for m in root.cssselect("meta")
        }
        tab = root.findtext("head/title")
        assert meta["og:title"] == tab and tab not in ("Home", "Startseite"), lang
        assert meta["og:image:alt"].startswith(tab), lang
        menu = [a.text_content().strip() for a in root.cssselect("nav.md-nav--primary a")]
        assert {"en": "Home", "de": "Startseite"}[lang] in menu


def test_markup_in_the_data_cannot_escape_head_metadata(tmp_path: Path) -> None:
    data = yaml.safe_load(minimal_yaml())
    title = 'Bob </script><script>alert(1)</script> "quoted" & <b>bold</b>'
    data["events"]["statement"]["title"]["en"] = title
    data["events"]["statement"]["summary"]["en"] = 'Say "hi" onload="alert(1)" </script>'
    config = make_site(tmp_path, yaml.safe_dump(data, allow_unicode=True))
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    root = html(tmp_path / "site", "events/statement")
    [script] = root.cssselect('script[type="application/ld+json"]')
    assert json.loads(script.text)["name"] == title
    assert len(root.cssselect("script")) == len(
        html(tmp_path / "site", "events/first-call").cssselect("script")
    )
    meta = {m.get("property") or m.get("name"): m.get("content") for m in root.cssselect("meta")}
    assert meta["og:title"] == title
    assert meta["og:description"] == 'Say "hi" onload="alert(1)" </script>'
    assert not root.cssselect("[onload]")


def test_404_is_in_the_default_language_and_links_every_language(published_site: Path) -> None:
    """Every language's 404 page sends its readers home in a sentence of its language and
    names the other languages' homes as that sentence's language names them, in a plain
    sentence ("also available in German", R24/R25 read "in another language: German" as
    stilted; R15 read „… in einer anderen Sprache: English.“): the same on every page."""
    expected = {
        "": ("en", "This site is also available in German.", "de"),
        "de/": ("de", "Diese Website gibt es auch auf Englisch.", "en"),
    }
    # the link is the words "home page" alone, without the page's own language (R33 read
    # the whole sentence as a link, and "the English home page" on the English site)
    sends_home = {
        "": ("This page does not exist. Go to the home page.", "home page"),
        "de/": ("Diese Seite gibt es nicht. Hier geht es zur Startseite.", "Startseite"),
    }
    for folder, (language, others, other) in expected.items():
        root = lxml.html.parse(str(published_site / folder / "404.html")).getroot()
        assert root.get("lang") == language
        home, languages = root.cssselect("article p")
        [home_link] = home.cssselect("a")
        said = (" ".join(home.text_content().split()), home_link.text_content())
        assert said == sends_home[folder]
        assert home_link.get("href") == f"/explainer/{folder}"
        assert " ".join(languages.text_content().split()) == others
        [link] = languages.cssselect("a")
        # the name in the page's language: no `lang` of its own, the target's `hreflang`
        assert (link.get("lang"), link.get("hreflang")) == (None, other)
        assert link.get("href") == "/explainer/" + ("" if other == "en" else f"{other}/")


def test_one_search_index_per_language(published_site: Path) -> None:
    indexes = {
        lang: json.loads((published_site / prefix / "search" / "search_index.json").read_text())
        for lang, prefix in LANGS.items()
    }
    for lang, index in indexes.items():
        assert index["config"]["lang"] == [lang]
        assert index["docs"]
        assert not [d for d in index["docs"] if d["location"].startswith("de/")]
    titles = {lang: {d["title"] for d in index["docs"]} for lang, index in indexes.items()}
    assert "Glossar" in titles["de"] and "Glossar" not in titles["en"]
    assert "Glossary" in titles["en"] and "Glossary" not in titles["de"]
    # German pages load the German index: Material reads `<base>/search/search_index.json`
    config = json.loads(
        html(published_site, "de/events/embassy-post").cssselect("script#__config")[0].text
    )
    assert config["base"] == "../../../de/"
    config = json.loads(
        html(published_site, "events/embassy-post").cssselect("script#__config")[0].text
    )
    assert config["base"] == "../.."
