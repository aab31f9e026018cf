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


def _described(sections: list[object]) -> list[tuple[str | None, str, str]]:
    """Sections as Material's index reads them: id, title and text."""
    return [(s.id, "".join(s.title).strip(), "".join(s.text).strip()) for s in sections]  # type: ignore[attr-defined]


def _sections(page_html: str) -> list[tuple[str | None, str, str]]:
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(page_html)
    parser.close()
    return _described(parser.data)


class _Generated:
    """A generated page as Material's search index reads it (content, toc, url, meta,
    title): the type `index_generated_pages_lightly` is told to treat as generated."""

    def __init__(self, **fields: object) -> None:
        self.__dict__.update(fields)


def _generated_pages(tmp_path: Path, data: str) -> list[_Generated]:
    """The story's generated pages in both languages, glossary links included."""
    from explainer.site import Explainer, SiteConfig, heading_style
    from mkdocs_explainer.pages import toc_tokens

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
    return [
        _Generated(
            content=site.link_terms(language, page.html, "../glossary/").html,
            toc=get_toc(toc_tokens(page.toc)),
            url=f"{language}/{page.path.removesuffix('.md')}/",
            meta=page.meta,
            title=page.title,
        )
        for language in ("en", "de")
        for page in site.pages(language)
    ]


def _linked_pages(tmp_path: Path, data: str) -> list[str]:
    return [page.content for page in _generated_pages(tmp_path, data)]


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


# --- search: generated pages read by a scan instead of HTMLParser's tokenizer -----------------

#: Appended to the texts of the minimal story: markup, character references (escaped and
#: escaped twice), quotes, lone `<` and `>`, Markdown links and autolinks, comments.
HOSTILE = (
    "<script>alert('x')</script>",
    "&amp;lt;b&amp;gt; &#x27;single&#x27; &#39; &quot;x&quot; &nbsp;&#0;&unknown; &amp",
    "\"double\" and 'single' quotes, a < b > c && d <",
    "[a link](https://example.org/?a=1&b=2 \"its 'title'\") and <https://example.org/x>",
    "<!-- a comment --> </p> <b onclick=\"x\">bold</b> <p class='x'> <br/>",
    "</script><style>p{}</style> <![CDATA[ x ]]> <?php ?> <!DOCTYPE html> <!-->",
)

#: The keys of the data's free texts, plain and Markdown
_TEXTS = frozenset(
    ("title", "summary", "body", "text", "name", "role", "definition", "term", "place")
    + ("label", "publisher", "description")
)


def _hostile(value: object, key: str = "", counter: list[int] | None = None) -> object:
    """`value` (the loaded minimal story) with a HOSTILE string after every free text."""
    counter = counter if counter is not None else [0]
    if isinstance(value, dict):
        return {k: _hostile(v, key if k in ("en", "de") else k, counter) for k, v in value.items()}
    if isinstance(value, list):
        return [_hostile(v, key, counter) for v in value]
    if isinstance(value, str) and key in _TEXTS:
        counter[0] += 1
        return f"{value} {HOSTILE[counter[0] % len(HOSTILE)]}"
    return value


def _story(story: str) -> str:
    import yaml

    from bench.synthetic import generate
    from tests.conftest import REPO, minimal_yaml

    if story == "seed":
        return (REPO / "data" / "events.yaml").read_text(encoding="utf-8")
    if story == "hostile":
        return yaml.safe_dump(_hostile(yaml.safe_load(minimal_yaml())), allow_unicode=True)
    return yaml.safe_dump(generate(60), allow_unicode=True, sort_keys=False)


def _page(content: str, **meta: object) -> _Generated:
    return _Generated(content=content, toc=get_toc([]), url="x/", meta=meta, title="X")


def _entries(pages: list[_Generated], *, ours: bool) -> tuple[list[dict[str, object]], int]:
    """Material's search entries of `pages`, with our indexing installed or without it,
    and how many of them went through Material's own `add_entry_from_context`."""
    from types import SimpleNamespace

    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex(lang=["en"], separator="[\\s]+", pipeline=[], fields={})
    materials = index.add_entry_from_context
    through_material: list[object] = []

    def counting(page: object) -> None:
        through_material.append(page)
        materials(page)

    index.add_entry_from_context = counting  # type: ignore[method-assign]
    if ours:
        config = SimpleNamespace(plugins={"material/search": SimpleNamespace(search_index=index)})
        search.index_generated_pages_lightly(config, _Generated)  # type: ignore[arg-type]
    for page in pages:
        index.add_entry_from_context(page)
    return index.entries, len(through_material)


def _exactly(sections: list[object]) -> list[tuple[object, ...]]:
    """Everything Material's parser keeps of a section, its text not yet joined."""
    return [(s.id, s.depth, s.el.tag, s.el.attrs, s.title, s.text) for s in sections]  # type: ignore[attr-defined]


def _parsed(page_html: str) -> list[object]:
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(page_html)
    parser.close()
    return parser.data


@pytest.mark.parametrize(
    "story", [pytest.param("seed", marks=pytest.mark.story), "synthetic", "hostile"]
)
def test_the_scan_gives_materials_parser_the_same_sections_and_the_index_the_same_entries(
    tmp_path: Path, story: str
) -> None:
    pages = _generated_pages(tmp_path, _story(story))
    assert len(pages) > 20
    if story == "hostile":  # the texts reach the pages escaped, some twice
        assert all(any(s in p.content for p in pages) for s in ("&amp;lt;", "&#x27;", "&lt;!--"))
    for page in pages:
        light = search.without_discarded_markup(page.content)
        scanned = search.scanned_sections(light)
        assert scanned is not None, f"{page.url}: the scan handed the page back"
        assert _described(scanned) == _sections(page.content), page.url
        assert _exactly(scanned) == _exactly(_parsed(light)), page.url
    entries, through_material = _entries(pages, ours=True)
    assert through_material == 0
    assert entries == _entries(pages, ours=False)[0]


def _calls(page_html: str, *, scan: bool) -> list[tuple[object, ...]] | None:
    """The handler calls HTMLParser makes for `page_html`, or the scan (None if it gave
    the page back)."""
    from html.parser import HTMLParser

    class Recorder(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.calls: list[tuple[object, ...]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.calls.append(("start", tag, attrs))

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.calls.append(("startend", tag, attrs))

        def handle_endtag(self, tag: str) -> None:
            self.calls.append(("end", tag))

        def handle_data(self, data: str) -> None:
            self.calls.append(("data", data))

    recorder = Recorder()
    if scan:
        return recorder.calls if search.scan_into(recorder, page_html) else None
    recorder.feed(page_html)
    recorder.close()
    return recorder.calls


@pytest.mark.parametrize(
    "page_html",
    [
        '<H2 ID="a-b" Class="x">T &amp; t</H2>\n<P title="a &amp; b &lt;c&gt; &#x27;q&#39;" '
        'hidden data-x="">x &amp;lt; y &gt; z &nbsp;&#8212;&#x2014;</P>',
        '<p\nclass = "a"\n>one</p ><br/><br /><img alt="&quot;&gt;" src="a.png"/><hr>',
        'a<!-- a comment <b> with - dashes -->b<!---->c\n\n<my-el data-v="1">d</my-el>',
        '<h2 id="x" data-search-exclude>Hidden</h2><p>gone</p><h2 id="y">Seen</h2><p>kept</p>',
        "<ul>\n<li>one</li>\n\n<li>\n</li>\n<li>two &amp;</li></ul>\n\ntail &amp",
        '<a href="?a=1&amp;b=2&copy=3">x</a> & y &; &#xZZ; &unknownentity; text > text',
        "plain text only, &lt;no tags&gt;",
        "",
    ],
)
def test_the_scan_calls_the_handlers_as_htmlparser_does(page_html: str) -> None:
    assert _calls(page_html, scan=True) == _calls(page_html, scan=False)


@pytest.mark.parametrize(
    "markup",
    [
        "<script>if (a < b) {}</script>",
        "<STYLE>p > a {}</STYLE>",
        "<textarea><p>x</p></textarea>",
        "<!DOCTYPE html>",
        "<![CDATA[ x ]]>",
        "<?php echo 1 ?>",
        "<!--> a -->",
        "<!-- a -- b -->",
        "<p class='single'>x</p>",
        "<p class=bare>x</p>",
        '<p class="a"title="b">x</p>',
        "a < b",
        "a <",
        "</ p>",
        '<p\x0bclass="x">vertical tab</p>',
        '<p class="x"',
    ],
)
def test_markup_the_scan_is_not_sure_about_goes_to_htmlparser(markup: str) -> None:
    content = f'<h1 id="a">A</h1><p>x &amp; y</p><h2 id="b">B</h2>{markup}<p>z</p>'
    assert _calls(content, scan=True) is None
    entries, through_material = _entries([_page(content)], ours=True)
    assert through_material == 1
    assert entries == _entries([_page(content)], ours=False)[0]


def test_excluded_pages_and_sections_stay_out_of_the_index() -> None:
    pages = [
        _page('<h1 id="a">A</h1><p>x</p>', search={"exclude": True}),
        _page('<h1 id="a">A</h1><p>x</p><h2 id="b" data-search-exclude>B</h2><p>y</p>'),
        _page('<h1 id="a">A</h1><p>x</p>', search={"boost": 2}, tags=["t", 1, None]),
    ]
    entries, through_material = _entries(pages, ours=True)
    assert through_material == 0
    assert entries == _entries(pages, ours=False)[0]
    assert [(e["location"], e["text"]) for e in entries] == [("x/", "<p>x</p>")] * 2


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
