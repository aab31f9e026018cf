"""Editors' own dates, amounts and dashes do not break across lines, in every language."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from explainer.typography import keep_together, keep_together_html, year_commas_html
from tests.conftest import make_site, minimal_yaml, mkdocs_build

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "written", "typeset"),
    [
        ("en", "on January 16, 2026, in", f"on January{NBSP}16,{NBSP}2026, in"),
        ("en", "until January 23 or", f"until January{NBSP}23 or"),
        ("en", "in February 2026 in", f"in February{NBSP}2026 in"),
        ("en", "a 50 percent drop", f"a 50{NBSP}percent drop"),
        (
            "en",
            "nearly 320 tons, 51 metric tons",
            f"nearly 320{NBSP}tons, 51{NBSP}metric{NBSP}tons",
        ),
        ("en", "a −40 % drop", f"a −40{NBSP}% drop"),
        ("en", "about 907 kilograms, 2,000 pounds", f"about 907{NBSP}kilograms, 2,000{NBSP}pounds"),
        ("de", "etwa 907 Kilogramm, 3 Kilometer", f"etwa 907{NBSP}Kilogramm, 3{NBSP}Kilometer"),
        # R11: "zu 2000 US-Pfund" broke; CLDR's German knows "Pfund", not the US pound
        ("de", "zu 2000 US-Pfund, 5 Pfund", f"zu 2000{NBSP}US-Pfund, 5{NBSP}Pfund"),
        # R46: "zu 2000 amerikanischen Pfund" broke after the number, as "2000 US-Pfund" did
        (
            "de",
            "zu 2000 amerikanischen Pfund, 3 amerikanische Tonnen",
            f"zu 2000{NBSP}amerikanischen{NBSP}Pfund, 3{NBSP}amerikanische{NBSP}Tonnen",
        ),
        (
            "de",
            "1000 Kilogramm, 320 metrischen Tonnen, 2 kurze Tonnen",
            f"1000{NBSP}Kilogramm, 320{NBSP}metrischen{NBSP}Tonnen, 2{NBSP}kurze{NBSP}Tonnen",
        ),
        ("en", "1,000 kilograms, 2 short tons", f"1,000{NBSP}kilograms, 2{NBSP}short{NBSP}tons"),
        ("en", "cooperation — she said", f"cooperation{NBSP}— she said"),
        ("de", "am 16. Januar 2026 im", f"am 16.{NBSP}Januar{NBSP}2026 im"),
        ("de", "am 23. Januar trifft", f"am 23.{NBSP}Januar trifft"),
        ("de", "im Februar 2026 in", f"im Februar{NBSP}2026 in"),
        ("de", "um 40 Prozent, 320 Tonnen", f"um 40{NBSP}Prozent, 320{NBSP}Tonnen"),
        ("de", "Rede – im Einklang", f"Rede{NBSP}– im Einklang"),
        # the closing dash of a pair too: no line starts with "–," (R28/R29)
        (
            "de",
            "mit Gewalt – etwa Anschlägen und Morden –, die",
            f"mit Gewalt{NBSP}– etwa Anschlägen und Morden{NBSP}–, die",
        ),
        ("de", "Agenten –. Danach", f"Agenten{NBSP}–. Danach"),
        ("de", "(etwa durch Agenten –)", f"(etwa durch Agenten{NBSP}–)"),
        (
            "en",
            "violence — such as killings —, which",
            f"violence{NBSP}— such as killings{NBSP}—, which",
        ),
        ("en", "“such as agents —” and", f"“such as agents{NBSP}—” and"),
        (
            "fr",
            "le 16 janvier 2026, 50 pour cent",
            f"le 16{NBSP}janvier{NBSP}2026, 50{NBSP}pour{NBSP}cent",
        ),
        ("es", "el 16 de enero de 2026", f"el 16{NBSP}de{NBSP}enero{NBSP}de{NBSP}2026"),
    ],
)
def test_dates_amounts_and_dashes_are_kept_together(
    language: str, written: str, typeset: str
) -> None:
    assert keep_together(written, language) == typeset


@pytest.mark.parametrize(
    "text",
    [
        "In 2026 and 2027, 12 of them.",  # a year or a count alone: nothing to keep together
        "We may 5 times ask.",  # not a month: lower case
        "Item - item",  # a hyphen is no dash
        "The 3 tonnes-class",  # a unit word must end there
        "Die 3 US-Pfundnoten",  # nor a German one
    ],
)
def test_other_spaces_are_left_alone(text: str) -> None:
    assert keep_together(text, "en") == text


def test_a_closing_dash_before_a_tag_keeps_to_its_word() -> None:
    # "Morden –</a>, die": the dash ends the text before the tag, a comma follows it
    assert keep_together_html('<p>Gewalt – etwa <a href="#m">Morden –</a>, die</p>', "de") == (
        f'<p>Gewalt{NBSP}– etwa <a href="#m">Morden{NBSP}–</a>, die</p>'
    )


def test_only_the_text_of_html_changes_never_markup_code_or_scripts() -> None:
    html = (
        '<p title="January 16, 2026">On <a href="#x">January 16, 2026</a> it fell 50 percent.</p>'
        "<pre>January 16, 2026</pre><code>50 percent</code>"
        '<script>var s = "January 16, 2026";</script><p>After <br/>50 percent</p>'
    )
    assert keep_together_html(html, "en") == (
        f'<p title="January 16, 2026">On <a href="#x">January{NBSP}16,{NBSP}2026</a>, it fell '
        f"50{NBSP}percent.</p>"
        "<pre>January 16, 2026</pre><code>50 percent</code>"
        f'<script>var s = "January 16, 2026";</script><p>After <br/>50{NBSP}percent</p>'
    )


@pytest.mark.parametrize(
    ("written", "typeset"),
    [
        # R12: a full date in mid-sentence takes a comma after its year (Chicago)
        (
            "one on January 23, 2026 and one in February 2026",
            f"one on January{NBSP}23,{NBSP}2026, and one in February{NBSP}2026",
        ),
        (
            "the meeting of January 23, 2026 was still to come",
            f"the meeting of January{NBSP}23,{NBSP}2026, was still to come",
        ),
        # punctuation follows: nothing to add
        ("on January 23, 2026.", f"on January{NBSP}23,{NBSP}2026."),
        ("(January 23, 2026)", f"(January{NBSP}23,{NBSP}2026)"),
        ("on January 23, 2026, and", f"on January{NBSP}23,{NBSP}2026, and"),
        # a month and year takes none
        ("in February 2026 and", f"in February{NBSP}2026 and"),
    ],
)
def test_an_english_full_date_in_mid_sentence_takes_a_comma_after_its_year(
    written: str, typeset: str
) -> None:
    assert keep_together(written, "en") == typeset


AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.")
AP_MONTHS += ("Nov.", "Dec.")


@pytest.mark.parametrize(
    ("written", "typeset"),
    [
        # the table's own month words (AP's, `months.in_dates`) in a day's date
        (
            "on Jan. 23, 2026 and in February 2026",
            f"on Jan.{NBSP}23,{NBSP}2026, and in February{NBSP}2026",
        ),
        ("met Sept. 3 and", f"met Sept.{NBSP}3 and"),
        ("on March 2, 2026.", f"on March{NBSP}2,{NBSP}2026."),
        # CLDR's names are still dates
        ("on January 23, 2026 and", f"on January{NBSP}23,{NBSP}2026, and"),
    ],
)
def test_a_tables_own_month_words_are_dates_too(written: str, typeset: str) -> None:
    assert keep_together(written, "en", AP_MONTHS) == typeset
    assert keep_together_html(f"<p>{written}</p>", "en", AP_MONTHS) == f"<p>{typeset}</p>"


def test_without_the_tables_words_an_abbreviated_month_is_no_date() -> None:
    assert keep_together("on Sept. 3, 2026 and", "en") == "on Sept. 3, 2026 and"


def test_the_comma_after_a_year_follows_a_link_and_never_enters_markup_or_code() -> None:
    html = (
        f'<p>one on <a href="x" title="on January 23, 2026 was">January{NBSP}23,{NBSP}2026</a>'
        " and one in <a>February 2026</a> and <a>January 23, 2026</a>.</p>"
        "<pre>January 23, 2026 and</pre><code>January 23, 2026 and</code>"
    )
    assert year_commas_html(html, "en") == html.replace("2026</a> and one", "2026</a>, and one")
    # German sets no comma after the year
    assert keep_together("am 23. Januar 2026 war", "de") == f"am 23.{NBSP}Januar{NBSP}2026 war"


@pytest.mark.build
def test_editors_dates_and_amounts_do_not_break_on_built_pages(tmp_path: Path) -> None:
    """In the data's texts and in a hand-written page, as the editors wrote them with
    ordinary spaces; the glossary still finds a term named with spaces."""
    data = minimal_yaml().replace(
        'body: {en: "Bob *said* things.\\n\\nMore things.", de: "Bob *sagte* Dinge.\\n\\n'
        'Weitere Dinge."}',
        'body: {en: "Bob said on March 2, 2026 that 40 percent went.", '
        'de: "Bob sagte am 2. März 2026, 40 Prozent seien weg."}',
    )
    assert "40 percent" in data
    config = make_site(tmp_path, data)
    (tmp_path / "docs" / "de" / "index.md").write_text(
        "# Start\n\nAm 16. Januar 2026 fielen 320 Tonnen – sagt Bob.\n", encoding="utf-8"
    )
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    def text(path: str) -> str:
        page = lxml.html.parse(str(tmp_path / "site" / path / "index.html")).getroot()
        return page.cssselect("article")[0].text_content()

    home = text("de")
    assert f"Am 16.{NBSP}Januar{NBSP}2026 fielen 320{NBSP}Tonnen{NBSP}– sagt Bob." in home
    # and, in English, the comma after the year of a date in mid-sentence (R12)
    assert f"on March{NBSP}2,{NBSP}2026, that 40{NBSP}percent went" in text("events/statement")
    german = text("de/events/statement")
    assert f"am 2.{NBSP}März{NBSP}2026, 40{NBSP}Prozent seien weg" in german


def test_a_generated_pages_meta_description_keeps_its_dates_together(tmp_path: Path) -> None:
    """Search results and link previews show the description: set as the page is."""
    from tests.stories import event, load, minimal_data

    data = minimal_data()
    data["events"]["talks"] = event("Talks", "2026-04-09")
    data["events"]["talks"]["summary"] = {"en": "Set for April 9, 2026.", "de": "Am 9. April 2026."}
    explainer = load(tmp_path, data)
    [page] = [p for p in explainer.pages("de") if p.path == "events/talks.md"]
    assert page.meta["description"] == f"Am 9.{NBSP}April{NBSP}2026."
