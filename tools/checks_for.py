"""Which checks a change needs: the site's checks alone, or the whole suite.

A change to content alone (the data file, the hand-written pages) cannot break the
generator's code; what it can break, the site's checks find (`make site-check`: validate,
the strict build and the checks of the built pages). Anything else (code, templates,
configuration, dependencies, workflows, tests) needs the whole suite, and so does a
change that mixes the two. Both workflows ask this script, and nothing else decides:
CONTENT_PATHS is the one list of what counts as content.

    python3 tools/checks_for.py BASE [HEAD] [--github-output]

prints `site` or `full` on its first line, then why. BASE is the commit to compare with
(a pull request's base, the commit last deployed); an empty or all-zero BASE (a new
branch) or one this clone does not have (a force push) has no known difference: `full`.
With --github-output it also writes `checks=site|full` and `base=BASE` (empty for `full`
without a base) to the file in $GITHUB_OUTPUT. Standard library only: it runs before the
virtual environment exists.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

#: Folders whose files are the story's content: the data file (and the schema written
#: beside it for editors' tools) and the hand-written pages with their images.
CONTENT_PATHS = ("data/", "docs/")

SITE = "site"
FULL = "full"


def is_content(path: str) -> bool:
    return path.startswith(CONTENT_PATHS)


def changed_files(base: str, head: str = "HEAD", cwd: Path | None = None) -> list[str] | None:
    """The files that differ between `base` and `head` (both names of a renamed file), or
    None when `base` names no commit of this clone."""
    if not base.strip("0"):
        return None
    known = subprocess.run(
        ["git", "cat-file", "-e", f"{base}^{{commit}}"], cwd=cwd, capture_output=True
    )
    if known.returncode != 0:
        return None
    listed = subprocess.run(
        ["git", "diff", "--name-only", "--no-renames", "-z", base, head],
        cwd=cwd,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8", "surrogateescape")
    return [name for name in listed.split("\0") if name]


def checks_for(files: Sequence[str] | None) -> tuple[str, str]:
    """(`site` or `full`, the reason in a sentence)."""
    if files is None:
        return FULL, "the base commit is unknown (a new branch or a rewritten history)"
    others = [name for name in files if not is_content(name)]
    if others:
        shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        return FULL, f"{len(others)} of {len(files)} changed files are not content: {shown}"
    where = ", ".join(CONTENT_PATHS)
    return SITE, f"{len(files)} changed files, all content ({where})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the commit to compare with ('' or 0000…: none)")
    parser.add_argument("head", nargs="?", default="HEAD")
    parser.add_argument("--github-output", action="store_true", help="write to $GITHUB_OUTPUT")
    args = parser.parse_args(argv)
    files = changed_files(args.base, args.head)
    checks, reason = checks_for(files)
    print(checks)
    print(reason)
    if args.github_output:
        base = args.base if files is not None else ""
        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as output:
            output.write(f"checks={checks}\nbase={base}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
