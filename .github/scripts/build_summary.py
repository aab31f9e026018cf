"""Markdown for a job summary: pages per language, build warnings, how to open a preview.

Usage (the workflows append stdout to $GITHUB_STEP_SUMMARY):

    python .github/scripts/build_summary.py --site site --log BUILD_LOG
        [--artifact NAME [--artifact-url URL]] [--base REVISION]

The languages come from the i18n plugin in mkdocs.yml: the default one is built at the
root of the site, every other one under /<locale>/. Works on a failed build too (no site,
or a log that ends in "Aborted"), so that the summary says what went wrong. With
`--base` (a pull request's target branch), it also lists the events whose lines the
pull request adds, changes, corrects or removes in the data file, as the site's update
dates will count them (moving an event or writing the same values otherwise is no
change).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ANSI = re.compile(r"\x1b\[[0-9;]*m")
WARNING = re.compile(r"^WARNING\b")


def languages(config: Path) -> list[tuple[str, str, bool]]:
    """(locale, name, is_default) of each built language, read as the build reads them;
    [] when unknown (no i18n plugin, or a configuration the build could not read)."""
    try:
        from mkdocs_explainer.configuration import read
        from mkdocs_explainer.i18n import language_names

        return language_names(read(config))
    except Exception:  # a failed build's summary still says what it can
        return []


def data_file(config: Path) -> Path:
    """The data file that mkdocs.yml names (`extra.explainer.data`), or the default."""
    try:
        from mkdocs_explainer.configuration import read_site_config

        return read_site_config(config).data_path
    except Exception:  # any unreadable setting: the default
        return config.parent / "data/events.yaml"


def event_changes(config: Path, base: str, language: str) -> list[str]:
    """Markdown: a table of the events the working tree adds, changes, corrects or removes
    against `base`, or a sentence saying why they cannot be listed."""
    path = data_file(config)
    try:
        from explainer.history import event_blocks, same_event
        from explainer.loader import load_text
    except ImportError:
        return [
            "The events this pull request changes cannot be listed: the generator is not installed."
        ]
    try:
        root = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        name = path.resolve().relative_to(Path(root).resolve()).as_posix()
        before = subprocess.run(
            ["git", "show", f"{base}:{name}"], cwd=root, capture_output=True, check=True
        ).stdout
        after = path.read_bytes()
    except (OSError, ValueError, subprocess.CalledProcessError):
        return [
            f"The events this pull request changes cannot be listed: `{path.name}` "
            f"cannot be read at `{base}`."
        ]
    old, new = event_blocks(before), event_blocks(after)
    old_data = load_text(before.decode("utf-8", "replace"), "base").data
    new_data = load_text(after.decode("utf-8", "replace"), "current").data

    def event(data: object, event_id: str) -> dict:
        events = data.get("events") if isinstance(data, dict) else None
        found = events.get(event_id) if isinstance(events, dict) else None
        return found if isinstance(found, dict) else {}

    def title(event_id: str) -> str:
        found = event(new_data, event_id).get("title") or event(old_data, event_id).get("title")
        text = found.get(language) if isinstance(found, dict) else found
        return str(text or "").replace("|", "\\|")

    def corrections(data: object, event_id: str) -> list[str]:
        listed = event(data, event_id).get("corrections")
        return [str(c.get("date")) for c in listed or [] if isinstance(c, dict)]

    rows = []
    for event_id in [*new, *(e for e in old if e not in new)]:
        if event_id not in old:
            what = "added"
        elif event_id not in new:
            what = "removed"
        elif same_event(old[event_id], new[event_id]):
            continue
        else:
            added = corrections(new_data, event_id)
            for date in corrections(old_data, event_id):
                if date in added:
                    added.remove(date)
            what = f"corrected ({', '.join(added)})" if added else "changed"
        rows.append(f"| `{event_id}` | {title(event_id)} | {what} |")
    if not rows:
        return [f"No event is added, changed, corrected or removed (compared with `{base}`)."]
    count = len(rows)
    return [
        f"**{count} event{'s' if count != 1 else ''}** added, changed, corrected or removed "
        f"(compared with `{base}`; moving an event is no change):",
        "",
        "| Event | Title | Change |",
        "| --- | --- | --- |",
        *rows,
    ]


def page_counts(site: Path, langs: list[tuple[str, str, bool]]) -> list[tuple[str, int]]:
    """Pages (index.html files) per language: other languages' folders are not the root's."""
    pages = [path.relative_to(site) for path in site.rglob("index.html")]
    if not langs:
        return [("all languages", len(pages))]
    others = {locale for locale, _, is_default in langs if not is_default}
    rows = []
    for locale, name, is_default in langs:
        if is_default:
            count = sum(1 for page in pages if page.parts[0] not in others)
            label = f"{name} (`{locale}`, at the root)"
        else:
            count = sum(1 for page in pages if page.parts[0] == locale)
            label = f"{name} (`{locale}`, under `/{locale}/`)"
        rows.append((label, count))
    return rows


def fenced(lines: list[str]) -> list[str]:
    """A code block that no backticks in the lines can close early."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + "text", *lines, fence]


def summary(
    site: Path,
    log: Path,
    config: Path,
    artifact: str | None,
    artifact_url: str | None,
    base: str | None = None,
) -> str:
    out = ["## Site build", ""]
    log_lines = (
        [ANSI.sub("", line) for line in log.read_text(encoding="utf-8").splitlines()]
        if log.is_file()
        else None
    )
    built = site.is_dir() and (site / "index.html").is_file()
    langs = languages(config)
    if log_lines is None:
        out += ["The build did not run (an earlier step failed).", ""]
    elif not built or any(line.startswith("Aborted") for line in log_lines):
        out += ["**The strict build failed**; the lines below and the job log say why.", ""]

    if built:
        out += ["| Language | Pages |", "| --- | ---: |"]
        out += [f"| {label} | {count} |" for label, count in page_counts(site, langs)]
        out.append("")

    if log_lines is not None:
        warnings = [line for line in log_lines if WARNING.match(line)]
        plural = "" if len(warnings) == 1 else "s"
        out.append(f"**{len(warnings)} WARNING line{plural}** in the build log.")
        if warnings:
            out += ["", *fenced(warnings)]
        errors = [line for line in log_lines if line.startswith(("ERROR", "Aborted"))]
        if errors:
            out += ["", *fenced(errors)]
        out.append("")

    if base:
        language = next((locale for locale, _, default in langs if default), "en")
        out += ["### Events", "", *event_changes(config, base, language), ""]

    if artifact and built:
        where = f"[`{artifact}`]({artifact_url})" if artifact_url else f"`{artifact}`"
        out += [
            "### Preview",
            "",
            f"1. Download the artifact {where} from this run's page (section *Artifacts*, "
            "signed in to GitHub).",
            "2. Unzip it into a folder `site` and serve that folder:",
            "",
            "   ```sh",
            f"   unzip {artifact}.zip -d site",
            "   python3 -m http.server -d site 8000",
            "   ```",
            "",
            "3. Open http://127.0.0.1:8000/"
            + "".join(
                f"; {name}: http://127.0.0.1:8000/{locale}/"
                for locale, name, is_default in langs
                if not is_default
            ),
            "",
        ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--log", type=Path, required=True, help="the mkdocs build log")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--artifact", help="name of the uploaded preview artifact")
    parser.add_argument("--artifact-url", help="its URL (actions/upload-artifact output)")
    parser.add_argument("--base", help="list the events changed against this git revision")
    args = parser.parse_args(argv)
    sys.stdout.write(
        summary(
            args.site,
            args.log,
            args.config,
            args.artifact,
            args.artifact_url or None,
            args.base or None,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
