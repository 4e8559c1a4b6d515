"""The DailyStep custom task, which an Alexa routine runs, and the offer of that routine.

The task: today's step, said briefly, then done.

A task arrives as a LaunchRequest carrying `task` (name `<skill id>.DailyStep`, version 1;
its definition is `infra/skill-package/tasks/DailyStep.1.json`). The answer never asks a
question: it speaks the step and completes the task with `Tasks.CompleteTask`.

The offer: after a few days with a step done, one question ("would you like a routine ...?");
a yes hands over to Alexa's own routine offer (`skill.alexa.routines`), and what became of it
comes back as a SessionResumedRequest.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import time

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.interfaces.tasks.complete_task_directive import CompleteTaskDirective
from ask_sdk_model.launch_request import LaunchRequest
from ask_sdk_model.response import Response
from ask_sdk_model.session_resumed_request import SessionResumedRequest
from ask_sdk_model.status import Status

from skill import envelope
from skill.alexa.routines import (
    DAILY_OFFER,
    SPOKEN_OFFER,
    VOICE_TRIGGER_LOCALES,
    RoutineResult,
    offer_daily,
    offer_voice,
    result_of,
)
from skill.coach.state import UserState
from skill.handlers import talk
from skill.handlers.base import Handler
from skill.handlers.questions import ROUTINE, Dialog, on_yes
from skill.handlers.reply import Reply
from skill.handlers.turn import Day, Turn
from skill.speech.ssml import Ssml

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


# -- offering a routine that runs the task ------------------------------------------------

# Days with a step done before the daily routine is offered, and before the spoken one is.
ROUTINE_AFTER_DAYS = 3
VOICE_ROUTINE_AFTER_DAYS = 10
# When the routine runs if no reminder says otherwise.
MORNING = time(8, 0)


def routine_question(turn: Turn, state: UserState, day: Day) -> tuple[UserState, Reply] | None:
    """The routine to offer after a completion, asked once each (whatever the answer), or None.

    The daily one comes after the third day with a step done, at the reminder's time if one
    is set (else 8 in the morning), in the device's time zone; without a known zone it waits.
    The spoken one ("Alexa, my small step") is a second offer, later, where the locale has
    spoken routines. A one-shot request cannot hear the answer, so nothing is offered there.
    """
    if turn.one_shot or not envelope.application_id(turn.envelope):
        return None
    days = state.step_days
    done_days = days.count(days.first() or day.today, day.today)
    voice = day.voice
    if state.routine_offered is None and done_days >= ROUTINE_AFTER_DAYS and state.time_zone:
        at = state.reminder.at if state.reminder else MORNING
        question = voice.say("routine.offer", time=voice.book.clock(at))
        offered = replace(state, routine_offered=day.today)
        return offered, Reply(
            Ssml(""), question, dialog=Dialog.OFFER_ROUTINE, session={ROUTINE: DAILY_OFFER}
        )
    voice_ok = turn.book.locale in VOICE_TRIGGER_LOCALES
    if (
        state.routine_offered is not None
        and state.voice_routine_offered is None
        and done_days >= VOICE_ROUTINE_AFTER_DAYS
        and voice_ok
    ):
        phrase = voice.book.variants("routine.utterances")[0]
        question = voice.say("routine.offer_voice", phrase=phrase)
        offered = replace(state, voice_routine_offered=day.today)
        return offered, Reply(
            Ssml(""), question, dialog=Dialog.OFFER_ROUTINE, session={ROUTINE: SPOKEN_OFFER}
        )
    return None


@on_yes(Dialog.OFFER_ROUTINE)
def offer_routine(turn: Turn) -> Response:
    """'Yes': hand over to Alexa, who asks for consent and creates the routine.

    The response carries only the StartConnection directive: no speech, no question, the
    session left to Alexa (pre-built-routine-api-reference); the outcome comes back as a
    SessionResumedRequest.
    """
    which = turn.session.get(ROUTINE)
    skill_id = envelope.application_id(turn.envelope) or ""

    def action(state: UserState, day: Day) -> tuple[UserState, Reply]:
        book = day.voice.book
        description = book.variants("routine.description")[0]
        if which == SPOKEN_OFFER:
            utterances = list(book.variants("routine.utterances"))
            directive = offer_voice(skill_id, utterances, book.locale, description)
        else:
            at = state.reminder.at if state.reminder else MORNING
            directive = offer_daily(skill_id, at, state.time_zone or "UTC", description)
        return state, Reply(Ssml(""), directives=(directive,), hand_over=True)

    return turn.answer(turn.change(action))


_RESULT_KEYS = {
    RoutineResult.CREATED: "routine.created",
    RoutineResult.DECLINED: "routine.declined",
    RoutineResult.ALREADY: "routine.already",
    RoutineResult.FAILED: "routine.failed",
}


class RoutineResultHandler(Handler):
    """The offer's outcome, as Alexa resumes the session: one short sentence, and goodbye."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """A SessionResumedRequest (the only connection this skill starts is the offer)."""
        return isinstance(handler_input.request_envelope.request, SessionResumedRequest)

    def respond(self, turn: Turn) -> Response:
        """Say what became of the routine."""
        request = turn.request
        assert isinstance(request, SessionResumedRequest)
        cause = request.cause
        status = getattr(cause, "status", None)
        outcome = result_of(getattr(status, "code", None), getattr(cause, "result", None))
        log.info("routine offer: %s", outcome.value)
        return turn.answer_without_state(lambda voice: Reply(voice.say(_RESULT_KEYS[outcome])))
