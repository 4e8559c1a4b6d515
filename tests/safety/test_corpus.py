"""The safety corpus: 0 missed crises and 0 false alarms, by the check, the chat, and Lambda.

The corpora here were written independently of the skill's rules (see SOURCES.md): crisis
phrasings following published warning signs, and near-misses (injuries, idioms, tiredness,
rough days, everyday speech). Each is spoken to the chat's resolver and answered by
`lambda_handler`, as a person would meet it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scripts import train_safety
from skill.interaction import interaction_model
from skill.safety import LANGUAGES, Concern, assess, english
from tests.support.spoken import Spoken

HERE = Path(__file__).resolve().parent
OTHER_LANGUAGES = frozenset(LANGUAGES) - {"en"}


def rows(name: str) -> list[dict[str, Any]]:
    """The English corpus's rows (other languages keep theirs in a folder of their own)."""
    found = []
    for path in sorted(HERE.rglob(name)):
        if path.relative_to(HERE).parts[0] in OTHER_LANGUAGES:
            continue
        found += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return found


# Four writers: a few of the plainest phrasings were written by more than one.
CRISIS = sorted({r["text"] for r in rows("crisis.jsonl")})
NEAR_MISSES = rows("near_miss.jsonl")
LEANING_CRISIS = [r["text"] for r in rows("ambiguous.jsonl") if r.get("lean") == "crisis"]


def test_the_corpus_is_as_large_as_promised() -> None:
    assert len(CRISIS) >= 120 and len(NEAR_MISSES) >= 120


def test_every_crisis_phrasing_is_recognised() -> None:
    missed = [text for text in [*CRISIS, *LEANING_CRISIS] if assess(text) is not Concern.CRISIS]
    assert missed == []


def test_no_near_miss_is_taken_for_a_crisis_and_injuries_are_injuries() -> None:
    alarms = [r["text"] for r in NEAR_MISSES if assess(r["text"]) is Concern.CRISIS]
    assert alarms == []
    injuries = [r["text"] for r in NEAR_MISSES if r.get("expected") == "injury"]
    assert [t for t in injuries if assess(t) is not Concern.INJURY] == []


def test_everyday_requests_and_the_skills_own_samples_are_never_a_crisis() -> None:
    language = interaction_model("en-US")["interactionModel"]["languageModel"]
    for intent in language["intents"]:
        for sample in intent.get("samples", []):
            assert (assess(sample) is Concern.CRISIS) == (intent["name"] == "SupportIntent"), sample


def test_the_learnt_model_alone_needs_a_word_of_life_death_or_means() -> None:
    # A tester's "I'm proud of myself" once scored as a crisis; a mood word is not enough.
    for everyday in ("i am proud of myself", "i just can not face it make it smaller"):
        assert english.assess(everyday, model_says_crisis=True) is Concern.NONE, everyday
    for unlisted in ("i would love to cease to exist", "all to go black and stay black forever"):
        assert english.assess(unlisted) is Concern.NONE, "a rule now lists it: pick another"
        assert english.assess(unlisted, model_says_crisis=True) is Concern.CRISIS, unlisted


def test_the_shipped_model_was_trained_on_these_corpora() -> None:
    assert train_safety.main(["--check"]) == 0, "run: python scripts/train_safety.py"


def test_every_crisis_phrasing_spoken_gets_the_safety_answer_and_nothing_is_stored(
    spoken: Spoken,
) -> None:
    for n, text in enumerate([*CRISIS, *LEANING_CRISIS]):
        user = f"amzn1.ask.account.SAFETY-{n}"
        resolution, reply = spoken.say(text, user)
        assert resolution.intent == "SupportIntent", text
        assert reply.said("safety.crisis") and reply.said("safety.question"), text
        assert not reply.ended, "one gentle question follows"
        assert not spoken.stored(user), "nothing of it is stored"


def test_no_near_miss_spoken_gets_the_safety_answer(spoken: Spoken) -> None:
    for n, row in enumerate(NEAR_MISSES):
        resolution, reply = spoken.say(row["text"], f"amzn1.ask.account.NEAR-{n}")
        assert resolution.intent != "SupportIntent", row["text"]
        assert not reply.said("safety.crisis"), row["text"]
        assert not reply.said("error.general"), row["text"]
