"""Real `mkdocs build` runs, read as HTML: pages, languages, switcher, sitemap, failures."""

from __future__ import annotations

import gzip
import hashlib
import re
import sys
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
import yaml

from explainer.outputs.common import event_start
from explainer.validate import load_story
from tests.conftest import (
    BEFORE_THE_FIXTURE_EPOCH,
    FORKS,
    REPO,
    REPO_URL,
    SITE_URL,
    in_theme,
    make_site,
    minimal_yaml,
    mkdocs_build,
    run,
)

pytestmark = pytest.mark.build

LANGS = {"en": "", "de": "de/"}
SPEC_PAGES = ["timeline/", "glossary/", "figures/", "actors/", "changes/"]
ERROR_LINE = re.compile(r"^data/events\.yaml:\d+:\d+: [a-z0-9._\[\]-]+: .+$")


def parse(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(path)).getroot()


def page_file(site: Path, url: str) -> Path:
    return site / url / "index.html"


def all_pages(story) -> list[str]:  # type: ignore[no-untyped-def]
    pages = [""] + SPEC_PAGES + ["about/"]
    pages += [f"events/{e}/" for e in story.events] + [f"actors/{a}/" for a in story.actors]
    return pages


def test_every_page_in_every_language_at_the_spec_path(seed_site: Path, seed_story) -> None:  # type: ignore[no-untyped-def]
    story = seed_story.story
    assert len(story.events) >= 7 and len(story.actors) >= 9
    for lang, prefix in LANGS.items():
        for url in all_pages(story):
            path = page_file(seed_site, prefix + url)
            assert path.is_file(), path
            root = parse(path)
            assert root.get("lang") == lang, path


def test_event_page_in_german_is_german(seed_site: Path, seed_story) -> None:  # type: ignore[no-untyped-def]
    event = seed_story.story.events["sheinbaum-press-conference"]
    root = parse(page_file(seed_site, "de/events/sheinbaum-press-conference/"))
    assert root.findtext(".//h1").strip("¶ ") == event.title["de"]
    text = root.text_content()
    # a statement's participant is the one who issued it (R17 read "Participant", R20/R21
    # "Urheber" as a copyright's; R26/R27 "Stellungnahme" as a formal position paper over a
    # press conference, R30 "Äußerung von" as a calque of "Statement by")
    assert (
        "Wer sich äußerte" in text
        and "Stellungnahme" not in text
        and "16.\u00a0Januar\u00a02026" in text
    )


def test_switcher_lands_on_the_counterpart_page(seed_site: Path, seed_story) -> None:  # type: ignore[no-untyped-def]
    for prefix in LANGS.values():
        for url in all_pages(seed_story.story):
            path = page_file(seed_site, prefix + url)
            root = parse(path)
            targets = {
                a.get("hreflang"): a.get("href") for a in root.cssselect("a.md-select__link")
            }
            assert set(targets) == set(LANGS), path
            for other, href in targets.items():
                target = (path.parent / href / "index.html").resolve()
                assert target == page_file(seed_site, LANGS[other] + url).resolve(), (
                    path,
                    other,
                    href,
                )
                assert parse(target).get("lang") == other


def hreflang(root: lxml.html.HtmlElement) -> dict[str, str]:
    links = root.cssselect("head link[hreflang]")
    assert all(link.get("rel").split() == ["alternate"] for link in links)
    return {link.get("hreflang"): link.get("href") for link in links}


def test_hreflang_alternates_in_head(seed_site: Path, published_site: Path) -> None:
    path = page_file(seed_site, "de/actors/rubio/")
    links = hreflang(parse(path))
    assert set(links) == {"en", "de", "x-default"}
    assert (path.parent / links["en"]).resolve() == page_file(
        seed_site, "actors/rubio/"
    ).parent.resolve()
    assert (path.parent / links["de"]).resolve() == path.parent.resolve()
    assert links["x-default"] == links["en"]
    # with a site URL: absolute
    links = hreflang(parse(page_file(published_site, "de/actors/rubio/")))
    assert links == {
        "en": f"{SITE_URL}actors/rubio/",
        "de": f"{SITE_URL}de/actors/rubio/",
        "x-default": f"{SITE_URL}actors/rubio/",
    }


def test_event_and_actor_pages_stay_out_of_the_navigation(seed_site: Path) -> None:
    for prefix in LANGS.values():
        root = parse(page_file(seed_site, prefix + "timeline/"))
        nav_links = [a.get("href") for a in root.cssselect("nav.md-nav--primary a.md-nav__link")]
        assert nav_links, "the primary navigation is rendered"
        assert not [h for h in nav_links if h and ("events/" in h or re.search(r"actors/[a-z]", h))]
        # the listing pages are in it
        assert any(h and h.rstrip("/").endswith("glossary") for h in nav_links)


def test_sitemap_lists_generated_pages_with_alternates(published_site: Path, seed_story) -> None:  # type: ignore[no-untyped-def]
    site, base = published_site, SITE_URL
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = lxml.etree.parse(str(site / "sitemap.xml"))
    entries = {
        url.findtext("s:loc", namespaces=ns): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in tree.findall("s:url", ns)
    }
    pages = all_pages(seed_story.story)
    assert len(entries) == len(pages) * len(LANGS)
    for url in pages:
        for prefix in LANGS.values():
            alternates = entries[base + prefix + url]
            assert alternates == {lang: base + p + url for lang, p in LANGS.items()}
    canonical = parse(page_file(site, "de/events/embassy-post/")).cssselect('link[rel="canonical"]')
    assert canonical[0].get("href") == base + "de/events/embassy-post/"


def test_data_is_loaded_once_per_build(tmp_path: Path) -> None:
    config = make_site(tmp_path, minimal_yaml())
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("loaded and validated") == 1


def _tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_broken_data_stops_the_build_with_located_lines_and_keeps_the_old_site(
    tmp_path: Path,
) -> None:
    config = make_site(tmp_path, minimal_yaml())
    site = tmp_path / "site"
    day = {"SOURCE_DATE_EPOCH": BEFORE_THE_FIXTURE_EPOCH}  # no warning: the errors alone
    assert mkdocs_build(config, site, env=day).returncode == 0
    before = _tree_digest(site)
    broken = minimal_yaml().replace("type: call", "type: cal").replace("[ada, bob]", "[ada, bobb]")
    (tmp_path / "data" / "events.yaml").write_text(broken, encoding="utf-8")
    result = mkdocs_build(config, site, env=day)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if ERROR_LINE.match(line)]
    assert len(lines) == 2, result.stderr
    assert any(
        "events.first-call.type: `cal` is not one of call, statement, meeting" in x for x in lines
    )
    assert any("did you mean `bob`?" in x for x in lines)
    assert _tree_digest(site) == before

    validate = run([sys.executable, "-m", "explainer", "validate"], cwd=tmp_path, env_extra=day)
    assert validate.returncode == 1
    assert [x for x in validate.stderr.splitlines() if ERROR_LINE.match(x)] == lines


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("", "data/events.yaml:1:1: the file is empty"),
        (
            "actors: {}\nglossary: {}\nevents:\n\tx: 1\n",
            "data/events.yaml:4:1: line 4 is indented with a tab; YAML needs spaces",
        ),
        (
            "actors: []\nglossary: {}\nevents: {}\n",
            "data/events.yaml:1:9: actors: expected a mapping",
        ),
    ],
)
def test_unreadable_data_gets_a_located_error_and_no_traceback(
    tmp_path: Path, data: str, expected: str
) -> None:
    config = make_site(tmp_path, data)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert expected in result.stderr
    assert not (tmp_path / "site").exists()


def test_unknown_block_in_a_hand_written_page_is_located(tmp_path: Path) -> None:
    config = make_site(tmp_path, minimal_yaml())
    (tmp_path / "docs" / "de" / "index.md").write_text("# Start\n\n<!-- explainer:upcomming -->\n")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/de/index.md:3:1: unknown block `explainer:upcomming`" in result.stderr


def test_a_new_explainer_from_the_minimal_config_builds_strict(tmp_path: Path) -> None:
    config = make_site(tmp_path, minimal_yaml())
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    home = parse(site / "de" / "index.html")
    assert "Der Stadtrat tagt" in home.text_content()  # the upcoming block, in German
    assert (site / "de" / "events" / "council-meeting" / "index.html").is_file()


def test_cli_validate_and_render(tmp_path: Path) -> None:
    ok = run([sys.executable, "-m", "explainer", "validate"], cwd=REPO)
    assert ok.returncode == 0 and "OK: " in ok.stdout
    out = tmp_path / "rendered"
    result = run([sys.executable, "-m", "explainer", "render", "--out", str(out)], cwd=REPO)
    assert result.returncode == 0, result.stderr
    # generated pages as HTML fragments at their addresses, so that their links resolve
    embassy = (out / "de" / "events" / "embassy-post" / "index.html").read_text(encoding="utf-8")
    assert embassy.startswith('<h1 id="') and '<a href="../../actors/' in embassy
    assert (out / "de" / "events" / "embassy-post" / "../../actors/index.html").is_file()
    index = (out / "en" / "index.md").read_text(encoding="utf-8")
    assert (
        "explainer:key-figures" not in index and "(events/sheinbaum-press-conference.md)" in index
    )


def test_a_hand_written_page_at_a_generated_path_is_refused(tmp_path: Path) -> None:
    config = make_site(tmp_path, minimal_yaml())
    (tmp_path / "docs" / "de" / "timeline.md").write_text("# Meine Chronik\n", encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/de/timeline.md:1:1: `timeline.md` is generated from the data" in result.stderr


def _add_language(value, lang: str):  # type: ignore[no-untyped-def]
    """Every localized text of the data gets a text in `lang` too."""
    if isinstance(value, dict):
        if set(value) == {"en", "de"} and all(isinstance(v, str) for v in value.values()):
            return {**value, lang: f"[{lang}] {value['en']}"}
        return {k: _add_language(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [_add_language(v, lang) for v in value]
    return value


def test_a_third_language_needs_only_configuration_data_and_strings(tmp_path: Path) -> None:
    import yaml

    # Italian: no built-in UI strings (en, de, fr, es are built in), so the site adds them
    data = _add_language(yaml.safe_load(minimal_yaml()), "it")
    # the English word the Italian texts keep ("[it] They talk about the budget.")
    data["foreign_words"] = {"en": ["budget"], "de": ["Haushalt"]}
    strings = yaml.safe_load(
        (REPO / "explainer" / "strings" / "en.yaml").read_text(encoding="utf-8")
    )
    strings["timeline.title"] = "Cronologia"
    # the English table's own month words are English: a copy leaves them empty (README)
    strings["months.in_dates"] = strings["months.abbreviated"] = ""
    for key, text in strings.items():  # Italian counts have the forms one, many, other
        if isinstance(text, dict):
            strings[key] = {**text, "many": text["other"]}
    (tmp_path / "strings").mkdir()
    (tmp_path / "strings" / "it.yaml").write_text(yaml.safe_dump(strings, allow_unicode=True))
    config = make_site(
        tmp_path,
        yaml.safe_dump(data, allow_unicode=True),
        languages=("en", "de", "it"),
        extra_settings="    strings: strings\n",
    )
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    page = parse(site / "it" / "timeline" / "index.html")
    assert page.get("lang") == "it"
    assert page.findtext(".//h1").strip("¶ ") == "Cronologia"
    assert "2\u00a0marzo\u00a02026" in page.text_content()
    call = "events/first-call/index.html"
    marked = {
        prefix: {
            (e.get("lang"), e.text) for e in parse(site / prefix / call).cssselect("article [lang]")
        }
        for prefix in ("", "de", "it")
    }
    assert marked == {"": set(), "de": set(), "it": {("en", "budget")}}
    english = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if not p.relative_to(site).as_posix().startswith(("de/", "it/")) and in_theme(site, p)
    )
    assert len(english) == 12  # home, 5 listings, 3 events, 3 actors
    for prefix in ("", "de/", "it/"):
        for path in english:
            html_file = site / (prefix + path)
            assert html_file.is_file(), html_file
            root = parse(html_file)
            assert root.get("lang") == (prefix.rstrip("/") or "en")
            targets = {
                a.get("hreflang"): a.get("href") for a in root.cssselect("a.md-select__link")
            }
            assert set(targets) == {"en", "de", "it"}
            for lang, href in targets.items():
                landing = (html_file.parent / href / "index.html").resolve()
                expected = site / ("" if lang == "en" else f"{lang}/") / path
                assert landing == expected.resolve(), (html_file, lang)


def test_a_build_failing_late_leaves_the_previous_site(tmp_path: Path) -> None:
    """Strict mode fails after every page was written: site/ must still be the old one."""
    config = make_site(tmp_path, minimal_yaml())
    site = tmp_path / "site"
    assert mkdocs_build(config, site).returncode == 0
    before = _tree_digest(site)
    (tmp_path / "docs" / "de" / "about.md").write_text("# Über\n\n[kaputt](nowhere.md)\n")
    result = mkdocs_build(config, site)
    assert result.returncode == 1 and "nowhere.md" in result.stderr  # a strict-mode warning
    assert _tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "docs", "mkdocs.yml", "site"]


def _gzip_mtime(path: Path) -> int:
    header = path.read_bytes()[:10]
    return int.from_bytes(header[4:8], "little")


@pytest.mark.parametrize("epoch", [None, "1700000000"])
def test_the_compressed_sitemap_carries_no_build_date(tmp_path: Path, epoch: str | None) -> None:
    """MkDocs stamps sitemap.xml.gz with the day of the build, so two builds of one commit
    on different days differed. The stamp comes from the data, or SOURCE_DATE_EPOCH."""
    config = make_site(tmp_path, minimal_yaml(), extra_settings="site_url: https://e.org/x/\n")
    env = {"SOURCE_DATE_EPOCH": epoch} if epoch else {}
    result = mkdocs_build(config, tmp_path / "site", env=env)
    assert result.returncode == 0, result.stderr
    packed = tmp_path / "site" / "sitemap.xml.gz"
    story = load_story(tmp_path / "data" / "events.yaml", ("en", "de"))
    latest_event = int(max(event_start(e) for e in story.events.values()).timestamp())
    assert _gzip_mtime(packed) == (int(epoch) if epoch else latest_event)
    assert gzip.decompress(packed.read_bytes()) == (tmp_path / "site" / "sitemap.xml").read_bytes()


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path: Path) -> None:
    config = make_site(tmp_path, minimal_yaml())
    digests = []
    for name in ("one", "two"):
        assert mkdocs_build(config, tmp_path / name).returncode == 0
        digests.append(_tree_digest(tmp_path / name))
    assert digests[0] == digests[1]
    assert len(digests[0]) > 50


def test_readers_find_where_to_propose_a_correction(published_site: Path) -> None:
    """The about page sends readers to the repository; the published site links it."""
    for prefix, word in (("", "correction"), ("de/", "Korrektur")):
        page = parse(published_site / prefix / "about" / "index.html")
        assert word in page.text_content()
        links = [a.get("href") for a in page.cssselect("a.md-source")]  # header, drawer
        assert links and set(links) == {REPO_URL}


def test_the_timeline_contents_list_months_while_every_event_stays_a_heading(
    seed_site: Path,
    seed_story,  # type: ignore[no-untyped-def]
) -> None:
    story = seed_story.story
    months = {(e.date.year, e.date.month) for e in story.events.values()}
    for prefix in LANGS.values():
        root = parse(page_file(seed_site, prefix + "timeline/"))
        toc = root.cssselect("nav.md-nav--secondary a.md-nav__link")
        targets = {a.get("href") for a in toc}  # Material prints the contents twice
        assert len(targets) == len(months), targets  # one entry a month, no event
        for event_id in story.events:
            heading = root.get_element_by_id(event_id)
            assert heading.tag == "h3", event_id  # screen readers still move by event
            assert f"#{event_id}" not in targets


def test_a_hand_written_page_may_limit_its_contents_and_is_told_a_bad_depth(
    tmp_path: Path,
) -> None:
    config = make_site(tmp_path, minimal_yaml())
    page = tmp_path / "docs" / "en" / "about.md"
    body = "# About\n\n## Part one\n\n### Detail\n\n## Part two\n"
    page.write_text("---\ntoc_depth: 2\n---\n\n" + body, encoding="utf-8")
    (tmp_path / "docs" / "de" / "about.md").write_text(body, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr

    def contents(page: Path) -> list[str]:
        links = parse(page).cssselect("nav.md-nav--secondary a.md-nav__link")
        return list(dict.fromkeys(a.text_content().strip() for a in links))  # printed twice

    assert contents(site / "about" / "index.html") == ["Part one", "Part two"]
    assert contents(site / "de" / "about" / "index.html") == ["Part one", "Detail", "Part two"]

    page.write_text("---\ntoc_depth: deep\n---\n\n" + body, encoding="utf-8")
    result = mkdocs_build(config, site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "en/about.md: toc_depth: 'deep' is not a heading level from 1 to 6" in result.stderr


def test_a_hand_written_headings_date_is_kept_whole_in_the_contents_as_on_the_page(
    tmp_path: Path,
) -> None:
    """R35/R37/R39: the sidebar broke "January 15" of a hand-written heading that the
    page itself keeps together; the contents list the heading as the page shows it."""
    config = make_site(tmp_path, minimal_yaml())
    body = {"en": "# About\n\n## The call of March 2\n", "de": "# Über\n\n## Am 2. März\n"}
    for lang, text in body.items():
        (tmp_path / "docs" / lang / "about.md").write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    for page, heading in (
        (site / "about" / "index.html", "The call of March\u00a02"),
        (site / "de" / "about" / "index.html", "Am 2.\u00a0März"),
    ):
        root = parse(page)
        assert [h.text_content().strip("¶ ") for h in root.iter("h2")] == [heading]
        links = root.cssselect("nav.md-nav--secondary a.md-nav__link")
        assert {a.text_content().strip() for a in links} == {heading}, page


def _tree(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file()
    }


def test_the_site_is_the_same_built_by_one_process_or_one_per_language(
    seed_site: Path, tmp_path: Path
) -> None:
    """seed_site is built as CI builds it (a process per language where the machine
    allows it); EXPLAINER_WORKER=0 builds the languages one after another."""
    alone = tmp_path / "alone"
    result = mkdocs_build(REPO / "mkdocs.yml", alone, env={"EXPLAINER_WORKER": "0"})
    assert result.returncode == 0, result.stderr
    parallel, sequential = _tree(seed_site), _tree(alone)
    assert sorted(parallel) == sorted(sequential)
    assert [path for path in parallel if parallel[path] != sequential[path]] == []


@FORKS
def test_a_richer_story_is_the_same_built_in_parallel_or_in_turn(tmp_path: Path) -> None:
    """Three time zones, statuses, quotes, figures, a sitemap with site_url: what one
    process writes in turn (the second language's pass last) and what a process per
    language writes, merged, are byte for byte the same."""
    from bench.synthetic import generate

    data = yaml.safe_dump(generate(40), allow_unicode=True, sort_keys=False)
    config = make_site(tmp_path, data, extra_settings="site_url: https://e.org/x/\n")
    told = "each other language is built by a process of its own"
    result = mkdocs_build(config, tmp_path / "site", "--verbose")
    assert result.returncode == 0, result.stderr
    assert told in result.stderr
    result = mkdocs_build(config, tmp_path / "alone", "--verbose", env={"EXPLAINER_WORKER": "0"})
    assert result.returncode == 0, result.stderr
    assert told not in result.stderr
    parallel, sequential = _tree(tmp_path / "site"), _tree(tmp_path / "alone")
    assert sorted(parallel) == sorted(sequential)
    assert [path for path in parallel if parallel[path] != sequential[path]] == []
    assert parallel["sitemap.xml"].count(b"<loc>https://e.org/x/de/") > 40
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["alone", "data", "docs", "mkdocs.yml", "site"]


@FORKS
def test_a_language_that_fails_fails_the_build_and_keeps_the_previous_site(
    tmp_path: Path,
) -> None:
    config = make_site(tmp_path, minimal_yaml())
    site = tmp_path / "site"
    assert mkdocs_build(config, site).returncode == 0
    before = _tree(site)
    german = tmp_path / "docs" / "de" / "index.md"
    german.write_text(german.read_text(encoding="utf-8") + "\n[Chronik](nirgends.md)\n")
    result = mkdocs_build(config, site)
    assert result.returncode == 1
    assert "de/index.md" in result.stderr and "nirgends.md" in result.stderr
    assert "explainer: the `de` pages failed to build" in result.stderr
    assert "Traceback" not in result.stderr
    assert _tree(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "docs", "mkdocs.yml", "site"]


def test_the_calendar_lists_its_time_zones_in_the_same_order_in_every_run(tmp_path: Path) -> None:
    """icalendar adds VTIMEZONEs in the order of a set, which Python's string hashing
    changes from run to run: two builds of one commit gave different calendars."""
    from bench.synthetic import generate

    data = yaml.safe_dump(generate(40), allow_unicode=True, sort_keys=False)
    make_site(tmp_path, data)
    script = (
        "import hashlib, pathlib\n"
        "from explainer.site import Explainer\n"
        "from mkdocs_explainer.configuration import read_site_config\n"
        "site = Explainer.load(read_site_config(pathlib.Path('mkdocs.yml')))\n"
        "ics = site.outputs('en', 'x')['events.ics']\n"
        "print(ics.count(b'BEGIN:VTIMEZONE'), hashlib.sha256(ics).hexdigest())\n"
    )
    seen = {
        run([sys.executable, "-c", script], tmp_path, {"PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3", "4")
    }
    [only] = seen
    assert int(only.split()[0]) >= 2


#: white space at which a browser may break a line; and the no-break spaces (U+00A0, and
#: U+202F, which Babel writes in French numbers and English times)
BREAKABLE, NO_BREAK = "[ \t\r\n]+", "[\u00a0\u202f]"


def _words(formatted: str, between: str) -> re.Pattern[str]:
    """`formatted` (as Babel writes it) with `between` wherever it has a space."""
    return re.compile(between.join(re.escape(word) for word in formatted.split()))


#: AP's months in a date with a day, as the English pages write them
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept."]
AP_MONTHS += ["Oct.", "Nov.", "Dec."]


def test_no_line_break_inside_a_date_or_a_number_and_its_unit(tmp_path: Path) -> None:
    """Every date the generator writes ("2. März 2026", "March 2026") and every number
    with its unit ("1,500 metric tons") is unbreakable on every page of both languages,
    and a line never starts with the dash or dot that separates a label."""
    import datetime

    from babel.dates import format_date, format_skeleton
    from babel.units import format_unit

    config = make_site(tmp_path, minimal_yaml())
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(minimal_yaml())
    days = [e["date"] for e in data["events"].values() if isinstance(e["date"], datetime.date)]
    days += [s["date"] for e in data["events"].values() for s in e.get("sources", ())]
    months = {datetime.date(d.year, d.month, 1) for d in days} | {datetime.date(2026, 3, 1)}
    for lang in LANGS:
        formatted = [format_date(d, "long", locale=lang) for d in days]
        if lang == "en":  # AP's month words in a day's date ("Feb. 28, 2026", "March 2")
            formatted = [
                f.replace(format_date(d, "MMMM", locale="en"), AP_MONTHS[d.month - 1], 1)
                for f, d in zip(formatted, days, strict=True)
            ]
        formatted += [format_skeleton("yMMMM", m, locale=lang) for m in months]
        formatted.append(format_unit(1500, "mass-tonne", length="long", locale=lang))
        pages = [
            p
            for p in site.rglob("index.html")
            if (p.relative_to(site).as_posix().startswith("de/")) == (lang == "de")
        ]
        assert len(pages) == 13  # home, 5 listings, 3 events, 3 actors, the embed page
        bodies = {p: parse(p).cssselect("body")[0] for p in pages}
        texts = {p: body.text_content() for p, body in bodies.items()}
        for text in formatted:
            broken = _words(text, BREAKABLE)
            for page, page_text in texts.items():
                assert not broken.search(page_text), (page, text)
            whole = _words(text, NO_BREAK)
            assert any(whole.search(t) for t in texts.values()), text  # shown somewhere
        for page, body in bodies.items():
            # each run of text on its own: a dash that opens a paragraph ("— Ada
            # Example" under a quote) follows no space
            for text_run in body.xpath(".//text()"):
                assert not re.search(BREAKABLE + "[–—·]", text_run), (page, text_run)
