"""Markdown as the site renders it, for tests of the Markdown the explainer generates.

MkDocs renders a page with its built-in extensions (toc, tables, fenced_code), the
`markdown_extensions` of mkdocs.yml (attr_list, toc with permalinks) and those the
explainer hook adds (attr_list, md_in_html), after taking the front matter off. Plain
`markdown.markdown` has none of them: there `{: .x}` and `a | b` mean nothing, so a test
of escaping could not fail.
"""

from __future__ import annotations

from functools import cache

import markdown
from mkdocs.config import config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from tests.conftest import REPO


def _hook_extensions() -> list[str]:
    """The extensions the explainer's MkDocs integration adds to every site's configuration."""
    from mkdocs_explainer.theme import REQUIRED_EXTENSIONS

    return list(REQUIRED_EXTENSIONS)


@cache
def site_extensions() -> tuple[tuple[str, ...], dict[str, dict[str, object]]]:
    """Extension names and their settings, validated as MkDocs validates mkdocs.yml."""
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml_load(file)
    option = config_options.MarkdownExtensions(
        builtins=MkDocsConfig.markdown_extensions.builtins, configkey="mdx_configs"
    )
    names = option.run_validation(list(config["markdown_extensions"]) + _hook_extensions())
    return tuple(names), option.configdata


@cache
def _site_markdown() -> markdown.Markdown:
    names, configs = site_extensions()
    return markdown.Markdown(extensions=list(names), extension_configs=configs)


def render(page_markdown: str) -> str:
    """A page's Markdown (front matter and all) -> the HTML of its content on the site."""
    body, _ = get_data(page_markdown)
    return _site_markdown().reset().convert(body)
