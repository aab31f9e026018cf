"""The generator's stylesheet: the dark scheme changes colours only, so that what the
browser tests measure in the light scheme (text sizes, positions) holds in both."""

from __future__ import annotations

import re
from pathlib import Path

import explainer

CSS = Path(explainer.__file__).parent / "assets" / "explainer.css"
#: the properties a colour scheme may set: colours, and custom properties holding colours
COLOUR = re.compile(r"--[\w-]+|color|background(-color)?|fill|stroke|border(-\w+)?-color|opacity")
HEX = re.compile(r"#[0-9a-fA-F]{3,8}")


def scheme_rules(css: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each rule whose selector names a colour scheme, with its declarations."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if "color-scheme" in selector:
            declarations = [
                tuple(part.strip() for part in line.split(":", 1))
                for line in body.split(";")
                if ":" in line
            ]
            rules.append((" ".join(selector.split()), declarations))
    return rules


def test_the_dark_scheme_changes_colours_only() -> None:
    rules = scheme_rules(CSS.read_text(encoding="utf-8"))
    assert rules, "the stylesheet has no rule for the dark scheme"
    for selector, declarations in rules:
        for prop, value in declarations:
            assert COLOUR.fullmatch(prop), f"{selector} sets {prop}"
            if prop.startswith("--"):
                assert HEX.fullmatch(value), f"{selector} sets {prop} to {value}, not a colour"


def test_a_size_in_the_dark_scheme_would_be_found() -> None:
    css = '[data-md-color-scheme="slate"] .x { --c: #fff; font-size: 20px }'
    [(_, declarations)] = scheme_rules(css)
    assert [prop for prop, _ in declarations if not COLOUR.fullmatch(prop)] == ["font-size"]
