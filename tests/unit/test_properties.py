"""Property tests: long random sequences of days and actions keep the kaizen invariants."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from skill.coach import plan, progression
from skill.coach.areas import AREAS, BUILT_IN_AREAS
from skill.coach.state import HISTORY_DAYS, Rating, UserState
from skill.store import codec

ACTIONS = ("complete", "skip", "smaller", "bigger", "easy", "right", "hard", "take_smaller")
D0 = date(2026, 1, 1)

days_and_actions = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=4), st.lists(st.sampled_from(ACTIONS), max_size=4)
    ),
    min_size=1,
    max_size=500,
)


def act(state: UserState, key: str, today: date, action: str) -> UserState:
    goal = state.goal(key)
    assert goal is not None
    if action == "complete":
        return plan.complete_step(state, key, today)[0]
    if action == "skip":
        return state.with_goal(progression.skip(goal, today)[0])
    if action == "smaller":
        return state.with_goal(progression.make_smaller(goal, today)[0])
    if action == "bigger":
        return state.with_goal(progression.make_bigger(goal, today)[0])
    if action == "take_smaller":
        size = progression.smaller_version(goal, today)
        return (
            state
            if size is None
            else state.with_goal(progression.take_smaller_today(goal, today, size))
        )
    rating = {"easy": Rating.EASY, "right": Rating.ABOUT_RIGHT, "hard": Rating.HARD}[action]
    return state.with_goal(progression.rate(goal, today, rating)[0])


@settings(max_examples=60, deadline=None)
@given(area=st.sampled_from([*BUILT_IN_AREAS, "CUSTOM"]), script=days_and_actions)
def test_long_random_use_keeps_the_ladder_invariants(
    area: str, script: list[tuple[int, list[str]]]
) -> None:
    state, _, goal = plan.set_goal(UserState(), area, D0, "drinking water")
    key, ladder = goal.key, AREAS[area].ladder
    today = D0
    for gap, actions in script:
        today += timedelta(days=gap)
        state, _ = plan.start_day(state, today)
        rung_at_start = state.goals[0].rung
        for action in actions:
            state = act(state, key, today, action)
            goal = state.goals[0]
            assert 0 <= goal.rung < len(ladder)
            assert goal.size in ladder
            assert abs(goal.rung - rung_at_start) <= 1, "at most one rung change a day"
            assert 1 <= goal.size_on(today) <= goal.size
        days = [e.day for e in goal.entries]
        assert days == sorted(set(days)), "one entry a day, in order"
        assert all(e.day > today - timedelta(days=HISTORY_DAYS) for e in goal.entries)
    assert state.total_steps >= len(state.goals[0].entries)
    assert codec.loads(codec.dumps(state)) == state
