"""The user's kaizen state as frozen values: goals, their compact history, and bookkeeping.

What is kept is what the rules need and no more: done days as a bitmap (`days.Days`), the last
few size changes, the days a step felt hard this fortnight, and running counts. Nothing about
how a person feels about their life is stored; a "hard" mark is about the step's size.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from skill.coach.areas import CUSTOM, STARTER, Area, Cadence, Unit, area_of
from skill.coach.days import Days

SCHEMA_VERSION = 2
MAX_GOALS = 3
# People recognised in one household whose own progress is kept (Alexa voice profiles).
MAX_PEOPLE = 10
# Size changes kept per goal: enough for a look back and "since you started"; bounded for cost.
KEPT_CHANGES = 12
# Hard marks are judged over a week; a fortnight also covers last week's look back.
HARD_MEMORY = timedelta(days=14)


class Rating(StrEnum):
    """How a completed step felt."""

    EASY = "EASY"
    ABOUT_RIGHT = "ABOUT_RIGHT"
    HARD = "HARD"


class Why(StrEnum):
    """Why a step's size changed: the rules that count hard marks need to know."""

    GREW = "grew"  # the person said yes to growing, or asked for bigger
    TOO_HARD = "too_hard"  # "that's too hard"
    HARD_TWICE = "hard_twice"  # a second hard mark in a week (or hard right after growing)
    MISSED_WEEK = "missed_week"  # a whole week without the step
    RESTARTED = "restarted"  # back after two weeks or more away


@dataclass(frozen=True)
class SizeChange:
    """One change of a goal's size: the day, the new size's rung, and why."""

    day: date
    rung: int
    why: Why


@dataclass(frozen=True)
class Goal:
    """One active goal and its bounded history.

    `rung` 0 is the starter; rung n >= 1 is the area's n-th size. `changed_on` is the day of the
    last rung change (at most one a day), `grown_on` the last growth (at most one a week unless
    asked for), `offer_after` the first day a growth may be offered again, `asked_on` the day
    "how did it feel?" was last asked. `easier_on`/`easier_rung` hold a smaller version of the
    step for that day only.
    """

    area: str
    rung: int
    started_on: date
    start_size: int
    custom_name: str | None = None
    unit: Unit | None = None
    done: Days = field(default_factory=Days)
    total_done: int = 0
    changes: tuple[SizeChange, ...] = ()
    hard_days: tuple[date, ...] = ()
    changed_on: date | None = None
    grown_on: date | None = None
    offer_after: date | None = None
    asked_on: date | None = None
    easier_on: date | None = None
    easier_rung: int = 0

    @property
    def key(self) -> str:
        """Stable identity: the area id, or the custom goal's normalised name."""
        if self.area == CUSTOM and self.custom_name:
            return f"{CUSTOM}:{normalise_name(self.custom_name)}"
        return self.area

    @property
    def spec(self) -> Area:
        """The area (ladder, unit and cadence) this goal climbs."""
        return area_of(self.area, self.unit)

    @property
    def size(self) -> int:
        """The size of the current rung (0 at the starter)."""
        return self.spec.size(self.rung)

    @property
    def weekly(self) -> bool:
        """Whether the step is N times a week rather than daily."""
        return self.spec.cadence is Cadence.WEEKLY

    def rung_on(self, day: date) -> int:
        """The rung for a day: the smaller version if one was chosen for it."""
        return self.easier_rung if self.easier_on == day else self.rung

    def size_on(self, day: date) -> int:
        """The step size for a day."""
        return self.spec.size(self.rung_on(day))

    def done_on(self, day: date) -> bool:
        """Whether the step was done that day."""
        return self.done.has(day)

    def hard_since(self, first: date) -> int:
        """Days from `first` on when the step was rated hard or said to be too hard."""
        return sum(1 for day in self.hard_days if day >= first)


@dataclass(frozen=True)
class Reminder:
    """The user's one daily reminder as set through Alexa: token, local time, zone, words."""

    token: str
    at: time
    zone: str
    text: str | None = None  # what it says; None when unknown (then it is refreshed)


@dataclass(frozen=True)
class UserState:
    """Everything stored for one user.

    `time_zone` is the device's zone as last read from Alexa, trusted until `time_zone_until`;
    `permissions` lists the scopes the user granted, as the last permission event said (None:
    no event yet). `reviewed_week` is the first day of the last week whose look back was
    offered, so it is offered once a week. `routine_offered` and `voice_routine_offered` are
    the days an Alexa routine was offered (each is offered once, whatever the answer).

    `people` holds the own progress of each person Alexa recognises in the household, by a
    hash of their person id: one record (one read, one write) per account, and deleting the
    account's data deletes everyone's. A person's state never holds people of its own; the
    device's zone and the account's permissions are the account's.
    """

    goals: tuple[Goal, ...] = ()
    total_steps: int = 0
    first_seen: date | None = None
    last_seen: date | None = None
    time_zone: str | None = None
    time_zone_until: datetime | None = None
    reminder: Reminder | None = None
    permissions: tuple[str, ...] | None = None
    reviewed_week: date | None = None
    routine_offered: date | None = None
    voice_routine_offered: date | None = None
    people: tuple[tuple[str, UserState], ...] = ()
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

    @property
    def step_days(self) -> Days:
        """Every day on which any goal's step was done."""
        days = Days()
        for goal in self.goals:
            days = days.union(goal.done)
        return days

    # -- the household ---------------------------------------------------------------------

    def person(self, key: str) -> UserState:
        """A recognised person's own state (new if they have none yet), seen with the
        account's device zone and permissions."""
        own = dict(self.people).get(key, UserState())
        return replace(
            own,
            time_zone=self.time_zone,
            time_zone_until=self.time_zone_until,
            permissions=self.permissions,
        )

    def with_person(self, key: str, state: UserState) -> UserState:
        """The account with a person's state kept (the account's own fields left to it)."""
        own = replace(state, time_zone=None, time_zone_until=None, permissions=None, people=())
        if key not in dict(self.people):
            return replace(self, people=(*self.people, (key, own)))
        return replace(self, people=tuple((k, own if k == key else s) for k, s in self.people))

    def without_person(self, key: str) -> UserState:
        """The account with a person's progress forgotten."""
        return replace(self, people=tuple((k, s) for k, s in self.people if k != key))


def new_goal(
    area: str, today: date, custom_name: str | None = None, unit: Unit | None = None
) -> Goal:
    """A goal starting today at its first rung."""
    spec = area_of(area, unit)
    return Goal(
        area=area,
        rung=1,
        started_on=today,
        start_size=spec.size(1),
        custom_name=custom_name,
        unit=unit if area == CUSTOM else None,
    )


def normalise_name(name: str) -> str:
    """Lower-case, single-spaced words: how custom goal names are compared."""
    return " ".join(name.lower().split())


def week_start(day: date, first_weekday: int) -> date:
    """The first day of the week holding `day` (`first_weekday`: 0 Monday ... 6 Sunday)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def is_starter(goal: Goal) -> bool:
    """Whether the goal is at its starter rung."""
    return goal.rung == STARTER
