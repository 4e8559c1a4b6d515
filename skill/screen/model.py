"""What a screen shows, as frozen values: the words and facts, not yet any layout.

The same values feed the APL document (directive.py) and the Alexa app's card (card.py), so a
person sees the same step, days and growth on an Echo Show, in the app and in what they hear.
Every string here is plain text in the person's language, ready to read; nothing is markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Moment(StrEnum):
    """Which reply the screen goes with; it picks the title and which week is shown."""

    LAUNCH = "launch"  # opening the skill: today's step straight away
    STEP = "step"  # "what's my step"
    DONE = "done"  # "I did it"
    WEEK = "week"  # the weekly look back


@dataclass(frozen=True)
class DayMark:
    """One of the week's seven days: its names, and whether it is done, today or to come.

    `label` says all of it in words ("Wednesday, today: done"), so a screen reader, and a
    person who cannot tell the colours apart, get the same facts as the filled circle.
    """

    day: date
    name: str  # short, under the mark: "Wed"
    full_name: str  # for labels and the card: "Wednesday"
    label: str
    done: bool
    today: bool
    future: bool


@dataclass(frozen=True)
class Growth:
    """The step's size at the start and now, and the line that says so."""

    start: str  # "5 minutes"
    now: str  # "8 minutes"
    grown: bool  # bigger now than at the start (growth is only ever shown when positive)
    text: str  # "From 5 minutes to 8 minutes since October 4"


@dataclass(frozen=True)
class Screen:
    """Everything one screen shows, for one goal (the focus, or the one just completed).

    `days` are the seven days of the person's week (their first weekday first): this week, or
    for the look back the week looked at. `figures` are the look back's lines per goal (days
    done, what grew or eased, what felt hard); empty for the other moments.
    """

    moment: Moment
    title: str  # "Today's step", "Done today", "Last week"
    step: str  # the step in large text: "An 8-minute walk"
    step_phrase: str  # the same step inside a sentence: "an 8-minute walk"
    goal: str  # whose step: "Your walk"
    days: tuple[DayMark, ...]
    days_done: int
    days_text: str  # "3 days done this week"
    growth: Growth
    figures: tuple[str, ...] = ()
    # How the language writes a full stop, a comma and a colon between parts ("。" in Japanese).
    stop: str = ". "
    comma: str = ", "
    colon: str = ": "

    @property
    def label(self) -> str:
        """The whole screen in one sentence per part, for a screen reader's first pass."""
        parts = (self.title, self.step, self.days_text, *self.figures, self.growth.text)
        return self.stop.join(part for part in parts if part) + self.stop.rstrip()
