"""Progress, not perfection: momentum, streaks and growth drawn from the user's own history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from skill.coach import progression
from skill.coach.state import Goal, UserState

MOMENTUM_DAYS = 7


@dataclass(frozen=True)
class Growth:
    """How far a goal's step has grown since it started."""

    start_size: int
    size: int
    since: date


@dataclass(frozen=True)
class Progress:
    """The figures spoken for 'how am I doing'."""

    momentum: int
    total_steps: int
    streaks: tuple[tuple[Goal, int], ...]
    growths: tuple[tuple[Goal, Growth], ...]
    done_today: int


def momentum(state: UserState, today: date) -> int:
    """Steps done across all goals in the last seven days, today included."""
    first = today - timedelta(days=MOMENTUM_DAYS - 1)
    return sum(len(g.entries_between(first, today)) for g in state.goals)


def growth(goal: Goal) -> Growth | None:
    """The growth since the goal started, or None if the step is not bigger than at the start."""
    start_size = goal.spec.ladder[goal.start_rung]
    if goal.size <= start_size:
        return None
    return Growth(start_size, goal.size, goal.started_on)


def progress(state: UserState, today: date) -> Progress:
    """Everything the progress answer draws on; streaks and growth only where positive."""
    streaks = tuple((g, s) for g in state.goals if (s := progression.streak(g, today)) > 0)
    growths = tuple((g, gr) for g in state.goals if (gr := growth(g)) is not None)
    done_today = sum(1 for g in state.goals if g.entry_on(today) is not None)
    return Progress(momentum(state, today), state.total_steps, streaks, growths, done_today)
