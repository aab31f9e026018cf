"""The editorial checks (spec: "Editorial checks"): direction controls and invisible
characters, clock times that never happened or happened twice (`utc_offset`), quotes and
figures by someone who was not there, and `scheduled` events whose day has passed. Each
rule is tested on the seed data as the guide's snapshot keeps it
(tests/fixtures/guide/events.yaml) with one change: the exact line, column and message.

Warnings are problems marked as such: `validate` prints them after the errors, `--github`
makes them warning annotations, `--strict` fails on them, a build never does."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.dates import today as todays_date
from explainer.drift import find_drift
from explainer.loader import load_text
from explainer.validate import find_problems, load_story
from tests.conftest import (
    BEFORE_THE_FIXTURE_EPOCH,
    FIXTURES,
    copy_configuration,
    make_site,
    minimal_yaml,
    mkdocs_build,
)

SNAPSHOT = FIXTURES / "guide" / "events.yaml"
#: the snapshot's day (the press conference): no scheduled event of it had passed
SNAPSHOT_DAY = datetime.date(2026, 1, 16)
LANGUAGES = ("en", "de")
MEETING = "events.security-implementation-group-meeting"

Found = tuple[int, int, str, str, str]  # line, column, path, severity, message


def changed(old: str, new: str) -> str:
    """The snapshot with its one `old` made `new`."""
    text = SNAPSHOT.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    return text.replace(old, new)


def found(tmp_path: Path, text: str, today: datetime.date | None = SNAPSHOT_DAY) -> list[Found]:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = find_problems(path, LANGUAGES, today=today)
    return [(p.line, p.column, p.path, p.severity, p.message) for p in problems]


def place(text: str, needle: str, after: str = "") -> tuple[int, int]:
    """Line and column of the first `needle` after `after` (where the editor finds it)."""
    offset = text.index(needle, text.index(after) if after else 0)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_the_snapshot_has_nothing_to_report_on_its_day(tmp_path: Path) -> None:
    assert found(tmp_path, SNAPSHOT.read_text(encoding="utf-8")) == []


# --- direction controls: errors at the character's own line and column ----------------------

TITLE = 'en: "Meeting of the Bilateral'
DIRECTION_CONTROLS = {
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}


def direction_message(character: str) -> str:
    return (
        f"the text has the direction control U+{ord(character):04X} "
        f"({DIRECTION_CONTROLS[character]}), which reorders the text around it: the page "
        "would not read as this line does; remove it"
    )


@pytest.mark.parametrize("character", sorted(DIRECTION_CONTROLS))
def test_each_direction_control_is_an_error_that_names_it(tmp_path: Path, character: str) -> None:
    text = changed(TITLE, TITLE.replace("the Bilateral", f"the {character}Bilateral"))
    line, column = place(text, character)
    assert found(tmp_path, text) == [
        (line, column, f"{MEETING}.title.en", "error", direction_message(character))
    ]


#: (what the editor changed, into what, where the character stands, the text's path): in
#: double quotes as itself and as escapes, in single quotes, plain, folded and literal
#: block scalars; a line or more below where the text starts
WRITTEN = {
    "double-quoted": (
        TITLE,
        'en: "Meeting of the \u202eBilateral',
        "\u202e",
        f"{MEETING}.title.en",
    ),
    "an escape": (TITLE, 'en: "Meeting of the \\u202EBilateral', "\\u202E", f"{MEETING}.title.en"),
    "a long escape": (
        TITLE,
        'en: "Meeting of \\U0000202e the Bilateral',
        "\\U0000202e",
        f"{MEETING}.title.en",
    ),
    "single-quoted": (
        "en: 'Sheinbaum defends security cooperation with the US, citing",
        "en: 'Sheinbaum defends security cooperation with the US, \u202eciting",
        "\u202e",
        "events.sheinbaum-press-conference.title.en",
    ),
    "plain": (
        "      en: Embassy of Mexico in the United States\n",
        "      en: Embassy of Mexico in the \u202eUnited States\n",
        "\u202e",
        "actors.mexican-embassy-us.name.en",
    ),
    "folded, on its second line": (
        "against cartels, fentanyl and arms trafficking, as agreed by",
        "against \u202ecartels, fentanyl and arms trafficking, as agreed by",
        "\u202e",
        f"{MEETING}.summary.en",
    ),
    "literal, in its third paragraph": (
        "        According to the articles, the statement was a response",
        "        According to the \u202earticles, the statement was a response",
        "\u202e",
        "events.sheinbaum-press-conference.body.en",
    ),
}


@pytest.mark.parametrize("style", list(WRITTEN))
def test_a_direction_control_is_located_where_it_is_written(tmp_path: Path, style: str) -> None:
    old, new, written, path = WRITTEN[style]
    text = changed(old, new)
    line, column = place(text, written)
    assert found(tmp_path, text) == [(line, column, path, "error", direction_message("\u202e"))]


def test_an_escaped_backslash_before_u202e_is_text(tmp_path: Path) -> None:
    # YAML reads `\\u202E` as a backslash and the letters u202E: nothing is hidden
    assert found(tmp_path, changed(TITLE, 'en: "Meeting of the \\\\u202E Bilateral')) == []


# --- invisible characters: warnings ---------------------------------------------------------

GERMAN_TITLE = 'de: "Treffen der Bilateralen Gruppe zur Umsetzung der Sicherheit"'


@pytest.mark.parametrize(
    ("written", "named"),
    [
        ("\u200b", "U+200B (zero width space)"),
        ("\u2060", "U+2060 (word joiner)"),
        ("\ufeff", "U+FEFF (byte order mark)"),
        ("\\uFEFF", "U+FEFF (byte order mark)"),
        ("\u00ad", "U+00AD (soft hyphen)"),
        ("\u200e", "U+200E (left-to-right mark)"),
    ],
)
def test_an_invisible_character_is_a_warning_that_names_it(
    tmp_path: Path, written: str, named: str
) -> None:
    text = changed(GERMAN_TITLE, GERMAN_TITLE.replace("Gruppe", f"{written}Gruppe"))
    line, column = place(text, written)
    message = (
        f"the text has an invisible {named}, which pasted text often brings along; remove it "
        "unless it is meant to be there"
    )
    assert found(tmp_path, text) == [(line, column, f"{MEETING}.title.de", "warning", message)]


@pytest.mark.parametrize(
    "joined",
    [
        "Auf\u200clage",  # German keeps the ligature out of the compound
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian, mi-khaham
        "\u0915\u094d\u200d\u0937",  # Devanagari, a half form
        "\U0001f469\u200d\U0001f4bb",  # an emoji sequence: woman technologist
        "\u2764\ufe0f\u200d\U0001f525",  # after a variation selector: heart on fire
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # Scotland
    ],
)
def test_joiners_and_flag_tags_where_the_writing_uses_them_pass(
    tmp_path: Path, joined: str
) -> None:
    text = changed(GERMAN_TITLE, GERMAN_TITLE.replace("Gruppe", f"Gruppe {joined}"))
    assert found(tmp_path, text) == []


def test_a_joiner_that_joins_nothing_is_a_warning_counted_once(tmp_path: Path) -> None:
    # an emoji sequence (allowed), then joiners at the end of two words
    new = 'de: "Treffen der \U0001f469\u200d\U0001f4bb Gruppe\u200d zur\u200d Umsetzung"'
    text = changed(GERMAN_TITLE, new)
    line, column = place(text, "\u200d zur")
    message = (
        "the text has an invisible U+200D (zero width joiner) that joins no letters or emoji "
        "here; remove it (2 times in this text)"
    )
    assert found(tmp_path, text) == [(line, column, f"{MEETING}.title.de", "warning", message)]


def test_each_kind_of_character_is_reported_once_a_text(tmp_path: Path) -> None:
    text = changed(GERMAN_TITLE, 'de: "Treffen\u200b der\u202e Bilateralen\u200b Gruppe"')
    found_here = found(tmp_path, text)
    assert [(line, column, severity) for line, column, _, severity, _ in found_here] == [
        (*place(text, "\u200b"), "warning"),
        (*place(text, "\u202e"), "error"),
    ]
    assert found_here[0][4].endswith("unless it is meant to be there (2 times in this text)")


# --- clock gaps and folds ---------------------------------------------------------------------

MEETING_DAY = "    date: 2026-01-23\n"


def timed(day: str, time: str, zone: str, offset: str | None = None) -> str:
    """The snapshot's meeting on `day` at `time` in `zone` (one change: its date line)."""
    lines = f'    date: {day}\n    time: "{time}"\n    timezone: {zone}\n'
    return changed(MEETING_DAY, lines + (f'    utc_offset: "{offset}"\n' if offset else ""))


@pytest.mark.parametrize(
    ("day", "time", "zone", "jump"),
    [
        ("2026-03-29", "02:30", "Europe/Berlin", "from 02:00 to 03:00"),
        ("2026-03-08", "02:00", "America/New_York", "from 02:00 to 03:00"),
        ("2026-10-04", "02:15", "Australia/Lord_Howe", "from 02:00 to 02:30"),
        # Samoa moved west of the date line: 30 December 2011 never began there
        ("2011-12-30", "12:00", "Pacific/Apia", "from 2011-12-30 00:00 to 2011-12-31 00:00"),
    ],
)
def test_a_time_the_clocks_skip_is_an_error_that_says_from_when_to_when(
    tmp_path: Path, day: str, time: str, zone: str, jump: str
) -> None:
    text = timed(day, time, zone)
    line, column = place(text, f'"{time}"')
    message = f"`{time}` does not exist on {day} in {zone}: the clocks jump {jump}; check the time"
    before = min(SNAPSHOT_DAY, datetime.date.fromisoformat(day))  # still to come: no warning
    assert found(tmp_path, text, before) == [(line, column, f"{MEETING}.time", "error", message)]


FOLDS = [
    ("2026-10-25", "02:30", "Europe/Berlin", "from 03:00 to 02:00", "+02:00", "+01:00"),
    ("2026-11-01", "01:30", "America/New_York", "from 02:00 to 01:00", "-04:00", "-05:00"),
    ("2026-04-05", "01:45", "Australia/Lord_Howe", "from 02:00 to 01:30", "+11:00", "+10:30"),
]


@pytest.mark.parametrize(("day", "time", "zone", "back", "first", "second"), FOLDS)
def test_a_time_the_clocks_show_twice_needs_its_utc_offset(
    tmp_path: Path, day: str, time: str, zone: str, back: str, first: str, second: str
) -> None:
    text = timed(day, time, zone)
    line, column = place(text, f'"{time}"')
    message = (
        f"`{time}` happens twice on {day} in {zone}: the clocks go back {back}; say which with "
        f'`utc_offset`: `"{first}"` (the first time) or `"{second}"` (the second)'
    )
    assert found(tmp_path, text) == [(line, column, f"{MEETING}.time", "error", message)]


@pytest.mark.parametrize(("day", "time", "zone", "back", "first", "second"), FOLDS)
def test_utc_offset_picks_the_moment_of_a_repeated_time(
    tmp_path: Path, day: str, time: str, zone: str, back: str, first: str, second: str
) -> None:
    moments = []
    for offset in (first, second):
        text = timed(day, time, zone, offset)
        assert found(tmp_path, text) == []
        event = load_story(tmp_path / "events.yaml", LANGUAGES).events[MEETING.split(".")[1]]
        local = datetime.datetime.fromisoformat(f"{day}T{time}")
        sign = -1 if offset[0] == "-" else 1
        hours, minutes = (int(part) for part in offset[1:].split(":"))
        expected = local - sign * datetime.timedelta(hours=hours, minutes=minutes)
        assert event.local_start().astimezone(datetime.UTC).replace(tzinfo=None) == expected
        moments.append(event.local_start().timestamp())
    assert moments[1] > moments[0]  # the second time is the later moment


def test_a_utc_offset_that_is_neither_of_a_repeated_times_is_an_error(tmp_path: Path) -> None:
    text = timed("2026-11-01", "01:30", "America/New_York", "-06:00")
    line, column = place(text, '"-06:00"')
    message = (
        "`-06:00` is neither offset of `01:30` on 2026-11-01 in America/New_York, which happens "
        'twice: write `"-04:00"` (the first time) or `"-05:00"` (the second)'
    )
    assert found(tmp_path, text) == [(line, column, f"{MEETING}.utc_offset", "error", message)]


def test_a_utc_offset_must_be_the_offset_of_a_time_that_happens_once(tmp_path: Path) -> None:
    assert found(tmp_path, timed("2026-01-23", "10:00", "America/Mexico_City", "-06:00")) == []
    text = timed("2026-01-23", "10:00", "America/Mexico_City", "-05:00")
    line, column = place(text, '"-05:00"')
    message = (
        "`-05:00` is not the offset of `10:00` on 2026-01-23 in America/Mexico_City, which is "
        '`"-06:00"`; write that, or remove `utc_offset`'
    )
    assert found(tmp_path, text) == [(line, column, f"{MEETING}.utc_offset", "error", message)]


def test_a_utc_offset_needs_a_time_and_a_timezone(tmp_path: Path) -> None:
    text = changed(MEETING_DAY, MEETING_DAY + '    utc_offset: "-06:00"\n')
    line, column = place(text, '"-06:00"')
    message = (
        "`utc_offset` needs `time` and `timezone` too: it says which moment a local time means"
    )
    assert found(tmp_path, text) == [(line, column, f"{MEETING}.utc_offset", "error", message)]


def test_a_utc_offset_is_written_plus_or_minus_hours_and_minutes(tmp_path: Path) -> None:
    unquoted = timed("2026-11-01", "01:30", "America/New_York").replace(
        "    timezone: America/New_York\n",
        "    timezone: America/New_York\n    utc_offset: -05:00\n",
    )
    assert found(tmp_path, unquoted) == []  # YAML reads it as text, quoted or not
    text = timed("2026-11-01", "01:30", "America/New_York", "-5:00")
    line, column = place(text, '"-5:00"')
    message = "`-5:00` is not an offset from UTC: write +HH:MM or -HH:MM, like `+02:00`"
    assert found(tmp_path, text) == [(line, column, f"{MEETING}.utc_offset", "error", message)]


# --- who said it ------------------------------------------------------------------------------


def test_a_quote_by_someone_not_at_the_event_is_a_warning_naming_its_participants(
    tmp_path: Path,
) -> None:
    text = changed("      - by: mexican-embassy-us\n", "      - by: sheinbaum\n")
    line, column = place(text, "by: sheinbaum", "  embassy-post:")
    message = (
        "`sheinbaum` is not among the participants of this event (`mexican-embassy-us`), yet "
        "the event's page shows the quote as said there; add `sheinbaum` to `participants` if "
        "they took part, or check `by`"
    )
    expected = (line, column + 4, "events.embassy-post.quotes[0].by", "warning", message)
    assert found(tmp_path, text) == [expected]


def test_a_figure_by_someone_not_at_the_event_is_a_warning(tmp_path: Path) -> None:
    text = changed(
        "      - by: sheinbaum\n        label:\n          en: Fentanyl",
        "      - by: de-la-fuente\n        label:\n          en: Fentanyl",
    )
    line, column = place(text, "de-la-fuente", "    figures:")
    message = (
        "`de-la-fuente` is not among the participants of this event (`sheinbaum`), yet the "
        "event's page shows the figure as given there; add `de-la-fuente` to `participants` if "
        "they took part, or check `by`"
    )
    path = "events.sheinbaum-press-conference.figures[0].by"
    assert found(tmp_path, text) == [(line, column, path, "warning", message)]


def test_a_misspelled_participant_is_one_error_not_also_a_warning_about_the_quote(
    tmp_path: Path,
) -> None:
    text = changed(
        "    participants: [mexican-embassy-us]\n", "    participants: [mexican-embassy]\n"
    )
    [(_, _, path, severity, message)] = found(tmp_path, text)
    assert (path, severity) == ("events.embassy-post.participants[0]", "error")
    assert message == "unknown actor `mexican-embassy`; did you mean `mexican-embassy-us`?"


def test_an_unknown_speaker_is_one_error_not_also_a_warning(tmp_path: Path) -> None:
    text = changed("      - by: mexican-embassy-us\n", "      - by: mexican-embassy\n")
    [(_, _, path, severity, message)] = found(tmp_path, text)
    assert (path, severity) == ("events.embassy-post.quotes[0].by", "error")
    assert message == "unknown actor `mexican-embassy`; did you mean `mexican-embassy-us`?"


# --- statuses left behind -----------------------------------------------------------------------


def left_behind(what: str, date: str, today: datetime.date) -> str:
    return (
        f"the event is still `scheduled`, but its {what} ({date}) has passed (today is "
        f"{today.isoformat()}); set `status` to `held`, `cancelled` or `unconfirmed`, or move "
        "the date"
    )


def test_a_scheduled_event_warns_from_the_day_after_its_date(tmp_path: Path) -> None:
    text = SNAPSHOT.read_text(encoding="utf-8")
    assert found(tmp_path, text, today=datetime.date(2026, 1, 23)) == []  # its own day
    after = datetime.date(2026, 1, 24)
    line, column = place(text, "scheduled", "  security-implementation-group-meeting:")
    message = left_behind("date", "2026-01-23", after)
    assert found(tmp_path, text, today=after) == [
        (line, column, f"{MEETING}.status", "warning", message)
    ]


def test_a_scheduled_month_warns_once_the_month_is_over(tmp_path: Path) -> None:
    text = SNAPSHOT.read_text(encoding="utf-8")
    month = "events.ministerial-security-meeting.status"
    assert month not in [f[2] for f in found(tmp_path, text, today=datetime.date(2026, 2, 28))]
    first_of_march = datetime.date(2026, 3, 1)
    line, column = place(text, "scheduled", "  ministerial-security-meeting:\n    type:")
    expected = (line, column, month, "warning", left_behind("month", "2026-02", first_of_march))
    assert found(tmp_path, text, today=first_of_march)[-1] == expected


@pytest.mark.parametrize("status", ["held", "cancelled", "unconfirmed"])
def test_other_statuses_in_the_past_are_left_alone(tmp_path: Path, status: str) -> None:
    scheduled = "    status: scheduled\n    participants: [bilateral"
    text = changed(scheduled, scheduled.replace("scheduled", status))
    assert found(tmp_path, text, today=datetime.date(2026, 2, 1)) == []


def test_today_is_source_date_epochs_day_when_it_is_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1769212800")  # 2026-01-24T00:00:00Z
    assert todays_date() == datetime.date(2026, 1, 24)
    [(_, _, _, _, message)] = found(tmp_path, SNAPSHOT.read_text(encoding="utf-8"), today=None)
    assert message == left_behind("date", "2026-01-23", datetime.date(2026, 1, 24))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1768521599")  # the last second of 2026-01-15
    assert todays_date() == datetime.date(2026, 1, 15)
    assert found(tmp_path, SNAPSHOT.read_text(encoding="utf-8"), today=None) == []


@pytest.mark.parametrize("epoch", [None, "", "yesterday"])
def test_without_a_usable_source_date_epoch_today_is_the_clocks(
    monkeypatch: pytest.MonkeyPatch, epoch: str | None
) -> None:
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    before = datetime.datetime.now(datetime.UTC).date()
    day = todays_date()
    assert day in {before, datetime.datetime.now(datetime.UTC).date()}


# --- the command line: errors, then warnings, each marked, with a count ---------------------------


def site(root: Path, text: str) -> None:
    """The repository's configuration and pages with `text` as its data file."""
    copy_configuration(root)
    (root / "data").mkdir()
    (root / "data" / "events.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def after_the_meeting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site of the snapshot, in its folder, the day after its meeting was scheduled."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1769212800")  # 2026-01-24
    return tmp_path


def test_validate_prints_errors_then_warnings_and_counts_both(
    after_the_meeting: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = changed(GERMAN_TITLE, GERMAN_TITLE.replace("Gruppe", "\u200bGruppe"))
    text = text.replace(
        "    type: meeting\n    date: 2026-01-23", "    type: meetng\n    date: 2026-01-23"
    )
    site(after_the_meeting, text)
    assert main(["validate", "--github"]) == 1
    out, err = capsys.readouterr()
    type_at, space_at = place(text, "meetng"), place(text, "\u200b")
    status_at = place(text, "scheduled", "  security-implementation-group-meeting:")
    assert err.splitlines() == [
        f"data/events.yaml:{type_at[0]}:{type_at[1]}: {MEETING}.type: `meetng` is not one of "
        "call, statement, meeting; did you mean `meeting`?",
        f"data/events.yaml:{status_at[0]}:{status_at[1]}: warning: {MEETING}.status: "
        + left_behind("date", "2026-01-23", datetime.date(2026, 1, 24)),
        f"data/events.yaml:{space_at[0]}:{space_at[1]}: warning: {MEETING}.title.de: the text "
        "has an invisible U+200B (zero width space), which pasted text often brings along; "
        "remove it unless it is meant to be there",
        "1 problem and 2 warnings in the explainer data.",
    ]
    assert [line.split(" ", 1)[0] for line in out.splitlines()] == [
        "::error",
        "::warning",
        "::warning",
    ]
    assert out.splitlines()[1] == (
        f"::warning file=data/events.yaml,line={status_at[0]},col={status_at[1]}::"
        f"{MEETING}.status: " + left_behind("date", "2026-01-23", datetime.date(2026, 1, 24))
    )


def test_warnings_alone_pass_unless_strict(
    after_the_meeting: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site(after_the_meeting, SNAPSHOT.read_text(encoding="utf-8"))
    assert main(["validate"]) == 0
    out, err = capsys.readouterr()
    [warning, count] = err.splitlines()
    assert ": warning: " in warning and count == "1 warning in the explainer data."
    assert out.startswith("data/events.yaml: OK: ")
    assert main(["validate", "--strict"]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        warning,
        "1 warning in the explainer data; --strict fails on warnings.",
    ]
    assert out == ""


# --- the build: warnings are logged, and never decide whether it passes -------------------------


@pytest.mark.build
def test_a_strict_build_logs_the_warnings_and_passes_whatever_the_day(tmp_path: Path) -> None:
    """The minimal site's council meeting (March 2026) is scheduled: built before it and
    after it, with `mkdocs build --strict`, both builds pass and write the same pages;
    the one after says what the editor should look at."""
    config = make_site(tmp_path, minimal_yaml())
    builds = {}
    for name, epoch in (("before", BEFORE_THE_FIXTURE_EPOCH), ("after", "1775088000")):
        site_dir = tmp_path / name
        result = mkdocs_build(config, site_dir, env={"SOURCE_DATE_EPOCH": epoch})
        assert result.returncode == 0, result.stderr
        builds[name] = (site_dir, result.stderr)
    text = minimal_yaml()
    line, column = place(text, "scheduled")
    warning = (
        f"explainer: data/events.yaml:{line}:{column}: warning: events.council-meeting.status: "
        + left_behind("month", "2026-03", datetime.date(2026, 4, 2))
    )
    assert warning in builds["after"][1]
    assert "explainer: 1 warning in the data; the build goes on" in builds["after"][1]
    assert "warning:" not in builds["before"][1]
    pages = {
        name: {
            page.relative_to(site_dir).as_posix(): page.read_bytes()
            for page in sorted(site_dir.rglob("*.html"))
        }
        for name, (site_dir, _) in builds.items()
    }
    assert pages["before"] and pages["before"] == pages["after"]


@pytest.mark.build
def test_a_build_stopped_by_errors_reports_the_warnings_after_them(tmp_path: Path) -> None:
    text = minimal_yaml().replace("    type: call\n", "    type: cal\n", 1)
    config = make_site(tmp_path, text)
    result = mkdocs_build(config, tmp_path / "site", env={"SOURCE_DATE_EPOCH": "1775088000"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    located = [line for line in result.stderr.splitlines() if line.startswith("data/events.yaml:")]
    assert [": warning: " in line for line in located] == [False, True]
    assert located[0].endswith("`cal` is not one of call, statement, meeting; did you mean `call`?")


def test_new_event_lists_what_the_new_event_lacks_not_the_files_warnings(
    after_the_meeting: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site(after_the_meeting, SNAPSHOT.read_text(encoding="utf-8"))
    args = ["new-event", "talks", "--type", "call", "--date", "2026-02-03"]
    assert main([*args, "--participant", "rubio"]) == 0
    listed = capsys.readouterr().out.splitlines()[1:]
    assert listed and all(": events.talks." in line for line in listed), listed


def test_drift_compares_a_file_whose_only_problems_are_warnings() -> None:
    base = SNAPSHOT.read_text(encoding="utf-8")
    current = base.replace(GERMAN_TITLE, GERMAN_TITLE.replace("Gruppe", "\u200bGruppe"))
    loaded = load_text(current, "data/events.yaml")
    assert [p.severity for p in loaded.problems] == ["warning"]
    [drift] = find_drift(base, loaded, LANGUAGES)
    assert str(drift).endswith(
        f"{MEETING}.title.en: changed in de but not in en; check the translation"
    )


# --- before: a month-only event placed before an event of its month ---------------------

EMBASSY = '  embassy-post:\n    type: statement\n    date: "2026-01"\n'
EMBASSY_PATH = "events.embassy-post.before"


@pytest.mark.parametrize(
    ("before", "date", "message"),
    [
        ("security-implementation-group-meeting", '"2026-01"', None),
        (
            "security-implementation-group-meting",
            '"2026-01"',
            "unknown event `security-implementation-group-meting`; did you mean "
            "`security-implementation-group-meeting`?",
        ),
        ("embassy-post", '"2026-01"', "an event cannot come before itself"),
        (
            "ministerial-security-meeting",
            '"2026-01"',
            "`ministerial-security-meeting` must have an exact date in 2026-01 (`2026-01-DD`) "
            "for this event to be placed before it; its date is `2026-02`",
        ),
        (
            "security-implementation-group-meeting",
            "2026-01-20",
            "only an event known only by its month (`date: YYYY-MM`) can be placed with "
            "`before`; this one's date says where it stands",
        ),
    ],
)
def test_before_names_a_dated_event_of_the_same_month(
    tmp_path: Path, before: str, date: str, message: str | None
) -> None:
    """`before:` is checked where the editor wrote it: the event exists, is not this one,
    has an exact date in this one's month, and this one is known only by its month."""
    text = changed(
        EMBASSY,
        f"  embassy-post:\n    type: statement\n    date: {date}\n    before: {before}\n",
    )
    problems = [p for p in found(tmp_path, text) if p[2] == EMBASSY_PATH]
    if message is None:
        assert found(tmp_path, text) == []
        return
    line, column = place(text, f"before: {before}", after="  embassy-post:")
    assert problems == [(line, column + len("before: "), EMBASSY_PATH, "error", message)]
