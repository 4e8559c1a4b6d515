"""The ladder rules for one goal: growth, kind step-downs, skips, resizing, ratings."""

from __future__ import annotations

from datetime import date, timedelta

from skill.coach import progression
from skill.coach.areas import AREAS
from skill.coach.progression import Adjustment, RatingResult
from skill.coach.state import HISTORY_DAYS, Goal, Rating

D0 = date(2026, 11, 2)  # a Monday


def day(n: int) -> date:
    return D0 + timedelta(days=n)


def walk(rung: int = 0) -> Goal:
    return Goal(area="MOVE", rung=rung, started_on=D0)


def done_on(goal: Goal, *days: int) -> Goal:
    for n in days:
        goal, _ = progression.catch_up(goal, day(n))
        goal, _ = progression.complete(goal, day(n))
    return goal


def test_step_grows_one_rung_when_three_days_in_a_row_are_done() -> None:
    goal = done_on(walk(), 0, 1)
    assert goal.size == 5
    goal, result = progression.complete(goal, day(2))
    assert result.grew and goal.size == 6
    assert goal.changed_on == day(2)


def test_step_does_not_grow_when_a_day_was_missed_between() -> None:
    goal = done_on(walk(), 0, 2, 3)
    assert goal.size == 5


def test_step_does_not_grow_when_a_day_was_rated_hard() -> None:
    goal = done_on(walk(), 0, 1)
    goal, _ = progression.rate(goal, day(1), Rating.HARD)
    goal, result = progression.complete(goal, day(2))
    assert not result.grew and goal.size == 5


def test_completing_twice_on_one_day_counts_once() -> None:
    goal = done_on(walk(), 0)
    goal, again = progression.complete(goal, day(0))
    assert again.already
    assert len(goal.entries) == 1


def test_two_missed_days_move_one_rung_down() -> None:
    goal = done_on(walk(rung=3), 0)
    goal, down = progression.catch_up(goal, day(3))  # days 1 and 2 missed
    assert down and goal.rung == 2


def test_one_missed_day_changes_nothing() -> None:
    goal = done_on(walk(rung=3), 0)
    goal, down = progression.catch_up(goal, day(2))
    assert not down and goal.rung == 3


def test_a_long_absence_moves_down_only_one_rung() -> None:
    goal = done_on(walk(rung=5), 0)
    goal, down = progression.catch_up(goal, day(30))
    assert down and goal.rung == 4


def test_misses_are_not_counted_twice_on_later_visits_the_same_day() -> None:
    goal = done_on(walk(rung=5), 0)
    goal, _ = progression.catch_up(goal, day(3))
    goal, again = progression.catch_up(goal, day(3))
    assert not again and goal.rung == 4


def test_missed_days_never_go_below_the_first_rung() -> None:
    goal, down = progression.catch_up(walk(rung=0), day(10))
    assert not down and goal.rung == 0


def test_too_hard_moves_one_rung_down_now() -> None:
    goal, result = progression.make_smaller(walk(rung=2), day(0))
    assert result is Adjustment.STEPPED_DOWN and goal.size == 6


def test_too_hard_at_the_first_rung_offers_a_smaller_step_for_today_only() -> None:
    goal, result = progression.make_smaller(walk(), day(0))
    assert result is Adjustment.SMALLER_TODAY
    assert goal.size_on(day(0)) == 2 and goal.size_on(day(1)) == 5


def test_second_change_on_one_day_becomes_a_smaller_step_today_only() -> None:
    goal, _ = progression.make_smaller(walk(rung=3), day(0))
    goal, result = progression.make_smaller(goal, day(0))
    assert result is Adjustment.SMALLER_TODAY
    assert goal.size == 8 and goal.size_on(day(0)) == 6
    assert goal.size_on(day(1)) == 8


def test_too_easy_moves_up_now_but_only_once_a_day() -> None:
    goal, first = progression.make_bigger(walk(), day(0))
    goal, second = progression.make_bigger(goal, day(0))
    assert first is Adjustment.STEPPED_UP and second is Adjustment.NOT_TODAY
    assert goal.size == 6


def test_too_easy_at_the_top_says_so() -> None:
    top = AREAS["MOVE"].top
    goal, result = progression.make_bigger(walk(rung=top), day(0))
    assert result is Adjustment.AT_TOP and goal.rung == top


def test_skip_offers_the_rung_below_for_today() -> None:
    goal, offer = progression.skip(walk(rung=2), day(0))
    assert offer == 6 and day(0) in goal.skipped


def test_skip_on_a_weekly_goal_offers_nothing_smaller() -> None:
    goal = Goal(area="EXPRESS", rung=0, started_on=D0)
    _, offer = progression.skip(goal, day(0))
    assert offer is None


def test_smaller_step_taken_after_a_skip_counts_but_does_not_grow_the_ladder() -> None:
    goal = done_on(walk(), 0, 1)
    goal = progression.take_smaller_today(goal, day(2), 2)
    goal, result = progression.complete(goal, day(2))
    assert not result.grew and result.size == 2 and goal.size == 5


def test_two_easy_ratings_in_a_row_move_up() -> None:
    goal = done_on(walk(), 0)
    goal, first = progression.rate(goal, day(0), Rating.EASY)
    goal = done_on(goal, 1)
    goal, second = progression.rate(goal, day(1), Rating.EASY)
    assert first is RatingResult.NOTED and second is RatingResult.STEPPED_UP
    assert goal.size == 6


def test_two_hard_ratings_in_a_row_move_down() -> None:
    goal = done_on(walk(rung=2), 0)
    goal, _ = progression.rate(goal, day(0), Rating.HARD)
    goal = done_on(goal, 1)
    goal, result = progression.rate(goal, day(1), Rating.HARD)
    assert result is RatingResult.STEPPED_DOWN and goal.size == 6


def test_hard_right_after_growing_undoes_the_growth() -> None:
    goal = done_on(walk(), 0, 1, 2)
    assert goal.size == 6
    goal, result = progression.rate(goal, day(2), Rating.HARD)
    assert result is RatingResult.GROWTH_UNDONE and goal.size == 5


def test_rating_before_doing_the_step_is_not_recorded() -> None:
    goal, result = progression.rate(walk(), day(0), Rating.EASY)
    assert result is RatingResult.NOT_DONE and goal.entries == ()


def test_weekly_goal_grows_after_two_weeks_meeting_the_target() -> None:
    goal = Goal(area="EXPRESS", rung=0, started_on=D0)
    goal = done_on(goal, 2)  # week one: once
    goal, result = progression.complete(goal, day(8))  # week two: once
    assert result.grew and goal.size == 2


def test_weekly_goal_steps_down_after_two_weeks_below_target() -> None:
    goal = Goal(area="EXPRESS", rung=1, started_on=D0)  # twice a week
    goal = done_on(goal, 0)  # once in week one, none in week two
    goal, down = progression.catch_up(goal, day(14))
    assert down and goal.size == 1


def test_streak_counts_days_in_a_row_ending_today_or_yesterday() -> None:
    goal = done_on(walk(), 0, 2, 3, 4)
    assert progression.streak(goal, day(4)) == 3
    assert progression.streak(goal, day(5)) == 3
    assert progression.streak(goal, day(6)) == 0


def test_history_older_than_a_year_is_dropped() -> None:
    goal = done_on(walk(), 0)
    later = day(HISTORY_DAYS + 5)
    goal, _ = progression.complete(goal, later)
    assert [e.day for e in goal.entries] == [later]
