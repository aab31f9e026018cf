"""The data's Markdown fields keep their Markdown but never HTML or unsafe links.

Keep the first test first: `make mutation` hands the mutants of code that runs when
explainer.markup is imported (building its Markdown instance) to the first test it runs.
"""

from __future__ import annotations

import pytest

from explainer.markup import is_safe_link, render_markdown, unsafe_link_targets


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
