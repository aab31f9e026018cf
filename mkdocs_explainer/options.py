"""The explainer's settings in mkdocs.yml (`extra.explainer`), typed and checked the way a
plugin's options are (MkDocs' `config_options`, as Material's blog plugin declares its
own): an error names the key and reads as MkDocs' own do. What the settings mean for the
story (a footer link's texts in every language, its page, the short name's texts) the
core checks."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import LegacyConfig

from explainer.problems import did_you_mean
from explainer.site import DEFAULT_DATA, ConfigError

#: where the settings stand in mkdocs.yml
KEY = "extra.explainer"


class Paths(opt.ListOfItems[str]):
    """One path, or a list of paths (relative to mkdocs.yml)."""

    def __init__(self) -> None:
        super().__init__(opt.Type(str), default=[])

    def run_validation(self, value: object) -> list[str]:
        return super().run_validation([value] if isinstance(value, str) else value)


def _schema() -> tuple[tuple[str, opt.BaseConfigOption[Any]], ...]:
    """A schema of (name, option) pairs, not a `Config` class: `data` would shadow the
    mapping's own `data` attribute there."""
    return (
        # the data file, relative to mkdocs.yml
        ("data", opt.Type(str, default=DEFAULT_DATA)),
        # folders of the site's own UI string tables (<folder>/<language>.yaml)
        ("strings", Paths()),
        # the links at the foot of every page: a text in every language, and a page or a url
        ("footer", opt.ListOfItems(opt.Type(dict), default=[])),
        # the site's name in the tab of every page but the home pages: a text in every
        # language, at most 40 characters. Any value: the core checks it, and says how a
        # text per language is written where one text was given (explainer/chrome.py)
        ("short_name", opt.Optional(opt.Type(object))),
        # share cards: true (the default style), false (none), or their colours, logo and
        # cache folder (the core checks what they mean: explainer/outputs/cards.py)
        ("cards", opt.Type((bool, dict), default=True)),
        # an embeddable timeline in every language (embed/timeline/)
        ("embed", opt.Type(bool, default=True)),
        # the day (YYYY-MM-DD) the public history starts: updates before it, such as the
        # edits before a site's launch, are not shown (default: every update is)
        ("history_since", opt.Optional(opt.Type(datetime.date))),
    )


def explainer_options(settings: object) -> dict[str, Any]:
    """`extra.explainer`, validated, with every default filled in. Raises ConfigError with
    MkDocs' words, the key named: `Config value 'extra.explainer.data': Expected type:
    <class 'str'> but received: <class 'int'>`."""
    if settings is None:
        settings = {}
    if not isinstance(settings, Mapping):
        raise ConfigError(
            f"Config value '{KEY}': Expected a mapping of settings, but a "
            f"{type(settings)} was given."
        )
    options = LegacyConfig(_schema())
    options.load_dict(dict(settings))
    errors, warnings = options.validate()
    names = [name for name, _ in _schema()]
    problems = [f"Config value '{KEY}.{key}': {error}" for key, error in errors]
    problems += [  # an unknown name is an error here, not MkDocs' warning: nothing reads it
        f"Config value '{KEY}.{key}': {warning}"
        + (did_you_mean(key, names) or f"; known settings: {', '.join(names)}")
        for key, warning in warnings
    ]
    if problems:
        raise ConfigError("; ".join(problems))
    return dict(options)
