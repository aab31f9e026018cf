"""A synthetic git history of a benchmark site's data file, and the time to read it.

    python bench/history.py [N ...] [--commits C ...]

`write_history(root, data, commits)` makes `root` a git repository whose data file grew
over `commits` commits at fixed dates, one a day: the first holds the older half of the
events, each later one adds the next slice of events (in date order, at the end of the
file) and brings two events from an earlier wording to their final one; the one in the
middle also re-sorts the events (newest first) and the next restores their order; the
last one writes the file the benchmark builds. The repository is then packed, as a clone
is. `time_history` times `explainer.history.read_history` on it, the pass a build makes
before its pages.

Run alone, it writes such a history for each size and number of commits into
bench/.work/history-N-C/ and prints what the pass costs (best of three): in proportion to
the commits and to the size of the file (bench/PROFILE.md).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work"
for path in (REPO, BENCH):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from synthetic import generate  # noqa: E402

from explainer.history import read_history  # noqa: E402

DATA = "data/events.yaml"
COMMITS = 100
#: git with no user or system configuration, and an editor's name
GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
}
#: the day of the first commit (2026-01-01, 09:00 UTC); one commit a day after it
FIRST_COMMIT = 1767258000


def _dump(value: Any) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(value, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


def _git(root: Path, *args: str, when: int | None = None) -> None:
    env = dict(GIT_ENV)
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{when} +0000"
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _earlier(event: dict[str, Any]) -> dict[str, Any]:
    """The event as first written: another summary, which a later commit corrects."""
    summary = event["summary"]
    return {**event, "summary": {lang: f"{text} (first report)" for lang, text in summary.items()}}


def write_history(root: Path, data: dict[str, Any], commits: int = COMMITS) -> int:
    """Make `root` a repository whose data file reaches `data` in `commits` commits, the
    last writing `root/data/events.yaml` as it is; returns the number of commits."""
    shutil.rmtree(root / ".git", ignore_errors=True)
    final_text = (root / DATA).read_text(encoding="utf-8")
    head = _dump({key: value for key, value in data.items() if key != "events"})
    events = data["events"]
    ids = list(events)
    blocks = {i: _dump({"events": {i: events[i]}}).removeprefix("events:\n") for i in ids}
    rng = random.Random(commits)
    first = max(1, len(ids) // 2)
    later = ids[first:]
    changed = rng.sample(ids[:first], min(first, 2 * (commits - 1)))
    # no more commits than there are changes to make: at 100 events the 50 later events
    # and the 50 corrected summaries are all written by commit 51, and git refuses a
    # commit that changes nothing (the quick benchmark failed at "commit 53")
    commits = min(commits, 1 + max(len(later), -(-len(changed) // 2)))
    draft = {
        i: _dump({"events": {i: _earlier(events[i])}}).removeprefix("events:\n") for i in changed
    }
    shown = ids[:first]
    step = -(-len(later) // max(1, commits - 1))  # the rest of the events, in equal slices
    _git(root, "init", "-q", "-b", "main")
    for number in range(commits):
        if number:
            shown = shown + later[(number - 1) * step : number * step]
            for event_id in changed[(number - 1) * 2 : number * 2]:
                draft.pop(event_id)
        order = list(reversed(shown)) if number == commits // 2 else shown
        text = head + "events:\n" + "".join(draft.get(i, blocks[i]) for i in order)
        if number == commits - 1:
            assert text == final_text, "the last commit is not the file the benchmark builds"
        (root / DATA).write_text(text, encoding="utf-8")
        _git(root, "add", DATA)
        _git(root, "commit", "-q", "-m", f"commit {number + 1}", when=FIRST_COMMIT + number * 86400)
    _git(root, "repack", "-adq")
    _git(root, "prune")
    return commits


def time_history(data_path: Path, repeat: int = 3) -> tuple[float, int]:
    """Best of `repeat`: the seconds of one history pass, and how many events got dates."""
    best, dated = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        history = read_history(data_path)
        best = min(best, time.perf_counter() - start)
        if history.unavailable:
            sys.exit(f"bench: no history in {data_path}: {history.unavailable}")
        dated = sum(1 for entry in history.events.values() if entry.updated)
    return best, dated


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--commits", nargs="*", type=int, default=[COMMITS])
    args = parser.parse_args(argv)
    print("| events | commits | data MB | every version, MB | history pass s | updated events |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        data = generate(n)
        for commits in args.commits:
            root = WORK / f"history-{n}-{commits}"
            shutil.rmtree(root, ignore_errors=True)
            (root / "data").mkdir(parents=True)
            (root / DATA).write_text(_dump(data), encoding="utf-8")
            write_history(root, data, commits)
            seconds, updated = time_history(root / DATA)
            size = (root / DATA).stat().st_size / 1e6
            versions = subprocess.run(
                ["git", "log", "--format=%H", "--", DATA],
                cwd=root,
                env=GIT_ENV,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            total = sum(
                int(
                    subprocess.run(
                        ["git", "cat-file", "-s", f"{name}:{DATA}"],
                        cwd=root,
                        env=GIT_ENV,
                        capture_output=True,
                        text=True,
                        check=True,
                    ).stdout
                )
                for name in versions
            )
            print(
                f"| {n:,} | {commits} | {size:.1f} | {total / 1e6:.0f} | {seconds:.2f} "
                f"| {updated} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
