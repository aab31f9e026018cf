"""Time the explainer's own work in one build, part by part, without MkDocs.

    python bench/components.py 1000 10000

Needs the sites that `bench/run.py` wrote (bench/.work/N/, with the generated `site/`).
For each size it times, in this process, what the hooks call during a two-language build:
loading and validating the data, reading the events' dates from the data file's git
history (for the sizes run.py gave one), the generated pages (templates to HTML), the Atom feed,
the iCalendar file and the JSON export, glossary term linking on every generated page's
HTML (its content as the core made it), the <head> tags of every page, and the glossary's
"appears in" lines. See bench/PROFILE.md.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from explainer.history import read_history  # noqa: E402
from explainer.outputs.atom import atom_feed  # noqa: E402
from explainer.outputs.export import export  # noqa: E402
from explainer.outputs.ical import calendar  # noqa: E402
from explainer.site import Explainer, PageRef  # noqa: E402
from explainer.views.base import GLOSSARY  # noqa: E402
from mkdocs_explainer.configuration import read_site_config  # noqa: E402


def _timed(results: dict[str, float], name: str, work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    value = work()
    results[name] = results.get(name, 0.0) + time.perf_counter() - start
    return value


def _language(results: dict[str, float], explainer: Explainer, root: Path, language: str) -> None:
    ctx, urls = explainer.context(language), explainer.urls
    pages = _timed(results, "generated pages (views)", lambda: explainer.pages(language))
    _timed(results, "Atom feed", lambda: atom_feed(ctx, urls, "Bench"))
    _timed(results, "iCalendar", lambda: calendar(ctx, urls, "Bench"))
    _timed(results, "JSON export", lambda: export(ctx, urls, "Bench"))
    paths = [page.path for page in pages] + ["index.md", "about.md"]
    contents = {page.path: page.html for page in pages}
    refs: list[PageRef] = []

    def link_all() -> None:
        for path, content in contents.items():
            linked = explainer.link_terms(language, content, "../glossary/")
            refs.append(PageRef(path, path, path, tuple(linked.mentioned)))

    def heads() -> None:
        for path in paths:
            explainer.head_html(
                language,
                site_name="Bench",
                source_path=path,
                title="A title",
                description="A description",
            )

    _timed(results, "glossary term linking", link_all)
    _timed(results, "<head> tags", heads)
    glossary = contents[GLOSSARY]
    _timed(
        results,
        "glossary appears-in",
        lambda: explainer.fill_appears_in(language, glossary, refs),
    )


def components(n: int) -> dict[str, float]:
    root = BENCH / ".work" / str(n)
    results: dict[str, float] = {}
    config = read_site_config(root / "mkdocs.yml")
    explainer = _timed(
        results, "load + validate + model", lambda: Explainer.load(config, history=False)
    )
    # the events' dates from the data file's git history (where run.py wrote one)
    _timed(results, "history pass", lambda: read_history(config.data_path))
    for language in config.languages:
        _language(results, explainer, root, language)
    results["total"] = sum(results.values())
    return results


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [1000]
    table = {n: components(n) for n in sizes}
    names = list(next(iter(table.values())))
    print("| part | " + " | ".join(f"{n:,} events s" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for name in names:
        print(f"| {name} | " + " | ".join(f"{table[n][name]:.2f}" for n in sizes) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
