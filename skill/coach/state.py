"""The user's kaizen state as frozen values: goals, their history, and what was last said."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from skill.coach.areas import CUSTOM, Area, Cadence, area_of

SCHEMA_VERSION = 1
MAX_GOALS = 3
# History older than this is dropped, so a year of daily use stays a few kilobytes.
HISTORY_DAYS = 366


class Rating(StrEnum):
    """How a completed step felt."""

    EASY = "EASY"
    ABOUT_RIGHT = "ABOUT_RIGHT"
    HARD = "HARD"


@dataclass(frozen=True)
class Entry:
    """One completed step: the local day, the size done, and how it felt (if said)."""

    day: date
    size: int
    rating: Rating | None = None


@dataclass(frozen=True)
class Goal:
    """One active goal and its bounded history.

    `changed_on` is the day of the last rung change (at most one a day); `checked_through` is
    the last day whose misses were already judged, so a miss is never counted twice;
    `easier_on`/`easier_size` hold a smaller version of the step for that day only.
    """

    area: str
    rung: int
    started_on: date
    start_rung: int = 0
    custom_name: str | None = None
    entries: tuple[Entry, ...] = ()
    skipped: tuple[date, ...] = ()
    changed_on: date | None = None
    checked_through: date | None = None
    easier_on: date | None = None
    easier_size: int = 0

    @property
    def key(self) -> str:
        """Stable identity: the area id, or the custom goal's normalised name."""
        if self.area == CUSTOM and self.custom_name:
            return f"{CUSTOM}:{normalise_name(self.custom_name)}"
        return self.area

    @property
    def spec(self) -> Area:
        """The area (ladder and cadence) this goal climbs."""
        return area_of(self.area)

    @property
    def size(self) -> int:
        """The size of the current rung."""
        return self.spec.ladder[self.rung]

    def size_on(self, day: date) -> int:
        """The step size for a day: the smaller version if one was chosen for it."""
        if self.easier_on == day:
            return self.easier_size
        return self.size

    def entry_on(self, day: date) -> Entry | None:
        """The completion on a day, if any."""
        for entry in reversed(self.entries):
            if entry.day == day:
                return entry
            if entry.day < day:
                break
        return None

    def entries_between(self, first: date, last: date) -> tuple[Entry, ...]:
        """Completions from `first` to `last`, both included."""
        return tuple(e for e in self.entries if first <= e.day <= last)


@dataclass(frozen=True)
class Reminder:
    """The user's one daily reminder, as set through Alexa: its alert token and local time."""

    token: str
    at: time
    zone: str


@dataclass(frozen=True)
class UserState:
    """Everything stored for one user. `spoken` remembers the last variant of each phrase.

    `time_zone` is the device's zone as last read from Alexa, trusted until
    `time_zone_until`; `permissions` lists the scopes the user granted, as the last
    permission event said (None: no event yet).
    """

    goals: tuple[Goal, ...] = ()
    total_steps: int = 0
    first_seen: date | None = None
    last_seen: date | None = None
    time_zone: str | None = None
    time_zone_until: datetime | None = None
    reminder: Reminder | None = None
    permissions: tuple[str, ...] | None = None
    spoken: tuple[tuple[str, int], ...] = field(default=())
    schema: int = SCHEMA_VERSION

    @property
    def focus(self) -> Goal | None:
        """The focus goal is the first one; it is spoken first."""
        return self.goals[0] if self.goals else None

    def goal(self, key: str) -> Goal | None:
        """The active goal with this key, if any."""
        return next((g for g in self.goals if g.key == key), None)

    def with_goal(self, goal: Goal) -> UserState:
        """This state with `goal` replacing the goal of the same key."""
        return replace(self, goals=tuple(goal if g.key == goal.key else g for g in self.goals))


def normalise_name(name: str) -> str:
    """Lower-case, single-spaced words: how custom goal names are compared."""
    return " ".join(name.lower().split())


def period_start(day: date, cadence: Cadence) -> date:
    """First day of the scheduled period holding `day` (the day, or its Monday)."""
    if cadence is Cadence.WEEKLY:
        return day - timedelta(days=day.weekday())
    return day


def period_length(cadence: Cadence) -> timedelta:
    """How long one scheduled period lasts."""
    return timedelta(days=7 if cadence is Cadence.WEEKLY else 1)
