"""`explainer new DIR --languages en,de`: a complete new explainer repository.

The files come from `explainer/skeleton/`. `files/` is copied as it is, with `%%NAME%%`
replaced; a name starting with `dot-` becomes a dotfile (a `.gitignore` or `.github/`
inside this package would act on the generator's own repository). `texts/<lang>.yaml`
holds each language's texts of the example: the configuration, the data file and the
hand-written pages are written from them. Every example text starts with its language's
`marker`, so that editors find each one left to replace.

Nothing is ever overwritten: the folder must be empty or absent, and every file is
created exclusively.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from explainer.chrome import FooterError, check_url
from explainer.contract import CONTRACT_VERSION
from explainer.schema import MODELINE, schema_path, site_schema_text
from explainer.strings import BUILTIN_DIR

SKELETON = Path(__file__).with_name("skeleton")
FILES = SKELETON / "files"
TEXTS = SKELETON / "texts"
#: the data file and the settings that name it, as a new site has them
DATA = "data/events.yaml"
EXECUTABLE = frozenset({".ci/run"})
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
#: the distribution, with the extra that pins everything a site needs (pyproject.toml)
DISTRIBUTION = "explainer"
REQUIREMENT_NAME = "explainer[site]"
EXAMPLE_REQUIREMENT = f"{REQUIREMENT_NAME} @ git+https://github.com/OWNER/explainer@v0.1.0"
#: the engines a site may build with (README, "Engines"), the default first; each but
#: MkDocs is an extra of the generator's (pyproject.toml) of the same name
ENGINES = ("mkdocs", "properdocs")
#: each engine's pins with their hashes, as `make lock` compiles them from the `site` extra
#: (and the engine's): a new site's requirements.txt
PINS = SKELETON / "pins"
#: the head of a new site's requirements.in and requirements.txt
REQUIREMENT_IN_HEAD = """\
# The explainer generator: the one line to change to take another release (README,
# "Upgrading the generator"), then `make lock`. `make` installs it alone (--no-deps); the
# packages it needs, requirements.txt pins with their hashes.
"""
REQUIREMENTS_TXT_HEAD = """\
# Every package this site builds and tests with, at the exact version its generator
# release (requirements.in) was tested with, each with the hashes pip checks its download
# against (`make` installs it with --require-hashes). Written by pip-tools: after a change
# to requirements.in, `make lock` writes it again (README, "Upgrading the generator").
"""
#: the publisher's links a new site's footer may have (`--imprint URL`, ...), in this
#: order, each with its text in every language (skeleton/texts, `footer.<kind>`) and the
#: beginning of the address it takes, for the example left to fill in
FOOTER_LINKS = {"imprint": "https://…", "privacy": "https://…", "contact": "mailto:…"}
#: in the new site's README when its requirements.in names a path on this computer
LOCAL_NOTE = """
**Before you push:** `requirements.in` names the generator by a path on the computer
that made this site, which GitHub cannot reach. Replace that line with an address it can
reach, such as `{example}`.
"""


class NewSiteError(Exception):
    """The new site cannot be written; the message is one line for the user."""


def built_in_languages() -> list[str]:
    """Languages with both UI strings and example texts in this generator."""
    strings = {path.stem for path in BUILTIN_DIR.glob("*.yaml")}
    texts = {path.stem for path in TEXTS.glob("*.yaml")}
    return sorted(strings & texts)


def parse_languages(text: str) -> tuple[str, ...]:
    """`en,de` -> ("en", "de"): each one known to this generator, none twice."""
    codes = [code.strip() for code in text.split(",") if code.strip()]
    if not codes:
        raise NewSiteError("name at least one language, e.g. --languages en,de")
    known = built_in_languages()
    for code in codes:
        if not LANGUAGE_CODE.match(code):
            raise NewSiteError(f"`{code}` is not a language code such as `en` or `de`")
        if codes.count(code) > 1:
            raise NewSiteError(f"`{code}` is named twice in --languages")
        if code not in known:
            raise NewSiteError(
                f"no UI strings for `{code}` (built in: {', '.join(known)}): translate "
                f"{BUILTIN_DIR / 'en.yaml'} into {code}.yaml, then add `{code}` to the new "
                'site as its README says ("Languages")'
            )
    return tuple(codes)


def parse_engine(engine: str) -> str:
    if engine not in ENGINES:
        raise NewSiteError(f"no engine `{engine}`: {', '.join(ENGINES)}")
    return engine


def _with_engine(line: str, engine: str) -> str:
    """The requirement with the engine's extra added to its own (`explainer[site]` ->
    `explainer[site,properdocs]`); MkDocs needs none."""
    if engine == ENGINES[0]:
        return line
    match = re.match(rf"{DISTRIBUTION}(?:\[([^\]]*)\])?", line)
    assert match is not None  # the line starts with the distribution's name
    extras = [extra.strip() for extra in (match.group(1) or "").split(",") if extra.strip()]
    if engine not in extras:
        extras.append(engine)
    return f"{DISTRIBUTION}[{','.join(extras)}]{line[match.end() :]}"


def requirement(spec: str | None = None, engine: str = ENGINES[0]) -> tuple[str, str | None]:
    """The line of the new site's requirements.in that installs this generator (with the
    engine's extra), and a note when it names a file on this computer (which the site's CI
    cannot reach).

    `spec` is given with --generator: a whole requirement (`explainer[site] @ ...`) or an
    address (`git+https://...@v0.1.0`). Without it, the line installs this very release
    from where it was installed (PEP 610's direct_url.json): a git commit, a wheel or a
    folder; from a package index, the same version.
    """
    if spec:
        spec = spec.strip()
        line = spec if spec.startswith(DISTRIBUTION) else f"{REQUIREMENT_NAME} @ {spec}"
    else:
        try:
            installed = distribution(DISTRIBUTION)
        except PackageNotFoundError:
            raise NewSiteError(
                "this generator runs from a checkout that is not installed, so it cannot "
                "say where the new site gets it: name it with --generator, e.g. "
                "--generator git+https://github.com/OWNER/explainer@v0.1.0"
            ) from None
        direct = installed.read_text("direct_url.json")
        if direct is None:
            line = f"{REQUIREMENT_NAME}=={installed.version}"
        else:
            info = json.loads(direct)
            url = info["url"]
            vcs = info.get("vcs_info")
            if vcs:
                line = f"{REQUIREMENT_NAME} @ {vcs['vcs']}+{url}@{vcs['commit_id']}"
            else:
                line = f"{REQUIREMENT_NAME} @ {url}"
    line = _with_engine(line, engine)
    note = None
    if "file:" in line:
        note = (
            "requirements.in names this generator by a path on this computer, which the "
            "site's CI cannot reach: before you push, replace that line with an address "
            f"it can reach, such as `{_with_engine(EXAMPLE_REQUIREMENT, engine)}`"
        )
    return line, note


def check_footer(footer: Mapping[str, str | None]) -> dict[str, str]:
    """The footer links given (`imprint` -> its address), each address checked."""
    checked = {}
    for kind, url in footer.items():
        if url is None:
            continue
        if kind not in FOOTER_LINKS:  # pragma: no cover - the command line names them
            raise NewSiteError(f"no footer link `{kind}`: {', '.join(FOOTER_LINKS)}")
        try:
            checked[kind] = check_url(url, f"--{kind}", in_config=False)
        except FooterError as error:
            raise NewSiteError(str(error)) from None
    return checked


def write_site(
    directory: Path,
    languages: Sequence[str],
    title: str | None = None,
    generator: str | None = None,
    footer: Mapping[str, str | None] | None = None,
    engine: str = ENGINES[0],
) -> tuple[list[str], str | None]:
    """Write the new repository; returns the files written (relative paths) and the note
    about its requirement, if any. `footer` gives the addresses of the publisher's links
    (`imprint`, `privacy`, `contact`); the others are written commented out, to fill in.
    `engine` builds and serves the site (`ENGINES`)."""
    engine = parse_engine(engine)
    links = check_footer(footer or {})
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise NewSiteError(
            f"{directory} is not an empty folder; explainer new writes only into an empty "
            "or a new one, and never overwrites a file"
        )
    line, note = requirement(generator, engine)
    files = site_files(languages, title, line, note, links, engine)
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        target = directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        if name in EXECUTABLE:
            target.chmod(0o755)
    return sorted(files), note


def site_files(
    languages: Sequence[str],
    title: str | None,
    requirement_line: str,
    note: str | None,
    footer: Mapping[str, str] | None = None,
    engine: str = ENGINES[0],
) -> dict[str, str]:
    """Every file of the new repository: its path (with `/`) and its text."""
    languages = list(languages)
    texts = {language: _texts(language) for language in languages}
    default = languages[0]
    site_title = title or texts[default]["site.name"]
    markers = _or_list([f"`{texts[lang]['marker']}` ({lang})" for lang in languages])
    values = {
        "TITLE": site_title,
        "LANGUAGE_NAMES": _and_list([_english_name(lang) for lang in languages]),
        "LANGUAGE_LIST": ", ".join(languages),
        "MARKERS": markers,
        "FIND_PLACEHOLDERS": "grep -rnF "
        + " ".join(f'-e "{texts[lang]["marker"]}"' for lang in languages)
        + f" mkdocs.yml {DATA} docs",
        "REQUIREMENT": requirement_line,
        "ENGINE": engine,
        "REQUIREMENT_NOTE": (
            LOCAL_NOTE.format(example=_with_engine(EXAMPLE_REQUIREMENT, engine)) if note else ""
        ),
        "TEXT_EXAMPLE": "title:\n" + "\n".join(f'  {lang}: "…"' for lang in languages),
        "CORRECTION_EXAMPLE": "\n".join(f'          {lang}: "…"' for lang in languages),
    }
    files: dict[str, str] = {}
    for path in sorted(FILES.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            name = "/".join(
                "." + part.removeprefix("dot-") if part.startswith("dot-") else part
                for part in path.relative_to(FILES).parts
            )
            files[name] = _fill(path.read_text(encoding="utf-8"), values, name)
    files["mkdocs.yml"] = _mkdocs_yml(languages, texts, title, footer or {})
    files[DATA] = data_yaml(languages, texts)
    files[schema_path(Path(DATA)).as_posix()] = site_schema_text(languages)
    files["requirements.in"] = f"{REQUIREMENT_IN_HEAD}{requirement_line}\n"
    files["requirements.txt"] = REQUIREMENTS_TXT_HEAD + (PINS / f"{engine}.txt").read_text(
        encoding="utf-8"
    )
    for language in languages:
        for page in ("index", "about"):
            own_title = title or texts[language]["site.name"]
            text = texts[language][f"page.{page}"].replace("%%TITLE%%", own_title)
            files[f"docs/{language}/{page}.md"] = text
    return files


def _texts(language: str) -> dict[str, str]:
    return yaml.safe_load((TEXTS / f"{language}.yaml").read_text(encoding="utf-8"))


def _fill(text: str, values: dict[str, str], name: str) -> str:
    for key, value in values.items():
        text = text.replace(f"%%{key}%%", value)
    left = re.search(r"%%[A-Z_]+%%", text)
    if left:  # pragma: no cover - a skeleton file names a value this module does not make
        raise AssertionError(f"{name}: no value for {left.group(0)}")
    return text


def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language, sep="-")
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def _own_name(language: str) -> str:
    """The language's name in itself, as the language menu shows it: `Deutsch`, `Français`."""
    name = _locale(language).get_display_name(language.replace("-", "_")) or language
    return name[:1].upper() + name[1:]


def _english_name(language: str) -> str:
    return _locale(language).get_display_name("en") or language


def _and_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _or_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _footer_yml(
    languages: list[str], texts: dict[str, dict[str, str]], footer: Mapping[str, str]
) -> str:
    """`extra.explainer.footer`: the links given, and the others commented out, marked
    with the default language's marker, each text in every language."""
    marker = texts[languages[0]]["marker"]
    lines = []
    if footer:
        lines += [
            "    # The publisher's links at the foot of every page, in each page's language",
            '    # (README, "Footer links").',
            "    footer:",
        ]
    else:
        lines += [
            f"    # {marker} The publisher's links at the foot of every page, in each page's",
            '    # language (README, "Footer links"): uncomment those the publisher has and',
            "    # give their addresses."
            + (" A German site must link its imprint (Impressum)." if "de" in languages else ""),
            "    # footer:",
        ]
    for kind, example in FOOTER_LINKS.items():
        words = [f"{lang}: {_quoted(texts[lang][f'footer.{kind}'])}" for lang in languages]
        entry = [f"      - text: {{{', '.join(words)}}}"]
        if len(entry[0]) + 2 > 92:  # one line per language, as the data file has them
            entry = ["      - text:"] + [f"          {words_line}" for words_line in words]
        entry.append(f"        url: {_quoted(footer.get(kind, example))}")
        if kind not in footer:
            # commented out so that deleting "# " leaves the entry where YAML wants it
            column = 6 if footer else 4
            if footer:
                lines.append(f"{' ' * column}# {marker} uncomment, with the {kind} address:")
            entry = [line[:column] + "# " + line[column:] for line in entry]
        lines += entry
    return "\n".join(lines)


def _short_name_yml(languages: list[str], texts: dict[str, dict[str, str]]) -> str:
    """`extra.explainer.short_name`, commented out: an example in every language, marked
    with the default language's marker."""
    marker = texts[languages[0]]["marker"]
    words = [f"{lang}: {_quoted(texts[lang]['short_name'])}" for lang in languages]
    entry = [f"    # short_name: {{{', '.join(words)}}}"]
    if len(entry[0]) > 92:  # one line per language, as the footer's texts
        entry = ["    # short_name:"] + [f"    #   {line}" for line in words]
    return "\n".join(
        [
            f"    # {marker} The site's name in the browser's tab of every page but the home",
            '    # pages, at most 40 characters in each language (README, "Short name in the',
            '    # tab"); without it, every tab names the site in full:',
            *entry,
        ]
    )


def _mkdocs_yml(
    languages: list[str],
    texts: dict[str, dict[str, str]],
    title: str | None,
    footer: Mapping[str, str],
) -> str:
    default = languages[0]
    t = texts[default]
    entries = []
    for language in languages:
        lines = [f"        - locale: {language}"]
        if language == default:
            lines.append("          default: true")
        lines += [f"          name: {_quoted(_own_name(language))}", "          build: true"]
        if language != default:
            own = texts[language]
            if title is None:
                lines.append(f"          site_name: {_quoted(own['site.name'])}")
            lines += [
                f"          site_description: {_quoted(own['site.description'])}",
                "          theme:",
                "            palette:",
                f"              - toggle: {{name: {_quoted(own['palette.to_dark'])}}}",
                f"              - toggle: {{name: {_quoted(own['palette.to_light'])}}}",
            ]
        entries.append("\n".join(lines))
    site_name = title if title is not None else t["site.name"]
    return f"""\
# The site's configuration. The pages under timeline/, events/, actors/, glossary/ and
# figures/ are made from {DATA} by the generator's hooks (hooks/explainer_mkdocs.py);
# docs/<language>/ holds the hand-written ones. README.md explains the settings.
site_name: {_quoted(site_name)}
site_description: {_quoted(t["site.description"])}
# The deploy workflow sets SITE_URL (canonical links, hreflang and the sitemap need it).
site_url: !ENV [SITE_URL, ""]
# The repository where readers propose corrections, linked in every page's header; the
# workflows set REPO_URL.
repo_url: !ENV [REPO_URL, ""]
docs_dir: docs
strict: true

theme:
  name: material
  # this site's own templates, none at first: the generator's come from its package
  # (overrides/README.md)
  custom_dir: overrides
  language: {default}
  # no web fonts: no request leaves the site
  font: false
  # light and dark schemes, with a toggle
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: indigo
      toggle:
        icon: material/brightness-4
        name: {_quoted(t["palette.to_dark"])}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: indigo
      toggle:
        icon: material/brightness-7
        name: {_quoted(t["palette.to_light"])}
  features:
    - navigation.top
    - search.highlight
    - content.tooltips

plugins:
  - search
  - i18n:
      docs_structure: folder
      # Its search de-duplication is quadratic in the number of pages.
      reconfigure_search: false
      languages:
{chr(10).join(entries)}

hooks:
  - hooks/explainer_mkdocs.py

markdown_extensions:
  - attr_list
  - toc:
      permalink: true
      # heading ids keep German's letters spelled out (`aussenministerium`)
      slugify: !!python/name:explainer.slugs.slugify

extra:
  explainer:
    data: {DATA}
    # Every page gets a share card (a 1200 x 630 picture for link previews, drawn in the
    # build and kept in .cache/explainer-cards), and each language an embeddable
    # timeline (embed/timeline/): README, "Share cards and embedding". Their colours and
    # logo, or `cards: false`, `embed: false` to make none:
    # cards:
    #   background: "#1a237e"
    #   text: "#ffffff"
    #   accent: "#9fa8da"
    #   logo: overrides/logo.png
{_footer_yml(languages, texts, footer)}
{_short_name_yml(languages, texts)}

nav:
  - index.md
  - timeline.md
  - figures.md
  - actors/index.md
  - glossary.md
  - changes.md
  - about.md
"""


def _localized(
    field: str, texts: dict[str, dict[str, str]], key: str, indent: int, item: bool = False
) -> str:
    """`field:` (`- field:` as a list's item) with the text under `key` in every language,
    one line per language; a long text as a folded block, one with paragraphs as a literal
    block with a line per paragraph (as this project's own data file has them)."""
    pad = " " * indent
    lines = [f"{pad}- {field}:" if item else f"{pad}{field}:"]
    child = pad + ("    " if item else "  ")
    inner = child + "  "
    width = max(40, 92 - len(inner))
    for language, table in texts.items():
        text = table[key]
        if "\n" in text:
            lines.append(f"{child}{language}: |-")
            for paragraph_number, paragraph in enumerate(text.split("\n\n")):
                if paragraph_number:
                    lines.append("")
                lines.append(inner + paragraph)
        elif len(child) + len(language) + len(_quoted(text)) + 2 <= 92:
            lines.append(f"{child}{language}: {_quoted(text)}")
        else:
            lines.append(f"{child}{language}: >-")
            lines += [inner + part for part in _wrap(text, width)]
    return "\n".join(lines)


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def data_yaml(languages: Sequence[str], texts: dict[str, dict[str, str]] | None = None) -> str:
    """The example data file: an actor of each kind, a term, an event of each type with a
    quote and a figure, every text in every language and marked as an example."""
    texts = {lang: (texts or {}).get(lang) or _texts(lang) for lang in languages}
    markers = _or_list([f"{texts[lang]['marker']} ({lang})" for lang in languages])

    def loc(field: str, key: str, indent: int, item: bool = False) -> str:
        return _localized(field, texts, key, indent, item)

    comment = textwrap.fill(
        "The data of this explainer: its actors, its glossary and its events. Editors "
        "write it (CONTRIBUTING.md explains every field); the timeline, the event, actor, "
        "glossary and figures pages, the feeds and the calendars are built from it. Every "
        f"text below is an example to replace; it starts with {markers}.",
        88,
        initial_indent="# ",
        subsequent_indent="# ",
        break_on_hyphens=False,
    )
    return "\n".join(
        [
            MODELINE.format(schema=schema_path(Path(DATA)).name),
            "#",
            comment,
            "",
            "# The version of the data contract this file is written for (the generator's",
            "# CHANGELOG.md names the version each release reads).",
            f"version: {CONTRACT_VERSION}",
            "",
            "actors:",
            "  example-person:",
            loc("name", "person.name", 4),
            "    kind: person",
            loc("role", "person.role", 4),
            "    member_of: example-institution",
            "  example-institution:",
            loc("name", "institution.name", 4),
            "    kind: institution",
            loc("description", "institution.description", 4),
            "  example-group:",
            loc("name", "group.name", 4),
            "    kind: group",
            loc("description", "group.description", 4),
            "",
            "glossary:",
            "  example-term:",
            loc("term", "term.term", 4),
            loc("definition", "term.definition", 4),
            "",
            "# Oldest first. An event known only by its month (`2026-02`) comes after the dated",
            "# events of that month.",
            "events:",
            "  example-call:",
            "    type: call",
            "    date: 2026-01-12",
            "    participants: [example-person, example-group]",
            loc("title", "call.title", 4),
            loc("summary", "call.summary", 4),
            loc("body", "call.body", 4),
            "    terms: [example-term]",
            "    sources:",
            loc("title", "call.source", 6, item=True),
            loc("publisher", "call.publisher", 8),
            "  example-statement:",
            "    type: statement",
            "    date: 2026-01-15",
            "    participants: [example-institution]",
            loc("title", "statement.title", 4),
            loc("summary", "statement.summary", 4),
            "    quotes:",
            "      - by: example-institution",
            loc("text", "statement.quote", 8),
            "    figures:",
            "      - by: example-institution",
            loc("label", "statement.figure", 8),
            "        value: 40",
            "        unit: percent",
            "        qualifier: about",
            "    related: [example-call]",
            "    sources:",
            loc("title", "call.source", 6, item=True),
            "  example-meeting:",
            "    type: meeting",
            "    date: 2026-02",
            "    status: scheduled",
            "    participants: [example-person, example-group]",
            loc("place", "meeting.place", 4),
            loc("title", "meeting.title", 4),
            loc("summary", "meeting.summary", 4),
            "",
        ]
    )
