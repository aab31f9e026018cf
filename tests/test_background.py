"""Pages and outputs made by a forked worker are the ones the caller would make, failures
come back to the caller, and the worker is never forked where that is unsafe."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from explainer import background
from explainer.background import Background, worker_allowed
from explainer.urls import OUTPUTS
from tests.conftest import FORKS


def _worker_pids(work: Background) -> set[int]:
    return {process.pid for process in work._pool._processes.values()}  # type: ignore[union-attr]


@FORKS
def test_a_forked_worker_makes_what_the_caller_would(seed_story) -> None:  # type: ignore[no-untyped-def]
    work = Background(seed_story, use_worker=True)
    try:
        pages, outputs = work.pages("de"), work.outputs("en", "Site")
        assert work.forked
        assert _worker_pids(work) and os.getpid() not in _worker_pids(work)
        assert pages.result() == seed_story.pages("de")
        assert outputs.result() == seed_story.outputs("en", "Site")
    finally:
        work.close()
    assert not work.forked and background._inherited is None


def test_every_output_has_its_file_name(seed_story) -> None:  # type: ignore[no-untyped-def]
    """The hooks register OUTPUTS as files before the content is made."""
    assert tuple(seed_story.outputs("de", "Site")) == OUTPUTS


class _Failing:
    def outputs(self, language: str, site_name: str) -> dict[str, bytes]:
        raise ValueError(f"no calendar for {language}")


@FORKS
def test_a_failure_in_the_worker_reaches_the_caller() -> None:
    work = Background(_Failing(), use_worker=True)  # type: ignore[arg-type]
    try:
        failing = work.outputs("de", "Site")
        assert work.forked
        with pytest.raises(ValueError, match="no calendar for de"):
            failing.result()
    finally:
        work.close()


@FORKS
def test_when_the_worker_dies_the_caller_does_the_work(seed_story) -> None:  # type: ignore[no-untyped-def]
    work = Background(seed_story, use_worker=True)
    try:
        first = work.outputs("en", "Site")
        assert first.result() == seed_story.outputs("en", "Site")
        (pid,) = _worker_pids(work)
        os.kill(pid, signal.SIGKILL)
        pages = work.pages("de")
        assert pages.result() == seed_story.pages("de")
    finally:
        work.close()


def test_without_a_worker_the_work_is_done_when_asked_for(seed_story, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("EXPLAINER_WORKER", "0")
    assert not worker_allowed()
    asked = []

    class Counting:
        def pages(self, language: str) -> list[str]:
            asked.append(language)
            return [language]

    work = Background(Counting(), use_worker=True)  # type: ignore[arg-type]
    pending = work.pages("de")
    assert not work.forked and asked == []
    assert pending.result() == ["de"] and pending.result() == ["de"] and asked == ["de"]
    unused = Background(seed_story, use_worker=False)
    assert unused.outputs("en", "Site").result() == seed_story.outputs("en", "Site")
    assert not unused.forked


@FORKS
def test_never_forked_while_another_thread_runs(seed_story) -> None:  # type: ignore[no-untyped-def]
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not worker_allowed()
        work = Background(seed_story, use_worker=True)
        pages = work.pages("de")
        assert not work.forked
    finally:
        stop.set()
        thread.join()
    assert pages.result() == seed_story.pages("de")
    assert not work.forked  # decided once, at the first request
    assert worker_allowed()
