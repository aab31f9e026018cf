"""One explainer site: its settings, its story and its pages in each language.

This is the core's entry point for adapters (the MkDocs hooks, the command line). It
knows nothing of MkDocs; `SiteConfig.from_mkdocs_yml` only reads the same YAML file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from babel.core import UnknownLocaleError

from explainer.l10n import Localizer, babel_locale
from explainer.model import Story, build_story
from explainer.problems import DataError, Problem, did_you_mean
from explainer.strings import Strings, load_strings
from explainer.validate import display_name, find_problems
from explainer.views.actor import ActorView
from explainer.views.actors import ActorsIndexView
from explainer.views.base import GeneratedPage, RenderContext, View
from explainer.views.blocks import check_pages, expand_blocks
from explainer.views.event import EventView
from explainer.views.figures import FiguresView
from explainer.views.glossary import GlossaryView
from explainer.views.timeline import TimelineView

DEFAULT_DATA = "data/events.yaml"
#: keys of `extra.explainer` in mkdocs.yml
SETTINGS = ("data", "strings")


class ConfigError(Exception):
    """The site's configuration cannot work."""


@dataclass(frozen=True)
class SiteConfig:
    """Where the data is and which languages the site has (the default one first)."""

    config_dir: Path
    data_path: Path
    languages: tuple[str, ...]
    docs_dir: Path
    strings_dirs: tuple[Path, ...] = ()

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @classmethod
    def from_settings(
        cls,
        config_dir: Path,
        languages: Sequence[str],
        docs_dir: Path,
        settings: Mapping[str, Any] | None,
    ) -> SiteConfig:
        """`settings` is the `extra.explainer` mapping of mkdocs.yml (may be absent)."""
        settings = dict(settings or {})
        for key in settings:
            if key not in SETTINGS:
                raise ConfigError(
                    f"extra.explainer.{key}: unknown setting"
                    + (did_you_mean(key, SETTINGS) or f"; known settings: {', '.join(SETTINGS)}")
                )
        data = settings.get("data", DEFAULT_DATA)
        strings = settings.get("strings", [])
        if isinstance(strings, str):
            strings = [strings]
        if not isinstance(data, str) or not isinstance(strings, list):
            raise ConfigError(
                "extra.explainer: `data` must be a path, `strings` a path or list of paths"
            )
        if not languages:
            raise ConfigError("no languages configured for the i18n plugin")
        return cls(
            config_dir=config_dir,
            data_path=(config_dir / data),
            languages=tuple(languages),
            docs_dir=docs_dir,
            strings_dirs=tuple(config_dir / s for s in strings),
        )

    @classmethod
    def from_mkdocs_yml(cls, path: Path) -> SiteConfig:
        """Read the settings from mkdocs.yml without MkDocs (for the command line)."""
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
        config_dir = path.parent
        languages: list[str] = []
        for plugin in config.get("plugins") or []:
            if isinstance(plugin, dict) and "i18n" in plugin:
                entries = (plugin["i18n"] or {}).get("languages") or []
                default = [e["locale"] for e in entries if e.get("default")]
                others = [
                    e["locale"] for e in entries if not e.get("default") and e.get("build", True)
                ]
                languages = default + others
        if not languages:
            theme = config.get("theme") or {}
            languages = [theme.get("language", "en") if isinstance(theme, dict) else "en"]
        return cls.from_settings(
            config_dir,
            languages,
            config_dir / (config.get("docs_dir") or "docs"),
            (config.get("extra") or {}).get("explainer"),
        )


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs' own tags (`!ENV`, `!!python/name:`)."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: None
)


class Explainer:
    """A loaded, validated site: render its pages per language."""

    def __init__(self, config: SiteConfig, story: Story, strings: Mapping[str, Strings]) -> None:
        self.config = config
        self.story = story
        self.strings = strings
        self._contexts: dict[str, RenderContext] = {}

    @classmethod
    def load(cls, config: SiteConfig) -> Explainer:
        """Raises DataError (every located problem of data and pages), StringsError or
        ConfigError."""
        for language in config.languages:
            try:
                babel_locale(language)
            except (ValueError, UnknownLocaleError):
                raise ConfigError(
                    f"the language `{language}` is not a locale Babel knows (like `en`, `de`, "
                    "`pt-BR`); dates and numbers cannot be formatted for it"
                ) from None
        strings = load_strings(config.languages, config.strings_dirs)
        loaded, problems = find_problems(config.data_path, config.languages)
        if config.docs_dir.is_dir():
            problems += check_pages(config.docs_dir, display_name)
        if problems:
            raise DataError(problems)
        explainer = cls(config, build_story(loaded.data, config.languages), strings)
        clashes = explainer._hand_written_clashes()
        if clashes:
            raise DataError(clashes)
        return explainer

    def _hand_written_clashes(self) -> list[Problem]:
        """Hand-written pages at a path the data generates would be silently replaced."""
        problems = []
        for language in self.config.languages:
            for path in self.page_paths():
                source = self.config.docs_dir / language / path
                if source.is_file():
                    problems.append(
                        Problem(
                            display_name(source),
                            1,
                            1,
                            "",
                            f"`{path}` is generated from the data in every language; "
                            "remove or rename this hand-written page",
                        )
                    )
        return problems

    def page_paths(self) -> list[str]:
        """The language-neutral paths of every generated page."""
        return [page.path for page in self._views(self.config.default_language)]

    def context(self, language: str) -> RenderContext:
        if language not in self._contexts:
            strings = self.strings[language]
            self._contexts[language] = RenderContext(
                self.story, language, strings, Localizer(language, strings)
            )
        return self._contexts[language]

    def pages(self, language: str) -> list[GeneratedPage]:
        """Every generated page in one language."""
        return [view.render() for view in self._views(language)]

    def _views(self, language: str) -> list[View]:
        ctx = self.context(language)
        views: list[View] = [
            TimelineView(ctx),
            FiguresView(ctx),
            ActorsIndexView(ctx),
            GlossaryView(ctx),
        ]
        views += [EventView(ctx, event) for event in self.story.chronological]
        views += [ActorView(ctx, actor) for actor in self.story.actors.values()]
        return views

    def expand_blocks(self, language: str, markdown: str, page_path: str, source_name: str) -> str:
        """Fill the `<!-- explainer:NAME -->` blocks of a hand-written page."""
        return expand_blocks(self.context(language), markdown, page_path, source_name)
