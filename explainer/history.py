"""When each event was first published and last updated, from the data file's git history.

An event's *first publication* is the committer date of the commit that added it; its
*last update* is that of the last commit that changed any of its lines. Both come from one
pass over the history: one `git log` lists the commits that changed the data file on
HEAD's first-parent line, oldest first, and one `git cat-file --batch` streams the file as
each of them left it. Each version is cut into one block of lines per event (from its
id's line to the next id's, without trailing blank lines and comments) and each block is
compared with the same event's block in the version before. Comparing an event's lines
with its own lines, found by its id, means that moving an event (re-sorting the file) or
changing its neighbours is no change to it, and that no change is taken for a copy of
similar lines elsewhere (`git blame -M` does both, and took two minutes on a re-sorted
file of 1,000 events; bench/PROFILE.md). Only the stretch of a version that differs from
the one before is read again (`_follow`), so a commit costs about what it changed.

The changes of one day (UTC) are one update, as the pages date it: what an event's last
update changed is found by comparing its lines as that day's last commit left them with
its lines before that day's first change, field by field (`FieldChange`: the title
revised in German, the status changed). Only the fields whose lines differ are read.

Nothing comes from the clock or from file times: the same commit gives the same dates.
Without history (not a git repository, no git, a shallow clone, a data file never
committed) there are no dates, and `History.unavailable` says why. Changes not yet
committed are not dated: an event keeps the dates of its last committed version.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explainer.loader import load_text
from explainer.performance import Forked, collector_paused, may_fork
from explainer.vocabulary import DEFAULT_STATUS

#: the top-level key of the events: the rest of its line
_EVENTS_LINE = re.compile(rb"[ \t]*:[ \t]*(?:#[^\n]*)?\r?(?=\n|$)")
#: the first line of the events section that is neither blank nor a comment: its indentation
_FIRST_ENTRY = re.compile(rb"\n( *)[^ \t\r\n#]")


@dataclass(frozen=True)
class FieldChange:
    """What an update did to one field of an event: `added` it, `removed` it, `changed` it
    (a value that is not a text in each language, such as a date or the participants, or
    one whose language-neutral parts changed), or `revised` its texts in `languages`; for
    a quotation, `repunctuated` where its words stayed the same and only its closing full
    stop or its initial capital changed (`same_words`)."""

    field: str
    how: str
    #: the languages whose texts were revised (only for `revised`), in the site's order
    languages: tuple[str, ...] = ()
    #: for a list (the sources, the quotations): how many of its items were `how`, so
    #: that the pages can say "a source was added" rather than "the list of sources was
    #: changed"; 0 for a field that is one value
    items: int = 0
    #: for a field told from what to what (FROM_TO: the status, the date), its value before
    #: and after, as the data writes it ("scheduled", "2026-01-23"); "" for any other
    was: str = ""
    now: str = ""


#: the fields whose change readers are told from what to what ("the status was changed
#: from scheduled to canceled"; R13 read "the status was changed" as saying nothing), each
#: with the value its absence means
FROM_TO: dict[str, str | None] = {"status": DEFAULT_STATUS, "date": None}


@dataclass(frozen=True)
class EventHistory:
    """An event's dates, as committer dates in UTC."""

    published: datetime.datetime
    #: the last change, when a commit after the one that added the event changed it
    updated: datetime.datetime | None = None
    #: what the changes of the last update's day did, in the order of the event's fields
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class History:
    """The dates of the events committed so far, or why there are none."""

    events: Mapping[str, EventHistory] = field(default_factory=dict)
    #: why no dates could be read (None: they were)
    unavailable: str | None = None
    #: commits that changed the data file
    commits: int = 0

    def of(self, event_id: str) -> EventHistory | None:
        return self.events.get(event_id)

    def since(self, day: datetime.date | None) -> History:
        """The history as the public has it when it starts on `day` (UTC;
        `extra.explainer.history_since`): an update made before that day, such as the
        edits of a site before its launch, is no update (the event keeps its date of first
        publication); None: every update counts."""
        if day is None:
            return self
        events = {
            event_id: (
                EventHistory(dates.published)
                if dates.updated is not None and dates.updated.date() < day
                else dates
            )
            for event_id, dates in self.events.items()
        }
        return History(events, self.unavailable, self.commits)


def iso(moment: datetime.datetime | datetime.date) -> str:
    """`2026-01-20T14:03:00Z` for a date of the history, `2026-01-21` for a day."""
    return moment.isoformat().replace("+00:00", "Z")


class _NoHistory(Exception):
    """The data file's history cannot be read; the message says why."""


# --- a version of the data file, cut into one block of lines per event -------------------

#: the rest of the top-level `events:` line
_EVENTS_LINE = re.compile(rb"[ \t]*:[ \t]*(?:#[^\n]*)?\r?(?=\n|$)")
#: the first line of the events section that is neither blank nor a comment
_FIRST_ENTRY = re.compile(rb"\n( *)[^ \t\r\n#]")
_KEYS: dict[int, re.Pattern[bytes]] = {}


def _key_pattern(indent: int) -> re.Pattern[bytes]:
    """An event's id line at the indentation of the section's keys (its id: group 2), or
    the top-level line that ends the section. Searched for from the newline before it:
    a pattern that starts with `^` in multi-line mode is tried at every position of the
    file, one that starts with a character only where that character stands."""
    pattern = _KEYS.get(indent)
    if pattern is None:
        pattern = _KEYS[indent] = re.compile(
            rb"\n(?: {%d}([\"']?)([a-z0-9]+(?:-[a-z0-9]+)*)\1[ \t]*:(?=[ \t\r\n]|$)"
            rb"|[^ \t\r\n#])" % indent
        )
    return pattern


def _events_start(text: bytes) -> int | None:
    """Where the line after the top-level `events:` line starts."""
    at = 0 if text.startswith(b"events") else text.find(b"\nevents") + 1
    while at > 0 or (at == 0 and text.startswith(b"events")):
        line = _EVENTS_LINE.match(text, at + len(b"events"))
        if line is not None:
            return line.end()
        at = text.find(b"\nevents", at + 1) + 1
        if at == 0:
            return None
    return None


@dataclass
class _Version:
    """Where the events of one version of the data file stand."""

    text: bytes
    indent: int
    #: where the line after `events:` starts
    start: int
    #: the end of the events section (the next top-level line, or the end of the file)
    end: int
    #: (where its id line starts, id) of each event, in file order
    keys: list[tuple[int, str]]

    def block(self, index: int) -> bytes:
        """The event's lines, without trailing blank lines and comments (a comment before
        an event belongs to that event; blank lines change nothing)."""
        begin = self.keys[index][0]
        stop = self.keys[index + 1][0] if index + 1 < len(self.keys) else self.end
        block = self.text[begin:stop].rstrip()
        while True:  # comment lines before the next event, rarely
            last = block.rfind(b"\n")
            if not block[last + 1 :].lstrip().startswith(b"#"):
                return block
            block = block[:last].rstrip()


def _scan(text: bytes, indent: int, start: int, stop: int) -> tuple[list[tuple[int, str]], int]:
    """The event ids between `start` (a newline) and `stop`, and where the section ends
    (`stop` if it does not end before)."""
    keys = []
    for match in _key_pattern(indent).finditer(text, start, stop):
        if match.group(2) is None:  # a top-level line
            return keys, match.start()
        keys.append((match.start() + 1, match.group(2).decode("ascii")))
    return keys, stop


def _split(text: bytes) -> _Version:
    """A version read from its first byte to its last (without YAML: a past version may
    not even parse): the lines after the top-level `events:` up to the next top-level
    line, cut at the lines that start an id at the indentation of the section's first
    line."""
    start = _events_start(text)
    first = _FIRST_ENTRY.search(text, start - 1) if start else None
    if start is None or first is None or not first.group(1):
        return _Version(text, 0, 0, 0, [])
    indent = len(first.group(1))
    keys, end = _scan(text, indent, start - 1, len(text))
    return _Version(text, indent, start, end, keys)


#: how many of the next events a change may have removed, at most
_LOOKAHEAD = 16


def _follow(old: _Version, text: bytes) -> tuple[_Version, set[int]] | None:
    """The next version of the file, read where it differs from `old` only, and the
    indexes of its events whose lines were read again (every other event's lines are
    the same as in `old`). None if the whole version must be read: a change before the
    first event, or one too large to follow (a re-sorted file).

    The events of `old` are compared, in file order, with the same bytes where they
    should stand in `text`. Where one differs, the next event of `old` found unchanged
    further on (`bytes.find`, fast) is where the two versions agree again; the lines in
    between are read with the key pattern. The event before a changed stretch is read
    again too, since lines added after its end belong to it."""
    if not old.keys:
        return None
    start = _events_start(text)
    first = old.keys[0][0]
    lead = old.text[old.start - 1 : first]  # the `events:` line's end to the first id
    if start is None or text[start - 1 : start - 1 + len(lead)] != lead:
        return None
    shift = start - old.start
    keys: list[tuple[int, str]] = []
    read: set[int] = set()
    budget = 4 * len(text)  # bytes searched for a place to agree again
    count, index = len(old.keys), 0
    while index < count:
        position, event_id = old.keys[index]
        stop = old.keys[index + 1][0] if index + 1 < count else old.end
        if text[position + shift : stop + shift] == old.text[position:stop]:
            keys.append((position + shift, event_id))
            index += 1
            continue
        here = position + shift - 1  # the newline the changed stretch starts after
        if keys:
            read.add(len(keys) - 1)
        for later in range(index + 1, min(index + 1 + _LOOKAHEAD, count)):
            begin = old.keys[later][0]
            end = old.keys[later + 1][0] if later + 1 < count else old.end
            found = text.find(old.text[begin - 1 : end], here, here + budget)
            budget -= (found if found >= 0 else min(here + budget, len(text))) - here
            if found >= 0:
                changed, section_end = _scan(text, old.indent, here, found + 1)
                if section_end != found + 1:
                    return None  # a top-level line among the changed ones
                read.update(range(len(keys), len(keys) + len(changed)))
                keys += changed
                shift, index = found + 1 - begin, later
                break
            if budget <= 0:
                return None
        else:  # nothing further on is unchanged: read the rest
            changed, section_end = _scan(text, old.indent, here, len(text))
            read.update(range(len(keys), len(keys) + len(changed)))
            return _Version(text, old.indent, start, section_end, keys + changed), read
    # the section's end where it was, or more lines after its last event
    tail = old.end + shift
    if old.end == len(old.text):
        ends = tail == len(text)
    else:
        after = _key_pattern(old.indent).match(text, tail)
        ends = after is not None and after.group(2) is None
    if ends:
        return _Version(text, old.indent, start, tail, keys), read
    if keys:
        read.add(len(keys) - 1)
    if text[tail - 1 : tail] == b"\n":  # the file's last line ended the section
        tail -= 1
    added, section_end = _scan(text, old.indent, tail, len(text))
    read.update(range(len(keys), len(keys) + len(added)))
    return _Version(text, old.indent, start, section_end, keys + added), read


def same_event(old: bytes, new: bytes) -> bool:
    """Whether two versions of an event's lines say the same, read as the build reads
    them: only comments, quoting, line breaks in a long text or other ways of writing the
    same values differ. Readers would see no change, so it is no update. Asked only of
    lines that differ (a few events a commit), so reading them costs next to nothing."""
    if old == new:
        return True
    before = load_text(old.decode("utf-8", "replace"), "before")
    after = load_text(new.decode("utf-8", "replace"), "after")
    if before.errors or after.errors:  # broken, or an alias to an anchor elsewhere
        return False
    return bool(before.data == after.data)


#: a line of an event's block that starts a field (its indentation: group 1, name: group 3)
_FIELD = re.compile(rb"\n( +)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\2[ \t]*:(?=[ \t\r\n]|$)")


def _fields(block: bytes) -> dict[str, bytes] | None:
    """An event's lines cut into one piece per field, by name; None if they are not
    written one field to a line (a flow mapping `{type: call, ...}`)."""
    id_line = block.split(b"\n", 1)[0]
    if id_line.partition(b":")[2].split(b"#", 1)[0].strip():  # `id: {...}`
        return None
    first = _FIELD.search(block)
    if first is None:
        return None
    indent = first.group(1)
    fields: dict[str, bytes] = {}
    starts = [m for m in _FIELD.finditer(block) if m.group(1) == indent]
    for match, following in zip(starts, [*starts[1:], None], strict=True):
        end = following.start() if following is not None else len(block)
        fields[match.group(3).decode("ascii")] = block[match.start() + 1 : end].rstrip()
    return fields


def _read(lines: bytes) -> dict[str, object] | None:
    """Lines of YAML as data, as the build reads them (None if they do not read as a
    mapping: a version with a mistake in it)."""
    loaded = load_text(lines.decode("utf-8", "replace"), "version")
    return loaded.data if not loaded.problems and isinstance(loaded.data, dict) else None


def _in_language(value: object, language: str | None, languages: frozenset[str]) -> object:
    """The value with each text in the languages (a mapping of exactly some of them to
    texts) replaced by its text in `language`, or by nothing for None."""
    if isinstance(value, dict):
        if value and set(value) <= languages and all(isinstance(v, str) for v in value.values()):
            return value.get(language) if language else None
        return {k: _in_language(v, language, languages) for k, v in value.items()}
    if isinstance(value, list):
        return [_in_language(v, language, languages) for v in value]
    return value


def field_changes(old: bytes, new: bytes, languages: tuple[str, ...]) -> tuple[FieldChange, ...]:
    """What changed between two versions of an event's lines, field by field: only the
    fields whose lines differ are read, and a field written otherwise is no change."""
    old_fields, new_fields = _fields(old), _fields(new)
    if old_fields is None or new_fields is None:  # not one field a line: read them whole
        old_data, new_data = _read(old), _read(new)
        if old_data is None or new_data is None or len(old_data) != 1 or len(new_data) != 1:
            return ()
        ((_, old_value),) = old_data.items()
        ((_, new_value),) = new_data.items()
        if not isinstance(old_value, dict) or not isinstance(new_value, dict):
            return ()
        old_values, new_values = old_value, new_value
    else:
        names = [*new_fields, *(name for name in old_fields if name not in new_fields)]
        differ = [name for name in names if old_fields.get(name) != new_fields.get(name)]
        old_values = _read(b"\n".join(old_fields[n] for n in differ if n in old_fields)) or {}
        new_values = _read(b"\n".join(new_fields[n] for n in differ if n in new_fields)) or {}
    known = frozenset(languages)
    changes = []
    for name in [*new_values, *(n for n in old_values if n not in new_values)]:
        before, after = old_values.get(name), new_values.get(name)
        if before == after:
            continue  # written otherwise
        if name in FROM_TO:
            was, now = _told_value(name, before), _told_value(name, after)
            if was and now and was != now:
                changes.append(FieldChange(name, "changed", was=was, now=now))
                continue
        if isinstance(before, list) or isinstance(after, list):
            found = _item_changes(name, before, after, languages)
            changes.extend(found or [FieldChange(name, "changed")])  # only the order changed
            continue
        if before is None or after is None:
            changes.append(FieldChange(name, "added" if before is None else "removed"))
        elif _in_language(before, None, known) != _in_language(after, None, known):
            changes.append(FieldChange(name, "changed"))
        else:
            revised = tuple(
                language
                for language in languages
                if _in_language(before, language, known) != _in_language(after, language, known)
            )
            changes.append(FieldChange(name, "revised", revised))
    return tuple(changes)


def _told_value(name: str, value: object) -> str:
    """A value of a FROM_TO field as the data writes it (a date YAML read as one, in ISO
    form), the value its absence means where it has one; "" for no single value."""
    if value is None:
        value = FROM_TO[name]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value if isinstance(value, str) else ""


def _item_changes(
    name: str, before: object, after: object, languages: tuple[str, ...]
) -> list[FieldChange]:
    """What happened to a list's items: those in both versions are kept; of the others,
    items with parts (a quotation, a source) are taken in order as an old one revised
    into a new one, and the rest as added or removed; plain items (ids) are added or
    removed. Counted by how, and for a revision by the languages it touched. A source
    citation is `revised` where its title alone changed (its wording, in the languages
    whose title differs, or in all of them for a title the same in every language) and
    `changed` where anything else of it did (its address, publisher or date)."""
    old = list(before) if isinstance(before, list) else []
    new = list(after) if isinstance(after, list) else []
    kept = list(old)
    added = []
    for item in new:
        if item in kept:
            kept.remove(item)
        else:
            added.append(item)
    removed = kept
    paired = 0
    if all(isinstance(item, dict) for item in (*removed, *added)):
        paired = min(len(removed), len(added))
    known = frozenset(languages)
    counts: dict[tuple[str, tuple[str, ...]], int] = {}

    def count(how: str, touched: tuple[str, ...] = ()) -> None:
        counts[(how, touched)] = counts.get((how, touched), 0) + 1

    told: list[FieldChange] = []
    for was, now in zip(removed[:paired], added[:paired], strict=True):
        if name == "figures" and (value := _figure_from_to(was, now)):
            told.append(FieldChange(name, "changed", (), 1, *value))
        elif name == "sources":
            count(*_source_change(was, now, languages))
        elif name == "quotes" and same_words(was, now, known):
            count("repunctuated")
        elif _in_language(was, None, known) != _in_language(now, None, known):
            count("changed")
        else:
            count(
                "revised",
                tuple(
                    language
                    for language in languages
                    if _in_language(was, language, known) != _in_language(now, language, known)
                ),
            )
    for _ in added[paired:]:
        count("added")
    for _ in removed[paired:]:
        count("removed")
    return told + [FieldChange(name, how, touched, n) for (how, touched), n in counts.items()]


def _source_change(
    was: dict[str, Any], now: dict[str, Any], languages: tuple[str, ...]
) -> tuple[str, tuple[str, ...]]:
    """A source citation revised into another: `revised` in the languages whose title
    differs where the title alone changed (a title that is one text for every language
    differs in all of them), else `changed`."""

    def rest(source: dict[str, Any]) -> object:
        return {k: v for k, v in source.items() if k != "title"}

    if rest(was) != rest(now):
        return "changed", ()
    known = frozenset(languages)
    titles = was.get("title"), now.get("title")
    return "revised", tuple(
        language
        for language in languages
        if _in_language(titles[0], language, known) != _in_language(titles[1], language, known)
    )


#: an initial capital an editor added in brackets ("[C]ooperation works")
_BRACKETED_CAPITAL = re.compile(r"^\[(\w)\]")


def _words(text: object) -> object:
    """A quotation's text without what a block quote may add to its words: a closing
    full stop and an initial capital, bracketed or not ("[C]ooperation works." reads as
    "cooperation works")."""
    if isinstance(text, dict):
        return {k: _words(v) for k, v in text.items()}
    if not isinstance(text, str):
        return text
    text = _BRACKETED_CAPITAL.sub(r"\1", text.strip())
    text = text[:1].lower() + text[1:]
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def same_words(was: Any, now: Any, languages: frozenset[str]) -> bool:
    """A quotation revised into another in the same words, in every language: only its
    closing full stop or its initial capital changed, as a block quote ends as a sentence
    (R28/R29 read "the text of a quotation was revised" there as the fix of a misquote).
    Its wording, as a citation's title is, not a fact."""
    if not isinstance(was, dict) or not isinstance(now, dict):
        return False

    def rest(quote: dict[str, Any]) -> object:
        return {k: v for k, v in quote.items() if k != "text"}

    if rest(was) != rest(now):
        return False
    return _words(was.get("text")) == _words(now.get("text"))


#: a figure's parts that make its value as the pages show it ("nearly 320 metric tons")
FIGURE_VALUE = ("value", "unit", "approximate", "qualifier")


def _figure_from_to(was: Any, now: Any) -> tuple[str, str] | None:
    """A figure whose value alone changed (its label, its source the same), as the two
    values in the data's words, JSON ('{"value": 320, "unit": "tonnes", "qualifier":
    "nearly"}'), to be told from what to what (R14: "a figure was changed" said nothing);
    None for any other change."""

    def rest(figure: dict[str, Any]) -> object:  # its label in every language included
        return {k: v for k, v in figure.items() if k not in FIGURE_VALUE}

    def value(figure: dict[str, Any]) -> str:
        return json.dumps({k: figure[k] for k in FIGURE_VALUE if k in figure}, sort_keys=True)

    if rest(was) != rest(now) or value(was) == value(now):
        return None
    if not all(isinstance(f.get("value"), int | float) for f in (was, now)):
        return None
    return value(was), value(now)


def event_blocks(text: bytes) -> dict[str, bytes]:
    """Each event's lines in a version of the data file, by id."""
    version = _split(text)
    return {event_id: version.block(i) for i, (_, event_id) in enumerate(version.keys)}


# --- the history -----------------------------------------------------------------------


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, env=_environment()
    )
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["git failed"]
        raise _NoHistory(lines[-1].removeprefix("fatal: "))
    return result.stdout


def _environment() -> dict[str, str]:
    """git's environment: no pager, no prompt, and dates it reads itself."""
    return {**os.environ, "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}


@dataclass(frozen=True)
class _Commit:
    name: str
    time: int  # the committer date, in seconds


def _commits(root: Path, path: str) -> list[_Commit]:
    """The commits that changed `path` on HEAD's first-parent line, oldest first.

    First parents only: on a branch that takes pull requests as merge commits, a change
    is published when its merge commit lands, and a pull request's own commits (an event
    added, then fixed before the merge) are one change, dated by the merge."""
    log = _git(root, "log", "--first-parent", "--reverse", "--format=%H %ct", "HEAD", "--", path)
    commits = []
    for line in log.splitlines():
        name, _, time = line.partition(" ")
        if name:
            commits.append(_Commit(name, int(time)))
    return commits


def _versions(root: Path, path: str, commits: list[_Commit]) -> Iterator[bytes]:
    """The data file as each commit left it (empty where a commit deleted it), streamed by
    one `git cat-file --batch`."""
    process = subprocess.Popen(
        ["git", "cat-file", "--batch"],
        cwd=root,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_environment(),
    )
    assert process.stdin is not None and process.stdout is not None
    names = b"".join(f"{commit.name}:{path}\n".encode() for commit in commits)

    def feed() -> None:  # a thread: the answers fill the pipe while the names are written
        try:
            process.stdin.write(names)  # type: ignore[union-attr]
            process.stdin.close()  # type: ignore[union-attr]
        except OSError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        for _ in commits:
            header = process.stdout.readline().split()
            if len(header) == 3 and header[1] == b"blob":
                content = process.stdout.read(int(header[2]))
                process.stdout.read(1)  # the newline after each object
                yield content
            elif len(header) == 2 and header[1] == b"missing":
                yield b""
            else:
                raise _NoHistory(f"git cat-file answered {b' '.join(header)!r}")
    finally:
        writer.join()
        process.stdout.close()
        process.wait()


def _utc(timestamp: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC)


def _day(commit: _Commit) -> datetime.date:
    return _utc(commit.time).date()


def _dates(
    root: Path, path: str, languages: tuple[str, ...]
) -> tuple[dict[str, EventHistory], int]:
    commits = _commits(root, path)
    if not commits:
        raise _NoHistory("the data file has not been committed")
    #: event id -> (its block, the index of the commit that added it, of the commit that
    #: last changed it, its block before the first change of that commit's day), as the
    #: previous commit left the file
    state: dict[str, tuple[bytes, int, int, bytes]] = {}
    version: _Version | None = None
    for index, text in enumerate(_versions(root, path, commits)):
        followed = _follow(version, text) if version is not None else None
        if followed is None:
            version = _split(text)
            read: set[int] | range = range(len(version.keys))
        else:
            version, read = followed
        before, state = state, {}
        for position, (_, event_id) in enumerate(version.keys):
            found = before.get(event_id)
            if position not in read and found is not None:
                state[event_id] = found  # the same lines as before
                continue
            block = version.block(position)
            if found is None:
                state[event_id] = (block, index, index, block)  # added here
            elif found[0] == block:
                state[event_id] = found  # unchanged, perhaps moved
            elif same_event(found[0], block):
                state[event_id] = (block, *found[1:])  # written otherwise
            else:  # changed here; a change on the day of the last one adds to that update
                last, added, changed, day_before = found
                same_day = changed != added and _day(commits[changed]) == _day(commits[index])
                state[event_id] = (block, added, index, day_before if same_day else last)
    dates = {}
    for event_id, (block, added, changed, day_before) in state.items():
        published = _utc(commits[added].time)
        if changed == added:
            dates[event_id] = EventHistory(published)
            continue
        changes = field_changes(day_before, block, languages)
        dates[event_id] = EventHistory(published, _utc(commits[changed].time), changes)
    return dates, len(commits)


def read_history(data_path: Path, languages: Sequence[str] = ()) -> History:
    """The dates of every event in the data file's committed history (one pass), and what
    each one's last update changed (the site's `languages` tell its texts apart)."""
    # the pass makes no reference cycles; the collector's passes over a build's heap would
    # cost more than the pass itself (bench/PROFILE.md)
    with collector_paused():
        return _read_history(data_path, tuple(languages))


class PendingHistory:
    """The history pass, started before it is needed; `result()` returns its History.

    Reading the history does not depend on the data being valid, so a build starts the
    pass first and checks the data in the meantime. Where the process can fork safely
    (Linux, no other thread, two or more usable cores), the pass runs in a child process
    (`performance.Forked`), which sends its History back through a pipe; elsewhere,
    `result()` runs the pass itself, in this process, when it is called. The History is
    the same either way (a test compares the two); if the child fails or dies, the pass
    runs in this process instead."""

    def __init__(
        self, data_path: Path, languages: Sequence[str] = (), *, fork: bool | None = None
    ) -> None:
        self._path = data_path
        self._languages = tuple(languages)
        self._child: Forked[History] | None = None
        if fork if fork is not None else may_fork():
            self._child = Forked(lambda: read_history(self._path, self._languages))

    def result(self) -> History:
        child, self._child = self._child, None
        if child is not None:
            outcome = child.outcome()
            if outcome.ok and isinstance(outcome.result, History):
                return outcome.result
        return read_history(self._path, self._languages)  # the child failed: the pass, here

    def cancel(self) -> None:
        """Not needed after all (the data has errors): stop the child, if any."""
        child, self._child = self._child, None
        if child is not None:
            child.cancel()


def _read_history(data_path: Path, languages: tuple[str, ...]) -> History:
    folder = data_path.resolve().parent
    try:
        try:
            answer = _git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository")
        except FileNotFoundError:
            if shutil.which("git") is None:
                raise _NoHistory("git is not installed") from None
            raise
        except _NoHistory as error:
            if "not a git repository" in str(error):
                raise _NoHistory("not in a git repository") from None
            raise  # another reason git gives, such as a repository it does not trust
        root_text, _, shallow = answer.rstrip("\n").rpartition("\n")
        if shallow == "true":
            raise _NoHistory("a shallow clone: fetch the whole history (fetch-depth: 0)")
        root = Path(root_text)
        path = data_path.resolve().relative_to(root.resolve()).as_posix()
        dates, commits = _dates(root, path, languages)
    except (_NoHistory, OSError, ValueError) as error:
        return History(unavailable=str(error))
    return History(dates, commits=commits)
