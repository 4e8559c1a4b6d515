"""The user's plan: up to three goals with a focus, opening each day, and milestones.

Opening a day is where time passes: a person back after two weeks or more restarts small
(and is welcomed), and a goal missed for a whole week eases one rung. Both are pure and
idempotent within a day, so a read-only turn can compute them without storing them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from skill.coach import progression
from skill.coach.areas import AREAS, CUSTOM, Unit
from skill.coach.progression import Completion
from skill.coach.state import MAX_GOALS, Goal, UserState, new_goal, normalise_name

# Whether spoken words name a custom goal: exact by default; the speech layer matches loosely.
NameMatch = Callable[[str, str], bool]


def same_name(name: str, words: str) -> bool:
    """The exact rule: the same words, ignoring case and spacing."""
    return normalise_name(name) == normalise_name(words)


MILESTONES = (1, 3, 7, 14, 21, 30, 50, 100)
# Without a visit written for this long, the last visit is written with a read-only turn, so
# "away for two weeks" stays true to within a few days while most reads write nothing.
LAST_SEEN_REFRESH = timedelta(days=5)


class GoalChange(StrEnum):
    """What asking for a goal did."""

    ADDED = "added"
    FOCUSED = "focused"
    ALREADY_FOCUS = "already_focus"
    FULL = "full"
    REPLACED = "replaced"


@dataclass(frozen=True)
class DayStart:
    """News from opening a day: a first visit, a return after a long time, eased goals."""

    first_visit: bool
    days_away: int
    came_back: bool
    eased: tuple[str, ...]


@dataclass(frozen=True)
class StepDone:
    """A completion with the user-wide count and the milestone it reached, if any."""

    goal: Goal
    completion: Completion
    total_steps: int
    milestone: int | None


def open_day(state: UserState, today: date, first_weekday: int) -> tuple[UserState, DayStart]:
    """Open the person's day: welcome a return, ease what a week of misses asks, note the visit."""
    first_visit = state.first_seen is None
    days_away = 0 if state.last_seen is None else max(0, (today - state.last_seen).days)
    came_back = bool(state.goals) and days_away >= progression.AWAY.days
    goals: list[Goal] = []
    eased: list[str] = []
    for goal in state.goals:
        if came_back:
            goal = progression.restart(goal, today)
        else:
            goal, down = progression.catch_up(goal, today, first_weekday)
            if down:
                eased.append(goal.key)
        goals.append(goal)
    state = replace(
        state,
        goals=tuple(goals),
        first_seen=state.first_seen or today,
        last_seen=today if state.last_seen is None else max(state.last_seen, today),
    )
    return state, DayStart(first_visit, days_away, came_back, tuple(eased))


def only_bookkeeping(before: UserState | None, after: UserState) -> bool:
    """Whether `after` differs from `before` in nothing a person would notice.

    The last visit is bookkeeping: it is written with the next real change, or once it is
    `LAST_SEEN_REFRESH` old, so asking for today's step does not cost a write.
    """
    if before is None:
        return False
    seen, last = before.last_seen, after.last_seen
    if seen is not None and last is not None and last - seen >= LAST_SEEN_REFRESH:
        return False
    # A zone looked up again and found unchanged is bookkeeping too (it is looked up again on
    # a later turn until something is written); a zone that changed moves "today": kept.
    until = before.time_zone_until if after.time_zone == before.time_zone else after.time_zone_until
    if len(after.people) != len(before.people):
        return False
    people = []
    for (key, was), (same_key, now) in zip(before.people, after.people, strict=True):
        if key != same_key or not only_bookkeeping(was, now):
            return False
        people.append((key, was))
    unchanged = replace(
        after, last_seen=before.last_seen, time_zone_until=until, people=tuple(people)
    )
    return unchanged == before


def set_goal(
    state: UserState,
    area: str,
    today: date,
    custom_name: str | None = None,
    unit: Unit | None = None,
) -> tuple[UserState, GoalChange, Goal]:
    """Add a goal after the others, or make an existing one the focus; at most three.

    A new goal joins at the end: the focus stays on the habit already being built, which
    is what the person hears first each day, until they ask to focus on the new one.
    """
    existing = find_goal(state, area, custom_name, same_name)
    if existing is not None:
        if state.goals[0].key == existing.key:
            return state, GoalChange.ALREADY_FOCUS, existing
        others = tuple(g for g in state.goals if g.key != existing.key)
        return replace(state, goals=(existing, *others)), GoalChange.FOCUSED, existing
    if len(state.goals) >= MAX_GOALS:
        return state, GoalChange.FULL, state.goals[0]
    goal = _new(area, today, custom_name, unit)
    return replace(state, goals=(*state.goals, goal)), GoalChange.ADDED, goal


def replace_goal(
    state: UserState,
    area: str,
    today: date,
    custom_name: str | None = None,
    unit: Unit | None = None,
    old_key: str | None = None,
) -> tuple[UserState, GoalChange, Goal]:
    """ "Change my goal to X" (or "change my water goal to X"): X takes that goal's place.

    Without `old_key` the focus is replaced. A goal the person already has just becomes the
    focus (nothing is dropped); a new one takes the old one's place in the order, so swapping
    a side goal leaves the focus where the person put it.
    """
    existing = find_goal(state, area, custom_name, same_name)
    old = state.goal(old_key) if old_key else state.focus
    if existing is not None or old is None:
        return set_goal(state, area, today, custom_name, unit)
    goal = _new(area, today, custom_name, unit)
    goals = tuple(goal if g.key == old.key else g for g in state.goals)
    return replace(state, goals=goals), GoalChange.REPLACED, goal


def _new(area: str, today: date, custom_name: str | None, unit: Unit | None) -> Goal:
    if area in AREAS:
        return new_goal(area, today)
    return new_goal(CUSTOM, today, custom_name, unit or Unit.MINUTES)


def remove_goal(state: UserState, key: str) -> tuple[UserState, Goal | None]:
    """Remove a goal; the next one becomes the focus."""
    goal = state.goal(key)
    if goal is None:
        return state, None
    return replace(state, goals=tuple(g for g in state.goals if g.key != key)), goal


def find_goal(
    state: UserState, area: str | None, words: str | None, match: NameMatch = same_name
) -> Goal | None:
    """The active goal a spoken area refers to: a built-in id, or a custom goal's name."""
    if area and area != CUSTOM and area in AREAS:
        return state.goal(area)
    if words:
        for goal in state.goals:
            if goal.custom_name and match(goal.custom_name, words):
                return goal
    return None


def complete_step(state: UserState, key: str, today: date) -> tuple[UserState, StepDone]:
    """Complete a goal's step for today, count it once, and find any milestone it reached."""
    goal = state.goal(key)
    if goal is None:
        raise KeyError(key)
    goal, completion = progression.complete(goal, today)
    total = state.total_steps if completion.already else state.total_steps + 1
    state = replace(state.with_goal(goal), total_steps=total)
    milestone = None if completion.already else milestone_for(total)
    return state, StepDone(goal, completion, total, milestone)


def milestone_for(total: int) -> int | None:
    """The milestone a step count celebrates: the fixed ones, then every hundred."""
    if total in MILESTONES or (total > MILESTONES[-1] and total % 100 == 0):
        return total
    return None
