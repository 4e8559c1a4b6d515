"""Handlers for looking at progress: how am I doing, how was my week, and encourage me.

All three speak from the person's own history: days this week, growth since the start,
streaks only when positive. The weekly look back ends with one question that adjusts a step
("keep it, make it smaller, or try a bit more?"), skippable in one word.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ask_sdk_model.response import Response

from skill.coach.areas import STARTER
from skill.coach.state import UserState, week_start
from skill.coach.week import WeekLook, last_week, this_week
from skill.handlers import talk
from skill.handlers.base import Handler
from skill.handlers.questions import GOAL, Dialog, on_yes
from skill.handlers.reply import Reply
from skill.handlers.screens import shown
from skill.handlers.steps import choose_area
from skill.handlers.turn import Day, Turn
from skill.speech.ssml import Ssml, join

if TYPE_CHECKING:
    from skill.coach.progress import Progress


class ProgressHandler(Handler):
    """'How am I doing?': days this week, growth since the start, streaks, total."""

    intents = ("ProgressIntent",)

    def respond(self, turn: Turn) -> Response:
        """Speak the figures."""
        return hear_progress(turn)


@on_yes(Dialog.OFFER_PROGRESS)
def hear_progress(turn: Turn) -> Response:
    """The figures for 'how am I doing' (and for yes to 'want to hear how you're doing?')."""

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        if not state.goals and state.total_steps == 0:
            return state, choose_area(day)
        figures = _progress(state, day)
        return state, Reply(talk.progress_report(day.voice, figures))

    return turn.answer(turn.change(action))


class ReviewWeekHandler(Handler):
    """'How was my week?': this week so far (on a week's first day, last week), and a question."""

    intents = ("ReviewWeekIntent",)

    def respond(self, turn: Turn) -> Response:
        """The look back, then one adjusting question."""

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            if not state.goals:
                return state, choose_area(day)
            look = this_week(state, day.today, day.first_weekday)
            if look.finished:
                state = _reviewed(state, day)
            return state, _week_reply(turn, state, day, look)

        return turn.answer(turn.change(action))


@on_yes(Dialog.OFFER_REVIEW)
def review_last_week(turn: Turn) -> Response:
    """'Yes' to the look back offered on the first visit of a week."""

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        look = last_week(state, day.today, day.first_weekday)
        state = _reviewed(state, day)
        return state, _week_reply(turn, state, day, look)

    return turn.answer(turn.change(action))


def _reviewed(state: UserState, day: Day) -> UserState:
    return replace(state, reviewed_week=week_start(day.today, day.first_weekday))


def _week_reply(turn: Turn, state: UserState, day: Day, look: WeekLook) -> Reply:
    """The look back, its one question, and the week on the screen and in the Alexa app."""
    reply = _week_words(turn, day, look)
    return shown(turn, reply, "week", state, day, look=look, card=True)


def _week_words(turn: Turn, day: Day, look: WeekLook) -> Reply:
    voice = day.voice
    speech = talk.look_back(voice, look)
    week = talk.week_goal(look)
    if week is None or turn.one_shot:
        return Reply(speech)
    if week.good:
        key = "week.adjust"
    elif week.goal.rung == STARTER:
        # Nothing smaller to offer and not a week to grow on: no question, just the step.
        step = voice.book.step(week.goal, STARTER)
        return Reply(join(speech, voice.say("week.starter_stays", step=step)))
    else:
        key = "week.adjust_steady" if look.any_done else "week.adjust_quiet"
    return Reply(
        speech,
        voice.say(key, name=voice.book.goal_name(week.goal)),
        dialog=Dialog.WEEK_ADJUST,
        session={GOAL: week.goal.key},
    )


class EncourageHandler(Handler):
    """'Encourage me': one true thing from their own progress, then a kind push."""

    intents = ("EncourageIntent",)

    def respond(self, turn: Turn) -> Response:
        """Pick the most meaningful fact from the history and say it warmly."""

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            voice, book = day.voice, day.voice.book
            figures = _progress(state, day)
            fact: Ssml
            if figures.total_steps == 0:
                fact = voice.say("encourage.beginning")
            elif figures.done_today:
                fact = voice.say("encourage.done_today")
            elif figures.growths:
                goal, growth = figures.growths[0]
                fact = voice.say(
                    "encourage.growth",
                    name=book.goal_name(goal),
                    start=growth.start_size,
                    size=book.size(goal, goal.rung),
                )
            elif figures.days_this_week:
                fact = voice.say(
                    "encourage.this_week", steps=book.count(figures.days_this_week, "step")
                )
            else:
                fact = voice.say(
                    "encourage.coming_back", steps=book.count(figures.total_steps, "step")
                )
            plan = day.plan(state)
            nudge = talk.today_steps(voice, plan) if plan.left else None
            return state, Reply(join(fact, voice.say("encourage.closer"), nudge))

        return turn.answer(turn.change(action))


def _progress(state: UserState, day: Day) -> Progress:
    # Imported when first asked for: most turns never need it, and a cold start pays for
    # every module it imports.
    from skill.coach.progress import progress

    return progress(state, day.today, day.first_weekday)
