"""Each language pass of `mkdocs build` in its own process, at the same time.

The i18n plugin builds the default language, then, from that pass's `on_post_build`, each
other language in turn, on one core. Here, once the data is loaded (the first pass's
`on_config`), one child process per other language is forked. It inherits the loaded
explainer and the configuration, and runs that language's pass into a folder of its own
(`<site_dir>.<lang>`), then exits. When the i18n plugin comes to that language, the parent
waits for the child and moves its `<lang>/` folder into the site instead of building it
again. The output is the same, byte for byte, as one process building one language after
another (a test diffs the two).

A child that fails (a strict-mode warning, an exception) has printed its own lines; the
parent then fails the build with the language named, so nothing is put in place and the
previous site/ stays as it was. Forking is safe only in a process without other threads,
and only Linux forks without surprises; elsewhere, with one usable core, under
`mkdocs serve` (its server threads run), or with EXPLAINER_WORKER=0, the passes run one
after another as the i18n plugin runs them.
"""

from __future__ import annotations

import functools
import logging
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError

from explainer.performance import Forked, language_workers_wanted, may_fork
from mkdocs_explainer.sitemaps import merge_sitemaps

log = logging.getLogger("mkdocs.hooks.explainer")


def allowed(command: str | None, dirty: bool, languages: list[str]) -> bool:
    """Whether the other languages' passes may run in forked processes now."""
    if not language_workers_wanted():
        return False
    return command == "build" and not dirty and len(languages) > 1 and may_fork()


class LanguagePasses:
    """The forked passes of one build, from the fork to the merge."""

    def __init__(self) -> None:
        #: language -> (its process, the folder it builds into)
        self.children: dict[str, tuple[Forked[None], Path]] = {}
        self._restore: Callable[[], None] | None = None

    @property
    def active(self) -> bool:
        return bool(self.children)

    def start(self, config: MkDocsConfig, i18n: Any, languages: list[str]) -> None:
        """Fork a child for every language but the default; each builds its pass and
        exits. Returns in the parent only."""
        from mkdocs.commands import build as mkdocs_build

        site_dir = Path(config.site_dir)
        for language in languages[1:]:
            folder = site_dir.with_name(f"{site_dir.name}.{language}")
            shutil.rmtree(folder, ignore_errors=True)
            work = functools.partial(
                _build_language, mkdocs_build.build, config, i18n, language, folder
            )
            self.children[language] = (Forked(work), folder)
        self._patch_i18n(i18n)

    def _patch_i18n(self, i18n: Any) -> None:
        """The i18n plugin calls `build` for each other language: for a language a child
        builds, collect the child's pages instead."""
        import mkdocs_static_i18n.plugin as i18n_plugin

        original = i18n_plugin.build

        def build_or_collect(config: MkDocsConfig, *args: Any, **kwargs: Any) -> None:
            language = i18n.current_language
            if language in self.children:
                self.collect(language, Path(config.site_dir))
            else:
                original(config, *args, **kwargs)

        i18n_plugin.build = build_or_collect

        def restore() -> None:
            i18n_plugin.build = original

        self._restore = restore

    def collect(self, language: str, site_dir: Path) -> None:
        """Wait for a language's child; move its pages into the site, or fail the build."""
        child, folder = self.children.pop(language)
        outcome = child.outcome()
        if not outcome.ok:
            if outcome.exit_code != 0 and outcome.error:  # what it raised, as it raised it
                sys.stderr.write(outcome.error)
            shutil.rmtree(folder, ignore_errors=True)
            raise PluginError(f"explainer: the `{language}` pages failed to build (lines above)")
        target = site_dir / language
        shutil.rmtree(target, ignore_errors=True)
        (folder / language).rename(target)
        # the language's pages join the root sitemap (the i18n plugin's template lists
        # the languages whose passes this process has seen)
        theirs, ours = folder / "sitemap.xml", site_dir / "sitemap.xml"
        if theirs.is_file() and ours.is_file():
            merged = merge_sitemaps(ours.read_text(encoding="utf-8"), theirs.read_text("utf-8"))
            ours.write_text(merged, encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)

    def stop(self) -> None:
        """After the build, or when it failed: no child is left running, nothing is left
        patched, no folder of theirs is left behind."""
        for child, folder in self.children.values():
            child.cancel()
            shutil.rmtree(folder, ignore_errors=True)
        self.children = {}
        if self._restore is not None:
            self._restore()
            self._restore = None


def _build_language(
    build: Callable[..., None], config: MkDocsConfig, i18n: Any, language: str, folder: Path
) -> None:
    """In the child: the i18n plugin's pass of `language`, as it would run it, into
    `folder`. A failed pass says why and exits with 1."""
    try:
        i18n.building = True
        i18n.current_language = language
        config.site_dir = str(folder)
        build(config, dirty=False)
    except Abort as error:
        log.error(f"explainer: the `{language}` pass: {error}")
        raise SystemExit(1) from None
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
