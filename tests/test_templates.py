"""Generated pages from templates: headings and contents as Markdown would make them,
localized permanent links, and templates a site overrides."""

from __future__ import annotations

import posixpath
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer.site import Explainer, SiteConfig, heading_style
from explainer.templating import (
    Heading,
    Headings,
    HeadingStyle,
    TemplateError,
    table_of_contents,
)
from explainer.urls import _relpath
from tests.conftest import make_site, minimal_yaml, mkdocs_build


def site(tmp_path: Path, template_dirs: tuple[Path, ...] = ()) -> Explainer:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "events.yaml").write_text(minimal_yaml(), encoding="utf-8")
    config = SiteConfig.from_settings(
        tmp_path,
        ("en", "de"),
        tmp_path / "docs",
        None,
        template_dirs=template_dirs,
        headings=heading_style({"permalink": True}),
    )
    return Explainer.load(config)


def generated(explainer: Explainer, language: str, path: str):  # type: ignore[no-untyped-def]
    [found] = [p for p in explainer.pages(language) if p.path == path]
    return found


# --- headings and the table of contents ------------------------------------------------------


def test_headings_get_ids_as_the_toc_extension_gives_them() -> None:
    make = Headings(HeadingStyle(), "Permanent link", reserved=("events",))
    assert make(2, "Events") == (
        '<h2 id="events_1">Events<a class="headerlink" href="#events_1" '
        'title="Permanent link">&para;</a></h2>'
    )
    assert 'id="events_2"' in make(2, "Events")
    german = make(3, "Außenpolitik & Co")  # Python-Markdown's slugify drops ß and &
    assert german.startswith('<h3 id="auenpolitik-co">Außenpolitik &amp; Co<a ')
    # an id the page sets itself
    assert make(3, "<Title>", anchor="first-call").startswith('<h3 id="first-call">&lt;Title&gt;<a')


def test_no_permalink_when_the_site_asks_for_none() -> None:
    make = Headings(heading_style(None), "Permanent link")
    assert make(2, "Quotes") == '<h2 id="quotes">Quotes</h2>'
    assert heading_style({"permalink": "#"}).permalink == "#"


def test_the_table_of_contents_nests_the_headings_in_page_order() -> None:
    content = (
        '<h1 id="t">Title<a class="headerlink" href="#t">&para;</a></h1><p>x</p>'
        '<h2 id="a">A &amp; B</h2><h3 id="a1"><a href="../x/">Linked</a></h3>'
        '<h2 id="b">B</h2>'
    )
    assert table_of_contents(content) == (
        Heading(
            1,
            "t",
            "Title",
            (Heading(2, "a", "A & B", (Heading(3, "a1", "Linked"),)), Heading(2, "b", "B")),
        ),
    )


def test_an_event_pages_contents_are_its_headings(tmp_path: Path) -> None:
    page = generated(site(tmp_path), "de", "events/first-call.md")
    root = lxml.html.fromstring(f"<div>{page.html}</div>")
    headings = root.cssselect("h1, h2")
    [top] = page.toc
    assert [top.id] + [h.id for h in top.children] == [h.get("id") for h in headings]
    assert top.title == "Ada ruft Bob an" and top.children[0].title == "Teilnehmer"
    assert len({h.get("id") for h in headings}) == len(headings)


def test_the_permanent_link_is_named_in_the_pages_language(tmp_path: Path) -> None:
    explainer = site(tmp_path)
    for language, title in (("en", "Permanent link"), ("de", "Link zu diesem Abschnitt")):
        root = lxml.html.fromstring(generated(explainer, language, "glossary.md").html)
        titles = {a.get("title") for a in root.cssselect("a.headerlink")}
        assert titles == {title}


def test_the_front_matter_a_page_would_have_is_escaped_html(tmp_path: Path) -> None:
    page = generated(site(tmp_path), "en", "timeline.md")
    assert page.meta["toc_depth"] == 2
    assert page.meta["title"] == "Timeline"
    assert "<" not in page.meta["description"]


# --- a site's own templates ------------------------------------------------------------------

OVERRIDE = """\
{% extends "builtin/event.html" %}
{% block summary %}<p class="my-summary">{{ text(event.summary) }}</p>{% endblock %}
"""


def test_a_site_replaces_a_block_of_the_event_page(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides" / "explainer"
    overrides.mkdir(parents=True)
    (overrides / "event.html").write_text(OVERRIDE, encoding="utf-8")
    explainer = site(tmp_path, (overrides,))
    event = generated(explainer, "en", "events/first-call.md").html
    root = lxml.html.fromstring(f"<div>{event}</div>")
    [summary] = root.cssselect("p.my-summary")
    assert summary.text_content() == "They talk about the budget."
    assert root.cssselect("h2#participants")  # the other blocks as they were
    # other pages keep the built-in templates
    assert "my-summary" not in generated(explainer, "en", "timeline.md").html


SITEMAP = "sitemap.xml"


@pytest.mark.build
def test_the_sitemap_template_comes_from_the_generator_unless_the_site_has_its_own(
    tmp_path: Path,
) -> None:
    """A site holds no copy of it: without `site_url` the i18n plugin's own template would
    list `None/...` addresses with the day of the build; the generator's lists nothing."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    generated = make_site(tmp_path / "a", minimal_yaml())
    assert mkdocs_build(generated, tmp_path / "a" / "site").returncode == 0
    sitemap = (tmp_path / "a" / "site" / SITEMAP).read_text(encoding="utf-8")
    assert "<urlset" in sitemap and "<url>" not in sitemap and "None/" not in sitemap
    own = make_site(
        tmp_path / "b",
        minimal_yaml(),
        extra_settings="theme:\n  name: material\n  custom_dir: overrides\n",
    )
    own.write_text(
        own.read_text(encoding="utf-8").replace("theme:\n  name: material\n", "", 1),
        encoding="utf-8",
    )
    (tmp_path / "b" / "overrides").mkdir()
    (tmp_path / "b" / "overrides" / SITEMAP).write_text(
        '<?xml version="1.0"?><urlset><!-- this site\'s own --></urlset>', encoding="utf-8"
    )
    result = mkdocs_build(own, tmp_path / "b" / "site")
    assert result.returncode == 0, result.stderr
    assert "this site's own" in (tmp_path / "b" / "site" / SITEMAP).read_text(encoding="utf-8")


@pytest.mark.build
def test_the_theme_custom_dir_holds_the_sites_templates(tmp_path: Path) -> None:
    config = make_site(
        tmp_path,
        minimal_yaml(),
        extra_settings="theme:\n  name: material\n  custom_dir: overrides\n",
    )
    text = config.read_text(encoding="utf-8").replace("theme:\n  name: material\n", "", 1)
    config.write_text(text, encoding="utf-8")
    overrides = tmp_path / "overrides" / "explainer"
    overrides.mkdir(parents=True)
    (overrides / "event.html").write_text(OVERRIDE, encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = lxml.html.parse(str(tmp_path / "site" / "de" / "events" / "first-call" / "index.html"))
    assert page.getroot().cssselect("article p.my-summary")


def test_an_override_that_breaks_names_its_template(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides" / "explainer"
    overrides.mkdir(parents=True)
    broken = overrides / "event.html"
    broken.write_text("{% extends 'builtin/event.html' %}\n{% block summary %}\n", "utf-8")
    with pytest.raises(TemplateError) as error:
        site(tmp_path, (overrides,)).pages("en")
    assert str(error.value).startswith(f"{broken}:2: the template cannot be read: Unexpected end")
    broken.write_text(
        "{% extends 'builtin/event.html' %}\n{% block summary %}\n{{ nothing.here }}{% endblock %}",
        "utf-8",
    )
    with pytest.raises(TemplateError) as error:
        site(tmp_path, (overrides,)).pages("en")
    assert str(error.value) == f"{broken}:3: 'nothing' is undefined"
    # a counted heading without its count: it could not say "Source" or "Sources"
    broken.write_text(
        "{% extends 'builtin/event.html' %}\n{% block sources %}\n"
        '{{ heading(2, t("event.sources")) }}{% endblock %}',
        "utf-8",
    )
    with pytest.raises(TemplateError) as error:
        site(tmp_path, (overrides,)).pages("en")
    assert str(error.value) == (
        f"{broken}:3: the UI string `event.sources` has plural forms and needs a count"
    )


# --- relative links, computed without the working directory -----------------------------------

_SEGMENT = st.sampled_from(["de", "events", "x", "actors", "glossary", "index.html", ".", ""])


@given(st.lists(_SEGMENT, max_size=5), st.lists(_SEGMENT, max_size=4))
def test_relative_paths_are_those_of_posixpath(target: list[str], base: list[str]) -> None:
    to, start = "/".join(target) or ".", "/".join(base) or "."
    assert _relpath(to, start) == posixpath.relpath(to, start)


def test_a_label_is_followed_by_its_languages_colon(tmp_path: Path) -> None:
    from explainer.strings import load_strings

    tables = load_strings(("en", "de", "fr", "es"))
    assert [tables[lang]("label", label="Type") for lang in ("en", "de", "fr", "es")] == [
        "Type:",
        "Type:",
        "Type\u00a0:",
        "Type:",
    ]
    page = generated(site(tmp_path), "de", "events/first-call.md").html
    assert "<li><strong>Datum:</strong> 2.\u00a0März\u00a02026</li>" in page
