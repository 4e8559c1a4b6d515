"""Handlers for the conversation itself: yes/no, help, fallback, stop, session end, unknowns.

Help, Fallback, Yes and No answer according to the question the skill asked last, which the
session remembers (see `Dialog`).
"""

from __future__ import annotations

import logging

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_model.intent_request import IntentRequest
from ask_sdk_model.response import Response

from skill.handlers import talk
from skill.handlers.base import Handler
from skill.handlers.data import delete_confirmed
from skill.handlers.progress import ProgressHandler
from skill.handlers.steps import accept_smaller
from skill.handlers.turn import Dialog, Reply, Turn
from skill.speech.ssml import Ssml
from skill.speech.voice import Voice

log = logging.getLogger(__name__)


class YesHandler(Handler):
    """'Yes' to whatever was just asked."""

    intents = ("AMAZON.YesIntent",)

    def respond(self, turn: Turn) -> Response:
        """Accept the pending offer, or ask what they would like."""
        dialog = turn.dialog
        if dialog == Dialog.CONFIRM_DELETE:
            return delete_confirmed(turn)
        if dialog == Dialog.OFFER_SMALLER:
            return accept_smaller(turn)
        if dialog == Dialog.OFFER_PROGRESS:
            return ProgressHandler(self.deps).respond(turn)

        def build(voice: Voice) -> Reply:
            if dialog == Dialog.CHOOSE_AREA:
                question = talk.choose_area_question(voice)
                return Reply(Ssml(""), question, dialog=dialog, must_answer=True)
            if dialog == Dialog.FEELING:
                return Reply(Ssml(""), voice.say("feeling.unclear"), dialog=dialog)
            return Reply(Ssml(""), voice.say("ask.what_next"), voice.say("reprompt.what_next"))

        return turn.answer_without_state(build)


class NoHandler(Handler):
    """'No' to whatever was just asked: always fine, never a guilt trip."""

    intents = ("AMAZON.NoIntent",)

    def respond(self, turn: Turn) -> Response:
        """Decline kindly."""
        key = {
            Dialog.CONFIRM_DELETE: "no.keep_data",
            Dialog.OFFER_SMALLER: "no.rest_today",
            Dialog.CHOOSE_AREA: "no.choose_later",
            Dialog.CHOOSE_REMOVE: "no.keep_goals",
            Dialog.REMINDER_TIME: "no.reminder",
        }.get(turn.dialog or "", "no.goodbye")
        return turn.answer_without_state(lambda voice: Reply(voice.say(key)))


_HELP_KEYS = {
    Dialog.CHOOSE_AREA: "help.choose_area",
    Dialog.CHOOSE_REMOVE: "help.choose_remove",
    Dialog.FEELING: "help.feeling",
    Dialog.OFFER_SMALLER: "help.offer_smaller",
    Dialog.OFFER_PROGRESS: "help.yes_no",
    Dialog.CONFIRM_DELETE: "help.confirm_delete",
    Dialog.REMINDER_TIME: "help.reminder_time",
}

_FALLBACK_KEYS = {
    Dialog.CHOOSE_AREA: "fallback.choose_area",
    Dialog.CHOOSE_REMOVE: "fallback.choose_remove",
    Dialog.FEELING: "fallback.feeling",
    Dialog.OFFER_SMALLER: "fallback.yes_no",
    Dialog.OFFER_PROGRESS: "fallback.yes_no",
    Dialog.CONFIRM_DELETE: "fallback.yes_no",
    Dialog.REMINDER_TIME: "fallback.reminder_time",
}


class HelpHandler(Handler):
    """Help that fits where the user is: the pending question, or what the skill does."""

    intents = ("AMAZON.HelpIntent",)

    def respond(self, turn: Turn) -> Response:
        """Explain the pending question, or the skill, and keep listening."""
        return _guide(turn, _HELP_KEYS, "help.general")


class FallbackHandler(Handler):
    """Words the model did not understand: a nudge that fits the pending question."""

    intents = ("AMAZON.FallbackIntent",)

    def respond(self, turn: Turn) -> Response:
        """Say what would work here, and keep listening."""
        return _guide(turn, _FALLBACK_KEYS, "fallback.general")


def _guide(turn: Turn, keys: dict[str, str], general: str) -> Response:
    dialog = turn.dialog
    key = keys.get(dialog or "", general)

    def build(voice: Voice) -> Reply:
        question = voice.say(key, choices=talk.area_choices(voice))
        reprompt = voice.say("reprompt.what_next")
        return Reply(Ssml(""), question, reprompt, dialog=dialog, must_answer=True)

    return turn.answer_without_state(build)


class StopHandler(Handler):
    """Stop, Cancel and NavigateHome end kindly (a pending deletion is called off)."""

    intents = ("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent")

    def respond(self, turn: Turn) -> Response:
        """Say goodbye."""
        key = "no.keep_data" if turn.dialog == Dialog.CONFIRM_DELETE else "stop.goodbye"
        return turn.answer_without_state(lambda voice: Reply(voice.say(key)))


class SessionEndedHandler(Handler):
    """The session ended (user silence, exit, or an error on Alexa's side): log why, say nothing."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """Any SessionEndedRequest."""
        return bool(is_request_type("SessionEndedRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        """Log the reason (and error type, never content) and return an empty response."""
        request = handler_input.request_envelope.request
        reason = getattr(getattr(request, "reason", None), "value", None)
        error = getattr(
            getattr(getattr(request, "error", None), "object_type", None), "value", None
        )
        log.info("session ended: reason=%s error=%s", reason, error)
        return handler_input.response_builder.response


class UnhandledHandler(Handler):
    """Last in line: an intent we do not know gets one kind sentence; other requests, silence."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        """Everything that reached the end of the list."""
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        """Kind words for an unknown intent; an empty response for an unknown request type."""
        request = handler_input.request_envelope.request
        if not isinstance(request, IntentRequest):
            log.info("unhandled request type: %s", getattr(request, "object_type", None))
            return handler_input.response_builder.response
        return super().handle(handler_input)

    def respond(self, turn: Turn) -> Response:
        """Say what the skill can do instead."""
        return turn.answer_without_state(
            lambda voice: Reply(voice.say("unknown.intent"), voice.say("ask.what_next"))
        )
