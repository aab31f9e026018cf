"""Share cards (issue 29): every page of every language has a 1200 × 630 PNG card drawn
offline, named in its <head> with absolute addresses; the same input gives the same bytes;
long titles wrap between words and shrink; hostile titles draw as plain text; cards come
from the cache when nothing that draws them changed; a site turns them off, colours them,
or gives an event page an image of its own."""

from __future__ import annotations

import io
from pathlib import Path

import lxml.html
import pytest
import yaml
from PIL import Image

from explainer.outputs import cards
from explainer.outputs.cards import (
    BOLD,
    HEIGHT,
    MARGIN,
    TITLE_SIZES,
    WIDTH,
    Card,
    CardError,
    CardMaker,
    CardStyle,
    draw,
    fit_title,
    parse_cards,
    plain,
)
from explainer.site import ConfigError
from tests.conftest import SITE_URL, in_theme, make_site, minimal_yaml, mkdocs_build
from tests.stories import load, minimal_data, statuses_story

GERMAN = Card(
    # 118 characters, the longest compounds of the seed's German titles and more
    "Bundessicherheitsministerkonferenz und Grenzschutzzusammenarbeitsvereinbarung: "
    "Sheinbaum und Trump verständigen sich erneut",
    "16. Januar 2026 · Telefonat",
    "Mexiko und die USA: Spannungen und Zusammenarbeit in Sicherheitsfragen, Januar 2026",
    "Deutsch",
)
INNER = WIDTH - 2 * MARGIN


def png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def forget_measurements() -> None:
    """As a new process starts: no font or width measured before."""
    cards._font.cache_clear()
    cards._width.cache_clear()


# --- the picture ---------------------------------------------------------------------------


def test_a_card_is_a_1200_by_630_palette_png_under_100_kb() -> None:
    data = draw(GERMAN, CardStyle())
    image = png(data)
    assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "P")
    assert len(data) < 100_000
    assert not image.info.keys() & {"date", "modify", "Creation Time", "time"}


def test_the_same_card_gives_the_same_bytes_and_another_text_other_bytes() -> None:
    first = draw(GERMAN, CardStyle())
    forget_measurements()
    assert draw(GERMAN, CardStyle()) == first
    other = Card(GERMAN.title + " heute", GERMAN.kicker, GERMAN.site_name, GERMAN.language)
    assert draw(other, CardStyle()) != first


def test_a_long_german_title_wraps_between_words_and_shrinks_within_the_card() -> None:
    size, lines = fit_title(GERMAN.title, INNER, 320)
    assert size < TITLE_SIZES[0][0]  # shrunk
    assert len(lines) > 1  # wrapped
    # nothing cut: the lines are the title's words, each whole, in order
    assert " ".join(lines) == plain(GERMAN.title)
    font = cards._font(BOLD, size)
    assert all(font.getlength(line) <= INNER for line in lines)  # measured as drawn
    # and it is drawn: the text stays inside the margins
    image = png(draw(GERMAN, CardStyle())).convert("RGB")
    background = image.getpixel((600, 5))
    right = [image.getpixel((x, y)) for x in range(WIDTH - MARGIN + 2, WIDTH) for y in (300, 400)]
    assert set(right) == {background}


def test_a_title_too_long_for_the_card_ends_with_an_ellipsis_after_a_whole_word() -> None:
    words = ["Sicherheitszusammenarbeit", "und", "Grenzschutz"] * 12
    size, lines = fit_title(" ".join(words), INNER, 320)
    assert size == TITLE_SIZES[-1][0] and lines[-1].endswith("…")
    shown = " ".join(lines).removesuffix("…").split(" ")
    assert shown == words[: len(shown)]


def test_a_hostile_title_is_drawn_as_its_plain_characters() -> None:
    """Markup is drawn as the characters it is; control and direction characters, which
    would print as boxes or reorder the line, are left out."""
    hostile = '<script>alert("x")</script> &amp; <b>bold</b>\u202e\u0000\u200b end'
    assert plain(hostile) == '<script>alert("x")</script> &amp; <b>bold</b> end'
    style = CardStyle()
    drawn = draw(Card(hostile, "", "Site", "English"), style)
    assert drawn == draw(Card(plain(hostile), "", "Site", "English"), style)
    assert drawn != draw(Card("alert(x) bold end", "", "Site", "English"), style)


def test_a_site_colours_its_cards_and_adds_its_logo(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 200), (200, 30, 30)).save(logo)
    settings = parse_cards(
        {"background": "#ffffff", "text": "#000000", "logo": "logo.png"}, tmp_path
    )
    assert settings is not None
    image = png(draw(GERMAN, settings.style)).convert("RGB")
    assert image.getpixel((600, 5)) == (255, 255, 255)
    # the logo, scaled into 120 x 120 at the top right
    assert image.getpixel((WIDTH - MARGIN - 60, 60 + 40)) == (200, 30, 30)


def test_card_settings_are_checked_with_their_name() -> None:
    here = Path(".")
    assert parse_cards(False, here) is None
    with pytest.raises(CardError, match=r"cards\.backgroud: unknown setting; did you mean"):
        parse_cards({"backgroud": "#fff"}, here)
    with pytest.raises(CardError, match=r"cards\.text: `blurple` is not a colour"):
        parse_cards({"text": "blurple"}, here)
    with pytest.raises(CardError, match=r"cards\.logo: there is no file nothing\.png"):
        parse_cards({"logo": "nothing.png"}, here)


def test_a_bad_card_setting_stops_the_site_with_one_line(tmp_path: Path) -> None:
    from explainer.site import SiteConfig

    with pytest.raises(ConfigError, match=r"extra\.explainer\.cards\.accent"):
        SiteConfig.from_settings(tmp_path, ["en"], tmp_path, {"cards": {"accent": "#12"}})


# --- the cache -----------------------------------------------------------------------------


def test_a_card_is_drawn_once_and_then_taken_from_the_cache(tmp_path: Path) -> None:
    drawn: list[str] = []

    def counting(card: Card, style: CardStyle) -> bytes:
        drawn.append(card.title)
        return draw(card, style)

    style, cache = CardStyle(), tmp_path / "cache"
    first = CardMaker(style, cache, drawer=counting)
    first.submit(GERMAN, tmp_path / "a" / "card.png")
    first.finish()
    second = CardMaker(style, cache, drawer=counting)
    second.submit(GERMAN, tmp_path / "b" / "card.png")
    second.finish()
    assert drawn == [GERMAN.title]
    assert (first.drawn, second.reused) == (1, 1)
    assert (tmp_path / "a" / "card.png").read_bytes() == (tmp_path / "b" / "card.png").read_bytes()
    # another colour is another card
    third = CardMaker(CardStyle(background="#000000"), cache, drawer=counting)
    third.submit(GERMAN, tmp_path / "c" / "card.png")
    third.finish()
    assert len(drawn) == 2


# --- an event's own image ------------------------------------------------------------------


def test_an_events_own_image_must_be_a_png_or_jpeg_beside_the_data(tmp_path: Path) -> None:
    from explainer.problems import DataError

    def problems(card: str) -> str:
        data = minimal_data()
        data["events"][next(iter(data["events"]))]["card"] = card
        with pytest.raises(DataError) as error:
            load(tmp_path, data)
        return error.value.report()

    assert ".card: there is no file `images/missing.png` beside the data" in problems(
        "images/missing.png"
    )
    (tmp_path / "data" / "images").mkdir(parents=True)
    Image.new("RGB", (10, 10)).save(tmp_path / "data" / "images" / "x.gif", "GIF")
    Image.new("RGB", (10, 10)).save(tmp_path / "data" / "images" / "gif.png", "GIF")
    (tmp_path / "data" / "images" / "x.png").write_bytes(b"not an image")
    assert ".card: `images/x.png` is not an image" in problems("images/x.png")
    assert ".card: `images/gif.png` is GIF, not PNG or JPEG" in problems("images/gif.png")
    for outside in ("../x.png", "/etc/x.png", "images/x.gif"):
        assert "is not a path to a PNG or JPEG file beside the data" in problems(outside)


# --- in the build --------------------------------------------------------------------------


def card_tags(page: Path) -> dict[str, str]:
    head = lxml.html.parse(str(page)).getroot().find("head")
    found = {m.get("property") or m.get("name"): m.get("content") for m in head.iter("meta")}
    return {k: v for k, v in found.items() if k and k.startswith(("og:image", "twitter:"))}


def check_every_page_has_its_card(site: Path, site_url: str, languages: tuple[str, ...]) -> int:
    """Every page's tags, and the card each names: a 1200 x 630 PNG under 100 KB in the
    site, at the absolute address the tags give. Returns the number of pages."""
    pages = [p for p in sorted(site.rglob("index.html")) if in_theme(site, p)]
    seen_languages = set()
    for page in pages:
        tags = card_tags(page)
        assert tags["twitter:card"] == "summary_large_image", page
        assert tags["og:image"].startswith(site_url), page
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630"), page
        assert tags["og:image:type"] == "image/png"
        assert tags["og:image:alt"].strip(), page
        file = site / tags["og:image"].removeprefix(site_url)
        data = file.read_bytes()
        assert png(data).size == (WIDTH, HEIGHT) and len(data) < 100_000, file
        seen_languages.add(lxml.html.parse(str(page)).getroot().get("lang"))
    assert seen_languages == set(languages)
    return len(pages)


@pytest.mark.build
def test_every_page_of_the_seed_site_has_a_card_in_both_languages(published_site: Path) -> None:
    assert check_every_page_has_its_card(published_site, SITE_URL, ("en", "de")) > 40
    # an event's card says its date and type in the page's language
    tags = card_tags(published_site / "de" / "events" / "sheinbaum-trump-call" / "index.html")
    assert "12.\u00a0Januar\u00a02026 · Telefonat" in tags["og:image:alt"]
    # the home page's title is the site's name: its card and alt text say it once
    for home in (published_site / "index.html", published_site / "de" / "index.html"):
        heading = lxml.html.parse(str(home)).getroot().find(".//h1").text_content()
        name = heading.strip("¶ ").replace("\u00a0", " ")  # the page keeps "January 2026" together
        assert card_tags(home)["og:image:alt"].count(name) == 1, home


@pytest.mark.build
def test_a_held_out_story_gets_cards_the_same_bytes_cold_and_warm(tmp_path: Path) -> None:
    """Another story than the seed: every page has its card. Two builds that draw every
    card (each with an empty cache) and one that takes them all from the cache give the
    same site, byte for byte."""
    (tmp_path / "story").mkdir()
    config = make_site(tmp_path / "story", minimal_yaml())
    url = "https://cards.example.net/story/"
    config.write_text(f"site_url: {url}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    sites = {}
    for name, cache in (("cold", "a"), ("other", "b"), ("warm", "a")):
        sites[name] = tmp_path / name
        env = {"EXPLAINER_CARD_CACHE": str(tmp_path / cache)}
        result = mkdocs_build(config, sites[name], env=env)
        assert result.returncode == 0, result.stderr
    assert check_every_page_has_its_card(sites["cold"], url, ("en", "de")) >= 24

    def files(site: Path) -> dict[str, bytes]:
        """The cards of a site, by their path."""
        found = (p.relative_to(site).as_posix() for p in site.rglob("*.png"))
        return {path: (site / path).read_bytes() for path in found if "cards/" in path}

    assert files(sites["cold"]) == files(sites["other"]) == files(sites["warm"])
    # the warm build drew nothing: the cache holds one card per page and language
    assert len(list((tmp_path / "a").rglob("*.png"))) == len(files(sites["cold"]))


@pytest.mark.build
def test_cards_off_and_an_events_own_image(tmp_path: Path) -> None:
    data = yaml.safe_load(minimal_yaml())
    event_id = next(iter(data["events"]))
    data["events"][event_id]["card"] = "summit.jpg"
    root = tmp_path / "site-src"
    root.mkdir()
    config = make_site(root, yaml.safe_dump(data, allow_unicode=True))
    Image.new("RGB", (800, 400), (10, 120, 40)).save(root / "data" / "summit.jpg")
    text = config.read_text(encoding="utf-8")
    config.write_text(f"site_url: {SITE_URL}\n{text}", encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "with")
    assert result.returncode == 0, result.stderr
    for prefix in ("", "de/"):
        tags = card_tags(tmp_path / "with" / prefix / "events" / event_id / "index.html")
        assert tags["og:image"] == f"{SITE_URL}{prefix}cards/events/{event_id}.jpg"
        assert (tags["og:image:type"], tags["og:image:width"]) == ("image/jpeg", "800")
        copied = tmp_path / "with" / prefix / "cards" / "events" / f"{event_id}.jpg"
        assert copied.read_bytes() == (root / "data" / "summit.jpg").read_bytes()

    config.write_text(config.read_text() + "    cards: false\n", encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "without")
    assert result.returncode == 0, result.stderr
    assert not [p for p in (tmp_path / "without").rglob("cards") if p.is_dir()]
    page = tmp_path / "without" / "timeline" / "index.html"
    assert card_tags(page) == {}


def test_an_event_not_known_to_have_taken_place_says_its_status_on_its_card(
    tmp_path: Path,
) -> None:
    """R16: the card of the unconfirmed meeting said "January 23, 2026 · Meeting", the page
    "Meeting · unconfirmed"; a card shared alone must not read as if the event took place."""
    explainer = statuses_story(tmp_path)
    said = {
        "en": {
            "held": "Jan.\u00a012,\u00a02026 · Phone call",
            "planned": "May\u00a04,\u00a02026 · Phone call · scheduled",
            "open": "Jan.\u00a023,\u00a02026 · Meeting · unconfirmed",
            "off": "February\u00a02026 · Phone call · canceled",
        },
        "de": {
            "held": "12.\u00a0Januar\u00a02026 · Telefonat",
            "planned": "4.\u00a0Mai\u00a02026 · Telefonat · angesetzt",
            "open": "23.\u00a0Januar\u00a02026 · Treffen · unbestätigt",
            "off": "Februar\u00a02026 · Telefonat · abgesagt",
        },
    }
    for lang, kickers in said.items():
        for event_id, kicker in kickers.items():
            card = explainer.page_card(
                lang, f"events/{event_id}.md", title="Talks", site_name="Site"
            )
            assert card is not None and card.card is not None
            # the card draws it, and the alt text that describes the card says it
            assert card.card.kicker.replace(" ", "\u00a0") == kicker.replace(" ", "\u00a0")
            assert kicker.replace(" ", "\u00a0") in card.alt.replace(" ", "\u00a0"), card.alt


def test_a_card_names_the_site_by_its_short_name_under_a_pages_title(seed_story) -> None:  # type: ignore[no-untyped-def]
    """R63 read the seed's long name cut off on the cards ("security tensions and…"): under
    any page's title but the home page's, a card says the short name, as the tab does."""
    for lang, full in (("en", "The site's full name"), ("de", "Der volle Name der Website")):
        short = seed_story.config.short_name[lang]
        card = seed_story.page_card(lang, "timeline.md", title="Timeline", site_name=full)
        assert card is not None and card.card is not None
        assert card.card.site_name == short and card.alt.endswith(short)
        home = seed_story.page_card(lang, "index.md", title=full, site_name=full)
        assert home is not None and home.card is not None and home.card.site_name == ""
