"""The kaizen rules, one at a time: growth by consent, easing down to the starter, coming back."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta

import pytest

from skill.coach import plan, progression
from skill.coach.areas import AREAS, CUSTOM_AREAS, MAX_STEP_UP, STARTER
from skill.coach.progression import Adjustment, RatingResult
from skill.coach.state import Goal, Rating, UserState, Why, new_goal

DAY = date(2026, 11, 2)  # a Monday
SUNDAY = 6


def day(n: int) -> date:
    return DAY + timedelta(days=n)


def walked(goal: Goal, *days: int) -> Goal:
    for n in days:
        goal, _ = progression.complete(goal, day(n))
    return goal


@pytest.mark.parametrize("area", [*AREAS.values(), *CUSTOM_AREAS.values()], ids=repr)
def test_every_rung_is_at_most_a_quarter_or_one_unit_above_the_last(area: object) -> None:
    ladder = getattr(area, "ladder")  # noqa: B009
    for lower, upper in itertools.pairwise(ladder):
        assert upper > lower
        assert upper <= max(lower * (1 + MAX_STEP_UP), lower + 1)


def test_a_good_week_offers_growth_and_only_a_yes_grows_it() -> None:
    goal = walked(new_goal("MOVE", day(0)), 0, 1, 2, 3, 5, 6)
    offer = progression.growth_offer(goal, day(6), SUNDAY)
    assert offer is not None and offer.days_done == 6
    assert goal.size == 5  # offered, not imposed
    grown, result = progression.grow(progression.offered(goal, day(6)), day(6))
    assert result is Adjustment.STEPPED_UP and grown.size == 6


def test_a_no_or_silence_keeps_the_size_and_the_offer_waits_a_week() -> None:
    goal = walked(new_goal("MOVE", day(0)), *range(7))
    goal = progression.offered(goal, day(6))  # offered; no yes came
    goal = walked(goal, *range(7, 13))
    assert goal.size == 5
    assert progression.growth_offer(goal, day(12), SUNDAY) is None
    assert progression.growth_offer(goal, day(13), SUNDAY) is not None


def test_growth_is_not_offered_before_a_week_at_a_size_nor_after_a_hard_day() -> None:
    goal = walked(new_goal("MOVE", day(0)), *range(6))
    assert progression.growth_offer(goal, day(5), SUNDAY) is None  # six days at this size
    goal, _ = progression.rate(walked(goal, 6), day(6), Rating.HARD)
    assert progression.growth_offer(goal, day(6), SUNDAY) is None


def test_three_missed_days_of_seven_is_not_yet_a_good_week() -> None:
    goal = walked(new_goal("MOVE", day(0)), 0, 2, 4, 6)
    assert progression.growth_offer(goal, day(6), SUNDAY) is None


def test_asking_for_bigger_grows_at_once_but_one_rung_a_day() -> None:
    goal = new_goal("MOVE", day(0))
    goal, first = progression.grow(goal, day(0))
    goal, second = progression.grow(goal, day(0))
    assert (first, second) == (Adjustment.STEPPED_UP, Adjustment.NOT_TODAY)
    assert goal.size == 6


def test_too_hard_steps_down_through_the_first_rung_to_the_starter_and_stays_there() -> None:
    goal = replace(new_goal("MOVE", day(0)), rung=2)
    sizes = []
    for n in range(4):
        goal, _ = progression.too_hard(goal, day(n))
        sizes.append(goal.rung)
    assert sizes == [1, STARTER, STARTER, STARTER]
    goal, result = progression.too_hard(goal, day(4))
    assert result is Adjustment.ALREADY_SMALLEST
    # Nothing grows it back but the person: days pass, completions come, the starter stays.
    goal = walked(goal, *range(5, 30))
    assert goal.rung == STARTER


def test_too_hard_right_after_a_growth_undoes_it() -> None:
    goal, _ = progression.grow(new_goal("MOVE", day(0)), day(3))
    goal, result = progression.too_hard(goal, day(3))
    assert result is Adjustment.GROWTH_UNDONE and goal.size == 5


def test_a_second_change_the_same_day_makes_only_today_smaller() -> None:
    goal = replace(new_goal("MOVE", day(0)), rung=4)
    goal, _ = progression.too_hard(goal, day(1))
    goal, result = progression.too_hard(goal, day(1))
    assert result is Adjustment.SMALLER_TODAY
    assert goal.size == 7 and goal.size_on(day(1)) == 6 and goal.size_on(day(2)) == 7


def test_hard_twice_in_a_week_moves_down_and_uses_both_marks() -> None:
    goal = replace(walked(new_goal("MOVE", day(0)), 1, 3, 4), rung=3)
    goal, first = progression.rate(goal, day(1), Rating.HARD)
    goal, second = progression.rate(goal, day(3), Rating.HARD)
    assert (first, second) == (RatingResult.NOTED_HARD, RatingResult.STEPPED_DOWN)
    assert goal.rung == 2
    goal, third = progression.rate(goal, day(4), Rating.HARD)
    assert third is RatingResult.NOTED_HARD and goal.rung == 2


def test_too_hard_then_hard_in_the_same_week_moves_down_again() -> None:
    goal = replace(walked(new_goal("MOVE", day(0)), 3), rung=3)
    goal, _ = progression.too_hard(goal, day(1))
    goal, result = progression.rate(goal, day(3), Rating.HARD)
    assert result is RatingResult.STEPPED_DOWN and goal.rung == 1


def test_easy_or_about_right_never_grows_the_step() -> None:
    goal = new_goal("MOVE", day(0))
    for n in range(30):
        goal = walked(goal, n)
        goal, result = progression.rate(goal, day(n), Rating.EASY)
        assert result is RatingResult.NOTED
    assert goal.size == 5


def test_a_week_of_misses_eases_one_rung_each_week_down_to_the_starter() -> None:
    goal = replace(new_goal("MOVE", day(0)), rung=2)
    goal, down = progression.catch_up(goal, day(6), SUNDAY)
    assert not down  # six days is not yet a week
    goal, down = progression.catch_up(goal, day(7), SUNDAY)
    assert down and goal.rung == 1 and goal.changes[-1].why is Why.MISSED_WEEK
    goal, again = progression.catch_up(goal, day(8), SUNDAY)
    assert not again  # once a week at most
    goal, _ = progression.catch_up(goal, day(14), SUNDAY)
    goal, _ = progression.catch_up(goal, day(21), SUNDAY)
    assert goal.rung == STARTER


@pytest.mark.parametrize(
    ("rung", "back_to"),
    [(1, STARTER), (3, STARTER), (5, 1), (9, 1), (STARTER, STARTER)],
    ids=["5 min: half is below 5", "7 min", "10 min: half is 5", "22 min", "the starter"],
)
def test_coming_back_restarts_at_half_or_the_first_rung_whichever_is_smaller(
    rung: int, back_to: int
) -> None:
    goal = replace(new_goal("MOVE", day(0)), rung=rung)
    assert progression.restart(goal, day(40)).rung == back_to


def test_two_weeks_away_restarts_every_goal_and_the_return_is_news() -> None:
    state = UserState(
        goals=(replace(new_goal("MOVE", day(0)), rung=8),), first_seen=day(0), last_seen=day(3)
    )
    state, news = plan.open_day(state, day(17), SUNDAY)
    assert news.came_back and news.days_away == 14
    assert state.goals[0].rung == 1 and state.last_seen == day(17)
    _, soon = plan.open_day(replace(state, last_seen=day(10)), day(17), SUNDAY)
    assert not soon.came_back


def test_completing_twice_on_one_day_counts_once() -> None:
    goal, first = progression.complete(new_goal("MOVE", day(0)), day(0))
    goal, second = progression.complete(goal, day(0))
    assert not first.already and second.already and goal.total_done == 1


def test_how_did_it_feel_is_asked_weekly_and_after_every_change() -> None:
    goal = progression.asked_feeling(new_goal("MOVE", day(0)), day(0))
    assert not progression.should_ask_feeling(goal, day(3))
    assert progression.should_ask_feeling(goal, day(7))
    goal, _ = progression.too_hard(goal, day(2))
    assert progression.should_ask_feeling(goal, day(3))


def test_a_weekly_goal_met_this_week_is_not_offered_before_the_week_is_whole() -> None:
    goal = new_goal("EXPRESS", day(-7))  # once a week, since the week before
    goal = walked(goal, 1)
    assert progression.week_met(goal, day(2), SUNDAY)
    assert progression.growth_offer(goal, day(2), SUNDAY) is not None
    fresh = walked(new_goal("EXPRESS", day(2)), 2)
    assert progression.growth_offer(fresh, day(2), SUNDAY) is None


def test_streaks_count_scheduled_periods_met_in_a_row() -> None:
    goal = walked(new_goal("MOVE", day(0)), 0, 1, 2, 4, 5, 6)
    assert progression.streak(goal, day(6), SUNDAY) == 3
    assert progression.streak(goal, day(7), SUNDAY) == 3  # today not done yet: not broken
    assert progression.streak(goal, day(8), SUNDAY) == 0


def test_swapping_a_side_goal_keeps_the_focus_and_the_order() -> None:
    state = UserState(goals=(new_goal("MOVE", DAY), new_goal("GRATITUDE", DAY)))
    state, _, water = plan.set_goal(state, "CUSTOM", DAY, "drinking water")
    state, change, reading = plan.replace_goal(
        state, "CUSTOM", day(3), "reading", old_key=water.key
    )
    assert change is plan.GoalChange.REPLACED
    assert [g.key for g in state.goals] == [state.goals[0].key, state.goals[1].key, reading.key]
    assert state.focus is not None and state.focus.area == "MOVE", "the walk is still the focus"
    state, _, yoga = plan.replace_goal(state, "CUSTOM", day(3), "yoga")
    assert state.focus == yoga and len(state.goals) == 3, "without a named goal, the focus"
