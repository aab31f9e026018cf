"""Data text in page Markdown, rendered with the site's own Markdown configuration
(tests/site_markdown.py): plain text stays exactly its text in every place a page puts it,
Markdown fields keep their Markdown but never HTML or unsafe links.

Keep the first test first: `make mutation` hands the mutants of code that runs when
explainer.markup is imported (building its Markdown instance) to the first test it runs.
"""

from __future__ import annotations

import lxml.html
import pytest

from explainer.markup import (
    escape,
    html_block,
    is_safe_link,
    link,
    relative,
    render_markdown,
    unsafe_link_targets,
)
from tests.site_markdown import render


def test_markdown_fields_render_inline_markdown_and_paragraphs_only() -> None:
    text = (
        "A *b* <b>c</b>  \nnext line\n\n"
        "# not a heading\n\nSetext\n===\n\n"
        "[ok](https://a.example) [bad](javascript:alert(1)) ![img](javascript:x) "
        "![pic](img/a.png)\n\n"
        "<div onclick=x>d</div>\n\n> quoted"
    )
    assert render_markdown(text) == (
        "<p>A <em>b</em> &lt;b&gt;c&lt;/b&gt;<br>\nnext line</p>\n"
        "<p># not a heading</p>\n<p>Setext\n===</p>\n"
        '<p><a href="https://a.example">ok</a> <a>bad</a> <img alt="img"> '
        '<img alt="pic" src="img/a.png"></p>\n'
        "<p>&lt;div onclick=x&gt;d&lt;/div&gt;</p>\n"
        "<blockquote>\n<p>quoted</p>\n</blockquote>"
    )
    assert unsafe_link_targets(text) == ["javascript:alert(1)", "javascript:x"]


#: where pages put plain text (titles, names, summaries, labels, places, quotes)
CONTEXTS = {
    "paragraph": "{}",
    "list item": "- {}",
    "heading": "## {}",
    "table cell": "| Label | Value |\n|---|---|\n| {} | 1 |",
    "link label": "[{}](events/a.md)",
    "within a line": "Date: {} · more",
}

#: (text in the data, the text a reader sees): line breaks and runs of white space are one
#: space, the ends lose their spaces; everything else shows as written
PLAIN = [
    ("Bob speaks {: onmouseover=alert(1) }", None),
    ("{: .x #y onclick=alert(1) }", None),
    ("Title {#custom-id}", None),
    ("a {: .x} b", None),
    ("a | b", None),
    ("| a | b |", None),
    ("a | b\n--- | ---\nc | d", "a | b --- | --- c | d"),
    ("Bob speaks\n{: onmouseover=alert(1) }", "Bob speaks {: onmouseover=alert(1) }"),
    ("line one\r\n\r\nline two", "line one line two"),
    ("tab\tand\u2028separator\u2029end\x0bx\x0cy", "tab and separator end x y"),
    ("  padded  ", "padded"),
    ("    four spaces: code?", "four spaces: code?"),
    ("*not emphasis*", None),
    ("_not emphasis_", None),
    ("**bold** __bold__", None),
    ("<script>alert(1)</script>", None),
    ("<img src=x onerror=alert(1)>", None),
    ("1. not a list", None),
    ("1986. a year", None),
    ("2) two", None),
    ("- dash", None),
    ("+ plus", None),
    ("* star", None),
    ("> quote", None),
    ("# not a heading", None),
    ("Title #", None),
    ("=== line", None),
    ("---", None),
    ("===", None),
    ("~~~ fence", None),
    ("```", None),
    ("`code`", None),
    ("[x](javascript:y)", None),
    ("![i](x.png)", None),
    ("<http://example.org>", None),
    ("&amp; &lt;b&gt; &#60;", None),
    ("back\\slash \\*", None),
    ("X marks the spot XX", None),
    (": colon", None),
]


def structure(root: lxml.html.HtmlElement) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every element with its attributes (heading ids and their permalinks vary with the
    text, so only the name of those counts)."""
    return [
        (
            element.tag,
            sorted(
                (name, "" if name == "id" or value.startswith("#") else value)
                for name, value in element.attrib.items()
            ),
        )
        for element in root.iter()
    ]


def fragment(page_markdown: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(render(page_markdown), create_parent="div")


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize(("text", "shown"), PLAIN)
def test_plain_text_is_exactly_its_text_wherever_it_stands(
    text: str, shown: str | None, context: str
) -> None:
    """No element, attribute, list, heading, table column or code appears that the page's
    own Markdown does not make; the reader sees the text."""
    template = CONTEXTS[context]
    expected = fragment(template.format("Placeholder"))
    found = fragment(template.format(escape(text)))
    assert structure(found) == structure(expected)
    assert found.text_content() == expected.text_content().replace("Placeholder", shown or text)


def test_white_space_that_is_not_a_line_break_is_kept() -> None:
    inner = escape("\u00a0no-break\u00a0")
    assert fragment(f"a {inner} b").text_content() == "a \u00a0no-break\u00a0 b"


@pytest.mark.parametrize(
    ("target", "safe"),
    [
        # browsers drop white space and control characters at the ends of a URL
        (" https://example.org", True),
        ("\thttps://example.org/x\n", True),
        ("\x00mailto:a@example.org", True),
        ("events/a.md", True),
        ("../a.md#x", True),
        ("?q=1", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("ftp://example.org", False),
        ("file:///etc/passwd", False),
        (" javascript:alert(1)", False),
        ("JAVA\nSCRIPT:alert(1)", False),
    ],
)
def test_link_targets_as_a_browser_reads_them(target: str, safe: bool) -> None:
    assert is_safe_link(target) is safe


def test_unsafe_targets_are_named_in_document_order_once_per_text() -> None:
    text = "[a](javascript:1) ![b](data:x) [c](https://ok) [d](vbscript:2) [e](?ok)"
    assert unsafe_link_targets(text) == ["javascript:1", "data:x", "vbscript:2"]
    assert unsafe_link_targets("[fine](https://example.org)") == []
    assert 'href="https://ok"' in render_markdown(text)


def test_html_block_is_a_div_with_exactly_the_attributes_asked_for() -> None:
    plain = fragment(html_block("<p>x</p>", "explainer-body"))
    assert structure(plain) == [("div", []), ("div", [("class", "explainer-body")]), ("p", [])]
    named = fragment(html_block("<p>y</p>", "explainer-definition", ' data-term="tax"'))
    assert structure(named)[1] == ("div", [("class", "explainer-definition"), ("data-term", "tax")])
    assert named.text_content().strip() == "y"


@pytest.mark.parametrize(
    ("from_path", "to_path", "anchor", "target"),
    [
        ("events/a.md", "actors/b.md", None, "../actors/b.md"),
        ("timeline.md", "events/a.md", None, "events/a.md"),
        ("index.md", "glossary.md", "tax", "glossary.md#tax"),
        ("events/a.md", "glossary.md", "x", "../glossary.md#x"),
        ("glossary.md", "glossary.md", "x", "#x"),
        ("glossary.md", "glossary.md", None, "glossary.md"),
        ("actors/index.md", "actors/b.md", None, "b.md"),
    ],
)
def test_links_between_page_sources(
    from_path: str, to_path: str, anchor: str | None, target: str
) -> None:
    assert relative(from_path, to_path, anchor) == target
    assert link("Label &#42;", from_path, to_path, anchor) == f"[Label &#42;]({target})"
