"""The 404 page of each language, in that language (the template is
`overrides/404.html`). Each language pass renders its own: the default language's is the
root `404.html`, the one GitHub Pages serves at every missing address; each other
language's goes to its folder (`de/404.html`), where the root page's script sends the
missing addresses under that folder and where a host that serves the nearest 404 page
finds it."""

from __future__ import annotations

from pathlib import Path

from mkdocs_explainer.theme_fixes import fix_page


class NotFoundPages:
    def __init__(self) -> None:
        #: the root 404 page, once the default language's pass has rendered it
        self.root: str | None = None

    def reset(self) -> None:
        self.root = None

    def render(self, output: str, folder: str, site_dir: str) -> str:
        """What MkDocs writes as the root `404.html` in this pass; another language's
        page is written into its folder here (MkDocs writes theme templates at the root)."""
        page = fix_page(output)
        if not folder:
            self.root = page
            return page
        target = Path(site_dir) / folder / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
        # the root stays the default language's (a forked pass's root file is dropped)
        return self.root if self.root is not None else page
