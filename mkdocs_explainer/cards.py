"""Each page's share card: the tags in its <head>, the image in the site.

A card found in the cache is linked into the site at once; the others are drawn by a
few threads (`CardMaker`) while MkDocs renders the next pages, and the language pass
waits for them in `on_post_build`. Each language pass has its own maker: a forked
language process starts its threads after the fork, never before."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from explainer.outputs.cards import CardMaker, card_head
from explainer.site import Explainer
from mkdocs_explainer import i18n


class PassCards:
    """The cards of the language passes of one process, by language."""

    def __init__(self) -> None:
        self.makers: dict[str, CardMaker] = {}

    def page_head(
        self, page: Page, config: MkDocsConfig, explainer: Explainer, language: str
    ) -> str:
        """Put the page's card into the site; its <head> tags ("" without a site URL,
        since a share preview needs an absolute address, or without cards)."""
        card = explainer.page_card(
            language,
            i18n.neutral_path(page.file),
            title=i18n.shared_title(page, config),
            site_name=config.site_name,
        )
        if card is None:
            return ""
        target = Path(config.site_dir) / card.path
        if card.image is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(card.image, target)
        elif card.card is not None:
            settings = explainer.config.cards
            assert settings is not None  # page_card makes none without them
            maker = self.makers.get(language)
            if maker is None:
                maker = self.makers[language] = CardMaker(settings.style, settings.cache_dir)
            maker.submit(card.card, target)
        url = explainer.urls.absolute(card.path)
        return card_head(url, card) if url else ""

    def finish(self, language: str) -> None:
        """Wait for the language's cards still being drawn (raises the first failure)."""
        maker = self.makers.pop(language, None)
        if maker is not None:
            maker.finish()

    def stop(self) -> None:
        makers, self.makers = self.makers, {}
        for maker in makers.values():
            maker.finish()
