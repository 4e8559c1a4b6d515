"""How one goal's step grows, shrinks and is completed: the kaizen rules, as pure functions.

Growth is offered, never imposed: after a week at a size with most scheduled days done and
none felt hard, the coach may *offer* the next rung; only a yes (or the person asking for
more) grows it, at most one rung a day. Down is never all-or-nothing: "too hard" moves one rung
down at once; two hard marks in a week, or a week of misses, move down again, through the
first rung to the starter; the smaller size stays until the person grows it. Every function
takes a goal and the person's local day and returns a new goal plus what happened.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from skill.coach.areas import STARTER
from skill.coach.state import (
    HARD_MEMORY,
    KEPT_CHANGES,
    Goal,
    Rating,
    SizeChange,
    Why,
    week_start,
)

WEEK = timedelta(days=7)
# A good week for a daily step: most of the last seven days done.
GOOD_WEEK_DAYS = 5
# Hard marks in a week (a "hard" rating, or "too hard") that move the step down again.
HARD_MARKS_TO_EASE = 2
# Away this long, and the step restarts small (and the return is celebrated).
AWAY = timedelta(days=14)


class Adjustment(StrEnum):
    """What asking for a smaller or bigger step did."""

    STEPPED_DOWN = "stepped_down"
    GROWTH_UNDONE = "growth_undone"
    SMALLER_TODAY = "smaller_today"
    ALREADY_SMALLEST = "already_smallest"
    STEPPED_UP = "stepped_up"
    NOT_TODAY = "not_today"
    AT_TOP = "at_top"


class RatingResult(StrEnum):
    """What saying how today's step felt did."""

    NOT_DONE = "not_done"
    NOTED = "noted"
    NOTED_HARD = "noted_hard"
    STEPPED_DOWN = "stepped_down"
    GROWTH_UNDONE = "growth_undone"


@dataclass(frozen=True)
class Completion:
    """What a completion did: whether it was already done today, and the rung done."""

    already: bool
    rung: int


@dataclass(frozen=True)
class GrowthOffer:
    """A growth the coach may offer: how the week went, and the size it would grow to."""

    days_done: int
    rung: int
    next_rung: int


# -- completing ---------------------------------------------------------------------------


def complete(goal: Goal, today: date) -> tuple[Goal, Completion]:
    """Record today's step as done; twice in one day counts once."""
    rung = goal.rung_on(today)
    if goal.done_on(today):
        return goal, Completion(already=True, rung=rung)
    done = replace(goal, done=goal.done.add(today), total_done=goal.total_done + 1)
    return done, Completion(already=False, rung=rung)


def done_in_week(goal: Goal, today: date, first_weekday: int) -> int:
    """Days done in the person's current week, today included."""
    return goal.done.count(week_start(today, first_weekday), today)


def week_met(goal: Goal, today: date, first_weekday: int) -> bool:
    """Whether a weekly step's target for this week is already met."""
    return goal.weekly and done_in_week(goal, today, first_weekday) >= max(1, goal.size)


# -- growing, by consent ------------------------------------------------------------------


def growth_offer(goal: Goal, today: date, first_weekday: int) -> GrowthOffer | None:
    """The growth the coach may offer today, or None.

    Offered after a week at this size (daily: five of the last seven days done; weekly: this
    week's target met), with nothing felt hard in that time, never twice in a week, and not
    while an earlier offer's week of waiting runs.
    """
    if goal.rung >= goal.spec.top:
        return None
    if goal.offer_after is not None and today < goal.offer_after:
        return None
    if goal.grown_on is not None and today - goal.grown_on < WEEK:
        return None
    since = goal.changed_on or goal.started_on
    if goal.weekly:
        start = week_start(today, first_weekday)
        if since > start or not week_met(goal, today, first_weekday):
            return None
        days = done_in_week(goal, today, first_weekday)
    else:
        start = today - timedelta(days=6)
        if since > start:
            return None
        days = goal.done.count(start, today)
        if days < GOOD_WEEK_DAYS:
            return None
    if goal.hard_since(start):
        return None
    return GrowthOffer(days, goal.rung, goal.rung + 1)


def offered(goal: Goal, today: date) -> Goal:
    """The offer was made: the next one waits a week, whatever the answer (or silence)."""
    return replace(goal, offer_after=today + WEEK)


def from_tomorrow(goal: Goal, today: date, rung_today: int) -> Goal:
    """A growth accepted today starts tomorrow: today's step stays the size it was."""
    return replace(goal, easier_on=today, easier_rung=rung_today)


def grow(goal: Goal, today: date) -> tuple[Goal, Adjustment]:
    """One rung up now (a yes to an offer, or "let's go bigger"), at most one rung a day."""
    if goal.rung >= goal.spec.top:
        return goal, Adjustment.AT_TOP
    if goal.changed_on == today:
        return goal, Adjustment.NOT_TODAY
    grown = _changed(goal, today, goal.rung + 1, Why.GREW)
    return replace(grown, grown_on=today, offer_after=today + WEEK), Adjustment.STEPPED_UP


# -- easing, never all-or-nothing ---------------------------------------------------------


def too_hard(goal: Goal, today: date, *, hard: bool = True) -> tuple[Goal, Adjustment]:
    """ "Too hard": one rung down now (through the first rung to the starter).

    A growth made today is simply undone. If the step already changed today, today's step
    becomes one rung smaller for today only. The mark counts toward "hard twice in a week"
    (unless not `hard`: smaller chosen at the look back, on no particular day's feeling).
    """
    if hard:
        goal = _marked_hard(goal, today)
    if goal.changed_on == today and _last_why(goal) is Why.GREW:
        return _changed(goal, today, goal.rung - 1, Why.TOO_HARD), Adjustment.GROWTH_UNDONE
    if goal.rung > STARTER and goal.changed_on != today:
        return _changed(goal, today, goal.rung - 1, Why.TOO_HARD), Adjustment.STEPPED_DOWN
    rung_today = goal.rung_on(today)
    if rung_today > STARTER:
        return replace(goal, easier_on=today, easier_rung=rung_today - 1), Adjustment.SMALLER_TODAY
    return goal, Adjustment.ALREADY_SMALLEST


def rate(goal: Goal, today: date, rating: Rating) -> tuple[Goal, RatingResult]:
    """Take in how today's step felt. Only "hard" changes anything.

    Hard right after a growth undoes it (the step was not ready); a second hard mark in a week
    moves one rung down. Easy and about right are noted (growth still waits for a yes).
    """
    if not goal.done_on(today):
        return goal, RatingResult.NOT_DONE
    if rating is not Rating.HARD:
        return goal, RatingResult.NOTED
    goal = _marked_hard(goal, today)
    if goal.changed_on == today and _last_why(goal) is Why.GREW and goal.rung > STARTER:
        return _changed(goal, today, goal.rung - 1, Why.HARD_TWICE), RatingResult.GROWTH_UNDONE
    if (
        _hard_marks_counting(goal, today) >= HARD_MARKS_TO_EASE
        and goal.rung > STARTER
        and goal.changed_on != today
    ):
        return _changed(goal, today, goal.rung - 1, Why.HARD_TWICE), RatingResult.STEPPED_DOWN
    return goal, RatingResult.NOTED_HARD


def catch_up(goal: Goal, today: date, first_weekday: int) -> tuple[Goal, bool]:
    """A whole week of misses at this size moves one rung down (once a week at most)."""
    if goal.rung <= STARTER or goal.changed_on == today:
        return goal, False
    since = goal.changed_on or goal.started_on
    if goal.weekly:
        last_week = week_start(today, first_weekday) - WEEK
        missed = (
            since <= last_week and goal.done.count(last_week, last_week + WEEK - timedelta(1)) == 0
        )
    else:
        first = today - WEEK
        missed = since <= first and goal.done.count(first, today - timedelta(days=1)) == 0
    if not missed:
        return goal, False
    return _changed(goal, today, goal.rung - 1, Why.MISSED_WEEK), True


def restart(goal: Goal, today: date) -> Goal:
    """Back after two weeks or more: half the size or the first rung, whichever is smaller."""
    spec = goal.spec
    rung = min(spec.rung_at_most(goal.size // 2), 1, goal.rung)
    restarted = _changed(goal, today, rung, Why.RESTARTED) if rung != goal.rung else goal
    return replace(restarted, offer_after=None, easier_on=None, easier_rung=0)


def starter_today(goal: Goal, today: date) -> Goal:
    """Today's step is the starter (after a skip, the kindest step that still counts)."""
    return replace(goal, easier_on=today, easier_rung=STARTER)


def can_offer_starter(goal: Goal, today: date) -> bool:
    """Whether a skipped day could still be met with the starter (it is smaller than today's)."""
    return not goal.weekly and goal.rung_on(today) > STARTER


# -- asking, and looking back -------------------------------------------------------------


def should_ask_feeling(goal: Goal, today: date) -> bool:
    """Ask "how did it feel?" about once a week per goal, and after every change of size."""
    if goal.asked_on is None:
        return True
    if goal.changed_on is not None and goal.changed_on > goal.asked_on:
        return True
    return today - goal.asked_on >= WEEK


def asked_feeling(goal: Goal, today: date) -> Goal:
    """ "How did it feel?" was asked today."""
    return replace(goal, asked_on=today)


def streak(goal: Goal, today: date, first_weekday: int) -> int:
    """Scheduled periods done in a row, ending today (if done) or the period before."""
    if goal.weekly:
        start = week_start(today, first_weekday)
        target = max(1, goal.size)
        if goal.done.count(start, today) < target:
            start -= WEEK
        count = 0
        while goal.done.count(start, start + WEEK - timedelta(days=1)) >= target:
            count += 1
            start -= WEEK
        return count
    day = today if goal.done_on(today) else today - timedelta(days=1)
    count = 0
    while goal.done_on(day):
        count += 1
        day -= timedelta(days=1)
    return count


def changes_between(goal: Goal, first: date, last: date) -> tuple[SizeChange, ...]:
    """The size changes made from `first` to `last`."""
    return tuple(c for c in goal.changes if first <= c.day <= last)


# -- helpers ------------------------------------------------------------------------------


def _changed(goal: Goal, today: date, rung: int, why: Why) -> Goal:
    rung = max(STARTER, min(rung, goal.spec.top))
    changes = (*goal.changes, SizeChange(today, rung, why))[-KEPT_CHANGES:]
    return replace(
        goal, rung=rung, changed_on=today, changes=changes, easier_on=None, easier_rung=0
    )


def _last_why(goal: Goal) -> Why | None:
    return goal.changes[-1].why if goal.changes else None


def _marked_hard(goal: Goal, today: date) -> Goal:
    kept = tuple(d for d in goal.hard_days if today - d < HARD_MEMORY and d != today)
    return replace(goal, hard_days=(*kept, today))


def _hard_marks_counting(goal: Goal, today: date) -> int:
    """Hard marks this week that have not yet moved the step down.

    A "too hard" moves down at once and its mark counts toward the next move; a move made by
    two hard marks uses them up.
    """
    first = today - timedelta(days=6)
    last = goal.changes[-1] if goal.changes else None
    if last is not None and last.why is Why.HARD_TWICE:
        first = max(first, last.day + timedelta(days=1))
    elif last is not None and last.why in (Why.TOO_HARD, Why.MISSED_WEEK, Why.RESTARTED):
        first = max(first, last.day)
    return goal.hard_since(first)
