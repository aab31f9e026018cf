"""`mkdocs build` writes into `<site_dir>.partial`; the finished build replaces site/ only
when it succeeded, so a failed build (bad data, a strict-mode warning, a crash) leaves the
previous site as it was."""

from __future__ import annotations

import shutil
from pathlib import Path


class Staging:
    """One build's staging folder, from its first language pass to MkDocs' shutdown."""

    def __init__(self) -> None:
        self.target: Path | None = None
        self.staging: Path | None = None
        self.succeeded = False

    def start(self, site_dir: str) -> str:
        """Begin a build whose site goes to `site_dir`; returns the folder to build into."""
        target = Path(site_dir)
        staging = target.with_name(target.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        self.target, self.staging, self.succeeded = target, staging, False
        return str(staging)

    def failed(self) -> None:
        """The build failed: it must never be put in place."""
        self.succeeded = False
        if self.staging is not None:
            self.target = None

    def finish(self) -> None:
        """A build that succeeded replaces the target; a failed one is removed."""
        staging, target = self.staging, self.target
        self.staging = self.target = None
        if staging is None:
            return
        if target is None or not self.succeeded:
            shutil.rmtree(staging, ignore_errors=True)
            return
        previous = target.with_name(target.name + ".previous")
        shutil.rmtree(previous, ignore_errors=True)
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        shutil.rmtree(previous, ignore_errors=True)
