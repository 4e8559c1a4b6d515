"""The day's plan: for each goal, whether it is due today, done today, or met for the week.

Computed once per turn from the state and used by every reply that speaks of today, so the
launch, "what's my step", a completion's "still to come" and the routine all agree. A weekly
step whose target is met is not due again this week; it is spoken as met.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from skill.coach.progression import done_in_week
from skill.coach.state import Goal, UserState


@dataclass(frozen=True)
class GoalToday:
    """One goal's place in today: due (still to do), done today, or met for this week."""

    goal: Goal
    done: bool
    met_for_week: bool
    done_this_week: int

    @property
    def due(self) -> bool:
        """Still to do today: not done today, and (for a weekly step) the week not yet met."""
        return not self.done and not self.met_for_week


@dataclass(frozen=True)
class DayPlan:
    """All of today's goals, focus first."""

    today: date
    goals: tuple[GoalToday, ...]

    @property
    def left(self) -> tuple[Goal, ...]:
        """Goals still to do: today's daily steps first (focus first), then weekly ones."""
        return self.left_today + self.left_this_week

    @property
    def left_today(self) -> tuple[Goal, ...]:
        """Daily steps not yet done today."""
        return tuple(g.goal for g in self.goals if g.due and not g.goal.weekly)

    @property
    def left_this_week(self) -> tuple[Goal, ...]:
        """Weekly steps whose target is not met yet (not done today)."""
        return tuple(g.goal for g in self.goals if g.due and g.goal.weekly)

    @property
    def done(self) -> tuple[Goal, ...]:
        """Goals done today."""
        return tuple(g.goal for g in self.goals if g.done)

    @property
    def met(self) -> tuple[Goal, ...]:
        """Weekly goals whose target is met this week and that were not done today."""
        return tuple(g.goal for g in self.goals if g.met_for_week and not g.done)

    @property
    def all_done(self) -> bool:
        """Nothing is left to do today (and there was something to do)."""
        return bool(self.goals) and not self.left

    def of(self, goal: Goal) -> GoalToday:
        """The plan's entry for a goal."""
        return next(g for g in self.goals if g.goal.key == goal.key)


def plan_day(state: UserState, today: date, first_weekday: int) -> DayPlan:
    """The plan for today from the state as it stands."""
    entries = []
    for goal in state.goals:
        done_today = goal.done_on(today)
        week = done_in_week(goal, today, first_weekday) if goal.weekly else 0
        # Met before today: today's completion (if any) does not count toward "already met".
        before_today = week - (1 if done_today else 0)
        met = goal.weekly and before_today >= max(1, goal.size)
        entries.append(GoalToday(goal, done_today, met, week))
    return DayPlan(today, tuple(entries))
