"""Resolves typed words to an intent and slots using the interaction model's own samples.

A small, honest stand-in for Alexa's language understanding, learning only from what Alexa
learns from (the model's samples, slot values and synonyms):

1. Words of crisis go to SupportIntent first, whatever else they fit (safety first).
2. While the skill elicits a slot (`Dialog.ElicitSlot`), the slot's own samples are tried
   first, so a bare "walking" or "8 am" is an answer only when it was asked for.
3. A sample that fits the words exactly (after fillers like "um" and "okay so" are dropped);
   custom slot values resolve to entity-resolution ids, AMAZON.TIME and NUMBER are parsed.
4. Otherwise a naive Bayes guess over the samples' words and word pairs (slot values seen as
   their type), taken only when most of the words are ones the samples use and the guess is
   clear: real Alexa generalises from samples with a statistical model, and so does this, a
   little. Slot values are then found anywhere in the words.
5. Anything else is AMAZON.FallbackIntent.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from skill.chat.envelope import SlotFill
from skill.chat.languages import language
from skill.handlers.questions import SlotAnswer
from skill.interaction import interaction_model
from skill.safety import is_crisis
from skill.speech.names import MAX_CHARACTERS, MAX_WORDS, language_of

# Slot types whose words the skill takes even when they match no value (a goal the person
# names); any other custom type's words must be one of its values or synonyms.
OPEN_SLOT_TYPES = frozenset({"GOAL_AREA"})


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
    tokens: list[str]


def normalise(text: str, locale: str = "en-US") -> str:
    """Typed words as the locale's language reads them (see `skill.chat.languages`)."""
    normalised: str = language(locale).normalise(text)
    return normalised


def without_fillers(words: str, locale: str = "en-US") -> str:
    """Words with leading fillers ("um", "okay so") and trailing ones ("please") dropped."""
    lang = language(locale)
    trimmed = re.sub(lang.TRAILING_FILLERS, "", re.sub(lang.LEADING_FILLERS, "", words)).strip()
    return trimmed or words


class Resolver:
    """Matches words against one locale's interaction model."""

    def __init__(self, model: dict[str, Any], locale: str = "en-US") -> None:
        self.locale = locale
        self.lang: ModuleType = language(locale)
        model_language = model["interactionModel"]["languageModel"]
        self.invocation = self._normalise(model_language["invocationName"])
        self._prefix = re.compile(self.lang.INVOCATION.format(name=re.escape(self.invocation)))
        self._values: dict[str, dict[str, tuple[str, str]]] = {}
        for slot_type in model_language.get("types", []):
            table: dict[str, tuple[str, str]] = {}
            for value in slot_type["values"]:
                canonical = value["name"]["value"]
                for word in [canonical, *value["name"].get("synonyms", [])]:
                    table[self._normalise(word)] = (value.get("id") or canonical, canonical)
            self._values[slot_type["name"]] = table
        self._patterns: list[_Pattern] = []
        self._slot_patterns: dict[tuple[str, str], list[_Pattern]] = {}
        self.slot_types: dict[str, dict[str, str]] = {}
        for intent in model_language["intents"]:
            name = intent["name"]
            slot_types = {s["name"]: s["type"] for s in intent.get("slots", [])}
            self.slot_types[name] = slot_types
            samples = intent.get("samples") or []
            built_in = self.lang.BUILT_IN_SAMPLES.get(name, "").split("|")
            for sample in filter(None, [*samples, *built_in]):
                self._patterns.append(self._compile(name, sample, slot_types))
            for slot in intent.get("slots", []):
                self._slot_patterns[(name, slot["name"])] = [
                    self._compile(name, sample, slot_types) for sample in slot.get("samples", [])
                ]
        self._classifier = _Classifier(self._patterns, self.lang)

    def _normalise(self, text: str) -> str:
        return normalise(text, self.locale)

    def _compile(self, intent: str, sample: str, slot_types: dict[str, str]) -> _Pattern:
        parts = re.split(r"\{(\w+)\}", normalise_sample(sample, self.locale))
        regex, literal = "", 0
        tokens: list[str] = []
        for index, part in enumerate(parts):
            if index % 2:
                regex += f"(?P<{part}>.+?)"
                tokens.append(f"<{slot_types.get(part, part)}>")
            else:
                regex += re.escape(part)
                literal += len(part.strip())
                tokens += self.lang.tokens(part)
        return _Pattern(intent, re.compile(regex), slot_types, literal, tokens)

    def _find(self, value: str, words: str) -> re.Match[str] | None:
        """A value within words: as whole words, or anywhere where words are not spaced."""
        if self.lang.SPACED:
            return re.search(rf"\b{re.escape(value)}\b", words)
        return re.search(re.escape(value), words)

    @classmethod
    def for_locale(cls, locale: str) -> Resolver:
        """The resolver for a locale's interaction model (as shipped in the package)."""
        return cls(interaction_model(locale), locale)

    def resolve(self, text: str, elicited: SlotAnswer | None = None) -> Resolution:
        """The best intent for the words; a bare slot answer only while that slot is elicited."""
        words = self._normalise(text)
        invoked = self._prefix.match(words)
        if invoked:
            words = words[invoked.end() :].strip()
            if not words:
                return Resolution(None, {}, launch=True)
        # Safety first: words of crisis win over any pattern they happen to fit.
        if is_crisis(words, self.locale):
            return Resolution("SupportIntent", {})
        candidates = [words, without_fillers(words, self.locale)]
        asked = self._slot_patterns.get((elicited.intent, elicited.slot), []) if elicited else []
        # An answer in words of its own ("i'd like gratitude", or a known value); then any
        # request that fits exactly ("remind me at 8 am" while a goal is being chosen); then a
        # request the classifier is sure of, where the question asks for a goal the person
        # has; only then unknown words taken whole as the answer ("drinking more water").
        for patterns in (asked, self._patterns):
            found = self._first_exact(candidates, patterns, allow_bare=False)
            if found is not None:
                return found
        nearest = self._nearest(candidates[-1])
        if nearest is not None and self._a_request_not_a_name(elicited, nearest):
            return nearest
        found = self._first_exact(candidates, asked, allow_bare=True)
        return found or nearest or Resolution("AMAZON.FallbackIntent", {})

    def _first_exact(
        self, candidates: list[str], patterns: list[_Pattern], *, allow_bare: bool
    ) -> Resolution | None:
        """The first candidate wording that fits a pattern exactly, with slots said anyway."""
        for candidate in candidates:
            found = self._exact(candidate, patterns, allow_bare=allow_bare)
            if found is not None:
                return self._with_spotted(found, candidate)
        return None

    @staticmethod
    def _a_request_not_a_name(elicited: SlotAnswer | None, nearest: Resolution) -> bool:
        """Whether words asked for as one of the person's goals are better heard as a request.

        Asked "have you done your walk?", "I had a rough day" is a hard day, not a goal of that
        name: only a question that asks for a new name takes unknown words whole. A guess that
        would add, swap or remove a goal is never taken over an answer.
        """
        if elicited is None or elicited.intent in _NAMING:
            return False
        return nearest.intent not in _CHANGES_GOALS

    def _with_spotted(self, found: Resolution, words: str) -> Resolution:
        """A resolution whose empty slots are filled with values said anyway ("went for a
        walk": the area is the walk, though the sample had no slot there)."""
        types = self.slot_types.get(found.intent or "", {})
        missing = {name: t for name, t in types.items() if name not in found.slots}
        if not missing:
            return found
        for fill in found.slots.values():  # words already heard as one slot are not another's
            heard = self._find(fill.words, words)
            if heard is not None:
                words = words[: heard.start()] + " " + words[heard.end() :]
        spotted = self._spotted_slots(words, missing)
        return Resolution(found.intent, {**found.slots, **spotted}, found.launch)

    def _exact(
        self, words: str, patterns: list[_Pattern], *, allow_bare: bool
    ) -> Resolution | None:
        best: tuple[tuple[int, int, int], Resolution] | None = None
        for pattern in patterns:
            match = pattern.regex.fullmatch(words)
            if match is None:
                continue
            slots = self._slots(pattern, match.groupdict())
            if slots is None:
                continue
            matched = sum(1 for fill in slots.values() if fill.id is not None or not fill.type_name)
            unresolved = len(slots) - matched
            if pattern.literal == 0 and unresolved and not allow_bare:
                continue
            score = (pattern.literal, -unresolved, matched)
            if best is None or score > best[0]:
                best = (score, Resolution(pattern.intent, slots))
        return best[1] if best else None

    def _slots(
        self, pattern: _Pattern, values: dict[str, str | None]
    ) -> dict[str, SlotFill] | None:
        slots: dict[str, SlotFill] = {}
        for name, value in values.items():
            if value is None:
                continue
            slot_type = pattern.slot_types[name]
            fill = self.fill(slot_type, value)
            unheard = fill is not None and fill.type_name and fill.id is None
            if fill is None or (unheard and slot_type not in OPEN_SLOT_TYPES):
                return None
            if unheard and self._too_long_for_a_name(value):
                # A goal's name is a few words: a whole sentence in the slot is a pattern
                # that fits by accident ("so i did the walk but ... it's {area} done").
                return None
            slots[name] = fill
        return slots

    def _too_long_for_a_name(self, words: str) -> bool:
        """Longer than any goal's name could be, with a word or two around it."""
        if not self.lang.SPACED:
            return len(words) > MAX_CHARACTERS
        return len(words.split()) > MAX_WORDS + 2

    def _nearest(self, words: str) -> Resolution | None:
        """The classifier's guess, if the words are mostly the samples' own and the guess clear.

        Never for a bare slot value ("easy", "walking"): said when nothing was asked, that is
        not an answer, and a guess would act on it.
        """
        said = self.lang.tokens(words)
        if len(said) < 2 or any(words in table for table in self._values.values()):
            return None
        tokens = self._abstract(words)
        guess = self._classifier.guess(tokens)
        if guess is None:
            return None
        intent = guess
        return Resolution(intent, self._spotted_slots(words, self.slot_types.get(intent, {})))

    def _abstract(self, words: str) -> list[str]:
        """The words with every known slot value replaced by its type, as the samples have it."""
        text = f" {words} "
        for slot_type, table in self._values.items():
            for value in sorted(table, key=len, reverse=True):
                edge = r"(?<= )" if self.lang.SPACED else ""
                after = r"(?= )" if self.lang.SPACED else ""
                text = re.sub(rf"{edge}{re.escape(value)}{after}", f" <{slot_type}> ", text)
        pieces: list[str] = []
        for piece in re.split(r"(<[A-Z_.]+>)", text):
            pieces += [piece] if piece.startswith("<") else self.lang.tokens(piece)
        return pieces

    def _spotted_slots(self, words: str, slot_types: dict[str, str]) -> dict[str, SlotFill]:
        """Slot values found anywhere in the words (the longest known value per slot)."""
        slots: dict[str, SlotFill] = {}
        for name, slot_type in slot_types.items():
            table = self._values.get(slot_type, {})
            for value in sorted(table, key=len, reverse=True):
                if self._find(value, words):
                    found = table[value]
                    slots[name] = SlotFill(value, found[0], slot_type, found[1])
                    break
        return slots

    def fill(self, slot_type: str, words: str) -> SlotFill | None:
        """A slot filled as Alexa would: built-in values parsed, custom values resolved."""
        if slot_type == "AMAZON.TIME":
            value = self.lang.parse_time(words)
            return None if value is None else SlotFill(value)
        if slot_type == "AMAZON.NUMBER":
            number = self.lang.parse_number(words)
            return None if number is None else SlotFill(str(number))
        if slot_type.startswith("AMAZON."):
            return SlotFill(words)
        table = self._values.get(slot_type, {})
        said = self._normalise(words)
        found = table.get(said)
        if found is not None:
            return SlotFill(words, found[0], slot_type, found[1])
        if not self.lang.SPACED:
            # Unspaced: the longest known value within the words, where it ends them or little
            # else is left (ちゃんと散歩 is the walk).
            for value in sorted(table, key=len, reverse=True):
                if (
                    value
                    and value in said
                    and (said.endswith(value) or len(said) - len(value) <= 4)
                ):
                    found = table[value]
                    return SlotFill(value, found[0], slot_type, found[1])
            return SlotFill(words, None, slot_type)
        # Alexa hears the value within a little extra ("breathing exercise for" today), or at
        # the start or end of a longer answer ("hard, my knees were complaining").
        joiners = language_of(self.locale).joiners
        for value in sorted(table, key=len, reverse=True):
            spare = f" {said} ".replace(f" {value} ", " ", 1).split()
            if joiners.intersection(spare):
                break  # "walk and water": two names, each for the skill to find
            edge = slot_type not in OPEN_SLOT_TYPES and (
                said.startswith(f"{value} ") or said.endswith(f" {value}")
            )
            if len(spare) < len(said.split()) and (len(spare) <= 2 or edge):
                found = table[value]
                return SlotFill(value, found[0], slot_type, found[1])
        return SlotFill(words, None, slot_type)


# Questions whose answer names something new ("what would you like to work on?").
_NAMING = frozenset({"SetGoalIntent", "ChangeGoalIntent"})
# Requests that add, swap or remove goals: too much to act on from a guess at an answer.
_CHANGES_GOALS = frozenset({"SetGoalIntent", "ChangeGoalIntent", "RemoveGoalIntent"})

# The safety check alone decides what is a crisis; a guess never does.
_NEVER_GUESSED = frozenset({"SupportIntent"})


class _Classifier:
    """Multinomial naive Bayes over the samples' words and word pairs, one class per intent.

    Each sample is one document; a slot reference is the token `<TYPE>`, and at guessing time
    known slot values are replaced the same way, so "did my gratitude" and "did my walk" are
    the same words. Uniform priors: an intent with many samples is not favoured for it.
    """

    # Laplace smoothing, and the bars a guess must clear (tuned on the development half).
    SMOOTHING = 0.3
    MIN_KNOWN = 0.6
    MIN_POSTERIOR = 0.6

    def __init__(self, patterns: list[_Pattern], lang: ModuleType) -> None:
        self._lang = lang
        self._counts: dict[str, Counter[str]] = {}
        for pattern in patterns:
            if pattern.intent in _NEVER_GUESSED:
                continue
            self._counts.setdefault(pattern.intent, Counter()).update(
                self._features(pattern.tokens)
            )
        self._vocabulary = {f for counts in self._counts.values() for f in counts}
        self._known = {f for f in self._vocabulary if " " not in f}
        self._totals = {intent: sum(c.values()) for intent, c in self._counts.items()}

    def guess(self, tokens: list[str]) -> str | None:
        """The intent the words most likely mean, or None when no guess is clear enough."""
        if not tokens:
            return None
        telling = [t for t in tokens if t not in self._lang.COMMON]
        if not telling:
            return None
        known = sum(1 for t in telling if self._stem(t) in self._known) / len(telling)
        if known < self.MIN_KNOWN:
            return None
        features = self._features(tokens)
        size = len(self._vocabulary)
        scores = {
            intent: sum(
                math.log(
                    (counts[f] + self.SMOOTHING) / (self._totals[intent] + self.SMOOTHING * size)
                )
                for f in features
            )
            for intent, counts in self._counts.items()
        }
        best = max(scores, key=lambda intent: scores[intent])
        top = scores[best]
        posterior = 1.0 / sum(math.exp(score - top) for score in scores.values())
        return best if posterior >= self.MIN_POSTERIOR else None

    def _features(self, tokens: list[str]) -> list[str]:
        stems = [self._stem(token) for token in tokens]
        return [*stems, *(f"{a} {b}" for a, b in itertools.pairwise(stems))]

    def _stem(self, token: str) -> str:
        """A word without its common endings ("walked", "walking", "walks": "walk")."""
        if token.startswith("<"):
            return token
        for ending in self._lang.ENDINGS:
            if len(token) > len(ending) + 2 and token.endswith(ending):
                return token[: -len(ending)]
        return token


def normalise_sample(sample: str, locale: str = "en-US") -> str:
    """A sample normalised like typed words, keeping its {slot} references."""
    joiner = " " if language(locale).SPACED else ""
    return joiner.join(
        part if part.startswith("{") else normalise(part, locale)
        for part in re.split(r"(\{\w+\})", sample)
        if part.strip()
    )
