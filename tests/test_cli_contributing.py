"""CONTRIBUTING.md quotes the tools' output: every quoted `data/events.yaml:…` line is
reproduced here by making the mistake the guide describes, and must appear word for word
in what the command prints. A change of wording in the tools fails here until the guide is
updated (the guide's lines and this table must also stay the same set).

The mistakes are made on a snapshot of the data file kept with the tests
(tests/fixtures/guide/events.yaml; the guide says its line numbers are the snapshot's), never
on the live data/events.yaml: an editor who adds an event must not break these tests."""

from __future__ import annotations

import datetime
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from explainer.cli import main
from tests.conftest import FIXTURES, REPO, copy_configuration

GUIDE = REPO / "CONTRIBUTING.md"
#: the data file as it stood when the guide's examples were written
SNAPSHOT = FIXTURES / "guide" / "events.yaml"
GIT = ["git", "-c", "user.email=t@example.org", "-c", "user.name=T"]


@dataclass(frozen=True)
class Mistake:
    """A mistake the guide describes, as edits of the data file, and the lines it quotes."""

    what: str
    command: str  # validate | new-event | drift
    #: (line, old, new): on that line of the snapshot, `old` becomes `new` (None: the line
    #: is deleted)
    edits: tuple[tuple[int, str, str | None], ...]
    lines: tuple[str, ...]
    #: the day the command runs (SOURCE_DATE_EPOCH): by default the snapshot's, the day of
    #: the press conference, when no scheduled event had passed
    today: datetime.date = datetime.date(2026, 1, 16)

    @property
    def status(self) -> int:
        """What the command exits with: `validate` fails on errors, not on warnings."""
        errors = [line for line in self.lines if ": warning: " not in line]
        return 1 if self.command == "validate" and errors else 0


#: the meeting's date line, which the examples of clock times change
_DAY = (797, "date: 2026-01-23")
_MEETING = "data/events.yaml:{}: events.security-implementation-group-meeting.{}"

MISTAKES = (
    Mistake(
        "an actor's German name typed as `ed:` instead of `de:`",
        "validate",
        ((176, "      de:", "      ed:"),),
        (
            "data/events.yaml:176:7: actors.bilateral-security-implementation-group.name.ed: "
            "`ed` is not a configured language (configured: en, de); did you mean `en` or `de`?",
            "data/events.yaml:175:7: actors.bilateral-security-implementation-group.name: "
            "the `de` text is missing; every configured language (en, de) needs one",
        ),
    ),
    Mistake(
        "an event type misspelled `meetng`",
        "validate",
        ((796, "type: meeting", "type: meetng"),),
        (
            "data/events.yaml:796:11: events.security-implementation-group-meeting.type: "
            "`meetng` is not one of call, statement, meeting; did you mean `meeting`?",
        ),
    ),
    Mistake(
        "a participant's actor id misspelled `rubioo`",
        "validate",
        ((649, "[de-la-fuente, rubio]", "[de-la-fuente, rubioo]"),),
        (
            "data/events.yaml:649:34: events.de-la-fuente-rubio-call.participants[1]: "
            "unknown actor `rubioo`; did you mean `rubio`?",
        ),
    ),
    Mistake(
        "an event title written in English only (its `de:` line left out)",
        "validate",
        ((837, '      de: "Mexikanische Botschaft', None),),
        (
            "data/events.yaml:836:7: events.embassy-post.title: the `de` text is missing; "
            "every configured language (en, de) needs one",
        ),
    ),
    Mistake(
        "the guide's own `make new-event` command: a scaffold whose texts are empty",
        "new-event",
        (),
        (
            "data/events.yaml:867: added the event `ministers-talk`; "
            "write its texts in every language:",
            *(
                f"  data/events.yaml:{line}: events.ministers-talk.{field}: is empty; {what}"
                for line, field, what in (
                    ("872:11", "title.en", "write the text"),
                    ("873:11", "title.de", "write the text"),
                    ("875:11", "summary.en", "write the text"),
                    ("876:11", "summary.de", "write the text"),
                    ("878:11", "body.en", "write the text or remove `body`"),
                    ("879:11", "body.de", "write the text or remove `body`"),
                    ("882:15", "sources[0].title.en", "write the text"),
                    ("883:15", "sources[0].title.de", "write the text"),
                )
            ),
        ),
    ),
    Mistake(
        "an event's English summary changed, its German one not",
        "drift",
        ((578, "Donald Trump held a call on Monday,", "Donald Trump spoke by phone on Monday,"),),
        (
            "data/events.yaml:580:11: warning: events.sheinbaum-trump-call.summary.de: "
            "changed in en but not in de; check the translation",
        ),
    ),
    Mistake(
        "a line indented with a tab",
        "validate",
        ((796, "    type: meeting", "\ttype: meeting"),),
        (
            "data/events.yaml:796:1: line 796 is indented with a tab; YAML needs spaces "
            "(YAML syntax error: found character that cannot start any token)",
        ),
    ),
    Mistake(
        "a date written day.month.year",
        "validate",
        ((797, "date: 2026-01-23", "date: 23.01.2026"),),
        (
            "data/events.yaml:797:11: events.security-implementation-group-meeting.date: "
            "`23.01.2026` is not a date: write YYYY-MM-DD, or YYYY-MM when only the month is "
            "known; did you mean `2026-01-23`?",
        ),
    ),
    Mistake(
        "a date that can be read two ways",
        "validate",
        ((797, "date: 2026-01-23", "date: 03/04/2026"),),
        (
            "data/events.yaml:797:11: events.security-implementation-group-meeting.date: "
            "`03/04/2026` is not a date: write YYYY-MM-DD, or YYYY-MM when only the month is "
            "known; did you mean `2026-04-03` (day first) or `2026-03-04` (month first)?",
        ),
    ),
    # the editorial checks (the spec's "Editorial checks")
    Mistake(
        "a title pasted with a right-to-left override (U+202E) in it",
        "validate",
        ((801, "the Bilateral", "the \u202eBilateral"),),
        (
            _MEETING.format("801:27", "title.en: the text has the direction control U+202E ")
            + "(right-to-left override), which reorders the text around it: the page would "
            "not read as this line does; remove it",
        ),
    ),
    Mistake(
        "a zero width space pasted into a title",
        "validate",
        ((802, "Bilateralen Gruppe", "Bilateralen\u200b Gruppe"),),
        (
            "data/events.yaml:802:35: warning: events.security-implementation-group-meeting."
            "title.de: the text has an invisible U+200B (zero width space), which pasted text "
            "often brings along; remove it unless it is meant to be there",
        ),
    ),
    Mistake(
        "a zero width joiner left at the end of a title",
        "validate",
        ((802, 'Sicherheit"', 'Sicherheit\u200d"'),),
        (
            "data/events.yaml:802:71: warning: events.security-implementation-group-meeting."
            "title.de: the text has an invisible U+200D (zero width joiner) that joins no "
            "letters or emoji here; remove it",
        ),
    ),
    Mistake(
        "a time the clocks skip: 02:30 on the night summer time starts in New York",
        "validate",
        ((*_DAY, 'date: 2026-03-08\n    time: "02:30"\n    timezone: America/New_York'),),
        (
            _MEETING.format("798:11", "time: `02:30` does not exist on 2026-03-08 in ")
            + "America/New_York: the clocks jump from 02:00 to 03:00; check the time",
        ),
    ),
    Mistake(
        "a time the clocks show twice: 01:30 on the night summer time ends in New York",
        "validate",
        ((*_DAY, 'date: 2026-11-01\n    time: "01:30"\n    timezone: America/New_York'),),
        (
            _MEETING.format("798:11", "time: `01:30` happens twice on 2026-11-01 in ")
            + "America/New_York: the clocks go back from 02:00 to 01:00; say which with "
            '`utc_offset`: `"-04:00"` (the first time) or `"-05:00"` (the second)',
        ),
    ),
    Mistake(
        "a utc_offset that is neither of a repeated time's",
        "validate",
        (
            (
                *_DAY,
                'date: 2026-11-01\n    time: "01:30"\n    timezone: America/New_York\n'
                '    utc_offset: "-06:00"',
            ),
        ),
        (
            _MEETING.format("800:17", "utc_offset: `-06:00` is neither offset of `01:30` on ")
            + '2026-11-01 in America/New_York, which happens twice: write `"-04:00"` (the '
            'first time) or `"-05:00"` (the second)',
        ),
    ),
    Mistake(
        "a utc_offset that is not the offset of a time that happens once",
        "validate",
        (
            (
                *_DAY,
                'date: 2026-01-23\n    time: "10:00"\n    timezone: America/Mexico_City\n'
                '    utc_offset: "-05:00"',
            ),
        ),
        (
            _MEETING.format("800:17", "utc_offset: `-05:00` is not the offset of `10:00` on ")
            + '2026-01-23 in America/Mexico_City, which is `"-06:00"`; write that, or remove '
            "`utc_offset`",
        ),
    ),
    Mistake(
        "a utc_offset without a time",
        "validate",
        ((*_DAY, 'date: 2026-01-23\n    utc_offset: "-06:00"'),),
        (
            _MEETING.format("798:17", "utc_offset: `utc_offset` needs `time` and `timezone` ")
            + "too: it says which moment a local time means",
        ),
    ),
    Mistake(
        "a utc_offset written without its leading zero",
        "validate",
        (
            (
                *_DAY,
                'date: 2026-01-23\n    time: "10:00"\n    timezone: America/Mexico_City\n'
                '    utc_offset: "-6:00"',
            ),
        ),
        (
            _MEETING.format("800:17", "utc_offset: `-6:00` is not an offset from UTC: write ")
            + "+HH:MM or -HH:MM, like `+02:00`",
        ),
    ),
    Mistake(
        "a quote given to someone who was not at the event",
        "validate",
        ((854, "by: mexican-embassy-us", "by: sheinbaum"),),
        (
            "data/events.yaml:854:13: warning: events.embassy-post.quotes[0].by: `sheinbaum` is "
            "not among the participants of this event (`mexican-embassy-us`), yet the event's "
            "page shows the quote as said there; add `sheinbaum` to `participants` if they "
            "took part, or check `by`",
        ),
    ),
    Mistake(
        "a meeting still `scheduled` the day after its date",
        "validate",
        (),
        (
            "data/events.yaml:798:13: warning: events.security-implementation-group-meeting."
            "status: the event is still `scheduled`, but its date (2026-01-23) has passed "
            "(today is 2026-01-24); set `status` to `held`, `cancelled` or `unconfirmed`, or "
            "move the date",
        ),
        today=datetime.date(2026, 1, 24),
    ),
)


def _guide_text_blocks() -> list[str]:
    return re.findall(r"```text\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)


def _quoted_lines() -> list[str]:
    """Every line of the guide's output blocks that quotes a located line of the data file."""
    return [
        line
        for block in _guide_text_blocks()
        for line in block.splitlines()
        if re.match(r"\s*data/events\.yaml:\d+:", line)
    ]


def test_the_table_holds_exactly_the_lines_the_guide_quotes() -> None:
    expected = sorted(line for mistake in MISTAKES for line in mistake.lines)
    assert sorted(_quoted_lines()) == expected


def _apply(text: str, edits: tuple[tuple[int, str, str | None], ...]) -> str:
    lines = text.splitlines(keepends=True)
    for number, old, new in sorted(edits, reverse=True):
        assert old in lines[number - 1], f"line {number} of {SNAPSHOT} is not {old!r}"
        if new is None:
            del lines[number - 1]
        else:
            lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return "".join(lines)


def _new_event_args() -> list[str]:
    """The guide's `make new-event …` command, as the Makefile passes it on."""
    command = re.search(r"^make new-event (.*)$", GUIDE.read_text(encoding="utf-8"), re.M)
    assert command, "the guide no longer shows `make new-event`"
    values = dict(word.split("=", 1) for word in shlex.split(command.group(1)))
    args = ["new-event", values["ID"], "--type", values["TYPE"], "--date", values["DATE"]]
    for participant in values["PARTICIPANTS"].split():
        args += ["--participant", participant]
    return args


def _run(mistake: Mistake, root: Path) -> int:
    """Make the mistake in `root`'s copy of the data file, then run the command."""
    if mistake.command == "new-event":
        return main(_new_event_args())
    args = [mistake.command]
    if mistake.command == "drift":
        # the guide compares with origin/main: a local branch of that name stands in for it
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
        subprocess.run([*GIT, "add", "-A"], cwd=root, check=True)
        subprocess.run([*GIT, "commit", "-qm", "base"], cwd=root, check=True)
        subprocess.run(["git", "branch", "origin/main"], cwd=root, check=True)
        args += ["--base", "origin/main"]
    data = root / "data" / "events.yaml"
    data.write_text(_apply(data.read_text(encoding="utf-8"), mistake.edits), encoding="utf-8")
    return main(args)


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.what)
def test_the_guide_quotes_what_the_tools_print(
    mistake: Mistake, tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    copy_configuration(tmp_path)
    (tmp_path / "data").mkdir()
    shutil.copy(SNAPSHOT, tmp_path / "data" / "events.yaml")
    monkeypatch.chdir(tmp_path)
    day = datetime.datetime.combine(mistake.today, datetime.time(), datetime.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(day.timestamp())))
    status = _run(mistake, tmp_path)
    out, err = capsys.readouterr()
    printed = (out + err).splitlines()
    assert status == mistake.status, out + err
    for line in mistake.lines:
        assert line in printed, f"{mistake.what}: the guide quotes\n{line}\nbut the tool says\n" + (
            "\n".join(printed)
        )
    if mistake.command == "drift":
        summary = "1 text changed in only some languages (compared with origin/main)."
        assert summary in printed
        assert any(summary in block.splitlines() for block in _guide_text_blocks())
