"""Generated pages and outputs made on a second processor core while the caller builds.

MkDocs builds on one core, one language after another. What it needs from us later
than it asks (the next language's pages, each language's feed, calendar and export) is
made meanwhile in one worker process, forked from the caller at the first request, once
the data is loaded: the worker inherits the loaded explainer, so nothing is read or
validated twice and only the results travel back (pickled). At 1,000 events that takes
about 2.7 s of work off the build's critical path.

Forking is safe only in a process without other threads, and only Linux forks without
surprises (macOS' system libraries may start threads); whether to fork is decided at the
moment of the fork. Elsewhere, with one usable core, or with EXPLAINER_WORKER=0 in the
environment, the same work runs in the caller when its result is asked for, and so it
does if the worker dies: results never differ, only when they are made. The worker logs
nothing (MkDocs' strict mode counts only the caller's warnings) and ignores Ctrl-C, which
the caller handles.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from explainer.site import Explainer
    from explainer.views.base import GeneratedPage

T = TypeVar("T")

log = logging.getLogger(__name__)

#: the explainer a forked worker inherits (set before the fork, read only in the worker)
_inherited: Explainer | None = None


def _pages(language: str) -> list[GeneratedPage]:
    assert _inherited is not None
    return _inherited.pages(language)


def _outputs(language: str, site_name: str) -> dict[str, bytes]:
    assert _inherited is not None
    return _inherited.outputs(language, site_name)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def worker_allowed() -> bool:
    """Whether a worker may be forked from this process now (see the module's text)."""
    if os.environ.get("EXPLAINER_WORKER", "1").strip() == "0":
        return False
    if sys.platform != "linux" or threading.active_count() > 1:
        return False
    return len(os.sched_getaffinity(0)) > 1


class Result(Generic[T]):
    """Work asked for now, its result taken later: from the worker, or made by the caller
    when taken (with no worker, or when the worker died)."""

    def __init__(self, work: Callable[[], T], future: Future[T] | None) -> None:
        self._work: Callable[[], T] | None = work
        self._future = future
        self._value: T | None = None

    def result(self) -> T:
        if self._work is not None:
            work, self._work = self._work, None
            try:
                self._value = self._future.result() if self._future is not None else work()
            except BrokenProcessPool:
                log.info("explainer: the worker process stopped; the build does its work")
                self._value = work()
            self._future = None
        return self._value  # type: ignore[return-value]


class Background:
    """Pages and outputs of one explainer, made by a worker process where one may be
    forked (with `use_worker`, and `worker_allowed()` when the first work is asked for),
    else by the caller on demand."""

    def __init__(self, explainer: Explainer, use_worker: bool) -> None:
        self._explainer = explainer
        self._use_worker = use_worker
        self._pool: ProcessPoolExecutor | None = None

    @property
    def forked(self) -> bool:
        return self._pool is not None

    def _submit(self, function: Callable[..., T], *args: str) -> Future[T] | None:
        if self._use_worker:  # decided once, right before the fork
            self._use_worker = False
            if worker_allowed():
                global _inherited
                _inherited = self._explainer
                # fork, not spawn: the worker starts with the data already loaded; the
                # executor forks on this first submit, before it starts its own thread
                self._pool = ProcessPoolExecutor(
                    1,
                    mp_context=multiprocessing.get_context("fork"),
                    initializer=_ignore_interrupts,
                )
        if self._pool is None:
            return None
        try:
            return self._pool.submit(function, *args)
        except BrokenProcessPool:
            return None

    def pages(self, language: str) -> Result[list[GeneratedPage]]:
        future = self._submit(_pages, language)
        return Result(lambda: self._explainer.pages(language), future)

    def outputs(self, language: str, site_name: str) -> Result[dict[str, bytes]]:
        future = self._submit(_outputs, language, site_name)
        return Result(lambda: self._explainer.outputs(language, site_name), future)

    def close(self) -> None:
        """Stop the worker once it has finished the work it has started (work not yet
        started is dropped); idempotent."""
        global _inherited
        self._use_worker = False
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        _inherited = None
