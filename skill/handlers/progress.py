"""Handlers for 'how am I doing' and 'encourage me', both grounded in the user's own history."""

from __future__ import annotations

from ask_sdk_model.response import Response

from skill.coach import progress
from skill.coach.state import UserState
from skill.handlers import talk
from skill.handlers.base import Handler
from skill.handlers.questions import Dialog, on_yes
from skill.handlers.reply import Reply
from skill.handlers.steps import choose_area
from skill.handlers.turn import Day, Turn
from skill.speech.ssml import Ssml, join


class ProgressHandler(Handler):
    """'How am I doing?': momentum, growth since the start, streaks, total."""

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
        figures = progress.progress(state, day.today)
        speech = talk.progress_report(day.voice, figures)
        return state, Reply(speech, day.voice.say("ask.anything_else"))

    return turn.answer(turn.change(action))


class EncourageHandler(Handler):
    """'Encourage me': one true thing from their own progress, then a kind push."""

    intents = ("EncourageIntent",)

    def respond(self, turn: Turn) -> Response:
        """Pick the most meaningful fact from the history and say it warmly."""

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            voice, book = day.voice, day.voice.book
            figures = progress.progress(state, day.today)
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
                    size=book.size(goal, growth.size),
                )
            elif figures.momentum:
                fact = voice.say(
                    "encourage.momentum", steps=book.count(figures.momentum, "small_step")
                )
            else:
                fact = voice.say(
                    "encourage.coming_back", steps=book.count(figures.total_steps, "step")
                )
            nudge = talk.today_steps(voice, state, day.today) if state.goals else None
            speech = join(fact, voice.say("encourage.closer"), nudge)
            return state, Reply(speech, voice.say("ask.anything_else"))

        return turn.answer(turn.change(action))
