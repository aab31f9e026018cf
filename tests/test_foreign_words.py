"""Words of another language (`foreign_words`): marked with their language in a page's
HTML, without a build; the list's mistakes located in the data file."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.foreign import ForeignWords, mark_foreign
from explainer.validate import find_problems, load_story
from tests.conftest import BEFORE_THE_FIXTURE, minimal_yaml

WORDS = {
    "es": ["mañanera", "Estado de México", "Estado"],
    "en": ["State Department", "short ton", "Secretary of State"],
    "de": ["Bilaterale Gruppe zur Umsetzung der Sicherheit"],
}


def marked(page_html: str, language: str, words: dict[str, list[str]] = WORDS) -> str:
    return mark_foreign(page_html, ForeignWords.from_lists(words), language)


def test_a_phrase_of_another_language_is_wrapped_in_a_span_with_its_language() -> None:
    assert marked("<p>Die mañanera am Morgen.</p>", "de") == (
        '<p>Die <span lang="es">mañanera</span> am Morgen.</p>'
    )


def test_only_whole_words_match_and_case_counts() -> None:
    page = "<p>mañaneras, Mañanera, submañanera, mañanera-Runde, mañanera.</p>"
    assert marked(page, "en") == (
        '<p>mañaneras, Mañanera, submañanera, <span lang="es">mañanera</span>-Runde, '
        '<span lang="es">mañanera</span>.</p>'
    )


def test_the_longest_phrase_wins_where_phrases_overlap() -> None:
    assert marked("<p>im Estado de México, im Estado Jalisco</p>", "de") == (
        '<p>im <span lang="es">Estado de México</span>, im <span lang="es">Estado</span> '
        "Jalisco</p>"
    )


def test_a_phrase_in_the_pages_own_language_is_left_alone() -> None:
    page = "<p>The State Department and the Bilaterale Gruppe zur Umsetzung der Sicherheit.</p>"
    assert marked(page, "en") == (
        '<p>The State Department and the <span lang="de">Bilaterale Gruppe zur Umsetzung der '
        "Sicherheit</span>.</p>"
    )
    # a regional code is its language: en-US phrases are not foreign on an en page
    assert marked("<p>the State Department</p>", "en", {"en-US": ["State Department"]}) == (
        "<p>the State Department</p>"
    )


def test_an_inline_element_around_exactly_the_phrase_gets_the_attribute() -> None:
    page = '<p>kurz <em>State Department</em>, amtlich <em class="x">short ton</em></p>'
    assert marked(page, "de") == (
        '<p>kurz <em lang="en">State Department</em>, amtlich '
        '<em lang="en" class="x">short ton</em></p>'
    )
    # more than the phrase: a span inside
    assert marked("<p><em>the State Department’s</em></p>", "de") == (
        '<p><em>the <span lang="en">State Department</span>’s</em></p>'
    )


def test_a_glossary_link_keeps_its_tooltip_in_the_pages_language() -> None:
    """The link's `title` is the page's language: the span goes inside the link."""
    link = '<a class="explainer-term" href="#x" title="Das Außenministerium.">'
    page = f"<p>{link}State Department</a></p>"
    assert marked(page, "de") == (
        '<p><a class="explainer-term" href="#x" title="Das Außenministerium.">'
        '<span lang="en">State Department</span></a></p>'
    )


def test_attributes_titles_code_and_text_with_a_language_are_left_alone() -> None:
    page = (
        '<img alt="the State Department"><p title="short ton" data-x="mañanera">Text</p>'
        "<title>State Department</title><code>State Department</code>"
        "<pre>mañanera</pre><script>var s = 'short ton';</script>"
        "<svg><title>State Department</title></svg>"
        '<p lang="en">the State Department</p><p>short ton</p>'
    )
    assert marked(page, "de") == page.replace(
        "<p>short ton</p>", '<p><span lang="en">short ton</span></p>'
    )


def test_a_phrase_bound_with_no_break_spaces_is_found() -> None:
    assert marked("<p>eine short\u00a0ton und der Secretary of&nbsp;State</p>", "de") == (
        '<p>eine <span lang="en">short\u00a0ton</span> und der '
        '<span lang="en">Secretary of\u00a0State</span></p>'
    )


def test_a_third_language_marks_every_other_one() -> None:
    page = (
        "<p>La mañanera, el State Department y la "
        "Bilaterale Gruppe zur Umsetzung der Sicherheit</p>"
    )
    result = marked(page, "fr")
    assert result.count("<span") == 3
    assert '<span lang="es">mañanera</span>' in result
    assert '<span lang="en">State Department</span>' in result
    assert marked(page, "es").count("<span") == 2  # its own Spanish word left alone


def test_without_foreign_words_the_page_is_unchanged() -> None:
    page = "<p>State Department &amp; mañanera</p>"
    assert marked(page, "de", {}) == page


# --- validation -------------------------------------------------------------------------


def problems(tmp_path: Path, block: str) -> list[str]:
    path = tmp_path / "events.yaml"
    path.write_text(minimal_yaml() + block, encoding="utf-8")
    found = find_problems(path, ("en", "de"), today=BEFORE_THE_FIXTURE)[1]
    return [str(problem) for problem in found]


def test_the_key_is_optional_and_a_valid_list_becomes_the_storys(tmp_path: Path) -> None:
    block = "foreign_words:\n  es: [mañanera, Estado de México]\n  en-US: [short ton]\n"
    assert problems(tmp_path, block) == []
    story = load_story(tmp_path / "events.yaml", ("en", "de"))
    assert story.foreign_words == {"es": ("mañanera", "Estado de México"), "en-US": ("short ton",)}


@pytest.mark.parametrize(
    ("block", "needle", "path", "message"),
    [
        (
            "foreign_words:\n  xx: [mañanera]\n",
            "xx:",
            "foreign_words.xx",
            "`xx` is not a language Babel knows; write a BCP 47 code such as `es` or `en-US`",
        ),
        (
            "foreign_words:\n  Spanish: [mañanera]\n",
            "Spanish:",
            "foreign_words.Spanish",
            "`Spanish` is not a language code such as `en` or `de`",
        ),
        (
            "foreign_words:\n  es: [mañanera, '']\n",
            "''",
            "foreign_words.es[1]",
            "is empty; write the phrase or remove it",
        ),
        (
            "foreign_words:\n  es: [mañanera, Estado de México, mañanera]\n",
            "mañanera]",
            "foreign_words.es[2]",
            "`mañanera` is listed twice",
        ),
        (
            "foreign_words:\n  es: [short ton]\n  en: [short ton]\n",
            "short ton]\n",
            "foreign_words.en[0]",
            "`short ton` is listed twice (under `es`)",
        ),
        (
            "foreign_words:\n  es: mañanera\n",
            "mañanera",
            "foreign_words.es",
            "expected a list of `- item` lines, found `mañanera`",
        ),
        (
            "foreign_words:\n  es: [mañanera, 3]\n",
            "3]",
            "foreign_words.es[1]",
            "expected text, found the number `3`; put the value in quotes to make it text",
        ),
        (
            "foreign_words: [mañanera]\n",
            "[mañanera]",
            "foreign_words",
            "expected a mapping of `key: value` lines, found a list",
        ),
    ],
)
def test_a_mistake_in_the_list_is_one_located_problem(
    tmp_path: Path, block: str, needle: str, path: str, message: str
) -> None:
    text = minimal_yaml() + block
    position = text.rindex(needle)
    line = text[:position].count("\n") + 1
    column = position - text.rfind("\n", 0, position)
    assert problems(tmp_path, block) == [
        f"{tmp_path / 'events.yaml'}:{line}:{column}: {path}: {message}"
    ]
