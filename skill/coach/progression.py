"""How one goal's step grows, shrinks and is completed: the kaizen ladder rules.

Every function is pure: it takes a goal and the user's local day and returns a new goal plus
what happened, so the same rules serve every handler, the tests and the property checks.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from skill.coach.areas import Cadence
from skill.coach.state import HISTORY_DAYS, Entry, Goal, Rating, period_length, period_start

MISSES_BEFORE_STEP_DOWN = 2


class Adjustment(StrEnum):
    """The result of asking for a smaller or bigger step."""

    STEPPED_DOWN = "stepped_down"
    SMALLER_TODAY = "smaller_today"
    ALREADY_SMALLEST = "already_smallest"
    STEPPED_UP = "stepped_up"
    NOT_TODAY = "not_today"
    AT_TOP = "at_top"


class RatingResult(StrEnum):
    """The result of saying how today's step felt."""

    NOT_DONE = "not_done"
    NOTED = "noted"
    NOTED_HARD = "noted_hard"
    STEPPED_UP = "stepped_up"
    STEPPED_DOWN = "stepped_down"
    GROWTH_UNDONE = "growth_undone"


@dataclass(frozen=True)
class Completion:
    """What a completion did: the size done, and whether the step grew for next time."""

    already: bool
    size: int
    grew: bool


def prune(goal: Goal, today: date) -> Goal:
    """Drop history older than a year so stored state stays small."""
    oldest = today - timedelta(days=HISTORY_DAYS)
    entries = tuple(e for e in goal.entries if e.day > oldest)
    skipped = tuple(d for d in goal.skipped if d > oldest)
    if len(entries) == len(goal.entries) and len(skipped) == len(goal.skipped):
        return goal
    return replace(goal, entries=entries, skipped=skipped)


def catch_up(goal: Goal, today: date) -> tuple[Goal, bool]:
    """Judge the scheduled periods that ended since the last visit.

    Two missed periods in a row (since the goal started or last changed) move one rung down,
    never below the first and never more than once, however long the person was away: coming
    back should feel like a welcome, not a bill.
    """
    cadence = goal.spec.cadence
    length = period_length(cadence)
    last_start = period_start(today, cadence) - length
    last_end = last_start + length - timedelta(days=1)
    if goal.checked_through is not None and last_end <= goal.checked_through:
        return goal, False
    bound = goal.started_on if goal.changed_on is None else max(goal.started_on, goal.changed_on)
    missed = 0
    start = last_start
    while start >= bound and missed < MISSES_BEFORE_STEP_DOWN and not period_met(goal, start):
        missed += 1
        start -= length
    goal = replace(goal, checked_through=last_end)
    if missed >= MISSES_BEFORE_STEP_DOWN and goal.rung > 0 and goal.changed_on != today:
        return _rung_down(goal, today), True
    return goal, False


def period_met(goal: Goal, start: date) -> bool:
    """Whether the scheduled period starting at `start` was done.

    A week counts when it holds as many completions as the smallest target in force that week,
    so a mid-week change of target never turns a good week into a miss.
    """
    length = period_length(goal.spec.cadence)
    entries = goal.entries_between(start, start + length - timedelta(days=1))
    if not entries:
        return False
    if goal.spec.cadence is Cadence.DAILY:
        return True
    return len(entries) >= min(e.size for e in entries)


def complete(goal: Goal, today: date) -> tuple[Goal, Completion]:
    """Record today's step as done (twice in one day counts once) and grow it if it is time."""
    existing = goal.entry_on(today)
    if existing is not None:
        return goal, Completion(already=True, size=existing.size, grew=False)
    size = goal.size_on(today)
    entries = tuple(sorted((*goal.entries, Entry(today, size)), key=lambda e: e.day))
    goal = prune(replace(goal, entries=entries), today)
    grew = ready_to_grow(goal, today)
    if grew:
        goal = _rung_up(goal, today)
    return goal, Completion(already=False, size=size, grew=grew)


def ready_to_grow(goal: Goal, today: date) -> bool:
    """Grow after `grow_after` consecutive periods all met at this rung, none of them hard."""
    spec = goal.spec
    if goal.rung >= spec.top or goal.changed_on == today:
        return False
    length = period_length(spec.cadence)
    target = 1 if spec.cadence is Cadence.DAILY else goal.size
    start = period_start(today, spec.cadence)
    for _ in range(spec.grow_after):
        entries = goal.entries_between(start, start + length - timedelta(days=1))
        if len(entries) < target:
            return False
        if any(e.size != goal.size or e.rating is Rating.HARD for e in entries):
            return False
        start -= length
    return True


def rate(goal: Goal, today: date, rating: Rating) -> tuple[Goal, RatingResult]:
    """Tune the ladder with how today's step felt.

    Hard right after a growth undoes it (the step was not ready); two hard ratings in a row at
    a rung step down; two easy ratings in a row step up. Otherwise the rating is just noted,
    and a hard rating keeps the step from growing until it feels right.
    """
    entry = goal.entry_on(today)
    if entry is None:
        return goal, RatingResult.NOT_DONE
    entries = tuple(replace(e, rating=rating) if e.day == today else e for e in goal.entries)
    goal = replace(goal, entries=entries)
    earlier = [e for e in goal.entries if e.day < today]
    previous = earlier[-1] if earlier else None
    same_in_a_row = (
        previous is not None and previous.rating is rating and previous.size == entry.size
    )
    if rating is Rating.HARD:
        if goal.changed_on == today and goal.rung > 0 and entry.size < goal.size:
            return replace(goal, rung=goal.rung - 1), RatingResult.GROWTH_UNDONE
        if same_in_a_row and entry.size == goal.size and goal.rung > 0 and goal.changed_on != today:
            return _rung_down(goal, today), RatingResult.STEPPED_DOWN
        return goal, RatingResult.NOTED_HARD
    can_grow = goal.rung < goal.spec.top and goal.changed_on != today
    if rating is Rating.EASY and same_in_a_row and entry.size == goal.size and can_grow:
        return _rung_up(goal, today), RatingResult.STEPPED_UP
    return goal, RatingResult.NOTED


def smaller_version(goal: Goal, today: date) -> int | None:
    """A smaller step for today only: the rung below, or half the first rung; None if none."""
    if goal.spec.cadence is Cadence.WEEKLY:
        return None
    size = goal.size_on(today)
    below = [s for s in goal.spec.ladder if s < size]
    if below:
        return below[-1]
    half = max(1, goal.spec.ladder[0] // 2)
    return half if half < size else None


def skip(goal: Goal, today: date) -> tuple[Goal, int | None]:
    """Note a skipped day, kindly, and offer a smaller version of today's step if there is one."""
    if today not in goal.skipped:
        goal = prune(replace(goal, skipped=(*goal.skipped, today)), today)
    return goal, smaller_version(goal, today)


def take_smaller_today(goal: Goal, today: date, size: int) -> Goal:
    """Use a smaller step for today only; the ladder itself is unchanged."""
    return replace(goal, easier_on=today, easier_size=size)


def make_smaller(goal: Goal, today: date) -> tuple[Goal, Adjustment]:
    """'Too hard': one rung down now, or, if that is not possible today, a smaller step today."""
    if goal.rung > 0 and goal.changed_on != today:
        return _rung_down(goal, today), Adjustment.STEPPED_DOWN
    smaller = smaller_version(goal, today)
    if smaller is None:
        return goal, Adjustment.ALREADY_SMALLEST
    return take_smaller_today(goal, today, smaller), Adjustment.SMALLER_TODAY


def make_bigger(goal: Goal, today: date) -> tuple[Goal, Adjustment]:
    """'Too easy': one rung up now, unless at the top or the step already changed today."""
    if goal.rung >= goal.spec.top:
        return goal, Adjustment.AT_TOP
    if goal.changed_on == today:
        return goal, Adjustment.NOT_TODAY
    return _rung_up(goal, today), Adjustment.STEPPED_UP


def streak(goal: Goal, today: date) -> int:
    """Scheduled periods met in a row, ending with this one (if met) or the one before."""
    cadence = goal.spec.cadence
    length = period_length(cadence)
    start = period_start(today, cadence)
    if not period_met(goal, start):
        start -= length
    count = 0
    oldest = goal.entries[0].day if goal.entries else today
    while start >= period_start(oldest, cadence) and period_met(goal, start):
        count += 1
        start -= length
    return count


def _rung_up(goal: Goal, today: date) -> Goal:
    return replace(goal, rung=goal.rung + 1, changed_on=today, easier_on=None, easier_size=0)


def _rung_down(goal: Goal, today: date) -> Goal:
    return replace(
        goal, rung=max(0, goal.rung - 1), changed_on=today, easier_on=None, easier_size=0
    )
