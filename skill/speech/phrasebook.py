"""Every spoken word for a locale, loaded once from `locales/<locale>.json`."""

from __future__ import annotations

import json
from datetime import date, time
from functools import cache
from importlib import resources
from typing import Any

from skill.coach.areas import CUSTOM
from skill.coach.state import Goal
from skill.speech.ssml import Ssml, escape

DEFAULT_LOCALE = "en-US"


class Phrasebook:
    """The words of one locale: phrase variants, step descriptions, names, units and dates."""

    def __init__(self, locale: str, data: dict[str, Any]) -> None:
        self.locale = locale
        self._phrases: dict[str, list[str]] = data["phrases"]
        self._steps: dict[str, str] = data["steps"]
        self._names: dict[str, str] = data["names"]
        self._labels: dict[str, str] = data["labels"]
        self._units: dict[str, list[str]] = data["units"]
        self._months: list[str] = data["months"]
        self._and: str = data["and"]
        self._nouns: dict[str, list[str]] = data["nouns"]
        self._clock: dict[str, str] = data["clock"]

    def variants(self, key: str) -> list[str]:
        """All the ways of saying one thing; a missing key is a bug, so it raises."""
        return self._phrases[key]

    def keys(self) -> list[str]:
        """Every phrase key (tests check each renders)."""
        return list(self._phrases)

    def unit(self, area: str, n: int) -> str:
        """The unit word for a size: '1 minute', '3 breaths'."""
        singular, plural = self._units.get(area, self._units[CUSTOM])
        return singular if n == 1 else plural

    def count(self, n: int, noun: str) -> Ssml:
        """A number with its noun: '1 step', '5 small steps'."""
        singular, plural = self._nouns[noun]
        return Ssml(f"{n} {singular if n == 1 else plural}")

    def step(self, goal: Goal, size: int) -> Ssml:
        """The step itself, said as an action: 'a 5 minute walk'."""
        template = self._steps.get(goal.area, self._steps[CUSTOM])
        return Ssml(
            template.format(
                n=size, unit=self.unit(goal.area, size), name=escape(goal.custom_name or "")
            )
        )

    def size(self, goal: Goal, size: int) -> Ssml:
        """A bare size with its unit: '8 minutes', '2 times a week'."""
        return Ssml(f"{size} {self.unit(goal.area, size)}")

    def goal_name(self, goal: Goal) -> Ssml:
        """How a goal is named in a sentence: 'your walk', 'your drinking water goal'."""
        template = self._names.get(goal.area, self._names[CUSTOM])
        return Ssml(template.format(name=escape(goal.custom_name or "")))

    def label(self, area: str) -> Ssml:
        """An area's name in a list of choices: 'moving', 'self-care'."""
        return Ssml(self._labels[area])

    def date(self, day: date) -> Ssml:
        """A day as spoken: 'November 2'."""
        return Ssml(f"{self._months[day.month - 1]} {day.day}")

    def clock(self, at: time) -> Ssml:
        """A time of day as spoken: '8 a.m.', '7:30 p.m.', 'noon'."""
        if at.minute == 0 and at.hour in (0, 12):
            return Ssml(self._clock["midnight" if at.hour == 0 else "noon"])
        hour = at.hour % 12 or 12
        minutes = f":{at.minute:02d}" if at.minute else ""
        return Ssml(f"{hour}{minutes} {self._clock['am' if at.hour < 12 else 'pm']}")

    def listing(self, items: list[Ssml]) -> Ssml:
        """'a', 'a and b', 'a, b and c'."""
        if len(items) <= 1:
            return Ssml("".join(items))
        return Ssml(f"{', '.join(items[:-1])} {self._and} {items[-1]}")


def _read(locale: str) -> dict[str, Any] | None:
    source = resources.files("skill.speech").joinpath("locales", f"{locale}.json")
    if not source.is_file():
        return None
    data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return data


@cache
def _shipped() -> frozenset[str]:
    """The locales with a phrasebook file in the package."""
    folder = resources.files("skill.speech").joinpath("locales")
    names = (entry.name for entry in folder.iterdir())
    return frozenset(name.removesuffix(".json") for name in names if name.endswith(".json"))


def phrasebook(locale: str | None) -> Phrasebook:
    """The phrasebook for a locale (falling back to en-US), read once per process.

    The locale comes from the request, so only names with a file in locales/ are looked up:
    anything else (a path such as `../../x/evil`, or one of endlessly many made-up names)
    gets the default, and the cache holds one phrasebook per shipped locale, no more.
    """
    return _phrasebook(locale if locale in _shipped() else DEFAULT_LOCALE)


@cache
def _phrasebook(locale: str) -> Phrasebook:
    data = _read(locale)
    assert data is not None, "a shipped locale's phrasebook is in the package"
    return Phrasebook(locale, data)
