"""Handlers for goals: set one (built-in or custom), list them, remove one."""

from __future__ import annotations

from collections.abc import Callable

from ask_sdk_model.response import Response

from skill.coach import plan
from skill.coach.areas import BUILT_IN_AREAS, CUSTOM
from skill.coach.plan import GoalChange
from skill.coach.state import UserState
from skill.handlers import talk
from skill.handlers.base import Handler
from skill.handlers.questions import GOAL, Dialog
from skill.handlers.reply import Reply
from skill.handlers.steps import choose_area
from skill.handlers.turn import Day, Turn
from skill.speech.ssml import join


class SetGoalHandler(Handler):
    """'I want to work on walking' / 'drinking water': add a goal as the focus."""

    intents = ("SetGoalIntent",)

    def respond(self, turn: Turn) -> Response:
        """Add the goal as the focus, or make an existing one the focus."""
        area = turn.slot("area")
        area_id = area.id if area.id in BUILT_IN_AREAS else CUSTOM
        custom = None if area_id != CUSTOM else plan.clean_custom_name(area.words or "")

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            voice = day.voice
            if area_id == CUSTOM and not custom:
                return state, choose_area(day, key="goal.didnt_catch")
            state, change, goal = plan.set_goal(state, area_id, day.today, custom)
            book = voice.book
            if change is GoalChange.FULL:
                names = book.listing([book.goal_name(g) for g in state.goals])
                return state, Reply(
                    voice.say("goal.full", goals=names), voice.say("ask.anything_else")
                )
            key = {
                GoalChange.ADDED: "goal.added",
                GoalChange.FOCUSED: "goal.focused",
                GoalChange.ALREADY_FOCUS: "goal.already_focus",
            }[change]
            speech = join(
                voice.say(key, name=book.goal_name(goal)),
                talk.step_for(voice, goal, day.today),
            )
            # A newcomer needs to hear how to report the step, even in a one-shot.
            if change is GoalChange.ADDED and state.total_steps == 0:
                speech = join(speech, voice.say("goal.how_to_report"))
                question = None
            else:
                question = voice.say("ask.after_step")
            return state, Reply(
                speech, question, voice.say("reprompt.after_step"), session={GOAL: goal.key}
            )

        return turn.answer(turn.change(action))


class ListGoalsHandler(Handler):
    """'What are my goals?'"""

    intents = ("ListGoalsIntent",)

    def respond(self, turn: Turn) -> Response:
        """Each goal with its current size, focus first."""

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            if not state.goals:
                return state, choose_area(day)
            speech = talk.goal_list(day.voice, state)
            return state, Reply(speech, day.voice.say("ask.anything_else"))

        return turn.answer(turn.change(action))


class RemoveGoalHandler(Handler):
    """'Remove my breathing goal' (and the goal named while choosing one to remove)."""

    intents = ("RemoveGoalIntent",)

    def respond(self, turn: Turn) -> Response:
        """Remove the goal named in the `area` slot; without one, ask which."""
        return turn.answer(turn.change(_remove(turn)))


def _remove(turn: Turn) -> Callable[[UserState, Day], tuple[UserState, Reply]]:
    area = turn.slot("area")

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        voice, book = day.voice, day.voice.book
        if not state.goals:
            return state, choose_area(day)
        names = book.listing([book.goal_name(g) for g in state.goals])
        if not (area.id or area.words):
            return state, Reply(
                voice.say("goal.which_to_remove", goals=names),
                voice.say("reprompt.which_to_remove", goals=names),
                dialog=Dialog.CHOOSE_REMOVE,
                must_answer=True,
            )
        goal = plan.find_goal(state, area.id, area.words)
        if goal is None:
            named = book.label(area.id) if area.id in BUILT_IN_AREAS else area.words
            return state, Reply(
                voice.say("goal.not_active", area=named or ""),
                voice.say("goal.which_to_remove", goals=names),
                dialog=Dialog.CHOOSE_REMOVE,
            )
        state, _ = plan.remove_goal(state, goal.key)
        speech = voice.say("goal.removed", name=book.goal_name(goal))
        if state.focus is not None and goal.key != state.focus.key:
            speech = join(speech, voice.say("goal.focus_now", name=book.goal_name(state.focus)))
        if not state.goals:
            return state, choose_area(day, lead=speech)
        return state, Reply(speech, voice.say("ask.anything_else"))

    return action
