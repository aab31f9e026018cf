"""Dates, numbers, units and country names follow the reader's language (through Babel)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from babel import Locale

from explainer.l10n import Localizer, babel_locale
from explainer.model import EventDate, Figure
from explainer.strings import BUILTIN_DIR, Strings, StringsError, load_strings, plural_categories

STRINGS = load_strings(("en", "de", "fr", "es"))


def l10n(lang: str) -> Localizer:
    return Localizer(lang, STRINGS[lang])


def figure(
    value: float, unit: str, approximate: bool = False, qualifier: str | None = None
) -> Figure:
    hedge = qualifier or ("about" if approximate else None)  # as the model reads the data
    return Figure("e", "a", {"en": "x", "de": "x"}, value, unit, hedge)


@pytest.mark.parametrize(
    ("lang", "date", "expected"),
    [
        # no-break spaces: no line break inside a date
        ("en", EventDate(2026, 1, 16), "Jan.\u00a016,\u00a02026"),
        ("de", EventDate(2026, 1, 16), "16.\u00a0Januar\u00a02026"),
        ("en", EventDate(2026, 2), "February\u00a02026"),
        ("de", EventDate(2026, 2), "Februar\u00a02026"),
        ("de", EventDate(2026, 3, 1), "1.\u00a0März\u00a02026"),
        ("fr", EventDate(2026, 1, 16), "16\u00a0janvier\u00a02026"),
        ("es", EventDate(2026, 1, 16), "16\u00a0de\u00a0enero\u00a0de\u00a02026"),
    ],
)
def test_dates(lang: str, date: EventDate, expected: str) -> None:
    assert l10n(lang).date(date) == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        # AP: a month with a day abbreviated (Jan., Feb., Aug. to Dec.; "Sept.", not CLDR's
        # "Sep"), March to July in full
        (EventDate(2026, 9, 3), "Sept.\u00a03,\u00a02026"),
        (EventDate(2026, 2, 28), "Feb.\u00a028,\u00a02026"),
        (EventDate(2026, 3, 2), "March\u00a02,\u00a02026"),
        (EventDate(2026, 7, 4), "July\u00a04,\u00a02026"),
        (EventDate(2025, 12, 31), "Dec.\u00a031,\u00a02025"),
        # a month alone, with its year only, is spelled out
        (EventDate(2026, 9), "September\u00a02026"),
        (EventDate(2026, 1), "January\u00a02026"),
    ],
)
def test_english_dates_with_a_day_abbreviate_their_month_as_ap_does(
    date: EventDate, expected: str
) -> None:
    assert l10n("en").date(date) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", "3.\u00a0September\u00a02026"),
        ("fr", "3\u00a0septembre\u00a02026"),
        ("es", "3\u00a0de\u00a0septiembre\u00a0de\u00a02026"),
    ],
)
def test_a_table_without_months_in_dates_keeps_cldr_names(lang: str, expected: str) -> None:
    assert l10n(lang).date(EventDate(2026, 9, 3)) == expected


def test_a_sites_table_sets_the_months_of_its_day_dates(tmp_path: Path) -> None:
    """`months.in_dates` is a table's, not English's: a site's own German table may set
    it (and an English one give it back to CLDR's names)."""
    (tmp_path / "de.yaml").write_text(
        'months.in_dates: "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez."\n',
        encoding="utf-8",
    )
    (tmp_path / "en.yaml").write_text('months.in_dates: ""\n', encoding="utf-8")
    tables = load_strings(("en", "de"), (tmp_path,))
    assert Localizer("de", tables["de"]).date(EventDate(2026, 9, 3)) == "3.\u00a0Sept.\u00a02026"
    assert Localizer("de", tables["de"]).date(EventDate(2026, 9)) == "September\u00a02026"
    en = Localizer("en", tables["en"]).date(EventDate(2026, 9, 3))
    assert en == "September\u00a03,\u00a02026"


@pytest.mark.parametrize(
    ("lang", "fig", "expected"),
    [
        # a drop with the minus sign U+2212, never the hyphen-minus Babel writes
        ("en", figure(-50, "percent"), "\u221250%"),
        ("de", figure(-50, "percent"), "\u221250\u00a0%"),
        ("de", figure(-1500, "count"), "\u22121.500"),
        # the number and its unit never apart: no-break spaces (Babel's own in German)
        ("en", figure(-51, "tonnes"), "\u221251\u00a0metric\u00a0tons"),
        ("de", figure(-40, "percent", True, "over"), "mehr als \u221240\u00a0%"),
        ("en", figure(12.5, "percent"), "12.5%"),
        ("de", figure(12.5, "percent"), "12,5\u00a0%"),
        ("en", figure(320, "tonnes"), "320\u00a0metric\u00a0tons"),
        ("de", figure(320, "tonnes"), "320\u00a0Tonnen"),
        ("en", figure(1, "tonnes"), "1\u00a0metric\u00a0ton"),
        ("de", figure(1500, "count"), "1.500"),
        ("en", figure(1500, "count"), "1,500"),
        ("en", figure(320, "tonnes", approximate=True), "about 320\u00a0metric\u00a0tons"),
        ("de", figure(320, "tonnes", approximate=True), "etwa 320\u00a0Tonnen"),
        ("en", figure(320, "tonnes", True, "nearly"), "nearly 320\u00a0metric\u00a0tons"),
        ("de", figure(320, "tonnes", True, "nearly"), "fast 320\u00a0Tonnen"),
        ("en", figure(40, "percent", True, "over"), "more than 40%"),
        ("de", figure(40, "percent", True, "over"), "mehr als 40\u00a0%"),
        ("es", figure(320, "tonnes"), "320\u00a0toneladas"),
        ("fr", figure(-50, "percent"), "\u221250\u00a0%"),
        ("fr", figure(12345, "count"), "12\u202f345"),  # French groups with a narrow one
    ],
)
def test_figures(lang: str, fig: Figure, expected: str) -> None:
    assert l10n(lang).figure_value(fig) == expected


@pytest.mark.parametrize(
    ("lang", "role", "code", "named"),
    [
        ("en", "President of Mexico", "MX", True),
        ("en", "Mexico’s diplomatic mission in the United States", "MX", True),
        ("en", "Mexican ambassador", "MX", True),  # the adjective
        ("en", "President of the United States", "US", True),
        ("en", "US secretary of state", "US", True),  # the code as a word
        ("en", "U.S. secretary of state", "US", True),  # with periods (house style)
        ("en", "Thus secretary", "US", False),
        ("en", "Ambassador to Mexico", "US", False),  # another country
        ("en", "Minister of the interior", "US", False),  # `us` is no word here
        ("en", "Ambassador to Iran", "IQ", False),  # short names match whole
        ("en", "Mexico’s foreign minister", "MX", True),
        ("en", "Mexican president", "MX", True),
        ("en", "US Secretary of State", "US", True),
        ("en", "American ambassador", "US", True),  # the adjective of another name
        ("en", "Ambassador to the Americas", "MX", False),
        ("de", "amerikanischer Botschafter", "US", True),
        ("fr", "ambassadrice américaine", "US", True),
        ("es", "embajador estadounidense", "US", True),
        ("es", "embajador mexicano", "US", False),
        ("en", "Italian foreign minister", "IT", True),  # Italy: five letters, less the last
        ("en", "Iranian envoy", "IR", True),
        ("en", "Iraqi envoy", "IR", False),  # Iran: four letters, whole
        ("en", "Iraqi envoy", "IT", False),
        ("en", "Mexiko trip", "MX", False),  # `mexic`, not only its first four letters
        ("en", "United Nations envoy", "US", False),
        ("en", "Secretary of State", "US", False),
        ("de", "Präsidentin Mexikos", "MX", True),
        ("de", "mexikanischer Botschafter", "MX", True),
        ("de", "Präsident der Vereinigten Staaten", "US", True),
        ("de", "US-Außenminister", "US", True),
        ("de", "Diplomatische Vertretung Mexikos in den USA", "US", False),
        ("de", "Botschafter in den Vereinigten Arabischen Emiraten", "US", False),
        ("de", "Außenminister der Vereinigten Staaten", "US", True),
        ("de", "Bürgermeisterin von Exampleton", "DE", False),
    ],
)
def test_a_role_that_names_the_country(lang: str, role: str, code: str, named: bool) -> None:
    assert l10n(lang).names_country(role, code) is named


def test_negative_numbers_with_the_minus_sign() -> None:
    assert l10n("en").number(-1500) == "\u22121,500"
    assert l10n("de").number(-2.5) == "\u22122,5"


def test_country_names() -> None:
    assert l10n("en").country("MX") == "Mexico"
    assert l10n("de").country("MX") == "Mexiko"
    assert l10n("de").country("US") == "Vereinigte Staaten"


@pytest.mark.parametrize(
    ("lang", "hhmm", "zone", "expected"),
    [
        ("de", "09:45", "Europe/Berlin", "09:45 (Mitteleuropäische Zeit)"),
        ("en", "09:45", "Europe/Berlin", "9:45\u202fAM (Central European Time)"),
        ("de", "18:05", "America/Mexico_City", "18:05 (Nordamerikanische Zentralzeit)"),
        ("en", "18:05", "America/Mexico_City", "6:05\u202fPM (Central Time)"),
    ],
)
def test_time_with_the_long_name_of_its_zone(
    lang: str, hhmm: str, zone: str, expected: str
) -> None:
    assert l10n(lang).time(hhmm, zone) == expected


@pytest.mark.parametrize(
    ("lang", "date", "expected"),
    [
        # Chicago (10.42): "Dec.", "Sept.", "Mar.", May to July in full (CLDR: "Dec", "Sep")
        ("en", EventDate(1999, 12), "Dec.\u00a01999"),
        ("en", EventDate(2026, 9), "Sept.\u00a02026"),
        ("en", EventDate(2026, 3), "Mar.\u00a02026"),
        ("en", EventDate(2026, 6), "June\u00a02026"),
        ("fr", EventDate(2026, 1), "janv.\u00a02026"),
        ("de", EventDate(1999, 12), "Dez.\u00a01999"),
        ("de", EventDate(2026, 3, 2), "März\u00a02026"),
    ],
)
def test_short_months_of_the_timeline_axis(lang: str, date: EventDate, expected: str) -> None:
    assert l10n(lang).month_short(date) == expected


def test_language_codes_with_a_region_either_way() -> None:
    assert babel_locale("pt-BR") == babel_locale("pt_BR") == Locale("pt", "BR")
    assert babel_locale("de") == Locale("de")


def test_a_country_code_babel_has_no_name_for_shows_as_written() -> None:
    assert l10n("de").country("XX") == "XX"


def test_german_sort_key_puts_umlauts_with_their_vowel() -> None:
    words = ["Zoll", "Öl", "Ofen", "Äpfel", "Apfel", "Straße", "Strasse", "Bär"]
    ordered = sorted(words, key=l10n("de").sort_key)
    assert ordered.index("Äpfel") < ordered.index("Bär") < ordered.index("Ofen")
    assert ordered.index("Öl") < ordered.index("Zoll")


@pytest.mark.parametrize(
    "dictionary_order",
    [
        ["Ärger", "Arzt"],  # Ä sorts as A (ä < z), not after Z as its code point would
        ["Masse", "Maße", "Mast"],  # ß as ss: between "Masse" and "Mast"
        ["Ofen", "Öl", "Otter"],
        ["Übel", "Ufer", "Zoll"],
    ],
)
def test_german_dictionary_order(dictionary_order: list[str]) -> None:
    shuffled = list(reversed(dictionary_order))
    assert sorted(shuffled, key=l10n("de").sort_key) == dictionary_order


def test_every_builtin_table_has_every_key() -> None:
    tables = {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in BUILTIN_DIR.glob("*.yaml")
    }
    assert set(tables) >= {"en", "de"}
    for lang, table in tables.items():
        assert set(table) == set(tables["en"]), lang
        for key, text in table.items():
            assert placeholders(text) == placeholders(tables["en"][key]), (lang, key)


def placeholders(text: str | dict[str, str]) -> set[str]:
    """The {names} of a string, over all its plural forms."""
    forms = text.values() if isinstance(text, dict) else [text]
    return {p.split("}")[0].split(":")[0] for form in forms for p in form.split("{")[1:]}


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("de", 1, "A und B: ein gemeinsames Ereignis"),
        ("de", 2, "A und B: zwei gemeinsame Ereignisse"),
        # small numbers in words, as papers set them: to twelve in German, to nine in English
        ("de", 12, "A und B: zwölf gemeinsame Ereignisse"),
        ("de", 13, "A und B: 13 gemeinsame Ereignisse"),
        ("de", 1000, "A und B: 1.000 gemeinsame Ereignisse"),
        ("en", 1, "A and B: one event together"),
        ("en", 9, "A and B: nine events together"),
        ("en", 10, "A and B: 10 events together"),
        ("en", 1000, "A and B: 1,000 events together"),
        # French: 0 takes the singular, whole millions take "de"
        ("fr", 0, "A et B\u00a0: 0 événement en commun"),
        ("fr", 2, "A et B\u00a0: 2 événements en commun"),
        ("fr", 1_000_000, "A et B\u00a0: 1\u202f000\u202f000 d’événements en commun"),
        ("es", 0, "A y B: 0 acontecimientos en común"),
        ("es", 1, "A y B: 1 acontecimiento en común"),
        ("es", 1_000_000, "A y B: 1.000.000 de acontecimientos en común"),
    ],
)
def test_plural_forms_follow_the_language_and_numbers_are_localized(
    lang: str, count: int, expected: str
) -> None:
    assert STRINGS[lang]("viz.shared", a="A", b="B", count=count) == expected


def test_a_number_in_words_opens_a_sentence_with_a_capital() -> None:
    assert STRINGS["en"]("viz.network.desc", count=3).startswith("Three people and organizations")
    assert STRINGS["de"]("viz.network.desc", count=3).startswith("Drei Akteure; ")
    assert STRINGS["en"]("viz.network.desc", count=1) == "One person or organization."
    assert STRINGS["en"]("viz.network.desc", count=25).startswith("25 people and organizations")
    with pytest.raises(StringsError, match="no way to show a number"):
        Strings("en", {"x": "{count:roman}"})("x", count=3)


@pytest.mark.parametrize(
    ("lang", "key", "for_0_1_2_5"),
    [
        (
            "en",
            "kinds.group",
            ["Groups", "Group", "Groups", "Groups"],
        ),
        (
            "de",
            "kinds.group",
            ["Gremien", "Gremium", "Gremien", "Gremien"],
        ),
        (
            "fr",
            "kinds.group",
            ["Groupe", "Groupe", "Groupes", "Groupes"],
        ),
        (
            "es",
            "kinds.group",
            ["Grupos", "Grupo", "Grupos", "Grupos"],
        ),
        ("en", "event.sources", ["Sources", "Source", "Sources", "Sources"]),
        ("en", "event.quotes", ["Quotations", "Quotation", "Quotations", "Quotations"]),
        ("de", "event.quotes", ["Zitate", "Zitat", "Zitate", "Zitate"]),
        (
            "fr",
            "event.related",
            ["Événement lié", "Événement lié", "Événements liés", "Événements liés"],
        ),
        ("es", "event.quotes", ["Citas", "Cita", "Citas", "Citas"]),
        ("de", "kinds.group", ["Gremien", "Gremium", "Gremien", "Gremien"]),
        ("en", "kinds.person", ["People", "Person", "People", "People"]),
        ("de", "viz.more", ["+0 weitere", "+1 weiteres", "+2 weitere", "+5 weitere"]),
        ("fr", "viz.more", ["+0 autre", "+1 autre", "+2 autres", "+5 autres"]),
    ],
)
def test_counted_headings_and_phrases_agree_with_their_count(
    lang: str, key: str, for_0_1_2_5: list[str]
) -> None:
    assert [STRINGS[lang](key, count=n) for n in (0, 1, 2, 5)] == for_0_1_2_5


def english_table() -> dict[str, Any]:
    return yaml.safe_load((BUILTIN_DIR / "en.yaml").read_text(encoding="utf-8"))


def with_forms(table: dict[str, Any], categories: tuple[str, ...]) -> dict[str, Any]:
    """`table` with each counted string given the plural forms `categories` (each its
    `other` text): what a translator starts from for a language with other forms."""
    return {
        key: {category: text["other"] for category in categories}
        if isinstance(text, dict)
        else text
        for key, text in table.items()
    }


def write_table(directory: Path, language: str, table: dict[str, Any]) -> None:
    text = yaml.safe_dump(table, allow_unicode=True)
    (directory / f"{language}.yaml").write_text(text, encoding="utf-8")


def test_a_language_with_more_plural_forms_needs_only_its_table(tmp_path: Path) -> None:
    table = with_forms(english_table(), ("one", "few", "many", "other"))
    table["viz.more"] = {
        "one": "+{count} wydarzenie",
        "few": "+{count} wydarzenia",
        "many": "+{count} wydarzeń",
        "other": "+{count} wydarzenia",
    }
    write_table(tmp_path, "pl", table)
    polish = load_strings(("pl",), [tmp_path])["pl"]
    assert [polish("viz.more", count=n) for n in (1, 3, 5, 22)] == [
        "+1 wydarzenie",
        "+3 wydarzenia",
        "+5 wydarzeń",
        "+22 wydarzenia",
    ]


def test_each_table_has_the_plural_forms_its_language_uses() -> None:
    assert plural_categories("en") == plural_categories("de") == ("one", "other")
    assert plural_categories("fr") == plural_categories("es") == ("one", "many", "other")
    assert plural_categories("ja") == ("other",)
    counted = {key for key, text in english_table().items() if isinstance(text, dict)}
    assert {"event.participants", "kinds.group", "viz.more"} <= counted
    for lang, strings in STRINGS.items():
        for key in counted:
            assert set(strings.table[key]) == set(plural_categories(lang)), (lang, key)


@pytest.mark.parametrize(
    ("lang", "text", "error"),
    [
        # French has a form for whole millions; a table without it stops the build
        (
            "fr",
            {"one": "Membre", "other": "Membres"},
            r"fr\.yaml: `kinds\.group` lacks the plural form `many`, which `fr` uses, as "
            r"for 1000000 \(CLDR plural rules; its forms: one, many, other\)",
        ),
        (
            "de",
            {"one": "Dazu gehört", "few": "Dazu gehören", "other": "Dazu gehören"},
            r"de\.yaml: `kinds\.group` has the plural form `few`, which `de` never uses "
            r"\(its forms: one, other\)",
        ),
        (
            "de",
            "Dazu gehören",
            r"de\.yaml: `kinds\.group` depends on a count: give it one text per plural "
            r"form of `de` \(one, other\)",
        ),
        (
            "es",
            {"one": "Miembro"},
            r"es\.yaml: `kinds\.group` must be .*`other` is required",
        ),
    ],
)
def test_plural_forms_a_language_lacks_or_never_uses_are_a_clear_error(
    tmp_path: Path, lang: str, text: str | dict[str, str], error: str
) -> None:
    write_table(tmp_path, lang, {"kinds.group": text})
    with pytest.raises(StringsError, match=error):
        load_strings((lang,), [tmp_path])


def test_a_string_that_is_never_counted_takes_one_text(tmp_path: Path) -> None:
    write_table(tmp_path, "de", {"timeline.title": {"one": "Chronik", "other": "Chroniken"}})
    with pytest.raises(
        StringsError, match=r"de\.yaml: `timeline\.title` is never counted: give it one text"
    ):
        load_strings(("de",), [tmp_path])


def test_a_language_without_strings_is_a_clear_error() -> None:
    with pytest.raises(StringsError, match="no UI strings for language `xx`"):
        load_strings(("en", "xx"))


def test_a_site_can_add_a_language_table(tmp_path: Path) -> None:
    # Italian: no built-in table (en, de, fr, es are built in); its counted strings have
    # the forms one, many (whole millions) and other
    table = with_forms(english_table(), ("one", "many", "other"))
    table["timeline.title"] = "Cronologia"
    # the English table's own month words are English: a copy leaves them empty (README)
    table["months.in_dates"] = table["months.abbreviated"] = ""
    write_table(tmp_path, "it", table)
    strings = load_strings(("en", "it"), [tmp_path])
    assert strings["it"]("timeline.title") == "Cronologia"
    assert (
        Localizer("it", strings["it"]).date(EventDate(2026, 1, 16)) == "16\u00a0gennaio\u00a02026"
    )


def test_a_sites_table_overrides_built_in_strings(tmp_path: Path) -> None:
    (tmp_path / "es.yaml").write_text('timeline.title: "Cronograma"\n', encoding="utf-8")
    strings = load_strings(("es",), [tmp_path])["es"]
    assert strings("timeline.title") == "Cronograma"
    assert strings("glossary.title") == "Glosario"  # the rest stays built in


def test_an_incomplete_table_names_the_missing_keys(tmp_path: Path) -> None:
    (tmp_path / "it.yaml").write_text('timeline.title: "Cronologia"\n', encoding="utf-8")
    with pytest.raises(StringsError, match=r"lack: .*actor\.country"):
        load_strings(("it",), [tmp_path])


@pytest.mark.parametrize("lang", ["en", "de", "fr", "es"])
def test_no_ui_string_has_a_typewriter_apostrophe_or_quote_mark(lang: str) -> None:
    """Readers see ’ and “…” / „…“ everywhere else; a straight ' or " in a table shows."""
    table = STRINGS[lang].table
    texts = [
        (key, text)
        for key, value in table.items()
        for text in (value.values() if isinstance(value, dict) else [value])
    ]
    assert [(key, text) for key, text in texts if "'" in text or '"' in text] == []


def test_a_label_set_mid_sentence_keeps_an_abbreviation_it_opens() -> None:
    """`{type:mid}`: "Press conference" reads "press conference" mid-sentence, but "UN
    summit" keeps its capitals; `{name:lower}` lowers all ("deutschen")."""
    from explainer.rendering import Word

    assert f"{Word('Press conference'):mid}" == "press conference"
    assert f"{Word('UN summit'):mid}" == "UN summit"
    assert f"{Word('Deutsch'):lower}en" == "deutschen"
    assert f"{Word('Pressekonferenz')}" == "Pressekonferenz"
