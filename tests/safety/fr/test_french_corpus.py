"""The French safety corpus: 0 missed crises and 0 false alarms, by the check, the chat's
resolver and Lambda, as a person in France would meet them.

The corpus was written from the warning signs French-speaking crisis services publish (see
SOURCES.md) before `skill/safety/french.py` existed; the figures at its first run are there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from skill.chat.nlu import Resolver
from skill.interaction import interaction_model
from skill.safety import Concern, assess
from tests.support.spoken import Spoken

HERE = Path(__file__).resolve().parent
LOCALE = "fr-FR"


def rows(name: str) -> list[dict[str, Any]]:
    text = (HERE / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


CRISIS = [r["text"] for r in rows("crisis.jsonl")]
NEAR_MISSES = rows("near_miss.jsonl")
RESOLVER = Resolver.for_locale(LOCALE)


def test_the_corpus_is_as_large_as_promised() -> None:
    assert len(set(CRISIS)) >= 80 and len(NEAR_MISSES) >= 80


def test_every_crisis_phrasing_is_recognised() -> None:
    assert [t for t in CRISIS if assess(t, LOCALE) is not Concern.CRISIS] == []


def test_no_near_miss_is_taken_for_a_crisis_and_injuries_are_injuries() -> None:
    assert [r["text"] for r in NEAR_MISSES if assess(r["text"], LOCALE) is Concern.CRISIS] == []
    injuries = [r["text"] for r in NEAR_MISSES if r["expected"] == "injury"]
    assert [t for t in injuries if assess(t, LOCALE) is not Concern.INJURY] == []


def test_the_french_models_own_samples_are_a_crisis_only_in_support_intent() -> None:
    fills = {"{area}": "la marche", "{rating}": "difficile", "{time}": "huit heures",
             "{unit}": "minutes", "{scope}": "tout", "{current}": "la gratitude"}  # fmt: skip
    language = interaction_model(LOCALE)["interactionModel"]["languageModel"]
    wrong = []
    for intent in language["intents"]:
        for sample in intent.get("samples", []):
            for slot, value in fills.items():
                sample = sample.replace(slot, value)
            if (assess(sample, LOCALE) is Concern.CRISIS) != (intent["name"] == "SupportIntent"):
                wrong.append((intent["name"], sample))
    assert wrong == []


def test_the_resolver_sends_every_crisis_to_support_and_no_near_miss() -> None:
    assert [t for t in CRISIS if RESOLVER.resolve(t).intent != "SupportIntent"] == []
    said = [r["text"] for r in NEAR_MISSES if RESOLVER.resolve(r["text"]).intent == "SupportIntent"]
    assert said == []


def test_every_crisis_spoken_in_french_gets_the_3114_and_nothing_is_stored(
    spoken: Spoken,
) -> None:
    for n, text in enumerate(CRISIS):
        user = f"amzn1.ask.account.SAFETY-FR-{n}"
        _, reply = spoken.say(text, user, LOCALE)
        assert reply.said("safety.crisis") and reply.said("safety.question"), text
        assert 'alias="trente et un quatorze">3114<' in reply.ssml
        assert not reply.ended, "one gentle question follows"
        assert not spoken.stored(user), "nothing of it is stored"
