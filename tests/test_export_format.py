"""events.json: valid JSON, one record per line (readable in a diff)."""

from __future__ import annotations

import json

from explainer.outputs.export import one_record_per_line


def test_each_record_stands_on_a_line_of_its_own() -> None:
    document = {
        "format_version": 1,
        "events": [{"id": "a", "title": "Über „x“"}, {"id": "b", "related": ["a"]}],
        "actors": [],
        "site": {"name": "S", "url": None},
    }
    text = one_record_per_line(document)
    assert json.loads(text) == document
    assert text.splitlines() == [
        "{",
        '"format_version": 1,',
        '"events": [',
        '  {"id": "a", "title": "Über „x“"},',
        '  {"id": "b", "related": ["a"]}',
        "],",
        '"actors": [],',
        '"site": {"name": "S", "url": null}',
        "}",
    ]
