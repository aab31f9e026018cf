"""Finding and linking glossary terms in a page's HTML, without a build."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer.terms import TermMatcher, link_terms, short_definition, trie_pattern


def matcher(forms: dict[str, list[str]]) -> TermMatcher:
    return TermMatcher.from_forms(forms, {term: f"About {term}." for term in forms})


def linked(page_html: str, forms: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(link text, term id) of every link that link_terms adds."""
    result = link_terms(page_html, matcher(forms), "../glossary/")
    return re.findall(
        r'<a class="explainer-term" href="[^"#]*#([^"]+)"[^>]*>([^<]*)</a>', result.html
    )


def test_a_form_with_sharp_s_is_found_as_written() -> None:
    # casefold() turns "ß" into "ss"; a pattern built from that never matched "ß"
    forms = {"ministry": ["Außenministerium"], "street": ["Straße"]}
    assert linked("<p>Das Außenministerium an der STRAßE.</p>", forms) == [
        ("ministry", "Außenministerium"),
        ("street", "STRAßE"),
    ]


def test_longest_form_first_on_word_boundaries() -> None:
    forms = {"tariff": ["tariff", "tariffs"], "tariff-quota": ["tariff quota"]}
    assert linked("<p>A tariff quota, then tariffs.</p>", forms) == [
        ("tariff-quota", "tariff quota"),
        ("tariff", "tariffs"),
    ]
    # a longer form that does not end on a word boundary falls back to the shorter one
    assert linked("<p>The tariff quotas.</p>", forms) == [("tariff", "tariff")]


def test_hyphen_is_a_boundary_a_letter_is_not() -> None:
    forms = {"fentanyl": ["Fentanyl"], "tariff": ["Zoll"]}
    assert linked("<p>Zollkontingent und Fentanyl-Beschlagnahmungen.</p>", forms) == [
        ("fentanyl", "Fentanyl")
    ]


def test_first_mention_only_and_never_in_headings_links_or_code() -> None:
    page = "<h2>Oil</h2><p><a href='x'>oil</a> <code>oil</code></p><p>Oil and oil.</p>"
    result = link_terms(page, matcher({"oil": ["oil"]}), "g/")
    assert result.html.count('class="explainer-term"') == 1
    assert '<p><a class="explainer-term" href="g/#oil" title="About oil.">Oil</a> and oil.</p>' in (
        result.html
    )
    assert result.mentioned == ["oil"]


def test_not_linked_inside_its_own_glossary_entry() -> None:
    page = '<div data-explainer-term="oil"><p>Oil is oil.</p></div><p>Oil.</p>'
    result = link_terms(page, matcher({"oil": ["oil"]}), "")
    assert result.html.endswith(
        '<p><a class="explainer-term" href="#oil" title="About oil.">Oil</a>.</p>'
    )


def test_labels_and_facts_wait_for_the_prose_but_count_as_mentions() -> None:
    # the facts list of a German event page, then its summary: "Telefonat" is linked
    # where the prose says it, not on the label "Art: Telefonat"
    page = (
        "<ul data-explainer-labels><li><strong>Art:</strong> Telefonat</li>"
        "<li><strong>Ort:</strong> Bundesstaat México</li></ul>"
        "<p><em data-explainer-labels>15. Januar 2026 · Telefonat</em></p>"
        "<p>Das Telefonat dauerte eine Stunde.</p>"
    )
    forms = {"call": ["Telefonat"], "state": ["Bundesstaat México"]}
    result = link_terms(page, matcher(forms), "g/")
    assert linked(page, forms) == [("call", "Telefonat")]
    assert '<p>Das <a class="explainer-term" href="g/#call"' in result.html
    assert result.mentioned == ["call", "state"]  # the glossary's "appears in" still knows
    # an attribute that only starts with the name marks nothing
    other = "<ul data-explainer-labels-not><li>Telefonat</li></ul><p>Telefonat</p>"
    assert linked(other, forms) == [("call", "Telefonat")]
    assert link_terms(other, matcher(forms), "g/").html.startswith(
        '<ul data-explainer-labels-not><li><a class="explainer-term"'
    )


def test_markup_in_the_text_stays_escaped() -> None:
    result = link_terms("<p>&lt;b&gt; oil &amp; gas</p>", matcher({"oil": ["oil"]}), "g/")
    assert "&lt;b&gt;" in result.html and "&amp; gas" in result.html and "<b>" not in result.html


@given(
    forms=st.sets(st.text(alphabet="ab ß-", min_size=1, max_size=5), min_size=1, max_size=12),
    text=st.text(alphabet="abAB ß-.", max_size=40),
)
def test_trie_finds_what_a_longest_first_alternation_finds(forms: set[str], text: str) -> None:
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    reference = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
    trie = re.compile(rf"(?<!\w){trie_pattern(forms)}(?!\w)", re.IGNORECASE)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in reference.finditer(text)]


@pytest.mark.parametrize(
    ("language", "definition", "first"),
    [
        # the German day has a period, its month a capital: not a sentence's end
        (
            "de",
            "Eine Gruppe, die am 23. Januar 2026 tagen sollte. Mehr sagen die Berichte nicht.",
            "Eine Gruppe, die am 23. Januar 2026 tagen sollte.",
        ),
        ("de", "Das gilt z. B. für Zölle. Und mehr.", "Das gilt z. B. für Zölle."),
        ("en", "Led by J. Smith since 2020. Founded earlier.", "Led by J. Smith since 2020."),
        # letters each with its period: "U.S." is one word, not a sentence's end
        (
            "en",
            "The U.S. State Department is the foreign ministry. It is headed by the secretary.",
            "The U.S. State Department is the foreign ministry.",
        ),
        ("en", "Drugs, e.g. Fentanyl, are seized. More.", "Drugs, e.g. Fentanyl, are seized."),
        ("en", "Agencies (i.e. The CIA) act. More.", "Agencies (i.e. The CIA) act."),
        (
            "de",
            "Waffen u. a. Munition werden geschmuggelt. Mehr nicht.",
            "Waffen u. a. Munition werden geschmuggelt.",
        ),
        ("de", "Vgl. Das Glossar. Und mehr.", "Vgl. Das Glossar."),
        # a number at a sentence's end still ends it
        ("en", "Its members numbered 12. Later more.", "Its members numbered 12."),
        ("en", "One sentence only", "One sentence only"),
    ],
)
def test_the_short_definition_is_the_whole_first_sentence(
    language: str, definition: str, first: str
) -> None:
    assert short_definition(definition, language) == first


def test_a_tooltip_is_typeset_as_the_page_is() -> None:
    """The R9 review found "January 23, 2026" / „23. Januar 2026“ with plain spaces in a
    term's tooltip (its `title`), where every page keeps a date together with no-break
    spaces: the tooltip gets the language's typography too."""
    from tests.stories import minimal_data, story

    data = minimal_data()
    data["glossary"]["budget"]["definition"] = {
        "en": "A plan voted on January 23, 2026, for 320 metric tons. It is voted on yearly.",
        "de": "Ein am 23. Januar 2026 beschlossener Plan für 320 Tonnen. Er gilt ein Jahr.",
    }
    said = {
        "en": "A plan voted on January\u00a023,\u00a02026, for 320\u00a0metric\u00a0tons.",
        "de": "Ein am 23.\u00a0Januar\u00a02026 beschlossener Plan für 320\u00a0Tonnen.",
    }
    for language, tooltip in said.items():
        terms = TermMatcher.for_language(story(data), language)
        assert terms.tooltips["budget"] == tooltip
        page = link_terms("<p>The budget. Der Haushalt.</p>", terms, "g/").html
        assert f'title="{tooltip}"' in page
