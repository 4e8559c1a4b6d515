"""Every reply a turn can assemble reads as whole sentences, in every combination.

The talk functions join phrases into replies: today's steps, a completion's cheer and what is
left, the day's news, a look back, a growth offer, a progress report, the goal list. This
renders each of them for every mix of up to three goals (daily and weekly, built-in and
custom, at the starter, the first rung and higher, done or not, a weekly one met or not),
in every variant of every phrase, and holds the text to the checks a listener would notice:
a capital at each sentence's start, a full stop at the end, no mark left dangling or doubled,
no colon inside a colon's clause, no empty placeholder, numbers said as people say them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest

from skill.coach import plan, progress, progression
from skill.coach.areas import STARTER, Unit
from skill.coach.plan import DayStart
from skill.coach.progression import GrowthOffer
from skill.coach.state import Goal, UserState, new_goal
from skill.coach.today import plan_day
from skill.coach.week import last_week, this_week
from skill.handlers import talk
from skill.speech.phrasebook import phrasebook
from skill.speech.ssml import Ssml, join, plain, sentences
from skill.speech.voice import Voice
from tests.support.voice_budget import text_problems

BOOK = phrasebook("en-US")
SUNDAY = 6
START = date(2026, 10, 4)  # a Sunday
TODAY = date(2026, 10, 21)  # a Wednesday, two and a half weeks later
MOST_VARIANTS = max(map(len, map(BOOK.variants, BOOK.phrase_keys())))


def _goal(area: str, rung: int, name: str | None = None, unit: Unit | None = None) -> Goal:
    goal = new_goal(area, START, name, unit)
    return replace(goal, rung=min(rung, goal.spec.top))


POOL = (
    _goal("MOVE", STARTER),
    _goal("MOVE", 4),
    _goal("GRATITUDE", 1),
    _goal("EXPRESS", 1),
    _goal("EXPRESS", 3),
    _goal("CUSTOM", 1, "drinking more water", Unit.GLASSES),
    _goal("CUSTOM", STARTER, "reading to my kid", Unit.PAGES),
    _goal("CUSTOM", 2, "push-ups", Unit.TIMES),
    _goal("CUSTOM", 3, "practicing piano", Unit.MINUTES),
)


def _done(goal: Goal, *days: date) -> Goal:
    for day in days:
        goal, _ = progression.complete(goal, day)
    return goal


def states() -> Iterator[UserState]:
    """Up to three goals from the pool (one of each area), each done today or not, a weekly
    one met earlier in the week or not."""
    for size in (1, 2, 3):
        for chosen in itertools.combinations(POOL, size):
            areas = [g.area if g.area != "CUSTOM" else g.custom_name for g in chosen]
            if len(set(areas)) < len(areas):
                continue
            for flags in itertools.product((False, True), repeat=size):
                goals = []
                for goal, today in zip(chosen, flags, strict=True):
                    # Done yesterday: once a week is met, three times a week is not.
                    goal = _done(goal, TODAY - timedelta(days=1)) if goal.weekly else goal
                    goals.append(_done(goal, TODAY) if today else goal)
                yield UserState(goals=tuple(goals), total_steps=20, first_seen=START)


STATES = list(states())


def voices() -> Iterator[Voice]:
    """A voice for each variant index, so every variant of every phrase is rendered."""
    for seed in range(MOST_VARIANTS):
        yield Voice(BOOK, {}, seed=seed)


def heard(reply: Ssml) -> str:
    """A reply as the listener hears it (sentences capitalised, as render does)."""
    return plain(sentences(reply))


def check(reply: Ssml, context: object) -> None:
    text = heard(reply)
    problems = text_problems(text)
    if text and not text.rstrip().endswith((".", "!", "?")):
        problems.append("no mark at the end")
    if "{" in text or "}" in text or "None" in text:
        problems.append("an empty placeholder")
    assert not problems, f"{problems}: {text!r} ({context})"


def test_the_grid_covers_every_mix_of_cadence_kind_and_day() -> None:
    # A check on the grid itself: a change to the pool must not quietly shrink it.
    assert len(STATES) > 500
    plans = [plan_day(s, TODAY, SUNDAY) for s in STATES]
    assert any(p.left_today and p.left_this_week for p in plans)
    assert any(p.met and p.left_today for p in plans)
    assert any(p.all_done for p in plans)


@pytest.mark.parametrize("news", ["none", "came_back", "eased"])
def test_a_launch_reads_as_whole_sentences_for_every_day(news: str) -> None:
    for state in STATES:
        day = plan_day(state, TODAY, SUNDAY)
        keys = tuple(g.key for g in state.goals[:2]) if news == "eased" else ()
        start = DayStart(False, 20 if news == "came_back" else 1, news == "came_back", keys)
        for voice in voices():
            reply = talk.today_steps(voice, day)
            check(join(talk.day_news(voice, state, start), reply), (state, news))


def test_every_completion_reads_as_whole_sentences() -> None:
    for state in STATES:
        for goal in state.goals:
            for total in (1, 7, 8, 20):
                counted = replace(state, total_steps=total - 1)
                after, done = plan.complete_step(counted, goal.key, TODAY)
                for voice in voices():
                    reply = talk.celebrate(voice, done, plan_day(after, TODAY, SUNDAY), SUNDAY)
                    check(reply, (state, goal, total))


def test_offers_look_backs_progress_and_lists_read_as_whole_sentences() -> None:
    for state in STATES:
        figures = progress.progress(state, TODAY, SUNDAY)
        looks = (last_week(state, TODAY, SUNDAY), this_week(state, TODAY, SUNDAY))
        for voice in voices():
            check(talk.progress_report(voice, figures), state)
            check(talk.goal_list(voice, state), state)
            for look in looks:
                check(talk.look_back(voice, look), (state, look))
            for goal in state.goals:
                if goal.rung < goal.spec.top:
                    for days in (5, 7):
                        offer = GrowthOffer(days, goal.rung, goal.rung + 1)
                        check(talk.growth_question(voice, goal, offer), (goal, days))
