"""The DailyStep custom task, which an Alexa routine runs: today's step, said briefly, then done.

A task arrives as a LaunchRequest carrying `task` (name `<skill id>.DailyStep`, version 1;
its definition is `infra/skill-package/tasks/DailyStep.1.json`). The answer never asks a
question: it speaks the step and completes the task with `Tasks.CompleteTask`.
"""

from __future__ import annotations

import logging

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.interfaces.tasks.complete_task_directive import CompleteTaskDirective
from ask_sdk_model.launch_request import LaunchRequest
from ask_sdk_model.response import Response
from ask_sdk_model.status import Status

from skill.coach.state import UserState
from skill.handlers import talk
from skill.handlers.base import Handler
from skill.handlers.reply import Reply
from skill.handlers.turn import Day, Turn

log = logging.getLogger(__name__)

DAILY_STEP = "DailyStep"


def _complete(code: str, message: str) -> CompleteTaskDirective:
    return CompleteTaskDirective(status=Status(code=code, message=message))


class TaskHandler(Handler):
    """A launch that carries a task: DailyStep answers today's step; others are declined."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """A LaunchRequest with a task."""
        request = handler_input.request_envelope.request
        return isinstance(request, LaunchRequest) and request.task is not None

    def respond(self, turn: Turn) -> Response:
        """Today's step for DailyStep, spoken without a question; the task is then complete."""
        request = turn.request
        assert isinstance(request, LaunchRequest) and request.task is not None
        name = str(request.task.name or "")
        if name.rsplit(".", 1)[-1] != DAILY_STEP:
            log.info("unknown task requested")
            return turn.answer_without_state(
                lambda voice: Reply(
                    voice.say("unknown.intent"),
                    directives=(_complete("400", "unknown task"),),
                )
            )

        def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
            done = (_complete("200", "OK"),)
            if not state.goals:
                return state, Reply(day.voice.say("task.no_goals"), directives=done)
            speech = talk.today_steps(day.voice, day.plan(state))
            return state, Reply(speech, directives=done)

        return turn.answer(turn.change(action))
