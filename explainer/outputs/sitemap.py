"""`<lang>/sitemap.xml`: the pages of one language (the root sitemap lists them all).

Material's language selector fetches `sitemap.xml` next to each language's home page; a
per-language sitemap answers it (no failed request) and is a valid sitemap of that folder.
"""

from __future__ import annotations

import gzip
import io
import xml.etree.ElementTree as ET

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def language_sitemap(full_sitemap: str, language_root_url: str) -> bytes:
    """The entries of `full_sitemap` whose location is under `language_root_url`."""
    ET.register_namespace("", NS)
    ET.register_namespace("xhtml", XHTML)
    root = ET.fromstring(full_sitemap)
    for url in list(root.findall(f"{{{NS}}}url")):
        location = url.findtext(f"{{{NS}}}loc") or ""
        if not location.startswith(language_root_url):
            root.remove(url)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def gzipped(data: bytes, name: str, mtime: int) -> bytes:
    """`data` gzipped with a fixed header: MkDocs stamps `sitemap.xml.gz` with the day of
    the build, so two builds of one commit on different days differed."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename=name, mode="wb", fileobj=buffer, mtime=mtime) as compressed:
        compressed.write(data)
    return buffer.getvalue()
