"""Asserting what a reply meant: which phrase it used and with which values, in any locale.

Tests that care what the coach *meant* ask `said(heard, "done.cheer", step=...)` rather than
look for English words, so the same test passes in every locale and survives rewording.
Parameters not given match any words; given ones must be there as the phrasebook renders them.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from skill.coach.areas import STARTER, Unit
from skill.coach.state import Goal, new_goal
from skill.speech.phrasebook import Phrasebook, phrasebook
from skill.speech.ssml import Ssml, plain

_PLACEHOLDER = re.compile(r"\\\{(\w+)\\\}")


@cache
def _patterns(locale: str, key: str) -> tuple[str, ...]:
    """Each variant of a phrase as plain text, escaped for a regex, `{name}` kept."""
    return tuple(re.escape(plain(Ssml(v))) for v in phrasebook(locale).variants(key))


def phrase_pattern(key: str, locale: str = "en-US", **params: object) -> re.Pattern[str]:
    """A pattern matching any variant of `key`, with given parameters in their place."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in params:
            return re.escape(plain(Ssml(str(params[name]))))
        return r".+?"

    variants = (_PLACEHOLDER.sub(fill, pattern) for pattern in _patterns(locale, key))
    return re.compile("|".join(f"(?:{v})" for v in variants), re.IGNORECASE)


def said(text: str, key: str, locale: str = "en-US", **params: object) -> bool:
    """Whether the spoken text holds one variant of the phrase `key`."""
    return phrase_pattern(key, locale, **params).search(text) is not None


def book(locale: str = "en-US") -> Phrasebook:
    """The phrasebook tests render expected values with."""
    return phrasebook(locale)


def step(
    area: str, size: int, locale: str = "en-US", name: str | None = None, unit: Unit | None = None
) -> str:
    """A step as the coach says it: step("MOVE", 5) is 'a 5-minute walk' in en-US.

    Size 0 is the starter ("putting on your shoes to step outside").
    """
    goal = new_goal(area, date(2026, 1, 1), name, unit)
    rung = goal.spec.rung_at_most(size) if size else STARTER
    assert goal.spec.size(rung) == size, f"{size} is not on the {area} ladder"
    return plain(phrasebook(locale).step(goal, rung))


def goal(area: str, name: str | None = None, unit: Unit | None = None) -> Goal:
    """A goal of an area (or a named one), as tests name it."""
    return new_goal(area, date(2026, 1, 1), name, unit)
