"""What one build shares across its language passes, and the builds of one MkDocs process.

The lifecycle follows MkDocs' events. `on_startup` opens the session (the command and
`--dirty`). A build begins at its first language pass's `on_config`: the data is loaded
and a new `Build` replaces the previous one, whose forked passes are stopped (`mkdocs
serve` rebuilds on every change; nothing of a previous build is kept). Every later event
of the build reads `session.build`. `on_build_error` marks the build failed, and
`on_shutdown` ends the last one: its staged site is put in place, or removed.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from explainer.site import Explainer
from mkdocs_explainer.cards import PassCards
from mkdocs_explainer.glossary import Mentions
from mkdocs_explainer.not_found import NotFoundPages
from mkdocs_explainer.parallel import LanguagePasses
from mkdocs_explainer.staging import Staging


class Build:
    """One build, all its language passes: from its first pass's `on_config` to the next
    build or the end of the process."""

    def __init__(self, explainer: Explainer) -> None:
        #: the data, loaded and validated once for every language
        self.explainer = explainer
        #: which pages mention which glossary terms, for "appears in"
        self.mentions = Mentions()
        #: language -> the address of its glossary page, which every page links to
        self.glossary_urls: dict[str, str] = {}
        self.not_found = NotFoundPages()
        self.staging = Staging()
        #: the other languages' passes, each in a process of its own (`mkdocs build`)
        self.passes = LanguagePasses()
        #: this language pass's output files, whose content is set at `on_env`
        self.outputs: list[tuple[File, str]] = []
        #: the share cards this process's language passes are drawing
        self.cards = PassCards()

    def failed(self) -> None:
        """It must not be put in place; its other passes are not needed."""
        self.passes.stop()
        self.cards.stop()
        self.staging.failed()

    def end(self) -> None:
        """No process of it is left running; its staged site is put in place or removed."""
        try:
            self.passes.stop()
            self.cards.stop()
        finally:
            self.staging.finish()


class Session:
    """The builds of one MkDocs process: one for `mkdocs build`, one per change for
    `mkdocs serve`."""

    def __init__(self) -> None:
        #: `build` or `serve`, and `--dirty`, from on_startup
        self.command: str | None = None
        self.dirty = False
        #: the build under way, or the last one; None before the first has loaded its data
        self.build: Build | None = None

    def begin(self, explainer: Explainer) -> Build:
        self.build = Build(explainer)
        return self.build

    def end(self) -> None:
        """End the current build, if any (a new one begins, or the process ends)."""
        build, self.build = self.build, None
        if build is not None:
            build.end()

    def current(self) -> Build:
        """The build under way: every event after the first pass's `on_config` has one."""
        if self.build is None:
            raise PluginError("explainer: no build under way (its data was not loaded)")
        return self.build
