"""Pages and outputs made by a forked worker are the ones the caller would make, failures
come back to the caller, and the worker is never forked where that is unsafe."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from explainer import background
from explainer.background import Background, worker_allowed

can_fork_here = sys.platform == "linux" and len(os.sched_getaffinity(0)) > 1


@pytest.mark.skipif(not can_fork_here, reason="the worker is forked on Linux with 2+ cores")
def test_a_forked_worker_makes_what_the_caller_would(seed_story, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("EXPLAINER_WORKER", raising=False)
    work = Background(seed_story, use_worker=True)
    try:
        assert work.forked
        pages, outputs = work.pages("de"), work.outputs("en", "Site")
        assert pages.result() == seed_story.pages("de")
        assert outputs.result() == seed_story.outputs("en", "Site")
        worker_pids = {process.pid for process in work._pool._processes.values()}  # type: ignore[union-attr]
        assert worker_pids and os.getpid() not in worker_pids
    finally:
        work.close()
    assert not work.forked and background._inherited is None


class _Failing:
    def outputs(self, language: str, site_name: str) -> dict[str, bytes]:
        raise ValueError(f"no calendar for {language}")


@pytest.mark.skipif(not can_fork_here, reason="the worker is forked on Linux with 2+ cores")
def test_a_failure_in_the_worker_reaches_the_caller(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("EXPLAINER_WORKER", raising=False)
    work = Background(_Failing(), use_worker=True)  # type: ignore[arg-type]
    try:
        assert work.forked
        with pytest.raises(ValueError, match="no calendar for de"):
            work.outputs("de", "Site").result()
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
    assert not work.forked
    pending = work.pages("de")
    assert asked == []
    assert pending.result() == ["de"] and pending.result() == ["de"] and asked == ["de"]
    assert not Background(seed_story, use_worker=False).forked


def test_never_forked_while_another_thread_runs(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("EXPLAINER_WORKER", raising=False)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not worker_allowed()
    finally:
        stop.set()
        thread.join()
    assert worker_allowed() == can_fork_here
