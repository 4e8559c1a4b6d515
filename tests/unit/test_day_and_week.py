"""Today's plan (due, done, met for the week), the weekly look back, and custom goal names."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from skill.coach import progression
from skill.coach.areas import Unit
from skill.coach.state import Goal, Rating, UserState, new_goal
from skill.coach.today import plan_day
from skill.coach.week import last_week, review_due, this_week
from skill.speech.names import Problem, language_of, matches, understand

SUNDAY, MONDAY = 6, 0
WEDNESDAY = date(2026, 11, 4)


def done(goal: Goal, *days: date) -> Goal:
    for day in days:
        goal, _ = progression.complete(goal, day)
    return goal


def three_goals(*, weekly_done_on: tuple[date, ...] = ()) -> UserState:
    start = date(2026, 10, 1)
    return UserState(
        goals=(
            new_goal("MOVE", start),
            new_goal("GRATITUDE", start),
            done(new_goal("EXPRESS", start), *weekly_done_on),
        )
    )


def test_nothing_done_leaves_every_goal_due_focus_first() -> None:
    plan = plan_day(three_goals(), WEDNESDAY, SUNDAY)
    assert [g.area for g in plan.left] == ["MOVE", "GRATITUDE", "EXPRESS"]
    assert not plan.done and not plan.met and not plan.all_done


def test_two_goals_left_after_one_is_done_are_both_left() -> None:
    state = three_goals()
    state = state.with_goal(done(state.goals[0], WEDNESDAY))
    plan = plan_day(state, WEDNESDAY, SUNDAY)
    assert [g.area for g in plan.left] == ["GRATITUDE", "EXPRESS"]
    assert [g.area for g in plan.done] == ["MOVE"]


def test_a_weekly_goal_met_earlier_this_week_is_met_not_due() -> None:
    state = three_goals(weekly_done_on=(WEDNESDAY - timedelta(days=2),))  # Monday
    plan = plan_day(state, WEDNESDAY, SUNDAY)
    assert [g.area for g in plan.met] == ["EXPRESS"]
    assert "EXPRESS" not in [g.area for g in plan.left]


def test_a_weekly_goal_met_last_week_is_due_again_this_week() -> None:
    state = three_goals(weekly_done_on=(WEDNESDAY - timedelta(days=6),))  # last Thursday
    plan = plan_day(state, WEDNESDAY, SUNDAY)
    assert "EXPRESS" in [g.area for g in plan.left]


def test_the_week_starts_on_the_locales_first_day() -> None:
    sunday = date(2026, 11, 1)
    state = three_goals(weekly_done_on=(sunday,))
    # In the US the week began that Sunday: met. Where weeks start on Monday, it was last week.
    assert [g.area for g in plan_day(state, WEDNESDAY, SUNDAY).met] == ["EXPRESS"]
    assert not plan_day(state, WEDNESDAY, MONDAY).met


def test_everything_done_is_all_done() -> None:
    state = three_goals(weekly_done_on=(WEDNESDAY,))
    state = state.with_goal(done(state.goals[0], WEDNESDAY))
    state = state.with_goal(done(state.goals[1], WEDNESDAY))
    assert plan_day(state, WEDNESDAY, SUNDAY).all_done


def test_a_look_back_counts_days_growth_and_hard_days_of_last_week() -> None:
    start = date(2026, 10, 18)
    walk = done(
        new_goal("MOVE", start), *(date(2026, 10, 25) + timedelta(days=n) for n in range(5))
    )
    walk, _ = progression.grow(walk, date(2026, 10, 29))
    walk, _ = progression.rate(walk, date(2026, 10, 29), Rating.HARD)
    look = last_week(UserState(goals=(walk,)), date(2026, 11, 2), SUNDAY)
    (entry,) = look.goals
    assert (look.first, look.last) == (date(2026, 10, 25), date(2026, 10, 31))
    assert entry.days_done == 5 and entry.hard_days == 1
    assert entry.grew_to is not None or entry.eased_to is not None


def test_this_weeks_look_back_on_its_first_day_is_last_weeks() -> None:
    state = UserState(goals=(new_goal("MOVE", date(2026, 10, 1)),))
    assert this_week(state, date(2026, 11, 1), SUNDAY).finished
    assert not this_week(state, date(2026, 11, 4), SUNDAY).finished


def test_the_look_back_is_offered_once_a_week_and_only_to_someone_with_a_past_week() -> None:
    old = UserState(goals=(new_goal("MOVE", date(2026, 10, 1)),))
    assert review_due(old, WEDNESDAY, SUNDAY)
    assert not review_due(replace(old, reviewed_week=date(2026, 11, 1)), WEDNESDAY, SUNDAY)
    new = UserState(goals=(new_goal("MOVE", WEDNESDAY),))
    assert not review_due(new, WEDNESDAY, SUNDAY)


@pytest.mark.parametrize(
    ("said", "name", "unit"),
    [
        ("drinking more water", "drinking more water", Unit.GLASSES),
        ("to drink more water", "drinking more water", Unit.GLASSES),
        ("reading to my kid", "reading to my kid", Unit.PAGES),
        ("a reading goal of five pages a day", "reading", Unit.PAGES),
        ("practice piano ten minutes a day", "practicing piano", Unit.MINUTES),
        ("stretching", "stretching", Unit.MINUTES),
        ("push-ups", "push-ups", Unit.TIMES),
    ],
)
def test_a_custom_goal_is_a_short_name_with_a_unit(said: str, name: str, unit: Unit) -> None:
    understood = understand(said)
    assert (understood.name, understood.unit, understood.problem) == (name, unit, None)


@pytest.mark.parametrize(
    ("said", "problem"),
    [
        ("i would like to walk more", Problem.SENTENCE),
        ("i want to be less anxious", Problem.SENTENCE),
        ("being less anxious", Problem.FEELING),
        ("feeling happier", Problem.FEELING),
        ("stop snacking at night", Problem.NEGATIVE),
        ("learning to play every song by the beatles on guitar", Problem.TOO_LONG),
        ("the", Problem.EMPTY),
        ("hard", Problem.EMPTY),  # an answer to "how did it feel?", heard late
        ("not today", Problem.EMPTY),  # a skip, not a "stop doing" goal
        ("yes", Problem.EMPTY),
    ],
)
def test_a_sentence_or_a_feeling_is_not_a_goal_name(said: str, problem: Problem) -> None:
    understood = understand(said)
    assert understood.name is None and understood.problem is problem


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "something of my own"),
        ("en", "um, a goal of my own"),
        ("en", "I want my own goal"),
        ("en", "something else"),
        ("fr", "un objectif à moi"),
        ("fr", "autre chose"),
        ("es", "algo propio"),
        ("es", "quiero una meta propia"),
        ("de", "etwas ganz Eigenes"),
        ("de", "ein eigenes Ziel"),
        ("ja", "自分で決めたい"),
        ("ja", "えっと、別のもの"),
    ],
)
def test_choosing_a_goal_of_ones_own_is_not_its_name(language: str, said: str) -> None:
    """The welcome's "or something of your own?", answered as asked: no goal named "own"."""
    understood = understand(said, language_of(language))
    assert understood.name is None and understood.problem is Problem.OWN


@pytest.mark.parametrize("words", ["my water", "water", "the drinking water goal", "drink water"])
def test_partial_names_find_the_goal(words: str) -> None:
    assert matches("drinking more water", words)


def test_other_words_do_not_find_the_goal() -> None:
    assert not matches("drinking more water", "my reading")
    assert not matches("drinking more water", "the")
