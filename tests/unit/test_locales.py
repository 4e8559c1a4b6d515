"""Every shipped locale is whole: every phrase, table, intent, slot and value en-US has.

A locale that lacks a phrase would fail a person mid-conversation; one whose model lacks an
intent or a slot value would never hear it. These checks run on every locale the package
ships (a phrasebook `xx-YY.json` beside its language's `xx.json`), so a new locale is held to
them the moment its files exist.
"""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ET
from datetime import date, time
from typing import Any

import pytest

from skill.coach.areas import AREAS, STARTER
from skill.coach.state import new_goal
from skill.interaction import interaction_model, locales
from skill.speech.phrasebook import (
    DEFAULT_LOCALE,
    _read,
    merged,
    phrasebook,
    shipped_locales,
)
from skill.speech.ssml import Ssml, plain
from skill.speech.voice import Voice

LOCALES = sorted(shipped_locales())
REFERENCE = merged(_read("en"), _read(DEFAULT_LOCALE))
TABLES = ("steps", "starters", "names", "labels", "units", "nouns", "times", "clock")
# What a crisis answer must carry: a number to call (said digit by digit or as words).
_NUMBER = re.compile(r"\d")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def book_data(locale: str) -> dict[str, Any]:
    return merged(_read(locale.split("-")[0]), _read(locale))


def test_every_locale_with_a_phrasebook_has_an_interaction_model_and_back() -> None:
    assert set(LOCALES) == set(locales())


@pytest.mark.parametrize("locale", LOCALES)
def test_every_phrase_and_table_entry_exists_with_the_same_placeholders(locale: str) -> None:
    data = book_data(locale)
    assert set(data["phrases"]) == set(REFERENCE["phrases"]), "phrase keys differ"
    for key, variants in REFERENCE["phrases"].items():
        allowed = set().union(*(placeholders(v) for v in variants))
        for variant in data["phrases"][key]:
            assert placeholders(variant) <= allowed, (key, variant)
    for table in TABLES:
        missing = set(REFERENCE[table]) - set(data[table])
        assert not missing, (table, missing)
    assert len(data["months"]) == 12 and data["week_starts_on"]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_phrase_renders_as_valid_ssml(locale: str) -> None:
    book = phrasebook(locale)
    values = {
        name: "1"
        for key in book.phrase_keys()
        for variant in book.variants(key)
        for name in placeholders(variant)
    }
    for key in book.phrase_keys():
        for variant in book.variants(key):
            ET.fromstring(f"<speak>{variant.format(**values)}</speak>")


@pytest.mark.parametrize("locale", LOCALES)
def test_every_step_size_date_and_time_is_said(locale: str) -> None:
    book = phrasebook(locale)
    for area in AREAS:
        goal = new_goal(area, date(2026, 11, 2))
        said = {book.step(goal, rung) for rung in (STARTER, 1, goal.spec.top)}
        assert len(said) == 3 and all(s.strip() for s in said), (area, said)
        assert book.size(goal, 1).strip()
    assert book.date(date(2026, 11, 2)).strip()
    assert {book.clock(time(8)), book.clock(time(20, 30))} != {""}


@pytest.mark.parametrize("locale", LOCALES)
def test_the_crisis_answer_names_the_locales_own_line_with_its_sources(locale: str) -> None:
    own = _read(locale)
    line = own["crisis_line"]
    assert line["name"] and line["emergency"] and line["sources"], "a line, and where it is from"
    assert all(source.startswith(("https://", "http://")) for source in line["sources"])
    digits = re.sub(r"\D", "", line["number"])
    for key in ("safety.crisis", "safety.keep_talking", "safety.stop_here"):
        assert key in own["phrases"], f"{locale} must say its own line in {key}"
        assert all(_NUMBER.search(v) for v in own["phrases"][key]), key
    crisis = " ".join(plain(Ssml(text)) for text in own["phrases"]["safety.crisis"])
    assert digits in re.sub(r"\D", "", crisis), "the crisis answer says the line's number"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_model_has_every_intent_slot_and_value_id(locale: str) -> None:
    reference = interaction_model(DEFAULT_LOCALE)["interactionModel"]["languageModel"]
    model = interaction_model(locale)["interactionModel"]["languageModel"]

    def shape(language: dict[str, Any]) -> dict[str, Any]:
        return {
            i["name"]: sorted((s["name"], s["type"]) for s in i.get("slots", []))
            for i in language["intents"]
        }

    def ids(language: dict[str, Any]) -> dict[str, set[str]]:
        return {t["name"]: {v["id"] for v in t["values"]} for t in language.get("types", [])}

    assert shape(model) == shape(reference)
    assert ids(model) == ids(reference)
    for intent in model["intents"]:
        if not intent["name"].startswith("AMAZON."):
            assert len(intent["samples"]) >= 5, intent["name"]


@pytest.mark.parametrize(
    ("start", "said"),
    [("une fois par semaine", "d'une fois"), ("un verre", "d'un verre"), ("5 minutes", "de 5")],
)
def test_french_elides_where_a_size_meets_de(start: str, said: str) -> None:
    voice = Voice(phrasebook("fr-FR"), {}, seed=0)
    heard = voice.say("progress.growth", since="2 novembre", name="x", start=start, size="y")
    assert said in heard and "de une" not in heard and "de un " not in heard
