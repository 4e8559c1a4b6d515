"""A person living with the coach for weeks: a launch a day, and answers chosen by a policy.

A policy maps the question just asked (the session's pending `Dialog`) to what the person
says back, as spoken words; a question without an answer in the policy gets "no". Every reply
is held to the voice budget as it is heard.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from skill.coach.areas import AREAS, STARTER
from skill.handlers.questions import DIALOG, Dialog
from tests.support.builders import START, Heard, Speaker
from tests.support.phrases import step
from tests.support.voice_budget import Budget

# What the person says to the question just asked: fixed words, or words chosen by the reply.
Answer = str | Callable[[Heard], str]
Policy = Mapping[Dialog, Answer]
# A person never needs more turns than this in one visit; more would be a loop.
MOST_TURNS = 8


@dataclass
class Life:
    """One person's days with the coach, and everything they heard."""

    speaker: Speaker
    budget: Budget = field(default_factory=Budget)
    days: dict[int, list[Heard]] = field(default_factory=dict)

    def visit(self, n: int, policy: Policy, first: str = "open kaizen coach") -> list[Heard]:
        """Day `n`: say `first`, then answer each question by the policy until the session ends."""
        self.speaker.on(START + timedelta(days=n))
        heard = [self.budget.hear(self.speaker.utter(first))]
        while not heard[-1].ended:
            assert len(heard) < MOST_TURNS, f"day {n}: a visit that never ends: {heard}"
            pending = self.speaker.session.attributes.get(DIALOG)
            answer = policy.get(Dialog(pending), "no") if pending else "no"
            words = answer if isinstance(answer, str) else answer(heard[-1])
            heard.append(self.budget.hear(self.speaker.utter(words)))
        self.days.setdefault(n, []).extend(heard)
        return heard

    def say(self, n: int, *words: str) -> list[Heard]:
        """Day `n`: these words in turn, in one session (the first opens it)."""
        self.speaker.on(START + timedelta(days=n))
        heard = [self.budget.hear(self.speaker.utter(w)) for w in words]
        self.days.setdefault(n, []).extend(heard)
        return heard


def day_of(n: int) -> date:
    """The local date of day `n` of a run."""
    return START + timedelta(days=n)


def size_said(area: str, text: str) -> int | None:
    """The size of the step named in `text` for a built-in area (0: the starter), if one is."""
    ladder = AREAS[area].ladder
    for size in sorted(ladder, reverse=True):
        if step(area, size) in text:
            return size
    return STARTER if step(area, STARTER) in text else None
