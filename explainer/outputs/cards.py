"""Share cards: one 1200 × 630 PNG per page and language, drawn offline with Pillow and
the Noto Sans shipped in `assets/fonts/` (SIL Open Font License, `OFL.txt` beside it).

A card shows the page's title, an event's date and type, the site's name and the page's
language. The same card and style give the same bytes on every machine: the font files
ship with the package, text is laid out by FreeType alone (Pillow's basic layout, never
Raqm, which a machine may or may not have), and the PNG is a palette image without
timestamps. Cards are kept in a cache folder by the hash of everything that draws them,
so a build draws only the cards whose text, style, font or Pillow changed; the rest are
hard-linked (or copied) from the cache into the site.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import threading
import unicodedata
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

#: the card's size in pixels, as og:image:width and og:image:height say it
WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
REGULAR, BOLD = FONTS / "NotoSans-Regular.ttf", FONTS / "NotoSans-Bold.ttf"
#: changed whenever the drawing changes, so that no cached card of an older layout is used
LAYOUT_VERSION = 1

MARGIN = 80
#: title sizes tried from the largest down, with the most lines each may take
TITLE_SIZES = ((76, 3), (68, 3), (60, 4), (54, 4), (48, 5), (42, 5))
#: below the smallest title size, only for a single word wider than the card
LAST_RESORT_SIZES = (36, 30, 26, 22)
TITLE_TOP, TITLE_BOTTOM = 170, 490
ELLIPSIS = "…"


class CardError(Exception):
    """A card's settings cannot work (a colour Pillow cannot read, a logo it cannot open)."""


@dataclass(frozen=True)
class CardStyle:
    """A site's colours and logo (`extra.explainer.cards`)."""

    background: str = "#1a237e"
    text: str = "#ffffff"
    accent: str = "#9fa8da"
    #: an image file drawn in the top right corner, within 120 × 120 pixels
    logo: Path | None = None

    def check(self) -> None:
        from PIL import Image, ImageColor

        for name in ("background", "text", "accent"):
            try:
                ImageColor.getrgb(getattr(self, name))
            except ValueError:
                raise CardError(
                    f"extra.explainer.cards.{name}: `{getattr(self, name)}` is not a colour "
                    "(write it as #rrggbb)"
                ) from None
        if self.logo is not None:
            try:
                with Image.open(self.logo) as image:
                    image.verify()
            except (OSError, SyntaxError) as error:
                raise CardError(
                    f"extra.explainer.cards.logo: {self.logo} cannot be read as an image ({error})"
                ) from None


@dataclass(frozen=True)
class Card:
    """What one card says; every field is plain text, drawn as it is."""

    title: str
    #: the event's date and type ("January 16, 2026 · Call"), or ""
    kicker: str
    site_name: str
    #: the page's language, named in itself ("Deutsch")
    language: str


def plain(text: str) -> str:
    """A text as a card draws it: one line of characters, without control or format
    characters (which would print as boxes), white space folded."""
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )
    return " ".join(kept.split())


@cache
def _font(path: Path, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


@cache
def _width(font, text: str) -> float:
    """How wide a word is drawn; a line is its words and spaces (the basic layout does not
    kern between them), so each word is measured once a build."""
    return font.getlength(text)


def _line_width(font, words: list[str]) -> float:
    return sum(_width(font, w) for w in words) + _width(font, " ") * (len(words) - 1)


def wrap(words: list[str], font, width: float) -> list[str] | None:
    """Words in lines no wider than `width`, broken only between words; None when a
    single word is wider."""
    lines: list[str] = []
    line: list[str] = []
    used, space = 0.0, _width(font, " ")
    for word in words:
        size = _width(font, word)
        if size > width:
            return None
        if line and used + space + size > width:
            lines.append(" ".join(line))
            line, used = [], 0.0
        used += (space if line else 0.0) + size
        line.append(word)
    if line:
        lines.append(" ".join(line))
    return lines


def shorten(lines: list[str], most: int, font, width: float) -> list[str]:
    """At most `most` lines; when the text goes on, the last line ends with an ellipsis
    after a whole word."""
    if len(lines) <= most:
        return lines
    kept = lines[:most]
    words = kept[-1].split(" ")
    while len(words) > 1 and _line_width(font, words) + _width(font, ELLIPSIS) > width:
        words.pop()
    kept[-1] = " ".join(words) + ELLIPSIS
    return kept


def fit_title(title: str, width: float, height: float) -> tuple[int, list[str]]:
    """The largest size at which the title fits the box in whole words, and its lines.
    A title too long for the smallest size keeps its first lines and an ellipsis after a
    word; a single word wider than the card at every size is the one thing that breaks
    inside a word."""
    words = plain(title).split(" ") or [""]
    for size, most in TITLE_SIZES:
        font = _font(BOLD, size)
        lines = wrap(words, font, width)
        if lines is not None and len(lines) <= most and len(lines) * line_height(size) <= height:
            return size, lines
    size, most = TITLE_SIZES[-1]
    lines = wrap(words, _font(BOLD, size), width)
    if lines is not None:
        return size, shorten(lines, most, _font(BOLD, size), width)
    for size in LAST_RESORT_SIZES:
        lines = wrap(words, _font(BOLD, size), width)
        if lines is not None:
            most = max(1, int(height // line_height(size)))
            return size, shorten(lines, most, _font(BOLD, size), width)
    size = LAST_RESORT_SIZES[-1]
    return size, _break_words(words, _font(BOLD, size), width, int(height // line_height(size)))


def _break_words(words: list[str], font, width: float, most: int) -> list[str]:
    pieces: list[str] = []
    for word in words:
        while _width(font, word) > width:
            cut = len(word) - 1
            while cut > 1 and _width(font, word[:cut]) > width:
                cut -= 1
            pieces.append(word[:cut])
            word = word[cut:]
        pieces.append(word)
    return shorten(wrap(pieces, font, width) or pieces, most, font, width)


def line_height(size: int) -> int:
    return round(size * 1.22)


def one_line(text: str, font, width: float) -> str:
    """`text` on one line no wider than `width`, ending with an ellipsis after a whole
    word when it does not fit."""
    return shorten(wrap(plain(text).split(" "), font, width) or [plain(text)], 1, font, width)[0]


@cache
def _glyph(font, char: str):
    """One character's coverage, drawn once a build for each font and size: FreeType
    draws the same few dozen glyphs for every card, and drawing them was most of a card's
    cost. (The basic layout adds no kerning between them, so a line is its glyphs side by
    side, each advanced by its width.)"""
    from PIL import Image, ImageDraw

    left, top, right, bottom = font.getbbox(char, anchor="ls")
    if right <= left or bottom <= top:
        return None, (0, 0)
    image = Image.new("L", (right - left, bottom - top))
    ImageDraw.Draw(image).text((-left, -top), char, font=font, fill=255, anchor="ls")
    return image, (left, top)


def write(image, xy: tuple[int, int], text: str, font) -> None:
    """`text` on one line with its top-left corner at `xy`, as coverage (255: inked)."""
    ascent = font.getmetrics()[0]
    x, baseline = float(xy[0]), xy[1] + ascent
    for char in text:
        glyph, (left, top) = _glyph(font, char)
        if glyph is not None:
            image.paste(255, (round(x) + left, baseline + top), glyph)
        x += _width(font, char)


#: the palette: 32 steps from the background to the text colour, 32 to the accent, and
#: up to 128 colours of the logo
STEPS = 32
LOGO_COLOURS = 128


def _blend(a: tuple[int, ...], b: tuple[int, ...], share: float) -> list[int]:
    return [round(x + (y - x) * share) for x, y in zip(a, b, strict=True)]


def draw(card: Card, style: CardStyle) -> bytes:
    """The card as PNG bytes: a palette image, compressed.

    Text and accent are drawn as two coverage masks (greyscale, antialiased) and mapped
    onto a fixed palette of blends between the background and each colour, so no
    quantizing pass is needed: it cost more than the drawing."""
    from PIL import Image, ImageChops, ImageColor, ImageDraw

    background = ImageColor.getrgb(style.background)[:3]
    text, accent = ImageColor.getrgb(style.text)[:3], ImageColor.getrgb(style.accent)[:3]
    ink, highlight = Image.new("L", (WIDTH, HEIGHT)), Image.new("L", (WIDTH, HEIGHT))
    marker = ImageDraw.Draw(highlight)
    marker.rectangle((0, 0, 23, HEIGHT), fill=255)
    inner = WIDTH - 2 * MARGIN
    kicker_width = inner - 150 if style.logo is not None else inner
    small = _font(REGULAR, 34)
    if card.kicker:
        write(highlight, (MARGIN, 82), one_line(card.kicker, small, kicker_width), small)
    size, lines = fit_title(card.title, inner, TITLE_BOTTOM - TITLE_TOP)
    title_font, step = _font(BOLD, size), line_height(size)
    top = TITLE_TOP + (TITLE_BOTTOM - TITLE_TOP - step * len(lines)) // 2
    for number, line in enumerate(lines):
        write(ink, (MARGIN, top + number * step), line, title_font)
    marker.line((MARGIN, 518, WIDTH - MARGIN, 518), fill=255, width=2)
    language = _font(BOLD, 30)
    language_text = one_line(card.language, language, inner / 3)
    language_width = _line_width(language, language_text.split(" "))
    write(highlight, (WIDTH - MARGIN - round(language_width), 544), language_text, language)
    site_width = inner - language_width - 40
    site = one_line(card.site_name, _font(REGULAR, 30), site_width)
    write(ink, (MARGIN, 544), site, _font(REGULAR, 30))
    # coverage 0-255 -> palette index: text 0-31, accent 32-63 (the two never overlap)
    shift = 256 // STEPS
    indices = ImageChops.lighter(
        ink.point([v // shift for v in range(256)]),
        highlight.point([0] + [STEPS + v // shift for v in range(1, 256)]),
    )
    indices = Image.frombytes("P", indices.size, indices.tobytes())  # read as indices
    palette = []
    for colour in (text, accent):
        for level in range(STEPS):
            palette += _blend(background, colour, level / (STEPS - 1))
    if style.logo is not None:
        logo, box, logo_palette = _logo(style.logo, background)
        indices.paste(logo, box)
        palette += logo_palette
    indices.putpalette(palette)
    out = io.BytesIO()
    indices.save(out, "PNG", compress_level=3)
    return out.getvalue()


@cache
def _logo(path: Path, background: tuple[int, ...]):
    """The logo within 120 × 120 pixels over the background, as indices into the card's
    palette from 64 on, and those palette entries (once per build and logo)."""
    from PIL import Image

    with Image.open(path) as opened:
        logo = opened.convert("RGBA")
    logo.thumbnail((120, 120), Image.Resampling.LANCZOS)
    flat = Image.new("RGB", logo.size, background)
    flat.paste(logo, (0, 0), logo)
    reduced = flat.quantize(LOGO_COLOURS, method=Image.Quantize.MEDIANCUT)
    used = (reduced.getpalette() or [])[: 3 * LOGO_COLOURS]
    used += [0] * (3 * LOGO_COLOURS - len(used))
    offset = 2 * STEPS
    indices = reduced.point([offset + v for v in range(256)])
    indices = Image.frombytes("P", reduced.size, indices.tobytes())
    return indices, (WIDTH - MARGIN - logo.width, 60), used


@cache
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def card_key(card: Card, style: CardStyle) -> str:
    """The hash of everything that decides a card's bytes: its text, the style (the logo
    by its content), the fonts, Pillow's version and this module's layout."""
    text = json.dumps([card.title, card.kicker, card.site_name, card.language])
    return hashlib.sha256(f"{_drawing(style)}\n{text}".encode()).hexdigest()


@cache
def _drawing(style: CardStyle) -> str:
    """What draws every card of a style, once a build."""
    import PIL

    return json.dumps(
        {
            "style": {**asdict(style), "logo": _digest(style.logo) if style.logo else None},
            "fonts": [_digest(REGULAR), _digest(BOLD)],
            "pillow": PIL.__version__,
            "layout": LAYOUT_VERSION,
        },
        sort_keys=True,
    )


def place(source: Path, target: Path) -> None:
    """`source` at `target` (its folder exists): a hard link where the file system allows
    one, else a copy."""
    try:
        os.link(source, target)
    except FileExistsError:
        target.unlink()
        place(source, target)
    except OSError:
        shutil.copyfile(source, target)


class CardMaker:
    """Cards of one build: those in the cache are placed at once, the others drawn by a
    few threads beside the build's other work and placed when drawn. `finish` waits for
    them and raises the first failure."""

    def __init__(
        self,
        style: CardStyle,
        cache_dir: Path,
        workers: int | None = None,
        drawer: Callable[[Card, CardStyle], bytes] = draw,
    ) -> None:
        self.style, self.cache_dir, self._draw = style, cache_dir, drawer
        self.workers = workers or max(1, min(4, (os.cpu_count() or 1)))
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[Future[None]] = []
        self._lock = threading.Lock()
        #: the site's folders this maker has made (one `mkdir` a folder, not a card)
        self._folders: set[Path] = set()
        #: how many cards this maker drew and how many it took from the cache
        self.drawn = self.reused = 0

    def cached(self, card: Card) -> Path:
        key = card_key(card, self.style)
        return self.cache_dir / key[:2] / f"{key}.png"

    def submit(self, card: Card, target: Path) -> None:
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        source = self.cached(card)
        if source.is_file():
            place(source, target)
            self.reused += 1
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="explainer-cards")
        self._pending.append(self._pool.submit(self._make, card, source, target))

    def _make(self, card: Card, source: Path, target: Path) -> None:
        data = self._draw(card, self.style)
        source.parent.mkdir(parents=True, exist_ok=True)
        partial = source.with_name(f"{source.name}.{os.getpid()}.{threading.get_ident()}")
        partial.write_bytes(data)
        os.replace(partial, source)  # another build may write the same card: same bytes
        place(source, target)
        with self._lock:
            self.drawn += 1

    def finish(self) -> None:
        pending, self._pending = self._pending, []
        try:
            for future in pending:
                future.result()
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None


def image_size(path: Path) -> tuple[int, int]:
    """The size of an image file (its header alone is read)."""
    from PIL import Image

    with Image.open(path) as image:
        return image.size


# --- a site's settings and a page's card ---------------------------------------------------

#: where cards are kept between builds, beside mkdocs.yml (the workflows keep it)
DEFAULT_CACHE = ".cache/explainer-cards"
#: the keys of `extra.explainer.cards`
CARD_SETTINGS = ("background", "text", "accent", "logo", "cache")
#: an event's own image (`card` in the data): the kinds a share preview shows
IMAGE_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


@dataclass(frozen=True)
class CardSettings:
    style: CardStyle
    cache_dir: Path


def parse_cards(value: object, config_dir: Path) -> CardSettings | None:
    """`extra.explainer.cards`: absent or `true` (cards in the default style), `false`
    (no cards), or a mapping of `background`, `text`, `accent` (colours), `logo` (an image
    file beside mkdocs.yml) and `cache` (the folder cards are kept in between builds)."""
    from explainer.problems import did_you_mean

    if value is False:
        return None
    if value is None or value is True:
        value = {}
    if not isinstance(value, dict):
        raise CardError(
            "extra.explainer.cards: write `false` to make no share cards, or settings: "
            + ", ".join(CARD_SETTINGS)
        )
    for key in value:
        if key not in CARD_SETTINGS:
            raise CardError(
                f"extra.explainer.cards.{key}: unknown setting"
                + (did_you_mean(str(key), CARD_SETTINGS) or f"; known: {', '.join(CARD_SETTINGS)}")
            )
    for key in CARD_SETTINGS:
        if key in value and not isinstance(value[key], str):
            raise CardError(f"extra.explainer.cards.{key}: write it as text")
    logo = value.get("logo")
    if logo is not None and not (config_dir / logo).is_file():
        raise CardError(f"extra.explainer.cards.logo: there is no file {logo}")
    defaults = CardStyle()
    style = CardStyle(
        background=value.get("background", defaults.background),
        text=value.get("text", defaults.text),
        accent=value.get("accent", defaults.accent),
        logo=(config_dir / logo) if logo else None,
    )
    style.check()
    # EXPLAINER_CARD_CACHE: another folder for this run (the tests keep theirs apart)
    cache = os.environ.get("EXPLAINER_CARD_CACHE") or value.get("cache", DEFAULT_CACHE)
    return CardSettings(style, config_dir / cache)


@dataclass(frozen=True)
class PageCard:
    """The share image of one page in one language."""

    #: where it lives, relative to the site root (`de/cards/events/x.png`)
    path: str
    alt: str
    #: the card to draw, or None where the data gives the page an image of its own
    card: Card | None = None
    #: the data's own image for the page
    image: Path | None = None
    width: int = WIDTH
    height: int = HEIGHT
    media_type: str = "image/png"


def card_path(prefix: str, source_path: str, suffix: str = ".png") -> str:
    """`events/x.md` of the language under `de/` -> `de/cards/events/x.png`."""
    return f"{prefix}cards/{source_path.removesuffix('.md')}{suffix}"


def own_image(path: Path) -> tuple[str, int, int]:
    """An image of the data's: its media type and size (its header alone is read).
    Raises OSError when it is no image, ValueError when it is not PNG or JPEG."""
    from PIL import Image

    with Image.open(path) as image:
        if image.format not in IMAGE_FORMATS:
            raise ValueError(f"is {image.format}, not PNG or JPEG")
        return IMAGE_FORMATS[image.format], image.width, image.height


def card_head(url: str, card: PageCard) -> str:
    """The page's <head> tags for its card; `url` is the image's absolute address."""
    from html import escape

    return "\n".join(
        [
            f'<meta property="og:image" content="{escape(url, quote=True)}">',
            f'<meta property="og:image:type" content="{card.media_type}">',
            f'<meta property="og:image:width" content="{card.width}">',
            f'<meta property="og:image:height" content="{card.height}">',
            f'<meta property="og:image:alt" content="{escape(card.alt, quote=True)}">',
            '<meta name="twitter:card" content="summary_large_image">',
        ]
    )
