"""Performance benchmark of the explainer build (see bench/README.md).

    python bench/run.py [--sizes 100,1000,5000,10000 | --quick] [--out bench/results.md]

For each size N it writes a synthetic site with N events into bench/.work/N/, checks it
with `python -m explainer validate`, then measures in separate processes:

- the full two-language build (`mkdocs build` with the hooks): wall time, peak RSS;
- the floor: the same pages written out as Markdown (`python -m explainer render`) and
  built by plain MkDocs with the same theme, features and plugins, without the hooks;
- loading and validating the data alone (`explainer.validate.find_problems`, in-process).

Last, it measures how long `mkdocs serve` on a copy of the repository's seed site takes
from saving an edit of one event to serving the rebuilt page. It prints a table and writes
it, with the machine's cores and memory, to bench/results.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib.metadata
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work"
HOOK = REPO / "hooks" / "explainer_mkdocs.py"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from history import COMMITS, time_history, write_history  # noqa: E402
from synthetic import generate  # noqa: E402

from explainer.validate import find_problems  # noqa: E402

DEFAULT_SIZES = (100, 1000, 5000, 10000)
QUICK_SIZES = (100, 1000)
LANGUAGES = ("en", "de")
#: the targets (issue 14, 2-core machine)
RATIO_TARGET = 1.0  # the whole generated site / minimal Markdown event pages, 1,000 events
BUILD_1K_TARGET = 8.0  # seconds, 1,000 events x 2 languages
BUILD_10K_TARGET = 90.0  # seconds, 10,000 events x 2 languages
GROWTH_TARGET = 10.5  # 10,000-event build / 1,000-event build
PEAK_RSS_TARGET_MB = 1600.0  # the 10,000-event build before the fast path
SERVE_TARGET = 1.0  # seconds from saving an edit to the rebuilt page (seed site)
HISTORY_TARGET = 2.0  # seconds of the history pass, 1,000 events and 100 commits (issue 16)
#: sizes built from a git history of COMMITS commits (bench/history.py); larger ones have
#: none (100 versions of a 33 MB file would take minutes to write)
HISTORY_UP_TO = 1000
BUILD_TIMEOUT = 900.0  # seconds (--timeout); a build taking longer is stopped and reported

NAV = [
    "index.md",
    "timeline.md",
    "figures.md",
    "actors/index.md",
    "glossary.md",
    "changes.md",
    "about.md",
]
FLOOR_NAV = ["index.md", "about.md"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
ENV.pop("SITE_URL", None)
#: `python -m explainer` run in a site's folder finds the package in the repository
CLI_ENV = {**ENV, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), ENV.get("PYTHONPATH")]))}


# ---------------------------------------------------------------------------------------
# measuring a child process


@dataclass
class Run:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system time of the child
    peak_rss_mb: float
    returncode: int
    log: str
    timed_out: bool = False

    def shown(self) -> str:
        return f">{self.seconds:.0f}" if self.timed_out else f"{self.seconds:.1f}"


def measure(
    command: list[str], cwd: Path, timeout: float = BUILD_TIMEOUT, env: dict[str, str] = ENV
) -> Run:
    """Run `command` to completion: wall time and the child's own peak RSS (`wait4`)."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, text=True
        )
        deadline = start + timeout
        timed_out = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                timed_out = True
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        # Linux reports ru_maxrss in KiB
        return Run(seconds, cpu, usage.ru_maxrss / 1024, process.returncode, log.read(), timed_out)


def _checked(run: Run, what: str) -> Run:
    if run.timed_out:
        print(f"bench: {what} stopped after {run.seconds:.0f} s (--timeout)", flush=True)
    elif run.returncode != 0:
        sys.exit(f"bench: {what} failed (exit {run.returncode}):\n{run.log[-4000:]}")
    return run


# ---------------------------------------------------------------------------------------
# the synthetic sites


def _theme(custom_dir: str) -> dict[str, object]:
    return {
        "name": "material",
        "custom_dir": custom_dir,
        "language": "en",
        "font": False,
        "features": ["navigation.top", "search.highlight", "content.tooltips"],
    }


def _plugins() -> list[object]:
    return [
        "search",
        {
            "i18n": {
                "docs_structure": "folder",
                "reconfigure_search": False,
                "languages": [
                    {"locale": "en", "default": True, "name": "English", "build": True},
                    {
                        "locale": "de",
                        "name": "Deutsch",
                        "build": True,
                        "site_name": "Synthetischer Benchmark",
                    },
                ],
            }
        },
    ]


def site_config(docs_dir: str) -> dict[str, object]:
    """The generated site's mkdocs.yml: like the repository's, hooks by absolute path."""
    return {
        "site_name": "Synthetic benchmark",
        "site_description": "A synthetic explainer for the benchmark.",
        "site_url": "https://example.org/bench/",
        "docs_dir": docs_dir,
        "strict": True,
        "theme": _theme("overrides"),
        "plugins": _plugins(),
        "hooks": [str(HOOK)],
        "markdown_extensions": ["attr_list", {"toc": {"permalink": True}}],
        "extra": {"explainer": {"data": "data/events.yaml"}},
        "nav": NAV,
    }


def floor_config(docs_dir: str) -> dict[str, object]:
    """Plain MkDocs on minimal Markdown event pages (title, summary, body in each
    language): same theme, features and plugins; no hooks, no actor pages, no glossary,
    no cross-links. Event pages stay out of the navigation, as in the generated build."""
    return {
        "site_name": "Synthetic benchmark",
        "site_description": "A synthetic explainer for the benchmark.",
        "site_url": "https://example.org/bench/",
        "docs_dir": docs_dir,
        "strict": True,
        "theme": _theme("overrides"),
        "plugins": _plugins(),
        "markdown_extensions": ["attr_list", "md_in_html", {"toc": {"permalink": True}}],
        # gitignore patterns against src_uri (`en/events/x.md`)
        "not_in_nav": "/*/events/\n",
        "nav": FLOOR_NAV,
    }


def write_floor_pages(root: Path, data: dict[str, object]) -> None:
    """floor-docs/<lang>/: the home and about pages, and one page per event holding its
    texts as plain Markdown."""
    docs = root / "floor-docs"
    shutil.rmtree(docs, ignore_errors=True)
    events = data["events"]
    assert isinstance(events, dict)
    for language in LANGUAGES:
        (docs / language / "events").mkdir(parents=True)
        (docs / language / "index.md").write_text(HOME[language], encoding="utf-8")
        (docs / language / "about.md").write_text(ABOUT[language], encoding="utf-8")
        for event_id, event in events.items():
            texts = [f"# {event['title'][language]}", event["summary"][language]]
            if "body" in event:
                texts.append(event["body"][language])
            page = docs / language / "events" / f"{event_id}.md"
            page.write_text("\n\n".join(texts) + "\n", encoding="utf-8")


HOME = {
    "en": (
        "# Synthetic explainer\n\nA generated story for the benchmark. The [timeline](timeline.md)"
        " lists every event, the [glossary](glossary.md) every term, the [actors](actors/index.md)"
        " everyone involved and the [figures](figures.md) every number.\n\n## Latest\n\n"
        "<!-- explainer:latest -->\n\n## What comes next\n\n<!-- explainer:upcoming -->\n"
        "\n## Corrections and updates\n\n<!-- explainer:changes -->\n"
    ),
    "de": (
        "# Synthetisches Erklärstück\n\nEine erzeugte Geschichte für den Benchmark. Die "
        "[Chronik](timeline.md) führt jedes Ereignis auf, das [Glossar](glossary.md) jeden "
        "Begriff, die [Akteure](actors/index.md) alle Beteiligten und die [Zahlen](figures.md) "
        "jede Zahl.\n\n## Neueste Ereignisse\n\n<!-- explainer:latest -->\n\n"
        "## Was als Nächstes kommt\n\n<!-- explainer:upcoming -->\n"
        "\n## Korrekturen und Aktualisierungen\n\n<!-- explainer:changes -->\n"
    ),
}
ABOUT = {
    "en": "# About\n\nThis site is generated by `bench/run.py`. See the [home page](index.md).\n",
    "de": "# Über\n\nDiese Website erzeugt `bench/run.py`. Zur [Startseite](index.md).\n",
}


def write_yaml(path: Path, data: object) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_site(n: int) -> Path:
    """bench/.work/N/: mkdocs.yml, floor.yml, docs/<lang>/, overrides/, data/events.yaml."""
    root = WORK / str(n)
    for stale in ("docs", "floor-docs", "site", "site.partial", "floor-site", "overrides"):
        shutil.rmtree(root / stale, ignore_errors=True)
    for language in LANGUAGES:
        (root / "docs" / language).mkdir(parents=True)
        (root / "docs" / language / "index.md").write_text(HOME[language], encoding="utf-8")
        (root / "docs" / language / "about.md").write_text(ABOUT[language], encoding="utf-8")
    shutil.copytree(REPO / "overrides", root / "overrides")
    data = generate(n)
    write_yaml(root / "data" / "events.yaml", data)
    shutil.rmtree(root / ".git", ignore_errors=True)
    if n <= HISTORY_UP_TO:
        write_history(root, data, COMMITS)
    write_yaml(root / "mkdocs.yml", site_config("docs"))
    write_yaml(root / "floor.yml", floor_config("floor-docs"))
    write_floor_pages(root, data)
    return root


# ---------------------------------------------------------------------------------------
# one size


@dataclass
class SizeResult:
    n: int
    pages: int  # event pages x languages
    html_pages: int  # every HTML page the generated build wrote
    generated: Run
    floor: Run
    validate_s: float
    data_mb: float
    #: seconds of the history pass alone (None: the site has no history)
    history_s: float | None = None

    @property
    def ratio(self) -> float:
        return self.generated.seconds / self.floor.seconds


def time_validate(data: Path, repeat: int = 3) -> float:
    """Best of `repeat`: load and validate the data file alone, in this process."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        _, problems = find_problems(data, LANGUAGES)
        best = min(best, time.perf_counter() - start)
        errors = [problem for problem in problems if not problem.is_warning]
        if errors:  # its scheduled events lie in the past: warnings, as on any old story
            sys.exit(f"bench: the synthetic data has problems, e.g. {errors[0]}")
    return best


def measure_size(n: int, repeat: int, timeout: float) -> SizeResult:
    print(f"[{n} events] writing the synthetic site ...", flush=True)
    root = write_site(n)
    data = root / "data" / "events.yaml"
    python = sys.executable
    _checked(
        measure([python, "-m", "explainer", "validate"], root, env=CLI_ENV), "explainer validate"
    )
    validate_s = time_validate(data)
    print(f"[{n} events] load + validate: {validate_s:.2f} s", flush=True)
    history_s = time_history(data)[0] if (root / ".git").is_dir() else None
    if history_s is not None:
        print(f"[{n} events] history pass ({COMMITS} commits): {history_s:.2f} s", flush=True)

    # One build first, untimed: it draws the share cards into the site's card cache, which
    # the workflows keep between runs, so the timed builds are the deploy's (warm) build.
    # What drawing every card costs (a cold cache) is bench/cards.py's to measure.
    print(f"[{n} events] a first build, to fill the share cards' cache ...", flush=True)
    generated = [python, "-m", "mkdocs", "build", "-q", "-d", "site"]
    _checked(measure(generated, root, timeout), f"the first build of {n} events")
    runs: dict[str, list[Run]] = {"generated": [], "floor": []}
    for _ in range(repeat):
        for kind, command in (
            ("generated", generated),
            (
                "floor",
                [python, "-m", "mkdocs", "build", "-q", "-f", "floor.yml", "-d", "floor-site"],
            ),
        ):
            run = _checked(measure(command, root, timeout), f"the {kind} build of {n} events")
            print(
                f"[{n} events] {kind} build: {run.shown()} s (CPU {run.cpu_seconds:.1f} s), "
                f"peak RSS {run.peak_rss_mb:.0f} MB",
                flush=True,
            )
            runs[kind].append(run)
    html_pages = sum(1 for _ in (root / "site").rglob("*.html"))
    return SizeResult(
        n=n,
        pages=n * len(LANGUAGES),
        html_pages=html_pages,
        generated=min(runs["generated"], key=lambda r: r.seconds),
        floor=min(runs["floor"], key=lambda r: r.seconds),
        validate_s=validate_s,
        data_mb=data.stat().st_size / 1e6,
        history_s=history_s,
    )


# ---------------------------------------------------------------------------------------
# rebuild latency under `mkdocs serve`, on a copy of the repository's seed site


@dataclass
class ServeResult:
    page: str
    visible: list[float] = field(default_factory=list)  # save -> new text served
    rebuilt: list[float] = field(default_factory=list)  # save -> "Reloading browsers"
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.visible) if self.visible else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def _summary_spot(data_file: Path, event_id: str) -> tuple[int, int]:
    """Where the English summary's text of `event_id` starts: 0-based line and column."""
    from explainer.loader import load_file

    loaded = load_file(data_file, data_file.name)
    where = loaded.values[("events", event_id, "summary", "en")]
    lines = data_file.read_text(encoding="utf-8").splitlines()
    line, column = where.line - 1, where.column - 1
    first = lines[line][column : column + 1]
    if first in (">", "|"):  # a block scalar: its text starts on the next line
        text = lines[line + 1]
        return line + 1, len(text) - len(text.lstrip())
    return line, column + 1 if first in ("'", '"') else column


def _with_marker(lines: list[str], spot: tuple[int, int], marker: str) -> str:
    index, column = spot
    line = lines[index]
    edited = line[:column] + marker + " " + line[column:]
    return "\n".join([*lines[:index], edited, *lines[index + 1 :]]) + "\n"


def measure_serve(repeat: int = 3, timeout: float = 60.0) -> ServeResult:
    root = WORK / "serve"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    for folder in ("docs", "data", "overrides"):
        shutil.copytree(REPO / folder, root / folder)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config, count = re.subn(
        r"(?m)^(\s*-\s*)hooks/explainer_mkdocs\.py\s*$", rf"\g<1>{HOOK}", config
    )
    if count != 1:
        return ServeResult("", error="mkdocs.yml does not name hooks/explainer_mkdocs.py")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")

    data_file = root / "data" / "events.yaml"
    original = data_file.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    event_id = next(iter(data["events"]))
    result = ServeResult(f"events/{event_id}/")
    spot = _summary_spot(data_file, event_id)
    lines = original.splitlines()

    port = _free_port()
    url = f"http://127.0.0.1:{port}/{result.page}"
    log_path = root / "serve.log"
    with open(log_path, "w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env=ENV,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, ended below
        )
    try:
        deadline = time.monotonic() + 120
        while _get(url) is None:
            if server.poll() is not None or time.monotonic() > deadline:
                result.error = "mkdocs serve did not start: " + log_path.read_text()[-2000:]
                return result
            time.sleep(0.2)
        time.sleep(1.0)  # let the watcher settle
        for attempt in range(repeat):
            marker = f"Benchedit{attempt}x{os.getpid()}"
            reloads = log_path.read_text(encoding="utf-8").count("Reloading browsers")
            data_file.write_text(_with_marker(lines, spot, marker), encoding="utf-8")
            saved = time.perf_counter()
            deadline = time.monotonic() + timeout
            seen = False
            while time.monotonic() < deadline:
                if not seen:
                    body = _get(url)
                    if body is not None and marker in body:
                        result.visible.append(time.perf_counter() - saved)
                        seen = True
                log_text = log_path.read_text(encoding="utf-8")
                if log_text.count("Reloading browsers") > reloads and seen:
                    result.rebuilt.append(time.perf_counter() - saved)
                    break
                time.sleep(0.02)
            else:
                result.error = f"no rebuilt page within {timeout:.0f} s (attempt {attempt + 1})"
                return result
            time.sleep(1.0)
        return result
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=15)


# ---------------------------------------------------------------------------------------
# the report


def machine() -> dict[str, str]:
    memory = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    versions = []
    for package in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "Markdown", "PyYAML"):
        try:
            versions.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0),
        "memory": memory,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "versions": ", ".join(versions),
    }


def code_version() -> str:
    """The commit measured, and whether the core or the hooks differ from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "explainer", "hooks"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"`{head}`" + (" with uncommitted changes in explainer/ or hooks/" if dirty else "")


def _met(ok: bool | None) -> str:
    return "not measured" if ok is None else ("met" if ok else "**not met**")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def report(results: list[SizeResult], serve: ServeResult | None, info: dict[str, str]) -> str:
    out = [
        "# Build benchmark results",
        "",
        f"Written by `bench/run.py` (see bench/README.md for what each number means) on "
        f"{info['date']}.",
        "",
        f"- Machine: {info['cores']} cores (`nproc`), {info['memory']} memory, {info['platform']}",
        f"- {info['python']}; {info['versions']}",
        f"- Code: {info['code_start']}"
        + (
            ""
            if info["code_start"] == info["code_end"]
            else f" at the start, {info['code_end']} at the end (it changed during the run)"
        ),
        f"- Load average (1, 5, 15 min) at the start: {info['load_start']}; at the end: "
        f"{info['load_end']} (other work on the machine slows the wall-clock figures; the CPU "
        "columns are less sensitive to it)",
        "",
        "| events | event pages (events x 2 languages) | HTML pages | data MB "
        "| generated build s | floor build s | ratio | generated CPU s | floor CPU s "
        "| peak RSS MB generated | peak RSS MB floor | load + validate s "
        f"| history pass s ({COMMITS} commits) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ratio = f"{'>' if r.generated.timed_out else ''}{r.ratio:.2f}"
        history = f"{r.history_s:.2f}" if r.history_s is not None else "-"
        out.append(
            f"| {r.n:,} | {r.pages:,} | {r.html_pages:,} | {r.data_mb:.1f} "
            f"| {r.generated.shown()} | {r.floor.shown()} | {ratio} "
            f"| {r.generated.cpu_seconds:.1f} | {r.floor.cpu_seconds:.1f} "
            f"| {r.generated.peak_rss_mb:.0f} | {r.floor.peak_rss_mb:.0f} | {r.validate_s:.2f} "
            f"| {history} |"
        )
    by_n = {r.n: r for r in results}
    small, large = by_n.get(1000), by_n.get(10000)
    growth = large.generated.seconds / small.generated.seconds if small and large else None
    out.append("")
    out.append(
        f"- Sizes up to {HISTORY_UP_TO:,} events are built from a git repository whose data "
        f"file has a history of {COMMITS} commits (bench/history.py): their builds read every "
        "event's first publication and last update; larger sizes have no history"
    )
    if small and large and growth is not None:
        floor_growth = large.floor.seconds / small.floor.seconds
        cpu_growth = large.generated.cpu_seconds / small.generated.cpu_seconds
        floor_cpu_growth = large.floor.cpu_seconds / small.floor.cpu_seconds
        out.append(
            f"- Growth from 1,000 to 10,000 events (linear is x10): generated build "
            f"x{growth:.2f}, floor build x{floor_growth:.2f}, load + validate "
            f"x{large.validate_s / small.validate_s:.2f}; in CPU time: generated "
            f"x{cpu_growth:.2f}, floor x{floor_cpu_growth:.2f}"
        )
    if serve is not None:
        if serve.error:
            out.append(f"- Serve rebuild on the seed site: failed ({serve.error})")
        else:
            visible = ", ".join(f"{s:.2f}" for s in serve.visible)
            rebuilt = ", ".join(f"{s:.2f}" for s in serve.rebuilt)
            out.append(
                f"- Serve rebuild on the seed site (`{serve.page}`): median {serve.median:.2f} s "
                f"from saving `data/events.yaml` to the first response with the new text "
                f"(runs: {visible} s; to MkDocs' `Reloading browsers`: {rebuilt} s)"
            )
    median = serve.median if serve else None
    targets = [
        (
            f"1,000 events x 2 languages build <= {BUILD_1K_TARGET:.0f} s",
            f"{small.generated.shown()} s" if small else "-",
            _met(small.generated.seconds <= BUILD_1K_TARGET if small else None),
        ),
        (
            "the whole generated site at 1,000 events / the floor (minimal Markdown event "
            f"pages, plain MkDocs) <= {RATIO_TARGET}",
            f"{small.ratio:.2f}" if small else "-",
            _met(small.ratio <= RATIO_TARGET if small else None),
        ),
        (
            f"10,000 events x 2 languages build < {BUILD_10K_TARGET:.0f} s",
            f"{large.generated.shown()} s" if large else "-",
            _met(large.generated.seconds < BUILD_10K_TARGET if large else None)
            + (
                f": the floor alone (the same pages, plain MkDocs, no hooks) takes "
                f"{large.floor.shown()} s; where it goes: bench/PROFILE.md"
                if large and large.floor.seconds >= BUILD_10K_TARGET
                else ""
            ),
        ),
        (
            f"10,000-event build <= {GROWTH_TARGET} x the 1,000-event build",
            f"x{growth:.2f}" if growth is not None else "-",
            _met(growth <= GROWTH_TARGET if growth is not None else None),
        ),
        (
            f"peak memory of the 10,000-event build <= {PEAK_RSS_TARGET_MB:,.0f} MB",
            f"{large.generated.peak_rss_mb:,.0f} MB" if large else "-",
            _met(large.generated.peak_rss_mb <= PEAK_RSS_TARGET_MB if large else None),
        ),
        (
            f"history pass, 1,000 events and {COMMITS} commits <= {HISTORY_TARGET:.0f} s",
            f"{small.history_s:.2f} s" if small and small.history_s is not None else "-",
            _met(
                small.history_s <= HISTORY_TARGET if small and small.history_s is not None else None
            ),
        ),
        (
            f"seed site rebuild under `mkdocs serve` <= {SERVE_TARGET:.1f} s",
            f"{median:.2f} s" if median is not None else "-",
            _met(median <= SERVE_TARGET if median is not None else None),
        ),
    ]
    out += ["", "| target (2 cores) | measured | result |", "|---|---|---|"]
    out += [f"| {a} | {b} | {c} |" for a, b, c in targets]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(str(n) for n in DEFAULT_SIZES),
        help="comma-separated event counts (default: 100,1000,5000,10000)",
    )
    parser.add_argument("--quick", action="store_true", help="only 100 and 1,000 events")
    parser.add_argument("--repeat", type=int, default=1, help="builds per size; the best counts")
    parser.add_argument(
        "--timeout",
        type=float,
        default=BUILD_TIMEOUT,
        help=f"stop a build after this many seconds and report it (default {BUILD_TIMEOUT:.0f})",
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the serve rebuild test")
    parser.add_argument("--out", type=Path, default=BENCH / "results.md", help="results file")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else tuple(int(s) for s in args.sizes.split(",") if s)
    info = machine()
    info["load_start"] = _load()
    info["code_start"] = code_version()
    print(f"bench: {info['cores']} cores, {info['memory']}, {info['python']}", flush=True)
    results = [measure_size(n, max(1, args.repeat), args.timeout) for n in sizes]
    serve = None
    if not args.no_serve:
        print("[serve] rebuild latency on the seed site ...", flush=True)
        serve = measure_serve()
    info["load_end"] = _load()
    info["code_end"] = code_version()
    text = report(results, serve, info)
    print()
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # bench/publish.py's section (time to live) is its own: kept as it is
    existing = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
    if "\n## Time to live" in existing:
        text += existing[existing.index("\n## Time to live") :]
    args.out.write_text(text, encoding="utf-8")
    print(f"bench: written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
