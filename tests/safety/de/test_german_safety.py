"""The German safety corpus: 0 missed crises and 0 false alarms, by the check and spoken.

The corpus here (crisis.jsonl, near_miss.jsonl; sources in SOURCES.md) was written before the
German rules in `skill/safety/german.py`, following the warning signs German crisis services
publish, with the everyday look-alikes German is full of: "mein Rücken bringt mich um", "ich
sterbe vor Hunger", "ich will nicht mehr spazieren gehen". Each phrasing is checked by the
rules for de-DE (German and English together, as the skill hears it), and spoken to the chat's
de-DE resolver and answered by `lambda_handler`, as a person would meet it.
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
LOCALE = "de-DE"


def rows(name: str) -> list[dict[str, Any]]:
    text = (HERE / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


CRISIS = [r["text"] for r in rows("crisis.jsonl")]
NEAR_MISSES = rows("near_miss.jsonl")
RESOLVER = Resolver.for_locale(LOCALE)
# The chat fills these slots with plain words when the model's own samples are checked.
FILLS = {
    "{area}": "spaziergang",
    "{rating}": "schwer",
    "{time}": "acht uhr",
    "{unit}": "minuten",
    "{scope}": "alle",
    "{current}": "lesen",
}


def test_the_corpus_is_as_large_as_promised() -> None:
    assert len(set(CRISIS)) >= 80 and len(NEAR_MISSES) >= 80
    assert {r["expected"] for r in NEAR_MISSES} == {"injury", "none"}


def test_every_crisis_phrasing_is_recognised() -> None:
    assert [t for t in CRISIS if assess(t, LOCALE) is not Concern.CRISIS] == []


def test_no_near_miss_is_a_crisis_and_each_is_what_it_is() -> None:
    alarms = [r["text"] for r in NEAR_MISSES if assess(r["text"], LOCALE) is Concern.CRISIS]
    assert alarms == []
    wrong = [
        (r["text"], r["expected"])
        for r in NEAR_MISSES
        if assess(r["text"], LOCALE).value != r["expected"]
    ]
    assert wrong == []


def test_the_models_samples_are_a_crisis_exactly_in_support_intent() -> None:
    language = interaction_model(LOCALE)["interactionModel"]["languageModel"]
    wrong = []
    for intent in language["intents"]:
        for sample in intent.get("samples", []):
            for slot, words in FILLS.items():
                sample = sample.replace(slot, words)
            if (assess(sample, LOCALE) is Concern.CRISIS) != (intent["name"] == "SupportIntent"):
                wrong.append((intent["name"], sample))
    assert wrong == []


def test_every_crisis_phrasing_spoken_gets_the_safety_answer_and_nothing_is_stored(
    spoken: Spoken,
) -> None:
    for n, text in enumerate(CRISIS):
        user = f"amzn1.ask.account.SAFETY-DE-{n}"
        resolution, reply = spoken.say(text, user, LOCALE)
        assert resolution.intent == "SupportIntent", text
        assert reply.said("safety.crisis") and reply.said("safety.question"), text
        assert "0800 111 0 111" in reply.text and not reply.ended, text
        assert not spoken.stored(user), "nothing of it is stored"


def test_no_near_miss_spoken_gets_the_safety_answer(spoken: Spoken) -> None:
    for n, row in enumerate(NEAR_MISSES):
        resolution, reply = spoken.say(row["text"], f"amzn1.ask.account.NEAR-DE-{n}", LOCALE)
        assert resolution.intent != "SupportIntent", row["text"]
        assert not reply.said("safety.crisis"), row["text"]
        assert not reply.said("error.general"), row["text"]
