"""Resolves typed words to an intent and slots using the interaction model's own samples.

A small, honest stand-in for Alexa's language understanding: each sample becomes a pattern,
custom slot values and synonyms resolve to entity-resolution ids, AMAZON.TIME and
AMAZON.NUMBER are parsed, and anything unmatched is AMAZON.FallbackIntent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from skill.chat.builtin_values import parse_number, parse_time
from skill.chat.envelope import SlotFill
from skill.coach.safety import is_crisis
from skill.handlers.questions import QUESTIONS, Dialog
from skill.interaction import interaction_model

# Built-in intents carry Amazon's own utterances; these are the common ones.
BUILT_IN_SAMPLES = {
    "AMAZON.YesIntent": "yes|yeah|yep|sure|ok|okay|yes please|sounds good|please do|go ahead",
    "AMAZON.NoIntent": "no|nope|no thanks|nah|not now|no thank you",
    "AMAZON.HelpIntent": "help|help me|what can i say|what can you do|how does this work",
    "AMAZON.StopIntent": "stop|quit|exit|goodbye|bye|that's all|i'm finished for now",
    "AMAZON.CancelIntent": "cancel|never mind|forget it",
    "AMAZON.NavigateHomeIntent": "go home|home",
}
_INVOCATION_PREFIX = re.compile(
    r"^(alexa )?(ask|tell|open|launch|start) (the )?{name}( to| that| if| for| whether)? ?"
)


@dataclass(frozen=True)
class Resolution:
    """What the words meant: an intent with its slots, or a launch."""

    intent: str | None
    slots: dict[str, SlotFill]
    launch: bool = False


@dataclass(frozen=True)
class _Pattern:
    intent: str
    regex: re.Pattern[str]
    slot_types: dict[str, str]
    literal: int


def normalise(text: str) -> str:
    """Lower-case words, curly quotes straightened, punctuation other than apostrophes dropped."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[^\w\s':.]", " ", text)
    text = re.sub(r"(?<!\d)[.:]|[.:](?!\d)", " ", text)
    return " ".join(text.split())


class Resolver:
    """Matches words against one locale's interaction model."""

    def __init__(self, model: dict[str, Any]) -> None:
        language = model["interactionModel"]["languageModel"]
        self.invocation = normalise(language["invocationName"])
        self._prefix = re.compile(
            _INVOCATION_PREFIX.pattern.format(name=re.escape(self.invocation))
        )
        self._values: dict[str, dict[str, tuple[str, str]]] = {}
        for slot_type in language.get("types", []):
            table: dict[str, tuple[str, str]] = {}
            for value in slot_type["values"]:
                canonical = value["name"]["value"]
                for word in [canonical, *value["name"].get("synonyms", [])]:
                    table[normalise(word)] = (value.get("id") or canonical, canonical)
            self._values[slot_type["name"]] = table
        self._patterns: list[_Pattern] = []
        self.slot_types: dict[str, dict[str, str]] = {}
        for intent in language["intents"]:
            slot_types = {s["name"]: s["type"] for s in intent.get("slots", [])}
            self.slot_types[intent["name"]] = slot_types
            samples = intent.get("samples") or BUILT_IN_SAMPLES.get(intent["name"], "").split("|")
            for sample in filter(None, samples):
                self._patterns.append(_compile(intent["name"], sample, slot_types))

    @classmethod
    def for_locale(cls, locale: str) -> Resolver:
        """The resolver for a locale's interaction model (as shipped in the package)."""
        return cls(interaction_model(locale))

    def resolve(self, text: str, dialog: str | None = None) -> Resolution:
        """The best intent for the words; bare custom answers only where a choice is pending."""
        # While a question is pending, a bare answer the model cannot resolve still belongs
        # to it ("drinking water" as a custom goal); elsewhere such words are Fallback.
        row = QUESTIONS.get(Dialog(dialog)) if dialog in set(Dialog) else None
        bare_intent = row.answer.intent if row is not None and row.answer else None
        words = normalise(text)
        invoked = self._prefix.match(words)
        if invoked:
            words = words[invoked.end() :].strip()
            if not words:
                return Resolution(None, {}, launch=True)
        # Safety first: words of crisis win over any pattern they happen to fit.
        if is_crisis(words):
            return Resolution("SupportIntent", {})
        best: tuple[tuple[int, int, int], Resolution] | None = None
        for pattern in self._patterns:
            match = pattern.regex.fullmatch(words)
            if match is None:
                continue
            slots: dict[str, SlotFill] = {}
            matched, usable = 0, True
            for name, value in match.groupdict().items():
                if value is None:
                    continue
                fill = self.fill(pattern.slot_types[name], value)
                if fill is None:
                    usable = False
                    break
                matched += fill.id is not None or fill.type_name is None
                slots[name] = fill
            unresolved = len(slots) - matched
            bare_ok = bare_intent == pattern.intent
            if not usable or (pattern.literal == 0 and unresolved and not bare_ok):
                continue
            score = (pattern.literal, -unresolved, matched)
            if best is None or score > best[0]:
                best = (score, Resolution(pattern.intent, slots))
        if best is not None:
            return best[1]
        return Resolution("AMAZON.FallbackIntent", {})

    def fill(self, slot_type: str, words: str) -> SlotFill | None:
        """A slot filled as Alexa would: built-in values parsed, custom values resolved."""
        if slot_type == "AMAZON.TIME":
            value = parse_time(words)
            return None if value is None else SlotFill(value)
        if slot_type == "AMAZON.NUMBER":
            number = parse_number(words)
            return None if number is None else SlotFill(str(number))
        if slot_type.startswith("AMAZON."):
            return SlotFill(words)
        found = self._values.get(slot_type, {}).get(normalise(words))
        if found is None:
            return SlotFill(words, None, slot_type)
        return SlotFill(words, found[0], slot_type, found[1])


def _compile(intent: str, sample: str, slot_types: dict[str, str]) -> _Pattern:
    parts = re.split(r"\{(\w+)\}", normalise_sample(sample))
    regex, literal = "", 0
    for index, part in enumerate(parts):
        if index % 2:
            regex += f"(?P<{part}>.+?)"
        else:
            regex += re.escape(part)
            literal += len(part.strip())
    return _Pattern(intent, re.compile(regex), slot_types, literal)


def normalise_sample(sample: str) -> str:
    """A sample normalised like typed words, keeping its {slot} references."""
    return " ".join(
        part if part.startswith("{") else normalise(part)
        for part in re.split(r"(\{\w+\})", sample)
        if part.strip()
    )
