"""What share cards cost a build (issue 29): a card's own CPU time, and the 1,000-event
synthetic site (bench/run.py) built without cards, with every card to draw (cold: an empty
cache) and with every card in the cache (warm).

    python bench/cards.py [--events 1000] [--repeat 3] [--out bench/results.md]

Each build runs in a process of its own, as `mkdocs build` (both languages at the same
time on two or more cores, as a build runs by default). The builds take turns (off, cold,
warm, off, cold, warm, ...) so that the machine's drift touches each alike; the fastest
counts, as in `make bench REPEAT=2` (on a shared machine, the others' load only slows a
run down). The results replace the "Share cards" section of bench/results.md.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
for path in (REPO, BENCH):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from run import ENV, Run, _checked, machine, measure, write_site  # noqa: E402

from explainer.outputs.cards import Card, CardStyle, draw  # noqa: E402

WARM_TARGET = 0.05  # a warm build at most 5 % slower than one without cards
CARD_TARGET_MS = 10.0  # CPU per card
SECTION = "## Share cards"


def card_cost(count: int = 200) -> tuple[float, float, int]:
    """CPU milliseconds per card (median of five rounds of `count` different cards, in one
    process, fonts loaded), its share for the drawing alone, and the largest PNG's bytes."""
    style = CardStyle()
    titles = [
        f"Sicherheitskabinett {i}: Sheinbaum und Trump vereinbaren Zusammenarbeit bei den "
        "Grenzkontrollen"
        for i in range(count)
    ]
    site = "Mexiko und die USA: Spannungen und Zusammenarbeit in Sicherheitsfragen"
    draw(Card("warm up", "", site, "Deutsch"), style)
    rounds, largest = [], 0
    for _ in range(5):
        start = time.process_time()
        for title in titles:
            largest = max(
                largest,
                len(draw(Card(title, "16. Januar 2026 · Telefonat", site, "Deutsch"), style)),
            )
        rounds.append((time.process_time() - start) * 1000 / count)
    return statistics.median(rounds), min(rounds), largest


def warm_path_cost(root: Path, cache: Path) -> tuple[float, int]:
    """CPU seconds the card path of a warm build costs in all: for every page in every
    language, what the hooks do (the page's card, its key, the cache lookup, the hard link
    into the site), in one process, with every card in `cache`. Best of three."""
    from explainer.outputs.cards import CardMaker
    from explainer.site import Explainer
    from mkdocs_explainer.configuration import read_site_config

    explainer = Explainer.load(read_site_config(root / "mkdocs.yml"), history=False)
    settings = explainer.config.cards
    assert settings is not None
    paths = [*explainer.page_paths(), "index.md", "about.md"]
    best, pages = float("inf"), 0
    for _ in range(3):
        with tempfile.TemporaryDirectory(dir=root) as site:
            start = time.process_time()
            maker = CardMaker(settings.style, cache)
            for language in explainer.config.languages:
                for path in paths:
                    title = f"{path} ({language})"
                    card = explainer.page_card(language, path, title=title, site_name="Site")
                    assert card is not None and card.card is not None
                    maker.submit(card.card, Path(site) / card.path)
            maker.finish()
            best = min(best, time.process_time() - start)
            pages = maker.reused + maker.drawn
    return best, pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=BENCH / "results.md")
    args = parser.parse_args(argv)

    per_card, fastest, largest = card_cost()
    print(f"one card: {per_card:.1f} ms CPU (fastest round {fastest:.1f}), largest {largest} B")

    root = write_site(args.events)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["explainer"]["cards"] = False
    (root / "cards-off.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    python = sys.executable
    runs: dict[str, list[Run]] = {"off": [], "cold": [], "warm": []}
    with tempfile.TemporaryDirectory() as folder:
        warm_cache = Path(folder) / "warm"
        for index in range(args.repeat):
            for kind in ("off", "cold", "warm"):
                cache = warm_cache if kind == "warm" else Path(folder) / f"cold-{index}"
                if kind == "cold":
                    shutil.rmtree(cache, ignore_errors=True)
                if kind == "warm" and not warm_cache.exists():  # filled once, before
                    build = [python, "-m", "mkdocs", "build", "-q", "-d", "site"]
                    env = {**ENV, "EXPLAINER_CARD_CACHE": str(warm_cache)}
                    _checked(measure(build, root, env=env), "the build that fills the cache")
                command = [python, "-m", "mkdocs", "build", "-q", "-d", "site"]
                if kind == "off":
                    command[4:4] = ["-f", "cards-off.yml"]
                env = {**ENV, "EXPLAINER_CARD_CACHE": str(cache)}
                run = _checked(measure(command, root, env=env), f"the build with cards {kind}")
                runs[kind].append(run)
                print(f"{kind}: {run.seconds:.1f} s (CPU {run.cpu_seconds:.1f} s)", flush=True)
        warm_path_cost(root, warm_cache)  # fills the cache with the titles it draws
        path_cpu, path_pages = warm_path_cost(root, warm_cache)
    print(f"warm card path: {path_cpu:.2f} s CPU for {path_pages} pages")
    pages = sum(1 for _ in (root / "site").rglob("index.html"))
    cards = sum(1 for _ in (root / "site").rglob("cards/**/*.png"))
    text = report(args.events, runs, per_card, largest, pages, cards, path_cpu, path_pages)
    print(text)
    write_section(args.out, text)
    return 0


def fastest(runs: list[Run], what: str) -> float:
    return min(getattr(run, what) for run in runs)


def report(
    events: int,
    runs: dict[str, list[Run]],
    per_card: float,
    largest: int,
    pages: int,
    cards: int,
    path_cpu: float,
    path_pages: int,
) -> str:
    info = machine()
    off, cold, warm = (fastest(runs[k], "seconds") for k in ("off", "cold", "warm"))
    off_cpu, cold_cpu, warm_cpu = (fastest(runs[k], "cpu_seconds") for k in ("off", "cold", "warm"))
    slower = warm / off - 1
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    rows = "\n".join(
        f"| {name} | {fastest(runs[k], 'seconds'):.1f} | {fastest(runs[k], 'cpu_seconds'):.1f} | "
        + ", ".join(f"{r.seconds:.1f}" for r in runs[k])
        + " |"
        for k, name in (
            ("off", "cards off"),
            ("cold", "cold (every card drawn)"),
            ("warm", "warm (every card cached)"),
        )
    )
    met = {True: "met", False: "**not met**"}
    targets = [
        f"| one card <= {CARD_TARGET_MS:.0f} ms CPU (1200 x 630, antialiased text, 8-bit PNG) "
        f"| {per_card:.1f} ms (largest {largest / 1000:.0f} KB) "
        f"| {met[per_card <= CARD_TARGET_MS]} |",
        f"| warm build <= {WARM_TARGET:.0%} slower than cards off | {slower:+.1%} ({warm:.1f} s "
        f"against {off:.1f} s; CPU {warm_cpu:.1f} s against {off_cpu:.1f} s) "
        f"| {met[slower <= WARM_TARGET]} |",
        f"| warm build's CPU <= {WARM_TARGET:.0%} more than cards off "
        f"| {warm_cpu / off_cpu - 1:+.1%} ({warm_cpu:.1f} s against {off_cpu:.1f} s) "
        f"| {met[warm_cpu / off_cpu - 1 <= WARM_TARGET]} |",
        f"| the warm card path alone (every page's card, key, lookup and link, in one "
        f"process: {path_pages:,} pages) <= {WARM_TARGET:.0%} of the cards-off build's CPU "
        f"| {path_cpu:.2f} s, {path_cpu / off_cpu:.1%} of {off_cpu:.1f} s "
        f"| {met[path_cpu / off_cpu <= WARM_TARGET]} |",
        f"| cold build (for the record) | {cold:.1f} s, {cold / off - 1:+.0%} (CPU "
        f"{cold_cpu:.1f} s, {cold_cpu - off_cpu:+.1f} s for {cards:,} cards) | |",
    ]
    when = datetime.datetime.now(datetime.UTC)
    return (
        f"{SECTION}\n\n"
        f"Written by `bench/cards.py` on {when:%Y-%m-%d %H:%M} UTC: {info.get('cores', '?')} "
        f"cores, CPython {sys.version.split()[0]}, load average at the end {load}. The "
        f"synthetic site of {events:,} events (bench/run.py), {pages:,} HTML pages and "
        f"{cards:,} cards (every page in both languages), built with `mkdocs build` in a "
        f"process of its own, {len(runs['off'])} times each, in turns; the fastest counts. "
        "Wall times follow the load of the machine's other work (a load average of 5 on 2 "
        "cores doubles them); the CPU times, and the card path measured alone, much less.\n\n"
        "| build | s | CPU s | runs (s) |\n|---|---:|---:|---|\n"
        f"{rows}\n\n"
        "| target | measured | result |\n|---|---|---|\n" + "\n".join(targets) + "\n"
    )


def write_section(path: Path, text: str) -> None:
    """Replace the section in the results file, or add it at the end."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    new = pattern.sub(text + "\n", old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text
    path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
