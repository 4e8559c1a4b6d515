"""The weekly look back: days done per goal, what grew, what felt hard, in the person's week.

Offered on the first visit of a new week (once), and given whenever asked. A week starts on
the day the person's locale starts it (Sunday in the US, Monday in much of the world).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from skill.coach.progression import GOOD_WEEK_DAYS, WEEK, changes_between
from skill.coach.state import Goal, UserState, Why, week_start


@dataclass(frozen=True)
class GoalWeek:
    """One goal's week: days done, whether it grew or eased (to which rung), hard days."""

    goal: Goal
    days_done: int
    days_scheduled: int
    grew_to: int | None
    eased_to: int | None
    hard_days: int

    @property
    def good(self) -> bool:
        """A week that earns the question "try a bit more?": most days done, none hard.

        A daily step needs five days (or every day, if it started mid-week); a weekly one
        its target. After a thinner week the look back asks only "keep it, or smaller?".
        """
        needed = (
            self.days_scheduled if self.goal.weekly else min(GOOD_WEEK_DAYS, self.days_scheduled)
        )
        return (
            self.days_done >= needed and not self.hard_days and self.goal.rung < self.goal.spec.top
        )


@dataclass(frozen=True)
class WeekLook:
    """A look back at one week (a finished one, or this one so far)."""

    first: date
    last: date
    goals: tuple[GoalWeek, ...]
    finished: bool

    @property
    def any_done(self) -> bool:
        """Whether anything was done that week."""
        return any(g.days_done for g in self.goals)


def look_back(state: UserState, first: date, last: date, finished: bool) -> WeekLook:
    """The figures for the days from `first` to `last`, for goals that existed then."""
    goals = []
    for goal in state.goals:
        if goal.started_on > last:
            continue
        start = max(first, goal.started_on)
        changes = changes_between(goal, first, last)
        grown = [c for c in changes if c.why is Why.GREW]
        eased = [c for c in changes if c.why is not Why.GREW]
        scheduled = max(1, goal.size) if goal.weekly else (last - start).days + 1
        goals.append(
            GoalWeek(
                goal=goal,
                days_done=goal.done.count(start, last),
                days_scheduled=scheduled,
                grew_to=grown[-1].rung if grown else None,
                eased_to=eased[-1].rung if eased and not grown else None,
                hard_days=sum(1 for d in goal.hard_days if first <= d <= last),
            )
        )
    return WeekLook(first, last, tuple(goals), finished)


def last_week(state: UserState, today: date, first_weekday: int) -> WeekLook:
    """The whole week before this one."""
    first = week_start(today, first_weekday) - WEEK
    return look_back(state, first, first + timedelta(days=6), finished=True)


def this_week(state: UserState, today: date, first_weekday: int) -> WeekLook:
    """This week so far (on its first day, the week before: there is nothing yet to say)."""
    first = week_start(today, first_weekday)
    if first == today:
        return last_week(state, today, first_weekday)
    return look_back(state, first, today, finished=False)


def review_due(state: UserState, today: date, first_weekday: int) -> bool:
    """Whether to offer last week's look back: once, on the first visit of a new week, to a
    person who had a goal for some of last week."""
    start = week_start(today, first_weekday)
    if state.reviewed_week is not None and state.reviewed_week >= start:
        return False
    return any(goal.started_on < start for goal in state.goals)
