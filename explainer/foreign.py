"""Words of another language in a page: mark them with their language (`lang`).

A screen reader reads a page in its language's voice; "Secretaría de Seguridad y Protección
Ciudadana" read with English rules, or "State Department" with German ones, is hard to
understand. The data file lists such names and terms per language (`foreign_words`); on a
page in another language each whole-word occurrence is wrapped in `<span lang="…">`, or, if
an inline element such as `<em>` wraps exactly the phrase, that element gets the attribute.

Works on a page's finished HTML, as the glossary's links do (explainer/terms.py), so
hand-written and generated pages are treated alike. Matching is case-sensitive and whole
word (a letter before or after is not a boundary: "mañanera" is not in "Mañaneras");
the longest phrase wins where phrases overlap; a space in a phrase matches any run of
whitespace, since the typography pass binds some words with no-break spaces. Text inside
code, scripts, styles, titles, SVG, form fields and any element that has its own `lang`
is left alone, and so are attributes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from explainer.terms import HTML_TOKENS, TAG, close_element, tag_change, trie_pattern

#: elements whose text is never marked: not prose, cannot hold a span, or not the page's
_NO_MARK = frozenset(
    ["code", "kbd", "math", "option", "pre", "samp", "script", "select", "style", "svg"]
    + ["template", "textarea", "title"]
)
#: inline elements that take the attribute themselves when they wrap exactly a phrase
#: (not `a` or `abbr`: their `title` is in the page's language, and `lang` would cover it)
_WRAPPERS = frozenset(["b", "cite", "dfn", "em", "i", "mark", "q", "s", "small", "span"])
_WRAPPERS |= frozenset(["strong", "u"])
_LANG = re.compile(r"\slang\s*=", re.IGNORECASE)
_TITLE = re.compile(r"\stitle\s*=", re.IGNORECASE)
#: a letter: phrases start and end at a boundary between a letter and a non-letter
_LETTER = r"[^\W\d_]"


def primary_language(code: str) -> str:
    """`de` of `de-AT`: a phrase in `en-US` is not foreign on an `en` page."""
    return code.split("-", 1)[0].lower()


def _spaced(run: str) -> str:
    return r"\s+".join(re.escape(part) for part in run.split(" "))


@dataclass(frozen=True)
class ForeignWords:
    """Every listed phrase of every language, in one pattern (built once per site)."""

    languages: dict[str, str]  # phrase, its spaces single -> its language code
    pattern: re.Pattern[str] | None

    @classmethod
    def from_lists(cls, foreign_words: Mapping[str, Sequence[str]]) -> ForeignWords:
        """`foreign_words`: language code -> phrases; the first language to list a phrase
        keeps it (validation reports the second)."""
        languages: dict[str, str] = {}
        for language, phrases in foreign_words.items():
            for phrase in phrases:
                key = " ".join(phrase.split())
                if key:
                    languages.setdefault(key, language)
        pattern = None
        if languages:
            body = trie_pattern(languages, escape=_spaced)
            pattern = re.compile(rf"(?<!{_LETTER})(?:{body})(?!{_LETTER})")
        return cls(languages, pattern)

    def foreign(self, text: str, language: str) -> list[tuple[int, int, str]]:
        """(start, end, language) of each phrase in `text` not in `language`."""
        if self.pattern is None:
            return []
        own = primary_language(language)
        found = []
        for match in self.pattern.finditer(text):
            phrase_language = self.languages.get(" ".join(match.group(0).split()))
            if phrase_language is not None and primary_language(phrase_language) != own:
                found.append((match.start(), match.end(), phrase_language))
        return found


def _with_lang(start_tag: str, name_end: int, language: str) -> str:
    return f'{start_tag[:name_end]} lang="{html.escape(language)}"{start_tag[name_end:]}'


def mark_foreign(page_html: str, words: ForeignWords, language: str) -> str:
    """The page's HTML with every phrase of another language than `language` marked."""
    if words.pattern is None:
        return page_html
    tokens = HTML_TOKENS.split(page_html)  # text at even indexes, tags and comments at odd ones
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, forbids marking)
    no_mark = 0
    for index, token in enumerate(tokens):
        if index % 2:
            out.append(token)
            change = tag_change(token)
            if change is None:
                continue  # a comment, a doctype, an element that opens nothing
            closing, name = change
            if closing:
                no_mark -= sum(forbids for _, forbids in close_element(stack, name))
            else:
                forbids = name in _NO_MARK or _LANG.search(token) is not None
                stack.append((name, forbids))
                no_mark += forbids
            continue
        if no_mark or not token:
            out.append(token)
            continue
        text = html.unescape(token)
        found = words.foreign(text, language)
        if not found:
            out.append(token)
            continue
        (start, end, phrase_language), *_ = found
        if len(found) == 1 and start == 0 and end == len(text) and stack:
            # exactly the phrase inside an inline element: the element gets the attribute
            name, opening = stack[-1][0], tokens[index - 1]
            closing = tokens[index + 1] if index + 1 < len(tokens) else ""
            tag = TAG.match(opening)
            if (
                name in _WRAPPERS
                and tag is not None
                and not tag.group(1)
                and tag.group(2).lower() == name
                and _TITLE.search(opening) is None
                and re.fullmatch(rf"</\s*{name}\s*>", closing, re.IGNORECASE)
            ):
                out[-1] = _with_lang(opening, tag.end(), phrase_language)
                out.append(token)
                continue
        pieces: list[str] = []
        position = 0
        for start, end, phrase_language in found:
            pieces.append(html.escape(text[position:start], quote=False))
            pieces.append(
                f'<span lang="{html.escape(phrase_language)}">'
                f"{html.escape(text[start:end], quote=False)}</span>"
            )
            position = end
        pieces.append(html.escape(text[position:], quote=False))
        out.append("".join(pieces))
    return "".join(out)
