"""The MkDocs adapter's modules, each from plain inputs, without a build."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from explainer.urls import SiteUrls
from mkdocs_explainer import i18n, search, sitemaps
from mkdocs_explainer.glossary import Mentions
from mkdocs_explainer.staging import Staging
from mkdocs_explainer.toc import TocDepthError, limit_toc, toc_depth

URLS = SiteUrls(("en", "de"), "https://example.org/x/")

# --- staging ---------------------------------------------------------------------------------


def _site(root: Path, name: str, text: str) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def test_a_build_that_succeeded_replaces_the_site(tmp_path: Path) -> None:
    _site(tmp_path, "site", "old")
    staging = Staging()
    building = Path(staging.start(str(tmp_path / "site")))
    assert building == tmp_path / "site.partial"
    _site(tmp_path, "site.partial", "new").joinpath("extra.html").write_text("x")
    staging.succeeded = True
    staging.finish()
    assert (tmp_path / "site" / "index.html").read_text() == "new"
    assert (tmp_path / "site" / "extra.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("how", ["never succeeded", "failed late"])
def test_a_failed_build_leaves_the_site_as_it_was(tmp_path: Path, how: str) -> None:
    _site(tmp_path, "site", "old")
    staging = Staging()
    staging.start(str(tmp_path / "site"))
    _site(tmp_path, "site.partial", "half")
    if how == "failed late":  # strict mode fails after the last pass said it was done
        staging.succeeded = True
        staging.failed()
    staging.finish()
    assert (tmp_path / "site" / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_stale_partial_folder_is_cleared_first(tmp_path: Path) -> None:
    _site(tmp_path, "site.partial", "stale")
    Staging().start(str(tmp_path / "site"))
    assert not (tmp_path / "site.partial").exists()


# --- toc_depth -------------------------------------------------------------------------------


def _toc():  # type: ignore[no-untyped-def]
    tokens = [
        {
            "level": 2,
            "id": "jan",
            "name": "January",
            "children": [{"level": 3, "id": "call", "name": "Call", "children": []}],
        },
        {"level": 2, "id": "feb", "name": "February", "children": []},
    ]
    return get_toc(tokens)


def test_toc_depth_keeps_the_levels_asked_for() -> None:
    toc = _toc()
    limit_toc(toc, 2)
    assert [(item.id, [c.id for c in item.children]) for item in toc] == [("jan", []), ("feb", [])]
    toc = _toc()
    limit_toc(toc, 3)
    assert [c.id for c in toc.items[0].children] == ["call"]


@pytest.mark.parametrize("value", [0, 7, "2", True, 2.0])
def test_toc_depth_must_be_a_heading_level(value: object) -> None:
    with pytest.raises(TocDepthError) as error:
        toc_depth({"toc_depth": value}, "en/about.md")
    assert (
        str(error.value) == f"en/about.md: toc_depth: {value!r} is not a heading level from 1 to 6"
    )


def test_no_toc_depth_is_none() -> None:
    assert toc_depth({}, "x.md") is None
    assert toc_depth({"toc_depth": 6}, "x.md") == 6


# --- search ----------------------------------------------------------------------------------

INDEX = {
    "config": {"lang": ["en", "de"], "separator": "[\\s]+"},
    "docs": [
        {"location": "", "title": "Home"},
        {"location": "timeline/#jan", "title": "January"},
        {"location": "de/", "title": "Startseite"},
        {"location": "de/timeline/#januar", "title": "Januar"},
    ],
}


def test_each_language_gets_only_its_own_pages() -> None:
    english = search.language_index(INDEX, URLS, "en")
    assert [d["location"] for d in english["docs"]] == ["", "timeline/#jan"]
    assert english["config"] == {"lang": ["en"], "separator": "[\\s]+"}
    german = search.language_index(INDEX, URLS, "de")
    assert [d["location"] for d in german["docs"]] == ["", "timeline/#januar"]
    assert german["config"]["lang"] == ["de"]
    assert INDEX["config"]["lang"] == ["en", "de"]  # the merged index is not changed


def test_the_index_is_written_in_the_languages_folder(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(INDEX))
    search.write_language_index(tmp_path, URLS, "de")
    written = json.loads((tmp_path / "de" / "search" / "search_index.json").read_text())
    assert [d["title"] for d in written["docs"]] == ["Startseite", "Januar"]


def test_a_translated_page_searches_its_languages_index() -> None:
    page = (
        '<head><script id="__config" type="application/json">'
        '{"base": "..", "features": []}</script></head>'
    )
    rebased = search.point_search_at_language(page, "de/")
    assert '{"base": "../de/", "features": []}' in rebased
    assert search.point_search_at_language(page, "") == page


# --- sitemaps --------------------------------------------------------------------------------

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://example.org/x/</loc></url>
<url><loc>https://example.org/x/de/</loc></url>
<url><loc>https://example.org/x/de/timeline/</loc></url>
</urlset>
"""


def test_each_language_has_a_sitemap_and_the_packed_one_has_the_datas_time(
    tmp_path: Path,
) -> None:
    (tmp_path / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(b"stale", mtime=1))
    (tmp_path / "de").mkdir()
    sitemaps.write_language_sitemaps(tmp_path, URLS, 1768521600)
    german = (tmp_path / "de" / "sitemap.xml").read_text(encoding="utf-8")
    assert german.count("<loc>") == 2 and "<loc>https://example.org/x/</loc>" not in german
    packed = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(packed[4:8], "little") == 1768521600
    assert gzip.decompress(packed).decode() == SITEMAP


# --- i18n ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "dest"), [("en", "events/x/index.html"), ("de", "de/events/x/index.html")]
)
def test_a_generated_page_is_addressed_as_the_i18n_plugin_expects(language: str, dest: str) -> None:
    file = File(f"{language}/events/x.md", None, "/site", True)
    i18n.localize(file, "events/x.md", language, "en", True)
    assert file.dest_uri == dest
    assert (file.locale, file.locale_alternate_of, file.localization) == (language,) * 3  # type: ignore[attr-defined]
    assert i18n.neutral_path(file) == "events/x.md"


# --- the glossary's "appears in" -------------------------------------------------------------


def test_pages_that_mention_a_term_are_linked_from_the_glossary() -> None:
    mentions = Mentions()
    mentions.record("de", "events/x.md", "Ein Ereignis", "de/events/x/", ("cartel",))
    mentions.record("en", "events/x.md", "An event", "events/x/", ("cartel",))
    [ref] = mentions.refs("de", "de/glossary/")
    assert (ref.path, ref.title, ref.href, ref.mentioned) == (
        "events/x.md",
        "Ein Ereignis",
        "../events/x/",
        ("cartel",),
    )


# --- search: generated pages reach Material's index with less markup --------------------------


def _sections(page_html: str) -> list[tuple[str | None, str, str]]:
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(page_html)
    parser.close()
    return [(s.id, "".join(s.title).strip(), "".join(s.text).strip()) for s in parser.data]


def _linked_pages(tmp_path: Path, data: str):  # type: ignore[no-untyped-def]
    from explainer.site import Explainer, SiteConfig, heading_style

    (tmp_path / "data").mkdir(parents=True)
    (tmp_path / "data" / "events.yaml").write_text(data, encoding="utf-8")
    site = Explainer.load(
        SiteConfig.from_settings(
            tmp_path,
            ("en", "de"),
            tmp_path / "docs",
            None,
            headings=heading_style({"permalink": True}),
        )
    )
    for language in ("en", "de"):
        for page in site.pages(language):
            yield site.link_terms(language, page.html, "../glossary/").html


@pytest.mark.parametrize("story", [pytest.param("seed", marks=pytest.mark.story), "synthetic"])
def test_the_search_index_sees_the_same_sections_without_the_discarded_markup(
    tmp_path: Path, story: str
) -> None:
    import yaml

    from bench.synthetic import generate
    from tests.conftest import REPO

    data = (
        (REPO / "data" / "events.yaml").read_text(encoding="utf-8")
        if story == "seed"
        else yaml.safe_dump(generate(60), allow_unicode=True, sort_keys=False)
    )
    pages = list(_linked_pages(tmp_path, data))
    assert len(pages) > 30
    for content in pages:
        lighter = search.without_discarded_markup(content)
        assert len(lighter) < len(content)
        assert _sections(lighter) == _sections(content)


# --- the theme's templates, compiled once per process -------------------------------------------


def test_templates_compiled_by_one_build_serve_the_next_until_their_source_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jinja2

    from mkdocs_explainer.theme import CompiledTemplates

    (tmp_path / "page.html").write_text("<p>{{ x }}</p>", encoding="utf-8")
    cache = CompiledTemplates()
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        compiled.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)

    def build() -> str:  # a new environment, as MkDocs makes for every build
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=cache)
        return env.get_template("page.html").render(x="a")

    assert build() == build() == "<p>a</p>"
    assert compiled == ["page.html"]
    (tmp_path / "page.html").write_text("<div>{{ x }}</div>", encoding="utf-8")
    assert build() == "<div>a</div>"
    assert compiled == ["page.html", "page.html"]
