"""Command line: `explainer validate | render | schema | new-event | drift | new` (also
`python -m explainer ...`). It reads mkdocs.yml as a build does, through MkDocs' own
loader (`mkdocs_explainer.configuration`), and builds nothing: the pages it renders come
from the core alone."""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from explainer.drift import Drift, UnreadableData, find_drift
from explainer.loader import load_file
from explainer.problems import DataError, Problem, counted
from explainer.scaffold import TYPES, ScaffoldError, add_event
from explainer.schema import schema_path, site_schema_text, stale_schema
from explainer.site import ConfigError, Explainer, PageRef, SiteConfig
from explainer.starter import ENGINES, FOOTER_LINKS, NewSiteError, parse_languages, write_site
from explainer.strings import StringsError
from explainer.templating import TemplateError
from explainer.urls import relative_url
from explainer.validate import display_name, find_problems
from explainer.views.base import GLOSSARY


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explainer",
        description="Check and render an explainer site's data, or start a new site.",
    )
    parser.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the site's mkdocs.yml (default: ./mkdocs.yml)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser(
        "validate",
        help="check the data file: errors, then warnings; exit 1 on errors (and on warnings "
        "with --strict)",
    )
    validate.add_argument(
        "--github",
        action="store_true",
        help="also print each problem as a GitHub Actions annotation (error or warning)",
    )
    validate.add_argument("--strict", action="store_true", help="fail on warnings too (exit 1)")
    render = commands.add_parser(
        "render",
        help="write every generated page as an HTML fragment at its address, and the "
        "hand-written pages as Markdown, one folder per language",
    )
    render.add_argument("--out", type=Path, required=True, help="the folder to write to")
    schema = commands.add_parser(
        "schema",
        help="write the site's JSON Schema for editors' tools beside its data file, for the "
        "languages in mkdocs.yml",
    )
    schema.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the schema or the data file's modeline is out of date",
    )
    new = commands.add_parser(
        "new", help="write a new explainer repository into an empty or absent folder"
    )
    new.add_argument("directory", type=Path, help="the new repository's folder")
    new.add_argument(
        "--languages", required=True, help="the site's languages, the default first: en,de"
    )
    new.add_argument("--title", help="the site's name (default: a placeholder per language)")
    new.add_argument(
        "--engine",
        choices=ENGINES,
        default=ENGINES[0],
        help="what builds and serves the site, in its Makefile and workflows: MkDocs 1.6 or "
        "ProperDocs, the continuation of MkDocs 1.x (default: %(default)s)",
    )
    new.add_argument(
        "--generator",
        help="what the new site's requirements.in installs this generator from, e.g. "
        "git+https://github.com/OWNER/explainer@v0.1.0 (default: where this one came from)",
    )
    for kind, what in (
        ("imprint", "the publisher's imprint (legal notice, Impressum)"),
        ("privacy", "the privacy policy"),
        ("contact", "the contact page, or mailto:address"),
    ):
        new.add_argument(
            f"--{kind}",
            metavar="URL",
            help=f"the address of {what}, linked at the foot of every page "
            "(default: left in mkdocs.yml to fill in)",
        )
    new_event = commands.add_parser(
        "new-event", help="add an event with every required field, texts left to fill in"
    )
    new_event.add_argument("id", help="the new event's id, e.g. ministers-meet-again")
    new_event.add_argument("--type", required=True, choices=TYPES)
    new_event.add_argument("--date", required=True, help="YYYY-MM-DD, or YYYY-MM")
    new_event.add_argument(
        "--participant", action="append", required=True, help="an actor id (repeat for more)"
    )
    drift = commands.add_parser(
        "drift", help="texts changed in some languages but not in the others, against git"
    )
    drift.add_argument(
        "--base", default="origin/main", help="the git revision to compare with (origin/main)"
    )
    drift.add_argument(
        "--github", action="store_true", help="also print GitHub warning annotations"
    )
    return parser


def _site_config(config_file: Path) -> SiteConfig:
    """The site's settings, read as `mkdocs build` reads them (imported here: the other
    commands need no MkDocs)."""
    from mkdocs_explainer.configuration import read_site_config

    return read_site_config(config_file)


def _load(config_file: Path, history: bool) -> Explainer:
    return Explainer.load(_site_config(config_file), history=history)


def _render(explainer: Explainer, out: Path) -> int:
    """Every generated page as an HTML fragment (its content, without a site's shell) at
    its address, `<lang>/events/x/index.html`, so that its relative links resolve; the
    hand-written pages as Markdown with their blocks filled in."""
    count = 0
    docs_dir, urls = explainer.config.docs_dir, explainer.urls
    for language in explainer.config.languages:
        pages = explainer.pages(language)
        glossary = urls.page(urls.default, GLOSSARY)
        refs = [
            PageRef(
                page.path, page.title, relative_url(urls.page(urls.default, page.path), glossary)
            )
            for page in pages
            if page.path.startswith("events/")
        ]
        for page in pages:
            content = page.html
            if page.path == GLOSSARY:
                content = explainer.fill_appears_in(language, content, refs)
            target = out / language / urls.page(urls.default, page.path) / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
            count += 1
        source_dir = docs_dir / language
        for source in sorted(source_dir.rglob("*.md")) if source_dir.is_dir() else []:
            path = source.relative_to(source_dir).as_posix()
            text = explainer.expand_blocks(
                language, source.read_text(encoding="utf-8-sig"), path, display_name(source)
            )
            target = out / language / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            count += 1
    return count


def _new_event(args: argparse.Namespace) -> int:
    config = _site_config(args.config_file)
    try:
        line = add_event(
            config.data_path, config.languages, args.id, args.type, args.date, args.participant
        )
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    name = display_name(config.data_path)
    print(f"{name}:{line}: added the event `{args.id}`; write its texts in every language:")
    _, problems = find_problems(config.data_path, config.languages)
    for problem in problems:
        if not problem.is_warning:  # what the new event lacks; `validate` says the rest
            print(f"  {problem}")
    return 0


def _report(problems: Sequence[Problem], github: bool) -> None:
    """Each problem as a located line on stderr, and as an annotation on stdout."""
    for problem in problems:
        print(problem, file=sys.stderr)
        if github:
            print(problem.github_annotation())


def _git(args: list[str], cwd: Path | str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=check)


def _drift(args: argparse.Namespace) -> int:
    config = _site_config(args.config_file)
    path = config.data_path.resolve()
    name = display_name(config.data_path)
    try:
        root = _git(["rev-parse", "--show-toplevel"], path.parent).stdout.strip()
        relative_path = path.relative_to(Path(root).resolve()).as_posix()
        verify = ["rev-parse", "--verify", "--quiet", f"{args.base}^{{commit}}"]
        if _git(verify, root, check=False).returncode != 0:
            raise ValueError(f"git knows no revision `{args.base}` (fetch it first?)")
    except (OSError, ValueError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        print(f"cannot read {path.name} at {args.base}: {detail.strip()}", file=sys.stderr)
        return 2
    try:
        base = _git(["show", f"{args.base}:{relative_path}"], root).stdout
    except (OSError, subprocess.CalledProcessError):
        # the revision exists (checked above) but has no such file: a pull request that
        # adds the data file has nothing to drift from
        print(
            f"{name} does not exist at {args.base} (a new data file): no drift report",
            file=sys.stderr,
        )
        return 0
    loaded = load_file(config.data_path, name)
    try:
        drifts = find_drift(
            base, loaded, config.languages, base_name=f"{args.base}:{relative_path}"
        )
    except UnreadableData as error:
        if error.side == "base":
            print(
                f"the data file at {args.base} cannot be read: {error}; no drift report",
                file=sys.stderr,
            )
            return 0
        for problem in error.problems:
            print(problem, file=sys.stderr)
            if args.github:
                print(problem.github_annotation())
        print(f"{name} cannot be read, so drift cannot be judged; fix it first.", file=sys.stderr)
        return 1
    for drift in drifts:
        print(drift, file=sys.stderr)
        if args.github:
            print(drift.github_annotation())
    count = sum(1 for drift in drifts if isinstance(drift, Drift))
    print(
        f"{count} text{'s' if count != 1 else ''} changed in only some languages "
        f"(compared with {args.base})."
    )
    removed = len(drifts) - count
    if removed:
        print(
            f"{removed} published correction{'s' if removed != 1 else ''} removed "
            f"(compared with {args.base}); put {'them' if removed != 1 else 'it'} back."
        )
    return 0


def _schema(args: argparse.Namespace) -> int:
    try:
        config = _site_config(args.config_file)
    except (ConfigError, OSError) as error:
        print(f"{args.config_file}: {error}", file=sys.stderr)
        return 2
    path, languages = schema_path(config.data_path), ", ".join(config.languages)
    data_name = display_name(config.data_path)
    if not args.check:
        path.write_text(site_schema_text(config.languages), encoding="utf-8", newline="\n")
        print(f"wrote {display_name(path)}: the schema of {data_name} for {languages}")
    problems = stale_schema(config.data_path, config.languages, data_name)
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.check and not problems:
        print(f"{display_name(path)}: the schema of {data_name} for {languages}: current")
    return 1 if problems else 0


def _new(args: argparse.Namespace) -> int:
    try:
        languages = parse_languages(args.languages)
        footer = {kind: getattr(args, kind) for kind in FOOTER_LINKS}
        files, note = write_site(
            args.directory, languages, args.title, args.generator, footer, args.engine
        )
    except (NewSiteError, OSError) as error:
        print(f"explainer new: {error}", file=sys.stderr)
        return 2
    folder = shlex.quote(str(args.directory))
    print(f"wrote {len(files)} files into {args.directory}: an explainer in {', '.join(languages)}")
    print(f"next: cd {folder} && make serve (the site), make test (its checks)")
    if note:
        print(f"note: {note}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        return _schema(args)
    if args.command == "new":
        return _new(args)
    try:
        if args.command == "new-event":
            return _new_event(args)
        if args.command == "drift":
            return _drift(args)
    except (ConfigError, OSError) as error:
        print(f"{args.config_file}: {error}", file=sys.stderr)
        return 2
    try:
        # the events' dates from git: the pages show them, a check of the data does not
        explainer = _load(args.config_file, history=args.command == "render")
    except DataError as error:
        _report([*error.problems, *error.warnings], getattr(args, "github", False))
        print(f"{error.summary()}.", file=sys.stderr)
        return 1
    except (ConfigError, StringsError, OSError) as error:
        print(f"{args.config_file}: {error}", file=sys.stderr)
        return 2
    story, warnings = explainer.story, explainer.warnings
    if args.command == "validate":
        _report(warnings, args.github)
        if warnings:
            count = counted(len(warnings), "warning")
            strict = "; --strict fails on warnings" if args.strict else ""
            print(f"{count} in the explainer data{strict}.", file=sys.stderr)
        if warnings and args.strict:
            return 1
        print(
            f"{display_name(explainer.config.data_path)}: OK: {len(story.events)} events, "
            f"{len(story.actors)} actors, {len(story.glossary)} glossary terms in "
            f"{len(explainer.config.languages)} languages ({', '.join(explainer.config.languages)})"
        )
        return 0
    _report(warnings, github=False)  # as a build logs them: the pages are written all the same
    if explainer.history_note:
        print(explainer.history_note, file=sys.stderr)
    try:
        count = _render(explainer, args.out)
    except TemplateError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"wrote {count} pages to {args.out}")
    return 0
