"""Every rule of the data contract gives a located, worded problem; all are reported at once."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from explainer.problems import DataError
from explainer.validate import find_problems, load_story
from tests.conftest import BEFORE_THE_FIXTURE, minimal_yaml

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<path>[^:]+): (?P<message>.+)$")


def problems(
    tmp_path: Path,
    text: str,
    languages: tuple[str, ...] = ("en", "de"),
    today: datetime.date = BEFORE_THE_FIXTURE,
) -> list[str]:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    return [str(p) for p in find_problems(path, languages, today=today)[1]]


def mutate(old: str, new: str) -> str:
    text = minimal_yaml()
    assert old in text, old
    return text.replace(old, new, 1)


def only(found: list[str], path: str) -> dict[str, str]:
    """The single problem at `path`, parsed."""
    matching = [LINE.match(p) for p in found if f": {path}: " in p]
    assert len(matching) == 1, found
    match = matching[0]
    assert match is not None
    return match.groupdict()


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_fixture_is_valid(tmp_path: Path) -> None:
    assert problems(tmp_path, minimal_yaml()) == []


def test_unknown_top_level_key(tmp_path: Path) -> None:
    text = minimal_yaml() + "event:\n  x: 1\n"
    problem = only(problems(tmp_path, text), "event")
    assert problem["message"] == "unknown field `event`; did you mean `events`?"
    assert int(problem["line"]) == line_of(text, "event:\n")


def test_missing_top_level_key(tmp_path: Path) -> None:
    text = minimal_yaml().replace("glossary:", "glossar:", 1)
    found = problems(tmp_path, text)
    assert any("the required field `glossary` is missing" in p for p in found)
    assert any("unknown field `glossar`; did you mean `glossary`?" in p for p in found)


def test_unknown_field_suggests_the_closest(tmp_path: Path) -> None:
    text = mutate("    type: call\n", "    type: call\n    particpants: [ada]\n")
    problem = only(problems(tmp_path, text), "events.first-call.particpants")
    assert problem["message"] == "unknown field `particpants`; did you mean `participants`?"
    assert (int(problem["line"]), int(problem["col"])) == (line_of(text, "particpants"), 5)


def test_missing_language_names_field_and_language(tmp_path: Path) -> None:
    text = mutate(
        'title: {en: "Ada calls Bob", de: "Ada ruft Bob an"}', 'title: {en: "Ada calls Bob"}'
    )
    problem = only(problems(tmp_path, text), "events.first-call.title")
    assert "the `de` text is missing" in problem["message"]


def test_an_events_short_name_is_checked_as_every_text_in_each_language(
    tmp_path: Path,
) -> None:
    """`name` (how a sentence names the event, an extension): a language missing, an empty
    text or one too long for a name is a located problem, as for the other texts."""
    title = 'title: {en: "Ada calls Bob", de: "Ada ruft Bob an"}'
    named = mutate(title, f'{title}\n    name: {{en: "Ada’s call", de: "Adas Anruf"}}')
    assert problems(tmp_path, named) == []
    missing = mutate(title, f'{title}\n    name: {{en: "Ada’s call"}}')
    problem = only(problems(tmp_path, missing), "events.first-call.name")
    assert "the `de` text is missing" in problem["message"]
    assert int(problem["line"]) == line_of(missing, 'name: {en: "Ada’s call"}')
    empty = mutate(title, f'{title}\n    name: {{en: "Ada’s call", de: " "}}')
    assert "name.de" in " ".join(problems(tmp_path, empty))
    long = mutate(title, f'{title}\n    name: {{en: "{"x" * 81}", de: "Adas Anruf"}}')
    assert (
        "at most 80 are allowed"
        in only(problems(tmp_path, long), "events.first-call.name.en")["message"]
    )


def test_unconfigured_language_is_a_typo(tmp_path: Path) -> None:
    text = mutate(
        'title: {en: "Ada calls Bob", de: "Ada ruft Bob an"}', 'title: {en: "A", de: "B", ed: "C"}'
    )
    problem = only(problems(tmp_path, text), "events.first-call.title.ed")
    assert (
        "`ed` is not a configured language (configured: en, de); did you mean `en` or `de`?"
        in (problem["message"])
    )


def test_languages_come_from_configuration(tmp_path: Path) -> None:
    found = problems(tmp_path, minimal_yaml(), languages=("en", "de", "es"))
    assert found and all("the `es` text is missing" in p for p in found)


def test_plain_or_localized_names(tmp_path: Path) -> None:
    text = mutate("    name: Bob Sample\n", "    name: [Bob]\n")
    problem = only(problems(tmp_path, text), "actors.bob.name")
    assert "expected text, or a text per language (en, de), found a list" in problem["message"]
    text = mutate("    name: Bob Sample\n", "    name: {en: Bob}\n")
    assert (
        "the `de` text is missing" in only(problems(tmp_path, text), "actors.bob.name")["message"]
    )


def test_list_where_a_mapping_belongs(tmp_path: Path) -> None:
    text = mutate(
        'summary: {en: "They talk about the budget.", de: "Sie sprechen über den Haushalt."}',
        'summary: ["x"]',
    )
    problem = only(problems(tmp_path, text), "events.first-call.summary")
    assert (
        "expected a text per language (en, de)" in problem["message"]
        and "found a list" in problem["message"]
    )


def test_wrong_type_suggests_quotes(tmp_path: Path) -> None:
    text = mutate("    country: US\n", "    country: true\n")
    problem = only(problems(tmp_path, text), "actors.bob.country")
    assert "expected text, found `true`; put the value in quotes" in problem["message"]


@pytest.mark.parametrize(
    ("old", "new", "path", "message", "at"),
    [
        (
            "    kind: person\n    country: US",
            "    kind: persn\n    country: US",
            "actors.bob.kind",
            "`persn` is not one of person, institution, group; did you mean `person`?",
            "persn",
        ),
        (
            "    type: call\n",
            "    type: meetin\n",
            "events.first-call.type",
            "did you mean `meeting`?",
            "meetin",
        ),
        (
            "    status: scheduled\n",
            "    status: planned\n",
            "events.council-meeting.status",
            "is not one of held, scheduled, cancelled",
            "planned",
        ),
        (
            "value: 1500, unit: tonnes",
            "value: 1500, unit: tons",
            "events.first-call.figures[1].unit",
            "is not one of percent, tonnes, count",
            "tons",
        ),
        (
            "value: 12.5,",
            'value: "12.5",',
            "events.first-call.figures[0].value",
            "expected a number",
            '"12.5"',
        ),
        (
            "approximate: true",
            "approximate: often",
            "events.first-call.figures[1].approximate",
            "expected `true` or `false`",
            "often",
        ),
        (
            "approximate: true",
            "qualifier: almost",
            "events.first-call.figures[1].qualifier",
            "is not one of about, nearly, over",
            "almost",
        ),
        (
            "approximate: true",
            "approximate: false, qualifier: nearly",
            "events.first-call.figures[1].qualifier",
            "a `qualifier` makes the figure approximate",
            "nearly",
        ),
        ("  bob:\n", "  Bob_S:\n", "actors.Bob_S", "is not a valid id", "Bob_S"),
        (
            "    date: 2026-03-02\n",
            "    date: 2026/03/02\n",
            "events.first-call.date",
            "is not a date: write YYYY-MM-DD, or YYYY-MM",
            "2026/03/02",
        ),
        (
            "    date: 2026-03-02\n",
            "    date: 2026-02-30\n",
            "events.first-call.date",
            "`2026-02-30` is not a day of the calendar (February 2026 has 28 days)",
            "2026-02-30",
        ),
        (
            '    time: "10:00"\n',
            '    time: "25:00"\n',
            "events.council-meeting.time",
            "is not a time: write HH:MM",
            '"25:00"',
        ),
        (
            "    timezone: Europe/Berlin\n",
            "    timezone: Europe/Berlni\n",
            "events.council-meeting.timezone",
            "is not an IANA time zone name; did you mean `Europe/Berlin`",
            "Europe/Berlni",
        ),
        (
            "    timezone: Europe/Berlin\n",
            "",
            "events.council-meeting.time",
            "`time` needs a `timezone`",
            '"10:00"',
        ),
        (
            "    country: US\n",
            "    country: XX\n",
            "actors.bob.country",
            "`XX` is not an ISO 3166-1 alpha-2 country code",
            "XX",
        ),
        (
            "    country: US\n",
            "    country: usa\n",
            "actors.bob.country",
            "is not an ISO 3166-1 alpha-2 country code",
            "usa",
        ),
        (
            "    participants: [council]\n",
            "    participants: []\n",
            "events.council-meeting.participants",
            "needs at least one entry",
            "[]",
        ),
        (
            "    participants: [ada, bob]\n",
            "    participants: [ada, ada]\n",
            "events.first-call.participants[1]",
            "`ada` is listed twice",
            "ada]",
        ),
        (
            "    participants: [ada, bob]\n",
            "    participants: [ada, bobb]\n",
            "events.first-call.participants[1]",
            "unknown actor `bobb`; did you mean `bob`?",
            "bobb",
        ),
        (
            "    participants: [ada, bob]\n",
            "    participants: [ada, zed]\n",
            "events.first-call.participants[1]",
            "unknown actor `zed`; no actor has this id",
            "zed",
        ),
        (
            "      - by: ada\n",
            "      - by: adda\n",
            "events.first-call.quotes[0].by",
            "unknown actor `adda`; did you mean `ada`?",
            "adda",
        ),
        (
            "{by: bob, label",
            "{by: bo, label",
            "events.first-call.figures[1].by",
            "unknown actor `bo`; did you mean `bob`?",
            "bo,",
        ),
        (
            "    member_of: council\n",
            "    member_of: counsil\n",
            "actors.ada.member_of",
            "unknown actor `counsil`; did you mean `council`?",
            "counsil",
        ),
        (
            "    member_of: council\n",
            "    member_of: ada\n",
            "actors.ada.member_of",
            "an actor cannot be a member of itself",
            "ada",
        ),
        (
            "    related: [first-call]\n",
            "    related: [first-cal]\n",
            "events.council-meeting.related[0]",
            "unknown event `first-cal`; did you mean `first-call`?",
            "first-cal",
        ),
        (
            "    related: [first-call]\n",
            "    related: [council-meeting]\n",
            "events.council-meeting.related[0]",
            "an event cannot be related to itself",
            "council-meeting",
        ),
        (
            "    terms: [budget]\n",
            "    terms: [budjet]\n",
            "events.first-call.terms[0]",
            "unknown glossary term `budjet`; did you mean `budget`?",
            "budjet",
        ),
        (
            "    see_also: [tax]\n",
            "    see_also: [taxes]\n",
            "glossary.budget.see_also[0]",
            "unknown glossary term `taxes`; did you mean `tax`?",
            "taxes",
        ),
        (
            "    see_also: [tax]\n",
            "    see_also: [budget]\n",
            "glossary.budget.see_also[0]",
            "a term cannot refer to itself",
            "budget",
        ),
        (
            'url: "https://example.org/minutes"',
            'url: "javascript:alert(1)"',
            "events.council-meeting.sources[0].url",
            "is not an http or https URL",
            '"javascript:alert(1)"',
        ),
        (
            'url: "https://example.org/minutes"',
            'url: "ftp://example.org/x"',
            "events.council-meeting.sources[0].url",
            "is not an http or https URL",
            '"ftp://example.org/x"',
        ),
        (
            "        date: 2026-03-01\n",
            "        date: 2026-03\n",
            "events.council-meeting.sources[0].date",
            "is not a date: write YYYY-MM-DD",
            "2026-03",
        ),
        (
            'aliases: {en: ["budgets"], de: ["Haushalts"]}',
            'aliases: {en: ["budgets"], dee: ["x"]}',
            "glossary.budget.aliases.dee",
            "`dee` is not a configured language",
            "dee",
        ),
        (
            'aliases: {en: ["budgets"], de: ["Haushalts"]}',
            'aliases: {en: "budgets"}',
            "glossary.budget.aliases.en",
            "expected a list",
            '"budgets"',
        ),
        (
            '{en: "Money paid to the state.", de:',
            '{en: "   ", de:',
            "glossary.tax.definition.en",
            "is empty",
            '"   "',
        ),
    ],
)
def test_rule(tmp_path: Path, old: str, new: str, path: str, message: str, at: str) -> None:
    """`at`: where the editor finds the mistake, its first character (the first time it is
    written from where the change starts)."""
    text = mutate(old, new)
    problem = only(problems(tmp_path, text), path)
    assert message in problem["message"]
    assert problem["file"].endswith("events.yaml")
    offset = text.index(at, text.index(new))
    line_start = text.rfind("\n", 0, offset) + 1
    assert (int(problem["line"]), int(problem["col"])) == (
        text.count("\n", 0, offset) + 1,
        offset - line_start + 1,
    )


def test_title_and_summary_lengths(tmp_path: Path) -> None:
    text = mutate('title: {en: "Ada calls Bob"', f'title: {{en: "{"x" * 121}"')
    assert (
        "is 121 characters long; at most 120 are allowed"
        in only(problems(tmp_path, text), "events.first-call.title.en")["message"]
    )
    text = mutate('summary: {en: "They talk about the budget."', f'summary: {{en: "{"y" * 401}"')
    assert (
        "at most 400 are allowed"
        in only(problems(tmp_path, text), "events.first-call.summary.en")["message"]
    )
    text = mutate('title: {en: "Ada calls Bob"', f'title: {{en: "{"x" * 120}"')
    assert problems(tmp_path, text) == []


def test_reserved_actor_id(tmp_path: Path) -> None:
    text = mutate("  bob:\n", "  index:\n").replace("[ada, bob]", "[ada, index]")
    text = text.replace("participants: [bob]", "participants: [index]").replace(
        "by: bob", "by: index"
    )
    assert "the id `index` is reserved" in only(problems(tmp_path, text), "actors.index")["message"]


def test_id_length_limit(tmp_path: Path) -> None:
    long_id = "a" * 81
    text = mutate("  tax:\n", f"  {long_id}:\n").replace(
        "see_also: [tax]", f"see_also: [{long_id}]"
    )
    assert "is not a valid id" in only(problems(tmp_path, text), f"glossary.{long_id}")["message"]


def test_every_problem_in_one_run_in_file_order(tmp_path: Path) -> None:
    text = (
        mutate("    type: call\n", "    type: cal\n")
        .replace("    participants: [council]\n", "    participants: [councel]\n")
        .replace("    see_also: [tax]\n", "    see_also: [tex]\n")
        .replace("    kind: person\n    country: US", "    kind: persn\n    country: US")
    )
    found = problems(tmp_path, text)
    assert len(found) == 4
    lines = [int(LINE.match(p)["line"]) for p in found]  # type: ignore[index]
    assert lines == sorted(lines)


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    text = minimal_yaml() + "  statement:\n    type: call\n"
    problem = only(problems(tmp_path, text), "events.statement")
    assert "duplicate key `statement`" in problem["message"]


def test_load_story_raises_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(mutate("    type: call\n", "    type: cal\n"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_story(path, ("en", "de"))
    assert len(caught.value.problems) == 1
    assert "1 problem in the explainer data" in str(caught.value)


def test_valid_file_becomes_a_story(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(minimal_yaml(), encoding="utf-8")
    story = load_story(path, ("en", "de"))
    assert [e.id for e in story.chronological] == ["statement", "first-call", "council-meeting"]
    assert story.actors["bob"].name == {"en": "Bob Sample", "de": "Bob Sample"}
    assert story.events["council-meeting"].status == "scheduled"
    assert story.events["first-call"].status == "held"


@pytest.mark.parametrize(
    "path",
    [
        Path("tests/fixtures/minimal.yaml"),
        pytest.param(Path("data/events.yaml"), marks=pytest.mark.story),
    ],
)
def test_both_schema_checkers_accept_the_valid_files(path: Path) -> None:
    """Valid files only meet the fast checker; jsonschema must agree with it."""
    from explainer.loader import load_file
    from explainer.schema import _validator
    from tests.conftest import REPO

    loaded = load_file(REPO / path, str(path))
    assert list(_validator(("en", "de")).iter_errors(loaded.data)) == []


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "file:///etc/passwd",
        "jav&#x61;script:alert(1)",  # the browser decodes references in href
        "java&#9;script:alert(1)",
        "javascript&colon;alert(1)",
    ],
)
def test_markdown_links_to_other_schemes_are_located_errors(tmp_path: Path, target: str) -> None:
    text = mutate('body: {en: "Bob *said* things.', f'body: {{en: "Bob *said* [things]({target}).')
    problem = only(problems(tmp_path, text), "events.statement.body.en")
    assert f"the link target `{target}` is not allowed" in problem["message"]
    text = mutate('body: {en: "Bob *said* things.', f'body: {{en: "Bob ![said]({target}) things.')
    assert "is not allowed" in only(problems(tmp_path, text), "events.statement.body.en")["message"]


@pytest.mark.parametrize(
    "target", ["https://example.org/a", "http://x.test", "mailto:a@b.test", "../timeline/", "#top"]
)
def test_markdown_links_to_allowed_targets_pass(tmp_path: Path, target: str) -> None:
    text = mutate('body: {en: "Bob *said* things.', f'body: {{en: "Bob *said* [things]({target}).')
    assert problems(tmp_path, text) == []


def test_a_scheme_hidden_by_spaces_in_angle_brackets_is_found(tmp_path: Path) -> None:
    text = mutate(
        'body: {en: "Bob *said* things.', 'body: {en: "Bob *said* [things](<java script:alert(1)>).'
    )
    assert "is not allowed" in only(problems(tmp_path, text), "events.statement.body.en")["message"]


STATEMENT_BODY = (
    '    body: {en: "Bob *said* things.\\n\\nMore things.", '
    'de: "Bob *sagte* Dinge.\\n\\nWeitere Dinge."}\n'
)


def corrected(*corrections: str) -> str:
    """The fixture with these lines under the statement's `corrections:`."""
    return mutate(STATEMENT_BODY, STATEMENT_BODY + "    corrections:\n" + "".join(corrections))


def test_corrections_become_part_of_the_event(tmp_path: Path) -> None:
    text = corrected(
        "      - date: 2026-03-01\n",
        "        text: {en: 'It was *Friday*.', de: 'Es war *Freitag*.'}\n",
        "      - {date: 2026-03-01, text: {en: Same day., de: Am selben Tag.}}\n",
        "      - {date: 2026-03-04, text: {en: Later., de: Später.}}\n",
    )
    assert problems(tmp_path, text) == []
    path = tmp_path / "events.yaml"
    story = load_story(path, ("en", "de"))
    corrections = story.events["statement"].corrections
    assert [(c.date.iso, c.text["de"]) for c in corrections] == [
        ("2026-03-01", "Es war *Freitag*."),
        ("2026-03-01", "Am selben Tag."),
        ("2026-03-04", "Später."),
    ]
    assert story.events["first-call"].corrections == ()


def test_corrections_are_located_where_they_go_wrong(tmp_path: Path) -> None:
    text = corrected(
        "      - {date: 2026-03-05, text: {en: 'See [this](javascript:alert(1)).', de: Ja.}}\n",
        "      - {date: 2026-03-04, text: {en: Older., de: ''}}\n",
        "      - {date: 2026-02-30, text: {en: x, de: y}}\n",
        "      - {date: 2026-03, text: {en: x, de: y}}\n",
        "      - {date: 2026-03-06, text: {en: x, de: y}, by: ada}\n",
    )
    found = problems(tmp_path, text)
    lines = text.splitlines()
    first = line_of(text, "    corrections:")  # the line before the first correction
    places = [(1, "'See"), (2, "2026"), (2, "''"), (3, "2026"), (4, "2026"), (5, "by")]
    assert [p.split(": ", 1)[0].rsplit("/", 1)[1] for p in found] == [
        f"events.yaml:{first + n}:{lines[first + n - 1].index(at) + 1}" for n, at in places
    ]
    assert [p.split(": ", 1)[1] for p in found] == [
        "events.statement.corrections[0].text.en: the link target `javascript:alert(1)` is "
        "not allowed; links may only go to http:, https:, mailto: or relative addresses",
        "events.statement.corrections[1].date: corrections are listed oldest first, and this "
        "one (2026-03-04) is older than the one above it (2026-03-05); move it up",
        "events.statement.corrections[1].text.de: is empty; write the text",
        "events.statement.corrections[2].date: `2026-02-30` is not a day of the calendar "
        "(February 2026 has 28 days)",
        "events.statement.corrections[3].date: `2026-03` is not a date: write YYYY-MM-DD",
        "events.statement.corrections[4].by: unknown field `by`; allowed fields: date, text",
    ]
