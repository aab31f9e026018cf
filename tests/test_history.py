"""The events' first publication and last update, read from the data file's git history:
commits at fixed dates in a temporary repository, and versions of the file compared
directly."""

from __future__ import annotations

import os
import random
import signal
import subprocess
from pathlib import Path

import pytest

from explainer import history
from explainer.history import event_blocks, field_changes, read_history
from explainer.views.changes import told
from tests.conftest import git_at
from tests.stories import load

EVENTS = {
    "first-call": "    type: call\n    title: {en: First, de: Erstes}\n",
    "second-call": "    type: call\n    title: {en: Second, de: Zweites}\n",
    "meeting": "    type: meeting\n    title: {en: Meeting, de: Treffen}\n",
}


def data_file(events: dict[str, str], *, actors: str = "  ada: {name: Ada}\n") -> str:
    body = "".join(f"  {event_id}:\n{lines}\n" for event_id, lines in events.items())
    return f"# a comment\nactors:\n{actors}glossary: {{}}\nevents:\n{body}"


class Repository:
    """A git repository whose commits carry the dates a test gives them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data" / "events.yaml"
        self.data.parent.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, date: str = "2026-01-01T12:00:00Z") -> str:
        return git_at(self.root, *args, date=date)

    def commit(self, text: str, date: str, message: str = "change") -> None:
        self.data.write_text(text, encoding="utf-8")
        self.git("add", "data/events.yaml", date=date)
        self.git("commit", "-q", "-m", message, date=date)


def dates(repository: Repository) -> dict[str, tuple[str, str | None]]:
    found = read_history(repository.data)
    assert found.unavailable is None, found.unavailable
    return {
        event_id: (
            entry.published.isoformat(),
            entry.updated.isoformat() if entry.updated else None,
        )
        for event_id, entry in found.events.items()
    }


def test_publish_change_correct_and_re_sort(tmp_path: Path) -> None:
    repository = Repository(tmp_path)
    repository.commit(data_file(EVENTS), "2026-01-12T09:00:00Z", "publish")
    changed = {**EVENTS, "second-call": EVENTS["second-call"] + "    status: cancelled\n"}
    repository.commit(data_file(changed), "2026-01-15T10:30:00Z", "change one event")
    corrected = {
        **changed,
        "meeting": EVENTS["meeting"]
        + "    corrections:\n      - date: 2026-01-21\n        text: {en: Fixed., de: Korr.}\n",
    }
    repository.commit(data_file(corrected), "2026-01-21T08:00:00Z", "correct another")
    re_sorted = dict(reversed(corrected.items()))
    repository.commit(data_file(re_sorted), "2026-01-25T17:45:00Z", "re-sort the file")
    assert dates(repository) == {
        "first-call": ("2026-01-12T09:00:00+00:00", None),
        "second-call": ("2026-01-12T09:00:00+00:00", "2026-01-15T10:30:00+00:00"),
        "meeting": ("2026-01-12T09:00:00+00:00", "2026-01-21T08:00:00+00:00"),
    }
    assert read_history(repository.data).commits == 4


def test_a_new_event_is_published_when_it_is_committed(tmp_path: Path) -> None:
    repository = Repository(tmp_path)
    repository.commit(data_file(EVENTS), "2026-01-12T09:00:00+01:00")
    grown = {"early": "    type: call\n", **EVENTS}
    repository.commit(data_file(grown), "2026-01-13T23:30:00-05:00")
    found = dates(repository)
    assert found["early"] == ("2026-01-14T04:30:00+00:00", None)  # committer date, in UTC
    assert found["first-call"] == ("2026-01-12T08:00:00+00:00", None)


def test_what_is_no_change_to_an_event(tmp_path: Path) -> None:
    """Changes elsewhere in the file, blank lines, a comment before the next event or in
    the event, the same values written otherwise (quoted, as a folded block): readers see
    no change, so none of them is an update."""
    repository = Repository(tmp_path)
    repository.commit(data_file(EVENTS), "2026-01-12T09:00:00Z")
    text = data_file(EVENTS, actors="  ada: {name: Ada}\n  bob: {name: Bob}\n")
    text = text.replace("  second-call:", "\n\n  # the next one\n  second-call:")
    text = text.replace(
        "{en: First, de: Erstes}", "\n      en: 'First'\n      de: >-\n        Erstes"
    )
    text = text.replace("    type: meeting\n", '    # planned\n    type: "meeting"\n')
    repository.commit(text.replace("# a comment", "# another comment"), "2026-01-13T09:00:00Z")
    assert {update for _, update in dates(repository).values()} == {None}
    # a value that changes is an update, even if only its case does
    repository.commit(text.replace("Erstes", "erstes"), "2026-01-14T09:00:00Z")
    assert dates(repository)["first-call"][1] == "2026-01-14T09:00:00+00:00"


def what_changed(repository: Repository) -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
    found = read_history(repository.data, ("en", "de"))
    return {
        event_id: [(c.field, c.how, c.languages) for c in entry.changes]
        for event_id, entry in found.events.items()
    }


def test_an_update_says_which_fields_changed_and_in_which_languages(tmp_path: Path) -> None:
    repository = Repository(tmp_path)
    repository.commit(data_file(EVENTS), "2026-01-12T09:00:00Z")
    changed = {
        **EVENTS,
        # a text in one language, a field added, a value that is not a text
        "first-call": "    type: call\n    title: {en: First, de: Erstes Telefonat}\n"
        "    status: unconfirmed\n",
        # the texts of both languages
        "second-call": "    type: call\n    title:\n      en: The second\n      de: Das zweite\n",
        # written otherwise, and a field removed
        "meeting": "    title: {en: 'Meeting', de: Treffen}\n",
    }
    repository.commit(data_file(changed), "2026-01-15T10:30:00Z")
    assert what_changed(repository) == {
        # a status given where there was none changed it from the default
        "first-call": [("title", "revised", ("de",)), ("status", "changed", ())],
        "second-call": [("title", "revised", ("en", "de"))],
        "meeting": [("type", "removed", ())],
    }
    # the status and the date from what to what, as the data writes them (R13: "the
    # status was changed" told readers nothing)
    [*_, status] = read_history(repository.data, ("en", "de")).events["first-call"].changes
    assert (status.was, status.now) == ("held", "unconfirmed")


def test_a_date_is_told_from_what_to_what_as_the_data_writes_it() -> None:
    old = b"  e:\n    date: 2026-01-23\n    status: scheduled\n"
    new = b"  e:\n    date: 2026-01\n"
    found = [(c.field, c.how, c.was, c.now) for c in field_changes(old, new, ("en", "de"))]
    assert found == [
        ("date", "changed", "2026-01-23", "2026-01"),
        ("status", "changed", "scheduled", "held"),  # removed: the default again
    ]


def test_a_figures_value_is_told_from_what_to_what(tmp_path: Path) -> None:
    """R14: "two figures were revised" said nothing of what changed; a figure whose value
    alone changed keeps both values, as the data writes them, and the changes log tells
    them in each language's form."""
    old = (
        b"  e:\n    figures:\n"
        b"      - {by: a, label: {en: Drugs, de: Drogen}, value: 320, unit: tonnes,"
        b" qualifier: nearly}\n"
        b"      - {by: a, label: {en: Deaths, de: Tote}, value: -40, unit: percent}\n"
    )
    new = old.replace(b"value: 320, unit: tonnes, qualifier: nearly", b"value: 300, unit: tonnes")
    [change] = field_changes(old, new, ("en", "de"))
    assert (change.field, change.how, change.items) == ("figures", "changed", 1)
    from explainer.views.changes import what_changed as told

    explainer = load(tmp_path)
    assert told(explainer.context("en"), (change,), "call") == (
        "A figure was changed from nearly 320\u00a0metric\u00a0tons to 300\u00a0metric\u00a0tons."
    )
    assert told(explainer.context("de"), (change,), "call") == (
        "Eine Zahl wurde von fast 320\u00a0Tonnen auf 300\u00a0Tonnen geändert."
    )
    # its label changed as well: no single value to tell, it was changed
    relabelled = new.replace(b"en: Drugs,", b"en: Narcotics,")
    assert [(c.field, c.how, c.was) for c in field_changes(old, relabelled, ("en", "de"))] == [
        ("figures", "changed", "")
    ]


def test_a_lists_items_are_counted_as_added_removed_or_revised() -> None:
    """What the pages need to say "a source was added" or "two quotations were removed":
    items kept are no change; an item with parts that differs is a revision of the one it
    replaces, in the languages whose texts differ; ids are added or removed."""
    old = (
        b"  e:\n    participants: [a, b]\n    quotes:\n"
        b"      - {by: a, text: {en: One, de: Eins}}\n"
        b"      - {by: a, text: {en: Two, de: Zwei}}\n"
        b"    sources:\n      - title: {en: S, de: Q}\n"
    )
    new = (
        b"  e:\n    participants: [a, c, d]\n"
        b"    sources:\n      - title: {en: S, de: Quelle}\n      - title: {en: T, de: T}\n"
    )
    found = {(c.field, c.how, c.languages, c.items) for c in field_changes(old, new, ("en", "de"))}
    assert found == {
        ("participants", "added", (), 2),
        ("participants", "removed", (), 1),
        ("quotes", "removed", (), 2),
        ("sources", "revised", ("de",), 1),
        ("sources", "added", (), 1),
    }


def test_a_source_citation_retitled_is_revised_and_one_given_another_address_changed() -> None:
    """A citation's title is its wording (`revised`, in the languages whose title differs;
    a title written once for every language differs in all); its address, publisher or
    date are facts (`changed`), as the changes log tells them (R15)."""
    old = (
        b"  e:\n    sources:\n"
        b"      - title: {en: Report, de: Bericht}\n        url: https://example.org/a\n"
        b"      - title: Plain\n        url: https://example.org/b\n"
        b"      - title: {en: Third, de: Dritte}\n        url: https://example.org/c\n"
    )
    new = (
        b"  e:\n    sources:\n"
        b"      - title: {en: Report, de: Der Bericht}\n        url: https://example.org/a\n"
        b"      - title: Plainer\n        url: https://example.org/b\n"
        b"      - title: {en: Third, de: Dritte}\n        url: https://example.org/moved\n"
    )
    found = {(c.field, c.how, c.languages, c.items) for c in field_changes(old, new, ("en", "de"))}
    assert found == {
        ("sources", "revised", ("de",), 1),
        ("sources", "revised", ("en", "de"), 1),
        ("sources", "changed", (), 1),
    }


def test_a_quotation_given_a_closing_full_stop_or_a_capital_is_wording_not_told() -> None:
    """A block quote ends as a sentence: "cooperation works" becoming "[C]ooperation
    works." changes no word, and R28/R29 read "the text of a quotation was revised" there
    as the fix of a misquote. Such a change is wording, as a citation's title is; a word
    changed is still told."""
    old = (
        b"  e:\n    quotes:\n"
        b"      - {by: a, text: {en: cooperation works, de: Zusammenarbeit funktioniert}}\n"
        b"      - {by: a, text: {en: We act, de: Wir handeln}}\n"
    )
    new = (
        b"  e:\n    quotes:\n"
        b"      - {by: a, text: {en: '[C]ooperation works.', de: Zusammenarbeit funktioniert.}}\n"
        b"      - {by: a, text: {en: We acted., de: Wir handeln.}}\n"
    )
    changes = field_changes(old, new, ("en", "de"))
    assert {(c.field, c.how, c.languages, c.items) for c in changes} == {
        ("quotes", "repunctuated", (), 1),
        ("quotes", "revised", ("en", "de"), 1),
    }
    assert [(c.how, c.items) for c in told(changes)] == [("revised", 1)]
    # the capital alone, in one language: wording too
    first = b"  e:\n    quotes:\n      - {by: a, text: {en: cooperation works, de: Zusammen}}\n"
    capital = first.replace(b"en: cooperation", b"en: Cooperation")
    assert told(field_changes(first, capital, ("en", "de"))) == ()


def test_the_changes_of_one_day_are_one_update(tmp_path: Path) -> None:
    """Two commits on the last update's day (UTC) are one update, described from the
    lines as they stood before the first; an earlier day's change is not in it."""
    repository = Repository(tmp_path)
    repository.commit(data_file(EVENTS), "2026-01-12T09:00:00Z")
    step = {**EVENTS, "first-call": "    type: meeting\n    title: {en: First, de: Erstes}\n"}
    repository.commit(data_file(step), "2026-01-13T09:00:00Z")  # the day before: the type
    step = {**step, "first-call": step["first-call"].replace("en: First", "en: The first")}
    repository.commit(data_file(step), "2026-01-14T08:00:00Z")
    step = {**step, "first-call": step["first-call"].replace("de: Erstes", "de: Das erste")}
    repository.commit(data_file(step), "2026-01-14T23:00:00+01:00")  # 22:00 UTC: same day
    assert dates(repository)["first-call"][1] == "2026-01-14T22:00:00+00:00"
    assert what_changed(repository)["first-call"] == [("title", "revised", ("en", "de"))]
    # a change undone on the same day leaves nothing to tell
    repository.commit(data_file(EVENTS), "2026-01-20T08:00:00Z")
    repository.commit(data_file(step), "2026-01-20T09:00:00Z")
    assert what_changed(repository)["first-call"] == []
    # an event added and changed on one day: the change since it was added
    grown = {**step, "new": "    type: call\n    title: {en: New, de: Neu}\n"}
    repository.commit(data_file(grown), "2026-01-21T08:00:00Z")
    grown["new"] = grown["new"].replace("de: Neu", "de: Ganz neu")
    repository.commit(data_file(grown), "2026-01-21T09:00:00Z")
    assert what_changed(repository)["new"] == [("title", "revised", ("de",))]


def test_an_event_removed_and_added_again_is_published_again(tmp_path: Path) -> None:
    repository = Repository(tmp_path)
    repository.commit(data_file(EVENTS), "2026-01-12T09:00:00Z")
    without = {k: v for k, v in EVENTS.items() if k != "meeting"}
    repository.commit(data_file(without), "2026-01-13T09:00:00Z")
    repository.commit(data_file(EVENTS), "2026-01-14T09:00:00Z")
    assert dates(repository)["meeting"] == ("2026-01-14T09:00:00+00:00", None)


def test_a_merged_pull_request_is_published_when_it_is_merged(tmp_path: Path) -> None:
    """First parents only: the commits of a pull request (an event added, then fixed) are
    one change, dated by the merge commit."""
    repository = Repository(tmp_path)
    repository.commit(data_file(EVENTS), "2026-01-12T09:00:00Z")
    repository.git("switch", "-q", "-c", "new-event")
    grown = {**EVENTS, "later": "    type: call\n"}
    repository.commit(data_file(grown), "2026-01-13T09:00:00Z", "add")
    repository.commit(data_file({**grown, "later": "    type: meeting\n"}), "2026-01-13T10:00:00Z")
    repository.git("switch", "-q", "main")
    (tmp_path / "README").write_text("x", encoding="utf-8")
    repository.git("add", "README")
    repository.git("commit", "-q", "-m", "other work", date="2026-01-14T09:00:00Z")
    repository.git(
        "merge", "-q", "--no-ff", "-m", "merge", "new-event", date="2026-01-15T09:00:00Z"
    )
    assert dates(repository)["later"] == ("2026-01-15T09:00:00+00:00", None)


def test_uncommitted_changes_keep_the_last_commits_dates(tmp_path: Path) -> None:
    repository = Repository(tmp_path)
    repository.commit(data_file(EVENTS), "2026-01-12T09:00:00Z")
    repository.data.write_text(data_file({**EVENTS, "new": "    type: call\n"}), "utf-8")
    assert set(dates(repository)) == set(EVENTS)


def test_without_history_there_are_no_dates_and_a_reason(tmp_path: Path) -> None:
    data = tmp_path / "data" / "events.yaml"
    data.parent.mkdir()
    data.write_text(data_file(EVENTS), encoding="utf-8")
    assert read_history(data).unavailable == "not in a git repository"
    assert read_history(data).events == {}
    repository = Repository(tmp_path / "repo")
    repository.data.write_text(data_file(EVENTS), encoding="utf-8")
    assert read_history(repository.data).unavailable  # no commit at all
    repository.git("commit", "-q", "--allow-empty", "-m", "empty")
    assert read_history(repository.data).unavailable == "the data file has not been committed"


def test_a_shallow_clone_has_no_history(tmp_path: Path) -> None:
    repository = Repository(tmp_path / "origin")
    repository.commit(data_file(EVENTS), "2026-01-12T09:00:00Z")
    repository.commit(data_file(dict(reversed(EVENTS.items()))), "2026-01-13T09:00:00Z")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repository.root}", str(clone)],
        check=True,
        capture_output=True,
    )
    found = read_history(clone / "data" / "events.yaml")
    assert found.unavailable == "a shallow clone: fetch the whole history (fetch-depth: 0)"
    assert found.events == {}


def test_git_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "events.yaml"
    data.write_text(data_file(EVENTS), encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    assert read_history(data).unavailable == "git is not installed"


# --- the pass started early, in a process of its own -------------------------------------


def _history_repository(tmp_path: Path) -> Repository:
    repository = Repository(tmp_path)
    repository.commit(data_file(EVENTS), "2026-01-12T09:00:00Z", "publish")
    changed = {**EVENTS, "meeting": EVENTS["meeting"] + "    status: cancelled\n"}
    repository.commit(data_file(changed), "2026-01-15T10:30:00Z", "change")
    return repository


@pytest.mark.parametrize("where", ["a repository", "no repository"])
def test_the_pass_in_a_child_process_gives_what_the_pass_here_gives(
    tmp_path: Path, where: str
) -> None:
    if where == "a repository":
        data = _history_repository(tmp_path).data
    else:
        data = tmp_path / "events.yaml"
        data.write_text(data_file(EVENTS), encoding="utf-8")
    pending = history.PendingHistory(data, fork=True)
    assert pending._child is not None  # it did fork
    assert pending.result() == read_history(data)
    assert history.PendingHistory(data, fork=False).result() == read_history(data)


def test_a_child_that_dies_is_replaced_by_the_pass_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _history_repository(tmp_path).data
    expected = read_history(data)
    parent, original = os.getpid(), history.read_history

    def dies_in_the_child(path: Path, languages: tuple[str, ...] = ()) -> history.History:
        if os.getpid() != parent:
            os._exit(3)
        return original(path, languages)

    monkeypatch.setattr(history, "read_history", dies_in_the_child)
    assert history.PendingHistory(data, fork=True).result() == expected


def test_a_pass_not_needed_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _history_repository(tmp_path).data
    parent = os.getpid()

    def hangs_in_the_child(path: Path, languages: tuple[str, ...] = ()) -> history.History:
        if os.getpid() != parent:
            signal.pause()  # until a signal ends it
        raise AssertionError("the pass ran here")

    monkeypatch.setattr(history, "read_history", hangs_in_the_child)
    pending = history.PendingHistory(data, fork=True)
    assert pending._child is not None
    pid = pending._child.pid
    pending.cancel()
    with pytest.raises(ChildProcessError):  # stopped and reaped
        os.waitpid(pid, os.WNOHANG)
    pending.cancel()  # twice is harmless


@pytest.mark.story
def test_the_build_reads_the_history_while_it_checks_the_data(tmp_path: Path) -> None:
    from explainer.site import Explainer, SiteConfig
    from tests.conftest import REPO

    repository = Repository(tmp_path)
    repository.commit((REPO / "data" / "events.yaml").read_text("utf-8"), "2026-01-12T09:00:00Z")
    config = SiteConfig.from_settings(repository.root, ("en", "de"), tmp_path / "docs", None)
    loaded = Explainer.load(config)
    assert loaded.history is not None and len(loaded.history.events) == len(loaded.story.events)
    assert loaded.history == read_history(repository.data)


def test_blocks_are_each_events_lines_without_trailing_blank_lines_and_comments() -> None:
    text = (
        "events:\n"
        "  # about the first\n"
        "  a:\n    type: call\n\n  # about b\n"
        '  "b": # quoted\n    type: meeting\n    body: |\n      b:\n\n'
        "other:\n  c: {}\n"
    )
    assert event_blocks(text.encode()) == {
        "a": b"  a:\n    type: call",
        "b": b'  "b": # quoted\n    type: meeting\n    body: |\n      b:',
    }
    assert event_blocks(b"actors: {}\n") == {}
    assert event_blocks(b"events: {}\n") == {}
    assert event_blocks(b"events:\n    a:\n      type: call\n") == {
        "a": b"    a:\n      type: call"
    }


def _random_version(rng: random.Random, events: list[list[str]], tail: bool) -> bytes:
    lines = ["actors:", "  ada: {name: Ada}", "events:"]
    for event in events:
        lines += event
    if tail:
        lines += ["glossary:", "  x: {}"]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("seed", range(8))
def test_reading_only_what_changed_finds_what_reading_everything_finds(seed: int) -> None:
    """`_follow` (the stretch that changed) against `_split` (the whole version): the same
    events, and every event it does not read again has the same lines as before."""
    rng = random.Random(seed)
    for _ in range(150):
        events = [[f"  e{i}:", "    type: call"] for i in range(rng.randint(0, 6))]
        tail, number = rng.random() < 0.5, 100
        old = history._split(_random_version(rng, events, tail))
        for _ in range(6):
            events = [list(event) for event in events]
            choice = rng.randrange(7)
            if choice == 0:
                events.insert(rng.randint(0, len(events)), [f"  e{number}:", "    type: x"])
                number += 1
            elif choice == 1 and events:
                events.pop(rng.randrange(len(events)))
            elif choice == 2 and events:
                event = rng.choice(events)
                event.insert(rng.randint(1, len(event)), f"    note: {rng.random()}")
            elif choice == 3 and events:
                events.insert(rng.randint(0, len(events) - 1), events.pop())
            elif choice == 4:
                rng.shuffle(events)
            elif choice == 5 and events:
                rng.choice(events).append(rng.choice(["", "  # comment", "    more: 1"]))
            else:
                tail = not tail
            text = _random_version(rng, events, tail)
            whole = history._split(text)
            followed = history._follow(old, text) if old.keys else None
            if followed is not None:
                new, read = followed
                assert new.keys == whole.keys
                before = {event_id: old.block(i) for i, (_, event_id) in enumerate(old.keys)}
                for i, (_, event_id) in enumerate(new.keys):
                    if i not in read:
                        assert before[event_id] == new.block(i)
            old = whole
