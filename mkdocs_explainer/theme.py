"""What the generated pages need from the site's configuration, added where it is
missing: Markdown extensions, the stylesheet, Material's tooltips for glossary links."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from explainer.site import STYLESHEET_SOURCE

REQUIRED_EXTENSIONS = ("attr_list", "md_in_html")
STYLESHEET = "assets/explainer.css"


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


def stylesheet() -> bytes:
    return STYLESHEET_SOURCE.read_bytes()
