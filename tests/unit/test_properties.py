"""For any sequence of days and answers, the rules keep their promises (hypothesis)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from skill.coach import plan, progression
from skill.coach.areas import AREAS, STARTER
from skill.coach.days import Days
from skill.coach.state import Rating, UserState, new_goal

START = date(2026, 11, 2)
SUNDAY = 6

# What a person may do on a day, as the conversation offers it.
ACTIONS = ("done", "too_hard", "easy", "about_right", "hard", "skip", "bigger", "away", "keep")
# How a person answers an offer, when one is made.
ANSWERS = ("yes", "no", "silence")


@dataclass
class Life:
    """What happened to a goal, day by day."""

    rungs: list[int]
    grew_by_yes: list[date]
    grew_by_asking: list[date]
    growths: list[date]
    returns: list[int]  # day numbers on which the person came back after two weeks away


def live(area: str, days: list[tuple[str, str]]) -> Life:
    """Run a goal through days of actions as the skill would, watching every rung."""
    state = UserState(goals=(new_goal(area, START),), first_seen=START, last_seen=START)
    life = Life([], [], [], [], [])
    for n, (action, answer) in enumerate(days):
        today = START + timedelta(days=n)
        if action == "away":
            life.rungs.append(state.goals[0].rung)
            continue
        state, news = plan.open_day(state, today, SUNDAY)
        if news.came_back:
            life.returns.append(n)
        goal = state.goals[0]
        before = goal.rung
        if action == "done":
            goal, _ = progression.complete(goal, today)
            offer = progression.growth_offer(goal, today, SUNDAY)
            if offer is not None:
                goal = progression.offered(goal, today)
                if answer == "yes":
                    goal, _ = progression.grow(goal, today)
                    if goal.rung > before:
                        life.grew_by_yes.append(today)
        elif action == "too_hard":
            goal, _ = progression.too_hard(goal, today)
        elif action in ("easy", "about_right", "hard"):
            goal, _ = progression.complete(goal, today)
            goal, _ = progression.rate(goal, today, Rating[action.upper()])
        elif action == "bigger":
            goal, _ = progression.grow(goal, today)
            if goal.rung > before:
                life.grew_by_asking.append(today)
        state = state.with_goal(goal)
        if goal.rung > before:
            life.growths.append(today)
        life.rungs.append(goal.rung)
    return life


days_strategy = st.lists(
    st.tuples(st.sampled_from(ACTIONS), st.sampled_from(ANSWERS)), min_size=1, max_size=120
)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(AREAS)), days_strategy)
def test_growth_comes_only_from_a_yes_or_asking_and_a_yes_never_twice_in_a_week(
    area: str, days: list[tuple[str, str]]
) -> None:
    life = live(area, days)
    assert sorted(life.growths) == sorted(life.grew_by_yes + life.grew_by_asking)
    for accepted in life.grew_by_yes:
        earlier = [g for g in life.growths if g < accepted]
        assert not earlier or accepted - max(earlier) >= timedelta(days=7)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(AREAS)), days_strategy)
def test_a_step_moves_at_most_one_rung_a_day_and_never_below_the_starter(
    area: str, days: list[tuple[str, str]]
) -> None:
    life = live(area, days)
    previous = 1
    for n, rung in enumerate(life.rungs):
        assert STARTER <= rung <= AREAS[area].top
        assert rung - previous <= 1, "grew more than one rung in a day"
        # Down by more than a rung only on a return after two weeks (a gentle restart).
        assert previous - rung <= 1 or n in life.returns
        previous = rung


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=2000), max_size=300))
def test_the_day_bitmap_answers_like_a_set_of_days_within_its_window(offsets: list[int]) -> None:
    days = Days()
    for offset in offsets:
        days = days.add(START + timedelta(days=offset))
    if not offsets:
        assert days.last() is None
        return
    newest = START + timedelta(days=max(offsets))
    window = [o for o in offsets if newest - (START + timedelta(days=o)) < timedelta(days=732)]
    kept = {START + timedelta(days=o) for o in window}
    assert days.last() == max(kept)
    assert days.count(min(kept), max(kept)) == len(kept)
    for offset in range(min(window), max(window) + 1):
        one = START + timedelta(days=offset)
        assert days.has(one) == (one in kept)
    assert Days.from_text(days.to_text()) == days
