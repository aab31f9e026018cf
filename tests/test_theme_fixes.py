"""The corrections to Material's page shell: applied to the shell, never to the content."""

from __future__ import annotations

from mkdocs_explainer.theme_fixes import fix_page, replace_hreflang_links

SHELL = (
    '<html><head><title>T</title>\n  <link rel="alternate" href="./" hreflang="en">\n'
    '  <link rel="alternate" href="de/" hreflang="de">\n</head><body>'
    '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
    '<div class="md-search" data-md-component="search" role="dialog">'
    '<input class="md-search__input" aria-label="Suche"></div>'
    '<label class="md-nav__title" for="__toc">Inhalt</label>'
)
#: content that looks like what the fixes change: it must stay exactly as it is
CONTENT = (
    '<div class="md-content" data-md-component="content"><article>'
    '<pre><code>&lt;input type="checkbox" autocomplete="off"&gt;\n'
    '<label for="__toc">x</label></code></pre>'
    '<link rel="alternate" href="x" hreflang="fr">\n</article></div></body></html>'
)


def test_the_shell_is_corrected() -> None:
    fixed = fix_page(SHELL + CONTENT)
    shell = fixed.split('<div class="md-content"')[0]
    assert 'autocomplete="off"' not in shell
    assert 'for="__toc"' not in shell  # no `__toc` toggle on this page
    assert 'role="dialog" aria-label="Suche">' in shell


def test_the_content_is_never_rewritten() -> None:
    assert fix_page(SHELL + CONTENT).endswith(CONTENT)
    assert replace_hreflang_links(SHELL + CONTENT, "<links>").endswith(CONTENT)


def test_hreflang_links_are_replaced_in_the_head() -> None:
    page = replace_hreflang_links(SHELL + CONTENT, '<link rel="alternate" href="https://x/">')
    head = page.split("</head>")[0]
    assert 'hreflang="de"' not in head and head.endswith(
        '<link rel="alternate" href="https://x/">\n'
    )


def test_the_language_menu_marks_each_language_name_with_its_language() -> None:
    menu = (
        '<li><a href="../" hreflang="en" class="md-select__link">English</a></li>'
        '<li><a href="./" hreflang="de" class="md-select__link">Deutsch</a></li>'
    )
    fixed = fix_page(SHELL + menu + CONTENT)
    assert (
        '<li><a lang="en" href="../" hreflang="en" class="md-select__link">English</a></li>'
        '<li><a lang="de" href="./" hreflang="de" class="md-select__link">Deutsch</a></li>'
    ) in fixed
    assert fix_page(fixed) == fixed  # marked once
