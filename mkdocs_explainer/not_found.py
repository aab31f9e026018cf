"""GitHub Pages serves the root `404.html` for every address, in every language: it is the
default language's, with a link to each language's home page in that language. Each
language pass renders its own 404 page; the first one is kept for all."""

from __future__ import annotations

from urllib.parse import urlsplit

from explainer.site import Explainer
from explainer.theme_fixes import fix_page


class NotFoundPage:
    def __init__(self) -> None:
        self.html: str | None = None

    def reset(self) -> None:
        self.html = None

    def render(self, output: str, explainer: Explainer, site_url: str | None) -> str:
        """The root 404 page: the first pass's (the default language), with the links."""
        if self.html is None:
            base = urlsplit(site_url).path if site_url else "/"
            links = explainer.not_found_links(base.rstrip("/") + "/")
            self.html = fix_page(output.replace("</h1>", "</h1>\n" + links, 1))
        return self.html
