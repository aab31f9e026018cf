"""Glossary terms in running text: find them, and link their first mention on each page.

Works on a page's finished HTML, so hand-written and generated pages are treated alike.
Matching is per language, case-insensitive, longest form first ("tariff quota" before
"tariff"), on word boundaries: a hyphen is a boundary ("Fentanyl-Beschlagnahmungen"
mentions "Fentanyl"), a letter is not ("Zoll" is not in "Zollkontingent"). Text inside
headings, links, code and the term's own glossary entry is never linked. Nor is the
generator's list of facts ("Type: Phone call", "Place: …") or an event's date-and-type line:
a term's first link belongs in the prose that follows them; a term named there still
counts as mentioned on the page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from explainer.markup import render_markdown
from explainer.model import Story
from explainer.typography import keep_together, month_names

#: elements whose text is never linked
_NO_LINK = frozenset(
    ["a", "abbr", "button", "code", "kbd", "label", "math", "option", "pre", "samp"]
    + ["script", "select", "style", "svg", "textarea", "title"]
    + [f"h{level}" for level in range(1, 7)]
)
#: an open element on a walker's stack: a tuple whose first item is its tag's name
_Entry = TypeVar("_Entry", bound=tuple[Any, ...])
#: elements without an end tag
VOID_ELEMENTS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"]
    + ["track", "wbr"]
)
#: splits a page's HTML into text (even indexes) and tags, comments, doctypes (odd ones)
HTML_TOKENS = re.compile(r"(<!--.*?-->|<![^>]*>|<[^>]*>)", re.DOTALL)
#: a tag's name, and `/` for an end tag (no match: a comment or doctype)
TAG = re.compile(r"^<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9-]*)")
_OWN_TERM = re.compile(r'\sdata-explainer-term="([^"]*)"')
_LABELS = re.compile(r"\sdata-explainer-labels(?=[\s/>=])")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ„“\"(])")

#: the attribute that marks a glossary entry: its own term is not linked inside it
OWN_TERM_ATTRIBUTE = "data-explainer-term"
#: the attribute that marks labels and facts, not prose: terms there are never linked
LABELS_ATTRIBUTE = "data-explainer-labels"


#: a period that ends an abbreviation, not a sentence: an initial or a single letter
#: ("J. Smith", "z. B.", "u. a."), letters each with its period ("U.S.", "e.g.", "i.e."),
#: or a word the languages abbreviate
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:(?:\w\.)*\w|Dr|Prof|Nr|St|Mr|Mrs|Ms|Gen|Sen|Rep|Jr|vs|ca|cf|bzw|usw"
    r"|etc|vgl|Vgl|ggf|sog|Abs|Art|Mio|Mrd)\.$"
)
_ORDINAL = re.compile(r"(?:^|\s)\d{1,2}\.$")


def short_definition(definition_markdown: str, language: str = "en") -> str:
    """The first sentence of a definition, as plain text: it ends at a period, question
    or exclamation mark followed by a capital, but not after an abbreviation, nor after a
    day's number before its month ("am 23. Januar 2026": German writes the day with a
    period, and its month with a capital)."""
    text = re.sub(r"<[^>]+>", "", render_markdown(definition_markdown))
    text = " ".join(html.unescape(text).split())
    months = month_names(language)
    for end in _SENTENCE_END.finditer(text):
        before, after = text[: end.start()], text[end.end() :]
        if _ABBREVIATION.search(before):
            continue
        if _ORDINAL.search(before) and after.split(" ", 1)[0].rstrip(",.;:") in months:
            continue
        return before
    return text


def trie_pattern(forms: Iterable[str], escape: Callable[[str], str] = re.escape) -> str:
    """One regular expression for many literal forms, as a prefix trie.

    A plain alternation `a|b|c...` makes the regex engine try every form at every position
    of the text, so linking cost grew with the size of the glossary (a 1,000-form glossary
    made each page 8 times slower to link than a 120-form one). As a trie, each position
    costs at most the length of the longest form. At every branch the longer continuation
    is tried before the form that ends there, so the longest form wins, as in an alternation
    sorted longest first. `escape` writes a run of literal characters as a pattern.
    """
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here

    def emit(node: dict[str, dict]) -> str:
        branches = []
        for char in sorted(key for key in node if key):
            child, run = node[char], [char]
            while len(child) == 1 and "" not in child:  # a chain without branches
                ((char, child),) = child.items()
                run.append(char)
            branches.append(escape("".join(run)) + emit(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@dataclass
class TermMatcher:
    """Every form (term and aliases) of every glossary term in one language."""

    forms: dict[str, str]  # casefolded form -> term id
    tooltips: dict[str, str]
    pattern: re.Pattern[str] | None = field(default=None)

    @classmethod
    def for_language(
        cls, story: Story, language: str, date_months: Sequence[str] = ()
    ) -> TermMatcher:
        return cls.from_forms(
            {
                term.id: [term.term[language], *term.aliases.get(language, ())]
                for term in story.glossary.values()
            },
            {
                # typeset as the page is (no-break spaces in dates and amounts): a tooltip
                # is text the reader reads too
                term.id: keep_together(
                    short_definition(term.definition[language], language), language, date_months
                )
                for term in story.glossary.values()
            },
        )

    @classmethod
    def from_forms(
        cls, forms_by_term: dict[str, list[str]], tooltips: dict[str, str]
    ) -> TermMatcher:
        """`forms_by_term`: term id -> its headword and aliases; the first term to claim a
        form keeps it."""
        forms: dict[str, str] = {}
        spelled: set[str] = set()
        for term_id, term_forms in forms_by_term.items():
            for form in term_forms:
                forms.setdefault(form.casefold(), term_id)
                # Lower case, not casefolded, for the pattern: casefolding turns "ß" into
                # "ss", which re.IGNORECASE would then never match against "ß" in a text.
                spelled.add(form.lower())
        pattern = None
        if spelled:
            pattern = re.compile(r"(?<!\w)" + trie_pattern(spelled) + r"(?!\w)", re.IGNORECASE)
        return cls(forms, dict(tooltips), pattern)

    def mentions(self, text: str) -> Iterable[tuple[re.Match[str], str]]:
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            term_id = self.forms.get(match.group(0).casefold())
            if term_id is not None:
                yield match, term_id


@dataclass
class LinkedPage:
    html: str
    mentioned: list[str]  # term ids, in order of first mention


def tag_change(token: str) -> tuple[bool, str] | None:
    """What a tag token does to the open elements: `(True, name)` for an end tag,
    `(False, name)` for a start tag that opens an element; None for a comment, a doctype,
    a void element or a self-closing tag, which open nothing."""
    tag = TAG.match(token)
    if tag is None:
        return None
    closing, name = bool(tag.group(1)), tag.group(2).lower()
    if not closing and (name in VOID_ELEMENTS or token.endswith("/>")):
        return None
    return closing, name


def close_element(stack: list[_Entry], name: str) -> list[_Entry]:
    """The open elements that the end tag `</name>` closes, taken off `stack` (whose
    entries start with their tag's name): its element and any left open inside it; none
    for an end tag whose start is not open."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == name:
            closed = stack[depth:]
            del stack[depth:]
            return closed
    return []


def link_terms(page_html: str, matcher: TermMatcher, glossary_href: str) -> LinkedPage:
    """Link the first mention of each term; report every term the page mentions.

    `glossary_href` is the glossary page's URL relative to this page ("" for itself).
    """
    out: list[str] = []
    stack: list[tuple[str, bool, str | None, bool]] = []  # (tag, no_link, own term, labels)
    no_link = 0  # how many open elements forbid links
    in_labels = 0  # how many open elements hold labels: mentions count, links wait
    own_terms: list[str] = []  # terms whose own glossary entry is open
    linked: set[str] = set()
    mentioned: dict[str, None] = {}
    for token in HTML_TOKENS.split(page_html):
        if not token:
            continue
        if token[0] == "<":
            out.append(token)
            change = tag_change(token)
            if change is None:
                continue  # a comment, a doctype, an element that opens nothing
            closing, name = change
            if closing:
                for _, forbids, own, labels in close_element(stack, name):
                    no_link -= forbids
                    in_labels -= labels
                    if own:
                        own_terms.remove(own)
            else:
                own_match = _OWN_TERM.search(token) if "data-explainer-term" in token else None
                own = own_match.group(1) if own_match else None
                forbids = name in _NO_LINK
                labels = LABELS_ATTRIBUTE in token and _LABELS.search(token) is not None
                stack.append((name, forbids, own, labels))
                no_link += forbids
                in_labels += labels
                if own:
                    own_terms.append(own)
            continue
        if no_link:
            out.append(token)
            continue
        text = html.unescape(token)
        pieces: list[str] = []
        position = 0
        for match, term_id in matcher.mentions(text):
            mentioned.setdefault(term_id)
            if in_labels or term_id in linked or term_id in own_terms:
                continue
            linked.add(term_id)
            pieces.append(html.escape(text[position : match.start()], quote=False))
            href = html.escape(f"{glossary_href}#{term_id}")
            tooltip = html.escape(matcher.tooltips[term_id])
            pieces.append(
                f'<a class="explainer-term" href="{href}" title="{tooltip}">'
                f"{html.escape(match.group(0), quote=False)}</a>"
            )
            position = match.end()
        if not pieces:
            out.append(token)
            continue
        pieces.append(html.escape(text[position:], quote=False))
        out.append("".join(pieces))
    return LinkedPage("".join(out), list(mentioned))
