"""A MkDocs hook that prints when each phase of a build starts, and the time spent in
Python's garbage collector, to stderr. For profiling only (bench/PROFILE.md):

    hooks:
    - /path/to/bench/trace_hook.py      # first, before the explainer's hooks
    - /path/to/hooks/explainer_mkdocs.py

Phases per language pass: configuration (our data is loaded here), files (generated
pages and outputs added), populate (every page's Markdown converted), build (every page
rendered into the theme and written), post-build.
"""

from __future__ import annotations

import atexit
import gc
import sys
import time
from typing import Any

from mkdocs.plugins import event_priority

_START = time.perf_counter()
_seen: set[str] = set()
_language_pass = [0]
#: generation -> [collections, seconds]
_collections: dict[int, list[float]] = {0: [0, 0.0], 1: [0, 0.0], 2: [0, 0.0]}
_started = [0.0]


def _mark(what: str) -> None:
    elapsed = time.perf_counter() - _START
    print(f"{elapsed:8.2f} s  pass {_language_pass[0]}  {what}", file=sys.stderr, flush=True)


@event_priority(200)
def on_config(config: Any) -> None:
    _language_pass[0] += 1
    _seen.clear()
    _mark("on_config")


@event_priority(200)
def on_files(files: Any, config: Any) -> None:
    _mark("on_files (configuration done)")


@event_priority(-200)
def on_nav(nav: Any, config: Any, files: Any) -> None:
    _mark("on_nav (files done)")


@event_priority(200)
def on_env(env: Any, config: Any, files: Any) -> None:
    _mark("on_env (populate done)")


@event_priority(200)
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> None:
    if "build" not in _seen:
        _seen.add("build")
        _mark("first page rendered into the theme")


@event_priority(200)
def on_post_build(config: Any) -> None:
    _mark("on_post_build")


def on_shutdown() -> None:
    _mark("shutdown")


def _collector(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _started[0] = time.perf_counter()
        return
    totals = _collections[info["generation"]]
    totals[0] += 1
    totals[1] += time.perf_counter() - _started[0]


def _report() -> None:
    parts = [f"generation {g}: {int(n)} in {s:.1f} s" for g, (n, s) in _collections.items()]
    print("garbage collector: " + ", ".join(parts), file=sys.stderr)


gc.callbacks.append(_collector)
atexit.register(_report)
