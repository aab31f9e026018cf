"""A finished page's `<head>`: the core's metadata (feeds, OpenGraph, JSON-LD, absolute
hreflang links) and the fixes of Material's shell."""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from explainer.site import Explainer
from mkdocs_explainer import i18n
from mkdocs_explainer.theme_fixes import fix_page, replace_hreflang_links


def finish_page(
    page_html: str, page: Page, config: MkDocsConfig, explainer: Explainer, card: str = ""
) -> str:
    """`card`: the tags of the page's share card (`mkdocs_explainer.cards`)."""
    head = explainer.head_html(
        i18n.file_language(page.file, config),
        site_name=config.site_name,
        source_path=i18n.neutral_path(page.file),
        title=i18n.shared_title(page, config),
        description=html.unescape(page.meta.get("description") or config.site_description or ""),
    )
    if card:
        head = f"{head}\n{card}"
    return replace_hreflang_links(fix_page(page_html), head)
