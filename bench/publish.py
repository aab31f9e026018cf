"""Time to live: from an editor's data-only commit to the site ready for upload, run as the
deploy workflow runs it, and the whole suite (`.ci/run`) for comparison.

    python bench/publish.py [--source DIR] [--revision REV] [--path site|full] [--ci]
                            [--label TEXT] [--out bench/results.md]

In a fresh clone of `--source` (default: this repository) at `--revision` (default HEAD),
under bench/.work/publish/, it makes an editor's commit that changes one word of the data
file in both languages, then runs the workflow's commands for that commit, in order, and
times each:

1. `python3 tools/checks_for.py HEAD~1`: which checks the change needs (`site` here);
2. the virtual environment: created (`make .venv/bin/.installed`, a cache miss), or
   restored: an environment made earlier at the same path, moved back into the clone, as
   the cache step extracts it (the download from GitHub's cache is not timed here);
3. `make node_modules/.installed` (npm ci: the page checkers);
4. `--path site`: `make site-check BASE=HEAD~1` with SITE_URL set, as for a deployment;
   `--path full`: what the workflows run for any other change: `explainer validate
   --github`, `mkdocs build --strict`, `make test`.

The site is then ready for upload (site/). Before the two paths existed, every push took
the full path; `--path full --revision <that commit>` measures it. `--ci` also times
`bash .ci/run` on another fresh clone (minutes). The result, each figure with the
machine's load average, replaces the section "Time to live" of --out (bench/run.py keeps
it when it rewrites the rest).
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work" / "publish"
SECTION = "## Time to live"
#: the site address the deploy workflow builds for (a project site under a sub-path)
SITE_URL = "https://example.org/explainer/"


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def sh(args: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Run a command as the workflow does; its seconds. A failure stops the benchmark."""
    start = time.monotonic()
    result = subprocess.run(
        list(args), cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True
    )
    took = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return took


def clone(source: Path, revision: str, into: Path) -> None:
    if into.exists():
        shutil.rmtree(into)
    into.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "clone", "--quiet", str(source), str(into)], check=True)
    subprocess.run(["git", "checkout", "--quiet", "--detach", revision], cwd=into, check=True)


def editors_commit(root: Path) -> None:
    """A one-word fix in both languages of the texts, committed."""
    data = root / "data" / "events.yaml"
    text = data.read_text(encoding="utf-8")
    for old, new in (
        ("press conference", "news conference"),
        ("Pressekonferenz", "Medienkonferenz"),
    ):
        if old not in text:
            sys.exit(f"the data file has no {old!r} to change any more: choose another word")
        text = text.replace(old, new, 1)
    data.write_text(text, encoding="utf-8")
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    subprocess.run([*git, "commit", "--quiet", "-am", "A one-word fix"], cwd=root, check=True)


def publish(source: Path, revision: str, path: str, cold: bool) -> list[tuple[str, float]]:
    """(step, seconds) of the workflow's commands for an editor's data-only commit."""
    root = WORK / "clone"
    saved = WORK / "venv-cache"
    env = {"SITE_URL": SITE_URL, "EXPLAINER_REQUIRE_BROWSER": "1", "NO_MKDOCS_2_WARNING": "1"}
    if not cold and not saved.is_dir():  # the environment a previous run left in the cache
        clone(source, revision, root)
        sh(["make", ".venv/bin/.installed"], root)
        (root / ".venv").rename(saved)
    clone(source, revision, root)
    editors_commit(root)
    steps = []
    if (root / "tools" / "checks_for.py").is_file():
        steps.append(("which checks", sh(["python3", "tools/checks_for.py", "HEAD~1"], root)))
    if cold:
        steps.append(("create .venv", sh(["make", ".venv/bin/.installed"], root)))
    else:
        start = time.monotonic()
        shutil.copytree(saved, root / ".venv", symlinks=True)
        (root / ".venv" / "bin" / ".installed").touch()
        steps.append(("restore .venv", time.monotonic() - start))
        steps.append(("check .venv", sh(["make", ".venv/bin/.installed"], root)))
    steps.append(("npm ci", sh(["make", "node_modules/.installed"], root)))
    if path == "site":
        steps.append(("make site-check", sh(["make", "site-check", "BASE=HEAD~1"], root, env)))
    else:
        python = str(root / ".venv" / "bin" / "python")
        steps.append(("validate", sh([python, "-m", "explainer", "validate", "--github"], root)))
        steps.append(("build", sh([python, "-m", "mkdocs", "build", "--strict"], root, env)))
        steps.append(("make test", sh(["make", "test"], root, env)))
    assert (root / "site" / "index.html").is_file(), "no site to upload"
    return steps


def ci_run(source: Path, revision: str) -> float:
    root = WORK / "ci"
    clone(source, revision, root)
    return sh(["bash", ".ci/run"], root)


def section(existing: str, line: str) -> str:
    """The section with `line` added at its end, under the table of runs (a new section
    when there is none); what else the section says is kept."""
    if SECTION in existing:
        return existing[existing.index(SECTION) :].rstrip("\n") + "\n" + line + "\n"
    head = [
        SECTION,
        "",
        "Written by `bench/publish.py` (bench/README.md). Each row: one run, in a fresh clone,",
        "on the machine described above; the load average was taken at its start.",
        "",
        "| date (UTC) | code | measured | steps | total s | load |",
        "|---|---|---|---|---:|---|",
    ]
    return "\n".join([*head, line]) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=REPO, help="the repository to clone")
    parser.add_argument("--revision", default="HEAD", help="the commit to measure")
    parser.add_argument("--path", choices=("site", "full"), default="site")
    parser.add_argument("--cold", action="store_true", help="create .venv (a cache miss)")
    parser.add_argument("--ci", action="store_true", help="time `bash .ci/run` instead")
    parser.add_argument("--out", type=Path, default=BENCH / "results.md")
    args = parser.parse_args(argv)
    revision = subprocess.run(
        ["git", "rev-parse", "--short", args.revision],
        cwd=args.source,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    at_start = load()
    if args.ci:
        steps = [(".ci/run", ci_run(args.source, revision))]
        what = "`.ci/run` on a fresh clone"
    else:
        steps = publish(args.source, revision, args.path, args.cold)
        venv = "creating .venv" if args.cold else ".venv restored"
        what = f"data-only commit to upload-ready site, {args.path} path, {venv}"
    total = sum(seconds for _, seconds in steps)
    shown = ", ".join(f"{name} {seconds:.1f}" for name, seconds in steps)
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M")
    line = f"| {date} | `{revision}` | {what} | {shown} | {total:.1f} | {at_start} |"
    print(line)
    existing = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
    kept = existing[: existing.index(SECTION)] if SECTION in existing else existing
    args.out.write_text(kept.rstrip("\n") + "\n\n" + section(existing, line), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
