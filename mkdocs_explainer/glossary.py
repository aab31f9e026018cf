"""The glossary's "appears in" lines: which glossary terms each page of a language
mentions, remembered as its content is made, and filled into the glossary page once every
page's content is known (Material renders pages after all of them are converted)."""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from explainer.site import PageRef


class Mentions:
    def __init__(self) -> None:
        #: language -> source path -> (title, url, glossary terms its text mentions)
        self.pages: dict[str, dict[str, tuple[str, str, tuple[str, ...]]]] = {}

    def record(
        self, language: str, path: str, title: str, url: str, mentioned: tuple[str, ...]
    ) -> None:
        self.pages.setdefault(language, {})[path] = (title, url, mentioned)

    def refs(self, language: str, glossary_url: str) -> list[PageRef]:
        """Every page of `language`, linked from the glossary page at `glossary_url`."""
        return [
            PageRef(path, title, get_relative_url(url, glossary_url), mentioned)
            for path, (title, url, mentioned) in self.pages.get(language, {}).items()
        ]
