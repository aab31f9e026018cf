"""Glossary terms are linked on every page, once, in the reader's language; the glossary
says where each term appears; backlinks and the timeline lead the reader on."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from tests.conftest import FIXTURES, make_site, mkdocs_build

pytestmark = pytest.mark.build

ABOUT = {
    "en": "# About\n\n## Tariff policy\n\nA levy is money. Trouble with tariffs.\n\n"
    "```\ntariff in a code block\n```\n",
    "de": "# Über uns\n\n## Zollpolitik und Zoll\n\nEine Abgabe ist Geld. Ärger mit Zöllen.\n\n"
    "```\nZoll im Codeblock\n```\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("terms")
    config = make_site(root, (FIXTURES / "terms.yaml").read_text(encoding="utf-8"))
    for lang, text in ABOUT.items():
        (root / "docs" / lang / "about.md").write_text(text, encoding="utf-8")
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def article(site: Path, url: str) -> lxml.html.HtmlElement:
    root = lxml.html.parse(str(site / url / "index.html")).getroot()
    return root.cssselect("article")[0]


def term_links(element: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """(link text, term id) of every glossary term link, in page order."""
    return [
        (a.text_content(), a.get("href").rsplit("#", 1)[1])
        for a in element.cssselect("a.explainer-term")
    ]


def test_first_mention_linked_longest_form_first_and_not_inside_code_or_links(site: Path) -> None:
    links = term_links(article(site, "events/tariff-talks"))
    assert links == [
        ("tariffs", "tariff"),  # in the summary, the first mention
        ("tariff quota", "tariff-quota"),  # not "tariff" + "quota"
        ("Oil", "oil"),
        ("fentanyl", "fentanyl"),  # "fentanyl-seizures": a hyphen is a word boundary
    ]
    page = article(site, "events/tariff-talks")
    for code in page.cssselect("code"):
        assert not code.cssselect("a.explainer-term")
    for a in page.cssselect("a:not(.explainer-term)"):
        assert not a.cssselect("a.explainer-term")


def test_the_first_link_is_in_the_prose_never_in_the_facts_list(site: Path) -> None:
    # "Place: Tariff office" comes first on the page; the summary is the first prose
    for url, place, mention in (
        ("events/tariff-talks", "Tariff office", "tariffs"),
        ("de/events/tariff-talks", "Amt für Zölle", "Zölle"),
    ):
        page = article(site, url)
        [facts] = page.cssselect("ul[data-explainer-labels]")
        assert place in facts.text_content()
        assert not facts.cssselect("a.explainer-term")
        [summary] = page.cssselect("p > strong")
        assert term_links(summary) == [(mention, "tariff")]


def test_german_aliases_umlauts_compounds_and_word_boundaries(site: Path) -> None:
    links = term_links(article(site, "de/events/tariff-talks"))
    assert links == [
        ("Zölle", "tariff"),  # alias, case-insensitive
        ("Zollkontingent", "tariff-quota"),  # not "Zoll" inside it
        ("Öl", "oil"),  # not inside "Ölpreis"
        ("Fentanyl", "fentanyl"),  # "Fentanyl-Beschlagnahmungen"
    ]
    text = article(site, "de/events/tariff-talks").text_content()
    assert "Zollbeamten" in text and "Ölpreis" in text


def test_link_carries_the_short_definition_as_tooltip(site: Path) -> None:
    [link] = article(site, "de/events/tariff-talks").cssselect('a.explainer-term[href$="#tariff"]')
    assert link.get("title") == "Eine Abgabe auf eingeführte Waren."
    assert link.get("href") == "../../glossary/#tariff"


def test_hand_written_pages_are_linked_but_never_inside_headings_or_code(site: Path) -> None:
    page = article(site, "de/about")
    assert term_links(page) == [("Abgabe", "levy"), ("Ärger", "trouble"), ("Zöllen", "tariff")]
    for heading in page.cssselect("h1, h2, h3"):
        assert not heading.cssselect("a.explainer-term")
    assert term_links(article(site, "about")) == [
        ("levy", "levy"),
        ("Trouble", "trouble"),
        ("tariffs", "tariff"),
    ]


def test_glossary_in_german_alphabetical_order(site: Path) -> None:
    ids = [h.get("id") for h in article(site, "de/glossary").cssselect("h2")]
    assert ids == ["levy", "trouble", "embargo", "fentanyl", "oil", "tariff", "tariff-quota"]
    ids = [h.get("id") for h in article(site, "glossary").cssselect("h2")]
    assert ids == ["embargo", "fentanyl", "levy", "oil", "tariff", "tariff-quota", "trouble"]


def _entry(page: lxml.html.HtmlElement, term_id: str) -> list[lxml.html.HtmlElement]:
    """The elements of one glossary entry: from its heading to the next."""
    elements = []
    for element in page.cssselect(f"h2#{term_id}")[0].itersiblings():
        if element.tag == "h2":
            break
        elements.append(element)
    return elements


def test_glossary_entry_never_links_its_own_term_but_links_others(site: Path) -> None:
    page = article(site, "de/glossary")
    definition = _entry(page, "tariff-quota")[0]
    assert "Ein Zollkontingent ist" in definition.text_content()
    assert term_links(definition) == [("Zoll", "tariff")]
    assert term_links(_entry(page, "tariff")[0]) == [("Abgabe", "levy")]


def test_glossary_says_where_each_term_appears(site: Path) -> None:
    page = article(site, "de/glossary")

    def appears_in(term_id: str) -> list[tuple[str, str]]:
        [line] = [
            e for e in _entry(page, term_id) if "explainer-appears-in" in (e.get("class") or "")
        ]
        return [(a.text_content(), a.get("href")) for a in line.cssselect("a")]

    # named only in `terms:` of an event, never in a text
    assert appears_in("embargo") == [("Gespräch über Zölle", "../events/tariff-talks/")]
    # events first, in time order, then other pages
    assert appears_in("tariff") == [
        ("Gespräch über Zölle", "../events/tariff-talks/"),
        ("Chronik", "../timeline/"),
        ("Über uns", "../about/"),
    ]
    assert [t for t, _ in appears_in("oil")] == [
        "Gespräch über Zölle",
        "Erklärung zum Öl",
        "Chronik",
    ]
    see_also = [e for e in _entry(page, "tariff-quota") if "Siehe auch" in e.text_content()]
    assert see_also[0].cssselect('a[href="#tariff"]')


def test_explicit_terms_are_listed_on_the_event_page(site: Path) -> None:
    page = article(site, "events/tariff-talks")
    heading = page.cssselect("h2#terms")[0]  # one term: the heading in the singular
    assert heading.text_content().startswith("Term") and "Terms" not in heading.text_content()
    terms = heading.getnext()
    assert [(a.text_content(), a.get("href")) for a in terms.cssselect("a")] == [
        ("embargo", "../../glossary/#embargo")
    ]
    assert "embargo" not in (page.cssselect(".explainer-body")[0].text_content().lower())


def test_actor_pages_list_every_way_of_taking_part(site: Path) -> None:
    page = article(site, "de/actors/ministry")
    items = [
        re.sub(r"\s+", " ", li.text_content()) for li in page.cssselect("h2#ereignisse + ul > li")
    ]
    assert items == [
        "Gespräch über Zölle – 4. Mai 2026 · Telefonat Wurde wörtlich zitiert.",
        "Erklärung zum Öl – 10. Mai 2026 · Erklärung · abgesagt Sollte teilnehmen.",
        "Handelstreffen – Juni 2026 · Treffen · angesetzt Soll teilnehmen; nannte eine Zahl.",
    ]
    assert page.cssselect('a[href="../minister/"]')  # its member, the other way round


def test_related_both_ways_and_neighbours_in_time(site: Path) -> None:
    talks = article(site, "events/tariff-talks")
    # one related event each: the heading in the singular, its anchor as with many (links
    # to `#related-events` from outside keep working)
    assert talks.cssselect('h2#related-events + ul a[href="../oil-statement/"]')
    assert talks.cssselect("h2#related-events")[0].text_content().startswith("Related event")
    assert not talks.cssselect("h2#related-events")[0].text_content().startswith("Related events")
    statement = article(site, "events/oil-statement")
    assert statement.cssselect('h2#related-events + ul a[href="../tariff-talks/"]')
    text = re.sub(r"\s+", " ", statement.text_content())
    assert "Previous: Tariff talks" in text and "Next: Trade meeting" in text


def test_timeline_marks_types_scheduled_and_cancelled(site: Path) -> None:
    page = article(site, "timeline")
    events = page.cssselect(".explainer-event")
    assert [e.get("data-type") for e in events] == ["call", "statement", "meeting"]
    cancelled, scheduled = events[1], events[2]
    assert cancelled.cssselect("h3 s a")[0].text_content() == "Oil statement"
    # the status is a word of the label, after the type: "Meeting · scheduled"
    assert cancelled.cssselect(".explainer-status--cancelled")[0].text_content() == "canceled"
    assert scheduled.cssselect(".explainer-status--scheduled")[0].text_content() == "scheduled"
    labels = " ".join(scheduled.cssselect("p[data-key]")[0].text_content().split())
    assert labels == "June 2026 · Meeting · scheduled"
    labels = [label.text_content() for label in page.cssselect(".explainer-filter label")]
    # "Public statements": the filter also shows what the data names a press conference
    # or a post, which "Statements" read as mislabeling (R24/R25)
    assert labels == ["All events", "Phone calls", "Public statements", "Meetings"]
    de_labels = [
        label.text_content()
        for label in article(site, "de/timeline").cssselect(".explainer-filter label")
    ]
    assert de_labels == ["Alle Ereignisse", "Telefonate", "Erklärungen", "Treffen"]


def test_tooltips_are_switched_on_for_every_explainer_site(site: Path) -> None:
    """The minimal mkdocs.yml of a new explainer names no theme features."""
    import json

    root = lxml.html.parse(str(site / "events" / "tariff-talks" / "index.html")).getroot()
    config = json.loads(root.cssselect("script#__config")[0].text)
    assert "content.tooltips" in config["features"]


def test_the_ministry_and_its_minister_link_to_their_own_terms(seed_site: Path) -> None:
    """The German name of the ministry once sent readers to the definition of the
    minister: the minister's term listed the ministry's names among its aliases."""
    home = term_links(article(seed_site, "de"))
    assert ("US-Außenministeriums", "state-department") in home
    assert ("Außenminister", "foreign-minister") in home
    assert ("U.S. State Department", "state-department") in term_links(article(seed_site, ""))
    for page in sorted(seed_site.rglob("index.html")):
        for text, term_id in term_links(lxml.html.parse(str(page)).getroot()):
            if "außenministerium" in text.lower() or "state department" in text.lower():
                assert term_id == "state-department", (page, text)


def test_the_tooltip_of_a_term_with_u_s_is_its_whole_first_sentence(seed_site: Path) -> None:
    """The review found "U.S. State Department" explained as "The U.S.": the short
    definition ended at the period of "U.S."."""
    links = article(seed_site, "").cssselect('a.explainer-term[href$="#state-department"]')
    title = links[0].get("title")
    assert title.startswith("The U.S. State Department, formally the Department of State, is")
    assert title.endswith("responsible for relations with other countries.")


def test_what_sheinbaum_accepted_opens_an_entry_of_that_name(seed_site: Path) -> None:
    """R44/R45: the linked "help with intelligence" / „nachrichtendienstliche Unterstützung“
    opened an entry headed "Intelligence cooperation"; the linked phrase is the headword, and
    the tooltip defines what the reader clicked."""
    expected = {"en": "intelligence support", "de": "nachrichtendienstliche Unterstützung"}
    for lang, prefix in (("en", ""), ("de", "de/")):
        for url in ("", "events/sheinbaum-press-conference"):
            links = article(seed_site, prefix + url).cssselect(
                'a.explainer-term[href$="#intelligence-cooperation"]'
            )
            assert [a.text_content() for a in links] == [expected[lang]], (lang, url)
            assert links[0].get("title").lower().startswith(expected[lang].lower()), (lang, url)
        glossary = article(seed_site, prefix + "glossary")
        [heading] = glossary.cssselect("#intelligence-cooperation")
        assert heading.text_content().strip("¶").lower() == expected[lang].lower()


def test_the_state_of_mexico_tooltip_says_which_mexico_it_is(seed_site: Path) -> None:
    """R44/R45: the tooltip (a definition's first sentence) read "The State of Mexico … is one
    of Mexico's states", which told a reader nothing; it names the capital it borders."""
    capital = {"en": "Mexico City", "de": "Mexiko-Stadt"}
    for lang, prefix in (("en", ""), ("de", "de/")):
        links = article(seed_site, prefix + "events/sheinbaum-press-conference").cssselect(
            'a.explainer-term[href$="#state-of-mexico"]'
        )
        assert links, lang
        assert capital[lang] in links[0].get("title").replace("\u00a0", " "), lang
