"""The site's checks: what a change to the data or to the hand-written pages can break.

    python tools/site_check.py [--base REVISION] [--site-dir site] [--github] [--build-log FILE]

(`make site-check` runs it; so does each workflow for a change to content alone, see
tools/checks_for.py.) In order, stopping where nothing after could be trusted:

1. `explainer validate` and `explainer schema --check`: the data, every problem located;
2. `mkdocs build --strict` into `site/`, as the workflows build it (SITE_URL, REPO_URL from
   the environment): the site that is then uploaded;
3. which pages changed: the base revision's site, built from a clone of it with the same
   settings, compared page by page (its HTML bytes). Without a base, or when it cannot be
   built, every page counts as changed;
4. on every page, since a removed or renamed page breaks links on pages that did not
   change: **links** (each link to the site itself leads to a page, and to the `#fragment`
   on it) and **hreflang** (each language version exists and links back);
5. on the changed pages and every language's home page: **valid HTML** (the W3C Nu HTML
   Checker) and **accessibility** (axe-core, WCAG 2.2 A and AA, in headless Chromium);
6. the **content test** against the source articles (tests/test_content.py).

Every problem is one plain line, `<page address>: <problem>` (with the link where there is
one); the exit status is 1 when there is any. A checker that is missing (Java, Chromium,
`npm ci`'s node_modules) is said in a line and skipped, or is a problem when
EXPLAINER_REQUIRE_BROWSER=1 (the workflows set it).

Which links are the site's own: a link written as a full address (`https://…`) is the
site's own when it starts with the site's URL (the canonical address the build wrote,
from SITE_URL); any other full address is another site's, even on the same host, and is
not followed (a newsroom's explainer under `newsroom.example/explainer/` cites
`newsroom.example/news/…`). A link written relative to the page or to the host's root
(`../x/`, `/x/`) is always meant for the site, and must lead into it.
"""

from __future__ import annotations

import argparse
import filecmp
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

REPO = Path(__file__).resolve().parent.parent
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CONTENT_TESTS = "tests/test_content.py"
#: axe-core's rule tags for WCAG 2.2 levels A and AA
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
#: the address a site built without SITE_URL is checked under (served at the root)
NO_SITE_URL = "http://site.invalid/"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: the elements and attributes whose address is followed
LINKING = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


@dataclass(frozen=True, order=True)
class Problem:
    page: str  # the page's address within the site: `/de/events/x/`, `/404.html`
    what: str

    def __str__(self) -> str:
        return f"{self.page}: {self.what}"


class CheckerMissing(Exception):
    """A checker this machine lacks; the message says how to install it."""


def address(site: Path, page: Path) -> str:
    """A page's address within the site, as a reader types it after the site's URL."""
    relative = page.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html")


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def site_url_of(site: Path) -> str:
    """The address the site was built for: the home page's canonical link (MkDocs writes
    one when SITE_URL is set), or NO_SITE_URL."""
    import lxml.html

    home = site / "index.html"
    if home.is_file():
        for link in lxml.html.parse(str(home)).getroot().iter("link"):
            if link.get("rel") == "canonical" and link.get("href"):
                href = link.get("href")
                return href if href.endswith("/") else href + "/"
    return NO_SITE_URL


# --- links ---------------------------------------------------------------------------------


@dataclass
class LinkReport:
    problems: list[Problem] = field(default_factory=list)
    #: links to the site itself that were followed
    checked: int = 0
    #: of those, the ones written as full addresses or from the host's root
    absolute: int = 0


def own_path(href: str, page_url: str, own: SplitResult) -> tuple[str | None, bool]:
    """Where a link leads within the site: (its path under the site's URL, True), or
    (None, True) for a link meant for the site that leads out of it, or (None, False) for
    a link to another site or of another scheme (mailto:, data:, ...)."""
    written = urlsplit(href)
    if written.scheme and written.scheme not in ("http", "https"):
        return None, False
    full = bool(written.scheme) or href.startswith("//")
    resolved = urlsplit(urljoin(page_url, href))
    root = own.path.rstrip("/")
    inside = resolved.netloc.lower() == own.netloc.lower() and (
        resolved.path == root or resolved.path.startswith(root + "/")
    )
    if not inside:
        return None, not full
    return unquote(resolved.path)[len(root) + 1 :], True


def check_links(site: Path, site_url: str | None = None, pages: Iterable[Path] | None = None):  # type: ignore[no-untyped-def]
    """Every link of `pages` (default: every page) to the site itself leads to a file of
    `site`, and its #fragment to an id (or named anchor) on that page. The 404 pages are
    read as served at the site's root URL (GitHub Pages serves them at any address)."""
    import lxml.html

    own_url = site_url or site_url_of(site)
    own = urlsplit(own_url)
    anchors: dict[Path, set[str]] = {}

    def ids(path: Path) -> set[str]:
        if path not in anchors:
            root = lxml.html.parse(str(path)).getroot()
            anchors[path] = {e.get("id") for e in root.iter() if e.get("id")}
            anchors[path] |= {e.get("name") for e in root.iter("a") if e.get("name")}
        return anchors[path]

    report = LinkReport()
    for page in html_pages(site) if pages is None else pages:
        here = address(site, page)
        page_url = own_url + here.removeprefix("/")
        for element in lxml.html.parse(str(page)).getroot().iter(*LINKING):
            href = element.get(LINKING[element.tag])
            if not href:
                continue
            path, ours = own_path(href, page_url, own)
            if not ours:
                continue
            if path is None:
                report.problems.append(
                    Problem(here, f"link {href} leads out of the site ({own_url})")
                )
                continue
            report.checked += 1
            report.absolute += href.startswith(("http:", "https:", "/"))
            target = site / path
            if not path or path.endswith("/") or target.is_dir():
                target = target / "index.html"
            fragment = urlsplit(urljoin(page_url, href)).fragment
            if not target.is_file():
                report.problems.append(Problem(here, f"broken link {href}: nothing at /{path}"))
            elif fragment and target.suffix == ".html" and unquote(fragment) not in ids(target):
                report.problems.append(
                    Problem(here, f"broken link {href}: no #{fragment} on {address(site, target)}")
                )
    return report


# --- hreflang ------------------------------------------------------------------------------


def check_hreflang(
    site: Path, site_url: str | None = None, pages: Iterable[Path] | None = None
) -> list[Problem]:
    """Each page's language versions (`<link rel="alternate" hreflang>`) exist, its own
    language names the page itself, and every other version names it back. The 404 pages
    (served at any address, their versions are the home pages) only need theirs to exist."""
    import lxml.html

    own_url = site_url or site_url_of(site)
    own = urlsplit(own_url)
    versions: dict[Path, tuple[str, dict[str, Path | None]]] = {}

    def read(page: Path) -> tuple[str, dict[str, Path | None]]:
        """(the page's language, its versions: language -> file, None where missing)."""
        if page not in versions:
            root = lxml.html.parse(str(page)).getroot()
            page_url = own_url + address(site, page).removeprefix("/")
            found: dict[str, Path | None] = {}
            for link in root.iter("link"):
                if "alternate" in (link.get("rel") or "").split() and link.get("hreflang"):
                    path, _ = own_path(link.get("href") or "", page_url, own)
                    target = None if path is None else site / path
                    if target is not None and (not path or path.endswith("/")):
                        target = target / "index.html"
                    found[link.get("hreflang")] = target if target and target.is_file() else None
            versions[page] = (root.get("lang") or "", found)
        return versions[page]

    problems = []
    for page in html_pages(site) if pages is None else pages:
        here = address(site, page)
        language, found = read(page)
        for lang, target in sorted(found.items()):
            if target is None:
                problems.append(Problem(here, f"hreflang {lang}: no such page in the site"))
            elif page.name != "404.html" and lang == language and target != page:
                problems.append(
                    Problem(
                        here, f"hreflang {lang} (its own language) names {address(site, target)}"
                    )
                )
            elif page.name != "404.html" and lang not in (language, "x-default"):
                back = read(target)[1].get(language)
                if back != page:
                    problems.append(
                        Problem(
                            here,
                            f"hreflang {lang}: {address(site, target)} does not name this page "
                            f"as its {language} version",
                        )
                    )
        if len(found) > 1 and page.name != "404.html" and "x-default" not in found:
            problems.append(Problem(here, "hreflang x-default is missing"))
    return problems


# --- valid HTML ----------------------------------------------------------------------------


def java() -> str:
    found = shutil.which("java")
    if found is None:
        raise CheckerMissing("Java is missing (the Nu HTML Checker runs on it)")
    return found


def vnu_command(files: Sequence[Path]) -> list[str]:
    if not VNU.is_file():
        raise CheckerMissing("the Nu HTML Checker is missing (`npm ci` installs it)")
    return [java(), "-jar", str(VNU), "--errors-only", "--format", "gnu", *map(str, files)]


def html_errors(site: Path, output: str) -> list[Problem]:
    """The Nu checker's `--format gnu` lines, `"file:/…/x.html":L.C-L.C: error: message`,
    as problems of their pages."""
    problems = []
    prefix = f'"file:{site.resolve()}/'
    for line in output.splitlines():
        if not line.startswith(prefix):
            if line.strip():
                problems.append(Problem("/", f"Nu HTML Checker: {line}"))
            continue
        name, _, rest = line[len(prefix) :].partition('":')
        where, _, message = rest.partition(": error: ")
        problems.append(
            Problem(
                address(site, site / name), f"invalid HTML (line {where.split('.')[0]}): {message}"
            )
        )
    return problems


# --- accessibility -------------------------------------------------------------------------


def chromium() -> str:
    found = os.environ.get("EXPLAINER_CHROMIUM") or shutil.which("chromium")
    if found is None:
        raise CheckerMissing("Chromium is missing (apt-get install chromium)")
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port); yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_under(directory: Path, mount: str) -> Iterator[str]:
    """Serve a site at `/<mount>/`, as GitHub Pages serves a project site; yields that URL."""
    mount = mount.strip("/")
    if not mount:
        with serve(directory) as base:
            yield base
        return
    with tempfile.TemporaryDirectory() as root:
        (Path(root) / mount).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(directory.resolve(), Path(root) / mount)
        with serve(Path(root)) as base:
            yield f"{base}{mount}/"


@contextmanager
def browser(executable: str | None = None) -> Iterator[object]:
    """A headless Chromium (Debian's, never a downloaded one) driven by Playwright."""
    from playwright.sync_api import sync_playwright

    executable = executable or chromium()
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        try:
            yield context
        finally:
            context.close()


#: axe-core's WCAG violations on the open page, each `rule id: the elements' selectors`
AXE_RUN = (
    "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
    ".violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)"
)


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """axe-core's WCAG 2.2 A and AA violations on a Playwright page, one line each."""
    if not AXE.is_file():
        raise CheckerMissing("axe-core is missing (`npm ci` installs it)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN, WCAG)


def check_accessibility(
    site: Path, pages: Sequence[Path], site_url: str | None = None
) -> list[Problem]:
    """axe-core on each page, served under the site's URL path as GitHub Pages serves it."""
    if not AXE.is_file():
        raise CheckerMissing("axe-core is missing (`npm ci` installs it)")
    executable = chromium()
    mount = urlsplit(site_url or site_url_of(site)).path
    problems = []
    with serve_under(site, mount) as base, browser(executable) as context:
        tab = context.new_page()  # type: ignore[attr-defined]
        tab.set_viewport_size({"width": 1280, "height": 900})
        for page in pages:
            here = address(site, page)
            tab.goto(base + here.removeprefix("/"))
            problems += [Problem(here, f"accessibility: {v}") for v in axe_violations(tab)]
    return problems


# --- the run -------------------------------------------------------------------------------


def run(args: Sequence[str], cwd: Path = REPO, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, **kwargs)


def fork_point(base: str) -> str | None:
    """The commit of `base` this checkout grew from (the commit itself when it is an
    ancestor), or None when this clone does not know `base`."""
    found = run(["git", "merge-base", base, "HEAD"])
    if found.returncode == 0:
        return found.stdout.strip()
    known = run(["git", "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"])
    return known.stdout.strip() if known.returncode == 0 else None


def build_command(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)]


def build_base(commit: str, into: Path) -> Path | None:
    """The site as `commit` builds with this generator and the same settings (SITE_URL,
    REPO_URL): a shared clone of this repository at that commit, so that the events'
    dates come from its history as they did then. None when it does not build."""
    clone = into / "base"
    made = run(["git", "clone", "--quiet", "--shared", "--no-checkout", str(REPO), str(clone)])
    if made.returncode != 0:
        return None
    if run(["git", "checkout", "--quiet", "--detach", commit], cwd=clone).returncode != 0:
        return None
    built = run(build_command(into / "site"), cwd=clone)
    return into / "site" if built.returncode == 0 else None


def changed_pages(site: Path, base_site: Path) -> list[Path]:
    """The pages of `site` that `base_site` does not have with the same bytes."""
    return [
        page
        for page in html_pages(site)
        if not (base_site / page.relative_to(site)).is_file()
        or not filecmp.cmp(page, base_site / page.relative_to(site), shallow=False)
    ]


def home_pages(site: Path) -> list[Path]:
    """Every language's home page: the default one at the root, the others under /<lang>/."""
    from mkdocs_explainer.configuration import read_site_config

    languages = read_site_config(REPO / "mkdocs.yml").languages
    homes = [site / "index.html"] + [site / lang / "index.html" for lang in languages[1:]]
    return [home for home in homes if home.is_file()]


class Report:
    """What the run prints: a line per step on stderr, a line per problem on stdout."""

    def __init__(self, github: bool, require: bool) -> None:
        self.github, self.require = github, require
        self.problems: list[Problem] = []
        self.started = time.monotonic()

    def step(self, name: str, took: float, said: str) -> None:
        print(f"{name:<14}{took:6.1f} s  {said}", file=sys.stderr, flush=True)

    def timed(
        self,
        name: str,
        check: Callable[[], tuple[list[Problem], str]],
        start: float | None = None,
    ) -> None:
        """Run a check and say how long it took since `start` (a checker that ran in the
        background since then), by default since now."""
        start = time.monotonic() if start is None else start
        try:
            problems, said = check()
        except CheckerMissing as missing:
            problems, said = [], f"not checked: {missing}"
            if self.require:
                problems = [Problem("/", f"{name} not checked: {missing}")]
        self.problems += problems
        self.step(
            name,
            time.monotonic() - start,
            said + (f", {len(problems)} problems" if problems else ""),
        )

    def finish(self) -> int:
        for problem in sorted(set(self.problems)):
            if self.github:  # a workflow command: its message's own `%` escaped
                print(f"::error::{str(problem).replace('%', '%25')}", flush=True)
            else:
                print(problem, flush=True)
        took = time.monotonic() - self.started
        count = len(set(self.problems))
        if count:
            print(f"{count} problem{'s' * (count != 1)} found by the site check ({took:.0f} s).")
            return 1
        print(f"The site check found no problem ({took:.0f} s).")
        return 0


def stopped(step: str, result: subprocess.CompletedProcess[str]) -> int:
    """A step whose failure ends the run: its own located lines, then why nothing follows."""
    sys.stdout.write(result.stdout)
    sys.stdout.write(result.stderr)
    print(f"The site check stopped: {step} failed, so no page was checked.")
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="", help="the revision to compare pages with")
    parser.add_argument("--site-dir", type=Path, default=REPO / "site")
    parser.add_argument("--github", action="store_true", help="GitHub annotations")
    parser.add_argument("--build-log", type=Path, help="write the build's output here too")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    require = os.environ.get("EXPLAINER_REQUIRE_BROWSER") == "1"
    report = Report(args.github, require)
    site = args.site_dir.resolve()

    start = time.monotonic()
    validate = run(
        [sys.executable, "-m", "explainer", "validate", *(["--github"] if args.github else [])]
    )
    if validate.returncode != 0:
        return stopped("validate", validate)
    schema = run([sys.executable, "-m", "explainer", "schema", "--check"])
    if schema.returncode != 0:
        return stopped("the schema check", schema)
    sys.stdout.write(validate.stdout)  # warnings, and its `OK`
    report.step("validate", time.monotonic() - start, "data and schema OK")

    # the content test builds a site of its own: it runs meanwhile
    content_started = time.monotonic()
    content = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--tb=no",
            "-rf",
            CONTENT_TESTS,
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    start = time.monotonic()
    build = run(build_command(site))
    if args.build_log:
        args.build_log.write_text(build.stdout + build.stderr, encoding="utf-8")
    if build.returncode != 0:
        content.kill()
        content.wait()
        return stopped("the strict build", build)
    pages = html_pages(site)
    report.step("build", time.monotonic() - start, f"{len(pages)} pages in {site}")

    start = time.monotonic()
    base = fork_point(args.base) if args.base else None
    with tempfile.TemporaryDirectory() as scratch:
        base_site = build_base(base, Path(scratch)) if base else None
        if base_site is None:
            changed = pages
            why = (
                "no base given"
                if not args.base
                else f"{args.base} is unknown here"
                if base is None
                else f"{args.base} ({base[:7]}) does not build"
            )
            said = f"every page ({why})"
        else:
            changed = changed_pages(site, base_site)
            said = f"{len(changed)} of {len(pages)} pages differ from {args.base} ({base[:7]})"
    checked = sorted(set(changed) | set(home_pages(site)))
    report.step("changed", time.monotonic() - start, said)

    site_url = site_url_of(site)
    vnu_started = time.monotonic()  # the Nu checker runs meanwhile (Java starts slowly)
    try:
        vnu = subprocess.Popen(
            vnu_command(checked), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    except CheckerMissing as missing:
        vnu = missing

    def links() -> tuple[list[Problem], str]:
        found = check_links(site, site_url)
        return found.problems, f"{found.checked:,} links to the site on {len(pages)} pages"

    report.timed("links", links)
    report.timed("hreflang", lambda: (check_hreflang(site, site_url), f"{len(pages)} pages"))
    report.timed(
        "accessibility",
        lambda: (check_accessibility(site, checked, site_url), f"{len(checked)} pages (axe-core)"),
    )

    def valid_html() -> tuple[list[Problem], str]:
        if isinstance(vnu, CheckerMissing):
            raise vnu
        _, errors = vnu.communicate()
        return html_errors(site, errors), f"{len(checked)} pages (Nu HTML Checker)"

    report.timed("html", valid_html, vnu_started)

    def content_test() -> tuple[list[Problem], str]:
        output, _ = content.communicate()
        failed = [line for line in output.splitlines() if line.startswith(("FAILED", "ERROR"))]
        last = output.strip().splitlines()[-1] if output.strip() else "no output"
        if content.returncode != 0 and not failed:
            failed = [last]
        return [Problem("/", f"content test: {line}") for line in failed], last

    report.timed("content", content_test, content_started)
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
