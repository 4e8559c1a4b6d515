"""Progress, not perfection: days this week, growth since the start, streaks only when positive."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from skill.coach import progression
from skill.coach.state import Goal, UserState

# A run of days is spoken only from this length: one day is not yet a streak.
MIN_STREAK = 2


@dataclass(frozen=True)
class Growth:
    """How far a goal's step has grown since it started."""

    start_size: int
    size: int
    since: date


@dataclass(frozen=True)
class Progress:
    """The figures spoken for "how am I doing"."""

    total_steps: int
    this_week: tuple[tuple[Goal, int], ...]
    streaks: tuple[tuple[Goal, int], ...]
    growths: tuple[tuple[Goal, Growth], ...]
    done_today: int

    @property
    def days_this_week(self) -> int:
        """Steps done this week, all goals together."""
        return sum(days for _, days in self.this_week)


def growth(goal: Goal) -> Growth | None:
    """The growth since the goal started, or None if the step is not bigger than at the start."""
    if goal.size <= goal.start_size:
        return None
    return Growth(goal.start_size, goal.size, goal.started_on)


def progress(state: UserState, today: date, first_weekday: int) -> Progress:
    """Everything the progress answer draws on; streaks and growth only where positive."""
    week = tuple((g, progression.done_in_week(g, today, first_weekday)) for g in state.goals)
    streaks = tuple(
        (g, s)
        for g in state.goals
        if (s := progression.streak(g, today, first_weekday)) >= MIN_STREAK
    )
    growths = tuple((g, gr) for g in state.goals if (gr := growth(g)) is not None)
    done_today = sum(1 for g in state.goals if g.done_on(today))
    return Progress(state.total_steps, week, streaks, growths, done_today)
