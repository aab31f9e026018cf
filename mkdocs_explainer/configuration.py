"""mkdocs.yml, read once and the way MkDocs reads it, for the build, the command line and
the job summary alike: MkDocs' own `load_config` resolves `INHERIT`, `!ENV` and both
forms of `plugins:` (a list of names and mappings, or a mapping of names), validates every
setting and loads the plugins, theme and hooks, without running any event. The build gets
the same object from MkDocs itself; the others read it here, so that no reader of the
file can disagree with `mkdocs build` on the languages, the data file or the options."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError

from explainer.site import ConfigError, SiteConfig, heading_style
from mkdocs_explainer import i18n
from mkdocs_explainer.options import explainer_options


def site_config(config: MkDocsConfig) -> SiteConfig:
    """The core's settings, from mkdocs.yml (`extra.explainer`, languages, site_url)."""
    custom_dir = config.theme.custom_dir
    return SiteConfig.from_settings(
        Path(config.config_file_path).parent,
        i18n.languages(config),
        Path(config.docs_dir),
        explainer_options(config.extra.get("explainer")),
        config.site_url,
        template_dirs=[Path(custom_dir) / "explainer"] if custom_dir else [],
        headings=heading_style(config.mdx_configs.get("toc")),
        repo_url=config.repo_url,
    )


def read(config_file: Path) -> MkDocsConfig:
    """The validated configuration of `config_file`, as `mkdocs build` would have it
    before its first event. Raises ConfigError with MkDocs' own messages (`Config value
    'plugins': ...`) where the build would abort, OSError where the file cannot be read."""
    if not config_file.is_file():
        raise FileNotFoundError(f"there is no {config_file}")
    with _logged() as records:
        try:
            return load_config(config_file=str(config_file))
        except (Abort, ConfigurationError) as error:
            errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
            warnings = [r.getMessage() for r in records if r.levelno < logging.ERROR]
            raise ConfigError("; ".join(errors or [*warnings, str(error)])) from None


def read_site_config(config_file: Path) -> SiteConfig:
    """The core's settings of the site whose mkdocs.yml is `config_file`."""
    return site_config(read(config_file))


@contextmanager
def _logged() -> Iterator[list[logging.LogRecord]]:
    """MkDocs logs why a configuration fails and raises a bare `Aborted`: keep the
    records for the error. A warning of a configuration that loads is passed on, as MkDocs
    would log it."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    failed = True
    try:
        yield records
        failed = False
    finally:
        logger.removeHandler(handler)
        for record in records if not failed else ():
            logging.getLogger(record.name).handle(record)
