"""Python's cyclic garbage collector kept from walking the build's long-lived objects.

MkDocs keeps every page it has converted (content, table of contents, search entries)
until the build ends, and the data, the files and MkDocs' state live as long: each full
collection walked more of them than the last. Freezing what exists after the files are
known, and collecting and freezing again every FREEZE_EVERY page events, leaves each
later pass only what is new. The next build (`mkdocs serve` never shuts down between
builds) hands them back. At MkDocs' shutdown the process ends: everything stays frozen, so
the interpreter's last collection does not walk the build's heap (0.25 s of a 1,000-event
build). Measurements: bench/PROFILE.md.
"""

from __future__ import annotations

import gc

#: page events (a page's content, then its finished HTML: two a page) between two full
#: collections whose survivors are then frozen
FREEZE_EVERY = 1000


class Collector:
    def __init__(self) -> None:
        self.page_events = 0

    def freeze(self) -> None:
        gc.freeze()

    def page_done(self) -> None:
        self.page_events += 1
        if self.page_events % FREEZE_EVERY == 0:
            gc.collect()
            gc.freeze()

    def release(self) -> None:
        gc.unfreeze()

    def before_exit(self) -> None:
        """MkDocs shuts down (every command ends the process after it): keep all of it out
        of the collector's last passes."""
        gc.freeze()
