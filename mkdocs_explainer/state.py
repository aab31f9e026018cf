"""What one build (all its language passes) shares, created at the first pass's
`on_config` and dropped at the next build's, or at shutdown."""

from __future__ import annotations

from mkdocs.structure.files import File

from explainer.background import Background, Result
from explainer.site import Explainer
from explainer.views.base import GeneratedPage
from mkdocs_explainer.collector import Collector
from mkdocs_explainer.glossary import Mentions
from mkdocs_explainer.not_found import NotFoundPage
from mkdocs_explainer.staging import Staging


class BuildState:
    def __init__(self) -> None:
        #: `build` or `serve`, and `--dirty`, from on_startup
        self.command: str | None = None
        self.dirty = False
        self.explainer: Explainer | None = None
        self.mentions = Mentions()
        self.not_found = NotFoundPage()
        self.staging = Staging()
        self.collector = Collector()
        #: pages and outputs made meanwhile by a worker process (`explainer.background`)
        self.background: Background | None = None
        self.coming_pages: dict[str, Result[list[GeneratedPage]]] = {}
        #: this language pass's output files, and their content still being made
        self.outputs: list[tuple[File, str, Result[dict[str, bytes]]]] = []

    def new_build(self) -> None:
        """Forget the previous build of this process (`mkdocs serve` rebuilds)."""
        self.collector.release()
        self.stop_background()
        self.explainer = None
        self.mentions = Mentions()
        self.not_found.reset()

    def stop_background(self) -> None:
        if self.background is not None:
            self.background.close()
        self.background = None
        self.coming_pages = {}
        self.outputs = []

    def pages_of(self, language: str, languages: list[str]) -> list[GeneratedPage]:
        """This pass's generated pages. The first pass hands the other languages' pages to
        the worker (`explainer.background`), which makes them while this pass goes on."""
        assert self.explainer is not None and self.background is not None
        coming = self.coming_pages
        if not coming:
            coming.update(
                (other, self.background.pages(other)) for other in languages if other != language
            )
        if language in coming:
            return coming.pop(language).result()
        return self.explainer.pages(language)
