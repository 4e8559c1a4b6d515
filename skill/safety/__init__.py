"""Recognises words of crisis or self-harm, so the skill answers them with help, not coaching.

Per language: phrase rules that follow the warning signs crisis lines publish (and keep
injuries and idioms out), and a small learnt model for the phrasings no rule lists. Either
one saying "crisis" is enough; the rules alone decide what is an accident.

Words are checked against the locale's language and against English: people who speak
Spanish, German, French or Japanese at home often say the hardest things in English too, and
hearing a crisis in either is the safer mistake.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType

from skill.languages import NAMES, name_of
from skill.safety.concern import Concern

__all__ = ["Concern", "assess", "is_crisis"]

# A language's rules live in `skill/safety/<name>.py`, its learnt model in `<name>.json`.
LANGUAGES = NAMES


@cache
def _rules(name: str) -> ModuleType:
    return importlib.import_module(f"skill.safety.{name}")


def _names(locale: str | None) -> list[str]:
    language = name_of(locale)
    try:
        _rules(language)
    except ModuleNotFoundError:
        language = "english"
    return [language] if language == "english" else [language, "english"]


def _assess_in(name: str, text: str) -> Concern:
    from skill.safety.model import shipped  # with the rules, only when words are checked

    rules = _rules(name)
    words = rules.normalise(text)
    model = shipped(name)
    concern: Concern = rules.assess(words, model is not None and model.says_crisis(words))
    return concern


def assess(text: str | None, locale: str | None = None) -> Concern:
    """What the words call for: the crisis answer, sympathy for an injury, or nothing special."""
    if not text:
        return Concern.NONE
    concerns = [_assess_in(name, text) for name in _names(locale)]
    if Concern.CRISIS in concerns:
        return Concern.CRISIS
    return concerns[0]


def is_crisis(text: str | None, locale: str | None = None) -> bool:
    """True when the words speak of self-harm or wanting to die."""
    return assess(text, locale) is Concern.CRISIS
