"""Scores language understanding on the evaluation set in tests/nlu/ (see its README).

An utterance is understood when the resolver gives the labelled intent, as the skill would
hear it in that context (the skill's own `heard_as` table: "skip" after a look back is a no),
and every labelled slot: the area's id (or, for a goal the person names, its words), the
rating's id, the unit's id, the time's value. Resolvers: the chat's own (skill.chat.nlu) and,
independently, bespoken's virtual-alexa (npm), run in one Node process for the whole set.

Only the development half's misses are ever shown: the test half is held back, and is never
used to write samples.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skill.chat.languages.english_values import parse_time
from skill.handlers.questions import QUESTIONS, Dialog, SlotAnswer, heard_as
from skill.interaction import interaction_model
from skill.safety import Concern, assess

ROOT = Path(__file__).resolve().parents[2]
UTTERANCES = ROOT / "tests" / "nlu" / "utterances.jsonl"
# A second development set, by another writer, also never shown the samples (README_dev2.md).
MORE_UTTERANCES = ROOT / "tests" / "nlu" / "utterances_dev2.jsonl"
# A third, by a third writer, after the conversation's own changes (dev3/README.md).
THIRD_UTTERANCES = ROOT / "tests" / "nlu" / "dev3" / "utterances_dev3.jsonl"
VIRTUAL_ALEXA = ROOT / "tests" / "nlu" / "virtual_alexa.js"
NODE_MODULES = ROOT / ".tools" / "node_modules"

# The question pending in each labelled context (contexts the skill asks with its own words).
CONTEXT_DIALOG = {
    "choose_area": Dialog.CHOOSE_AREA,
    "ask_done": Dialog.ASK_DONE,
    "feeling": Dialog.FEELING,
    "reminder_time": Dialog.REMINDER_TIME,
    "choose_remove": Dialog.CHOOSE_REMOVE,
    "confirm_custom": Dialog.CONFIRM_GOAL,
    "offer_growth": Dialog.OFFER_GROWTH,
    "week_adjust": Dialog.WEEK_ADJUST,
    "yes_no": Dialog.CONFIRM_DELETE,
}
# Answers the skill treats alike after a question (it does the same for both), by context.
SAME_ANSWER = {
    "offer_growth": (
        {"AMAZON.YesIntent", "MakeBiggerIntent"},
        {"AMAZON.NoIntent", "KeepStepIntent"},
    ),
    "week_adjust": ({"AMAZON.NoIntent"},),
    # "Have you done it yet?" "Yes": the step is completed, as "I did it" completes it.
    "ask_done": ({"AMAZON.YesIntent", "CompleteStepIntent"},),
}


@dataclass(frozen=True)
class Utterance:
    """One labelled utterance of the evaluation set."""

    id: str
    text: str
    context: str
    intent: str
    slots: dict[str, str]
    split: str

    @property
    def elicited(self) -> SlotAnswer | None:
        """The slot Alexa would be eliciting when this is said (from the pending question)."""
        dialog = CONTEXT_DIALOG.get(self.context)
        return QUESTIONS[dialog].answer if dialog is not None else None


@dataclass(frozen=True)
class Heard:
    """What a resolver made of an utterance: an intent (None: nothing) and slot values."""

    intent: str | None
    slots: dict[str, tuple[str | None, str | None]]  # name -> (id, words)


@dataclass(frozen=True)
class Score:
    """How many of a split were understood, and which were not."""

    right: int
    total: int
    misses: tuple[tuple[Utterance, Heard], ...]
    crisis_alarms: int

    @property
    def rate(self) -> float:
        """The share understood."""
        return self.right / self.total if self.total else 0.0


def utterances(split: str | None = None) -> list[Utterance]:
    """The evaluation sets ("dev" and "test" halves, "dev2", "dev3"), or one split of them."""
    rows = [
        json.loads(line)
        for path in (UTTERANCES, MORE_UTTERANCES, THIRD_UTTERANCES)
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    found = [
        Utterance(r["id"], r["text"], r["context"], r["intent"], r.get("slots", {}), r["split"])
        for r in rows
    ]
    return [u for u in found if split is None or u.split == split]


def understood(utterance: Utterance, heard: Heard) -> bool:
    """Whether the resolver understood the utterance as labelled (see the module's rules)."""
    dialog = CONTEXT_DIALOG.get(utterance.context)
    said = heard_as(dialog, heard.intent) if dialog else heard.intent
    if said != utterance.intent and not _same_answer(utterance, said):
        return False
    for name, expected in utterance.slots.items():
        if name == "area_words":
            continue
        got_id, got_words = heard.slots.get(name, (None, None))
        if name == "area" and expected == "CUSTOM":
            wanted = utterance.slots.get("area_words", "")
            if got_id is not None or not got_words or wanted not in got_words:
                return False
        elif name in ("time",):
            if got_words != expected:
                return False
        elif got_id != expected:
            return False
    return True


def _same_answer(utterance: Utterance, said: str | None) -> bool:
    if utterance.intent == "SkipStepIntent" and said == "InjuryIntent":
        # An injury said as a reason to skip gets rest and a pause: the skip, kindly.
        return assess(utterance.text) is Concern.INJURY
    return any(
        utterance.intent in group and said in group
        for group in SAME_ANSWER.get(utterance.context, ())
    )


def score(items: Iterable[Utterance], resolve: Callable[[Utterance], Heard]) -> Score:
    """Resolve every utterance and count the understood ones (and any crisis alarm)."""
    right, total, misses, alarms = 0, 0, [], 0
    for utterance in items:
        heard = resolve(utterance)
        total += 1
        alarms += heard.intent == "SupportIntent"
        if understood(utterance, heard):
            right += 1
        else:
            misses.append((utterance, heard))
    return Score(right, total, tuple(misses), alarms)


def chat_resolver(locale: str = "en-US") -> Callable[[Utterance], Heard]:
    """The chat's own resolver, as a function from an utterance to what it heard."""
    from skill.chat.nlu import Resolver

    resolver = Resolver.for_locale(locale)

    def resolve(utterance: Utterance) -> Heard:
        found = resolver.resolve(utterance.text, utterance.elicited)
        slots = {name: (fill.id, fill.words) for name, fill in found.slots.items()}
        return Heard(found.intent, slots)

    return resolve


def virtual_alexa(items: list[Utterance], locale: str = "en-US") -> dict[str, Heard]:
    """What bespoken's virtual-alexa resolves each utterance to (one Node process for all)."""
    model = ROOT / "interaction_models" / f"{locale}.json"
    lines = [
        json.dumps(
            {
                "id": u.id,
                "text": u.text,
                "elicit": {"intent": u.elicited.intent, "slot": u.elicited.slot}
                if u.elicited
                else None,
            }
        )
        for u in items
    ]
    result = subprocess.run(
        ["node", str(VIRTUAL_ALEXA), str(model), "--locale", locale],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={"NODE_PATH": str(NODE_MODULES), "PATH": _path()},
    )
    heard: dict[str, Heard] = {}
    for line in result.stdout.splitlines():
        row: dict[str, Any] = json.loads(line)
        slots = {
            # AMAZON.TIME is a wildcard in virtual-alexa; Alexa itself hands over the parsed time.
            name: (
                value.get("er_id"),
                parse_time(value["value"]) if name == "time" else value["value"],
            )
            for name, value in (row.get("slots") or {}).items()
        }
        heard[row["id"]] = Heard(row.get("intent") or "AMAZON.FallbackIntent", slots)
    return heard


def _path() -> str:
    import os

    return os.environ.get("PATH", "/usr/bin:/bin")


def model_samples(locale: str = "en-US") -> set[str]:
    """Every sample of the model, lower-cased (to check none is copied from the test half)."""
    language = interaction_model(locale)["interactionModel"]["languageModel"]
    return {
        sample.lower()
        for intent in language["intents"]
        for sample in [*intent.get("samples", [])]
        + [s for slot in intent.get("slots", []) for s in slot.get("samples", [])]
    }
