"""The Spanish safety corpus: 0 missed crises, 0 false alarms, injuries heard as injuries.

The corpus (crisis.jsonl, near_miss.jsonl, see SOURCES.md) follows the warning signs US crisis
services publish in Spanish; the near misses are injuries, Spanish idioms of dying and killing
("me muero de hambre", "esta caminata me está matando") and rough days. Each is checked by the
rules alone, by the locale's whole check (Spanish and English), and through the chat's
resolver, as a person would meet it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from skill.chat.nlu import Resolver
from skill.interaction import interaction_model
from skill.safety import Concern, assess, spanish

HERE = Path(__file__).resolve().parent
LOCALE = "es-US"


def rows(name: str) -> list[dict[str, Any]]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


CRISIS = [r["text"] for r in rows("crisis.jsonl")]
NEAR_MISSES = rows("near_miss.jsonl")
INJURIES = [r["text"] for r in NEAR_MISSES if r["expected"] == "injury"]


def rules(text: str) -> Concern:
    return spanish.assess(spanish.normalise(text))


def test_the_corpus_is_as_large_as_promised() -> None:
    assert len(set(CRISIS)) >= 80 and len(NEAR_MISSES) >= 80
    assert len(INJURIES) >= 30


def test_every_crisis_phrasing_is_recognised_by_the_spanish_rules_alone() -> None:
    assert [t for t in CRISIS if rules(t) is not Concern.CRISIS] == []


def test_every_crisis_phrasing_is_recognised_for_the_locale() -> None:
    assert [t for t in CRISIS if assess(t, LOCALE) is not Concern.CRISIS] == []


def test_no_near_miss_is_a_crisis_and_injuries_are_injuries() -> None:
    assert [r["text"] for r in NEAR_MISSES if assess(r["text"], LOCALE) is Concern.CRISIS] == []
    assert [t for t in INJURIES if assess(t, LOCALE) is not Concern.INJURY] == []


def test_the_models_own_samples_are_crises_only_in_support_and_injuries_in_injury() -> None:
    language = interaction_model(LOCALE)["interactionModel"]["languageModel"]
    for intent in language["intents"]:
        for sample in intent.get("samples", []):
            concern = assess(sample, LOCALE)
            assert (concern is Concern.CRISIS) == (intent["name"] == "SupportIntent"), sample
            if intent["name"] == "InjuryIntent":
                assert concern is Concern.INJURY, sample


def test_spoken_to_the_chat_crises_reach_support_and_near_misses_do_not() -> None:
    resolver = Resolver.for_locale(LOCALE)
    assert [t for t in CRISIS if resolver.resolve(t).intent != "SupportIntent"] == []
    heard = [(r["text"], resolver.resolve(r["text"]).intent) for r in NEAR_MISSES]
    assert [text for text, intent in heard if intent == "SupportIntent"] == []


def test_normalise_folds_accents_and_punctuation() -> None:
    assert spanish.normalise("¿Para qué sigo viviendo?") == "para que sigo viviendo"
    assert spanish.normalise("Me corté la MUÑECA") == "me corte la muneca"
