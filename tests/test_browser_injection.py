"""Hostile text in every field of the data: in Chromium no script runs and no dialog opens
on any page, no element or attribute appears that the same site without the hostile text
does not have, and every output still parses."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import feedparser
import icalendar
import pytest
import yaml

from tests.browser import browser, serve
from tests.conftest import make_site, minimal_yaml, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.build]

PAYLOADS = [
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    '"><svg onload="window.__pwned=\'svg\'">',
    "</script><script>window.__pwned='break-out'</script>",
    "' onmouseover='window.__pwned=1' x='",
    "<a href=\"javascript:window.__pwned='a'\">click</a>",
    "<!-- <iframe src=javascript:alert(1)> -->",
    "{{ config }} {% raw %} ]]> &amp; &#60;b&#62;",
]

#: at the end of every free text too, after its payload: line breaks, table pipes (a table
#: row on a line of its own), a quote's `>` at the start of a line, and an attribute list,
#: which the site's attr_list would turn into attributes of the element the text ends (an
#: event handler and a class)
STRUCTURE = "\n|a|b|\n> x\n{: .pwned onmouseover='__pwned=1' }"

#: keys of Markdown fields (every other free text is plain)
_MARKDOWN = {"body", "description", "definition"}

#: keys whose values are not free text (ids, enums, dates, numbers, languages)
_NOT_TEXT = {
    "kind",
    "country",
    "member_of",
    "type",
    "date",
    "time",
    "timezone",
    "status",
    "participants",
    "by",
    "unit",
    "value",
    "approximate",
    "related",
    "terms",
    "see_also",
    "url",
}


def poison(value, key: str = "", counter: list[int] | None = None):  # type: ignore[no-untyped-def]
    """Every free text of the data gets a payload (a different one each time); every plain
    one STRUCTURE too (in a Markdown field a line starting with `>` is a quote the data
    asks for)."""
    counter = counter if counter is not None else [0]
    if key in _NOT_TEXT:
        return value
    if isinstance(value, dict):
        return {
            k: poison(v, k if k not in ("en", "de") else key, counter) for k, v in value.items()
        }
    if isinstance(value, list):
        return [poison(v, key, counter) for v in value]
    if isinstance(value, str):
        counter[0] += 1
        structure = "" if key in _MARKDOWN else STRUCTURE
        return f"{value} {PAYLOADS[counter[0] % len(PAYLOADS)]}{structure}"
    return value


#: home pages with every block, whose Markdown is made from the data (a table of the key
#: figures, lists of events, the pictures)
HOME = "# Home\n\n" + "\n\n".join(
    f"<!-- explainer:{name} -->"
    for name in ("key-figures", "upcoming", "latest", "timeline-chart", "figures-chart")
)


def build(root: Path, data: str) -> Path:
    config = make_site(root, data)
    for lang in ("en", "de"):
        (root / "docs" / lang / "index.md").write_text(HOME + "\n", encoding="utf-8")
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


#: a published correction, so that the changes page, the event page and the outputs show
#: one (its text is Markdown, as a body is)
CORRECTION = {
    "date": "2026-03-05",
    "text": {
        "en": "An earlier version gave the *wrong* budget.",
        "de": "Eine frühere Fassung nannte den *falschen* Haushalt.",
    },
}


def with_a_correction(data):  # type: ignore[no-untyped-def]
    data["events"]["statement"]["corrections"] = [dict(CORRECTION)]
    return data


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plain = with_a_correction(yaml.safe_load(minimal_yaml()))
    data = poison({**plain, "events": {k: v for k, v in plain["events"].items()}})
    correction = data["events"]["statement"]["corrections"][0]
    correction["text"] = poison(CORRECTION["text"], "body", [7])
    # the poisoned headwords and aliases are found nowhere: the plain ones are found where
    # the plain site finds them, so both sites link the same mentions to the glossary
    for term_id, term in plain["glossary"].items():
        aliases = data["glossary"][term_id].setdefault("aliases", {})
        for lang in ("en", "de"):
            forms = [term["term"][lang], *(term.get("aliases") or {}).get(lang, [])]
            aliases[lang] = aliases.get(lang, []) + forms
    data["events"]["council-meeting"]["sources"][0]["url"] = (
        "https://example.org/x\"onmouseover=\"window.__pwned='url'"
    )
    text = yaml.safe_dump(data, allow_unicode=True, width=1000)
    return build(tmp_path_factory.mktemp("hostile"), text)


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same site from the data without the hostile text."""
    data = with_a_correction(yaml.safe_load(minimal_yaml()))
    text = yaml.safe_dump(data, allow_unicode=True, width=1000)
    return build(tmp_path_factory.mktemp("plain"), text)


#: what the reader's browser made of a page: each element of its content with the names of
#: its attributes, every event-handler attribute anywhere, and what the hostile attribute
#: lists would have added (the class `pwned`)
# The pictures wrap their labels, so a longer (hostile) name may take more lines: their
# text elements count as kinds (`lines`), not one by one.
SHAPE = """() => { const shape = e => e.tagName.toLowerCase() + '['
    + [...e.attributes].map(a => a.name).sort() + ']';
  const line = e => e.tagName.toLowerCase() === 'text' && e.closest('.explainer-viz');
  return {
    content: [...document.querySelectorAll('article, article *')].filter(e => !line(e)).map(shape),
    lines: [...new Set([...document.querySelectorAll('article text')].filter(line).map(shape))],
    handlers: [...new Set([...document.querySelectorAll('*')].flatMap(
        e => [...e.attributes].filter(a => a.name.startsWith('on'))
            .map(a => e.tagName.toLowerCase() + '[' + a.name + ']')))],
    pwned: document.querySelectorAll('.pwned').length,
}; }"""


def test_no_script_runs_and_no_dialog_opens_anywhere(hostile_site: Path, plain_site: Path) -> None:
    pages = sorted(
        p.parent.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("index.html")
    )
    assert len(pages) >= 20
    assert pages == sorted(
        p.parent.relative_to(plain_site).as_posix() for p in plain_site.rglob("index.html")
    )
    dialogs: list[str] = []
    with serve(hostile_site) as base, serve(plain_site) as plain_base, browser() as context:
        page = context.new_page()  # type: ignore[attr-defined]
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in pages:
            suffix = "" if path == "." else path + "/"
            page.goto(plain_base + suffix)
            plain = page.evaluate(SHAPE)
            url = base + suffix
            page.goto(url)
            page.mouse.move(10, 10)
            # a page's content: Material's article, or the embed page's own main element
            page.hover(":is(article, body > main)")
            for heading in page.query_selector_all(":is(article, body > main) :is(h1, h2, td)"):
                heading.hover()
            assert page.evaluate("window.__pwned") is None, url
            hostile = page.evaluate(SHAPE)
            # the same elements with the same attributes as the plain page: not one more row,
            # cell, link or quote, no attribute more
            extra = Counter(hostile["content"]) - Counter(plain["content"])
            missing = Counter(plain["content"]) - Counter(hostile["content"])
            assert (extra, missing) == (Counter(), Counter()), url
            assert set(hostile["lines"]) == set(plain["lines"]), url
            assert set(hostile["handlers"]) <= set(plain["handlers"]), url
            assert hostile["pwned"] == 0, url
            # the payloads are there, as text
            assert "window.__pwned" in page.inner_text("body") or path in (
                ".",
                "de",
                "about",
                "de/about",
            )
            assert "|a|b| > x {: .pwned onmouseover='__pwned=1' }" in page.inner_text(
                "body"
            ) or path in (".", "de", "about", "de/about")
    assert dialogs == []


def test_outputs_with_hostile_text_still_parse(hostile_site: Path) -> None:
    for prefix in ("", "de/"):
        feed = feedparser.parse((hostile_site / prefix / "feed.xml").read_bytes())
        assert not feed.bozo and len(feed.entries) == 3
        # every title carries its payload, as text
        assert all(any(p in entry.title for p in PAYLOADS) for entry in feed.entries)
        calendar = icalendar.Calendar.from_ical((hostile_site / prefix / "events.ics").read_bytes())
        # the calendar holds the dated events: the minimal story's month-only one is left out
        assert len(calendar.walk("VEVENT")) == 2
        assert all(any(p in str(e["SUMMARY"]) for p in PAYLOADS) for e in calendar.walk("VEVENT"))
        data = json.loads((hostile_site / prefix / "events.json").read_text(encoding="utf-8"))
        assert len(data["events"]) == 3
