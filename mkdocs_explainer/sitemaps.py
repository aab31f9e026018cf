"""One sitemap per language (Material's language selector asks for `sitemap.xml` next to
each language's home page), and a `sitemap.xml.gz` stamped with the data's time instead of
the day of the build."""

from __future__ import annotations

from pathlib import Path

from explainer.outputs.sitemap import gzipped, language_sitemap
from explainer.urls import SiteUrls


def write_language_sitemaps(site_dir: Path, urls: SiteUrls, timestamp: int) -> None:
    """After the last language pass: rewrite `sitemap.xml.gz` reproducibly and write
    `<lang>/sitemap.xml` for every language but the default (whose is the root one)."""
    full = site_dir / "sitemap.xml"
    if not full.is_file():
        return
    packed = full.with_name("sitemap.xml.gz")
    if packed.is_file():
        packed.write_bytes(gzipped(full.read_bytes(), "sitemap.xml", timestamp))
    text = full.read_text(encoding="utf-8")
    for language in urls.languages[1:]:
        root = urls.absolute(urls.prefix(language)) or f"/{urls.prefix(language)}"
        target = site_dir / urls.prefix(language) / "sitemap.xml"
        target.write_bytes(language_sitemap(text, root))


def merge_sitemaps(first: str, second: str) -> str:
    """`first` with the `<url>` entries of `second` after its own: the root sitemap of
    passes built in separate processes, as one process building them in turn writes it
    (its last pass lists every language's pages, in language order)."""
    opening = second.index(">", second.index("<urlset")) + 1
    entries = second[opening : second.rindex("</urlset>")].removeprefix("\n")
    head = first[: first.rindex("</urlset>")]
    if entries and not head.endswith("\n"):
        head += "\n"
    return head + entries + first[first.rindex("</urlset>") :]
