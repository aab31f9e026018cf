"""The data of a build, loaded and validated in its first language pass, before MkDocs
cleans anything: a data error stops the build with located lines, no traceback, and
leaves the previous site/ as it was. Warnings are logged and never stop a build, not even
`mkdocs build --strict`: some depend on the day, and whether a build passes must not."""

from __future__ import annotations

import logging
import sys

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from explainer.problems import DataError, counted
from explainer.site import ConfigError, Explainer
from explainer.strings import StringsError
from mkdocs_explainer.configuration import site_config

log = logging.getLogger("mkdocs.hooks.explainer")


def load(config: MkDocsConfig) -> Explainer:
    try:
        site = site_config(config)
        explainer = Explainer.load(site)
    except DataError as error:
        sys.stderr.write(error.report() + "\n")
        sys.stderr.flush()
        raise PluginError(
            f"{error}: the site was not built and the previous site/ is untouched; "
            "fix the lines above (`make validate` checks the data alone)"
        ) from None
    except (ConfigError, StringsError) as error:
        raise PluginError(f"explainer: {error}") from None
    story = explainer.story
    log.info(
        f"explainer: {site.data_path.name} loaded and validated: {len(story.events)} "
        f"events, {len(story.actors)} actors, {len(story.glossary)} terms"
    )
    # at INFO, marked `warning:` in the located line: MkDocs' --strict fails a build on
    # every WARNING record, and a warning must not (`explainer validate --strict` can)
    for warning in explainer.warnings:
        log.info(f"explainer: {warning}")
    if explainer.warnings:
        log.info(
            f"explainer: {counted(len(explainer.warnings), 'warning')} in the data; the build "
            "goes on (`explainer validate --strict` fails on them)"
        )
    if explainer.history_note:  # info, not a warning: a shallow clone still builds (--strict)
        log.info(f"explainer: {explainer.history_note}")
    return explainer
