"""Builds what the coach says from domain values: steps, celebrations, progress, choices.

Only wording decisions live here; every word comes from the phrasebook through a Voice.
"""

from __future__ import annotations

from datetime import date

from skill.coach import plan
from skill.coach.areas import BUILT_IN_AREAS, Cadence
from skill.coach.plan import DayStart, StepDone
from skill.coach.progress import Progress, momentum
from skill.coach.state import Goal, UserState, period_start
from skill.speech.ssml import Ssml, join
from skill.speech.voice import Voice


def step_for(voice: Voice, goal: Goal, today: date) -> Ssml:
    """Today's step for one goal, e.g. 'Today's step: a 5 minute walk.'"""
    size = goal.size_on(today)
    step = voice.book.step(goal, size)
    if goal.spec.cadence is Cadence.WEEKLY:
        week = _done_this_week(goal, today)
        if week >= size:
            return voice.say("step.weekly_met", step=step)
        if week:
            return voice.say("step.weekly_some", step=step, done=week)
    return voice.say("step.today", step=step)


def today_steps(voice: Voice, state: UserState, today: date) -> Ssml:
    """The focus goal's step first, then the others not yet done today."""
    pending = [g for g in state.goals if g.entry_on(today) is None]
    if not pending:
        focus = state.goals[0]
        return voice.say("step.all_done", step=voice.book.step(focus, focus.size))
    first, *others = pending
    parts = [step_for(voice, first, today)]
    if others:
        parts.append(
            voice.say(
                "step.also",
                steps=voice.book.listing([voice.book.step(g, g.size_on(today)) for g in others]),
            )
        )
    return join(*parts)


def day_news(voice: Voice, state: UserState, start: DayStart) -> Ssml:
    """A welcome back after days away, and any step made smaller because of missed days."""
    parts: list[Ssml] = []
    if not start.first_visit and start.days_away >= 2:
        parts.append(voice.say("welcome.back_after_break"))
    for key in start.stepped_down:
        goal = state.goal(key)
        if goal is not None:
            parts.append(
                voice.say(
                    "news.eased_after_misses",
                    name=voice.book.goal_name(goal),
                    size=voice.book.size(goal, goal.size),
                )
            )
    return join(*parts)


def area_choices(voice: Voice) -> Ssml:
    """The built-in areas as a spoken list of choices."""
    return voice.book.listing([voice.book.label(a) for a in BUILT_IN_AREAS])


def choose_area_question(voice: Voice) -> Ssml:
    """Ask which area to grow in."""
    return voice.say("goal.which_area", choices=area_choices(voice))


def celebrate(voice: Voice, state: UserState, done: StepDone, today: date) -> Ssml:
    """A specific celebration: what was done, the count or milestone, and the next step's news."""
    goal, book = done.goal, voice.book
    if done.completion.already:
        return voice.say("done.already", name=book.goal_name(goal))
    parts = [voice.say("done.cheer", step=book.step(goal, done.completion.size))]
    if done.milestone == 1:
        parts.append(voice.say("milestone.first"))
    elif done.milestone is not None:
        parts.append(voice.say("milestone.count", count=done.milestone))
    else:
        week = momentum(state, today)
        if week >= 2:
            parts.append(voice.say("done.momentum", steps=book.count(week, "small_step")))
    if done.completion.grew:
        weekly = goal.spec.cadence is Cadence.WEEKLY
        key = "news.grew_next_week" if weekly else "news.grew_tomorrow"
        parts.append(voice.say(key, step=book.step(goal, goal.size)))
        if goal.rung >= goal.spec.top:
            parts.append(voice.say("news.top_reached"))
    next_goal = plan.next_to_do(state, today)
    if next_goal is not None and next_goal.entry_on(today) is None:
        parts.append(voice.say("done.next_up", step=book.step(next_goal, next_goal.size_on(today))))
    return join(*parts)


def progress_report(voice: Voice, figures: Progress) -> Ssml:
    """Momentum, growth since the start, positive streaks, and the total."""
    book = voice.book
    if figures.total_steps == 0:
        return voice.say("progress.none_yet")
    parts: list[Ssml] = []
    if figures.momentum > 0:
        parts.append(
            voice.say("progress.momentum", steps=book.count(figures.momentum, "small_step"))
        )
    else:
        parts.append(
            voice.say("progress.fresh_week", steps=book.count(figures.total_steps, "step"))
        )
    for goal, growth in figures.growths:
        parts.append(
            voice.say(
                "progress.growth",
                name=book.goal_name(goal),
                start=growth.start_size,
                size=book.size(goal, growth.size),
                since=book.date(growth.since),
            )
        )
    for goal, days in figures.streaks:
        if days >= 2:
            weekly = goal.spec.cadence is Cadence.WEEKLY
            key = "progress.streak_weeks" if weekly else "progress.streak_days"
            parts.append(voice.say(key, count=days, name=book.goal_name(goal)))
    if 0 < figures.momentum < figures.total_steps:
        parts.append(voice.say("progress.total", steps=book.count(figures.total_steps, "step")))
    return join(*parts)


def goal_list(voice: Voice, state: UserState) -> Ssml:
    """The focus goal with its size, then the others."""
    book = voice.book
    focus, *others = state.goals
    parts = [
        voice.say("goals.focus", name=book.goal_name(focus), size=book.size(focus, focus.size))
    ]
    if others:
        items = [
            voice.say("goals.item", name=book.goal_name(g), size=book.size(g, g.size))
            for g in others
        ]
        parts.append(voice.say("goals.others", items=book.listing(items)))
    return join(*parts)


def _done_this_week(goal: Goal, today: date) -> int:
    return len(goal.entries_between(period_start(today, Cadence.WEEKLY), today))
