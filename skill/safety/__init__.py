"""Recognises words of crisis or self-harm, so the skill answers them with help, not coaching.

Per language: phrase rules that follow the warning signs crisis lines publish (and keep
injuries and idioms out), and a small learnt model for the phrasings no rule lists. Either
one saying "crisis" is enough; the rules alone decide what is an accident.
"""

from __future__ import annotations

from skill.safety import english
from skill.safety.concern import Concern
from skill.safety.model import shipped

__all__ = ["Concern", "assess", "is_crisis"]


def assess(text: str | None, locale: str | None = None) -> Concern:
    """What the words call for: the crisis answer, sympathy for an injury, or nothing special."""
    if not text:
        return Concern.NONE
    words = english.normalise(text)
    model = shipped("english")
    return english.assess(words, model is not None and model.says_crisis(words))


def is_crisis(text: str | None, locale: str | None = None) -> bool:
    """True when the words speak of self-harm or wanting to die."""
    return assess(text, locale) is Concern.CRISIS
