"""Every switch the build turns for speed, in one place: when work may run in a forked
process, the one helper that forks it and collects its answer, and Python's cyclic garbage
collector, paused while the data is read and pages are made, frozen at the end of a build.

None of them changes what is built: a test compares each fast path with the plain one
(the history pass here and in a child, the language passes forked and one after another).
What each one saves is measured in bench/PROFILE.md, not here.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

T = TypeVar("T")


# --- forked work ---------------------------------------------------------------------------


def may_fork() -> bool:
    """Linux (where fork has no surprises), no other thread (forking a process with threads
    is unsafe: `mkdocs serve` runs its server in them), and two or more usable cores (else
    nothing would run at the same time)."""
    return (
        sys.platform == "linux"
        and len(os.sched_getaffinity(0)) > 1
        and threading.active_count() == 1
    )


def language_workers_wanted() -> bool:
    """`EXPLAINER_WORKER=0` builds every language in one process, one after another."""
    return os.environ.get("EXPLAINER_WORKER", "1").strip() != "0"


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a forked child gave back: its result, its exit code, and the error it raised
    (its traceback) or why no answer came."""

    result: T | None
    exit_code: int | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and self.error is None


class Forked(Generic[T]):
    """`work()` in a child process forked now (multiprocessing's fork context: the child
    has everything this process has loaded), its result sent back through a pipe.
    `outcome()` waits for it; `cancel()` stops it. Neither raises for the child's sake."""

    def __init__(self, work: Callable[[], T]) -> None:
        context = multiprocessing.get_context("fork")
        self._answers, answer = context.Pipe(duplex=False)
        sys.stdout.flush()  # nothing buffered here is written twice, once by the child
        sys.stderr.flush()
        self._process = context.Process(target=_answer, args=(work, answer), daemon=True)
        self._process.start()
        answer.close()
        self._outcome: Outcome[T] | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def outcome(self) -> Outcome[T]:
        """Wait for the child; its answer, once read, is kept."""
        if self._outcome is None:
            try:
                result, error = self._answers.recv()
            except (EOFError, OSError):  # it ended (or was stopped) without an answer
                result, error = None, "the process ended without an answer"
            self._process.join()
            self._answers.close()
            self._outcome = Outcome(result, self._process.exitcode, error)
        return self._outcome

    def cancel(self) -> None:
        """Not needed after all: stop the child, if it still runs, and reap it."""
        if self._outcome is None:
            self._process.terminate()
            self._process.join()
            self._answers.close()
            self._outcome = Outcome(None, self._process.exitcode, "cancelled")


def _answer(work: Callable[[], object], answer: Connection) -> None:
    """In the child: the work's result, or the traceback of what it raised, into the pipe."""
    try:
        result = work()
    except SystemExit:  # the work says how it ended (its exit code); it has said why
        answer.send((None, None))
        raise
    except BaseException:
        answer.send((None, traceback.format_exc()))
        raise SystemExit(1) from None
    answer.send((result, None))


# --- the garbage collector -----------------------------------------------------------------


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while the data is read and pages are made (a
    decorator too): reading allocates a node, a value and a location for every line but
    makes no reference cycles, and neither does making pages and feeds from the model, so
    the collector's passes over the growing heap would find nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def freeze_heap_before_exit() -> None:
    """At the end of a build (every MkDocs command ends the process when it finishes): the
    whole heap kept out of the collection the interpreter still runs at exit, which would
    walk every page MkDocs has kept."""
    gc.freeze()
