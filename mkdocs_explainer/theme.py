"""What the generated pages need from the site's configuration, added where it is
missing: Markdown extensions, the stylesheet, Material's tooltips for glossary links; and
the generator's theme templates (`overrides/`), which speak the page's language where
Material's chrome would speak English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig

from explainer.site import STYLESHEET_SOURCE

REQUIRED_EXTENSIONS = ("attr_list", "md_in_html")
STYLESHEET = "assets/explainer.css"
#: Material templates the generator replaces (the footer, the 404 page, the tab title, the
#: repository link, the i18n plugin's sitemap)
TEMPLATES = Path(__file__).with_name("overrides")
#: the folder of mkdocs-static-i18n's sitemap template, which TEMPLATES replaces
I18N_SITEMAP = "custom_i18n_sitemap"


def configure(config: MkDocsConfig) -> None:
    for extension in REQUIRED_EXTENSIONS:
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    # glossary links show their definition on hover and keyboard focus
    features = config.theme.get("features")
    if isinstance(features, list) and "content.tooltips" not in features:
        features.append("content.tooltips")
    add_templates(config)


def add_templates(config: MkDocsConfig) -> None:
    """The generator's templates, after the site's own (`custom_dir`, which may replace
    them) and before the theme's. Every language pass sees the same theme object."""
    folder = str(TEMPLATES)
    if folder not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, folder)


def prefer_own_sitemap(config: MkDocsConfig) -> None:
    """The i18n plugin puts its own sitemap template first in the theme's search path when
    the site's `custom_dir` has none; the generator's (in TEMPLATES) replaces it, so that
    a site need not keep a copy. A site's own `sitemap.xml` still wins: then the plugin
    adds nothing."""
    config.theme.dirs[:] = [d for d in config.theme.dirs if Path(d).name != I18N_SITEMAP]


def localize_markdown(config: MkDocsConfig, permalink_title: str) -> None:
    """The title of the ¶ link after each heading of a hand-written page, in the pass's
    language: the `toc` extension's is one text for every language (English by default).
    Python-Markdown is set up anew for each page from these settings."""
    toc = config.mdx_configs.get("toc")
    if toc is None:
        toc = config.mdx_configs["toc"] = {}
    toc["permalink_title"] = permalink_title


def stylesheet() -> bytes:
    return STYLESHEET_SOURCE.read_bytes()


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once per process, not once per build: MkDocs makes a
    new Jinja environment for every build and language pass, and compiling Material's
    templates was half of a rebuild of the seed site under `mkdocs serve`. Jinja checks
    each template's source against its checksum, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = CompiledTemplates()


def reuse_compiled_templates(env: Any) -> None:
    """Give the build's theme environment the process's compiled templates."""
    if isinstance(env, jinja2.Environment) and env.bytecode_cache is None:
        env.bytecode_cache = _COMPILED
