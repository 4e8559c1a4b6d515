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
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

import pytest

from skill.chat import envelope as env
from skill.chat.nlu import Resolver
from skill.interaction import interaction_model
from skill.safety import Concern, assess
from skill.store import user_key
from tests.support.builders import START, heard
from tests.support.lambda_entry import load_lambda

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


@pytest.fixture(scope="module")
def lambda_on_sqlite(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Callable[[dict[str, Any]], dict[str, Any]], Path]]:
    path = tmp_path_factory.mktemp("safety_de") / "kaizen.db"
    patch = pytest.MonkeyPatch()
    patch.setenv("KAIZEN_STORE", f"sqlite://{path}")
    patch.delenv("KAIZEN_SKILL_ID", raising=False)
    module = load_lambda("lambda_for_safety_de")
    yield (lambda event: module.lambda_handler(event, None)), path
    module._skill.cache_clear()
    patch.undo()


def speak(invoke: Callable[[dict[str, Any]], dict[str, Any]], text: str, user: str) -> Any:
    """Say the words once, as a new German session, the way the chat hears them."""
    resolution = RESOLVER.resolve(text)
    assert resolution.intent is not None, text
    caller = env.Caller(user_id=user, locale=LOCALE)
    request = env.intent_request(resolution.intent, resolution.slots)
    noon = datetime.combine(START, time(12), tzinfo=UTC)
    event = env.envelope(caller, request, timestamp=noon, session_id=f"s-{user}")
    return resolution, heard(invoke(event), LOCALE)


def test_every_crisis_phrasing_spoken_gets_the_safety_answer_and_nothing_is_stored(
    lambda_on_sqlite: tuple[Callable[[dict[str, Any]], dict[str, Any]], Path],
) -> None:
    invoke, path = lambda_on_sqlite
    from skill.store.sqlite import SqliteStore

    store = SqliteStore(path)
    for n, text in enumerate(CRISIS):
        user = f"amzn1.ask.account.SAFETY-DE-{n}"
        resolution, reply = speak(invoke, text, user)
        assert resolution.intent == "SupportIntent", text
        assert reply.said("safety.crisis") and reply.said("safety.question"), text
        assert "0800 111 0 111" in reply.text and not reply.ended, text
        assert store.load(user_key(user)) is None, "nothing of it is stored"
    store.close()


def test_no_near_miss_spoken_gets_the_safety_answer(
    lambda_on_sqlite: tuple[Callable[[dict[str, Any]], dict[str, Any]], Path],
) -> None:
    invoke, _ = lambda_on_sqlite
    for n, row in enumerate(NEAR_MISSES):
        resolution, reply = speak(invoke, row["text"], f"amzn1.ask.account.NEAR-DE-{n}")
        assert resolution.intent != "SupportIntent", row["text"]
        assert not reply.said("safety.crisis"), row["text"]
        assert not reply.said("error.general"), row["text"]
