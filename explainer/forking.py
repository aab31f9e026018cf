"""Whether work may run in a forked process at the same time as this one."""

from __future__ import annotations

import os
import sys
import threading


def may_fork() -> bool:
    """Linux (where fork has no surprises), no other thread (forking a process with threads
    is unsafe: `mkdocs serve` runs its server in them), and two or more usable cores (else
    nothing would run at the same time)."""
    return (
        sys.platform == "linux"
        and len(os.sched_getaffinity(0)) > 1
        and threading.active_count() == 1
    )
