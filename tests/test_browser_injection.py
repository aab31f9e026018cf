"""Hostile text in every field of the data: in Chromium no script runs and no dialog opens
on any page, and every output still parses."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import icalendar
import pytest
import yaml

from tests.browser import browser, serve
from tests.conftest import make_site, minimal_yaml, mkdocs_build

pytestmark = pytest.mark.browser

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
    """Every free text of the data gets a payload (a different one each time)."""
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
        return f"{value} {PAYLOADS[counter[0] % len(PAYLOADS)]}"
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    data = poison(yaml.safe_load(minimal_yaml()))
    data["events"]["council-meeting"]["sources"][0]["url"] = (
        "https://example.org/x\"onmouseover=\"window.__pwned='url'"
    )
    config = make_site(root, yaml.safe_dump(data, allow_unicode=True, width=1000))
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_no_script_runs_and_no_dialog_opens_anywhere(hostile_site: Path) -> None:
    pages = sorted(
        p.parent.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("index.html")
    )
    assert len(pages) >= 20
    dialogs: list[str] = []
    with serve(hostile_site) as base, browser() as context:
        page = context.new_page()  # type: ignore[attr-defined]
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in pages:
            url = base + ("" if path == "." else path + "/")
            page.goto(url)
            page.mouse.move(10, 10)
            page.hover("article")
            assert page.evaluate("window.__pwned") is None, url
            # the payloads are there, as text
            assert "window.__pwned" in page.inner_text("body") or path in (
                ".",
                "de",
                "about",
                "de/about",
            )
    assert dialogs == []


def test_outputs_with_hostile_text_still_parse(hostile_site: Path) -> None:
    for prefix in ("", "de/"):
        feed = feedparser.parse((hostile_site / prefix / "feed.xml").read_bytes())
        assert not feed.bozo and len(feed.entries) == 3
        # every title carries its payload, as text
        assert all(any(p in entry.title for p in PAYLOADS) for entry in feed.entries)
        calendar = icalendar.Calendar.from_ical((hostile_site / prefix / "events.ics").read_bytes())
        assert len(calendar.walk("VEVENT")) == 3
        data = json.loads((hostile_site / prefix / "events.json").read_text(encoding="utf-8"))
        assert len(data["events"]) == 3
