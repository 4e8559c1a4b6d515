"""The user's plan: up to three goals with a focus, the start of each day, and milestones."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from skill.coach import progression
from skill.coach.areas import AREAS, CUSTOM
from skill.coach.progression import Completion
from skill.coach.state import MAX_GOALS, Goal, UserState, normalise_name

MILESTONES = (1, 3, 7, 14, 21, 30, 50, 100)
# Custom goal names are spoken back; keep them short enough to sound like a name.
MAX_CUSTOM_NAME_LENGTH = 40


class GoalChange(StrEnum):
    """What asking for a goal did."""

    ADDED = "added"
    FOCUSED = "focused"
    ALREADY_FOCUS = "already_focus"
    FULL = "full"


@dataclass(frozen=True)
class DayStart:
    """News from opening a day: how long the user was away and which goals stepped down."""

    first_visit: bool
    days_away: int
    stepped_down: tuple[str, ...]


@dataclass(frozen=True)
class StepDone:
    """A completion with the user-wide count and the milestone it reached, if any."""

    goal: Goal
    completion: Completion
    total_steps: int
    milestone: int | None


def goal_key(area: str, custom_name: str | None) -> str:
    """The key a goal for this area (or custom name) has or would have."""
    return Goal(area=area, rung=0, started_on=date.min, custom_name=custom_name).key


def start_day(state: UserState, today: date) -> tuple[UserState, DayStart]:
    """Open the user's day: judge missed days on every goal and note the visit."""
    first_visit = state.first_seen is None
    days_away = 0 if state.last_seen is None else max(0, (today - state.last_seen).days)
    goals: list[Goal] = []
    stepped_down: list[str] = []
    for goal in state.goals:
        goal, down = progression.catch_up(goal, today)
        goal = progression.prune(goal, today)
        goals.append(goal)
        if down:
            stepped_down.append(goal.key)
    last_seen = today if state.last_seen is None else max(state.last_seen, today)
    state = replace(
        state,
        goals=tuple(goals),
        first_seen=state.first_seen or today,
        last_seen=last_seen,
    )
    return state, DayStart(first_visit, days_away, tuple(stepped_down))


def set_goal(
    state: UserState, area: str, today: date, custom_name: str | None = None
) -> tuple[UserState, GoalChange, Goal]:
    """Add a goal as the new focus, or make an existing one the focus; at most three."""
    if area not in AREAS or area == CUSTOM:
        area, custom_name = CUSTOM, clean_custom_name(custom_name or "")
    else:
        custom_name = None
    key = goal_key(area, custom_name)
    existing = state.goal(key)
    if existing is not None:
        if state.goals[0].key == key:
            return state, GoalChange.ALREADY_FOCUS, existing
        others = tuple(g for g in state.goals if g.key != key)
        return replace(state, goals=(existing, *others)), GoalChange.FOCUSED, existing
    if len(state.goals) >= MAX_GOALS:
        return state, GoalChange.FULL, state.goals[0]
    goal = Goal(area=area, rung=0, started_on=today, custom_name=custom_name)
    return replace(state, goals=(goal, *state.goals)), GoalChange.ADDED, goal


def clean_custom_name(name: str) -> str:
    """A custom goal's name as it will be kept: plain words, single-spaced, not too long."""
    kept = "".join(ch if ch.isalnum() or ch in " '-" else " " for ch in name)
    words = " ".join(kept.split())
    return words[:MAX_CUSTOM_NAME_LENGTH].strip()


def remove_goal(state: UserState, key: str) -> tuple[UserState, Goal | None]:
    """Remove a goal; the next one becomes the focus."""
    goal = state.goal(key)
    if goal is None:
        return state, None
    return replace(state, goals=tuple(g for g in state.goals if g.key != key)), goal


def find_goal(state: UserState, area: str | None, custom_name: str | None) -> Goal | None:
    """The active goal a spoken area refers to (custom names compared loosely)."""
    if area and area != CUSTOM and area in AREAS:
        return state.goal(area)
    if custom_name:
        wanted = normalise_name(clean_custom_name(custom_name))
        for goal in state.goals:
            if goal.custom_name and normalise_name(goal.custom_name) == wanted:
                return goal
    return None


def next_to_do(state: UserState, today: date) -> Goal | None:
    """The focus goal, unless it is done today; then the next goal not yet done."""
    for goal in state.goals:
        if goal.entry_on(today) is None:
            return goal
    return state.focus


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
