"""Every spoken word for a locale: its language's phrasebook with the locale's own changes.

`locales/<language>.json` (`en.json`) holds everything a language says; `locales/<locale>.json`
(`en-GB.json`) only what differs there: the crisis line, the first day of the week, spelling
and local idiom. Both are read once per process and merged, phrase by phrase.

Besides phrase variants, a phrasebook knows how its language says a step ("an 8-minute
walk"), a size ("once a week"), a goal's name ("your walk", "reading to your kid"), a count
with its plural ("1 day", "2 days"; one form for all in Japanese), a list ("a, b, or c"), a
date and a time (12- or 24-hour, "8 h 30"), and which day its weeks start on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, time
from functools import cache
from importlib import resources
from typing import Any

from skill.coach.areas import CUSTOM, STARTER, Unit
from skill.coach.state import Goal
from skill.speech.ssml import Ssml, escape

DEFAULT_LOCALE = "en-US"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Which counts take the "one" form of a noun, by a language's plural rule (CLDR's, for the
# languages we speak): English, German, Spanish: 1; French: 0 and 1; Japanese: none.
_PLURAL_ONE: dict[str, Callable[[int], bool]] = {
    "one": lambda n: n == 1,
    "zero_or_one": lambda n: n in (0, 1),
    "none": lambda n: False,
}


class Phrasebook:
    """The words of one locale: phrase variants, steps, sizes, names, lists, dates and times."""

    def __init__(self, locale: str, data: dict[str, Any]) -> None:
        self.locale = locale
        self._phrases: dict[str, list[str]] = data["phrases"]
        self._steps: dict[str, str] = data["steps"]
        self._starters: dict[str, str] = data["starters"]
        self._names: dict[str, str] = data["names"]
        self._labels: dict[str, str] = data["labels"]
        self._units: dict[str, list[str]] = data["units"]
        self._times: dict[str, str] = data["times"]
        self._months: list[str] = data["months"]
        self._and: str = data["and"]
        self._or: str = data["or"]
        self._serial_comma: bool = data.get("serial_comma", False)
        self._comma: str = data.get("comma", ", ")
        self._nouns: dict[str, list[str]] = data["nouns"]
        self._one = _PLURAL_ONE[data.get("plural", "one")]
        self._count: str = data.get("count", "{n} {noun}")
        self._date: str = data.get("date", "{month} {day}")
        self._first_day: str | None = data.get("first_day")
        self._word_space: str = data.get("word_space", " ")
        self._marks: dict[str, str] = {"stop": ". ", "comma": ", ", "colon": ": "}
        self._marks.update(data.get("marks", {}))
        self._clock: dict[str, str] = data["clock"]
        self._an_before: list[str] = data.get("an_before", [])
        self._perspective: dict[str, str] = data.get("perspective", {})
        self._elisions = [(re.compile(p), r) for p, r in data.get("elisions", [])]
        self.first_weekday: int = _WEEKDAYS.index(data["week_starts_on"])

    def variants(self, key: str) -> list[str]:
        """All the ways of saying one thing; a missing key is a bug, so it raises."""
        return self._phrases[key]

    def elide(self, text: str) -> str:
        """A filled-in phrase with the language's elisions where a value meets the words
        before it (French: "de une fois" is "d'une fois"); other languages have none."""
        for pattern, replacement in self._elisions:
            text = pattern.sub(replacement, text)
        return text

    def phrase_keys(self) -> list[str]:
        """Every phrase key (tests check each renders)."""
        return list(self._phrases)

    # -- steps and sizes ---------------------------------------------------------------------

    def step(self, goal: Goal, rung: int, *, once: bool = False) -> Ssml:
        """The step itself, said as an action: 'a 5-minute walk', 'one slow breath'.

        With `once`, a weekly step is said as one time done ("saying how you feel"), not as
        its weekly target ("... once a week"): for cheering a completion.
        """
        name = self.custom_name(goal)
        short = self.custom_short(goal)
        if rung <= STARTER:
            template = self._starters.get(self._kind(goal), self._starters[CUSTOM])
            return Ssml(template.format(name=name, short=short or name))
        size = goal.spec.size(rung)
        kind = self._kind(goal)
        if once and goal.weekly and f"{kind}_ONCE" in self._steps:
            kind = f"{kind}_ONCE"
        template = self._steps.get(kind, self._steps[CUSTOM])
        return Ssml(
            template.format(
                n=size,
                a_n=self._a_n(size),
                unit=self.unit(goal, size),
                times=self.times(size, weekly=goal.weekly),
                name=name,
                short=short or name,
            )
        )

    def size(self, goal: Goal, rung: int) -> Ssml:
        """A bare size with its unit: '8 minutes', 'once a week', or 'the starter'."""
        if rung <= STARTER:
            return Ssml(self._times["starter"])
        size = goal.spec.size(rung)
        if goal.weekly or goal.spec.unit is Unit.TIMES:
            return Ssml(self.times(size, weekly=goal.weekly))
        return Ssml(self._count.format(n=size, noun=self.unit(goal, size)))

    def unit(self, goal: Goal, n: int) -> str:
        """The unit word for a size: 'minute', 'breaths', 'glasses'."""
        return self._plural(self._units[goal.spec.unit.value], n)

    def _plural(self, forms: list[str], n: int) -> str:
        """The form of a word for a count: [one, other] (a single form: the same for all)."""
        return forms[0] if self._one(n) or len(forms) == 1 else forms[1]

    def times(self, n: int, *, weekly: bool) -> str:
        """How often: 'once', 'twice', '3 times', with ' a week' for a weekly step."""
        key = {1: "once", 2: "twice"}.get(n, "many")
        said = self._times[key].format(n=n)
        return self._times["weekly"].format(times=said) if weekly else said

    def _a_n(self, n: int) -> str:
        """A number with its article: 'a 5', 'an 8', 'an 11'."""
        spoken = str(n)
        article = "an" if any(spoken.startswith(p) for p in self._an_before) else "a"
        if n in (11, 18):
            article = "an"
        return f"{article} {spoken}"

    @staticmethod
    def _kind(goal: Goal) -> str:
        if goal.area == CUSTOM:
            return f"{CUSTOM}_{goal.spec.unit.value}"
        return goal.area

    # -- names -------------------------------------------------------------------------------

    def custom_name(self, goal: Goal) -> Ssml:
        """A custom goal's name as said back: the person's own words, from our side."""
        return escape(self.from_our_side(goal.custom_name or ""))

    def custom_short(self, goal: Goal) -> Ssml | None:
        """What a custom goal is about ("water" for "drinking more water"), if that is clear."""
        # The word tables are read only when a custom goal is first spoken of.
        from skill.speech.names import language_of, short_name

        short = short_name(goal.custom_name or "", language_of(self.locale))
        return escape(self.from_our_side(short)) if short else None

    def from_our_side(self, words: str) -> str:
        """The person's words about themselves, as the coach says them: 'my kid', 'your kid'.

        Where words are not spaced (Japanese), each entry is replaced wherever it occurs,
        longest first (うちの子 → お子さん).
        """
        if self._word_space:
            return " ".join(self._perspective.get(w, w) for w in words.split())
        for mine in sorted(self._perspective, key=len, reverse=True):
            words = words.replace(mine, self._perspective[mine])
        return words

    def goal_name(self, goal: Goal) -> Ssml:
        """How a goal is named in a sentence: 'your walk', 'your water goal'."""
        if goal.area == CUSTOM:
            short = self.custom_short(goal)
            template = self._names["CUSTOM_SHORT" if short else CUSTOM]
            return Ssml(template.format(name=self.custom_name(goal), short=short or ""))
        return Ssml(self._names[goal.area])

    def label(self, area: str) -> Ssml:
        """An area's name in a list of choices: 'moving', 'self-care'."""
        return Ssml(self._labels[area])

    # -- numbers, lists, dates, times --------------------------------------------------------

    def count(self, n: int, noun: str) -> Ssml:
        """A number with its noun: '1 step', '5 days' ('5日' where the counter is joined)."""
        return Ssml(self._count.format(n=n, noun=self._plural(self._nouns[noun], n)))

    def series(self, items: list[Ssml]) -> Ssml:
        """'a, b, c' with no last conjunction: for a phrase that adds its own "or your own"."""
        return Ssml(self._comma.join(items))

    def mark(self, name: str) -> str:
        """How the language writes a full stop, comma or colon between written parts
        ("stop", "comma", "colon"): ". " in English, "。" in Japanese (screens, labels)."""
        return self._marks[name]

    def listing(self, items: list[Ssml], *, choice: bool = False) -> Ssml:
        """'a', 'a and b', 'a, b, and c'; with `choice`, joined with 'or'."""
        word = self._or if choice else self._and
        space = self._word_space  # none around と in Japanese: 「aとb」
        if len(items) <= 1:
            return Ssml("".join(items))
        if len(items) == 2:
            return Ssml(f"{items[0]}{space}{word}{space}{items[1]}")
        comma = "," if self._serial_comma else ""
        return Ssml(f"{self._comma.join(items[:-1])}{comma}{space}{word}{space}{items[-1]}")

    def date(self, day: date) -> Ssml:
        """A day as spoken: 'November 2', '2. November', '11月2日'."""
        # Some languages say the first of a month as an ordinal ("le 1er novembre").
        said = self._first_day if day.day == 1 and self._first_day else day.day
        return Ssml(self._date.format(month=self._months[day.month - 1], day=said, m=day.month))

    def clock(self, at: time) -> Ssml:
        """A time of day as spoken: '8 AM', '7:30 PM', 'noon', '8 h 30', 'la 1 de la tarde'."""
        if at.minute == 0 and at.hour in (0, 12):
            return Ssml(self._clock["midnight" if at.hour == 0 else "noon"])
        periods = self._clock.get("periods")
        if isinstance(periods, dict):
            # A 12-hour clock that names the part of the day ("de la mañana", "de la noche")
            # from the hour each part starts at, with the article the hour takes ("la 1").
            hour = at.hour % 12 or 12
            starts = sorted(int(start) for start in periods)
            begun = [start for start in starts if start <= at.hour] or starts[-1:]
            period = periods[str(begun[-1])]
            article = self._clock.get("one" if hour == 1 else "other", "")
            shape = self._clock["hour"] if at.minute == 0 else self._clock["format"]
            return Ssml(shape.format(h=hour, m=at.minute, period=period, article=article).strip())
        if self._clock.get("style") == "24h":
            # "8 Uhr" / "8:30 Uhr", "8 h" / "8 h 30": a format for the hour alone, and one with
            # minutes (the one format serves both when there is no "hour" format).
            shape = self._clock.get("hour") if at.minute == 0 else None
            return Ssml((shape or self._clock["format"]).format(h=at.hour, m=at.minute))
        hour = at.hour % 12 or 12
        minutes = f":{at.minute:02d}" if at.minute else ""
        return Ssml(f"{hour}{minutes} {self._clock['am' if at.hour < 12 else 'pm']}")


def _read(name: str) -> dict[str, Any]:
    source = resources.files("skill.speech").joinpath("locales", f"{name}.json")
    data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return data


def merged(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """A language's phrasebook with a locale's changes: tables merged key by key, the rest
    (a phrase's variants, a list of months) replaced whole."""
    result = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            result[key] = {**base[key], **value}
        else:
            result[key] = value
    return result


@cache
def shipped_locales() -> frozenset[str]:
    """The locales with a phrasebook in the package (`xx-YY.json` beside its `xx.json`)."""
    folder = resources.files("skill.speech").joinpath("locales")
    names = {entry.name.removesuffix(".json") for entry in folder.iterdir()}
    return frozenset(n for n in names if "-" in n and n.split("-")[0] in names)


def phrasebook(locale: str | None) -> Phrasebook:
    """The phrasebook for a locale (falling back to en-US), read once per process.

    The locale comes from the request, so only names with a file in locales/ are looked up:
    anything else (a path such as `../../x/evil`, or one of endlessly many made-up names)
    gets the default, and the cache holds one phrasebook per shipped locale, no more.
    """
    return _phrasebook(locale if locale in shipped_locales() else DEFAULT_LOCALE)


@cache
def _phrasebook(locale: str) -> Phrasebook:
    return Phrasebook(locale, merged(_read(locale.split("-")[0]), _read(locale)))
