"""The corrections to Material's page shell: applied to the shell, never to the content;
and each one finds what it corrects in the pages the installed Material renders."""

from __future__ import annotations

import re
import textwrap

import pytest

from mkdocs_explainer.theme_fixes import fix_page, replace_hreflang_links
from tests.conftest import mkdocs_build

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


def test_the_content_is_never_rewritten() -> None:
    assert fix_page(SHELL + CONTENT).endswith(CONTENT)
    assert replace_hreflang_links(SHELL + CONTENT, "<links>").endswith(CONTENT)


def test_hreflang_links_are_replaced_in_the_head() -> None:
    page = replace_hreflang_links(SHELL + CONTENT, '<link rel="alternate" href="https://x/">')
    head = page.split("</head>")[0]
    assert 'hreflang="de"' not in head and head.endswith(
        '<link rel="alternate" href="https://x/">\n'
    )


@pytest.fixture(scope="module")
def material_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Pages of a plain Material site in two languages, without the generator's hooks:
    Material's own HTML, as the fixes meet it. `other.md` is outside the navigation."""
    root = tmp_path_factory.mktemp("material")
    (root / "mkdocs.yml").write_text(
        textwrap.dedent(
            """\
            site_name: Plain
            site_url: https://example.org/plain/
            theme: {name: material, language: en}
            plugins:
              - search
              - i18n:
                  docs_structure: folder
                  languages:
                    - {locale: en, name: English, default: true, build: true}
                    - {locale: de, name: Deutsch, build: true}
            nav: [index.md]
            """
        ),
        encoding="utf-8",
    )
    for language in ("en", "de"):
        (root / "docs" / language).mkdir(parents=True)
        (root / "docs" / language / "index.md").write_text("# Home\n\n## Part\n")
        (root / "docs" / language / "other.md").write_text("# Other\n\n## Part\n")
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    return {
        name: (site / name).read_text(encoding="utf-8")
        for name in ("index.html", "other/index.html", "de/index.html")
    }


def shell(page: str) -> str:
    return page.split('<div class="md-content"')[0]


@pytest.mark.build
def test_materials_checkboxes_lose_autocomplete(material_pages: dict[str, str]) -> None:
    page = material_pages["index.html"]
    checkbox = re.compile(r'<input\b[^>]*type="checkbox"[^>]*autocomplete="off"')
    assert checkbox.search(shell(page))
    assert not checkbox.search(shell(fix_page(page)))


@pytest.mark.build
def test_materials_toc_label_loses_its_target_only_outside_the_navigation(
    material_pages: dict[str, str],
) -> None:
    outside, inside = material_pages["other/index.html"], material_pages["index.html"]
    assert 'for="__toc"' in shell(outside) and 'id="__toc"' not in outside
    assert 'for="__toc"' not in shell(fix_page(outside))
    assert 'for="__toc"' in shell(fix_page(inside))  # its toggle is there: kept


@pytest.mark.build
def test_materials_search_dialog_gets_the_search_fields_name(
    material_pages: dict[str, str],
) -> None:
    for name, label in (("index.html", "Search"), ("de/index.html", "Suche")):
        page = material_pages[name]
        assert 'role="dialog">' in page
        assert f'role="dialog" aria-label="{label}">' in fix_page(page), name


@pytest.mark.build
def test_materials_language_menu_marks_each_name_with_its_language(
    material_pages: dict[str, str],
) -> None:
    fixed = fix_page(material_pages["index.html"])
    menu = re.findall(r"<a\b[^>]*class=\"md-select__link\"[^>]*>", fixed)
    assert len(menu) == 2
    assert all(re.search(r'lang="(en|de)"[^>]*hreflang="\1"', link) for link in menu), menu
    assert fix_page(fixed) == fixed  # marked once


@pytest.mark.build
def test_materials_hreflang_links_give_way(material_pages: dict[str, str]) -> None:
    page = material_pages["de/index.html"]
    assert re.search(r'<link rel="alternate" href="[^"]*" hreflang="en">', page)
    head = replace_hreflang_links(page, "<!-- ours -->").split("</head>")[0]
    assert "hreflang=" not in head and head.endswith("<!-- ours -->\n")
