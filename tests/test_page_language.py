"""Every page reads as written in its own language: no word of another language's UI
table and none of the theme's English defaults on any page of any language, the theme's
parts included (heading links, footer, tab title, search, palette and language menu,
titles and labels, the 404 page); the publisher's footer links in the page's language;
a 404 page per language. Checked on the seed site and on a new site in four languages.

A word counts as another language's only where the page's language does not use it too:
"Status" is English and German, "Estado" is Spanish but also in "Estado de México" in the
German texts. Words are the texts of the generator's tables, the theme's translations and
the theme's English defaults, between their placeholders; the texts of the page's own
language (its tables, the data, the hand-written pages) are never counted. A passage
marked with its own `lang` (the 404 page's line per language) is in that language.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import material
import pytest
import yaml

from explainer.chrome import language_name, language_name_in
from explainer.cli import main
from explainer.starter import TEXTS
from explainer.strings import load_strings
from tests.browser import browser
from tests.conftest import IN_CI, REPO, SITE_URL, in_theme, mkdocs_build

pytestmark = pytest.mark.build

LANGUAGES = ("en", "de", "fr", "es")
SEED_LANGUAGES = ("en", "de")
MATERIAL = Path(material.__file__).parent / "templates" / "partials" / "languages"
#: what Material and Python-Markdown write in English whatever the language, besides the
#: texts of Material's English table
THEME_ENGLISH = ("Made with", "Permanent link", "404 - Not found", "Not found")
#: keys of Material's tables that hold settings, not words
MATERIAL_SETTINGS = re.compile(r"^(language|direction|search\.config\..*)$")
#: a UI text's placeholders: ours ({count}) and Material's (#)
PLACEHOLDER = re.compile(r"\{[^}]*\}|#")
PUNCTUATION = " \t\n:;,.!?()[]«»“”„‘’\"'—–-+·|/…"
#: the footer links a new site gets (`explainer new --imprint ... --contact ...`)
NEW_SITE_FOOTER = {
    "imprint": "https://example.org/impressum",
    "privacy": "https://example.org/datenschutz",
    "contact": "mailto:redaktion@example.org",
}


# --- the words of each language -----------------------------------------------------------


@cache
def material_table(language: str) -> dict[str, str]:
    text = (MATERIAL / f"{language}.html").read_text(encoding="utf-8")
    pairs = re.findall(r'^\s*"([^"]+)": "((?:[^"\\]|\\.)*)"', text, re.MULTILINE)
    return {
        key: json.loads(f'"{value}"') for key, value in pairs if not MATERIAL_SETTINGS.match(key)
    }


@cache
def generator_texts(language: str) -> tuple[str, ...]:
    """The generator's words in `language`: its UI table and the footer links' texts that
    `explainer new` writes."""
    table = load_strings((language,))[language].table
    texts = [
        form
        for value in table.values()
        for form in (value.values() if isinstance(value, dict) else [value])
    ]
    starter = yaml.safe_load((TEXTS / f"{language}.yaml").read_text(encoding="utf-8"))
    texts += [text for key, text in starter.items() if key.startswith("footer.")]
    return tuple(texts)


def phrases(texts: Iterable[str]) -> set[str]:
    """The literal words of UI texts, between their placeholders, of three letters or more."""
    found = set()
    for text in texts:
        for piece in PLACEHOLDER.split(text):
            piece = piece.strip(PUNCTUATION)
            if sum(character.isalpha() for character in piece) >= 3:
                found.add(piece)
    return found


def word_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


#: fields of the data that hold codes and ids, which no page shows as they are written
CODES = frozenset(
    {"version", "kind", "country", "type", "status", "date", "time", "timezone", "unit"}
    | {"qualifier", "participants", "related", "terms", "see_also", "by", "member_of"}
)


def localized(value: object, language: str, languages: tuple[str, ...]) -> Iterable[str]:
    """Every text of the data a page in `language` may show: its texts in that language
    and the texts that are the same in every language (names, addresses)."""
    if isinstance(value, dict):
        if value and set(value) <= set(languages):  # a text (or list) per language
            yield from localized(value.get(language), language, languages)
            return
        for key, child in value.items():
            if key not in CODES:
                yield from localized(child, language, languages)
    elif isinstance(value, list):
        for child in value:
            yield from localized(child, language, languages)
    elif isinstance(value, str):
        yield value


#: a Markdown link's address, and a comment (blocks: `<!-- explainer:upcoming -->`)
MARKDOWN_ADDRESS = re.compile(r"\]\([^)]*\)|<!--.*?-->", re.DOTALL)


def own_text(root: Path, language: str, languages: tuple[str, ...]) -> str:
    """Everything written in `language` for a site: the generator's and the theme's
    tables, the data and the hand-written pages."""
    tables = [*generator_texts(language), *material_table(language).values()]
    texts = [PLACEHOLDER.sub(" ", text) for text in tables]
    data = yaml.safe_load((root / "data" / "events.yaml").read_text(encoding="utf-8"))
    texts += localized(data, language, languages)
    for page in sorted((root / "docs" / language).rglob("*.md")):  # its words, not its links
        texts.append(MARKDOWN_ADDRESS.sub("]", page.read_text(encoding="utf-8")))
    return "\n".join(texts)


def foreign_phrases(root: Path, language: str, languages: tuple[str, ...]) -> list[str]:
    """The words of the site's other languages and of the theme's English defaults that
    a page in `language` must not show, longest first."""
    others = [other for other in languages if other != language]
    candidates = phrases(text for other in others for text in generator_texts(other))
    theme_languages = (set(others) | {"en"}) - {language}
    candidates |= phrases(
        text for other in theme_languages for text in material_table(other).values()
    )
    if language != "en":
        candidates |= set(THEME_ENGLISH)
    own = own_text(root, language, languages)
    return sorted(
        (p for p in candidates if not word_pattern(p).search(own)), key=lambda p: (-len(p), p)
    )


# --- what a page shows ----------------------------------------------------------------------

#: attributes that readers see or hear (tooltips, screen readers, search field, link previews)
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "content")


def read_page(path: Path) -> tuple[str, list[str]]:
    """A page's language and every text a reader sees or hears in it: the text, the
    attributes above, the tab title and the texts Material's JavaScript shows (search).
    Passages marked with another `lang` and other scripts are left out."""
    root = lxml.html.parse(str(path)).getroot()
    language = root.get("lang")
    texts: list[str] = []
    for config in root.cssselect("script#__config"):
        texts += json.loads(config.text)["translations"].values()
    for element in root.xpath("//*[@lang]"):
        if element is not root and element.get("lang") != language:
            element.drop_tree()
    for element in root.xpath("//script | //style"):
        element.drop_tree()
    texts += [text for text in root.itertext() if text.strip()]
    for element in root.iter():
        texts += [element.get(name) for name in READ_ATTRIBUTES if element.get(name)]
    return language, texts


def page_language(relative: str, languages: tuple[str, ...]) -> str:
    folder = relative.split("/", 1)[0]
    return folder if folder in languages[1:] else languages[0]


def other_language_words(site: Path, root: Path, languages: tuple[str, ...]) -> list[str]:
    """`page: 'word' in 'text'` for every word of another language found on a page."""
    patterns = {}
    for language in languages:
        found = foreign_phrases(root, language, languages)
        patterns[language] = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(p) for p in found) + r")(?!\w)"
        )
    problems = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        expected = page_language(relative, languages)
        language, texts = read_page(path)
        assert language == expected, relative
        seen = set()
        for text in texts:
            for match in patterns[language].finditer(text):
                if match.group(0) not in seen:
                    seen.add(match.group(0))
                    context = " ".join(text.split())[:100]
                    problems.append(f"{relative}: {match.group(0)!r} in {context!r}")
    return problems


# --- the sites --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A site from `explainer new` in English, German, French and Spanish, with the
    publisher's links; returns its folder and its built site."""
    root = tmp_path_factory.mktemp("four") / "repository"
    links = [f"--{kind}={url}" for kind, url in NEW_SITE_FOOTER.items()]
    generator = "git+https://github.com/example/explainer@v0.1.0"
    command = ["new", str(root), "--languages", ",".join(LANGUAGES), "--generator", generator]
    assert main([*command, *links]) == 0
    site = root.parent / "site"
    result = mkdocs_build(root / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return root, site


def test_no_seed_page_has_a_word_of_another_language(seed_site: Path) -> None:
    assert other_language_words(seed_site, REPO, SEED_LANGUAGES) == []


def unmarked_foreign_words(site: Path, foreign_words: dict[str, list[str]]) -> list[str]:
    """`page: 'phrase' in 'text'` for each listed phrase that a page of another language
    shows or reads out without its language: in the text of the body, outside code and
    scripts, not inside an element whose `lang` is the phrase's."""
    patterns = {
        language: re.compile(
            r"(?<!\w)(?:"
            + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
            + r")(?!\w)"
        )
        for language, phrases in foreign_words.items()
    }
    problems = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        body = lxml.html.parse(str(path)).getroot().find("body")
        for element in body.iter() if body is not None else ():
            if not isinstance(element.tag, str):
                continue
            for text, holder in ((element.text, element), (element.tail, element.getparent())):
                if not text or holder is None:
                    continue
                chain = [holder, *holder.iterancestors()]
                if any(e.tag in ("script", "style", "code", "pre", "svg") for e in chain):
                    continue
                marked = next(e.get("lang") for e in chain if e.get("lang"))
                for language, pattern in patterns.items():
                    if marked.split("-")[0] == language.split("-")[0]:
                        continue
                    for match in pattern.finditer(text):
                        problems.append(f"{relative}: {match.group(0)!r} in {text.strip()!r}")
    return problems


def test_every_name_of_another_language_on_the_seed_site_is_marked_with_it(
    seed_site: Path,
) -> None:
    """R40-R57: screen readers read foreign names with the page's rules. Each phrase of
    the data's `foreign_words` is marked on the other language's pages, hand-written and
    generated, headings and contents included."""
    data = yaml.safe_load((REPO / "data" / "events.yaml").read_text(encoding="utf-8"))
    assert unmarked_foreign_words(seed_site, data["foreign_words"]) == []

    def marked(page: str, language: str = "") -> set[str]:
        selector = f'article [lang="{language}"]' if language else "article [lang]"
        root = lxml.html.parse(str(seed_site / page / "index.html")).getroot()
        return {" ".join(e.text_content().split()) for e in root.cssselect(selector)}

    assert "Bilateral Security Implementation Group" in marked("de/glossary", "en")
    assert "Bilaterale Gruppe zur Umsetzung der Sicherheit" in marked("glossary", "de")
    assert "short ton" in marked("de/about", "en")  # a hand-written page
    assert "mañanera" in marked("glossary", "es")
    assert "short ton" not in marked("about")  # the page's own language: not marked


def test_the_check_finds_a_name_of_another_language_left_unmarked(tmp_path: Path) -> None:
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "index.html").write_text(
        '<html lang="de"><head><title>State Department</title></head><body>'
        '<p>Das State Department und das <span lang="en">State Department</span>.</p>'
        "<code>State Department</code></body></html>"
    )
    assert unmarked_foreign_words(tmp_path, {"en": ["State Department"]}) == [
        "de/index.html: 'State Department' in 'Das State Department und das'"
    ]


def test_no_page_of_a_site_in_four_languages_has_a_word_of_another_one(
    new_site: tuple[Path, Path],
) -> None:
    root, site = new_site
    assert other_language_words(site, root, LANGUAGES) == []


def test_the_check_finds_the_words_of_another_language(tmp_path: Path) -> None:
    """The check itself: English chrome and an English label on a German page are found;
    a word German shares with English, and an English passage marked as such, are not."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "events.yaml").write_text("actors: {}\n", encoding="utf-8")
    (tmp_path / "docs" / "de").mkdir(parents=True)
    site = tmp_path / "site"
    (site / "de").mkdir(parents=True)
    (site / "index.html").write_text('<html lang="en"><title>Timeline</title></html>')
    (site / "de" / "index.html").write_text(
        '<html lang="de"><h1>Chronik<a title="Permanent link">¶</a></h1><p>Status: Geplant</p>'
        '<p lang="en">Go to the English home page.</p><p>Related events</p></html>'
    )
    assert sorted(other_language_words(site, tmp_path, SEED_LANGUAGES)) == [
        "de/index.html: 'Permanent link' in 'Permanent link'",
        "de/index.html: 'Related events' in 'Related events'",
    ]


#: the words two UI tables give alike for one key because both languages spell them so
SHARED_WORDS = {
    frozenset({"en", "de"}): {"Status", "Person", "Institution"},
    frozenset({"en", "fr"}): {
        "Date",
        "Type",
        "Participant",
        "Participants",
        "Source",
        "Sources",
        "Description",
    }
    | {"Institution", "Institutions"}
    # counted items of the changes log: "two corrections were added" / "deux corrections (ajout)"
    | {"{count:words} participants", "{count:words} corrections"},
    frozenset({"de", "fr"}): {"Institution"},
}


def test_each_ui_table_is_in_its_own_language() -> None:
    """A text that is another language's for the same key is one left untranslated
    (which the page scans cannot see: a table's own words count as its language's),
    unless both languages spell the word so."""
    tables = {language: load_strings((language,))[language].table for language in LANGUAGES}

    def forms(language: str, key: str) -> dict[str, str]:  # a text, or its plural forms
        value = tables[language][key]
        return value if isinstance(value, dict) else {"": value}

    alike = {}
    for index, language in enumerate(LANGUAGES):
        for other in LANGUAGES[index + 1 :]:
            words = {
                text
                for key in tables[language]
                for form, text in forms(language, key).items()
                if forms(other, key).get(form) == text and phrases([text])
            }
            if words:
                alike[frozenset({language, other})] = words
    assert alike == SHARED_WORDS


# --- the theme's parts, each in the page's language --------------------------------------------


def strings(language: str):  # type: ignore[no-untyped-def]
    return load_strings((language,))[language]


def html_pages(site: Path, languages: tuple[str, ...]) -> Iterable[tuple[str, Path]]:
    """Every page in the theme's shell, with its language."""
    for path in sorted(p for p in site.rglob("*.html") if in_theme(site, p)):
        yield page_language(path.relative_to(site).as_posix(), languages), path


def test_hand_written_headings_link_to_themselves_in_the_pages_language(
    seed_site: Path, new_site: tuple[Path, Path]
) -> None:
    for site, languages in ((seed_site, SEED_LANGUAGES), (new_site[1], LANGUAGES)):
        for index, language in enumerate(languages):
            about = site / ("" if index == 0 else language) / "about" / "index.html"
            titles = {
                a.get("title")
                for a in lxml.html.parse(str(about)).getroot().cssselect("a.headerlink")
            }
            assert titles == {strings(language)("heading.permalink")}, about


def site_settings(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """A site's full name in each language (its `site_name`) and its short name, if any
    (`extra.explainer.short_name`), as its mkdocs.yml says them."""
    # BaseLoader: `!ENV` and `!!python/name:` as plain strings, as nothing here needs them
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    [i18n] = [plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict)]
    names = {
        entry["locale"]: entry.get("site_name", config["site_name"]) for entry in i18n["languages"]
    }
    return names, config["extra"]["explainer"].get("short_name") or {}


def tab_title(path: Path) -> str | None:
    return lxml.html.parse(str(path)).getroot().findtext("head/title")


def event_page(folder: Path) -> tuple[str, str]:
    """An event page's tab title and its headline."""
    path = sorted((folder / "events").glob("*/index.html"))[0]
    root = lxml.html.parse(str(path)).getroot()
    [h1] = root.cssselect("article h1")
    headline = "".join(h1.itertext()).replace("\N{PILCROW SIGN}", "").strip()
    return root.findtext("head/title"), headline


def test_tab_titles_use_the_languages_separator(new_site: tuple[Path, Path]) -> None:
    root, site = new_site
    names, short_names = site_settings(root)
    assert short_names == {}  # a new site has none: every tab names the site in full
    separators = {language: strings(language)("title.separator") for language in LANGUAGES}
    assert separators == {"en": " — ", "de": " – ", "fr": " – ", "es": " | "}
    for index, language in enumerate(LANGUAGES):
        folder = site / ("" if index == 0 else language)
        t = strings(language)
        title = (
            lxml.html.parse(str(folder / "timeline" / "index.html")).getroot().findtext(".//title")
        )
        assert title == t("timeline.title") + separators[language] + names[language]
        # a home page has the site's name alone, in every language
        assert (
            lxml.html.parse(str(folder / "index.html")).getroot().findtext(".//title")
            == names[language]
        )
        not_found = lxml.html.parse(str(folder / "404.html")).getroot().findtext(".//title")
        assert not_found == t("notfound.title") + separators[language] + names[language]
        embed = tab_title(folder / "embed" / "timeline" / "index.html")
        assert embed == t("timeline.title") + separators[language] + names[language]
        title, headline = event_page(folder)
        assert title.startswith(headline) and title.endswith(separators[language] + names[language])


def test_tabs_name_the_site_by_its_short_name_but_on_the_home_pages(seed_site: Path) -> None:
    """R47/R54: „Chronik – Mexiko und die USA: Spannungen und Zusammenarbeit …“ left the
    page's own title cut off in the tab. The share cards and the embed page's source line
    keep the full name."""
    names, short_names = site_settings(REPO)
    assert set(short_names) == set(SEED_LANGUAGES)
    for index, language in enumerate(SEED_LANGUAGES):
        folder = seed_site / ("" if index == 0 else language)
        t = strings(language)
        short = t("title.separator") + short_names[language]
        assert tab_title(folder / "index.html") == names[language]
        assert tab_title(folder / "timeline" / "index.html") == t("timeline.title") + short
        assert tab_title(folder / "404.html") == t("notfound.title") + short
        embed = lxml.html.parse(str(folder / "embed" / "timeline" / "index.html")).getroot()
        assert embed.findtext("head/title") == t("timeline.title") + short
        [source] = embed.cssselect(".explainer-embed-source a")
        assert source.text_content() == names[language]
        title, headline = event_page(folder)
        assert title.startswith(headline) and title.endswith(short)
        assert names[language] not in title


def test_the_language_menu_names_each_language_in_that_language(seed_site: Path) -> None:
    """A screen reader says "Deutsch" as German on an English page (WCAG 3.1.2)."""
    for _, path in html_pages(seed_site, SEED_LANGUAGES):
        links = lxml.html.parse(str(path)).getroot().cssselect("a.md-select__link")
        assert [(a.get("lang"), a.text_content().strip()) for a in links] == [
            ("en", "English"),
            ("de", "Deutsch"),
        ], path


# --- the publisher's footer ----------------------------------------------------------------------


def footer_links(path: Path) -> tuple[str | None, list[tuple[str, str]]]:
    """The footer navigation's name and its links (text, address resolved from the page)."""
    root = lxml.html.parse(str(path)).getroot()
    navs = root.cssselect("footer nav.explainer-footer")
    if not navs:
        return None, []
    [nav] = navs
    return nav.get("aria-label"), [
        (a.text_content().strip(), a.get("href")) for a in nav.cssselect("a")
    ]


def test_every_page_of_every_language_has_its_languages_footer_links(
    new_site: tuple[Path, Path],
) -> None:
    _, site = new_site
    texts = {
        language: yaml.safe_load((TEXTS / f"{language}.yaml").read_text("utf-8"))
        for language in LANGUAGES
    }
    pages = 0
    for language, path in html_pages(site, LANGUAGES):
        label, links = footer_links(path)
        assert label == strings(language)("footer.links"), path
        assert links == [
            (texts[language][f"footer.{kind}"], url) for kind, url in NEW_SITE_FOOTER.items()
        ], path
        pages += 1
    assert pages >= 4 * 12  # every generated and hand-written page, and each 404 page


def test_a_footer_link_to_a_page_leads_to_that_page_in_the_same_language(seed_site: Path) -> None:
    """The seed site links its about page, the only link it can honestly give."""
    about = {"en": "About this explainer", "de": "Zu diesem Überblick"}
    for language, path in html_pages(seed_site, SEED_LANGUAGES):
        label, links = footer_links(path)
        assert label == strings(language)("footer.links"), path
        [(text, href)] = links
        assert text == about[language]
        target = seed_site / ("de/" if language == "de" else "") / "about" / "index.html"
        if href.startswith("/"):  # the 404 page's links are absolute
            assert seed_site / href.lstrip("/") / "index.html" == target, path
        else:
            assert (path.parent / href / "index.html").resolve() == target.resolve(), path


def test_the_theme_credit_is_in_the_pages_language(new_site: tuple[Path, Path]) -> None:
    _, site = new_site
    for language, path in html_pages(site, LANGUAGES):
        [credit] = lxml.html.parse(str(path)).getroot().cssselect(".md-copyright")
        words = " ".join(credit.text_content().split())
        expected = strings(language)("footer.credit", theme="Material for MkDocs")
        assert words == expected, path


# --- the 404 page ------------------------------------------------------------------------------


def test_each_language_has_its_own_404_page(new_site: tuple[Path, Path]) -> None:
    _, site = new_site
    for index, language in enumerate(LANGUAGES):
        folder = "" if index == 0 else f"{language}/"
        root = lxml.html.parse(str(site / folder / "404.html")).getroot()
        t = strings(language)
        assert root.get("lang") == language
        assert root.findtext(".//h1").strip() == t("notfound.title")
        home, languages = root.cssselect("article p")
        # only the words "home page" are the link, not the whole sentence (R33)
        [link] = home.cssselect("a")
        assert (home.text_content().strip(), link.text_content(), link.get("href")) == (
            t("notfound.message", home=t("notfound.home")),
            t("notfound.home"),
            f"/{folder}",
        )
        # every language's page names every other language's home, as a sentence of the
        # page's language names it (R15: „… in einer anderen Sprache: English.“), the
        # target's language its `hreflang`: the pages are symmetrical
        others = [other for other in LANGUAGES if other != language]
        links = languages.cssselect("a")
        assert [(a.get("lang"), a.get("hreflang"), a.text_content()) for a in links] == [
            (None, other, language_name_in(other, language)) for other in others
        ]
        assert [a.get("href") for a in links] == [
            "/" + ("" if LANGUAGES.index(other) == 0 else f"{other}/") for other in others
        ]
        sentence = languages.text_content().strip()
        listed = [language_name_in(other, language) for other in others]
        joined = ", ".join(listed[:-1]) + t("list.and.last") + listed[-1]
        assert sentence == t("notfound.languages", languages=joined, count=len(others))
        assert language_name("de") == "Deutsch"  # the language menu's own name
        assert (language_name_in("de", "en"), language_name_in("en", "de")) == (
            "German",
            "Englisch",
        )


def run_script(page: Path, address: str) -> dict[str, str | None]:
    """Run the 404 page's script in Node at `address`: where it sends the reader
    (`location.replace`) and what it puts in the address bar (`history.replaceState`)."""
    node = shutil.which("node")
    if node is None:
        if IN_CI:
            pytest.fail("Node.js is missing")
        pytest.skip("no node on this machine")
    [script] = [
        s.text
        for s in lxml.html.parse(str(page)).getroot().cssselect("head script")
        if "404" in (s.text or "") or "replaceState" in (s.text or "")
    ]
    harness = f"""
      const url = new URL({json.dumps(address)});
      const done = {{replace: null, address: null}};
      globalThis.location = {{pathname: url.pathname, search: url.search, hash: url.hash,
                             replace: (to) => {{ done.replace = to; }}}};
      globalThis.history = {{replaceState: (state, title, to) => {{ done.address = to; }}}};
      {script}
      process.stdout.write(JSON.stringify(done));
    """
    result = subprocess.run([node, "-e", harness], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_missing_address_under_a_languages_folder_gets_that_languages_404_page(
    published_site: Path,
) -> None:
    """GitHub Pages serves the root 404.html everywhere; under /de/ it hands over to the
    German one, which shows the address the reader asked for again."""
    root_page, german = published_site / "404.html", published_site / "de" / "404.html"
    host = "https://example.org"
    assert run_script(root_page, f"{host}/explainer/de/evnts/x/?q=1#top") == {
        "replace": "/explainer/de/404.html?from=%2Fexplainer%2Fde%2Fevnts%2Fx%2F%3Fq%3D1%23top",
        "address": None,
    }
    for elsewhere in ("/explainer/evnts/", "/explainer/de/404.html", "/explainer/design/"):
        assert run_script(root_page, host + elsewhere) == {"replace": None, "address": None}
    sent = f"{host}/explainer/de/404.html?from=%2Fexplainer%2Fde%2Fevnts%2Fx%2F%3Fq%3D1%23top"
    assert run_script(german, sent) == {
        "replace": None,
        "address": "/explainer/de/evnts/x/?q=1#top",
    }
    for foreign in ("https%3A%2F%2Fexample.com%2F", "%2F%2Fexample.com%2Fexplainer%2Fde%2F", ""):
        assert run_script(german, f"{host}/explainer/de/404.html?from={foreign}") == {
            "replace": None,
            "address": None,
        }


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Answers as GitHub Pages does: a missing address gets the site's root 404.html."""

    not_found: Path

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.mark.browser
def test_a_reader_who_mistypes_a_german_address_gets_the_german_404_page(
    published_site: Path, tmp_path: Path
) -> None:
    mount = urlsplit(SITE_URL).path.strip("/")
    (tmp_path / mount).symlink_to(published_site.resolve())
    handler = type("Handler", (_PagesHandler,), {"not_found": published_site / "404.html"})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(tmp_path))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/{mount}/"
    try:
        with browser() as context:
            page = context.new_page()  # type: ignore[attr-defined]
            for address, language, title in (
                ("de/evnts/sheinbaum/?q=1", "de", "Seite nicht gefunden"),
                ("evnts/sheinbaum/", "en", "Page not found"),
            ):
                page.goto(base + address)
                page.wait_for_function(f"document.documentElement.lang === {language!r}")
                page.wait_for_load_state()
                assert page.locator(".md-content h1").inner_text() == title
                assert page.url == base + address  # the address asked for, to correct
    finally:
        server.shutdown()
        server.server_close()


def test_the_theme_speaks_as_the_ui_table_words_it(seed_site: Path) -> None:
    """The search's label for a term a result lacks: Material's German says „Es fehlt“,
    the German table „Fehlt“; the English keeps the theme's own word."""

    def translations(page: str) -> dict[str, str]:
        root = lxml.html.parse(str(seed_site / page)).getroot()
        return json.loads(root.cssselect("script#__config")[0].text)["translations"]

    assert translations("de/index.html")["search.result.term.missing"] == "Fehlt"
    assert translations("index.html")["search.result.term.missing"] == "Missing"
