"""The generated pages' HTML, from Jinja templates with autoescaping on.

The templates ship in `explainer/templates/`; a site overrides any of them by putting a
file of the same name in one of its template folders (the MkDocs integration passes the
theme's `custom_dir` + `/explainer`, e.g. `overrides/explainer/event.html`), which may
extend the built-in one (`{% extends "builtin/event.html" %}`) and replace its blocks. Plain text
from the data is escaped by Jinja wherever it goes; what is already HTML (Markdown fields
through the safe renderer, pictures, links built here) is marked safe where it is made.

Each page's headings get ids as Python-Markdown's `toc` extension gives them (its slugify,
made unique per page), a permanent link if the site asks for one, and make up the page's
table of contents, so that a generated page looks and navigates like a written one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markdown.extensions.toc import slugify as markdown_slugify
from markdown.extensions.toc import unique
from markupsafe import Markup, escape

from explainer.strings import StringsError

#: a function from a heading's text (and the separator) to its id, as the `toc` extension
Slugify = Callable[[str, str], str]


@dataclass(frozen=True)
class HeadingStyle:
    """How headings look: the permanent link's symbol (None: no link) and the id maker."""

    permalink: str | None = "&para;"
    slugify: Slugify = markdown_slugify
    separator: str = "-"


@dataclass(frozen=True)
class Heading:
    """An entry of a page's table of contents."""

    level: int
    id: str
    title: str  # plain text
    children: tuple[Heading, ...] = ()


@dataclass
class Headings:
    """The headings of one page as it is rendered: unique ids, permanent links."""

    style: HeadingStyle
    permalink_title: str
    reserved: Iterable[str] = ()
    used: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.used = set(self.reserved)

    def __call__(
        self, level: int, text: Any, anchor: str | None = None, slug_of: str | None = None
    ) -> Markup:
        """`<hN id="...">text¶</hN>`; `text` is escaped unless it is Markup. The anchor is
        made of `slug_of` when given (a counted heading's `other` form), else of `text`."""
        content = escape(text)
        if anchor is None:
            plain = html.unescape(_TAG.sub("", escape(slug_of) if slug_of else content))
            anchor = unique(self.style.slugify(plain, self.style.separator), self.used)
        self.used.add(anchor)
        target = escape(anchor)
        link = ""
        if self.style.permalink is not None:
            title = escape(self.permalink_title)
            link = (
                f'<a class="headerlink" href="#{target}" title="{title}">{self.style.permalink}</a>'
            )
        return Markup(f'<h{level} id="{target}">{content}{link}</h{level}>')


_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)</h\1>', re.S)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]*>")


def table_of_contents(page_html: str) -> tuple[Heading, ...]:
    """The headings of rendered HTML, nested by level (what the `toc` extension builds)."""
    top: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for match in _HEADING.finditer(page_html):
        level = int(match.group(1))
        title = html.unescape(_TAG.sub("", _PERMALINK.sub("", match.group(3)))).strip()
        entry: dict[str, Any] = {"level": level, "id": match.group(2), "title": title, "c": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["c"] if stack else top).append(entry)
        stack.append(entry)

    def freeze(entry: dict[str, Any]) -> Heading:
        return Heading(
            entry["level"], entry["id"], entry["title"], tuple(freeze(c) for c in entry["c"])
        )

    return tuple(freeze(entry) for entry in top)


class TemplateError(Exception):
    """A template (most likely a site's own) cannot be read or rendered."""


def render(template_name: str, env: jinja2.Environment, values: dict[str, Any]) -> str:
    """The template rendered; a broken one raises TemplateError with its file and line."""
    try:
        return env.get_template(template_name).render(values)
    except jinja2.TemplateSyntaxError as error:
        where = error.filename or template_name
        raise TemplateError(
            f"{where}:{error.lineno}: the template cannot be read: {error.message}"
        ) from None
    except (jinja2.TemplateError, StringsError) as error:
        # StringsError: a site's template asks for a string it lacks, or for a counted
        # one without its count
        raise TemplateError(f"{_template_frame(error) or template_name}: {error}") from None


def _template_frame(error: BaseException) -> str | None:
    """`file:line` of the innermost template frame of a rendering error's traceback."""
    found = None
    frame = error.__traceback__
    while frame is not None:
        code = frame.tb_frame.f_code
        if code.co_filename.endswith((".html", ".xml", ".j2")):
            found = f"{code.co_filename}:{frame.tb_lineno}"
        frame = frame.tb_next
    return found


@lru_cache(maxsize=16)
def environment(override_dirs: tuple[Path, ...] = ()) -> jinja2.Environment:
    """The templates: a site's own first (same file name), then the built-in ones."""
    builtin = jinja2.PackageLoader("explainer", "templates")
    loaders: list[jinja2.BaseLoader] = []
    if override_dirs:
        loaders.append(jinja2.FileSystemLoader([str(d) for d in override_dirs]))
    # a site's `event.html` can extend the built-in one: {% extends "builtin/event.html" %}
    loaders += [builtin, jinja2.PrefixLoader({"builtin": builtin})]
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=True,  # a site's template edited under `mkdocs serve` is read anew
    )


def template_names(override_dirs: Sequence[Path] = ()) -> list[str]:
    return environment(tuple(override_dirs)).list_templates()
