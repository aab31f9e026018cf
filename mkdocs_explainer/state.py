"""What one build (all its language passes) shares, created at the first pass's
`on_config` and dropped at the next build's, or at shutdown."""

from __future__ import annotations

from mkdocs.structure.files import File

from explainer.site import Explainer
from mkdocs_explainer.cards import PassCards
from mkdocs_explainer.glossary import Mentions
from mkdocs_explainer.not_found import NotFoundPages
from mkdocs_explainer.parallel import LanguagePasses
from mkdocs_explainer.staging import Staging


class BuildState:
    def __init__(self) -> None:
        #: `build` or `serve`, and `--dirty`, from on_startup
        self.command: str | None = None
        self.dirty = False
        self.explainer: Explainer | None = None
        self.mentions = Mentions()
        #: language -> the address of its glossary page, which every page links to
        self.glossary_urls: dict[str, str] = {}
        self.not_found = NotFoundPages()
        self.staging = Staging()
        self.passes = LanguagePasses()
        #: this language pass's output files, whose content is set at `on_env`
        self.outputs: list[tuple[File, str]] = []
        #: the share cards this process's language passes are drawing
        self.cards = PassCards()

    def new_build(self) -> None:
        """Forget the previous build of this process (`mkdocs serve` rebuilds)."""
        self.passes.stop()
        self.cards.stop()
        self.outputs = []
        self.explainer = None
        self.mentions = Mentions()
        self.glossary_urls = {}
        self.not_found.reset()
