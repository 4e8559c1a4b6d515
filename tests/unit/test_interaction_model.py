"""The interaction model follows Alexa's documented rules and matches the registered handlers."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from scripts import build_models
from skill.app import registered_intents
from skill.chat.nlu import Resolver, normalise_sample
from skill.interaction import locales

MODELS = sorted((Path(__file__).resolve().parents[2] / "interaction_models").glob("*.json"))
REQUIRED_BUILT_INS = {
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.CancelIntent",
    "AMAZON.NavigateHomeIntent",
}
PRODUCT_INTENTS = {
    "GetStepIntent",
    "CompleteStepIntent",
    "SkipStepIntent",
    "MakeSmallerIntent",
    "MakeBiggerIntent",
    "RateStepIntent",
    "SetGoalIntent",
    "ListGoalsIntent",
    "RemoveGoalIntent",
    "ProgressIntent",
    "EncourageIntent",
    "SetReminderIntent",
    "DeleteDataIntent",
    "AMAZON.FallbackIntent",
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
    *REQUIRED_BUILT_INS,
}
CORE_INTENTS = PRODUCT_INTENTS - {i for i in PRODUCT_INTENTS if i.startswith("AMAZON.")}
GOAL_AREA_IDS = {"MOVE", "SELF_CARE", "BREATHE", "GRATITUDE", "CONNECT", "EXPRESS", "REFLECT"}
# Words that launch or wake Alexa may not appear in an invocation name.
FORBIDDEN_INVOCATION_WORDS = {
    "alexa",
    "amazon",
    "echo",
    "computer",
    "ask",
    "tell",
    "open",
    "launch",
    "start",
    "load",
    "begin",
    "enable",
    "skill",
    "app",
}
# Launch words and names of Alexa that a ja-JP invocation name may not hold.
JA_FORBIDDEN_INVOCATION_WORDS = (
    "アレクサ",
    "アマゾン",
    "エコー",
    "スキル",
    "アプリ",
    "開いて",
    "起動",
)
# Letters of any script, lower case where the script has case (no digits: numbers are words),
# and apostrophes, periods and spaces as Alexa's sample rules allow.
SAMPLE_CHARACTERS = re.compile(r"^(?:(?![\d_A-Z])[\w' .])+$")


def language(path: Path) -> dict[str, Any]:
    model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return model["interactionModel"]["languageModel"]


@pytest.fixture(params=MODELS, ids=[p.stem for p in MODELS])
def model(request: pytest.FixtureRequest) -> dict[str, Any]:
    return language(request.param)


def test_invocation_name_follows_alexa_rules(model: dict[str, Any]) -> None:
    name = model["invocationName"]
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", name):
        # ja-JP: hiragana, katakana and kanji only, no particle but の, foreign words as
        # Japanese writes them (choose-the-invocation-name-for-a-custom-skill.html, ja).
        assert re.fullmatch(r"[\u3041-\u309f\u30a0-\u30ff\u4e00-\u9fff\u3005]+", name)
        assert not any(word in name for word in JA_FORBIDDEN_INVOCATION_WORDS)
        assert name == "カイゼンコーチ"
        return
    assert re.fullmatch(r"[a-z][a-z' .]*[a-z.]", name), "lower-case letters, spaces, ' and ."
    words = name.split()
    assert len(words) >= 2
    assert not FORBIDDEN_INVOCATION_WORDS & set(words)
    assert name == "kaizen coach"


def test_every_product_intent_and_required_built_in_is_present(model: dict[str, Any]) -> None:
    names = {intent["name"] for intent in model["intents"]}
    assert names >= PRODUCT_INTENTS


def test_model_intents_and_registered_handlers_match_both_ways(model: dict[str, Any]) -> None:
    names = {intent["name"] for intent in model["intents"]}
    assert names == registered_intents()


def test_core_intents_have_at_least_twenty_samples(model: dict[str, Any]) -> None:
    thin = {
        i["name"]: len(i["samples"])
        for i in model["intents"]
        if i["name"] in CORE_INTENTS and len(i["samples"]) < 20
    }
    assert thin == {}


def test_samples_use_only_allowed_characters_and_declared_slots(model: dict[str, Any]) -> None:
    declared_types = {t["name"] for t in model.get("types", [])}
    for intent in model["intents"]:
        slots = {s["name"]: s["type"] for s in intent.get("slots", [])}
        for slot_type in slots.values():
            assert slot_type.startswith("AMAZON.") or slot_type in declared_types
        for sample in intent["samples"]:
            literal = re.sub(r"\{(\w+)\}", "", sample)
            assert SAMPLE_CHARACTERS.match(literal) or not literal.strip(), sample
            assert not re.search(r"\d", sample), f"numbers must be spelled out: {sample}"
            for ref in re.findall(r"\{(\w+)\}", sample):
                assert ref in slots, f"{intent['name']}: {{{ref}}} is not a declared slot"


def test_no_sample_belongs_to_two_intents(model: dict[str, Any]) -> None:
    owner: dict[str, str] = {}
    for intent in model["intents"]:
        for sample in intent["samples"]:
            key = normalise_sample(sample)
            assert owner.setdefault(key, intent["name"]) == intent["name"], sample
        assert len({normalise_sample(s) for s in intent["samples"]}) == len(intent["samples"])


def test_goal_area_slot_type_has_the_contract_ids_with_synonyms(model: dict[str, Any]) -> None:
    (goal_area,) = [t for t in model["types"] if t["name"] == "GOAL_AREA"]
    ids = {v["id"] for v in goal_area["values"]}
    assert ids == GOAL_AREA_IDS
    assert all(len(v["name"]["synonyms"]) >= 5 for v in goal_area["values"])


def test_natural_phrasings_resolve_to_the_right_intents() -> None:
    resolver = Resolver.for_locale("en-US")
    expected = {
        "what's my small step today": "GetStepIntent",
        "ask kaizen coach what my step is": "GetStepIntent",
        "I did it": "CompleteStepIntent",
        "all done for today": "CompleteStepIntent",
        "finished my walk": "CompleteStepIntent",
        "not today": "SkipStepIntent",
        "that's too hard": "MakeSmallerIntent",
        "too easy": "MakeBiggerIntent",
        "it was hard": "RateStepIntent",
        "I want to work on gratitude": "SetGoalIntent",
        "encourage me": "EncourageIntent",
        "how am I doing": "ProgressIntent",
        "remind me every day at 8 am": "SetReminderIntent",
        "delete my data": "DeleteDataIntent",
        "purple elephants dancing": "AMAZON.FallbackIntent",
    }
    assert {text: resolver.resolve(text).intent for text in expected} == expected


def test_slot_words_resolve_to_entity_resolution_ids() -> None:
    resolver = Resolver.for_locale("en-US")
    walking = resolver.resolve("I want to work on walking").slots["area"]
    custom = resolver.resolve("I want to work on drinking water").slots["area"]
    time = resolver.resolve("remind me at seven thirty pm").slots["time"]
    assert (walking.id, custom.id, custom.words, time.words) == (
        "MOVE",
        None,
        "drinking water",
        "19:30",
    )


@pytest.mark.parametrize("path", MODELS, ids=[p.stem for p in MODELS])
def test_every_support_sample_is_recognised_as_crisis_words(path: Path) -> None:
    from skill.safety import is_crisis

    (support,) = [i for i in language(path)["intents"] if i["name"] == "SupportIntent"]
    assert [s for s in support["samples"] if not is_crisis(s, path.stem)] == []


def test_the_checked_in_models_are_built_from_the_package_source() -> None:
    # interaction_models/ is what Alexa's tools read; skill/interaction/ is where it is written.
    assert build_models.stale() == [], "run: python scripts/build_models.py"
    assert [p.stem for p in MODELS] == locales()
