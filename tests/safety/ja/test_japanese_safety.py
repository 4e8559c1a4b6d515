"""The Japanese safety corpus: 0 missed crises and 0 false alarms, heard as ja-JP hears them.

The corpus (see SOURCES.md) is checked with the locale's own rules beside English, the way the
skill checks every ja-JP request, by the check itself and through the chat's resolver.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from skill.chat.nlu import Resolver
from skill.interaction import interaction_model
from skill.safety import Concern, assess

HERE = Path(__file__).resolve().parent
LOCALE = "ja-JP"


def rows(name: str) -> list[dict[str, Any]]:
    found = []
    for path in sorted(HERE.rglob(name)):
        found += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return found


CRISIS = [r["text"] for r in rows("crisis.jsonl")]
NEAR_MISSES = rows("near_miss.jsonl")


def test_the_corpus_is_as_large_as_promised() -> None:
    assert len(CRISIS) >= 80 and len(NEAR_MISSES) >= 80


def test_every_crisis_phrasing_is_recognised() -> None:
    assert [t for t in CRISIS if assess(t, LOCALE) is not Concern.CRISIS] == []


def test_no_near_miss_is_a_crisis_and_injuries_are_injuries() -> None:
    assert [r["text"] for r in NEAR_MISSES if assess(r["text"], LOCALE) is Concern.CRISIS] == []
    injuries = [r["text"] for r in NEAR_MISSES if r.get("expected") == "injury"]
    assert [t for t in injuries if assess(t, LOCALE) is not Concern.INJURY] == []


def test_the_models_samples_are_crisis_only_in_support_intent() -> None:
    fills = {"{area}": "散歩", "{rating}": "きつい", "{time}": "八時", "{unit}": "分",
             "{scope}": "全部", "{current}": "深呼吸"}  # fmt: skip
    language = interaction_model(LOCALE)["interactionModel"]["languageModel"]
    for intent in language["intents"]:
        for sample in intent.get("samples", []):
            for slot, value in fills.items():
                sample = sample.replace(slot, value)
            assert (assess(sample, LOCALE) is Concern.CRISIS) == (
                intent["name"] == "SupportIntent"
            ), sample


def test_the_chat_hears_crisis_words_as_support_and_near_misses_as_something_else() -> None:
    resolver = Resolver.for_locale(LOCALE)
    assert [t for t in CRISIS if resolver.resolve(t).intent != "SupportIntent"] == []
    texts = [r["text"] for r in NEAR_MISSES]
    assert [t for t in texts if resolver.resolve(t).intent == "SupportIntent"] == []
