"""Generated pages and outputs made on a second processor core while the caller builds.

MkDocs builds on one core, one language after another. What it needs from us later
than it asks (the next language's pages, each language's feed, calendar and export) is
made meanwhile in one worker process, forked from the caller once the data is loaded:
the worker inherits the loaded explainer, so nothing is read or validated twice and only
the results travel back (pickled). At 1,000 events that takes about 2.7 s of work off the
build's critical path.

Forking is safe only in a process without other threads, and only Linux forks without
surprises (macOS' system libraries may start threads). Elsewhere, with one usable core,
or with EXPLAINER_WORKER=0 in the environment, the same work runs in the caller when its
result is asked for, so results never differ, only when they are made.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from explainer.site import Explainer
    from explainer.views.base import GeneratedPage

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

#: the explainer a forked worker inherits (set before the fork, read only in the worker)
_inherited: Explainer | None = None


def _pages(language: str) -> list[GeneratedPage]:
    assert _inherited is not None
    return _inherited.pages(language)


def _outputs(language: str, site_name: str) -> dict[str, bytes]:
    assert _inherited is not None
    return _inherited.outputs(language, site_name)


class Result(Protocol[T_co]):
    def result(self) -> T_co: ...


class _Deferred(Generic[T]):
    """Work done in the caller, the first time its result is asked for."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work: Callable[[], T] | None = work
        self._value: T | None = None

    def result(self) -> T:
        if self._work is not None:
            self._value, self._work = self._work(), None
        return self._value  # type: ignore[return-value]


def worker_allowed() -> bool:
    """Whether a worker may be forked from this process now (see the module's text)."""
    if os.environ.get("EXPLAINER_WORKER", "1").strip() == "0":
        return False
    if sys.platform != "linux" or threading.active_count() > 1:
        return False
    return len(os.sched_getaffinity(0)) > 1


class Background:
    """Pages and outputs of one explainer, made by a worker process where one may be
    forked (`worker_allowed()` when `use_worker` is true), else by the caller on demand."""

    def __init__(self, explainer: Explainer, use_worker: bool) -> None:
        self._explainer = explainer
        self._pool: ProcessPoolExecutor | None = None
        if use_worker and worker_allowed():
            global _inherited
            _inherited = explainer
            # fork, not spawn: the worker starts with the data already loaded; forked on
            # the first submit, before the executor starts its own thread in this process
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))

    @property
    def forked(self) -> bool:
        return self._pool is not None

    def pages(self, language: str) -> Result[list[GeneratedPage]]:
        if self._pool is None:
            return _Deferred(lambda: self._explainer.pages(language))
        future: Future[list[GeneratedPage]] = self._pool.submit(_pages, language)
        return future

    def outputs(self, language: str, site_name: str) -> Result[dict[str, bytes]]:
        if self._pool is None:
            return _Deferred(lambda: self._explainer.outputs(language, site_name))
        future: Future[dict[str, bytes]] = self._pool.submit(_outputs, language, site_name)
        return future

    def close(self) -> None:
        """Stop the worker (waiting for it, dropping work not started); idempotent."""
        global _inherited
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        _inherited = None
