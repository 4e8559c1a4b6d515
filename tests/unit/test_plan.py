"""The user's plan: goals and focus, the start of a day, milestones and progress figures."""

from __future__ import annotations

from datetime import date, timedelta

from skill.coach import plan, progress
from skill.coach.plan import GoalChange
from skill.coach.state import UserState

D0 = date(2026, 11, 2)


def day(n: int) -> date:
    return D0 + timedelta(days=n)


def with_goals(*areas: str) -> UserState:
    state = UserState()
    for area in reversed(areas):
        state, _, _ = plan.set_goal(state, area, D0)
    return state


def test_new_goal_becomes_the_focus() -> None:
    state = with_goals("MOVE")
    state, change, goal = plan.set_goal(state, "BREATHE", D0)
    assert change is GoalChange.ADDED and state.focus == goal
    assert [g.key for g in state.goals] == ["BREATHE", "MOVE"]


def test_asking_for_an_existing_goal_makes_it_the_focus_without_resetting_it() -> None:
    state = with_goals("BREATHE", "MOVE")
    state, _ = plan.complete_step(state, "MOVE", D0)
    state, change, goal = plan.set_goal(state, "MOVE", day(1))
    assert change is GoalChange.FOCUSED and state.focus is not None
    assert state.focus.key == "MOVE" and len(goal.entries) == 1


def test_a_fourth_goal_is_refused() -> None:
    state = with_goals("MOVE", "BREATHE", "GRATITUDE")
    state, change, _ = plan.set_goal(state, "CONNECT", D0)
    assert change is GoalChange.FULL and len(state.goals) == 3


def test_custom_goal_keeps_plain_words_and_is_found_loosely() -> None:
    state, change, goal = plan.set_goal(UserState(), "CUSTOM", D0, "Drinking <b>Water</b>!")
    assert change is GoalChange.ADDED and goal.custom_name == "Drinking b Water b"
    assert plan.find_goal(state, None, "drinking b water b") == goal


def test_removing_the_focus_makes_the_next_goal_the_focus() -> None:
    state = with_goals("MOVE", "BREATHE")
    state, removed = plan.remove_goal(state, "MOVE")
    assert removed is not None and state.focus is not None and state.focus.key == "BREATHE"


def test_milestones_fall_on_the_documented_counts() -> None:
    hits = [n for n in range(1, 301) if plan.milestone_for(n)]
    assert hits == [1, 3, 7, 14, 21, 30, 50, 100, 200, 300]


def test_completing_twice_in_a_day_counts_once_in_the_total() -> None:
    state = with_goals("MOVE")
    state, first = plan.complete_step(state, "MOVE", D0)
    state, second = plan.complete_step(state, "MOVE", D0)
    assert state.total_steps == 1 and first.milestone == 1 and second.completion.already


def test_next_to_do_moves_past_goals_done_today() -> None:
    state = with_goals("MOVE", "BREATHE")
    state, _ = plan.complete_step(state, "MOVE", D0)
    nxt = plan.next_to_do(state, D0)
    assert nxt is not None and nxt.key == "BREATHE"


def test_start_day_reports_days_away_and_steps_down_after_misses() -> None:
    state = with_goals("MOVE")
    state, _ = plan.start_day(state, D0)
    state, _, _ = plan.set_goal(state, "MOVE", D0)
    for n in range(3):
        state, _ = plan.start_day(state, day(n))
        state, _ = plan.complete_step(state, "MOVE", day(n))
    state, news = plan.start_day(state, day(6))
    assert news.days_away == 4 and news.stepped_down == ("MOVE",)
    assert state.goals[0].size == 5


def test_progress_counts_the_last_seven_days_and_growth_since_start() -> None:
    state = with_goals("MOVE")
    for n in range(9):
        state, _ = plan.complete_step(state, "MOVE", day(n))
    figures = progress.progress(state, day(8))
    assert figures.momentum == 7 and figures.total_steps == 9
    ((_, growth),) = figures.growths
    assert (growth.start_size, growth.size, growth.since) == (5, 10, D0)
    assert dict((g.key, s) for g, s in figures.streaks) == {"MOVE": 9}
