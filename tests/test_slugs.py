"""Heading ids: German's spelled-out letters, not dropped ones (explainer/slugs.py)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from explainer.slugs import slugify


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("US-Außenministerium", "us-aussenministerium"),
        ("Zu diesem Überblick", "zu-diesem-ueberblick"),
        ("An anderer Stelle erwähnt", "an-anderer-stelle-erwaehnt"),
        ("Militärische Intervention", "militaerische-intervention"),
        ("Mañanera", "mananera"),  # other accents come off, as Python-Markdown takes them
        ("Key figures", "key-figures"),
    ],
)
def test_a_heading_id_spells_out_what_it_cannot_write(heading: str, slug: str) -> None:
    assert slugify(heading, "-") == slug


def test_the_seed_site_ids_hand_written_and_generated_headings_alike(seed_site: Path) -> None:
    """R59/R60 copied `#us-auenministerium` and `#zu-diesem-uberblick` from the German
    pages' permanent links: a hand-written page (MkDocs' toc) and a generated one (the
    core's ids) take the same setting, and the links point at the ids."""
    for url, heading_id in (
        ("de/about", "zu-diesem-ueberblick"),
        ("de/actors/us-state-department", "us-aussenministerium"),
        ("de/actors/cia", "an-anderer-stelle-erwaehnt"),
    ):
        root = lxml.html.parse(str(seed_site / url / "index.html")).getroot()
        [heading] = root.xpath(f'//*[@id="{heading_id}"]')
        assert heading.tag in ("h1", "h2"), url
        assert root.xpath(f'//article//a[@href="#{heading_id}"]'), url
