"""Deterministic synthetic explainer data for the benchmark (see bench/README.md).

`generate(n)` returns the data of a story with `n` events, about n/10 actors and
n/20 + 12 glossary terms (each with aliases), in English and German. Event bodies run to a
few paragraphs that mention glossary terms and actors; events carry quotes, figures,
sources, related links to earlier events and terms. The same `n` always gives the same
data (`random.Random` with a fixed seed, no clock).
"""

from __future__ import annotations

import datetime
import random
from typing import Any

_SYLLABLES = (
    "ka ro ti ven mal dor sel qua bri lun far mo ze pra nel gus tor vi han del shi ber cor lam"
)
_FIRST_NAMES = (
    "Ada Bruno Carla Diego Elena Felix Gloria Hugo Irene Jonas Karla Luis Marta Nico Olga"
    " Pablo Rosa Samuel Teresa Ulises Vera Walter Ximena Yara Zoe"
)
SYLLABLES = tuple(_SYLLABLES.split())
FIRST_NAMES = tuple(_FIRST_NAMES.split())
COUNTRIES = ("MX", "US", "DE", "CA", "GT", "CO")
TIMEZONES = ("America/Mexico_City", "America/New_York", "Europe/Berlin", "UTC")
PLACES = (
    ("Mexico City", "Mexiko-Stadt"),
    ("Washington", "Washington"),
    ("Berlin", "Berlin"),
    ("the border region", "die Grenzregion"),
    ("Toronto", "Toronto"),
)
PUBLISHERS = ("Example Times", "Beispiel-Zeitung", "Wire Service", "Radio Example")
#: (English noun, German noun) of two-word terms: "varotin accord" / "Varotin-Abkommen"
TERM_NOUNS = (
    ("accord", "Abkommen"),
    ("doctrine", "Doktrin"),
    ("corridor", "Korridor"),
    ("council", "Rat"),
    ("protocol", "Protokoll"),
    ("quota", "Kontingent"),
)
ROLES = (
    ("Minister of Security", "Sicherheitsminister"),
    ("Ambassador", "Botschafterin"),
    ("Spokesperson", "Sprecherin"),
    ("Governor", "Gouverneur"),
    ("Director", "Direktorin"),
)
INSTITUTIONS = (
    ("Ministry of {w}", "Ministerium für {w}"),
    ("{w} Agency", "{w}-Behörde"),
    ("{w} Commission", "{w}-Kommission"),
)
FIGURE_LABELS = (
    ("Drop in seizures", "Rückgang der Beschlagnahmungen", "percent"),
    ("Cocaine seized", "Beschlagnahmtes Kokain", "tonnes"),
    ("Arrests", "Festnahmen", "count"),
    ("Change in homicides", "Veränderung der Tötungsdelikte", "percent"),
)
TYPES = ("call", "statement", "meeting")

EN_SENTENCES = (
    "{actor} spoke about the {term} at length and asked for concrete results.",
    "According to {actor}, the {term} had already shown progress in several regions.",
    "Observers noted that the debate on the {term} was far from over.",
    "The delegation reviewed reports, budgets and the schedule of joint operations.",
    "{actor} said that cooperation works only when it is based on mutual respect.",
    "Critics questioned whether the {term} could be implemented before the next review.",
    "Both sides agreed to meet again and to publish a *short summary* of the results.",
    "A [background report](https://example.org/reports/{n}) describes the {term} in detail.",
)
DE_SENTENCES = (
    "{actor} sprach ausführlich über das Thema {term} und forderte konkrete Ergebnisse.",
    "Nach Angaben von {actor} zeigte {term} bereits in mehreren Regionen Fortschritte.",
    "Beobachter stellten fest, dass die Debatte über {term} noch lange nicht beendet ist.",
    "Die Delegation prüfte Berichte, Haushalte und den Zeitplan gemeinsamer Einsätze.",
    "{actor} sagte, Zusammenarbeit funktioniere nur auf der Grundlage gegenseitigen Respekts.",
    "Kritiker bezweifelten, dass {term} vor der nächsten Überprüfung umgesetzt werden kann.",
    "Beide Seiten vereinbarten ein neues Treffen und eine *kurze Zusammenfassung*.",
    "Ein [Hintergrundbericht](https://example.org/reports/{n}) beschreibt {term} im Detail.",
)


class _Words:
    """Unique pronounceable pseudo-words ("varotin"), drawn from one random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def new(self, syllables: int = 3) -> str:
        attempts = 0
        while True:
            word = "".join(self.rng.choice(SYLLABLES) for _ in range(syllables))
            if word not in self.used:
                self.used.add(word)
                return word
            attempts += 1
            if attempts % 200 == 0:  # (nearly) every word of this length is taken
                syllables += 1


def _both(en: str, de: str) -> dict[str, str]:
    return {"en": en, "de": de}


def generate(n: int, seed: int = 2026) -> dict[str, Any]:
    """The data of a synthetic story with `n` events (deterministic for `n` and `seed`)."""
    rng = random.Random(seed * 100_003 + n)
    words = _Words(rng)

    # glossary: ~n/20 + 12 terms, every one with aliases in both languages
    glossary: dict[str, Any] = {}
    forms: list[tuple[str, str]] = []  # (English form, German form) used in running text
    for i in range(n // 20 + 12):
        word = words.new()
        if i % 3 == 0:  # one-word terms: "varotinism" / "Varotinismus"
            term_id = f"{word}ism"
            en, de = f"{word}ism", f"{word.capitalize()}ismus"
            aliases = _both([f"{word}ist"], [f"{word.capitalize()}isten"])
        else:
            noun_en, noun_de = TERM_NOUNS[i % len(TERM_NOUNS)]
            term_id = f"{word}-{noun_en}"
            en, de = f"{word} {noun_en}", f"{word.capitalize()}-{noun_de}"
            aliases = _both([f"{word} {noun_en}s"], [f"{word.capitalize()}{noun_de.lower()}"])
        forms.append((en, de))
        term: dict[str, Any] = {
            "term": _both(en, de),
            "definition": _both(
                f"The {en} is a policy framework used in the synthetic story. It describes how "
                f"agencies share *information* and coordinate operations.",
                f"{de} ist ein Politikrahmen der synthetischen Geschichte. Er beschreibt, wie "
                f"Behörden *Informationen* teilen und Einsätze abstimmen.",
            ),
            "aliases": aliases,
        }
        if glossary and rng.random() < 0.6:
            term["see_also"] = sorted(set(rng.sample(sorted(glossary), min(2, len(glossary)))))
        glossary[term_id] = term
    term_ids = list(glossary)

    # actors: ~n/10, institutions first so that people can be members of them
    actors: dict[str, Any] = {}
    institutions: list[str] = []
    for i in range(max(6, n // 10)):
        last = words.new(2).capitalize()
        if i % 4 == 0:
            en, de = INSTITUTIONS[i % len(INSTITUTIONS)]
            actor_id = f"{last.lower()}-office-{i}"
            actor: dict[str, Any] = {
                "name": _both(en.format(w=last), de.format(w=last)),
                "kind": "institution",
                "country": rng.choice(COUNTRIES),
            }
            institutions.append(actor_id)
        else:
            first = rng.choice(FIRST_NAMES)
            actor_id = f"{first.lower()}-{last.lower()}-{i}"
            role_en, role_de = rng.choice(ROLES)
            actor = {
                "name": f"{first} {last}",
                "kind": "person" if i % 7 else "group",
                "role": _both(role_en, role_de),
                "country": rng.choice(COUNTRIES),
            }
            if institutions and rng.random() < 0.5:
                actor["member_of"] = rng.choice(institutions)
        en_term, de_term = forms[i % len(forms)]
        actor["description"] = _both(
            f"{_name(actor, 'en')} takes part in the talks on the {en_term}.",
            f"{_name(actor, 'de')} nimmt an den Gesprächen über {de_term} teil.",
        )
        actors[actor_id] = actor
    actor_ids = list(actors)

    # events: oldest first, spread over about n/2 days (at least two years)
    events: dict[str, Any] = {}
    event_ids: list[str] = []
    start = datetime.date(2000, 1, 3)
    span = max(730, n // 2)
    for i in range(n):
        kind = TYPES[rng.randrange(3)]
        day = start + datetime.timedelta(days=i * span // n)
        topic = rng.sample(range(len(forms)), 3)
        participants = rng.sample(actor_ids, rng.randint(1, 3))
        names_en = [_name(actors[a], "en") for a in participants]
        names_de = [_name(actors[a], "de") for a in participants]
        en_term, de_term = forms[topic[0]]
        event_id = f"{kind}-{i:05d}-{en_term.replace(' ', '-')}"
        event: dict[str, Any] = {
            "type": kind,
            "date": day.isoformat()[:7] if rng.random() < 0.03 else day.isoformat(),
        }
        if rng.random() < 0.2:
            event["time"] = f"{rng.randrange(7, 21):02d}:{rng.choice((0, 15, 30, 45)):02d}"
            event["timezone"] = rng.choice(TIMEZONES)
        if i >= n - max(2, n // 50):  # the last few: planned, the first of them unconfirmed
            event["status"] = "unconfirmed" if i == n - max(2, n // 50) else "scheduled"
        elif rng.random() < 0.01:
            event["status"] = "cancelled"
        if rng.random() < 0.5:
            event["place"] = _both(*rng.choice(PLACES))
        event["participants"] = participants
        event["title"] = _both(
            f"{names_en[0]}: {kind} on the {en_term} ({i})",
            f"{names_de[0]}: {_DE_TYPE[kind]} zu {de_term} ({i})",
        )
        event["summary"] = _both(
            f"{names_en[0]} and others discussed the {en_term} and agreed on next steps.",
            f"{names_de[0]} und andere berieten über {de_term} und vereinbarten nächste Schritte.",
        )
        event["body"] = _body(rng, i, topic, forms, names_en, names_de)
        if rng.random() < 0.6:
            event["quotes"] = [
                {
                    "by": rng.choice(participants),
                    "text": _both(
                        f"We will not accept delays on the {forms[topic[q]][0]}.",
                        f"Verzögerungen beim Thema {forms[topic[q]][1]} akzeptieren wir nicht.",
                    ),
                }
                for q in range(rng.randint(1, 2))
            ]
        if rng.random() < 0.5:
            figures = []
            for _ in range(rng.randint(1, 2)):
                label_en, label_de, unit = rng.choice(FIGURE_LABELS)
                value: float = rng.randint(1, 5000)
                if unit == "percent":
                    value = round(rng.uniform(-60, 60), 1)
                figure = {
                    "by": rng.choice(participants),
                    "label": _both(label_en, label_de),
                    "value": value,
                    "unit": unit,
                }
                if rng.random() < 0.3:
                    figure["approximate"] = True
                figures.append(figure)
            event["figures"] = figures
        event["sources"] = [
            {
                "title": _both(f"Report {i}-{s}", f"Bericht {i}-{s}"),
                "url": f"https://example.org/news/{i}/{s}",
                "publisher": rng.choice(PUBLISHERS),
                "date": day.isoformat(),
            }
            for s in range(rng.randint(1, 2))
        ]
        if event_ids:
            window = event_ids[-50:]
            related = sorted(set(rng.sample(window, min(len(window), rng.randint(0, 3)))))
            if related:
                event["related"] = related
        event["terms"] = sorted({term_ids[t] for t in topic[: rng.randint(1, 3)]})
        events[event_id] = event
        event_ids.append(event_id)
    return {"actors": actors, "glossary": glossary, "events": events}


_DE_TYPE = {"call": "Telefonat", "statement": "Erklärung", "meeting": "Treffen"}


def _name(actor: dict[str, Any], language: str) -> str:
    name = actor["name"]
    return name if isinstance(name, str) else name[language]


def _body(
    rng: random.Random,
    i: int,
    topic: list[int],
    forms: list[tuple[str, str]],
    names_en: list[str],
    names_de: list[str],
) -> dict[str, str]:
    """Two to four paragraphs of three or four sentences, the same in both languages."""
    en_paragraphs, de_paragraphs = [], []
    for _ in range(rng.randint(2, 4)):
        en_sentences, de_sentences = [], []
        for _ in range(rng.randint(3, 4)):
            s = rng.randrange(len(EN_SENTENCES))
            t = forms[rng.choice(topic)]
            who = rng.randrange(len(names_en))
            en_sentences.append(EN_SENTENCES[s].format(actor=names_en[who], term=t[0], n=i))
            de_sentences.append(DE_SENTENCES[s].format(actor=names_de[who], term=t[1], n=i))
        en_paragraphs.append(" ".join(en_sentences))
        de_paragraphs.append(" ".join(de_sentences))
    return _both("\n\n".join(en_paragraphs), "\n\n".join(de_paragraphs))
