"""The one helper that forks work (the history pass, the language passes) gives back what
the child returned, how it ended and what it raised; a child not needed is stopped."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from explainer.performance import Forked

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="fork is used on Linux only")


def test_the_childs_result_comes_back() -> None:
    parent = os.getpid()
    outcome = Forked(lambda: {"pid": os.getpid(), "items": list(range(100_000))}).outcome()
    assert outcome.ok and outcome.exit_code == 0 and outcome.error is None
    assert outcome.result["pid"] != parent and len(outcome.result["items"]) == 100_000


def test_what_the_child_raised_comes_back_with_a_failed_exit() -> None:
    def fails() -> None:
        raise ValueError("no such revision")

    outcome = Forked(fails).outcome()
    assert not outcome.ok and outcome.exit_code == 1 and outcome.result is None
    assert "ValueError: no such revision" in (outcome.error or "")


def test_a_child_that_exits_says_how_and_nothing_more() -> None:
    def exits() -> None:
        raise SystemExit(3)

    outcome = Forked(exits).outcome()
    assert (outcome.ok, outcome.exit_code, outcome.error) == (False, 3, None)


def test_a_child_that_dies_without_an_answer_is_told_apart() -> None:
    outcome = Forked(lambda: os._exit(5)).outcome()
    assert outcome.exit_code == 5 and "without an answer" in (outcome.error or "")


def test_a_child_not_needed_is_stopped_and_reaped() -> None:
    child = Forked(signal.pause)
    pid = child.pid
    child.cancel()
    with pytest.raises(ChildProcessError):  # reaped: no such child any more
        os.waitpid(pid, os.WNOHANG)
    assert not child.outcome().ok
    child.cancel()  # twice is harmless
